package org.jcm.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import java.util.Map;

/**
 * Sends the bad-input tests' generated requests to the service under test (the port RestAssured
 * was given) exactly as generated, and reads the answers.
 */
public final class HostileHttp {

    private HostileHttp() {
    }

    /** One generated request. */
    public record Case(String what, String method, String path, Map<String, String> headers, byte[] body) {
    }

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(10)).build();

    /** An answer: status, Content-Type and body. */
    public record Answer(int statusCode, String contentType, String body) {

        /** The problem's {@code code}, or null if the body is not a JSON object with one. */
        public String code() {
            try {
                com.fasterxml.jackson.databind.JsonNode node = Hostile.JSON.readTree(body);
                return node != null && node.path("code").isTextual() ? node.path("code").asText() : null;
            } catch (java.io.IOException e) {
                return null;
            }
        }

        public String asString() {
            return body;
        }

        /** The {@code next} cursor of a page, or null. */
        public String next() {
            try {
                com.fasterxml.jackson.databind.JsonNode node = Hostile.JSON.readTree(body);
                return node != null && node.path("next").isTextual() ? node.path("next").asText() : null;
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }

    /**
     * Sends a case with RestAssured, for bodies the service refuses before reading them: it closes
     * the connection after its 413, which RestAssured reads while Java's HttpClient may still be writing.
     */
    public static Answer sendWithRestAssured(Case c) {
        io.restassured.specification.RequestSpecification request = given().urlEncodingEnabled(false);
        for (Map.Entry<String, String> header : c.headers().entrySet()) {
            request = header.getKey().equals("Content-Type") ? request.contentType(header.getValue())
                    : request.header(header.getKey(), header.getValue());
        }
        if (c.body() != null) {
            request = request.body(c.body());
        }
        // The service may close the connection while the client is still writing the body; then
        // the client sees a broken pipe or a reset instead of the 413 (the kernel drops the answer
        // with the connection). Such a send is tried again; any answer that arrives is checked.
        for (int attempt = 1; ; attempt++) {
            try {
                io.restassured.response.Response response = request.post(c.path());
                return new Answer(response.statusCode(), response.contentType(), response.asString());
            } catch (Exception e) {
                if (attempt == 5 || !closedWhileWriting(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean closedWhileWriting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    /** Sends a case as it is: raw bytes, raw path, any header; only a client-side failure is an exception. */
    public static Answer send(Case c) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + RestAssured.port + c.path())).timeout(java.time.Duration.ofSeconds(60));
        for (Map.Entry<String, String> header : c.headers().entrySet()) {
            try {
                request.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                // A value no HTTP client sends (empty, control characters): the header is left out.
            }
        }
        request.method(c.method(), c.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(c.body()));
        try {
            java.net.http.HttpResponse<String> response = CLIENT.send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(c.what(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
