package org.jcm.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A JDK HttpServer on a free port that answers the scripted responses in order (the last one
 * again when the script is used up) and records each request's method, path with query and headers.
 */
final class StubServer implements AutoCloseable {

    /** One scripted answer. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    /** One request as received. */
    record Received(String method, String uri, Headers headers, String body) {
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    StubServer(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), new String(in, StandardCharsets.UTF_8)));
            Answer answer = script.size() > 1 ? script.pop() : script.peek();
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    static Answer json(int status, String body, String... headers) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        map.put("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return new Answer(status, map, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
