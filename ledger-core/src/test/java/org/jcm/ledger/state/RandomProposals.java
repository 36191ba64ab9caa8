package org.jcm.ledger.state;

import static org.jcm.ledger.state.Fixture.GOV_JPN;
import static org.jcm.ledger.state.Fixture.JPN01;
import static org.jcm.ledger.state.Fixture.admin;

import java.util.List;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.RejectProposal;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.ProposalId;

/**
 * The random approvals and rejections of {@link RandomCommands}: mostly of a pending proposal by
 * another subject of its role and scope, sometimes by the proposer itself (approval refused;
 * rejection is a withdrawal), by a subject of another scope or role, of an ended proposal or of
 * one that does not exist.
 */
final class RandomProposals {

    /** Subjects of one role and scope: the random sequences draw proposers and approvers from them. */
    static final int SUBJECTS = 3;

    private final Fixture f;

    RandomProposals(Fixture f) {
        this.f = f;
    }

    /** One of {@link #SUBJECTS} subjects with {@code actor}'s role and scope. */
    static Actor subject(Actor actor, int n) {
        return new Actor(actor.role(), actor.subject() + "#" + Math.floorMod(n, SUBJECTS), actor.scope());
    }

    RandomCommands.Planned approve(RandomCommands.Step s) {
        return new RandomCommands.Planned(decider(s), new ApproveProposal(target(s)));
    }

    RandomCommands.Planned reject(RandomCommands.Step s) {
        return new RandomCommands.Planned(decider(s), new RejectProposal(target(s), "reason " + s.c()));
    }

    /**
     * A pending proposal most of the time (mostly the newest, which is the least likely to have
     * expired or to be refused by now); otherwise any proposal, or one that does not exist.
     */
    private ProposalId target(RandomCommands.Step s) {
        List<Proposal> pending = f.state.pendingProposals();
        if (!pending.isEmpty() && s.a() % 7 != 0) {
            int newest = s.a() % 3 == 0 ? pending.size() : 1;
            return pending.get(pending.size() - 1 - Math.floorMod(s.b(), newest)).id();
        }
        List<Proposal> all = f.state.proposals();
        if (!all.isEmpty() && s.a() % 2 == 0) {
            return all.get(Math.floorMod(s.b(), all.size())).id();
        }
        return ProposalId.of(1 + all.size() + s.b() % 3L);
    }

    /** Another subject of the target's role and scope most of the time; sometimes the proposer or an outsider. */
    private Actor decider(RandomCommands.Step s) {
        ProposalId id = target(s);
        Proposal p = f.state.proposal(id).orElse(null);
        if (p == null || s.e() % 11 == 0) {
            return s.e() % 2 == 0 ? subject(admin(JPN01), s.d()) : subject(GOV_JPN, s.d());
        }
        if (s.e() % 13 == 0) {
            return new Actor(Role.AUDITOR, "auditor", "");
        }
        if (s.e() % 5 == 0) {
            return p.proposer();
        }
        // Any of the subjects but the proposer.
        Actor other = subject(new Actor(p.approverRole(), base(p.proposer().subject()), p.approverScope()), s.d());
        return other.subject().equals(p.proposer().subject())
                ? subject(new Actor(p.approverRole(), base(p.proposer().subject()), p.approverScope()), s.d() + 1)
                : other;
    }

    private static String base(String subject) {
        int hash = subject.lastIndexOf('#');
        return hash < 0 ? subject : subject.substring(0, hash);
    }
}
