package org.jcm.registry.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.Project;
import org.jcm.ledger.state.RegistryInfo;

/**
 * An immutable copy of the reference data as last committed (Parties, hosted registries and each
 * project's first host), published by the writer for request threads: ITMO ids and serials in
 * answers, and the public lists.
 */
public record ReferenceView(List<Party> parties, List<RegistryInfo> registries, Map<PartyCode, Party> partiesByCode,
                            Map<ProjectId, PartyCode> projectHosts) {

    /** Nothing registered yet. */
    public static final ReferenceView EMPTY = new ReferenceView(List.of(), List.of(), Map.of(), Map.of());

    /** Copies the state's reference data; call on the writer thread. */
    static ReferenceView of(LedgerState state) {
        List<Party> parties = List.copyOf(state.parties());
        Map<PartyCode, Party> byCode = new HashMap<>();
        for (Party party : parties) {
            byCode.put(party.code(), party);
        }
        Map<ProjectId, PartyCode> projectHosts = new HashMap<>();
        for (Project project : state.projects()) {
            projectHosts.put(project.id(), project.hostParty());
        }
        return new ReferenceView(parties, List.copyOf(state.registries()), Map.copyOf(byCode), Map.copyOf(projectHosts));
    }

    /**
     * The first host of a project, whose numbering line its serials name without a host; empty for a project not
     * registered.
     */
    public Optional<PartyCode> projectHost(ProjectId project) {
        return Optional.ofNullable(projectHosts.get(project));
    }

    /** The cooperative approach of a host Party, if it has one. */
    public Optional<CooperativeApproachId> cooperativeApproach(PartyCode host) {
        Party party = partiesByCode.get(host);
        return party == null ? Optional.empty() : party.cooperativeApproachId();
    }
}
