package org.jcm.ledger.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;

/**
 * The JSON codecs of the reference data events (Parties, registries, organizations, accounts,
 * projects), each event type's encoding beside its decoding; see {@link EventCodec} for the
 * conventions and the dispatch.
 */
final class ReferenceCodecs {

    static final TypeCodec<PartyRegistered> PARTY_REGISTERED = new TypeCodec<>(PartyRegistered.class,
            (e, m) -> {
                party(e.party(), m);
            },
            (seq, at, actor, in) -> {
                return new PartyRegistered(seq, at, actor, party(in));
            });

    static final TypeCodec<PartyUpdated> PARTY_UPDATED = new TypeCodec<>(PartyUpdated.class,
            (e, m) -> {
                party(e.party(), m);
            },
            (seq, at, actor, in) -> {
                return new PartyUpdated(seq, at, actor, party(in));
            });

    static final TypeCodec<RegistryRegistered> REGISTRY_REGISTERED = new TypeCodec<>(RegistryRegistered.class,
            (e, m) -> {
                m.put("registryId", e.registryId().value());
                m.put("party", e.party().value());
                m.put("name", e.name());
                m.put("cancellationAccountId", e.cancellationAccountId().value());
                m.put("retirementAccountId", e.retirementAccountId().value());
            },
            (seq, at, actor, in) -> {
                return new RegistryRegistered(seq, at, actor, in.id("registryId", RegistryId::new), in.id("party", PartyCode::new),
                        in.string("name"), in.id("cancellationAccountId", AccountId::new),
                        in.id("retirementAccountId", AccountId::new));
            });

    static final TypeCodec<OrganizationRegistered> ORGANIZATION_REGISTERED = new TypeCodec<>(OrganizationRegistered.class,
            (e, m) -> {
                m.put("organizationId", e.organizationId().value());
                m.put("registryId", e.registryId().value());
                m.put("name", e.name());
            },
            (seq, at, actor, in) -> {
                return new OrganizationRegistered(seq, at, actor, in.id("organizationId", OrganizationId::new),
                        in.id("registryId", RegistryId::new), in.string("name"));
            });

    static final TypeCodec<AccountOpened> ACCOUNT_OPENED = new TypeCodec<>(AccountOpened.class,
            (e, m) -> {
                m.put("accountId", e.accountId().value());
                m.put("registryId", e.registryId().value());
                m.put("organizationId", e.organizationId().value());
                m.put("name", e.name());
            },
            (seq, at, actor, in) -> {
                return new AccountOpened(seq, at, actor, in.id("accountId", AccountId::new), in.id("registryId", RegistryId::new),
                        in.id("organizationId", OrganizationId::new), in.string("name"));
            });

    static final TypeCodec<AccountFrozen> ACCOUNT_FROZEN = new TypeCodec<>(AccountFrozen.class,
            (e, m) -> {
                accountChange(e.accountId(), e.reason(), m);
            },
            (seq, at, actor, in) -> {
                return new AccountFrozen(seq, at, actor, in.id("accountId", AccountId::new), in.optionalString("reason"));
            });

    static final TypeCodec<AccountUnfrozen> ACCOUNT_UNFROZEN = new TypeCodec<>(AccountUnfrozen.class,
            (e, m) -> {
                accountChange(e.accountId(), e.reason(), m);
            },
            (seq, at, actor, in) -> {
                return new AccountUnfrozen(seq, at, actor, in.id("accountId", AccountId::new), in.optionalString("reason"));
            });

    static final TypeCodec<AccountClosed> ACCOUNT_CLOSED = new TypeCodec<>(AccountClosed.class,
            (e, m) -> {
                accountChange(e.accountId(), e.reason(), m);
            },
            (seq, at, actor, in) -> {
                return new AccountClosed(seq, at, actor, in.id("accountId", AccountId::new), in.optionalString("reason"));
            });

    static final TypeCodec<ProjectRegistered> PROJECT_REGISTERED = new TypeCodec<>(ProjectRegistered.class,
            (e, m) -> {
                m.put("projectId", e.projectId().value());
                m.put("hostParty", e.hostParty().value());
                m.put("registryId", e.registryId().value());
                m.put("title", e.title());
                m.put("methodologyId", e.methodologyId().value());
                List<Object> participants = new ArrayList<>();
                e.participants().forEach(p -> participants.add(p.value()));
                m.put("participants", participants);
                e.applicationId().ifPresent(a -> m.put("applicationId", a.value()));
                if (!e.hostParties().isEmpty()) {
                    m.put("hostParties", ApplicationCodecs.parties(e.hostParties()));
                }
                e.financing().ifPresent(f -> m.put("financing", ApplicationCodecs.financing(f)));
            },
            (seq, at, actor, in) -> {
                List<OrganizationId> participants = new ArrayList<>();
                for (Object o : in.list("participants")) {
                    participants.add(new OrganizationId(JsonIn.str(o, "participants")));
                }
                return new ProjectRegistered(seq, at, actor, in.id("projectId", ProjectId::new), in.id("hostParty", PartyCode::new),
                        in.id("registryId", RegistryId::new), in.string("title"), in.id("methodologyId", MethodologyId::new),
                        participants, in.optionalString("applicationId").map(ApplicationId::new),
                        in.has("hostParties") ? ApplicationCodecs.parties(in, "hostParties") : List.of(),
                        in.optionalObject("financing").map(ApplicationCodecs::financing));
            });

    private ReferenceCodecs() {
    }

    private static void party(Party p, Map<String, Object> m) {
        m.put("party", p.code().value());
        m.put("iso2", p.iso2());
        m.put("name", p.name());
        m.put("jcmStatus", p.jcmStatus().name());
        m.put("parisAgreementParty", p.parisAgreementParty());
        p.cooperativeApproachId().ifPresent(x -> m.put("cooperativeApproachId", x.value()));
        // Absent in the events written before they existed, so those events encode as they were written.
        p.jcmSigningDate().ifPresent(d -> m.put("jcmSigningDate", d.toString()));
        if (!p.sectoralScopes().isEmpty()) {
            m.put("sectoralScopes", ProjectCycleCodecs.scopes(p.sectoralScopes()));
        }
    }

    private static Party party(JsonIn in) {
        return new Party(in.string("iso2"), new PartyCode(in.string("party")), in.string("name"),
                in.enumValue("jcmStatus", JcmStatus.class), in.bool("parisAgreementParty"),
                in.optionalString("cooperativeApproachId").map(CooperativeApproachId::new), in.optionalDate("jcmSigningDate"),
                in.scopes("sectoralScopes"));
    }

    private static void accountChange(AccountId id, Optional<String> reason, Map<String, Object> m) {
        m.put("accountId", id.value());
        reason.ifPresent(x -> m.put("reason", x));
    }
}
