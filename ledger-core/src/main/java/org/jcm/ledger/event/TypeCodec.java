package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Map;
import org.jcm.ledger.command.Actor;

/**
 * The encoding and decoding of one event type, side by side, so that they are changed together.
 * The codecs live in {@link ReferenceCodecs}, {@link CreditCodecs} and {@link Article6Codecs};
 * {@link EventCodec} lists every one (decoding, by type name) and picks one per event (encoding,
 * by the compiler-checked visitor).
 */
record TypeCodec<E extends LedgerEvent>(Class<E> type, Encoder<E> encoder, Decoder<E> decoder) {

    /** Writes the payload fields of one event type into the JSON object {@code m}. */
    @FunctionalInterface
    interface Encoder<E extends LedgerEvent> {
        void encode(E event, Map<String, Object> m);
    }

    /** Reads one event type's payload from {@code in}, the header already read. */
    @FunctionalInterface
    interface Decoder<E extends LedgerEvent> {
        E decode(long seq, Instant at, Actor actor, JsonIn in);
    }

    /** The type name ({@link LedgerEvent#type()}). */
    String name() {
        return type.getSimpleName();
    }

    void encode(LedgerEvent event, Map<String, Object> m) {
        encoder.encode(type.cast(event), m);
    }
}
