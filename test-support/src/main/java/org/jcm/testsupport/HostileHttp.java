package org.jcm.testsupport;

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
     * Sends a case whose body the service refuses by its declared length, with
     * {@code Expect: 100-continue}: the client sends the headers, the service answers 413 at once,
     * and the body is never sent. Without it the service's close races the client's writing, and
     * the client may see a broken pipe or a reset instead of the answer.
     */
    public static Answer sendExpectingContinue(Case c) {
        // A plain socket: Java 17's HttpClient waits forever for a 100 that a refusal never sends.
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(c.method()).append(' ').append(c.path()).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(RestAssured.port).append("\r\n")
                    .append("Content-Length: ").append(c.body().length).append("\r\n")
                    .append("Expect: 100-continue\r\n");
            for (Map.Entry<String, String> header : c.headers().entrySet()) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            head.append("\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            Answer answer = readAnswer(in);
            if (answer.statusCode() == 100) {
                // The service wants the body after all: send it and read the final answer.
                out.write(c.body());
                out.flush();
                answer = readAnswer(in);
            }
            return answer;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(c.what(), e);
        }
    }

    /**
     * Sends bytes as they are over a plain socket (a request line or headers longer than any HTTP
     * client sends, bytes no client library lets through) and reads the one answer.
     */
    public static Answer sendRaw(byte[] request) {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return readAnswer(new java.io.BufferedInputStream(socket.getInputStream()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("raw request", e);
        }
    }

    /** A GET of {@code target} with extra header lines (each {@code "Name: value"}), as raw bytes. */
    public static byte[] rawGet(String target, String... headerLines) {
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(RestAssured.port).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Reads one HTTP/1.1 answer: status line, headers, and a body of Content-Length bytes or up to the close. */
    private static Answer readAnswer(java.io.InputStream in) throws java.io.IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new java.io.IOException("Not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(parts[1]);
        String contentType = null;
        long length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            }
        }
        if (code == 100) {
            return new Answer(code, null, "");
        }
        byte[] body = length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        return new Answer(code, contentType, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException("The connection closed in the middle of an answer: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
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

    /**
     * What is wrong with the answer to a case, or null: a 5xx, or a refusal that is not a
     * problem+json with a code.
     */
    public static String check(Case c, Answer response) {
        int status = response.statusCode();
        String type = response.contentType();
        if (status >= 500) {
            return c.what() + ": " + status + " " + abbreviate(response.asString());
        }
        if (status >= 400) {
            if (type == null || !type.startsWith("application/problem+json")) {
                return c.what() + ": " + status + " with Content-Type " + type;
            }
            String code = response.code();
            if (code == null || code.isEmpty()) {
                return c.what() + ": " + status + " problem without a code: " + abbreviate(response.asString());
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
