package org.jcm.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own benchmark as the baseline: TPC-B (a few updates and an insert, one commit per
 * transaction) with {@code pgbench} from Debian's postgresql-client, installed if missing, run
 * against a separate database on the same server as the stack.
 */
final class Pgbench {

    private static final Pattern TPS_WITHOUT_CONNECTIONS =
            Pattern.compile("^tps = ([0-9.]+) \\((?:without initial connection time|excluding connections establishing)\\)", Pattern.MULTILINE);
    private static final Pattern TPS_ANY = Pattern.compile("^tps = ([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern PROCESSED = Pattern.compile("^number of transactions actually processed: (\\d+)", Pattern.MULTILINE);
    private static final Pattern FAILED = Pattern.compile("^number of failed transactions: (\\d+)", Pattern.MULTILINE);
    private static final Pattern LATENCY = Pattern.compile("^latency average = ([0-9.]+) ms", Pattern.MULTILINE);
    private static final Pattern VERSION = Pattern.compile("^pgbench \\(PostgreSQL\\) (\\S+)|^pgbench \\((\\S+)", Pattern.MULTILINE);

    /**
     * What one pgbench run reported.
     *
     * @param tps transactions per second, without the time to open connections
     * @param transactions transactions processed
     * @param failedTransactions transactions that failed (pgbench 15 and later report it)
     * @param latencyAverageMillis average latency
     */
    record Result(double tps, long transactions, OptionalLong failedTransactions, OptionalDouble latencyAverageMillis) {
    }

    /** Where and how to run it. */
    record Settings(String host, int port, String user, String password, String database, int scale, int clients,
                    int threads, int seconds) {
    }

    private final Settings settings;
    private final Console console;

    Pgbench(Settings settings, Console console) {
        this.settings = settings;
        this.console = console;
    }

    /** Reads the figures from pgbench's report. */
    static Optional<Result> parse(String output) {
        Matcher tps = TPS_WITHOUT_CONNECTIONS.matcher(output);
        if (!tps.find()) {
            tps = TPS_ANY.matcher(output);
            if (!tps.find()) {
                return Optional.empty();
            }
        }
        double rate = Double.parseDouble(tps.group(1));
        Matcher processed = PROCESSED.matcher(output);
        long transactions = processed.find() ? Long.parseLong(processed.group(1)) : 0;
        Matcher failed = FAILED.matcher(output);
        OptionalLong failures = failed.find() ? OptionalLong.of(Long.parseLong(failed.group(1))) : OptionalLong.empty();
        Matcher latency = LATENCY.matcher(output);
        OptionalDouble average = latency.find() ? OptionalDouble.of(Double.parseDouble(latency.group(1))) : OptionalDouble.empty();
        return Optional.of(new Result(rate, transactions, failures, average));
    }

    /** The client's version as {@code pgbench --version} prints it, e.g. "15.18". */
    static Optional<String> parseVersion(String output) {
        Matcher version = VERSION.matcher(output);
        if (!version.find()) {
            return Optional.empty();
        }
        return Optional.of(version.group(1) != null ? version.group(1) : version.group(2));
    }

    /** Installs postgresql-client with apt-get unless pgbench is on the PATH; returns pgbench's version. */
    String ensureInstalled() throws IOException, InterruptedException {
        Run check = run(List.of("bash", "-c", "command -v pgbench"), null);
        if (check.exitCode() != 0) {
            console.step("pgbench is missing: installing postgresql-client (apt-get) ...");
            Run install = run(List.of("bash", "-c", "apt-get update && apt-get install -y postgresql-client"), null);
            if (install.exitCode() != 0) {
                throw new IOException("Cannot install postgresql-client (exit " + install.exitCode() + "):\n" + tail(install.output()));
            }
        }
        Run version = run(List.of("pgbench", "--version"), null);
        return parseVersion(version.output()).orElse("unknown");
    }

    /** {@code pgbench -i -s scale}: creates and fills the TPC-B tables (scale 10: 1,000,000 accounts). */
    void initialize() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pgbench", "-i", "-q", "-s", Integer.toString(settings.scale())));
        command.addAll(connection());
        Run init = run(command, null);
        if (init.exitCode() != 0) {
            throw new IOException("pgbench -i failed (exit " + init.exitCode() + "):\n" + tail(init.output()));
        }
    }

    /** {@code pgbench -c clients -j threads -T seconds -M prepared}, with its progress every 5 s on the console. */
    Result measure() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pgbench", "-c", Integer.toString(settings.clients()),
                "-j", Integer.toString(settings.threads()), "-T", Integer.toString(settings.seconds()), "-M", "prepared",
                "-P", "5"));
        command.addAll(connection());
        Run bench = run(command, line -> {
            if (line.startsWith("progress:")) {
                console.step("  pgbench " + line);
            }
        });
        if (bench.exitCode() != 0) {
            throw new IOException("pgbench failed (exit " + bench.exitCode() + "):\n" + tail(bench.output()));
        }
        return parse(bench.output()).orElseThrow(() -> new IOException("No tps in pgbench's output:\n" + tail(bench.output())));
    }

    /** The command line that {@link #measure()} runs, for the report. */
    String describe() {
        return "pgbench -i -s " + settings.scale() + "; pgbench -c " + settings.clients() + " -j " + settings.threads()
                + " -T " + settings.seconds() + " -M prepared";
    }

    private List<String> connection() {
        return List.of("-h", settings.host(), "-p", Integer.toString(settings.port()), "-U", settings.user(), settings.database());
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(List<String> command, Consumer<String> lines) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", settings.password());
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (lines != null) {
                    lines.accept(line);
                }
            }
        }
        return new Run(process.waitFor(), output.toString());
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 20), lines.length));
    }
}
