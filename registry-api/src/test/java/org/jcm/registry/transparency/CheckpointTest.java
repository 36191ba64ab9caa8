package org.jcm.registry.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.MemoryTree;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.proof.TileNodeSource;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.LedgerFixture;
import org.jcm.registry.testing.TopicReader;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.write.WriterStatus;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checkpointer signs what the writer committed, and the writer catches a database that changed
 * behind it: the signed root is the RFC 9162 root of the stored events, the stored tiles give the
 * same root and proofs, the checkpoints are on Kafka; an event rewritten with every later hash
 * recomputed (what someone holding the database owner's credentials can do; the service's own role
 * cannot, see DatabaseRolesTest) is named by /ledger/verify
 * and puts the writer in FAILED,
 * at the next self-check and again at restart, and a checkpoint signed by another key is refused.
 */
@QuarkusTest
@TestProfile(CheckpointProfile.class)
class CheckpointTest {

    private static final Path KEY_FILE = Path.of("target", "jcm-test", "checkpoint-signing-key");

    @Inject
    Ledger ledger;

    @BeforeEach
    void anActiveWriterWithEntries() throws Exception {
        if (ledger.writer().status() != WriterStatus.ACTIVE) {
            ledger.restartWriter();
        }
        awaitActive();
        try (LedgerFixture fixture = new LedgerFixture(ledger.writer())) {
            fixture.world();
            fixture.transfers(120);
        }
    }

    @Test
    void checkpoints_sign_the_rfc9162_root_of_the_stored_events_with_tiles_and_on_kafka() throws Exception {
        long earlier = ledger.committedSeq();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latestSize() == earlier);
        try (LedgerFixture fixture = new LedgerFixture(ledger.writer())) {
            fixture.transfers(7);
        }
        long head = ledger.committedSeq();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latestSize() == head);
        NoteKeys.Verifier key = NoteKeys.signer(Files.readString(KEY_FILE).strip()).verifier();
        String note = note(head);
        Checkpoint checkpoint = Checkpoint.open(note, key);
        assertThat(checkpoint.origin()).isEqualTo("jcm.local/ledger");

        List<String> events = events();
        MemoryTree tree = new MemoryTree();
        for (String json : events) {
            tree.append(MerkleHash.leaf(json.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(checkpoint.root()).isEqualTo(tree.root());

        try (Connection c = Databases.connectToService()) {
            TileNodeSource tiles = new TileNodeSource((level, index, width) -> tile(c, level, index, width), head);
            assertThat(MerkleProofs.rootOf(tiles, head)).isEqualTo(tree.root());
            byte[] earlierRoot = Checkpoint.open(note(earlier), key).root();
            assertThat(MerkleProofs.verifyConsistency(earlier, head, earlierRoot, checkpoint.root(),
                    MerkleProofs.consistency(tiles, earlier, head))).isTrue();
            long leaf = head / 2;
            assertThat(MerkleProofs.verifyInclusion(tree.node(0, leaf), leaf, head,
                    MerkleProofs.inclusion(tiles, leaf, head), checkpoint.root())).isTrue();
        }

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TopicReader reader = new TopicReader(bootstrap, CheckpointProfile.TOPIC)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll(Duration.ofMillis(200)).all().stream()
                    .anyMatch(r -> r.key().equals(Long.toString(head))));
            String published = reader.all().stream().filter(r -> r.key().equals(Long.toString(head))).findFirst()
                    .orElseThrow().value();
            @SuppressWarnings("unchecked")
            Map<String, Object> message = (Map<String, Object>) Json.parse(published);
            assertThat(message).containsEntry("note", note).containsEntry("origin", "jcm.local/ledger");
            assertThat(((Number) message.get("treeSize")).longValue()).isEqualTo(head);
        }
    }

    @Test
    void a_backlog_longer_than_max_entries_is_signed_in_steps_each_a_checkpoint_that_verifies() throws Exception {
        long before = ledger.committedSeq();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latestSize() == before);
        try (LedgerFixture fixture = new LedgerFixture(ledger.writer())) {
            fixture.transfers(200);
        }
        long head = ledger.committedSeq();
        // About two thirds are accepted (a random walk drains some accounts): more than two steps.
        assertThat(head - before).as("transfers the fixture's world accepted").isGreaterThan(2L * CheckpointProfile.MAX_ENTRIES);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latestSize() == head);
        NoteKeys.Verifier key = NoteKeys.signer(Files.readString(KEY_FILE).strip()).verifier();
        List<Long> sizes = new ArrayList<>();
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT tree_size FROM ledger_checkpoint WHERE tree_size > " + before
                     + " ORDER BY tree_size")) {
            while (rows.next()) {
                sizes.add(rows.getLong(1));
            }
        }
        assertThat(sizes).as("seq %d to %d in steps of at most %d", before, head, CheckpointProfile.MAX_ENTRIES)
                .hasSizeGreaterThanOrEqualTo(3);
        long previous = before;
        for (long size : sizes) {
            assertThat(size - previous).as("checkpoint %d after %d", size, previous)
                    .isBetween(1L, (long) CheckpointProfile.MAX_ENTRIES);
            assertThat(Checkpoint.open(note(size), key).size()).isEqualTo(size);
            previous = size;
        }
        assertThat(previous).isEqualTo(head);
    }

    @Test
    void an_event_rewritten_with_every_later_hash_recomputed_fails_the_self_check_and_the_restart() throws Exception {
        long head = ledger.committedSeq();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latestSize() == head);
        long victim = head - 30;
        List<String> original = events();
        // Another actor: replay folds the event as before, so only the tree can tell.
        String forged = original.get((int) victim - 1).replaceFirst("\"subject\":\"[^\"]*\"", "\"subject\":\"someone-else\"");
        assertThat(forged).isNotEqualTo(original.get((int) victim - 1));
        List<String> rewritten = new ArrayList<>(original);
        rewritten.set((int) victim - 1, forged);
        String subject = subject(victim);
        // The first signed checkpoint whose tree holds the rewritten entry is the first root that differs.
        long firstCovering = sizes().stream().filter(size -> size >= victim).findFirst().orElseThrow();
        rewrite(rewritten, victim, "someone-else");
        try {
            given().auth().oauth2(TestTokens.auditor()).when().post("/api/v1/ledger/verify").then().statusCode(200)
                    .body("ok", equalTo(false)).body("divergence.kind", equalTo("CHECKPOINT"))
                    .body("divergence.problem", equalTo("ROOT_MISMATCH"))
                    .body("divergence.key", equalTo(Long.toString(firstCovering)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ledger.writer().status() == WriterStatus.FAILED);
            assertThat(ledger.writer().statusDetail()).contains("self-check").contains("seq " + head);

            ledger.restartWriter();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ledger.writer().status() == WriterStatus.FAILED);
            assertThat(ledger.writer().statusDetail()).contains("do not hash to the root signed in checkpoint " + head);
        } finally {
            rewrite(original, victim, subject);
        }
        ledger.restartWriter();
        awaitActive();
    }

    @Test
    void with_the_checkpoint_rows_deleted_the_checkpoint_on_kafka_still_catches_a_rewrite_at_restart() throws Exception {
        long head = ledger.committedSeq();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latestSize() == head);
        List<String> original = events();
        long victim = head - 10;
        List<String> rewritten = new ArrayList<>(original);
        rewritten.set((int) victim - 1, original.get((int) victim - 1)
                .replaceFirst("\"subject\":\"[^\"]*\"", "\"subject\":\"someone-else\""));
        String subject = subject(victim);
        List<Object[]> checkpoints = new ArrayList<>();
        try (Connection c = Databases.connectAsOwner(); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT tree_size, root_hash, note, created_at FROM ledger_checkpoint")) {
                while (rows.next()) {
                    checkpoints.add(new Object[] {rows.getLong(1), rows.getBytes(2), rows.getString(3), rows.getTimestamp(4)});
                }
            }
            s.execute("ALTER TABLE ledger_checkpoint DISABLE TRIGGER ledger_checkpoint_append_only");
            s.executeUpdate("DELETE FROM ledger_checkpoint");
            s.execute("ALTER TABLE ledger_checkpoint ENABLE TRIGGER ledger_checkpoint_append_only");
        }
        rewrite(rewritten, victim, "someone-else");
        try {
            ledger.restartWriter();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ledger.writer().status() == WriterStatus.FAILED);
            assertThat(ledger.writer().statusDetail()).contains("do not hash to the root signed in checkpoint " + head
                    + " (published on " + CheckpointProfile.TOPIC + ")");
        } finally {
            rewrite(original, victim, subject);
            try (Connection c = Databases.connectAsOwner(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ledger_checkpoint (tree_size, root_hash, note, created_at) VALUES (?, ?, ?, ?)")) {
                for (Object[] row : checkpoints) {
                    insert.setLong(1, (Long) row[0]);
                    insert.setBytes(2, (byte[]) row[1]);
                    insert.setString(3, (String) row[2]);
                    insert.setTimestamp(4, (java.sql.Timestamp) row[3]);
                    insert.executeUpdate();
                }
            }
        }
        ledger.restartWriter();
        awaitActive();
    }

    @Test
    void a_checkpoint_signed_by_another_key_is_refused_at_restart() throws Exception {
        long head = ledger.committedSeq();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latestSize() == head);
        NoteKeys.Signer other = NoteKeys.signer(NoteKeys.generate("jcm.local/ledger", NoteKeys.ED25519).signerKey());
        byte[] root = Checkpoint.open(note(head), NoteKeys.signer(Files.readString(KEY_FILE).strip()).verifier()).root();
        long forgedSize = head + 1_000_000;
        String forged = new Checkpoint("jcm.local/ledger", forgedSize, root).sign(other).encode();
        try (Connection c = Databases.connectToService();
             PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_checkpoint (tree_size, root_hash, note,"
                     + " created_at) VALUES (?, ?, ?, now())")) {
            insert.setLong(1, forgedSize);
            insert.setBytes(2, root);
            insert.setString(3, forged);
            insert.executeUpdate();
        }
        try {
            ledger.restartWriter();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ledger.writer().status() == WriterStatus.FAILED);
            assertThat(ledger.writer().statusDetail()).contains("checkpoint " + forgedSize)
                    .contains("not signed by this log's key");
        } finally {
            try (Connection c = Databases.connectAsOwner(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE ledger_checkpoint DISABLE TRIGGER ledger_checkpoint_append_only");
                s.executeUpdate("DELETE FROM ledger_checkpoint WHERE tree_size = " + forgedSize);
                s.execute("ALTER TABLE ledger_checkpoint ENABLE TRIGGER ledger_checkpoint_append_only");
            }
        }
        ledger.restartWriter();
        awaitActive();
    }

    private static long latestSize() throws SQLException {
        List<Long> sizes = sizes();
        return sizes.isEmpty() ? 0 : sizes.get(sizes.size() - 1);
    }

    private static List<Long> sizes() throws SQLException {
        List<Long> sizes = new ArrayList<>();
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT tree_size FROM ledger_checkpoint ORDER BY tree_size")) {
            while (rows.next()) {
                sizes.add(rows.getLong(1));
            }
        }
        return sizes;
    }

    private static String note(long size) throws SQLException {
        try (Connection c = Databases.connectToService();
             PreparedStatement select = c.prepareStatement("SELECT note FROM ledger_checkpoint WHERE tree_size = ?")) {
            select.setLong(1, size);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("checkpoint %d is stored", size).isTrue();
                return row.getString(1);
            }
        }
    }

    private static List<String> events() throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT event_json FROM ledger_event ORDER BY seq")) {
            while (rows.next()) {
                events.add(rows.getString(1));
            }
        }
        return events;
    }

    private static byte[] tile(Connection c, int level, long index, int width) {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT hashes FROM merkle_tile WHERE level = ? AND idx = ? AND width >= ? ORDER BY width LIMIT 1")) {
            select.setInt(1, level);
            select.setLong(2, index);
            select.setInt(3, width);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(long seq) throws SQLException {
        try (Connection c = Databases.connectToService();
             PreparedStatement select = c.prepareStatement("SELECT actor_subject FROM ledger_event WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /**
     * Stores {@code events} from seq {@code from} on with their chain hashes recomputed, and the
     * first one's actor column as {@code subject}, as someone holding the database owner's
     * credentials would: the append-only trigger is switched off meanwhile.
     */
    private static void rewrite(List<String> events, long from, String subject) throws SQLException {
        try (Connection c = Databases.connectAsOwner()) {
            c.setAutoCommit(false);
            byte[] head;
            try (PreparedStatement select = c.prepareStatement("SELECT hash FROM ledger_event WHERE seq = ?")) {
                select.setLong(1, from - 1);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    head = row.getBytes(1);
                }
            }
            try (Statement s = c.createStatement(); PreparedStatement update = c.prepareStatement(
                    "UPDATE ledger_event SET event_json = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                s.execute("ALTER TABLE ledger_event DISABLE TRIGGER ledger_event_no_update_or_delete");
                for (long seq = from; seq <= events.size(); seq++) {
                    String json = events.get((int) seq - 1);
                    byte[] hash = HashChain.next(head, json.getBytes(StandardCharsets.UTF_8));
                    update.setString(1, json);
                    update.setBytes(2, head);
                    update.setBytes(3, hash);
                    update.setLong(4, seq);
                    update.addBatch();
                    head = hash;
                }
                update.executeBatch();
                try (PreparedStatement actor = c.prepareStatement("UPDATE ledger_event SET actor_subject = ? WHERE seq = ?")) {
                    actor.setString(1, subject);
                    actor.setLong(2, from);
                    actor.executeUpdate();
                }
                s.execute("ALTER TABLE ledger_event ENABLE TRIGGER ledger_event_no_update_or_delete");
            }
            c.commit();
        }
    }

    /**
     * Waits until the (re)started writer is active. A new writer may first be STANDBY for a moment:
     * the one it replaced can still hold the writer lock while its thread ends, and the new one then
     * takes the lock at its next try (jcm.writer.lock-retry-interval).
     */
    private void awaitActive() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> ledger.writer().status() == WriterStatus.ACTIVE);
    }
}
