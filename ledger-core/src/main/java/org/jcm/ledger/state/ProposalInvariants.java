package org.jcm.ledger.state;

import java.util.List;
import java.util.Map;
import org.jcm.ledger.id.ProposalId;

/**
 * The invariants of proposals of four-eyes actions, part of {@link Invariants#check}: proposals are
 * numbered 1 to n without gaps; exactly the pending ones are in the pending index; a pending one
 * has no outcome and an ended one has one (who and when); an expired one ended at or after its
 * expiry time and an approved, rejected or withdrawn one before it; approvals and rejections by
 * another subject than the proposer, of the proposer's role and scope (a withdrawal by the proposer);
 * exactly the pending cancellations hold a reservation, of exactly the units their proposal names.
 */
final class ProposalInvariants {

    private ProposalInvariants() {
    }

    static void check(LedgerData data, List<String> v) {
        int pending = 0;
        for (Map.Entry<ProposalId, Proposal> e : data.proposals.entrySet()) {
            Proposal p = e.getValue();
            if (!p.id().equals(e.getKey()) || p.id().number() > data.proposals.size()) {
                v.add("proposal " + p.id() + " is filed under " + e.getKey() + " among " + data.proposals.size() + " proposals");
            }
            if (!p.expiresAt().isAfter(p.madeAt())) {
                v.add("proposal " + p.id() + " expires at " + p.expiresAt() + ", not after it was made");
            }
            Reservation reservation = data.reservations.get(p.id());
            boolean holds = p.isPending() && !p.reserved().isEmpty();
            if (holds != (reservation != null)
                    || (reservation != null && (reservation.quantity() != p.reservedQuantity()
                    || !reservation.ranges().equals(p.reserved())))) {
                v.add("proposal " + p.id() + " (" + p.status() + ") reserves " + p.reservedQuantity()
                        + " units but the ledger holds " + reservation + " for it");
            }
            if (p.isPending()) {
                pending++;
                if (data.pendingProposals.get(p.id()) != p || p.endedAt().isPresent() || p.endedBy().isPresent()) {
                    v.add("pending proposal " + p.id() + " is not indexed as pending, or has an outcome");
                }
                continue;
            }
            checkEnded(p, v);
        }
        if (pending != data.pendingProposals.size()) {
            v.add("the pending index holds " + data.pendingProposals.size() + " proposals but " + pending + " are pending");
        }
    }

    private static void checkEnded(Proposal p, List<String> v) {
        if (p.endedAt().isEmpty() || p.endedBy().isEmpty()) {
            v.add("proposal " + p.id() + " is " + p.status() + " without who ended it and when");
            return;
        }
        boolean late = !p.endedAt().get().isBefore(p.expiresAt());
        if (late != (p.status() == ProposalStatus.EXPIRED)) {
            v.add("proposal " + p.id() + " is " + p.status() + " at " + p.endedAt().get() + ", expiry " + p.expiresAt());
        }
        if (p.status() == ProposalStatus.APPROVED || p.status() == ProposalStatus.REJECTED) {
            if (!p.mayBeApprovedBy(p.endedBy().get())) {
                v.add("proposal " + p.id() + " of " + p.proposer() + " was " + p.status() + " by " + p.endedBy().get());
            }
        }
        if (p.status() == ProposalStatus.WITHDRAWN && !p.endedBy().get().equals(p.proposer())
                && !p.endedBy().get().subject().equals(p.proposer().subject())) {
            v.add("proposal " + p.id() + " was withdrawn by " + p.endedBy().get() + ", not its proposer");
        }
    }
}
