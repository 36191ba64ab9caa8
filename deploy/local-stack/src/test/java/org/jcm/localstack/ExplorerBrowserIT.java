package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jcm.ledger.canonical.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the public explorer page (registry-api {@code /explorer/}) in headless Chromium against a
 * local stack with the demo data, without a token: the rendered DOM holds the totals, the projects'
 * allocations, the recent retirements, a price chart per priced instrument (read from settlement
 * across origins) and the ledger head as the APIs give them, and, for the URL fragment
 * {@code #unit=<serial>}, every event of the unit's history. Then, driven over the DevTools
 * protocol, a serial typed into the search box and Enter show that unit's history. Screenshots at desktop and phone width
 * go to {@code target/}. Chromium comes from {@code deploy/explorer/install-chromium.sh} when it is
 * missing; the test is aborted, with the reason, only when it cannot be installed.
 */
@Tag("local-stack")
class ExplorerBrowserIT {

    /** The flags the project runs Chromium with (docs/explorer.md). */
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--hide-scrollbars", "--virtual-time-budget=20000");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process launcher;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void the_explorer_shows_the_demo_totals_and_a_units_history_without_a_token(@TempDir Path temporary) throws Exception {
        String chromium = chromium();
        int[] ports = Launcher.freePorts(4);
        String registry = "http://localhost:" + ports[0];
        String settlement = "http://localhost:" + ports[1];
        launcher = Launcher.launch(Launcher.arguments(temporary.resolve("data"), ports), temporary.resolve("launcher.out"));
        Launcher.awaitReady(launcher, temporary.resolve("launcher.out"));

        // What the page must show, from the public APIs.
        Map<String, Object> summary = object(getJson(registry + "/api/v1/reports/summary"));
        List<Object> summaryRows = list(summary.get("rows"));
        assertThat(summaryRows).as("summary rows of the demo data").isNotEmpty();
        Map<String, Object> project = object(list(object(getJson(registry + "/api/v1/projects")).get("items")).get(0));
        List<Object> allocations = list(object(list(project.get("issuances")).get(0)).get("allocations"));
        String serial = (String) object(allocations.get(0)).get("serial");
        Map<String, Object> lookup = object(getJson(registry + "/api/v1/units/" + serial));
        List<Object> history = list(lookup.get("history"));
        Map<String, Object> head = object(getJson(registry + "/api/v1/ledger/head"));
        List<Object> retirements = list(object(getJson(registry + "/api/v1/reports/retirements/recent")).get("rows"));
        List<String> priced = new ArrayList<>();
        for (Object instrument : list(object(getJson(settlement + "/api/v1/instruments")).get("items"))) {
            if (!list(object(instrument).get("lastPrices")).isEmpty()) {
                priced.add((String) object(instrument).get("instrument"));
            }
        }

        String page = registry + "/explorer/#unit=" + URLEncoder.encode(serial, StandardCharsets.UTF_8);
        String dom = dumpDom(chromium, page, temporary.resolve("profile-dom"));
        assertThat(dom).as("the page finished loading every section").contains("data-state=\"ready\"")
                .doesNotContain("Could not load this section", "The lookup failed");

        // Totals per host Party and vintage, and their sum.
        long[] all = new long[4];
        String[] keys = {"issued", "held", "retired", "cancelled"};
        for (Object item : summaryRows) {
            Map<String, Object> row = object(item);
            String tr = row(dom, "<tr data-party=\"" + row.get("hostParty") + "\" data-vintage=\"" + row.get("vintage") + "\">");
            for (int i = 0; i < keys.length; i++) {
                long value = ((Number) row.get(keys[i])).longValue();
                all[i] += value;
                assertThat(tr).as("%s of %s %s", keys[i], row.get("hostParty"), row.get("vintage"))
                        .containsPattern(numeric(keys[i], value));
            }
        }
        assertThat(all[0]).as("the demo issuance").isEqualTo(DemoScenario.ISSUED_TO_MONGOLIA + DemoScenario.ISSUED_TO_JAPAN);
        assertThat(all[2]).as("the demo retirement").isEqualTo(DemoScenario.RETIRED);
        String total = row(dom, "<tr data-party=\"ALL\">");
        for (int i = 0; i < keys.length; i++) {
            assertThat(total).as("total %s", keys[i]).containsPattern(numeric(keys[i], all[i]));
        }

        // The unit's full history: every event the API lists, in order, with its kind.
        assertThat(history).as("history of " + serial).isNotEmpty();
        String historyTable = between(dom, "<table id=\"unit-history\"", "</table>");
        int from = 0;
        for (Object item : history) {
            Map<String, Object> event = object(item);
            String marker = "<tr data-seq=\"" + event.get("seq") + "\" data-type=\"" + event.get("type") + "\"";
            int at = historyTable.indexOf(marker, from);
            assertThat(at).as("history row %s after position %d", marker, from).isGreaterThanOrEqualTo(0);
            from = at + marker.length();
        }
        assertThat(types(history)).as("the demo's life cycle of the Mongolian allocation")
                .contains("CreditsIssued", "CreditsTransferred", "CreditsRetired", "UnitsAuthorized", "FirstTransferRecorded",
                        "CorrespondingAdjustmentApplied");
        assertThat(historyTable).contains(">Issuance<", ">Transfer<", ">Retirement<", ">First transfer<",
                ">Corresponding adjustment<");

        // Projects with their allocations, recent retirements with beneficiaries, prices, ledger head.
        for (Object allocation : allocations) {
            assertThat(dom).contains(">" + object(allocation).get("serial") + "</a>");
        }
        assertThat(retirements).isNotEmpty();
        String retirementsTable = between(dom, "<table id=\"retirements-table\"", "</table>");
        for (Object item : retirements) {
            assertThat(retirementsTable).contains(html((String) object(item).get("beneficiary")),
                    ">" + object(item).get("serial") + "</a>");
        }
        assertThat(retirementsTable).contains(html(DemoScenario.JAPANESE_COMPANY));
        assertThat(priced).as("instruments the demo trades priced").isNotEmpty();
        for (String instrument : priced) {
            assertThat(dom).as("price chart of " + instrument)
                    .containsPattern("<figure [^>]*data-instrument=\"" + Pattern.quote(instrument) + "\"[^>]*>[\\s\\S]*?<svg");
        }
        assertThat(dom).contains("data-value=\"" + head.get("seq") + "\">" + head.get("seq") + "<",
                "<code id=\"head-hash\" class=\"hash\">" + head.get("hash") + "</code>",
                "href=\"/explorer/verifier/verify-ledger.py\"");

        // The search box, used as a person would: type a block serial, press Enter, see its history.
        String typed = (String) object(allocations.get(allocations.size() - 1)).get("serial");
        List<Object> typedHistory = list(object(getJson(registry + "/api/v1/units/"
                + URLEncoder.encode(typed, StandardCharsets.UTF_8))).get("history"));
        assertThat(typedHistory).as("history of " + typed).isNotEmpty();
        List<String> typedSeqs = typedHistory.stream().map(e -> String.valueOf(object(e).get("seq"))).toList();
        List<String> interactive = chromiumCommand(chromium, temporary.resolve("profile-search"));
        interactive.removeIf(flag -> flag.startsWith("--virtual-time-budget"));
        interactive.add("--window-size=1280,2000");
        try (DevTools browser = DevTools.start(interactive, temporary.resolve("profile-search.log"))) {
            browser.navigate(registry + "/explorer/");
            browser.awaitTrue("document.body.dataset.state === 'ready'", Duration.ofSeconds(60));
            assertThat(browser.evaluate("document.querySelectorAll('#unit-history tr[data-seq]').length"))
                    .as("no unit shown before the search").isEqualTo(0L);
            browser.evaluate("document.getElementById('unit-query').focus()");
            browser.type(typed);
            browser.pressEnter();
            browser.awaitTrue("document.querySelectorAll('#unit-history tr[data-seq]').length === " + typedSeqs.size()
                    + " && document.getElementById('unit-history').textContent.includes(" + Json.write(typed) + ")",
                    Duration.ofSeconds(30));
            assertThat(browser.evaluate("location.hash === '#unit=' + encodeURIComponent(" + Json.write(typed) + ")"))
                    .as("the address names the unit looked up").isEqualTo(true);
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('#unit-history tr[data-seq]'), r => r.dataset.seq)"))
                    .as("the history rows of the typed serial, in order").isEqualTo(typedSeqs);
        }

        // The verifier is served next to the page; screenshots at desktop and phone width.
        assertThat(get(registry + "/explorer/verifier/verify-ledger.py").body()).contains("Verify the JCM ledger hash chain");
        Path target = Path.of(System.getProperty("jcm.screenshot.dir", "target"));
        Files.createDirectories(target);
        screenshot(chromium, page, 1280, 5200, target.resolve("explorer-desktop.png"), temporary.resolve("profile-desktop"));
        screenshot(chromium, page, 390, 9000, target.resolve("explorer-phone.png"), temporary.resolve("profile-phone"));
    }

    @AfterEach
    void stopTheStack() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            List<ProcessHandle> children = launcher.descendants().toList();
            launcher.destroy();
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }

    // ------------------------------------------------------------------ Chromium

    /** The chromium command, installed with the project's script if missing; aborts the test if that fails. */
    private static String chromium() throws IOException, InterruptedException {
        Optional<Path> found = onPath("chromium");
        if (found.isPresent()) {
            return found.get().toString();
        }
        Path script = Path.of(System.getProperty("jcm.project.dir"), "deploy", "explorer", "install-chromium.sh");
        Process install = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = install.waitFor(15, TimeUnit.MINUTES);
        found = onPath("chromium");
        Assumptions.assumeTrue(done && install.exitValue() == 0 && found.isPresent(),
                () -> "SKIPPED: the explorer's browser test needs Chromium, which is not installed and could not be installed by "
                        + script + ":\n" + output);
        return found.get().toString();
    }

    private static Optional<Path> onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(directory, command);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String dumpDom(String chromium, String url, Path profile) throws Exception {
        List<String> command = chromiumCommand(chromium, profile);
        command.addAll(List.of("--window-size=1280,2000", "--dump-dom", url));
        return run(command, profile.resolveSibling(profile.getFileName() + ".log"));
    }

    private static void screenshot(String chromium, String url, int width, int height, Path file, Path profile) throws Exception {
        Files.deleteIfExists(file);
        List<String> command = chromiumCommand(chromium, profile);
        command.addAll(List.of("--window-size=" + width + "," + height, "--screenshot=" + file.toAbsolutePath(), url));
        run(command, profile.resolveSibling(profile.getFileName() + ".log"));
        assertThat(file).as("screenshot " + file).exists();
        byte[] png = Files.readAllBytes(file);
        assertThat(png.length).as("screenshot size").isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private static List<String> chromiumCommand(String chromium, Path profile) {
        List<String> command = new ArrayList<>(List.of(chromium));
        command.addAll(CHROMIUM_FLAGS);
        command.add("--user-data-dir=" + profile);
        return command;
    }

    /** Runs Chromium to its end; its standard output is the answer, its diagnostics go to {@code log}. */
    private static String run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("Chromium did not finish: " + command);
        }
        assertThat(process.exitValue()).as("chromium exit code; its log:\n" + Files.readString(log)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the rendered DOM

    /** A numeric cell of the page: its key and raw value as attributes, the value grouped as its text. */
    private static Pattern numeric(String key, long value) {
        return Pattern.compile(Pattern.quote("data-key=\"" + key + "\" data-value=\"" + value + "\"") + "[^>]*>"
                + Pattern.quote(String.format(Locale.US, "%,d", value)) + "<");
    }

    /** The table row that starts with {@code start}. */
    private static String row(String dom, String start) {
        return between(dom, start, "</tr>");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("the page contains " + start).isGreaterThanOrEqualTo(0);
        int to = text.indexOf(end, from);
        assertThat(to).as("the page closes " + start).isGreaterThan(from);
        return text.substring(from, to);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static List<String> types(List<Object> history) {
        return history.stream().map(e -> (String) object(e).get("type")).toList();
    }

    // ------------------------------------------------------------------ the stack and its APIs



    private HttpResponse<String> get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Object getJson(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertThat(response.statusCode()).as(url + " without a token: " + response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
