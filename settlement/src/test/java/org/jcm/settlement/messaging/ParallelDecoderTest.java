package org.jcm.settlement.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jcm.settlement.testing.TestLedger;
import org.junit.jupiter.api.Test;

/** A large poll decoded on all cores gives, record for record, what decoding one by one gives. */
class ParallelDecoderTest {

    @Test
    void a_large_poll_decodes_in_parallel_to_the_same_entries_and_failures() {
        TestLedger ledger = TestLedger.offline();
        Instant at = Instant.parse("2025-11-01T00:00:00Z");
        ledger.issue(at, 2091, TestLedger.C, 100);
        for (int i = 0; i < 400; i++) {
            var from = i % 2 == 0 ? TestLedger.C : TestLedger.A;
            var to = i % 2 == 0 ? TestLedger.A : TestLedger.C;
            ledger.applyWithoutPublishing(at.plusSeconds(i), ledger.holderOf(from), TestLedger.transfer(from, to, 100,
                    2091, Optional.empty(), TestLedger.trade("PAR", "P-" + i, "10.00", "JPY")));
        }
        List<byte[]> entries = ledger.entries();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            records.add(record(i, "jcm", i + 1, entries.get(i)));
        }
        records.add(record(records.size(), "jcm", 0, "{\"seq\":".getBytes(StandardCharsets.UTF_8)));
        records.add(record(records.size(), "other-ledger", 5, entries.get(4)));
        assertThat(records.size()).isGreaterThan(ParallelDecoder.PARALLEL_THRESHOLD);

        Object[] results = new ParallelDecoder().decodeAll(records, "jcm", 3, true);

        assertThat(results[0]).isNull();
        assertThat(results[2]).isNull();
        for (int i = 3; i < entries.size(); i++) {
            assertThat(results[i]).isInstanceOfSatisfying(LedgerEntry.class, e -> assertThat(e.seq()).isPositive());
            assertThat(((LedgerEntry) results[i]).seq()).isEqualTo(i + 1);
        }
        assertThat(results[entries.size()]).isInstanceOf(EntryFormatException.class);
        assertThat(results[entries.size() + 1]).isNull();
    }

    @Test
    void an_entry_whose_event_was_changed_after_hashing_is_refused() {
        TestLedger ledger = TestLedger.offline();
        ledger.issue(Instant.parse("2025-11-01T00:00:00Z"), 2091, TestLedger.C, 100);
        List<byte[]> entries = ledger.entries();
        int last = entries.size() - 1;
        String tampered = new String(entries.get(last), StandardCharsets.UTF_8).replace("\"totalQuantity\":100",
                "\"totalQuantity\":101");
        List<ConsumerRecord<String, byte[]>> records = List.of(
                record(0, "jcm", last + 1, tampered.getBytes(StandardCharsets.UTF_8)));

        Object[] results = new ParallelDecoder().decodeAll(records, "jcm", last, true);

        assertThat(results[0]).isInstanceOfSatisfying(EntryFormatException.class,
                e -> assertThat(e.getMessage()).contains("hashes to"));
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String key, long seq, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("jcm.ledger.events", 0, offset, key, value);
        if (seq > 0) {
            record.headers().add("seq", Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }
}
