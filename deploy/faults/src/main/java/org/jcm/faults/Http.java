package org.jcm.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.canonical.JsonException;

/** JSON over the JDK's HTTP client, for the harness's checks (the load has its own asynchronous path). */
final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpClient client() {
        return client;
    }

    /** One answer; status 0 when there was none. */
    record Answer(int status, String body) {

        Object json() {
            return parse(body);
        }

        Map<?, ?> object() {
            return json() instanceof Map<?, ?> map ? map : Map.of();
        }
    }

    Answer get(String url, String token, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Answer post(String url, String token, String idempotencyKey, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    static Object parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.parse(body);
        } catch (JsonException e) {
            return null;
        }
    }

    /** The seq of the CreditsTransferred event in a transfer's 201 answer ({@code {"events":[...]}}), or 0. */
    static long transferSeq(Object answer) {
        if (answer instanceof Map<?, ?> map && map.get("events") instanceof List<?> events) {
            for (Object item : events) {
                if (item instanceof Map<?, ?> event && LedgerIndex.TRANSFERRED.equals(event.get("type"))
                        && event.get("seq") instanceof Number seq) {
                    return seq.longValue();
                }
            }
        }
        return 0;
    }

    /** A problem answer's {@code code}, if any. */
    static Optional<String> problemCode(Object answer) {
        return answer instanceof Map<?, ?> map && map.get("code") instanceof String code ? Optional.of(code) : Optional.empty();
    }

    /** The writer's status in a readiness answer (check "Ledger writer", data.status), or "?". */
    static String writerStatus(Object health) {
        if (health instanceof Map<?, ?> map && map.get("checks") instanceof List<?> checks) {
            for (Object item : checks) {
                if (item instanceof Map<?, ?> check && "Ledger writer".equals(check.get("name"))
                        && check.get("data") instanceof Map<?, ?> data) {
                    return String.valueOf(data.get("status"));
                }
            }
        }
        return "?";
    }
}
