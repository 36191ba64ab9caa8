package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.AccountUnfrozen;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.ItmoId;
import org.jcm.ledger.serial.UnitRange;

/**
 * Builds the answer to an accepted mutation from its events alone, so that the first answer and
 * every idempotent replay (rebuilt from the stored events) are the same bytes.
 */
public final class MutationResponses {

    private MutationResponses() {
    }

    /**
     * The answer for {@code events} (one command's, in order); ITMO ids use each host Party's
     * cooperative approach as given by {@code approaches}.
     */
    public static MutationResponse of(List<LedgerEvent> events, Function<PartyCode, Optional<CooperativeApproachId>> approaches) {
        List<EventSummary> summaries = new ArrayList<>(events.size());
        for (LedgerEvent event : events) {
            summaries.add(new EventSummary(event.seq(), event.type(), EventCodec.formatTime(event.at()), blocks(event, approaches)));
        }
        return new MutationResponse(id(events.get(0)), summaries);
    }

    /** The id of what the command created or changed, if it names one. */
    static String id(LedgerEvent event) {
        if (event instanceof RegistryRegistered e) {
            return e.registryId().value();
        } else if (event instanceof OrganizationRegistered e) {
            return e.organizationId().value();
        } else if (event instanceof AccountOpened e) {
            return e.accountId().value();
        } else if (event instanceof AccountFrozen e) {
            return e.accountId().value();
        } else if (event instanceof AccountUnfrozen e) {
            return e.accountId().value();
        } else if (event instanceof ProjectRegistered e) {
            return e.projectId().value();
        } else if (event instanceof IssuanceRequested e) {
            return e.issuanceRequestId().value();
        } else if (event instanceof CreditsIssued e) {
            return e.issuanceId().value();
        } else if (event instanceof PartyRegistered e) {
            return e.party().code().value();
        } else if (event instanceof org.jcm.ledger.event.UnitsAuthorized e) {
            return e.authorizationId().value();
        } else if (event instanceof org.jcm.ledger.event.AuthorizationAmended e) {
            return e.authorizationId().value();
        } else if (event instanceof org.jcm.ledger.event.AuthorizationRevoked e) {
            return e.authorizationId().value();
        }
        return null;
    }

    private static List<BlockSummary> blocks(LedgerEvent event, Function<PartyCode, Optional<CooperativeApproachId>> approaches) {
        if (event instanceof CreditsIssued e) {
            Optional<CooperativeApproachId> ca = approaches.apply(e.hostParty());
            List<BlockSummary> blocks = new ArrayList<>(e.allocations().size());
            for (IssuedAllocation a : e.allocations()) {
                blocks.add(block(e.projectId(), e.hostParty(), e.vintage(), a.issuingRegistryId(), a.first(), a.last(),
                        a.accountId(), ca));
            }
            return blocks;
        } else if (event instanceof CreditsTransferred e) {
            return ranges(e.ranges(), e.toAccountId(), approaches);
        } else if (event instanceof CreditsCancelled e) {
            return ranges(e.ranges(), e.toAccountId(), approaches);
        } else if (event instanceof CreditsRetired e) {
            return ranges(e.ranges(), e.toAccountId(), approaches);
        }
        return List.of();
    }

    private static List<BlockSummary> ranges(List<BlockRange> ranges, AccountId to,
                                             Function<PartyCode, Optional<CooperativeApproachId>> approaches) {
        List<BlockSummary> blocks = new ArrayList<>(ranges.size());
        for (BlockRange r : ranges) {
            blocks.add(block(r.projectId(), r.hostParty(), r.vintage(), r.issuingRegistryId(), r.first(), r.last(), to,
                    approaches.apply(r.hostParty())));
        }
        return blocks;
    }

    private static BlockSummary block(ProjectId project, PartyCode host, Vintage vintage, RegistryId issuingRegistry, long first,
                                      long last, AccountId account, Optional<CooperativeApproachId> ca) {
        String serial = new BlockSerial(project, vintage, UnitRange.of(first, last)).format();
        String firstItmo = ca.map(c -> new ItmoId(c, issuingRegistry, host, first, vintage).format()).orElse(null);
        String lastItmo = ca.map(c -> new ItmoId(c, issuingRegistry, host, last, vintage).format()).orElse(null);
        return new BlockSummary(serial, account.value(), last - first + 1, firstItmo, lastItmo);
    }
}
