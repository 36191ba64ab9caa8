package org.jcm.settlement.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver for webhook tests: the JDK's HttpServer on a random loopback port. Every
 * request is recorded per path with its headers and body; a path can be told to answer 500 to its
 * next requests before it answers 200 again.
 */
public final class TestReceiver implements AutoCloseable {

    /** A request as received. */
    public record Received(String id, String timestamp, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    /** A receiver on a free port. */
    public TestReceiver() throws IOException {
        this(0);
    }

    /** A receiver on the given loopback port (0: any free one). */
    public TestReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            AtomicInteger failing = failures.get(path);
            int status = failing != null && failing.getAndDecrement() > 0 ? 500 : 200;
            var headers = exchange.getRequestHeaders();
            List<Received> list = received.computeIfAbsent(path, p -> new ArrayList<>());
            synchronized (list) {
                list.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8), status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path on this receiver, e.g. {@code http://localhost:41234/orders}. */
    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** Answers 500 to the next {@code count} requests to the path. */
    public void failNext(String path, int count) {
        failures.put(path, new AtomicInteger(count));
    }

    /** Every request to the path so far, in the order received. */
    public List<Received> received(String path) {
        List<Received> list = received.getOrDefault(path, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** The requests to the path that were answered 200. */
    public List<Received> delivered(String path) {
        return received(path).stream().filter(r -> r.answered() == 200).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
