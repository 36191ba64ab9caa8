package org.jcm.localstack;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.report.FiscalYear;

/**
 * Sakura Trading's net disclosure for the fiscal year of its retirement (docs/disclosure.md): it
 * records its gross emissions, then corrects scope 2 as version 2 (so the demo shows the version
 * chain), and publishes the statement, so that the statement (JSON, CSV, the printable page) and the
 * explorer's "What organizations published" show it without a token. The net figure is gross
 * scope 1 and 2 of the latest version less the demo's voluntary retirement for itself.
 */
final class DemoDisclosure {

    private final DemoRequests requests;
    private final ApiClient registry;
    private final Progress progress;

    DemoDisclosure(DemoRequests requests, ApiClient registry, Progress progress) {
        this.requests = requests;
        this.registry = registry;
        this.progress = progress;
    }

    /** The net figure the demo statement shows: scope 1 and corrected scope 2 less the retired tonnes. */
    static long expectedNet() {
        return DemoScenario.SCOPE_1 + DemoScenario.SCOPE_2_CORRECTED - DemoScenario.RETIRED;
    }

    /** The fiscal year of the retirement in {@code answer} (its CreditsRetired event's time), else of {@code now}. */
    static FiscalYear fiscalYearOf(Object answer, Instant now) {
        return JsonTrees.objectsWith(answer, "type", "CreditsRetired").stream().map(event -> event.get("at"))
                .filter(String.class::isInstance).map(String.class::cast).findFirst().flatMap(DemoDisclosure::instant)
                .map(FiscalYear::of).orElse(FiscalYear.of(now));
    }

    /** Records, corrects and publishes; prints where to read the statement. */
    void disclose(DemoIds ids, FiscalYear fiscalYear) throws SeedingException, IOException, InterruptedException {
        String organization = ids.japaneseCompany();
        int year = fiscalYear.year();
        String emissions = "/api/v1/organizations/" + organization + "/emissions";
        requests.post("emission record of fiscal " + year, "13a-emissions-v1", emissions, "JCM_TOKEN_SAKURA_TRADING",
                figures(year, DemoScenario.SCOPE_2, "Sakura Trading FY" + year + " GHG inventory (fuel and electricity invoices)",
                        null));
        requests.post("corrected emission record of fiscal " + year, "13b-emissions-v2", emissions, "JCM_TOKEN_SAKURA_TRADING",
                figures(year, DemoScenario.SCOPE_2_CORRECTED, "Sakura Trading FY" + year
                        + " GHG inventory, scope 2 corrected for the Osaka office's final electricity invoice", 1L));
        requests.post("publication of the fiscal " + year + " statement", "13c-publication",
                "/api/v1/organizations/" + organization + "/publications", "JCM_TOKEN_SAKURA_TRADING",
                DemoSeeder.body("fiscalYear", (long) year, "scope", "STATEMENT"));
        String statement = "/api/v1/organizations/" + organization + "/disclosure/" + year;
        ApiClient.Answer published = registry.get(statement, null);
        String net = netOf(published.json());
        if (!published.isSuccess() || !Long.toString(expectedNet()).equals(net)) {
            progress.warn("the published statement " + statement + " answered " + published.status() + " with net " + net
                    + ", not " + expectedNet());
        }
        String base = base(registry.base().toString());
        progress.step("  emissions of fiscal " + year + " recorded by " + DemoScenario.JAPANESE_COMPANY + " (version 1, then"
                + " version 2 correcting scope 2 to " + DemoScenario.SCOPE_2_CORRECTED + " t) and its net disclosure"
                + " statement published: net " + expectedNet() + " t-CO2e = " + DemoScenario.SCOPE_1 + " + "
                + DemoScenario.SCOPE_2_CORRECTED + " - " + DemoScenario.RETIRED + " retired");
        progress.step("    statement (printable): " + base + statement + "?format=html");
        progress.step("    statement (JSON, CSV): " + base + statement + "   " + base + statement + "?format=csv");
        progress.step("    emission record versions: " + base + emissions + "/" + year);
        progress.step("    explorer, \"What organizations published\": " + base + "/explorer/");
    }

    /** The statement's {@code net.net}, as text, or null. */
    static String netOf(Object statement) {
        return statement instanceof Map<?, ?> map && map.get("net") instanceof Map<?, ?> net && net.get("net") != null
                ? String.valueOf(net.get("net")) : null;
    }

    private static Map<String, Object> figures(int year, long scope2, String source, Long supersedes) {
        Map<String, Object> body = DemoSeeder.body("fiscalYear", (long) year, "scope1", DemoScenario.SCOPE_1,
                "scope2", scope2, "scope2Basis", "MARKET", "scope3", DemoScenario.SCOPE_3, "unit", "t-CO2e",
                "source", source, "assuranceReference", DemoScenario.ASSURANCE_REFERENCE);
        if (supersedes != null) {
            body.put("supersedes", supersedes);
        }
        return body;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
