package org.jcm.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.canonical.JsonException;

/**
 * The demo's webhook receiver: a small HTTP server on the loopback interface, inside the launcher,
 * to which settlement delivers the demo endpoints' events (docs/webhooks.md). Each endpoint has a
 * path ({@code /webhooks/<name>}) and the secret its registration answered; the receiver checks
 * every delivery's signature with it ({@link WebhookSignature}) and prints one line per delivery:
 * the endpoint, {@code webhook-id}, event type and whether the signature verified. It answers 204
 * to a verified delivery and 401 to any other, as a real receiver should (settlement then retries).
 *
 * <p>The endpoints and their secrets are kept in the data folder ({@code webhooks.properties},
 * readable by its owner only), so that a later start, which does not register again, still
 * verifies the deliveries of events that happen then (the delayed transfer, the stack's own use).
 */
final class WebhookReceiver implements AutoCloseable {

    /** The path under which each endpoint receives: {@code /webhooks/<name>}. */
    static final String PATH = "/webhooks/";

    /**
     * One endpoint the receiver accepts deliveries for.
     *
     * @param name its path segment, e.g. {@code sakura-trading}
     * @param owner who registered it, for the log lines
     * @param webhookId the id settlement gave it ({@code wh_…})
     * @param secret the signing secret registration answered ({@code whsec_…})
     */
    record Endpoint(String name, String owner, String webhookId, String secret) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path file;
    private final Progress progress;
    private final Supplier<Instant> clock;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> verified = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server, ExecutorService executor, Path file, Progress progress, Supplier<Instant> clock) {
        this.server = server;
        this.executor = executor;
        this.file = file;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Starts the receiver on {@code port} of the loopback interface, with the endpoints kept in
     * {@code file} (if it exists).
     */
    static WebhookReceiver start(int port, Path file, Progress progress, Supplier<Instant> clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            });
            WebhookReceiver receiver = new WebhookReceiver(server, executor, file, progress, clock);
            receiver.load();
            server.createContext(PATH, receiver::handle);
            server.setExecutor(executor);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new StackException(StackException.START_FAILED, "Cannot start the webhook receiver on port " + port
                    + ": " + e.getMessage(), e);
        }
    }

    /** The URL settlement delivers an endpoint's events to: an address literal, so no name lookup decides. */
    URI url(String name) {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + PATH + name);
    }

    /** Accepts deliveries for {@code endpoint} from now on and keeps it in the data folder. */
    void accept(Endpoint endpoint) {
        endpoints.put(endpoint.name(), endpoint);
        save();
    }

    Optional<Endpoint> endpoint(String name) {
        return Optional.ofNullable(endpoints.get(name));
    }

    /** How many distinct deliveries (by {@code webhook-id}) to the endpoint verified. */
    int verifiedDeliveries(String name) {
        return verified.getOrDefault(name, Set.of()).size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String name = exchange.getRequestURI().getPath().substring(PATH.length());
            Endpoint endpoint = endpoints.get(name);
            if (endpoint == null || !"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(endpoint == null ? 404 : 405, -1);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String problem = WebhookSignature.problem(endpoint.secret(), id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                    exchange.getRequestHeaders().getFirst("webhook-signature"), clock.get());
            if (problem == null) {
                verified.computeIfAbsent(name, key -> ConcurrentHashMap.newKeySet()).add(id);
            }
            progress.step(line(endpoint, id, type(body), problem));
            exchange.sendResponseHeaders(problem == null ? 204 : 401, -1);
        }
    }

    /** The log line of one delivery. */
    static String line(Endpoint endpoint, String webhookId, String type, String problem) {
        return "webhook delivery to " + endpoint.owner() + " (" + endpoint.webhookId() + "): webhook-id " + webhookId
                + ", type " + type + ", signature verified: " + (problem == null ? "yes" : "no (" + problem + ")");
    }

    private static String type(byte[] body) {
        try {
            return Json.parse(new String(body, StandardCharsets.UTF_8)) instanceof Map<?, ?> map
                    && map.get("type") instanceof String type ? type : "(none)";
        } catch (JsonException e) {
            return "(not JSON)";
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Properties stored = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            stored.load(in);
        }
        for (String key : stored.stringPropertyNames()) {
            if (key.endsWith(".secret")) {
                String name = key.substring(0, key.length() - ".secret".length());
                endpoints.put(name, new Endpoint(name, stored.getProperty(name + ".owner", name),
                        stored.getProperty(name + ".id", ""), stored.getProperty(key)));
            }
        }
    }

    private synchronized void save() {
        Map<String, String> values = new TreeMap<>();
        for (Endpoint endpoint : endpoints.values()) {
            values.put(endpoint.name() + ".owner", endpoint.owner());
            values.put(endpoint.name() + ".id", endpoint.webhookId());
            values.put(endpoint.name() + ".secret", endpoint.secret());
        }
        Properties properties = new Properties();
        properties.putAll(values);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "The demo's webhook endpoints and their signing secrets (docs/local-stack.md)");
            }
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the data folder's own permissions apply.
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
