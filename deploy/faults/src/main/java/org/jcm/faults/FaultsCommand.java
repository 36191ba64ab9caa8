package org.jcm.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deploy/faults/run}: the fault harness of issue 9. See docs/reliability.md. */
@Command(name = "deploy/faults/run", mixinStandardHelpOptions = true,
        description = {"Starts PostgreSQL, a Kafka broker, registry-api and settlement, runs a steady transfer load and",
                "injects faults one after another, checking after each that nothing acknowledged was lost or",
                "duplicated, that /ledger/verify passes, that the topic holds every seq and that settlement agrees."})
public final class FaultsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FAULT", arity = "0..*",
            description = "Faults to run, in order: registry-kill, broker-kill, postgres-immediate, settlement-kill, "
                    + "writer-takeover, or all (the default).")
    List<String> faults = new ArrayList<>();

    @Option(names = "--project-dir", required = true, description = "The checkout whose services are run.")
    Path projectDirectory;

    @Option(names = "--data", description = "Data folder, wiped first (default: PROJECT/.jcm-faults).")
    Path data;

    @Option(names = "--rate", defaultValue = "150", description = "Transfers per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--max-in-flight", defaultValue = "256", description = "Most requests waiting for an answer (default ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--before", defaultValue = "10", description = "Seconds of load before each fault (default ${DEFAULT-VALUE}).")
    int before;

    @Option(names = "--after", defaultValue = "10", description = "Seconds of load after the first 201 following the fault (default ${DEFAULT-VALUE}).")
    int after;

    @Option(names = "--broker-down", defaultValue = "60", description = "Seconds the broker stays dead while the load goes on (default ${DEFAULT-VALUE}).")
    int brokerDown;

    @Option(names = "--postgres-down", defaultValue = "3", description = "Seconds PostgreSQL stays down (default ${DEFAULT-VALUE}).")
    int postgresDown;

    @Option(names = "--registry-port", defaultValue = "28180") int registryPort;
    @Option(names = "--standby-port", defaultValue = "28181") int standbyPort;
    @Option(names = "--settlement-port", defaultValue = "28182") int settlementPort;
    @Option(names = "--postgres-port", defaultValue = "28432") int postgresPort;
    @Option(names = "--kafka-port", defaultValue = "28092") int kafkaPort;

    @Option(names = "--service-java-opts", defaultValue = "-Xmx512m", description = "JVM options of the services (default ${DEFAULT-VALUE}).")
    String serviceJavaOptions;

    @Option(names = "--startup-timeout", defaultValue = "300", description = "Seconds a service may take to become ready.")
    int startupTimeout;

    @Option(names = "--write-docs", description = "Write the results into docs/reliability.md (section \"Fault harness\").")
    boolean writeDocs;

    private String[] arguments = new String[0];

    public static void main(String[] args) {
        // Kafka's and zonky's INFO lines would bury the harness's own progress.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
        setIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        FaultsCommand command = new FaultsCommand();
        command.arguments = args;
        System.exit(new CommandLine(command).execute(args));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Fault> chosen = Fault.parse(faults);
        Path root = projectDirectory.toAbsolutePath().normalize();
        Path folder = data != null ? data : root.resolve(".jcm-faults");
        String loadBefore = uptime();
        Instant started = Instant.now();
        List<FaultResult> results;
        try (FaultStack stack = new FaultStack(new FaultStack.Settings(root, folder, registryPort, standbyPort,
                settlementPort, postgresPort, kafkaPort, Arrays.asList(serviceJavaOptions.trim().split("\\s+")),
                Duration.ofSeconds(startupTimeout)))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "faults-stop"));
            stack.start();
            Harness harness = new Harness(stack, new Harness.Timing(Duration.ofSeconds(before), Duration.ofSeconds(after),
                    Duration.ofSeconds(brokerDown), Duration.ofSeconds(postgresDown)), rate, maxInFlight);
            results = harness.run(chosen);
        }
        String loadAfter = uptime();
        String table = ResultTable.render(results);
        System.out.println();
        System.out.println(table);
        boolean passed = results.stream().allMatch(FaultResult::passed);
        System.out.println(passed ? "Every fault passed." : "At least one fault FAILED (see the notes above).");
        if (writeDocs) {
            Path docs = root.resolve("docs").resolve("reliability.md");
            String document = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
            Files.writeString(docs, DocsSection.replace(document, report(root, started, loadBefore, loadAfter, results, table)),
                    StandardCharsets.UTF_8);
            System.out.println("Wrote the results into " + docs);
        }
        return passed ? 0 : 1;
    }

    private String report(Path root, Instant started, String loadBefore, String loadAfter, List<FaultResult> results, String table) {
        StringBuilder text = new StringBuilder();
        text.append("Run on ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", commit `").append(commit(root))
                .append("`, machine: ").append(machine()).append(".\n")
                .append("`uptime` before: `").append(loadBefore).append("`; after: `").append(loadAfter).append("`.\n\n")
                .append("Command: `deploy/faults/run").append(userArguments()).append("`\n\n")
                .append(table).append('\n');
        for (FaultResult result : results) {
            text.append("**").append(result.fault()).append("** (head seq ").append(result.head()).append(")");
            text.append(result.passed() ? ": passed.\n" : ": FAILED.\n");
            for (String note : result.notes()) {
                if (!note.startsWith("volumes: registry")) {
                    text.append("- ").append(note.replace("|", "\\|")).append('\n');
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The command line as the user typed it: without the --project-dir that the wrapper adds. */
    private String userArguments() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].equals("--project-dir")) {
                i++;
            } else if (!arguments[i].startsWith("--project-dir=")) {
                text.append(' ').append(arguments[i]);
            }
        }
        return text.toString();
    }

    private static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }

    private static String commit(Path root) {
        String head = run(root, "git", "rev-parse", "--short", "HEAD");
        String dirty = run(root, "git", "status", "--porcelain", "--untracked-files=no");
        return head + (dirty.isBlank() ? "" : " with uncommitted changes");
    }

    private static String uptime() {
        return run(Path.of("."), "uptime");
    }

    private static String run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "(" + String.join(" ", command) + ": " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
