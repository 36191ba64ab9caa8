package org.jcm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running inside
 * this JVM, which can be stopped and restarted on the same port and log directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int START_ATTEMPTS = 3;
    private static final String TEMPORARY_PREFIX = "jcm-kafka-";

    private final Path logDirectory;
    private final boolean persistent;
    private final Map<String, String> overrides;
    private final Thread shutdownHook;
    private int port;
    private int controllerPort;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaBroker(Path logDirectory, boolean persistent, Map<String, String> overrides) {
        this.logDirectory = logDirectory;
        this.persistent = persistent;
        this.overrides = Map.copyOf(overrides);
        this.shutdownHook = new Thread(this::close, "embedded-kafka-stop");
    }

    /** Starts building a broker; {@link Builder#start()} starts it. */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@code bootstrap.servers} value for clients, {@code localhost:PORT}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The port clients connect to; it stays the same across {@link #stop()} and {@link #restart()}. */
    public synchronized int port() {
        return port;
    }

    /** The log directory holding topics and the KRaft metadata log. */
    public Path logDirectory() {
        return logDirectory;
    }

    /** Whether the log directory outlives this broker. */
    public boolean isPersistent() {
        return persistent;
    }

    /** Whether {@link #close()} has been called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Whether the broker is serving clients. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Stops the broker, keeping its log directory and port for {@link #restart()}. Clients see
     * the broker as unreachable until then.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long startNanos = System.nanoTime();
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
        LOG.info("Kafka broker on port {} stopped in {} ms", port, millisSince(startNanos));
    }

    /** Starts the broker again on the same port and log directory; stops it first if it runs. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("The broker is closed");
        }
        stop();
        server = startServer(port, controllerPort);
    }

    /** Stops the broker and deletes a temporary log directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        try {
            stop();
        } finally {
            if (!persistent) {
                Directories.deleteRecursively(logDirectory);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", logs=" + logDirectory + "]";
    }

    private void startFirstTime(int requestedPort) {
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int brokerPort = requestedPort == 0 ? FreePorts.pick() : requestedPort;
            int quorumPort = FreePorts.pick();
            try {
                server = startServer(brokerPort, quorumPort);
                port = brokerPort;
                controllerPort = quorumPort;
                Runtime.getRuntime().addShutdownHook(shutdownHook);
                return;
            } catch (RuntimeException e) {
                // Another process may have taken a port between picking and binding it.
                lastFailure = e;
                if (requestedPort != 0 && !FreePorts.isFree(requestedPort)) {
                    break;
                }
            }
        }
        throw lastFailure;
    }

    private KafkaRaftServer startServer(int brokerPort, int quorumPort) {
        long startNanos = System.nanoTime();
        Map<String, String> properties = KafkaBrokerProperties.of(
                NODE_ID, brokerPort, quorumPort, logDirectory, overrides);
        KafkaConfig config = new KafkaConfig(properties, false);
        formatIfNeeded(config);
        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            started.startup();
        } catch (RuntimeException e) {
            shutDownQuietly(started);
            throw new IllegalStateException("Kafka did not start on port " + brokerPort, e);
        }
        LOG.info("Kafka broker started on localhost:{} with logs in {} in {} ms",
                brokerPort, logDirectory, millisSince(startNanos));
        return started;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Writes meta.properties and the bootstrap metadata once; a formatted directory is left alone. */
    private void formatIfNeeded(KafkaConfig config) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        Formatter formatter = new Formatter()
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setMetadataLogDirectory(logDirectory.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setIgnoreFormatted(true)
                .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log directory " + logDirectory, e);
        }
    }

    private static void shutDownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            // The start already failed; its cause is what the caller needs to see.
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Shutting down already, or the hook was never added because the first start failed.
        }
    }

    /** Options of an embedded Kafka broker. */
    public static final class Builder {

        private int port;
        private Path logDirectory;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** The client port; 0 (the default) picks a free one, kept across restarts. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** A log directory that survives restarts; without one a temporary directory is used and deleted. */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = logDirectory;
            return this;
        }

        /** Sets or overrides one broker property, for example {@code auto.create.topics.enable}. */
        public Builder property(String key, String value) {
            overrides.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /** Formats the log directory if it is new, starts the broker and returns once it serves clients. */
        public EmbeddedKafkaBroker start() {
            boolean persistent = logDirectory != null;
            if (!persistent) {
                // Kafka holds a lock on ".lock" in its log directory while it runs.
                StaleTemporaryDirectories.sweep(TEMPORARY_PREFIX, ".lock", directory -> { });
            }
            Path directory;
            try {
                directory = persistent
                        ? Files.createDirectories(logDirectory.toAbsolutePath().normalize())
                        : Files.createTempDirectory(TEMPORARY_PREFIX);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(directory, persistent, overrides);
            try {
                broker.startFirstTime(port);
            } catch (RuntimeException e) {
                if (!persistent) {
                    Directories.deleteRecursively(directory);
                }
                throw e;
            }
            return broker;
        }
    }
}
