package org.jcm.ledger.report;

import static org.jcm.ledger.report.AefLookups.date;
import static org.jcm.ledger.report.AefLookups.total;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.state.Authorization;

/**
 * AEF table 2 of one Party: a row for each authorization it made, amended or revoked, with the
 * terms of that version. The Party's own authorizations only.
 */
final class AuthorizationRows {

    private final PartyCode party;
    private final AefLookups lookups;
    private final List<AuthorizationRow> rows = new ArrayList<>();

    AuthorizationRows(PartyCode party, AefLookups lookups) {
        this.party = party;
        this.lookups = lookups;
    }

    List<AuthorizationRow> rows() {
        return rows;
    }

    void authorized(UnitsAuthorized e) {
        if (e.party().equals(party)) {
            rows.add(new AuthorizationRow(e.seq(), date(e), e.authorizationId(), 1, AuthorizationChange.ORIGINAL,
                    e.party(), e.cooperativeApproachId(), e.purpose(), e.oimp(), e.firstTransferDefinition(),
                    e.terms().authorizedQuantity(), e.terms().vintages(), e.terms().authorizedEntities(), total(e.ranges()),
                    e.issuanceId(), Optional.empty(), lookups.sectorActivity(e.ranges())));
        }
    }

    void amended(AuthorizationAmended e) {
        Authorization a = lookups.authorization(e.authorizationId(), e);
        if (a.party().equals(party)) {
            rows.add(new AuthorizationRow(e.seq(), date(e), a.id(), e.version(), AuthorizationChange.AMENDMENT,
                    a.party(), a.cooperativeApproachId(), a.purpose(), a.oimp(), a.firstTransferDefinition(),
                    e.terms().authorizedQuantity(), e.terms().vintages(), e.terms().authorizedEntities(), total(e.ranges()),
                    e.issuanceId(), e.reason(), lookups.sectorActivity(e.ranges())));
        }
    }

    void revoked(AuthorizationRevoked e) {
        Authorization a = lookups.authorization(e.authorizationId(), e);
        if (a.party().equals(party)) {
            rows.add(new AuthorizationRow(e.seq(), date(e), a.id(), a.version(), AuthorizationChange.REVOCATION,
                    a.party(), a.cooperativeApproachId(), a.purpose(), a.oimp(), a.firstTransferDefinition(),
                    a.terms().authorizedQuantity(), a.terms().vintages(), a.terms().authorizedEntities(), total(e.ranges()),
                    Optional.empty(), e.reason(), lookups.sectorActivity(e.ranges())));
        }
    }
}
