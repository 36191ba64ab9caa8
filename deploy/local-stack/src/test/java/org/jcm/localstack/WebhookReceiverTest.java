package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's webhook receiver, over real HTTP: signed deliveries as settlement sends them. */
class WebhookReceiverTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String BODY = "{\"type\":\"transfer.incoming\",\"timestamp\":\"2026-12-07T11:59:59Z\",\"data\":{}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Progress progress = new Progress(new PrintStream(output, true, StandardCharsets.UTF_8));

    @TempDir
    Path folder;

    @Test
    void a_delivery_signed_with_the_endpoints_secret_is_verified_logged_and_answered_204() throws Exception {
        try (WebhookReceiver receiver = start()) {
            receiver.accept(new WebhookReceiver.Endpoint("sakura", "Sakura Trading", "wh_0001", SECRET));

            int status = deliver(receiver.url("sakura"), "ledger-12-in", NOW.getEpochSecond(),
                    WebhookSignature.sign(SECRET, "ledger-12-in", NOW.getEpochSecond(), bytes(BODY)), BODY);
            // A redelivery of the same message (at least once) is logged again and counted once.
            deliver(receiver.url("sakura"), "ledger-12-in", NOW.getEpochSecond(),
                    WebhookSignature.sign(SECRET, "ledger-12-in", NOW.getEpochSecond(), bytes(BODY)), BODY);

            assertThat(status).isEqualTo(204);
            assertThat(receiver.verifiedDeliveries("sakura")).isEqualTo(1);
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("webhook delivery to Sakura Trading (wh_0001): "
                    + "webhook-id ledger-12-in, type transfer.incoming, signature verified: yes");
        }
    }

    @Test
    void a_wrong_secret_an_altered_body_or_an_old_timestamp_is_refused_with_401_and_logged_as_not_verified() throws Exception {
        try (WebhookReceiver receiver = start()) {
            receiver.accept(new WebhookReceiver.Endpoint("sakura", "Sakura Trading", "wh_0001", SECRET));
            long now = NOW.getEpochSecond();
            String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

            assertThat(deliver(receiver.url("sakura"), "a", now, WebhookSignature.sign(other, "a", now, bytes(BODY)), BODY))
                    .isEqualTo(401);
            assertThat(deliver(receiver.url("sakura"), "b", now, WebhookSignature.sign(SECRET, "b", now, bytes(BODY)),
                    BODY.replace("incoming", "outgoing"))).isEqualTo(401);
            long old = now - WebhookSignature.TOLERANCE.toSeconds() - 1;
            assertThat(deliver(receiver.url("sakura"), "c", old, WebhookSignature.sign(SECRET, "c", old, bytes(BODY)), BODY))
                    .isEqualTo(401);
            assertThat(deliver(receiver.url("nobody"), "d", now, WebhookSignature.sign(SECRET, "d", now, bytes(BODY)), BODY))
                    .isEqualTo(404);

            assertThat(receiver.verifiedDeliveries("sakura")).isZero();
            String log = output.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("webhook-id a, type transfer.incoming, signature verified: no (no v1 signature matches")
                    .contains("webhook-id b, type transfer.outgoing, signature verified: no (no v1 signature matches")
                    .contains("webhook-id c, type transfer.incoming, signature verified: no (webhook-timestamp is more than 5 minutes")
                    .doesNotContain("verified: yes");
        }
    }

    @Test
    void one_matching_entry_of_several_signatures_is_enough_as_while_a_secret_is_rotated() {
        long now = NOW.getEpochSecond();
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String header = WebhookSignature.sign(other, "x", now, bytes(BODY)) + " " + WebhookSignature.sign(SECRET, "x", now, bytes(BODY));

        assertThat(WebhookSignature.problem(SECRET, "x", Long.toString(now), bytes(BODY), header, NOW)).isNull();
        assertThat(WebhookSignature.problem(SECRET, "x", null, bytes(BODY), header, NOW)).contains("missing");
        assertThat(WebhookSignature.problem(SECRET, "x", "soon", bytes(BODY), header, NOW)).contains("not a number");
    }

    @Test
    void a_later_start_verifies_with_the_secrets_kept_in_the_data_folder_which_only_its_owner_reads() throws Exception {
        try (WebhookReceiver receiver = start()) {
            receiver.accept(new WebhookReceiver.Endpoint("jcmx", "exchange JCMX", "wh_0002", SECRET));
        }
        Path file = folder.resolve("webhooks.properties");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (WebhookReceiver again = start()) {
            assertThat(again.endpoint("jcmx")).hasValue(new WebhookReceiver.Endpoint("jcmx", "exchange JCMX", "wh_0002", SECRET));
            long now = NOW.getEpochSecond();
            assertThat(deliver(again.url("jcmx"), "trade-1", now, WebhookSignature.sign(SECRET, "trade-1", now, bytes(BODY)), BODY))
                    .isEqualTo(204);
            assertThat(again.verifiedDeliveries("jcmx")).isEqualTo(1);
        }
    }

    private WebhookReceiver start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return WebhookReceiver.start(port, folder.resolve("webhooks.properties"), progress, () -> NOW);
    }

    private int deliver(URI url, String id, long timestamp, String signature, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url).header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
