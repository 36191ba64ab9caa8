package org.jcm.registry.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jcm.ledger.proof.NoteKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.LedgerFixture;
import org.jcm.registry.testing.LedgerStreamProfile;
import org.jcm.registry.testing.PythonVerifier;
import org.jcm.registry.testing.PythonVerifier.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that the ledger's own checks catch what a privileged database user could do behind the
 * application's back: the standard-library Python verifier and POST /ledger/verify both find an
 * event rewritten by the owner or a superuser at its seq, and verify finds a live block that
 * someone holding the service role's credentials edited, by its key. Every test puts
 * the data back as it was, so the other tests on this database see an intact ledger.
 */
@QuarkusTest
@TestProfile(LedgerStreamProfile.class)
class LedgerTamperingTest {

    @Inject
    Ledger ledger;

    @TestHTTPResource("/")
    URL baseUrl;

    private long head;

    @BeforeEach
    void ledgerHasEvents() throws SQLException {
        try (LedgerFixture fixture = new LedgerFixture(ledger.writer())) {
            fixture.world();
            head = fixture.transfers(100);
        }
        // The running publisher must have sent the intact events before any test changes them.
        Databases.awaitPublished(head);
    }

    @Test
    void the_python_verifier_confirms_the_live_ledger_through_the_api() throws Exception {
        Result result = runVerifier();
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK: chain intact through seq " + head);
    }

    @Test
    void the_python_verifier_checks_the_signed_checkpoint_against_the_live_ledger() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/api/v1/ledger/checkpoints/latest")
                .then().extract().statusCode() == 200 && given().when().get("/api/v1/ledger/checkpoints/latest").then()
                .extract().<Integer>path("treeSize") >= head);
        String logKey = NoteKeys.signer(Files.readString(Path.of("target", "jcm-test", "checkpoint-signing-key")).strip())
                .verifierKey();
        Result result = runVerifier("--key", logKey);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK: checkpoint ").contains("signed by jcm.local/ledger");

        String impostor = NoteKeys.generate("jcm.local/ledger", NoteKeys.ED25519).verifierKey();
        Result refused = runVerifier("--key", impostor);
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
    }

    @Test
    void a_rewritten_event_is_reported_at_its_seq_by_verify_and_by_the_python_verifier() throws Exception {
        long victim = head - 40;
        String original = eventJson(victim);
        // A forged quantity, spelled canonically, so that only the hash can give it away.
        String forged = original.replaceFirst("\"quantity\":([0-9]+)", "\"quantity\":999");
        assertThat(forged).isNotEqualTo(original);
        Databases.rewriteEventAsOwner(victim, forged);
        try {
            given().auth().oauth2(LedgerEndpointsTest.AUDITOR).when().post("/api/v1/ledger/verify").then()
                    .statusCode(200)
                    .body("ok", equalTo(false))
                    .body("headSeq", equalTo((int) victim - 1))
                    .body("eventsChecked", equalTo((int) victim - 1))
                    .body("divergence.kind", equalTo("CHAIN"))
                    .body("divergence.problem", equalTo("HASH_MISMATCH"))
                    .body("divergence.seq", equalTo((int) victim))
                    .body("divergence.field", equalTo("hash"));

            Result result = runVerifier();
            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.output()).contains("BROKEN after " + (victim - 1) + " good entries: seq " + victim + ": hash mismatch");
        } finally {
            Databases.rewriteEventAsOwner(victim, original);
        }
        given().auth().oauth2(LedgerEndpointsTest.AUDITOR).when().post("/api/v1/ledger/verify").then()
                .statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void an_event_column_that_disagrees_with_the_event_json_is_reported() throws Exception {
        long victim = head - 3;
        // Only a superuser may silence the triggers this way (the service role and the owner may not).
        try (Connection c = Databases.connectAsSuperuser(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.executeUpdate("UPDATE ledger_event SET type = 'CreditsRetired' WHERE seq = " + victim);
        }
        try {
            given().auth().oauth2(LedgerEndpointsTest.AUDITOR).when().post("/api/v1/ledger/verify").then()
                    .statusCode(200)
                    .body("ok", equalTo(false))
                    .body("divergence.kind", equalTo("EVENT"))
                    .body("divergence.problem", equalTo("COLUMN_MISMATCH"))
                    .body("divergence.seq", equalTo((int) victim))
                    .body("divergence.field", equalTo("type"))
                    .body("divergence.expected", equalTo("CreditsTransferred"))
                    .body("divergence.found", equalTo("CreditsRetired"));
        } finally {
            try (Connection c = Databases.connectAsSuperuser(); Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.executeUpdate("UPDATE ledger_event SET type = 'CreditsTransferred' WHERE seq = " + victim);
            }
        }
    }

    @Test
    void a_live_block_moved_to_another_account_in_the_database_is_reported_by_its_key() throws Exception {
        String host;
        int vintage;
        long firstUnit;
        String holder;
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT host_party, vintage, first_unit, account_id FROM block"
                     + " WHERE status = 'ACTIVE' ORDER BY host_party, vintage, first_unit LIMIT 1 OFFSET 7")) {
            rows.next();
            host = rows.getString(1);
            vintage = rows.getInt(2);
            firstUnit = rows.getLong(3);
            holder = rows.getString(4);
        }
        String thief = holder.equals("JPN01-H00001") ? "JPN01-H00002" : "JPN01-H00001";
        moveBlock(host, vintage, firstUnit, thief);
        try {
            given().auth().oauth2(LedgerEndpointsTest.AUDITOR).when().post("/api/v1/ledger/verify").then()
                    .statusCode(200)
                    .body("ok", equalTo(false))
                    .body("headSeq", equalTo((int) head))
                    .body("divergence.kind", equalTo("STATE"))
                    .body("divergence.problem", equalTo("FIELD_MISMATCH"))
                    .body("divergence.table", equalTo("block"))
                    .body("divergence.key", equalTo(host + "/" + vintage + "/" + firstUnit))
                    .body("divergence.field", equalTo("account_id"))
                    .body("divergence.expected", equalTo(holder))
                    .body("divergence.found", equalTo(thief));
        } finally {
            moveBlock(host, vintage, firstUnit, holder);
        }
    }

    private static void moveBlock(String host, int vintage, long firstUnit, String account) throws SQLException {
        try (Connection c = Databases.connectToService(); PreparedStatement update = c.prepareStatement(
                "UPDATE block SET account_id = ? WHERE host_party = ? AND vintage = ? AND first_unit = ?")) {
            update.setString(1, account);
            update.setString(2, host);
            update.setInt(3, vintage);
            update.setLong(4, firstUnit);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String eventJson(long seq) throws SQLException {
        try (Connection c = Databases.connectToService();
             PreparedStatement query = c.prepareStatement("SELECT event_json FROM ledger_event WHERE seq = ?")) {
            query.setLong(1, seq);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }


    /** docs/verify-ledger.py run against the live service, with the auditor's token. */
    private Result runVerifier(String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.add(baseUrl.toString().replaceAll("/$", ""));
        return PythonVerifier.run(Map.of("JCM_TOKEN", LedgerEndpointsTest.AUDITOR), arguments);
    }
}
