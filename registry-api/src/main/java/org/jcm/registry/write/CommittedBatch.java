package org.jcm.registry.write;

import java.util.List;

/**
 * Events that one transaction made durable: {@code fromSeq..toSeq}, gapless, with their canonical
 * JSON exactly as the writer hashed and stored it ({@code eventJson.get(i)} is seq {@code fromSeq + i}).
 * The checkpointer builds the transparency log's tree from these, never from rows read back from
 * PostgreSQL, so a row rewritten in the database is never signed; a listener that needs more reads
 * {@code ledger_event}.
 */
public record CommittedBatch(long fromSeq, long toSeq, List<String> eventJson) {

    public CommittedBatch {
        eventJson = List.copyOf(eventJson);
        if (eventJson.size() != toSeq - fromSeq + 1) {
            throw new IllegalArgumentException("a batch of seq " + fromSeq + ".." + toSeq + " has " + eventJson.size()
                    + " events");
        }
    }
}
