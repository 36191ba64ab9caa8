package org.jcm.ledger.state;

import java.time.Instant;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.id.ProposalId;

/**
 * The fold of the proposal events: a proposal is recorded pending when made and replaced by its
 * ended form when approved, rejected (or withdrawn) or expired. Each checks that the event fits the
 * state (the next proposal number; a pending proposal with the same proposer; an expiry not before
 * its time), since a replayed log may be damaged. The approved action's own events follow
 * {@code ProposalApproved} and are folded by their own parts. A cancellation for correction
 * reserves its units ({@link Reservations}) when proposed and frees them when it ends, approved
 * (the cancellation that follows then moves exactly them), rejected, withdrawn or expired.
 */
final class ProposalFold {

    private final LedgerData data;
    private final JournaledWrites writes;
    private final Reservations reservations;

    ProposalFold(LedgerData data, JournaledWrites writes, Reservations reservations) {
        this.data = data;
        this.writes = writes;
        this.reservations = reservations;
    }

    void made(ProposalMade e) {
        long expected = data.proposals.size() + 1L;
        if (e.proposalId().number() != expected) {
            throw new InconsistentEventException(e.seq(), "expected proposal number " + expected + ", got " + e.proposalId());
        }
        Proposal p = Proposal.pending(e.proposalId(), e.action(), e.actor(), e.at(), e.expiresAt(), e.reserved());
        writes.put(data.proposals, p.id(), p);
        writes.put(data.pendingProposals, p.id(), p);
        if (!p.reserved().isEmpty()) {
            if (!(p.action() instanceof CancelCredits c)) {
                throw new InconsistentEventException(e.seq(), "only a cancellation for correction reserves units");
            }
            reservations.reserve(e.seq(), p.id(), c.fromAccountId(), p.reserved());
        }
    }

    void approved(ProposalApproved e) {
        end(e.seq(), e.proposalId(), e.proposer(), ProposalStatus.APPROVED, e.actor(), e.at(), Optional.empty());
    }

    void rejected(ProposalRejected e) {
        end(e.seq(), e.proposalId(), e.proposer(), e.withdrawn() ? ProposalStatus.WITHDRAWN : ProposalStatus.REJECTED,
                e.actor(), e.at(), Optional.of(e.reason()));
    }

    void expired(ProposalExpired e) {
        Proposal p = data.pendingProposals.get(e.proposalId());
        if (p != null && !p.expiresAt().equals(e.expiresAt())) {
            throw new InconsistentEventException(e.seq(), "proposal " + e.proposalId() + " expires at " + p.expiresAt()
                    + ", not " + e.expiresAt());
        }
        end(e.seq(), e.proposalId(), e.proposer(), ProposalStatus.EXPIRED, e.actor(), e.at(), Optional.empty());
    }

    private void end(long seq, ProposalId id, Actor proposer, ProposalStatus status, Actor by, Instant at,
                     Optional<String> reason) {
        Proposal p = data.pendingProposals.get(id);
        if (p == null) {
            throw new InconsistentEventException(seq, "proposal " + id + " is not pending");
        }
        if (!p.proposer().equals(proposer)) {
            throw new InconsistentEventException(seq, "proposal " + id + " was made by " + p.proposer() + ", not " + proposer);
        }
        Proposal ended = p.ended(status, by, at, reason);
        writes.put(data.proposals, id, ended);
        writes.remove(data.pendingProposals, id);
        if (!p.reserved().isEmpty()) {
            // Approved: the cancellation that follows moves exactly these units; otherwise they are free again.
            reservations.free(seq, id);
        }
    }
}
