package org.jcm.bench.harness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The run's result as Markdown: the command, the machine, the pgbench baseline, the table and the stack figures. */
record Report(Machine machine, String command, Optional<Baseline> baseline, List<Row> rows, List<Fact> facts, String setup) {

    /** The pgbench baseline: client version, command and figures. */
    record Baseline(String version, String command, Pgbench.Result result) {
    }

    /** A figure of the stack rather than of a scenario (ready time, RSS, lag). */
    record Fact(String measure, String result, String target, String verdict) {
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("Run of ").append(machine.startedAt()).append(", commit ").append(machine.commit())
                .append(machine.branch().isEmpty() ? "" : " (branch `" + machine.branch() + "`)").append(".\n\n");
        text.append("Command: `").append(command).append("`\n\n");
        text.append("Machine: ").append(machine.line()).append(".\n\n");
        text.append(setup).append("\n\n");
        if (baseline.isPresent()) {
            Pgbench.Result result = baseline.get().result();
            text.append(String.format(Locale.ROOT, "Baseline: **pgbench %s, TPC-B scale 10, 16 clients: %s tps**", baseline.get().version(),
                    ResultTable.number(result.tps())));
            text.append(" (`").append(baseline.get().command()).append("`, on the stack's PostgreSQL, fsync and synchronous_commit on");
            result.latencyAverageMillis().ifPresent(l -> text.append(String.format(Locale.ROOT, "; latency average %.1f ms", l)));
            text.append(String.format(Locale.ROOT, "; %,d transactions", result.transactions()));
            result.failedTransactions().ifPresent(f -> text.append(String.format(Locale.ROOT, ", %,d failed", f)));
            text.append(").\n\n");
        } else {
            text.append("Baseline: pgbench not run.\n\n");
        }
        text.append(ResultTable.render(rows)).append('\n');
        text.append("| stack | result | target | verdict |\n|---|---|---|---|\n");
        for (Fact fact : facts) {
            text.append("| ").append(fact.measure()).append(" | ").append(fact.result()).append(" | ").append(fact.target())
                    .append(" | ").append(fact.verdict()).append(" |\n");
        }
        return text.toString();
    }
}
