package org.jcm.registry.api;

import java.nio.charset.StandardCharsets;
import org.jcm.ledger.canonical.HashChain;

/**
 * Writes one ledger entry {@code {"seq","prevHash","hash","event"}} as the exact JSON text that
 * both {@code GET /api/v1/ledger/events} and the Kafka topic carry.
 *
 * <p>The stored event text is already RFC 8785 canonical JSON, so it is embedded as it is rather
 * than parsed and written again: that is cheaper, and it guarantees that an entry read from the
 * API and the same entry read from Kafka are byte for byte equal, which consumers may rely on
 * when they compare a redelivered record with the one they applied.
 */
public final class LedgerEntryJson {

    private LedgerEntryJson() {
    }

    /** Appends the entry to {@code out}; {@code eventJson} must be the stored canonical event text. */
    public static StringBuilder append(StringBuilder out, long seq, byte[] prevHash, byte[] hash, String eventJson) {
        return out.append("{\"seq\":").append(seq)
                .append(",\"prevHash\":\"").append(HashChain.toHex(prevHash))
                .append("\",\"hash\":\"").append(HashChain.toHex(hash))
                .append("\",\"event\":").append(eventJson)
                .append('}');
    }

    /** The entry as UTF-8 bytes, the value of a Kafka record. */
    public static byte[] bytes(long seq, byte[] prevHash, byte[] hash, String eventJson) {
        return append(new StringBuilder(eventJson.length() + 200), seq, prevHash, hash, eventJson)
                .toString().getBytes(StandardCharsets.UTF_8);
    }
}
