package org.jcm.ledger.event;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ProposalKind;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.ProposalId;

/**
 * The JSON codecs of the proposal events (four eyes), each event type's encoding beside its
 * decoding; see {@link EventCodec} for the conventions and the dispatch. The proposed action is a
 * nested object ({@link ActionCodec}); the proposer, named by every event after the proposal, is an
 * object of the same shape as {@code actor}; {@code expiresAt} has the form of {@code at}.
 */
final class ProposalCodecs {

    static final TypeCodec<ProposalMade> PROPOSAL_MADE = new TypeCodec<>(ProposalMade.class,
            (e, m) -> {
                m.put("proposalId", e.proposalId().value());
                m.put("kind", e.kind().name());
                m.put("action", ActionCodec.toJson(e.action()));
                m.put("expiresAt", EventCodec.formatTime(e.expiresAt()));
                m.put("reserved", RangeJson.toJson(e.reserved()));
            },
            (seq, at, actor, in) -> {
                return new ProposalMade(seq, at, actor, in.id("proposalId", ProposalId::new),
                        in.enumValue("kind", ProposalKind.class), ActionCodec.decode(in.object("action")),
                        EventCodec.parseTime(in.string("expiresAt")), RangeJson.rangesOf(in, "reserved"));
            });

    static final TypeCodec<ProposalApproved> PROPOSAL_APPROVED = new TypeCodec<>(ProposalApproved.class,
            (e, m) -> {
                m.put("proposalId", e.proposalId().value());
                m.put("proposer", actor(e.proposer()));
            },
            (seq, at, actor, in) -> {
                return new ProposalApproved(seq, at, actor, in.id("proposalId", ProposalId::new), actor(in.object("proposer")));
            });

    static final TypeCodec<ProposalRejected> PROPOSAL_REJECTED = new TypeCodec<>(ProposalRejected.class,
            (e, m) -> {
                m.put("proposalId", e.proposalId().value());
                m.put("proposer", actor(e.proposer()));
                m.put("reason", e.reason());
            },
            (seq, at, actor, in) -> {
                return new ProposalRejected(seq, at, actor, in.id("proposalId", ProposalId::new), actor(in.object("proposer")),
                        in.string("reason"));
            });

    static final TypeCodec<ProposalExpired> PROPOSAL_EXPIRED = new TypeCodec<>(ProposalExpired.class,
            (e, m) -> {
                m.put("proposalId", e.proposalId().value());
                m.put("proposer", actor(e.proposer()));
                m.put("expiresAt", EventCodec.formatTime(e.expiresAt()));
            },
            (seq, at, actor, in) -> {
                return new ProposalExpired(seq, at, actor, in.id("proposalId", ProposalId::new), actor(in.object("proposer")),
                        EventCodec.parseTime(in.string("expiresAt")));
            });

    private ProposalCodecs() {
    }

    private static Map<String, Object> actor(Actor a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", a.role().wireName());
        m.put("subject", a.subject());
        m.put("scope", a.scope());
        return m;
    }

    private static Actor actor(JsonIn in) {
        return new Actor(Role.ofWireName(in.string("role")), in.string("subject"), in.string("scope"));
    }
}
