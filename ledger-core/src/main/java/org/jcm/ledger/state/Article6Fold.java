package org.jcm.ledger.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.AuthorizationTerms;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.IssuanceId;

/**
 * The fold of the Article 6.2 events: authorizations and their versions and revocation, first
 * transfers and corresponding adjustments, which move units through the CA states
 * (committed, pending, applied) and fix each Party's CA method per NDC period.
 */
final class Article6Fold {

    private final LedgerData data;
    private final JournaledWrites writes;
    private final ChangeTracker changes;
    private final BlockSurgery surgery;

    Article6Fold(LedgerData data, JournaledWrites writes, ChangeTracker changes, BlockSurgery surgery) {
        this.data = data;
        this.writes = writes;
        this.changes = changes;
        this.surgery = surgery;
    }

    void authorized(UnitsAuthorized e) {
        if (data.authorizations.containsKey(e.authorizationId())) {
            throw new InconsistentEventException(e.seq(), "authorization " + e.authorizationId() + " exists");
        }
        AuthorizationState auth = new AuthorizationState(e.authorizationId(), e.party(), e.cooperativeApproachId(),
                e.purpose(), e.oimp(), e.firstTransferDefinition());
        writes.put(data.authorizations, auth.id, auth);
        addVersion(auth, 1, e.seq(), e.at(), e.terms(), e.issuanceId(), e.ranges());
    }

    void amended(AuthorizationAmended e) {
        AuthorizationState auth = data.authorization(e.seq(), e.authorizationId());
        if (auth.revoked || e.version() != auth.versions.size() + 1) {
            throw new InconsistentEventException(e.seq(), "cannot make version " + e.version() + " of " + auth.id);
        }
        addVersion(auth, e.version(), e.seq(), e.at(), e.terms(), e.issuanceId(), e.ranges());
    }

    /** Commits the ranges to the authorization and records the version with its terms. */
    private void addVersion(AuthorizationState auth, int version, long seq, Instant at, AuthorizationTerms terms,
                            Optional<IssuanceId> issuanceId, List<BlockRange> ranges) {
        for (BlockRange r : ranges) {
            Block b = surgery.carve(seq, r);
            if (b.status != BlockStatus.ACTIVE || b.authorization != null) {
                throw new InconsistentEventException(seq, "units " + r.first() + "-" + r.last() + " cannot be authorized");
            }
            writes.setAuthorization(b, auth);
            surgery.setCaState(b, CaState.COMMITTED);
            writes.addUnits(auth, b.size());
            writes.add(auth.ranges, r);
        }
        writes.setTerms(auth, terms);
        writes.add(auth.versions, new AuthorizationVersion(version, seq, at, terms, issuanceId, ranges));
        changes.touchAuthorization(auth.id);
    }

    void revoked(AuthorizationRevoked e) {
        AuthorizationState auth = data.authorization(e.seq(), e.authorizationId());
        if (auth.revoked || auth.firstTransferredUnits != 0) {
            throw new InconsistentEventException(e.seq(), "authorization " + auth.id + " cannot be revoked");
        }
        for (BlockRange r : e.ranges()) {
            Block b = surgery.carve(e.seq(), r);
            if (b.authorization != auth) {
                throw new InconsistentEventException(e.seq(), "units " + r.first() + "-" + r.last() + " are not under " + auth.id);
            }
            writes.setAuthorization(b, null);
            surgery.setCaState(b, CaState.NOT_REQUIRED);
        }
        writes.revoke(auth);
        changes.touchAuthorization(auth.id);
    }

    void firstTransfer(FirstTransferRecorded e) {
        AuthorizationState auth = data.authorization(e.seq(), e.authorizationId());
        for (BlockRange r : e.ranges()) {
            Block b = surgery.carve(e.seq(), r);
            if (b.authorization != auth || b.firstTransferred || b.caState != CaState.COMMITTED) {
                throw new InconsistentEventException(e.seq(), "units " + r.first() + "-" + r.last() + " are not committed under " + auth.id);
            }
            writes.setFirstTransferred(b);
            writes.addFirstTransferredUnits(auth, b.size());
            surgery.setCaState(b, CaState.PENDING);
        }
        writes.put(data.firstTransfers, e.seq(), e);
        changes.touchAuthorization(auth.id);
    }

    void adjusted(CorrespondingAdjustmentApplied e) {
        NdcPeriod period = data.config.periodOf(e.year().getValue()).orElseThrow(
                () -> new InconsistentEventException(e.seq(), "year " + e.year() + " is in no NDC period"));
        LedgerData.CaMethodKey key = new LedgerData.CaMethodKey(e.party(), period);
        CaMethod fixed = data.caMethods.get(key);
        if (fixed != null && fixed != e.method()) {
            throw new InconsistentEventException(e.seq(), e.party() + " applies " + fixed + " in " + period);
        }
        if (fixed == null) {
            writes.put(data.caMethods, key, e.method());
            changes.touchCaMethods();
        }
        for (BlockRange r : e.ranges()) {
            Block b = surgery.carve(e.seq(), r);
            if (b.caState != CaState.PENDING || !b.host.equals(e.party())) {
                throw new InconsistentEventException(e.seq(), "units " + r.first() + "-" + r.last() + " are not pending for " + e.party());
            }
            surgery.setCaState(b, CaState.APPLIED);
            changes.touchAuthorization(b.authorization.id);
        }
    }
}
