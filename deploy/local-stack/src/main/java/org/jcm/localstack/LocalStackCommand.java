package org.jcm.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * The local stack's command line: {@code deploy/local-stack/run [options]} starts everything with
 * demo data and runs until Ctrl-C or SIGTERM. Every option has an environment variable.
 */
@Command(name = "deploy/local-stack/run", mixinStandardHelpOptions = true, sortOptions = false,
        version = "JCM local stack 0.1.0",
        description = {
            "Starts embedded PostgreSQL and Kafka, registry-api and settlement, loads demo",
            "data through the API on the first start, prints where everything is and bearer",
            "tokens for the demo actors, and runs until Ctrl-C. Data persist in the data",
            "folder across restarts. See docs/local-stack.md.", ""},
        footer = {"", "The run script also takes --build: rebuild the services and the launcher before starting."})
public final class LocalStackCommand implements Callable<Integer> {

    @Option(names = "--fresh", description = "Wipe the data folder first: new database, new ledger, new keys, demo data again.")
    boolean fresh;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:JCM_LOCAL_DATA}",
            description = "Data folder (env JCM_LOCAL_DATA; default: .jcm-local in the project).")
    Path data;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "${env:JCM_REGISTRY_PORT:-8080}",
            description = "registry-api HTTP port (env JCM_REGISTRY_PORT; default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--settlement-port", paramLabel = "PORT", defaultValue = "${env:JCM_SETTLEMENT_PORT:-8081}",
            description = "settlement HTTP port (env JCM_SETTLEMENT_PORT; default: ${DEFAULT-VALUE}).")
    int settlementPort;

    @Option(names = "--postgres-port", paramLabel = "PORT", defaultValue = "${env:JCM_POSTGRES_PORT:-15432}",
            description = "PostgreSQL port (env JCM_POSTGRES_PORT; default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "${env:JCM_KAFKA_PORT:-19092}",
            description = "Kafka port (env JCM_KAFKA_PORT; default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--webhook-port", paramLabel = "PORT", defaultValue = "${env:JCM_WEBHOOK_PORT:-8089}",
            description = "Port of the demo's webhook receiver, on 127.0.0.1 (env JCM_WEBHOOK_PORT; default: ${DEFAULT-VALUE}).")
    int webhookPort;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:JCM_LOCAL_HOST:-localhost}",
            description = "Address the services listen on; 0.0.0.0 for every interface (env JCM_LOCAL_HOST; default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--no-demo-data", description = "Do not load the demo data (env JCM_NO_DEMO_DATA=true).",
            defaultValue = "${env:JCM_NO_DEMO_DATA:-false}")
    boolean noDemoData;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "${env:JCM_STARTUP_TIMEOUT:-180}",
            description = "How long each service may take to become ready (env JCM_STARTUP_TIMEOUT; default: ${DEFAULT-VALUE}).")
    int startupTimeoutSeconds;

    @Option(names = "--service-java-opts", paramLabel = "OPTIONS", defaultValue = "${env:JCM_SERVICE_JAVA_OPTS:--Xmx1g}",
            description = "JVM options of registry-api and settlement (env JCM_SERVICE_JAVA_OPTS; default: ${DEFAULT-VALUE}).")
    String serviceJavaOptions;

    @Option(names = "--restart-limit", paramLabel = "COUNT", defaultValue = "${env:JCM_RESTART_LIMIT:-5}",
            description = "How many times in ten minutes a service that dies is restarted, with a backoff from 1 s to 30 s;"
                    + " 0 never restarts (env JCM_RESTART_LIMIT; default: ${DEFAULT-VALUE}).")
    int restartLimit;

    @Option(names = "--trace-port", paramLabel = "PORT", defaultValue = "${env:JCM_TRACE_PORT:-4318}",
            description = "Port of the launcher's trace receiver (OTLP over HTTP), on 127.0.0.1 (env JCM_TRACE_PORT; default: ${DEFAULT-VALUE}).")
    int tracePort;

    @Option(names = "--no-traces", defaultValue = "${env:JCM_NO_TRACES:-false}",
            description = "Do not trace the services (env JCM_NO_TRACES=true).")
    boolean noTraces;

    @Option(names = "--otlp-endpoint", paramLabel = "URL", defaultValue = "${env:JCM_OTLP_ENDPOINT:-}",
            description = "Send the services' traces to this OpenTelemetry collector (OTLP over gRPC, e.g. http://localhost:4317)"
                    + " instead of the launcher's receiver (env JCM_OTLP_ENDPOINT).")
    String otlpEndpoint;

    @Option(names = "--json-logs", defaultValue = "${env:JCM_JSON_LOGS:-false}",
            description = "The services log one JSON object per line, as in production (env JCM_JSON_LOGS=true).")
    boolean jsonLogs;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = "${env:JCM_PROJECT_DIR}",
            description = "The checkout whose services to run (env JCM_PROJECT_DIR; default: the one holding this launcher).")
    Path projectDir;

    private StackSettings.Observability observability() {
        String collector = otlpEndpoint == null ? "" : otlpEndpoint.trim();
        if (!collector.isEmpty() && !collector.matches("https?://[^\\s]+")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--otlp-endpoint must be an http:// or https:// URL: "
                    + collector);
        }
        boolean receiver = !noTraces && collector.isEmpty();
        return new StackSettings.Observability(receiver ? tracePort : 0, noTraces ? "" : collector, jsonLogs);
    }

    /** Runs the launcher and exits with its code. */
    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new LocalStackCommand());
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() {
        for (int port : new int[] {registryPort, settlementPort, postgresPort, kafkaPort, webhookPort, tracePort}) {
            if (port < 1 || port > 65_535) {
                throw new CommandLine.ParameterException(new CommandLine(this), "Ports must be between 1 and 65535: " + port);
            }
        }
        if (restartLimit < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--restart-limit cannot be negative: " + restartLimit);
        }
        Path project = projectDirectory();
        Path dataFolder = (data != null ? data : project.resolve(".jcm-local")).toAbsolutePath().normalize();
        StackSettings settings = new StackSettings(project, dataFolder, fresh, !noDemoData, host, registryPort,
                settlementPort, postgresPort, kafkaPort, webhookPort, Duration.ofSeconds(startupTimeoutSeconds),
                Arrays.stream(serviceJavaOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList(),
                restartLimit, observability());
        libraryLoggingTo(dataFolder.resolve("logs").resolve("infrastructure.log"));
        Progress progress = new Progress(System.out);
        LocalStack stack = new LocalStack(settings, progress);
        for (String signal : List.of("INT", "TERM", "HUP")) {
            handle(signal, stack);
        }
        // Any other way out of the JVM still stops the children and the servers.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        return stack.run();
    }

    /**
     * Ctrl-C, SIGTERM and a closed terminal stop the stack in order (services, then Kafka, then
     * PostgreSQL) on the launcher's main thread, instead of the JVM's shutdown hooks, which would
     * stop everything at once and let the services see their database vanish under them.
     * {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only way to do that; where it is
     * missing, the shutdown hook still stops everything.
     */
    private static void handle(String name, LocalStack stack) {
        try {
            Signal.handle(new Signal(name), signal -> stack.requestStop("SIG" + name));
        } catch (IllegalArgumentException e) {
            // The signal does not exist here, or the JVM reserves it; the shutdown hook still stops the stack.
        }
    }

    /**
     * Kafka and the PostgreSQL wrapper log a great deal; it goes to a file, warnings included
     * (the benchmark harness logs them the same way).
     */
    public static void libraryLoggingTo(Path file) {
        setIfAbsent("org.slf4j.simpleLogger.logFile", file.toString());
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.kafka", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.controller.QuorumController", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
        setIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The checkout: the option, else the one this launcher was built in (its jar is in deploy/local-stack/target). */
    private Path projectDirectory() {
        if (projectDir != null) {
            return projectDir.toAbsolutePath().normalize();
        }
        try {
            Path location = Path.of(LocalStackCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path candidate = location; candidate != null; candidate = candidate.getParent()) {
                if (Files.isDirectory(candidate.resolve("registry-api")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // Fall back to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }
}
