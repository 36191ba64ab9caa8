package org.jcm.bench.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.jcm.localstack.LocalStackCommand;

/** The command line of the REST benchmark harness: {@code deploy/bench/run}. See docs/performance.md. */
@Command(name = "deploy/bench/run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts PostgreSQL, Kafka and registry-api, runs pgbench on the same PostgreSQL as the baseline, "
            + "builds 1,000 funded accounts through the API and measures each scenario in closed loop (peak) and open loop "
            + "(latency at a fixed arrival rate). Prints one table; --write-docs puts it into docs/performance.md."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "Measured seconds per phase (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "5", description = "Warm-up seconds before each phase, not counted (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--jit-warmup", paramLabel = "S", defaultValue = "60", description = "Seconds of load (half spread transfers, half the "
            + "mixed scenario) before the first scenario, not counted, so that the service runs compiled code from the first measured phase "
            + "on (default ${DEFAULT-VALUE}; 0 skips it).")
    int jitWarmup;

    @Option(names = "--pgbench-seconds", paramLabel = "S", description = "pgbench's duration (default: --seconds; 0 skips pgbench).")
    Integer pgbenchSeconds;

    @Option(names = "--scenarios", paramLabel = "LIST", split = ",", defaultValue = "spread,batch,hot,issuance,holdings,mixed",
            description = "Scenarios to run, comma-separated (default ${DEFAULT-VALUE}).")
    List<String> scenarios;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "64", description = "Closed-loop clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--batch-clients", paramLabel = "N", defaultValue = "4", description = "Closed-loop clients of the batch scenario (default ${DEFAULT-VALUE}).")
    int batchClients;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100", description = "Transfers per batch, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "128", description = "HTTP connections of the load generator (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--open-fraction", paramLabel = "F", defaultValue = "0.5", description = "Open-loop rate as a fraction of the closed-loop peak (default ${DEFAULT-VALUE}).")
    double openFraction;

    @Option(names = "--holdings-rate", paramLabel = "R", defaultValue = "500", description = "Holdings reads per second, open loop (default ${DEFAULT-VALUE}).")
    int holdingsRate;

    @Option(names = "--holdings-limit", paramLabel = "N", defaultValue = "0", description = "Page size of holdings reads; 0: the API's default of 100 (default ${DEFAULT-VALUE}).")
    int holdingsLimit;

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "1000", description = "Accounts transfers spread over (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--organizations", paramLabel = "N", defaultValue = "10", description = "Holding organizations, one token each (default ${DEFAULT-VALUE}).")
    int organizations;

    @Option(names = "--with-settlement", description = "Also start settlement (consumes the ledger topic) and report its commit-to-feed lag.")
    boolean withSettlement;

    @Option(names = "--port-base", paramLabel = "PORT", defaultValue = "${env:JCM_BENCH_PORT_BASE:-28480}",
            description = "registry-api's port; settlement, PostgreSQL and Kafka use the next three (default ${DEFAULT-VALUE}).")
    int portBase;

    @Option(names = "--data", paramLabel = "DIR", description = "The stack's data folder, wiped first (default: deploy/bench/harness/target/bench-data).")
    Path data;

    @Option(names = "--service-java-opts", paramLabel = "OPTIONS", defaultValue = "-Xmx500m -XX:+ExitOnOutOfMemoryError",
            description = "JVM options of the services (default: ${DEFAULT-VALUE}, 65 %% of the 768 MiB limit as in Kubernetes).")
    String serviceJavaOptions;

    @Option(names = "--progress", paramLabel = "S", defaultValue = "5", description = "Seconds between progress lines (default ${DEFAULT-VALUE}).")
    int progressSeconds;

    @Option(names = "--write-docs", description = "Replace the marked section of docs/performance.md with this run's result.")
    boolean writeDocs;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".", description = "The checkout (set by deploy/bench/run).")
    Path projectDirectory;

    private final String commandLine;

    BenchCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public Integer call() throws Exception {
        Set<String> chosen = new LinkedHashSet<>();
        for (String scenario : scenarios) {
            String name = scenario.trim();
            if (!BenchOptions.SCENARIOS.contains(name)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "Unknown scenario '" + name + "'; choose from "
                        + String.join(",", BenchOptions.SCENARIOS));
            }
            chosen.add(name);
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--batch-size must be 1 to 1000");
        }
        if (accounts < 2 || organizations < 1 || organizations > accounts) {
            throw new CommandLine.ParameterException(new CommandLine(this), "need at least 2 accounts and 1 to --accounts organizations");
        }
        Path project = projectDirectory.toAbsolutePath().normalize();
        Path dataFolder = data != null ? data.toAbsolutePath().normalize() : project.resolve("deploy/bench/harness/target/bench-data");
        // Into a file beside the data folder, not in it: the data folder is wiped at the start.
        LocalStackCommand.libraryLoggingTo(dataFolder.resolveSibling(dataFolder.getFileName() + "-infrastructure.log"));
        BenchOptions options = new BenchOptions(project, dataFolder,
                portBase, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), Duration.ofSeconds(jitWarmup), pgbenchSeconds != null ? pgbenchSeconds : seconds,
                chosen, clients, batchClients, batchSize, connections, openFraction, holdingsRate, holdingsLimit, organizations,
                accounts, withSettlement, List.of(serviceJavaOptions.trim().split("\\s+")), Duration.ofSeconds(progressSeconds),
                writeDocs, project.resolve("docs/performance.md"), commandLine);
        return new BenchRun(options, new Console(System.out)).run();
    }

    public static void main(String[] args) {
        // The command as typed, without what the wrapper adds.
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--project-dir")) {
                i++;
            } else if (!args[i].startsWith("--project-dir=")) {
                typed.add(args[i]);
            }
        }
        String commandLine = "deploy/bench/run" + (typed.isEmpty() ? "" : " " + String.join(" ", typed));
        int exit = new CommandLine(new BenchCommand(commandLine)).execute(Arrays.copyOf(args, args.length));
        System.exit(exit);
    }
}
