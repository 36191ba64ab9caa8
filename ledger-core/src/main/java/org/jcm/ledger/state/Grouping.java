package org.jcm.ledger.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.credit.FirstTransferTrigger;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.PartyCode;

/**
 * Collects first-transferred ranges into one FirstTransferRecorded event per (authorization,
 * trigger, acquiring Party), in order of first appearance, so each event is one AEF action row.
 */
final class Grouping {

    private record Key(AuthorizationId authorizationId, FirstTransferTrigger trigger, PartyCode transferringParty,
                       Optional<PartyCode> acquiringParty) {
    }

    private final Map<Key, List<BlockRange>> groups = new LinkedHashMap<>();

    void add(AuthorizationId authorizationId, FirstTransferTrigger trigger, PartyCode transferringParty,
             Optional<PartyCode> acquiringParty, BlockRange range) {
        groups.computeIfAbsent(new Key(authorizationId, trigger, transferringParty, acquiringParty), k -> new ArrayList<>())
                .add(range);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Appends the events after those already in {@code events}, whose first is the cause at {@code causeSeq}. */
    void emit(long causeSeq, CommandContext ctx, List<LedgerEvent> events) {
        for (Map.Entry<Key, List<BlockRange>> g : groups.entrySet()) {
            Key k = g.getKey();
            events.add(new FirstTransferRecorded(causeSeq + events.size(), ctx.at(), ctx.actor(), k.authorizationId(),
                    k.trigger(), causeSeq, k.transferringParty(), k.acquiringParty(), g.getValue()));
        }
    }
}
