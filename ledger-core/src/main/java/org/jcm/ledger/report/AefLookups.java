package org.jcm.ledger.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.serial.ItmoId;
import org.jcm.ledger.state.Authorization;
import org.jcm.ledger.state.LedgerState;

/**
 * What the AEF rows read from the ledger state as it was before the event being reported (the
 * derivation reads rows first and folds the event after), and the small conversions the rows share.
 */
final class AefLookups {

    private final LedgerState state;

    AefLookups(LedgerState state) {
        this.state = state;
    }

    /** The authorization of the live block holding {@code r}, if the units are authorized. */
    Optional<Authorization> authorizationOf(BlockRange r) {
        CreditBlock b = state.blockContaining(r.hostParty(), r.vintage(), r.first()).orElseThrow();
        return b.authorizationId().flatMap(state::authorization);
    }

    RegistryId holderRegistry(BlockRange r) {
        return registryOf(state.blockContaining(r.hostParty(), r.vintage(), r.first()).orElseThrow().holderAccountId());
    }

    /** The beneficiary as the AEF names a using entity: the registered name of an organization, a stated name as stated. */
    String beneficiaryName(Beneficiary b) {
        if (b instanceof Beneficiary.Organization o) {
            return state.organization(o.organizationId()).map(org -> org.name()).orElse(o.organizationId().value());
        }
        return ((Beneficiary.Stated) b).name();
    }

    RegistryId registryOf(AccountId account) {
        return state.account(account).orElseThrow().registryId();
    }

    PartyCode partyOf(RegistryId registry) {
        return state.registry(registry).orElseThrow().party();
    }

    Authorization authorization(AuthorizationId id, LedgerEvent e) {
        return state.authorization(id).orElseThrow(
                () -> new IllegalStateException("event " + e.seq() + " names unknown authorization " + id));
    }

    /** The sector and activity type of the units of {@code ranges}, from their projects' methodologies. */
    SectorActivity sectorActivity(List<BlockRange> ranges) {
        List<ProjectId> projects = new ArrayList<>(ranges.size());
        for (BlockRange r : ranges) {
            projects.add(r.projectId());
        }
        return sectorActivityOfProjects(projects);
    }

    /** The sector and activity type of units of {@code projects}, from their methodologies. */
    SectorActivity sectorActivityOfProjects(Collection<ProjectId> projects) {
        // Sectors in scope-number order, activity types in methodology-id order.
        TreeMap<Integer, String> sectors = new TreeMap<>();
        TreeSet<String> types = new TreeSet<>();
        Set<ProjectId> seen = new HashSet<>();
        for (ProjectId project : projects) {
            if (seen.add(project)) {
                methodology(project).ifPresent(m -> {
                    sectors.put(m.scope().number(), sector(m));
                    types.add(m.id().value() + " " + m.title());
                });
            }
        }
        return sectors.isEmpty() ? SectorActivity.UNKNOWN
                : new SectorActivity(List.copyOf(sectors.values()), List.copyOf(types));
    }

    /** The sector and activity type of one range's units. */
    SectorActivity sectorActivity(BlockRange r) {
        return sectorActivity(List.of(r));
    }

    /** The methodology of a project when the ledger's methodology registry has it. */
    private Optional<Methodology> methodology(ProjectId project) {
        return state.project(project).flatMap(p -> state.projectCycle().methodology(p.methodologyId()));
    }

    /** The AEF sector cell of a methodology: its sectoral scope's number and UNFCCC name. */
    static String sector(Methodology m) {
        return m.scope().number() + " " + m.scope().officialName();
    }

    static ItmoId itmo(Authorization a, BlockRange r, long unit) {
        return new ItmoId(a.cooperativeApproachId(), r.issuingRegistryId(), r.hostParty(), unit, r.vintage());
    }

    static long total(List<BlockRange> ranges) {
        long sum = 0;
        for (BlockRange r : ranges) {
            sum += r.size();
        }
        return sum;
    }

    static LocalDate date(LedgerEvent e) {
        return LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
    }
}
