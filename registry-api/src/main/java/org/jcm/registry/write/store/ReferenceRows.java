package org.jcm.registry.write.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.RangeJson;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.state.AccountInfo;
import org.jcm.ledger.state.Authorization;
import org.jcm.ledger.state.AuthorizationVersion;
import org.jcm.ledger.state.Issuance;
import org.jcm.ledger.state.IssuanceRequest;
import org.jcm.ledger.state.Organization;
import org.jcm.ledger.state.Project;
import org.jcm.ledger.state.RegistryInfo;

/**
 * The rows of the reference tables a batch changed (parties, registries, organizations, accounts,
 * projects, issuance requests, issuances, authorizations and their versions, first transfers, CA
 * methods, and through {@link CycleRows} methodologies and third-party entities), each table written with one batched prepared statement. Reference data changes rarely,
 * so it is not on the hot path ({@link BatchStatements}), which only calls it when a batch has such rows.
 */
final class ReferenceRows {

    private ReferenceRows() {
    }

    /** Whether the batch has rows for any reference table (written by {@link #write}). */
    static boolean has(BatchRows rows) {
        return !rows.parties.isEmpty() || !rows.registries.isEmpty() || !rows.organizations.isEmpty()
                || !rows.accounts.isEmpty() || !rows.caMethods.isEmpty() || !rows.projects.isEmpty()
                || !rows.issuanceRequests.isEmpty() || !rows.issuances.isEmpty() || !rows.authorizations.isEmpty()
                || !rows.firstTransfers.isEmpty() || CycleRows.has(rows) || rows.route.has();
    }

    /** Writes the reference rows of {@code rows}, table by table, in the order their foreign keys need. */
    static void write(Connection c, BatchRows rows) throws SQLException {
        writeParties(c, rows);
        writeRegistries(c, rows);
        writeOrganizations(c, rows);
        writeAccounts(c, rows);
        writeProjects(c, rows);
        writeIssuanceRequests(c, rows);
        writeIssuances(c, rows);
        writeAuthorizations(c, rows);
        writeFirstTransfers(c, rows);
        writeCaMethods(c, rows);
        CycleRows.write(c, rows);
        RouteWrites.write(c, rows.route);
    }

    private static void writeParties(Connection c, BatchRows rows) throws SQLException {
        if (rows.parties.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO party (code, iso2, name, jcm_status,"
                + " paris_agreement_party, cooperative_approach_id, jcm_signing_date, sectoral_scopes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE"
                + " SET iso2 = excluded.iso2, name = excluded.name, jcm_status = excluded.jcm_status,"
                + " paris_agreement_party = excluded.paris_agreement_party,"
                + " cooperative_approach_id = excluded.cooperative_approach_id,"
                + " jcm_signing_date = excluded.jcm_signing_date, sectoral_scopes = excluded.sectoral_scopes")) {
            for (Party p : rows.parties) {
                upsert.setString(1, p.code().value());
                upsert.setString(2, p.iso2());
                upsert.setString(3, p.name());
                upsert.setString(4, p.jcmStatus().name());
                upsert.setBoolean(5, p.parisAgreementParty());
                upsert.setString(6, p.cooperativeApproachId().map(ca -> ca.value()).orElse(null));
                upsert.setObject(7, p.jcmSigningDate().orElse(null), Types.DATE);
                upsert.setString(8, CycleRows.scopes(p.sectoralScopes()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeRegistries(Connection c, BatchRows rows) throws SQLException {
        if (rows.registries.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO registry (id, party, name, cancellation_account_id,"
                + " retirement_account_id, next_organization_number, next_account_number) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                + " next_organization_number = excluded.next_organization_number,"
                + " next_account_number = excluded.next_account_number")) {
            for (RegistryInfo r : rows.registries) {
                upsert.setString(1, r.id().value());
                upsert.setString(2, r.party().value());
                upsert.setString(3, r.name());
                upsert.setString(4, r.cancellationAccountId().value());
                upsert.setString(5, r.retirementAccountId().value());
                upsert.setLong(6, r.nextOrganizationNumber());
                upsert.setLong(7, r.nextAccountNumber());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeOrganizations(Connection c, BatchRows rows) throws SQLException {
        if (rows.organizations.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO organization (id, registry_id, name) VALUES (?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name")) {
            for (Organization o : rows.organizations) {
                upsert.setString(1, o.id().value());
                upsert.setString(2, o.registryId().value());
                upsert.setString(3, o.name());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeAccounts(Connection c, BatchRows rows) throws SQLException {
        if (rows.accounts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO account (id, registry_id, organization_id, type,"
                + " name, status, frozen) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                + " status = excluded.status, frozen = excluded.frozen")) {
            for (AccountInfo a : rows.accounts) {
                upsert.setString(1, a.id().value());
                upsert.setString(2, a.registryId().value());
                upsert.setString(3, a.organizationId().map(OrganizationId::value).orElse(null));
                upsert.setString(4, a.type().name());
                upsert.setString(5, a.name());
                upsert.setString(6, a.closed() ? "CLOSED" : "OPEN");
                upsert.setBoolean(7, a.frozen());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeProjects(Connection c, BatchRows rows) throws SQLException {
        if (rows.projects.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO project (id, host_party, registry_id, title,"
                + " methodology_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                + " methodology_id = excluded.methodology_id");
                PreparedStatement participants = c.prepareStatement("INSERT INTO project_participant (project_id, position,"
                        + " organization_id) VALUES (?, ?, ?) ON CONFLICT (project_id, position) DO UPDATE"
                        + " SET organization_id = excluded.organization_id")) {
            for (Project p : rows.projects) {
                upsert.setString(1, p.id().value());
                upsert.setString(2, p.hostParty().value());
                upsert.setString(3, p.registryId().value());
                upsert.setString(4, p.title());
                upsert.setString(5, p.methodologyId().value());
                upsert.addBatch();
                for (int i = 0; i < p.participants().size(); i++) {
                    participants.setString(1, p.id().value());
                    participants.setInt(2, i + 1);
                    participants.setString(3, p.participants().get(i).value());
                    participants.addBatch();
                }
            }
            upsert.executeBatch();
            participants.executeBatch();
        }
    }

    private static void writeIssuanceRequests(Connection c, BatchRows rows) throws SQLException {
        if (rows.issuanceRequests.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO issuance_request (id, project_id, organization_id,"
                + " monitoring_period_start, monitoring_period_end, verified_quantity, verification_reference,"
                + " issued_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                + " SET issued_quantity = excluded.issued_quantity")) {
            for (IssuanceRequest r : rows.issuanceRequests) {
                upsert.setString(1, r.id().value());
                upsert.setString(2, r.projectId().value());
                upsert.setString(3, r.organizationId().value());
                upsert.setObject(4, r.monitoringPeriodStart());
                upsert.setObject(5, r.monitoringPeriodEnd());
                upsert.setLong(6, r.verifiedQuantity());
                upsert.setString(7, r.verificationReference());
                upsert.setLong(8, r.issuedQuantity());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeIssuances(Connection c, BatchRows rows) throws SQLException {
        if (rows.issuances.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO issuance (id, seq, project_id, host_party, vintage,"
                + " monitoring_period_start, monitoring_period_end, total_quantity, issuance_request_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
                PreparedStatement allocations = c.prepareStatement("INSERT INTO issuance_allocation (issuance_id, position,"
                        + " account_id, issuing_registry_id, first_unit, last_unit) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (issuance_id, position) DO NOTHING")) {
            for (Issuance i : rows.issuances) {
                insert.setString(1, i.id().value());
                insert.setLong(2, i.seq());
                insert.setString(3, i.projectId().value());
                insert.setString(4, i.hostParty().value());
                insert.setInt(5, i.vintage().year());
                insert.setObject(6, i.monitoringPeriodStart());
                insert.setObject(7, i.monitoringPeriodEnd());
                insert.setLong(8, i.totalQuantity());
                insert.setString(9, i.issuanceRequestId().map(r -> r.value()).orElse(null));
                insert.addBatch();
                for (int p = 0; p < i.allocations().size(); p++) {
                    IssuedAllocation a = i.allocations().get(p);
                    allocations.setString(1, i.id().value());
                    allocations.setInt(2, p + 1);
                    allocations.setString(3, a.accountId().value());
                    allocations.setString(4, a.issuingRegistryId().value());
                    allocations.setLong(5, a.first());
                    allocations.setLong(6, a.last());
                    allocations.addBatch();
                }
            }
            insert.executeBatch();
            allocations.executeBatch();
        }
    }

    private static void writeAuthorizations(Connection c, BatchRows rows) throws SQLException {
        if (rows.authorizations.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO unit_authorization (id, party,"
                + " cooperative_approach_id, purpose, oimp, first_transfer_definition, authorized_quantity, vintages,"
                + " authorized_entities, version, unit_count, first_transferred_units, revoked)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::smallint[], ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                + " SET authorized_quantity = excluded.authorized_quantity, vintages = excluded.vintages,"
                + " authorized_entities = excluded.authorized_entities, version = excluded.version,"
                + " unit_count = excluded.unit_count, first_transferred_units = excluded.first_transferred_units,"
                + " revoked = excluded.revoked");
                PreparedStatement versions = c.prepareStatement("INSERT INTO unit_authorization_version"
                        + " (authorization_id, version, seq, at, authorized_quantity, vintages, authorized_entities,"
                        + " issuance_id, ranges) VALUES (?, ?, ?, ?::timestamptz, ?, ?::smallint[], ?, ?, ?::jsonb)"
                        + " ON CONFLICT (authorization_id, version) DO NOTHING")) {
            for (Authorization a : rows.authorizations) {
                upsert.setString(1, a.id().value());
                upsert.setString(2, a.party().value());
                upsert.setString(3, a.cooperativeApproachId().value());
                upsert.setString(4, a.purpose().name());
                upsert.setString(5, a.oimp().orElse(null));
                upsert.setString(6, a.firstTransferDefinition().map(Enum::name).orElse(null));
                setOptionalLong(upsert, 7, a.terms().authorizedQuantity().map(q -> q.tonnes()));
                upsert.setArray(8, c.createArrayOf("int4", a.terms().vintages().stream().map(Vintage::year).toArray()));
                upsert.setArray(9, c.createArrayOf("text", a.terms().authorizedEntities().toArray()));
                upsert.setInt(10, a.version());
                upsert.setLong(11, a.unitCount());
                upsert.setLong(12, a.firstTransferredUnits());
                upsert.setBoolean(13, a.revoked());
                upsert.addBatch();
                for (AuthorizationVersion v : a.versions()) {
                    versions.setString(1, a.id().value());
                    versions.setInt(2, v.version());
                    versions.setLong(3, v.seq());
                    versions.setString(4, EventCodec.formatTime(v.at()));
                    setOptionalLong(versions, 5, v.terms().authorizedQuantity().map(q -> q.tonnes()));
                    versions.setArray(6, c.createArrayOf("int4", v.terms().vintages().stream().map(Vintage::year).toArray()));
                    versions.setArray(7, c.createArrayOf("text", v.terms().authorizedEntities().toArray()));
                    versions.setString(8, v.issuanceId().map(IssuanceId::value).orElse(null));
                    versions.setString(9, Json.write(RangeJson.toJson(v.ranges())));
                    versions.addBatch();
                }
            }
            upsert.executeBatch();
            versions.executeBatch();
        }
    }

    private static void writeFirstTransfers(Connection c, BatchRows rows) throws SQLException {
        if (rows.firstTransfers.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO first_transfer (seq, authorization_id, trigger,"
                + " cause_seq, transferring_party, acquiring_party, quantity) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (FirstTransferRecorded f : rows.firstTransfers) {
                insert.setLong(1, f.seq());
                insert.setString(2, f.authorizationId().value());
                insert.setString(3, f.trigger().name());
                insert.setLong(4, f.causeSeq());
                insert.setString(5, f.transferringParty().value());
                insert.setString(6, f.acquiringParty().map(PartyCode::value).orElse(null));
                insert.setLong(7, f.ranges().stream().mapToLong(BlockRange::size).sum());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeCaMethods(Connection c, BatchRows rows) throws SQLException {
        if (rows.caMethods.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO ca_method (party, first_year, last_year, method)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (party, first_year) DO UPDATE SET method = excluded.method,"
                + " last_year = excluded.last_year")) {
            for (BatchRows.CaMethodRow m : rows.caMethods) {
                upsert.setString(1, m.party());
                upsert.setInt(2, m.firstYear());
                upsert.setInt(3, m.lastYear());
                upsert.setString(4, m.method());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void setOptionalLong(PreparedStatement statement, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }
}
