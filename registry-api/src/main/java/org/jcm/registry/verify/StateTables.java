package org.jcm.registry.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.state.AccountInfo;
import org.jcm.ledger.state.Authorization;
import org.jcm.ledger.state.Balance;
import org.jcm.ledger.state.Issuance;
import org.jcm.ledger.state.IssuanceRequest;
import org.jcm.ledger.state.Organization;
import org.jcm.ledger.state.Project;
import org.jcm.ledger.state.RegistryInfo;

/**
 * The stored state that {@code POST /ledger/verify} compares with the replayed ledger, table by
 * table, in the order they are checked: live blocks first (the units themselves), then the
 * balances derived from them, then accounts and the reference data (see docs/schema.md).
 *
 * <p>Not compared: the event indexes ({@code event_account}, {@code event_units}), allocation and
 * version detail rows, CA methods and idempotency records; they serve queries and retries, and
 * none of them decides who holds which unit.
 */
final class StateTables {

    private StateTables() {
    }

    static final StateTable BLOCK = new StateTable("block", List.of("host_party", "vintage", "first_unit"),
            new boolean[] {false, true, true},
            List.of("last_unit", "project_id", "issuance_id", "issuing_registry_id", "account_id", "status",
                    "authorization_id", "authorization_purpose", "ca_state", "first_transferred"),
            s -> {
                List<Object[]> rows = new ArrayList<>(s.blocks().size());
                for (CreditBlock b : s.blocks()) {
                    rows.add(new Object[] {b.hostParty(), b.vintage().year(), b.range().first(), b.range().last(),
                            b.projectId(), b.issuanceId(), b.issuingRegistryId(), b.holderAccountId(), b.status(),
                            b.authorizationId(), b.authorizationPurpose(), b.caState(), b.firstTransferred()});
                }
                return rows;
            });

    static final StateTable BALANCE = new StateTable("account_balance", List.of("account_id", "vintage", "label"),
            new boolean[] {false, true, false}, List.of("quantity"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Map.Entry<AccountId, List<Balance>> account : s.balances().entrySet()) {
                    for (Balance b : account.getValue()) {
                        rows.add(new Object[] {account.getKey(), b.vintage().year(), b.label(), b.quantity()});
                    }
                }
                return rows;
            });

    static final StateTable ACCOUNT = new StateTable("account", List.of("id"), new boolean[] {false},
            List.of("registry_id", "organization_id", "type", "name", "status", "frozen"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (AccountInfo a : s.accounts()) {
                    rows.add(new Object[] {a.id(), a.registryId(), a.organizationId(), a.type(), a.name(),
                            a.closed() ? "CLOSED" : "OPEN", a.frozen()});
                }
                return rows;
            });

    static final StateTable PARTY = new StateTable("party", List.of("code"), new boolean[] {false},
            List.of("iso2", "name", "jcm_status", "paris_agreement_party", "cooperative_approach_id", "jcm_signing_date",
                    "sectoral_scopes"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Party p : s.parties()) {
                    rows.add(new Object[] {p.code(), p.iso2(), p.name(), p.jcmStatus(), p.parisAgreementParty(),
                            p.cooperativeApproachId(), p.jcmSigningDate(), joined(p.sectoralScopes().stream()
                                    .map(scope -> Integer.toString(scope.number())).toList())});
                }
                return rows;
            });

    static final StateTable REGISTRY = new StateTable("registry", List.of("id"), new boolean[] {false},
            List.of("party", "name", "cancellation_account_id", "retirement_account_id", "next_organization_number",
                    "next_account_number"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (RegistryInfo r : s.registries()) {
                    rows.add(new Object[] {r.id(), r.party(), r.name(), r.cancellationAccountId(), r.retirementAccountId(),
                            r.nextOrganizationNumber(), r.nextAccountNumber()});
                }
                return rows;
            });

    static final StateTable ORGANIZATION = new StateTable("organization", List.of("id"), new boolean[] {false},
            List.of("registry_id", "name"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Organization o : s.organizations()) {
                    rows.add(new Object[] {o.id(), o.registryId(), o.name()});
                }
                return rows;
            });

    static final StateTable PROJECT = new StateTable("project", List.of("id"), new boolean[] {false},
            List.of("host_party", "registry_id", "title", "methodology_id"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Project p : s.projects()) {
                    rows.add(new Object[] {p.id(), p.hostParty(), p.registryId(), p.title(), p.methodologyId()});
                }
                return rows;
            });

    static final StateTable PROJECT_PARTICIPANT = new StateTable("project_participant",
            List.of("project_id", "organization_id"), new boolean[] {false, false}, List.of(),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Project p : s.projects()) {
                    for (OrganizationId participant : p.participants()) {
                        rows.add(new Object[] {p.id(), participant});
                    }
                }
                return rows;
            });

    static final StateTable ISSUANCE_REQUEST = new StateTable("issuance_request", List.of("id"), new boolean[] {false},
            List.of("project_id", "organization_id", "monitoring_period_start", "monitoring_period_end",
                    "verified_quantity", "verification_reference", "issued_quantity"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (IssuanceRequest r : s.issuanceRequests()) {
                    rows.add(new Object[] {r.id(), r.projectId(), r.organizationId(), r.monitoringPeriodStart(),
                            r.monitoringPeriodEnd(), r.verifiedQuantity(), r.verificationReference(), r.issuedQuantity()});
                }
                return rows;
            });

    static final StateTable ISSUANCE = new StateTable("issuance", List.of("id"), new boolean[] {false},
            List.of("seq", "project_id", "host_party", "vintage", "monitoring_period_start", "monitoring_period_end",
                    "total_quantity", "issuance_request_id"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Issuance i : s.issuances()) {
                    rows.add(new Object[] {i.id(), i.seq(), i.projectId(), i.hostParty(), i.vintage().year(),
                            i.monitoringPeriodStart(), i.monitoringPeriodEnd(), i.totalQuantity(), i.issuanceRequestId()});
                }
                return rows;
            });

    static final StateTable AUTHORIZATION = new StateTable("unit_authorization", List.of("id"), new boolean[] {false},
            List.of("party", "cooperative_approach_id", "purpose", "oimp", "first_transfer_definition",
                    "authorized_quantity", "version", "unit_count", "first_transferred_units", "revoked"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Authorization a : s.authorizations()) {
                    rows.add(new Object[] {a.id(), a.party(), a.cooperativeApproachId(), a.purpose(), a.oimp(),
                            a.firstTransferDefinition(), a.terms().authorizedQuantity().map(q -> q.tonnes()), a.version(),
                            a.unitCount(), a.firstTransferredUnits(), a.revoked()});
                }
                return rows;
            });

    static final StateTable FIRST_TRANSFER = new StateTable("first_transfer", List.of("seq"), new boolean[] {true},
            List.of("authorization_id", "trigger", "cause_seq", "transferring_party", "acquiring_party"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (FirstTransferRecorded f : s.firstTransfers()) {
                    rows.add(new Object[] {f.seq(), f.authorizationId(), f.trigger(), f.causeSeq(), f.transferringParty(),
                            f.acquiringParty()});
                }
                return rows;
            });

    static final StateTable METHODOLOGY = new StateTable("methodology", List.of("id"), new boolean[] {false},
            List.of("host_party", "title", "sectoral_scope", "version", "status", "max_monitoring_days",
                    "same_entity_may_verify"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Methodology m : s.projectCycle().methodologies()) {
                    rows.add(new Object[] {m.id(), m.hostParty(), m.title(), m.scope().number(), m.version(), m.status(),
                            m.maxMonitoringDays(), m.sameEntityMayVerify()});
                }
                return rows;
            });

    static final StateTable THIRD_PARTY_ENTITY = new StateTable("third_party_entity", List.of("id"),
            new boolean[] {false}, List.of("name", "sectoral_scopes", "host_parties", "status"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (ThirdPartyEntity t : s.projectCycle().thirdPartyEntities()) {
                    rows.add(new Object[] {t.id(), t.name(), joined(t.scopes().stream()
                            .map(scope -> Integer.toString(scope.number())).toList()),
                            joined(t.hostParties().stream().map(PartyCode::value).toList()), t.status()});
                }
                return rows;
            });

    /** A set as stored: its members in the set's (ascending) order, separated by {@code ;}. */
    private static String joined(List<String> members) {
        return String.join(";", members);
    }

    /** Every compared table, in the order they are checked: these, then the transfer controls' ({@link ControlTables}). */
    static final List<StateTable> ALL = all();

    private static List<StateTable> all() {
        List<StateTable> all = new ArrayList<>(List.of(BLOCK, BALANCE, ACCOUNT, PARTY, REGISTRY, ORGANIZATION, PROJECT,
                PROJECT_PARTICIPANT, ISSUANCE_REQUEST, ISSUANCE, AUTHORIZATION, FIRST_TRANSFER, METHODOLOGY, THIRD_PARTY_ENTITY));
        all.addAll(RouteTables.ALL);
        all.addAll(ControlTables.ALL);
        return List.copyOf(all);
    }
}
