package org.jcm.faults;

import java.util.List;
import java.util.Locale;

/** The results as a Markdown table, for the console and docs/reliability.md. */
public final class ResultTable {

    static final String HEADER = "| fault | acknowledged | refused | unknown: in / out | lost | duplicated "
            + "| refused with effect | verify | topic complete (dup. records) | settlement equal "
            + "| first 201 after fault | settlement caught up after restart |";
    static final String RULE = "|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|---:|";

    private ResultTable() {
    }

    public static String render(List<FaultResult> results) {
        StringBuilder text = new StringBuilder(HEADER).append('\n').append(RULE).append('\n');
        for (FaultResult r : results) {
            ExactlyOnceCheck.Verdict v = r.verdict();
            text.append("| ").append(r.fault())
                    .append(" | ").append(v.acknowledged())
                    .append(" | ").append(v.refused())
                    .append(" | ").append(v.unknownIn()).append(" / ").append(v.unknownOut())
                    .append(v.unresolved() > 0 ? " (" + v.unresolved() + " unresolved)" : "")
                    .append(" | ").append(v.lost())
                    .append(" | ").append(v.duplicated())
                    .append(" | ").append(v.partial() + v.retryMismatch() + v.unexplained())
                    .append(" | ").append(r.verifyOk() ? "ok" : "FAILED")
                    .append(" | ").append(r.topicComplete() ? "yes" : "NO").append(" (").append(r.topicDuplicates()).append(')')
                    .append(" | ").append(r.settlementEqual() ? "yes" : "NO")
                    .append(" | ").append(seconds(r.firstAckSeconds()))
                    .append(" | ").append(seconds(r.caughtUpSeconds()))
                    .append(" |\n");
        }
        return text.toString();
    }

    static String seconds(double seconds) {
        return seconds < 0 ? "none" : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
