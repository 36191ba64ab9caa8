package org.jcm.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.canonical.JsonException;

/** A small JSON-over-HTTP client for one service, on the JDK's HTTP client. */
final class ApiClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** How long a mutation is retried while the service answers 503 (writer starting, overloaded). */
    private static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;

    ApiClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    URI base() {
        return base;
    }

    /**
     * Sends a POST with a JSON body (none if {@code body} is null), a bearer token and an
     * Idempotency-Key; retries while the answer is 503.
     */
    Answer post(String path, String token, String idempotencyKey, Map<String, Object> body) throws IOException, InterruptedException {
        return write("POST", path, token, idempotencyKey, body);
    }

    /** Sends a PUT with a JSON body, a bearer token and an Idempotency-Key; retries while the answer is 503. */
    Answer put(String path, String token, String idempotencyKey, Map<String, Object> body) throws IOException, InterruptedException {
        return write("PUT", path, token, idempotencyKey, body);
    }

    /**
     * Sends a POST whose body is {@code bytes} of {@code mediaType} (a document upload), with a
     * bearer token; retries while the answer is 503.
     */
    Answer upload(String path, String token, String mediaType, byte[] bytes) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", mediaType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        long deadline = System.nanoTime() + UNAVAILABLE_RETRY.toNanos();
        while (true) {
            Answer answer = send(request);
            if (answer.status() != 503 || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(500);
        }
    }

    private Answer write(String method, String path, String token, String idempotencyKey, Map<String, Object> body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey)
                .header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        }
        HttpRequest request = builder.build();
        long deadline = System.nanoTime() + UNAVAILABLE_RETRY.toNanos();
        while (true) {
            Answer answer = send(request);
            if (answer.status() != 503 || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(500);
        }
    }

    /** Sends a GET, with a bearer token unless {@code token} is null. */
    Answer get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(request.method() + " " + request.uri().getPath(), response.statusCode(), response.body());
    }

    /**
     * One answer.
     *
     * @param request method and path, for messages
     * @param status the HTTP status
     * @param body the body as text
     */
    record Answer(String request, int status, String body) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** The body as the JSON value model of ledger-core's {@link Json}, or null if it is not JSON. */
        Object json() {
            try {
                return body == null || body.isBlank() ? null : Json.parse(body);
            } catch (JsonException e) {
                return null;
            }
        }
    }
}
