package org.jcm.registry.write;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.rule.Outcome;

/**
 * Applies one command of a batch to the writer's state: decides it with ledger-core, encodes and
 * chains its events into the batch's rows, and folds them. A command that throws at any stage is
 * taken back with the undo journal (state, rows, head hash) and answered alone; the rest of the batch
 * goes on. Writer thread only.
 */
final class CommandApplier {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private final LedgerCore core;
    private final WriterSession session;
    private final WriterMetrics metrics;

    CommandApplier(LedgerCore core, WriterSession session, WriterMetrics metrics) {
        this.core = core;
        this.session = session;
        this.metrics = metrics;
    }

    /** Decides, encodes and folds command {@code index} of {@code s}: accepted, rejected, or failed alone. */
    CommandResult apply(Submission s, int index) {
        LedgerWriter.Item item = s.items.get(index);
        int mark = session.state.mark();
        session.rows.mark();
        byte[] headBefore = session.head;
        String stage = WriterMetrics.STAGE_DECIDE;
        try {
            Outcome decided = core.decide(session.state, item.command(), new CommandContext(session.now(), item.actor()));
            if (decided instanceof Outcome.Accepted accepted) {
                List<LedgerEvent> events = accepted.events();
                // Every event is encoded and chained before any is folded: a command whose content
                // cannot be encoded leaves the state untouched.
                stage = WriterMetrics.STAGE_ENCODE;
                for (int i = 0, n = events.size(); i < n; i++) {
                    append(events.get(i), s.trace);
                }
                stage = WriterMetrics.STAGE_FOLD;
                for (int i = 0, n = events.size(); i < n; i++) {
                    core.fold(session.state, events.get(i));
                }
                metrics.accepted();
                return new CommandResult.Accepted(events);
            }
            Outcome.Rejected rejected = (Outcome.Rejected) decided;
            String code = rejected.rejection().code();
            metrics.rejected(code);
            return new CommandResult.Rejected(code, rejected.rejection().httpStatus(), rejected.detail());
        } catch (RuntimeException e) {
            return poisoned(s, index, stage, e, mark, headBefore);
        }
    }

    /** Encodes an accepted event canonically, chains its hash and adds its rows. */
    private void append(LedgerEvent event, TraceHeaders trace) {
        Map<String, Object> json = EventCodec.toJson(event);
        byte[] canonical = Jcs.canonicalBytes(json);
        byte[] hash = HashChain.next(session.head, canonical);
        Actor actor = event.actor();
        session.rows.event(event.seq(), event.type(), (String) json.get("at"), actor.role().wireName(), actor.subject(),
                actor.scope(), new String(canonical, StandardCharsets.UTF_8), session.head, hash, trace);
        session.index.add(event);
        session.rows.route(event, session.state);
        session.head = hash;
    }

    /**
     * A command threw while it was decided, encoded or folded: whatever it changed is taken back
     * (state, rows, head hash) and it alone is answered, 422 {@code unprocessable_command} if its
     * events cannot be encoded (its content: a lone UTF-16 surrogate, for instance), 500 otherwise
     * (a defect of ledger-core). Nothing is recorded for its key, and the rest of the batch goes on.
     */
    private CommandResult poisoned(Submission s, int index, String stage, RuntimeException e, int mark, byte[] headBefore) {
        try {
            session.state.rollbackTo(mark);
        } catch (RuntimeException undo) {
            undo.addSuppressed(e);
            throw new UndoFailed(undo);
        }
        session.rows.resetToMark();
        session.head = headBefore;
        metrics.poison(stage);
        String command = s.items.get(index).command().getClass().getSimpleName();
        CommandResult result;
        if (WriterMetrics.STAGE_ENCODE.equals(stage)) {
            LOG.warnf("A %s cannot be encoded (%s); answering it 422, the rest of its batch goes on", command, e.toString());
            result = new CommandResult.Refused(422, LedgerWriter.UNPROCESSABLE_COMMAND, "The ledger cannot record this request:"
                    + " its content cannot be encoded as canonical JSON (" + printable(e.getMessage()) + "). Nothing was applied.");
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "The state machine failed to %s a %s, reference %s; answering it 500, the rest of its batch goes on",
                    stage, command, reference);
            result = new CommandResult.Failed("The ledger failed to apply this command; it was not applied. Quote reference "
                    + reference + " to the operator.");
        }
        s.poison(index, result);
        return result;
    }

    /** A message fit for an answer: surrogates and control characters replaced, at most 200 characters. */
    private static String printable(String message) {
        if (message == null) {
            return "no detail";
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), 200));
        for (int i = 0; i < message.length() && out.length() < 200; i++) {
            char c = message.charAt(i);
            out.append(Character.isSurrogate(c) || Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    /** Taking back a failed command threw: the state can no longer be trusted and is rebuilt. */
    static final class UndoFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndoFailed(RuntimeException cause) {
            super(cause);
        }
    }
}
