package org.jcm.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jcm.embedded.EmbeddedPostgresServer;

/**
 * One benchmark run: stack, pgbench baseline, world, scenarios, report. Phases run one after the
 * other on the same stack, in the order of {@link BenchOptions#SCENARIOS}.
 */
final class BenchRun {

    private static final String PGBENCH_DATABASE = "pgbench";

    private final BenchOptions options;
    private final Console console;
    private final List<Row> rows = new ArrayList<>();
    private final List<Report.Fact> facts = new ArrayList<>();

    BenchRun(BenchOptions options, Console console) {
        this.options = options;
        this.console = console;
    }

    int run() throws Exception {
        Machine machine = Machine.describe(options.projectDirectory());
        console.step("Machine: " + machine.line());
        BenchStack.Settings settings = new BenchStack.Settings(options.projectDirectory(), options.dataFolder(), options.portBase(),
                options.withSettlement(), options.serviceJavaOptions());
        try (BenchStack stack = BenchStack.start(settings, console)) {
            readyFacts(stack);
            Optional<Report.Baseline> baseline = pgbench(stack);
            String keyPrefix = "b" + Long.toString(System.currentTimeMillis(), 36) + "-";
            try (LoadClient client = new LoadClient(BenchStack.HOST, options.portBase(), options.connections(),
                    Duration.ofSeconds(30), NanoClock.SYSTEM);
                 RssSampler rss = new RssSampler(stack.registry().process().pid())) {
                console.step("Building the world through the API ...");
                World world = new WorldBuilder(client, stack.issuer(), console, keyPrefix)
                        .build(options.organizations(), options.accounts(), 1_000_000L);
                stack.execute("registry", "ANALYZE", "CHECKPOINT");
                PhaseRunner phases = new PhaseRunner(console, NanoClock.SYSTEM, options.progressEvery(), rss,
                        new MetricsProbe(BenchStack.HOST, stack.registry().process().managementPort()), stack.registry().process().pid(),
                        stack.postgres().postmasterPid());
                scenarios(new Scenarios(world, client), phases, baseline, stack);
            }
            Report report = new Report(machine, options.commandLine(), baseline, rows, facts, describe());
            console.plain("");
            console.plain(report.markdown());
            if (options.writeDocs()) {
                DocsSection.write(options.docs(), report.markdown());
                console.step("Wrote the result into " + options.docs());
            }
        }
        return 0;
    }

    private void readyFacts(BenchStack stack) {
        double ready = stack.registry().ready().toNanos() / 1e9;
        facts.add(new Report.Fact("registry-api ready (process start to /q/health/ready UP, empty database)",
                String.format(Locale.ROOT, "%.2f s", ready), "<= 5 s", ready <= 5.0 ? "PASS" : "FAIL"));
        stack.settlement().ifPresent(settlement -> facts.add(new Report.Fact("settlement ready",
                String.format(Locale.ROOT, "%.2f s", settlement.ready().toNanos() / 1e9), "", "")));
    }

    private Optional<Report.Baseline> pgbench(BenchStack stack) throws Exception {
        if (options.pgbenchSeconds() <= 0) {
            console.step("pgbench: skipped (--pgbench-seconds 0)");
            return Optional.empty();
        }
        EmbeddedPostgresServer postgres = stack.postgres();
        postgres.createDatabase(PGBENCH_DATABASE);
        Pgbench pgbench = new Pgbench(new Pgbench.Settings(BenchStack.HOST, postgres.port(), postgres.user(), postgres.password(),
                PGBENCH_DATABASE, 10, 16, 2, options.pgbenchSeconds()), console);
        String version = pgbench.ensureInstalled();
        console.step("pgbench " + version + ": initializing scale 10 in database " + PGBENCH_DATABASE + " ...");
        pgbench.initialize();
        stack.execute(PGBENCH_DATABASE, "VACUUM ANALYZE", "CHECKPOINT");
        console.step("pgbench: TPC-B, 16 clients, 2 threads, prepared, " + options.pgbenchSeconds() + " s ...");
        Pgbench.Result result = pgbench.measure();
        console.step(String.format(Locale.ROOT, "pgbench: %.1f tps", result.tps()));
        stack.execute(PGBENCH_DATABASE, "CHECKPOINT");
        return Optional.of(new Report.Baseline(version, pgbench.describe(), result));
    }

    private void scenarios(Scenarios scenarios, PhaseRunner phases, Optional<Report.Baseline> baseline, BenchStack stack)
            throws InterruptedException {
        Duration warmup = options.warmup();
        Duration measure = options.measure();
        OptionalDouble pgTps = baseline.map(b -> OptionalDouble.of(b.result().tps())).orElse(OptionalDouble.empty());
        if (!options.jitWarmup().isZero()) {
            // The first measured phase would otherwise include the JIT compiling the request paths: in a
            // 5 s warm-up the spread scenario was still climbing (754 to 1,560 req/s within its 30 s).
            Duration half = options.jitWarmup().dividedBy(2);
            phases.unmeasured("JIT warm-up: spread transfers", scenarios.spreadTransfers(), options.clients(), half);
            phases.unmeasured("JIT warm-up: mixed", scenarios.mixed(), options.clients(), options.jitWarmup().minus(half));
        }
        double spreadPeak = Double.NaN;
        long spreadRssKib = 0;
        double spreadLag = Double.NaN;
        if (options.scenarios().contains("spread")) {
            Target target = scenarios.spreadTransfers();
            PhaseRunner.Measured peak = phases.closed("spread closed", target, options.clients(), warmup, measure);
            spreadPeak = peak.throughput();
            Row row = row("spread transfers", "closed", options.clients() + " clients", peak, "req/s");
            rows.add(relative(row, pgTps, 2.0, ">= 2x pgbench"));
            PhaseRunner.Measured open = phases.open("spread open", target, spreadPeak * options.openFraction(), warmup, measure);
            rows.add(latencyTarget(row("spread transfers", "open", rate(spreadPeak * options.openFraction()), open, "req/s")));
            spreadRssKib = Math.max(peak.peakRssKib(), open.peakRssKib());
            spreadLag = max(peak.maxOutboxLagMillis(), open.maxOutboxLagMillis());
        }
        if (options.scenarios().contains("batch")) {
            PhaseRunner.Measured batches = phases.closed("batch closed", scenarios.transferBatches(options.batchSize()),
                    options.batchClients(), warmup, measure);
            Row row = row("transfer batches of " + options.batchSize(), "closed", options.batchClients() + " clients", batches, "transfers/s");
            rows.add(relative(row, pgTps, 5.0, ">= 5x pgbench"));
        }
        if (options.scenarios().contains("hot")) {
            PhaseRunner.Measured hot = phases.closed("hot closed", scenarios.hotAccountTransfers(), options.clients(), warmup, measure);
            Row row = row("hot account transfers", "closed", options.clients() + " clients", hot, "req/s");
            rows.add(Double.isNaN(spreadPeak) ? row : row.withCheck(">= 50% of spread (" + ResultTable.number(spreadPeak / 2) + ")",
                    hot.throughput() >= spreadPeak / 2 && row.errorsAcceptable()));
        }
        if (options.scenarios().contains("issuance")) {
            PhaseRunner.Measured issued = phases.closed("issuance closed", scenarios.issuances(), options.clients(), warmup, measure);
            rows.add(row("issuances", "closed", options.clients() + " clients", issued, "req/s"));
        }
        if (options.scenarios().contains("holdings")) {
            PhaseRunner.Measured reads = phases.open("holdings open", scenarios.holdings(options.holdingsLimit()),
                    options.holdingsRate(), warmup, measure);
            Row row = row("holdings, 1,000 blocks" + (options.holdingsLimit() > 0 ? ", limit " + options.holdingsLimit() : ""),
                    "open", rate(options.holdingsRate()), reads, "req/s");
            String target = "p99 <= 20 ms" + (options.holdingsRate() == 500 ? "" : " (target is at 500/s)");
            rows.add(row.withCheck(target, reads.figures().millisAt(99) <= 20 && row.errorsAcceptable()
                    && options.holdingsRate() >= 500));
        }
        if (options.scenarios().contains("mixed")) {
            Target target = scenarios.mixed();
            PhaseRunner.Measured peak = phases.closed("mixed closed", target, options.clients(), warmup, measure);
            rows.add(row("mixed, 80% reads", "closed", options.clients() + " clients", peak, "req/s"));
            double rate = peak.throughput() * options.openFraction();
            rows.add(latencyTarget(row("mixed, 80% reads", "open", rate(rate), phases.open("mixed open", target, rate, warmup, measure),
                    "req/s")));
        }
        if (spreadRssKib > 0) {
            double mib = spreadRssKib / 1024.0;
            facts.add(new Report.Fact("registry-api RSS, peak during the spread scenario (VmRSS, every 200 ms)",
                    String.format(Locale.ROOT, "%.0f MiB", mib), "<= 768 MiB", mib <= 768 ? "PASS" : "FAIL"));
        }
        facts.add(new Report.Fact("outbox lag during the spread scenario (oldest committed event not yet acknowledged by Kafka, "
                + "jcm_outbox_lag_millis sampled every second, max)",
                Double.isNaN(spreadLag) ? "not measured" : String.format(Locale.ROOT, "%.0f ms", spreadLag), "", ""));
        facts.add(new Report.Fact("commit-to-Kafka-consumer lag", "not measured by this harness (LedgerStreamBench measures it, "
                + "see Ledger stream above)", "p99 <= 250 ms", ""));
        settlementLag(stack);
    }

    private void settlementLag(BenchStack stack) {
        if (stack.settlement().isEmpty()) {
            facts.add(new Report.Fact("settlement commit-to-feed lag", "not measured (run with --with-settlement)",
                    "p99 <= 500 ms at 1,000 priced transfers/s", ""));
            return;
        }
        MetricsProbe settlement = new MetricsProbe(BenchStack.HOST, stack.settlement().get().process().managementPort());
        OptionalDouble p99 = settlement.read("settlement_commit_to_feed_seconds", "quantile=\"0.99\"");
        facts.add(new Report.Fact("settlement commit-to-feed lag p99 at the end of the run (settlement_commit_to_feed_seconds; "
                + "the benchmark's transfers carry no price)",
                p99.isPresent() ? String.format(Locale.ROOT, "%.0f ms", p99.getAsDouble() * 1000) : "not reported by settlement",
                "p99 <= 500 ms at 1,000 priced transfers/s", ""));
    }

    private Row row(String scenario, String mode, String load, PhaseRunner.Measured measured, String unit) {
        Meter.Snapshot figures = measured.figures();
        return new Row(scenario, mode, load, measured.throughput(), unit, figures.millisAt(50), figures.millisAt(99),
                figures.millisAt(99.9), figures.failedUnits(), figures.units() + figures.failedUnits(), measured.cpu(), "", "");
    }

    private static Row relative(Row row, OptionalDouble pgbenchTps, double factor, String target) {
        if (pgbenchTps.isEmpty()) {
            return row.withTarget(target + " (no pgbench run)");
        }
        double needed = factor * pgbenchTps.getAsDouble();
        return row.withCheck(target + " (" + ResultTable.number(needed) + ")", row.throughput() >= needed && row.errorsAcceptable());
    }

    private static Row latencyTarget(Row row) {
        return row.withCheck("p99 <= 25 ms, p99.9 <= 100 ms", row.p99Millis() <= 25 && row.p999Millis() <= 100 && row.errorsAcceptable());
    }

    private static String rate(double perSecond) {
        return ResultTable.number(perSecond) + "/s";
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    /** How the phases ran, for the report. */
    private String describe() {
        String jit = options.jitWarmup().isZero() ? "No JIT warm-up. "
                : "First " + options.jitWarmup().toSeconds() + " s of load not counted (JIT warm-up: half spread transfers, half mixed). ";
        return jit + String.format(Locale.ROOT, "Each phase: %d s warm-up (not counted), then %d s measured. Open loop at %.0f%% of the "
                        + "closed-loop peak of the same scenario. %d accounts in %d organizations, 1,000,000 units each; "
                        + "registry-api JVM options: %s; load generator: Vert.x HTTP/1.1 client, %d connections, in the harness JVM "
                        + "on the same machine.%s",
                options.warmup().toSeconds(), options.measure().toSeconds(), options.openFraction() * 100, options.accounts(),
                options.organizations(), String.join(" ", options.serviceJavaOptions()), options.connections(),
                options.withSettlement() ? " settlement ran too, consuming the ledger topic." : " settlement was not started.");
    }
}
