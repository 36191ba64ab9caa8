package org.jcm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcm report}: the registry's reports as CSV on standard output (docs/api.md, "Formats"). */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports as CSV: AEF tables, the "
        + "summary, a beneficiary's retirement statement, an organization's disclosure statement.")
final class ReportCommand extends JcmCommand {

    /** The report's options every subcommand shares. */
    static final class Output {
        @Option(names = "--no-progress", description = "No progress bar.")
        boolean quiet;
    }

    @Mixin
    Output output;

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return Jcm.USAGE;
    }

    @Command(name = "aef", mixinStandardHelpOptions = true, description = "An AEF table (T2, T3 or T4) of a Party and year.")
    int aef(@Parameters(paramLabel = "PARTY", description = "Alpha-3, e.g. MNG") String party,
            @Parameters(paramLabel = "YEAR") String year, @Parameters(paramLabel = "TABLE") String table) {
        return csv("/api/v1/reports/aef/" + segment(party) + "/" + segment(year) + "/" + segment(table));
    }

    @Command(name = "summary", mixinStandardHelpOptions = true, description = "Units per host Party and vintage.")
    int summary() {
        return csv("/api/v1/reports/summary");
    }

    @Command(name = "statement", mixinStandardHelpOptions = true,
            description = "A beneficiary's retirement statement for a Japanese fiscal year.")
    int statement(@Option(names = "--beneficiary", required = true) String beneficiary,
            @Option(names = "--fiscal-year", required = true) String fiscalYear) {
        return csv("/api/v1/reports/retirements" + query("beneficiary", beneficiary, "fiscalYear", fiscalYear));
    }

    @Command(name = "disclosure", mixinStandardHelpOptions = true,
            description = "An organization's net disclosure statement for a Japanese fiscal year.")
    int disclosure(@Parameters(paramLabel = "ORGANIZATION") String organization,
            @Parameters(paramLabel = "FISCAL_YEAR") String fiscalYear) {
        return csv("/api/v1/organizations/" + segment(organization) + "/disclosure/" + segment(fiscalYear));
    }

    private int csv(String path) {
        CsvDownload.copy(client(), path, out(), output.quiet ? Progress.of(err(), "", -1).hidden()
                : Progress.of(err(), "report pages", 0));
        return Jcm.OK;
    }
}
