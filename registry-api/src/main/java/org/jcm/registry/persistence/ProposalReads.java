package org.jcm.registry.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.state.Proposal;
import org.jcm.ledger.state.ProposalStatus;

/**
 * The proposals of four-eyes actions as the committed ledger records them, read from the event log
 * without blocking: the proposal events ({@code ProposalMade}, {@code ProposalApproved},
 * {@code ProposalRejected}, {@code ProposalExpired}) are found through their partial index
 * ({@code ledger_event_proposal}, migration V45) and folded here into ledger-core {@link Proposal}
 * records, exactly as the ledger folds them (a rejection by the proposer's own subject is a
 * withdrawal). Proposals are administrators' and officials' actions, few next to transfers, so every
 * read folds them all; the event log stays the only place they are stored, on every instance.
 */
@ApplicationScoped
public class ProposalReads {

    /** The event types that make or end a proposal, as stored in {@code ledger_event.type}. */
    static final String TYPES = "('ProposalMade', 'ProposalApproved', 'ProposalRejected', 'ProposalExpired')";

    private final Pool pool;

    ProposalReads(Pool pool) {
        this.pool = pool;
    }

    /** Every proposal, pending or ended, by id. */
    public Uni<List<Proposal>> all() {
        return pool.query("SELECT event_json FROM ledger_event WHERE type IN " + TYPES + " ORDER BY seq").execute()
                .map(rows -> {
                    List<LedgerEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(decode(row.getString(0)));
                    }
                    return fold(events);
                });
    }

    /** The proposal with this id, if it was made. */
    public Uni<Optional<Proposal>> one(ProposalId id) {
        return all().map(proposals -> proposals.stream().filter(p -> p.id().equals(id)).findFirst());
    }

    /** The proposals the events make and end, by id; events of other types are ignored. */
    static List<Proposal> fold(List<LedgerEvent> events) {
        Map<ProposalId, Proposal> proposals = new TreeMap<>();
        for (LedgerEvent event : events) {
            if (event instanceof ProposalMade made) {
                proposals.put(made.proposalId(), new Proposal(made.proposalId(), made.kind(), made.action(), made.actor(),
                        made.at(), made.expiresAt(), made.reserved(), ProposalStatus.PENDING, Optional.empty(),
                        Optional.empty(), Optional.empty()));
            } else if (event instanceof ProposalApproved approved) {
                end(proposals, approved.proposalId(), ProposalStatus.APPROVED, event, Optional.empty());
            } else if (event instanceof ProposalRejected rejected) {
                end(proposals, rejected.proposalId(), rejected.withdrawn() ? ProposalStatus.WITHDRAWN : ProposalStatus.REJECTED, event,
                        Optional.of(rejected.reason()));
            } else if (event instanceof ProposalExpired expired) {
                end(proposals, expired.proposalId(), ProposalStatus.EXPIRED, event, Optional.empty());
            }
        }
        return List.copyOf(proposals.values());
    }

    private static void end(Map<ProposalId, Proposal> proposals, ProposalId id, ProposalStatus status, LedgerEvent event,
                            Optional<String> reason) {
        Proposal p = proposals.get(id);
        if (p == null) {
            throw new IllegalStateException("The ledger ends proposal " + id + " that it never made (event " + event.seq() + ")");
        }
        proposals.put(id, new Proposal(p.id(), p.kind(), p.action(), p.proposer(), p.madeAt(), p.expiresAt(), p.reserved(),
                status, Optional.of(event.actor()), Optional.of(event.at()), reason));
    }

    @SuppressWarnings("unchecked")
    private static LedgerEvent decode(String json) {
        return EventCodec.fromJson((Map<String, Object>) Json.parse(json));
    }
}
