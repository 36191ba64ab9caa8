package org.jcm.settlement.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;

/**
 * Reads ledger entries from topic records with ledger-core's strict JSON parser and event codec,
 * and checks hash chain links, so that the settlement service applies exactly the events the
 * registry committed.
 */
public final class EntryDecoder {

    private EntryDecoder() {
    }

    /**
     * The sequence number in the record's {@code seq} header, or -1 when it has none; it lets
     * duplicates be skipped without parsing their JSON.
     */
    public static long headerSeq(Headers headers) {
        Header header = headers.lastHeader("seq");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Decodes a record value, {@code {"seq", "prevHash", "hash", "event"}}. */
    public static LedgerEntry decode(byte[] value) {
        if (value == null) {
            throw new EntryFormatException("the record has no value");
        }
        try {
            Object parsed = Json.parse(new String(value, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?> entry)) {
                throw new EntryFormatException("the record value is not a JSON object");
            }
            long seq = ((Number) entry.get("seq")).longValue();
            String prevHash = (String) entry.get("prevHash");
            String hash = (String) entry.get("hash");
            @SuppressWarnings("unchecked")
            Map<String, Object> eventJson = (Map<String, Object>) entry.get("event");
            if (prevHash == null || hash == null || eventJson == null) {
                throw new EntryFormatException("the entry lacks prevHash, hash or event");
            }
            LedgerEvent event = EventCodec.fromJson(eventJson);
            if (event.seq() != seq) {
                throw new EntryFormatException("entry seq " + seq + " differs from event seq " + event.seq());
            }
            return new LedgerEntry(seq, prevHash, hash, event, Jcs.canonicalBytes(eventJson));
        } catch (EntryFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // The parser, the codec and the casts above all report malformed input this way.
            throw new EntryFormatException("the record is not a well-formed ledger entry: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the entry follows {@code previousHashHex}: its prevHash names it, and its hash is
     * SHA-256(previous || JCS(event)).
     */
    public static void verifyLink(LedgerEntry entry, String previousHashHex) {
        verifyFollows(entry, previousHashHex);
        verifyOwnHash(entry);
    }

    /** Checks that the entry names {@code previousHashHex} as its prevHash. */
    public static void verifyFollows(LedgerEntry entry, String previousHashHex) {
        if (!entry.prevHash().equals(previousHashHex)) {
            throw new EntryFormatException("entry " + entry.seq() + " says it follows " + entry.prevHash()
                    + " but the entry applied before it has hash " + previousHashHex);
        }
    }

    /**
     * Checks that the entry's hash is SHA-256(prevHash || JCS(event)); with {@link #verifyFollows}
     * this is the whole link, and it needs no other entry, so it can run in parallel.
     */
    public static void verifyOwnHash(LedgerEntry entry) {
        byte[] computed = HashChain.next(HashChain.fromHex(entry.prevHash()), entry.canonicalEvent());
        if (!Arrays.equals(computed, HashChain.fromHex(entry.hash()))) {
            throw new EntryFormatException("entry " + entry.seq() + " has hash " + entry.hash()
                    + " but its event hashes to " + HashChain.toHex(computed));
        }
    }
}
