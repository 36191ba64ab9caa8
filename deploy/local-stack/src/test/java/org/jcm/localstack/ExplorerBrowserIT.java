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
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NoteKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the public explorer page (registry-api {@code /explorer/}) in headless Chromium against a
 * local stack with the demo data, without a token: the rendered DOM holds the totals, the projects'
 * allocations, the recent retirements, a price chart per priced instrument (read from settlement
 * across origins) and the ledger head as the APIs give them, and, for the URL fragment
 * {@code #unit=<serial>}, every event of the unit's history. Then, driven over the DevTools
 * protocol, a serial typed into the search box and Enter show that unit's history. Screenshots at desktop and phone width
 * go to {@code target/}. The proofs in the browser: the signed checkpoint, a unit's history proven
 * with a demo token and a retirement certificate verify; an altered proof, checkpoint or certificate,
 * and a browser without Ed25519, are reported as such; the page's proof module agrees with the Java
 * reference on vectors it computes. One stack serves every test. Chromium comes from
 * {@code deploy/explorer/install-chromium.sh} when it is missing; the test is aborted, with the
 * reason, only when it cannot be installed.
 */
@Tag("local-stack")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBrowserIT {

    /** The flags the project runs Chromium with (docs/explorer.md). */
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--hide-scrollbars", "--virtual-time-budget=20000");

    /** How long the page may take to check a proof; the local stack checkpoints every 10 s. */
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temporary;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process launcher;
    private String chromium;
    private String registry;
    private String settlement;
    private Map<String, String> tokens;

    @BeforeAll
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void startTheStack() throws Exception {
        chromium = chromium();
        int[] ports = Launcher.freePorts(6);
        registry = "http://localhost:" + ports[0];
        settlement = "http://localhost:" + ports[1];
        launcher = Launcher.launch(Launcher.arguments(temporary.resolve("data"), ports), temporary.resolve("launcher.out"));
        Launcher.awaitReady(launcher, temporary.resolve("launcher.out"));
        tokens = new HashMap<>();
        for (String line : Files.readAllLines(temporary.resolve("data").resolve("tokens.env"))) {
            int equals = line.indexOf('=');
            if (line.startsWith("JCM_TOKEN_") && equals > 0) {
                tokens.put(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void the_explorer_shows_the_demo_totals_and_a_units_history_without_a_token() throws Exception {
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
        // What organizations published: the demo company's statement, linked as its printable page.
        Map<String, Object> publication = object(list(object(getJson(registry + "/api/v1/publications")).get("items")).get(0));
        String publishedTable = between(dom, "<table id=\"published-table\"", "</table>");
        assertThat(publishedTable).contains(html(DemoScenario.JAPANESE_COMPANY), ">Statement and uses<",
                ">" + publication.get("fiscalYear") + "<", "href=\"" + publication.get("statement") + "?format=html\"");
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

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void the_explorer_lists_the_partners_in_the_order_they_joined_and_the_candidates_apart() throws Exception {
        // What the page must show, from the public API.
        List<Map<String, Object>> partners = new ArrayList<>();
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Object item : list(object(getJson(registry + "/api/v1/parties")).get("items"))) {
            Map<String, Object> party = object(item);
            if ("PARTNER".equals(party.get("jcmStatus"))) {
                partners.add(party);
            } else if ("CANDIDATE".equals(party.get("jcmStatus"))) {
                candidates.add(party);
            }
        }
        assertThat(partners).as("partners of the reference data").hasSizeGreaterThan(20);
        assertThat(candidates).as("candidates of the reference data").isNotEmpty();
        partners.sort(java.util.Comparator.comparing((Map<String, Object> p) -> (String) p.get("signingDate"),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));

        String dom = dumpDom(chromium, registry + "/explorer/#partners", temporary.resolve("profile-partners"));
        assertThat(dom).as("the page finished loading every section").contains("data-state=\"ready\"")
                .doesNotContain("Could not load this section");
        String partnersTable = between(dom, "<table id=\"partners-table\"", "</table>");
        assertThat(partnersTable).contains("<caption>" + partners.size() + " partner countries, in the order they joined</caption>");
        int from = 0;
        for (Map<String, Object> partner : partners) {
            String marker = "<tr data-code=\"" + partner.get("code") + "\"";
            int at = partnersTable.indexOf(marker, from);
            assertThat(at).as("partner %s after position %d (order of signing dates)", partner.get("code"), from)
                    .isGreaterThanOrEqualTo(0);
            String tr = between(partnersTable.substring(at), marker, "</tr>");
            assertThat(tr).as("row of %s", partner.get("code"))
                    .contains(html((String) partner.get("name")) + " (" + partner.get("code") + ")")
                    .containsPattern("data-key=\"signingDate\"[^>]*>" + (partner.get("signingDate") == null ? "not recorded"
                            : partner.get("signingDate")) + "<")
                    .containsPattern("data-key=\"paris\"[^>]*>" + (Boolean.TRUE.equals(partner.get("parisAgreementParty"))
                            ? "Party" : "not a Party") + "<")
                    .containsPattern("data-key=\"scopes\"[^>]*>" + list(partner.get("sectoralScopes")).size() + "<");
            from = at + marker.length();
        }
        String candidatesTable = between(dom, "<table id=\"candidates-table\"", "</table>");
        for (Map<String, Object> candidate : candidates) {
            assertThat(candidatesTable).contains("<tr data-code=\"" + candidate.get("code") + "\"");
            assertThat(partnersTable).doesNotContain("<tr data-code=\"" + candidate.get("code") + "\"");
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void the_language_switch_shows_the_explorer_in_japanese_asks_the_api_in_japanese_and_is_remembered() throws Exception {
        // What the API answers a Japanese reader for a malformed unit id (problem details follow Accept-Language).
        String malformed = "not-a-serial";
        HttpResponse<String> japanese = http.send(HttpRequest.newBuilder(URI.create(registry + "/api/v1/units/" + malformed))
                .header("Accept-Language", "ja").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(japanese.statusCode()).isEqualTo(400);
        String japaneseDetail = (String) object(Json.parse(japanese.body())).get("detail");
        HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create(registry + "/api/v1/units/" + malformed))
                .header("Accept-Language", "en").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat((String) object(Json.parse(english.body())).get("detail")).as("the two languages differ")
                .isNotEqualTo(japaneseDetail);

        List<String> interactive = chromiumCommand(chromium, temporary.resolve("profile-language"));
        interactive.removeIf(flag -> flag.startsWith("--virtual-time-budget"));
        interactive.add("--window-size=1280,2000");
        interactive.add("--lang=en-US");
        try (DevTools browser = DevTools.start(interactive, temporary.resolve("profile-language.log"))) {
            browser.navigate(registry + "/explorer/");
            browser.awaitTrue("document.body.dataset.state === 'ready'", Duration.ofSeconds(60));
            assertThat(browser.evaluate("document.documentElement.lang")).isEqualTo("en");
            assertThat(text(browser, "partners-title")).isEqualTo("Partner countries");
            assertThat(browser.evaluate("localStorage.getItem('jcm.explorer.lang')")).as("nothing stored until the reader chooses")
                    .isNull();

            browser.click("#language-switch button[data-lang=ja]");
            browser.awaitTrue("document.documentElement.lang === 'ja' && document.body.dataset.state === 'ready'",
                    Duration.ofSeconds(60));
            assertThat(browser.evaluate("localStorage.getItem('jcm.explorer.lang')")).isEqualTo("ja");
            assertThat(browser.evaluate("document.querySelector('#language-switch button[data-lang=ja]').getAttribute('aria-pressed')"))
                    .isEqualTo("true");
            assertThat(text(browser, "h1")).isEqualTo("JCM 登録簿エクスプローラー");
            assertThat(text(browser, "partners-title")).isEqualTo("パートナー国");
            assertThat(text(browser, "a[href='#cycle']")).isEqualTo("プロジェクトサイクル");
            assertThat(text(browser, "#partners-table caption")).endsWith("か国（参加順）");
            // The project cycle's review times: a table, or a clear empty state, in Japanese.
            String cycle = (String) browser.evaluate("document.getElementById('cycle-body').dataset.state");
            assertThat(cycle).isIn("rows", "empty", "unavailable");
            if ("rows".equals(cycle)) {
                assertThat(text(browser, "#cycle-table thead")).contains("中央値（日）", "90 パーセンタイル（日）");
            } else {
                assertThat(text(browser, "cycle-status")).isIn("この種類の審査はまだ決定されていません。",
                        "この登録簿では審査日数をまだ提供していません。");
            }

            // The page asks the API in Japanese: the problem's detail it shows is the Japanese one.
            browser.evaluate("document.getElementById('unit-query').focus()");
            browser.type(malformed);
            browser.pressEnter();
            browser.awaitTrue("document.getElementById('unit-status').dataset.kind === 'error'", Duration.ofSeconds(30));
            assertThat(text(browser, "unit-status")).contains(japaneseDetail);

            // Remembered: a new visit opens in Japanese.
            browser.evaluate("window.previousVisit = true");
            browser.navigate(registry + "/explorer/");
            browser.awaitTrue("!window.previousVisit && document.body.dataset.state === 'ready'", Duration.ofSeconds(60));
            assertThat(browser.evaluate("document.documentElement.lang")).isEqualTo("ja");
            browser.click("#language-switch button[data-lang=en]");
            browser.awaitTrue("document.documentElement.lang === 'en' && document.body.dataset.state === 'ready'",
                    Duration.ofSeconds(60));
            assertThat(text(browser, "partners-title")).isEqualTo("Partner countries");
        }
    }

    // ------------------------------------------------------------------ proof in the browser

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void the_browser_verifies_the_signed_checkpoint_a_units_history_with_a_token_and_a_retirement_certificate() throws Exception {
        Unit unit = demoUnit();
        Map<String, Object> checkpoint = awaitCosignedCheckpoint(unit.lastSeq());
        long treeSize = number(checkpoint.get("treeSize"));
        List<Map<String, Object>> proven = proofItems(unit.serial(), tokens.get("JCM_TOKEN_AUDITOR"));
        // What the browser is given verifies with the Java reference: the page must agree.
        Checkpoint signed = Checkpoint.open(proofNote(unit.serial()), NoteKeys.verifier(logKey()));
        for (Map<String, Object> item : proven) {
            assertThat(MerkleProofs.verifyInclusion(MerkleHash.leaf(bytes((String) item.get("eventJson"))),
                    number(item.get("seq")) - 1, signed.size(), hashes(item.get("hashes")), signed.root()))
                    .as("entry %s in Java", item.get("seq")).isTrue();
        }
        Map<String, Object> certificate = certificate(unit.retirementSeq(), treeSize);

        try (DevTools browser = browser("profile-proof")) {
            openUnit(browser, unit.serial());
            long shown = number(browser.evaluate("Number(document.getElementById('checkpoint-size').dataset.value)"));
            assertThat(shown).as("the checkpoint the page checked").isGreaterThanOrEqualTo(treeSize);
            assertThat(text(browser, "checkpoint-status")).startsWith("Verified in your browser: checkpoint " + shown
                    + ", signed by " + signer(logKey()) + ", cosigned by " + signer(witnessKey()) + " at ");
            assertThat(outcome(browser, "checkpoint-signature")).isEqualTo("verified");
            assertThat(outcome(browser, "checkpoint-cosignature")).isEqualTo("verified");
            assertThat(text(browser, "log-key")).isEqualTo(logKey());

            // The unit's history, proven with the auditor's demo token typed into the form.
            String token = tokens.get("JCM_TOKEN_AUDITOR");
            prove(browser, token);
            assertThat(text(browser, "prove-status")).startsWith("Verified in your browser: these " + proven.size()
                    + " entries are entries of checkpoint " + shown + ", signed by " + signer(logKey()) + ", cosigned by "
                    + signer(witnessKey()) + " at ");
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('#proof-entries tr[data-seq]'), "
                    + "r => r.dataset.seq + ' ' + r.dataset.outcome)"))
                    .isEqualTo(proven.stream().map(i -> i.get("seq") + " verified").toList());
            String retirement = text(browser, "#proof-entries tr[data-seq=\"" + unit.retirementSeq() + "\"]");
            assertThat(retirement).as("the retirement's facts, read from the proven bytes").contains("Retirement",
                    String.format(Locale.US, "%,d", DemoScenario.RETIRED),
                    "beneficiaryOrganizationId: " + beneficiaryOf(certificate),
                    "purpose: VOLUNTARY");
            assertThat(text(browser, "prove-compare")).startsWith("The public history above lists the same "
                    + unit.seqs().size() + " entries up to checkpoint " + shown + ".");
            assertThat(browser.evaluate("localStorage.length + sessionStorage.length === 0 && !location.href.includes("
                    + Json.write(token) + ") && !document.cookie.includes(" + Json.write(token.substring(0, 20)) + ")"))
                    .as("the token is held in the page's memory only").isEqualTo(true);
            browser.click("#prove-forget");
            assertThat(browser.evaluate("document.getElementById('prove-token').value")).isEqualTo("");

            // A retirement certificate, pasted.
            checkCertificate(browser, Json.write(certificate));
            assertThat(text(browser, "certificate-status")).startsWith("Verified in your browser: retirement seq "
                    + unit.retirementSeq() + " is entry " + unit.retirementSeq() + " of checkpoint " + treeSize + ", signed by "
                    + signer(logKey()) + ", cosigned by " + signer(witnessKey()) + " at ");
            assertThat(browser.evaluate("document.getElementById('certificate-view').dataset.verified")).isEqualTo("true");
            assertThat(text(browser, "certificate-facts")).contains(beneficiaryOf(certificate),
                    String.format(Locale.US, "%,d", DemoScenario.RETIRED), "VOLUNTARY");
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void the_browser_says_why_it_cannot_verify_an_altered_proof_checkpoint_or_certificate() throws Exception {
        Unit unit = demoUnit();
        Map<String, Object> checkpoint = awaitCosignedCheckpoint(unit.lastSeq());
        long treeSize = number(checkpoint.get("treeSize"));
        List<Map<String, Object>> proven = proofItems(unit.serial(), tokens.get("JCM_TOKEN_AUDITOR"));
        long firstSeq = number(proven.get(0).get("seq"));
        // The demo retirement names Sakura Trading by its organization id: the event is altered to name another.
        String sakura = beneficiaryOf(certificate(unit.retirementSeq(), treeSize));
        String altered = "JPN01-O9999";

        try (DevTools browser = browser("profile-tampered")) {
            // The registry's answers altered on the way: one entry's event (a beneficiary rewritten in the
            // database) and another entry's proof hash; and the latest checkpoint's root.
            browser.rewriteResponses(List.of("*/api/v1/units/*/proof*", "*/api/v1/ledger/checkpoints/latest*"), (url, body) ->
                    url.contains("/proof") ? alteredProof(body, unit.retirementSeq(), firstSeq, sakura, altered) : alteredCheckpoint(body));
            openUnit(browser, unit.serial());
            long shown = number(browser.evaluate("Number(document.getElementById('checkpoint-size')?.dataset.value ?? 0)"));
            assertThat(text(browser, "checkpoint-status")).isEqualTo("Could not verify: the signature by " + signer(logKey())
                    + " does not verify: the checkpoint or its signature was altered.");
            assertThat(outcome(browser, "checkpoint-signature")).isEqualTo("failed");
            assertThat(shown).as("no checkpoint size is shown as verified").isZero();

            prove(browser, tokens.get("JCM_TOKEN_AUDITOR"));
            String status = text(browser, "prove-status");
            assertThat(status).startsWith("Could not verify: the inclusion proof of entry " + firstSeq
                    + " does not lead to the root of checkpoint ").endsWith(": the event or its proof was altered. "
                    + (proven.size() - 2) + " of " + proven.size() + " entries verified.");
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('#proof-entries tr[data-outcome=\"failed\"]'), "
                    + "r => Number(r.dataset.seq))")).isEqualTo(List.of(firstSeq, unit.retirementSeq()));
            assertThat(text(browser, "proof-entries")).as("no altered fact is shown as proven").doesNotContain(altered);
            assertThat(browser.rewrittenResponses()).as("responses altered").isGreaterThanOrEqualTo(2);
        }

        // Certificates with one byte altered: in the event, and in the checkpoint's signature.
        Map<String, Object> certificate = certificate(unit.retirementSeq(), treeSize);
        Map<String, Object> alteredEvent = new LinkedHashMap<>(certificate);
        alteredEvent.put("event", ((String) certificate.get("event")).replace(sakura, altered));
        Map<String, Object> alteredSignature = new LinkedHashMap<>(certificate);
        alteredSignature.put("checkpoint", alteredSignatureLine((String) certificate.get("checkpoint")));
        try (DevTools browser = browser("profile-certificate")) {
            browser.navigate(registry + "/explorer/");
            browser.awaitTrue("document.body.dataset.state === 'ready'", PAGE_TIMEOUT);
            checkCertificate(browser, Json.write(alteredEvent));
            assertThat(text(browser, "certificate-status")).isEqualTo("Could not verify: the inclusion proof of entry "
                    + unit.retirementSeq() + " does not lead to the root of checkpoint " + treeSize
                    + ": the event or its proof was altered.");
            assertThat(browser.evaluate("document.getElementById('certificate-view').dataset.verified")).isEqualTo("false");
            assertThat(text(browser, "certificate-view")).contains("(not verified)");
            checkCertificate(browser, Json.write(alteredSignature));
            assertThat(text(browser, "certificate-status")).isEqualTo("Could not verify: the signature by " + signer(logKey())
                    + " does not verify: the checkpoint or its signature was altered.");
            checkCertificate(browser, "{\"event\": 1}");
            assertThat(text(browser, "certificate-status")).startsWith("Could not verify: a certificate needs \"event\"");
        }

        // A browser whose Web Crypto has no Ed25519: the proofs are checked, the signatures are not, and it says so.
        try (DevTools browser = browser("profile-no-ed25519")) {
            browser.beforeEveryDocument("{ const importKey = crypto.subtle.importKey.bind(crypto.subtle);"
                    + " crypto.subtle.importKey = (format, key, algorithm, ...rest) =>"
                    + " (algorithm && (algorithm === 'Ed25519' || algorithm.name === 'Ed25519'))"
                    + " ? Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'))"
                    + " : importKey(format, key, algorithm, ...rest); }");
            openUnit(browser, unit.serial());
            assertThat(browser.evaluate("crypto.subtle.importKey.toString().includes('NotSupportedError')"))
                    .as("the page runs without Ed25519").isEqualTo(true);
            long shown = number(browser.evaluate("Number(document.getElementById('checkpoint-size').dataset.value)"));
            assertThat(text(browser, "checkpoint-status")).isEqualTo("Partly verified in your browser: checkpoint " + shown
                    + ", but this browser's Web Crypto has no Ed25519, so the checkpoint's signature by " + signer(logKey())
                    + " was not checked.");
            assertThat(outcome(browser, "checkpoint-signature")).isEqualTo("unchecked");
            assertThat(outcome(browser, "checkpoint-cosignature")).isEqualTo("unchecked");
            prove(browser, tokens.get("JCM_TOKEN_AUDITOR"));
            assertThat(text(browser, "prove-status")).isEqualTo("Partly verified in your browser: these " + proven.size()
                    + " entries are entries of checkpoint " + shown + ", but this browser's Web Crypto has no Ed25519, so the"
                    + " checkpoint's signature by " + signer(logKey()) + " was not checked.");
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void the_pages_proof_module_agrees_with_the_java_reference_and_refuses_every_altered_vector() throws Exception {
        ProofVectors vectors = ProofVectors.compute();
        try (DevTools browser = browser("profile-vectors")) {
            browser.navigate(registry + "/explorer/");
            browser.awaitTrue("document.body.dataset.state === 'ready'", PAGE_TIMEOUT);
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) browser.evaluate(
                    ProofVectors.script("/explorer/proof.js", vectors.json()));
            assertThat(result).as("the browser's verdicts on the Java vectors").isEqualTo(vectors.expected());
        }
    }

    // ------------------------------------------------------------------ proofs: the page

    private DevTools browser(String profile) throws Exception {
        List<String> command = chromiumCommand(chromium, temporary.resolve(profile));
        command.removeIf(flag -> flag.startsWith("--virtual-time-budget"));
        command.add("--window-size=1280,2000");
        return DevTools.start(command, temporary.resolve(profile + ".log"));
    }

    private void openUnit(DevTools browser, String serial) throws Exception {
        browser.navigate(registry + "/explorer/#unit=" + URLEncoder.encode(serial, StandardCharsets.UTF_8));
        browser.awaitTrue("document.body.dataset.state === 'ready' && !document.getElementById('prove-form').hidden",
                PAGE_TIMEOUT);
    }

    /** Types the token into the form and presses "Prove this history"; waits for the verdict. */
    private static void prove(DevTools browser, String token) throws Exception {
        browser.evaluate("document.getElementById('prove-token').value = ''; "
                + "document.getElementById('prove-status').dataset.kind = 'info'");
        browser.evaluate("document.getElementById('prove-token').focus()");
        browser.type(token);
        browser.click("#prove-form button[type=submit]");
        awaitVerdict(browser, "prove-status");
    }

    private static void checkCertificate(DevTools browser, String json) throws Exception {
        browser.evaluate("document.getElementById('certificate-json').value = ''; "
                + "document.getElementById('certificate-status').dataset.kind = 'info'");
        browser.evaluate("document.getElementById('certificate-json').focus()");
        browser.type(json);
        browser.click("#certificate-form button[type=submit]");
        awaitVerdict(browser, "certificate-status");
    }

    /** Waits until a status line says verified, partly verified or could not verify. */
    private static void awaitVerdict(DevTools browser, String id) throws Exception {
        browser.awaitTrue("['ok', 'warning', 'error'].includes(document.getElementById(" + Json.write(id) + ").dataset.kind)"
                + " && /verif/i.test(document.getElementById(" + Json.write(id) + ").textContent)", PAGE_TIMEOUT);
    }

    /** The text of the element with this id, or of the first element this selector finds. */
    private static String text(DevTools browser, String idOrSelector) throws Exception {
        String selector = idOrSelector.matches("[a-z-]+") ? "#" + idOrSelector : idOrSelector;
        Object text = browser.evaluate("(() => { const e = document.querySelector(" + Json.write(selector) + ");"
                + " return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null; })()");
        assertThat(text).as("the page shows " + selector).isNotNull();
        return (String) text;
    }

    private static String outcome(DevTools browser, String id) throws Exception {
        return (String) browser.evaluate("document.getElementById(" + Json.write(id) + ").dataset.outcome");
    }

    // ------------------------------------------------------------------ proofs: what the stack serves

    /** The demo's Mongolian allocation: its serial, its entries, and its retirement's seq. */
    private record Unit(String serial, List<Long> seqs, long retirementSeq) {

        long lastSeq() {
            return seqs.get(seqs.size() - 1);
        }
    }

    private Unit demoUnit() throws Exception {
        Map<String, Object> project = object(list(object(getJson(registry + "/api/v1/projects")).get("items")).get(0));
        String serial = (String) object(list(object(list(project.get("issuances")).get(0)).get("allocations")).get(0)).get("serial");
        List<Object> history = list(object(getJson(registry + "/api/v1/units/" + URLEncoder.encode(serial, StandardCharsets.UTF_8)))
                .get("history"));
        List<Long> seqs = history.stream().map(e -> number(object(e).get("seq"))).toList();
        long retirement = history.stream().filter(e -> "CreditsRetired".equals(object(e).get("type")))
                .map(e -> number(object(e).get("seq"))).findFirst().orElseThrow();
        return new Unit(serial, seqs, retirement);
    }

    /** Waits for a checkpoint that covers {@code seq} and that the witness cosigned; the stack signs every 10 s. */
    private Map<String, Object> awaitCosignedCheckpoint(long seq) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            HttpResponse<String> latest = get(registry + "/api/v1/ledger/checkpoints/latest");
            if (latest.statusCode() == 200) {
                Map<String, Object> checkpoint = object(Json.parse(latest.body()));
                if (number(checkpoint.get("treeSize")) >= seq && !list(checkpoint.get("cosignatures")).isEmpty()) {
                    return checkpoint;
                }
            }
            assertThat(System.nanoTime()).as("a cosigned checkpoint covering seq %d in time: %s", seq, latest.body())
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private List<Map<String, Object>> proofItems(String serial, String token) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = object(getJson(registry + "/api/v1/units/" + URLEncoder.encode(serial, StandardCharsets.UTF_8)
                    + "/proof" + (after == null ? "" : "?after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)), token));
            list(page.get("items")).forEach(i -> items.add(object(i)));
            after = (String) page.get("next");
        } while (after != null);
        return items;
    }

    private String proofNote(String serial) throws Exception {
        return (String) object(object(getJson(registry + "/api/v1/units/" + URLEncoder.encode(serial, StandardCharsets.UTF_8)
                + "/proof", tokens.get("JCM_TOKEN_AUDITOR"))).get("checkpoint")).get("note");
    }

    /**
     * A retirement certificate's members (docs/hash-chain.md, "Retirement certificates"), built from
     * the auditor's read of the event, the public inclusion proof and the checkpoint's note, and
     * checked with the Java reference before the page sees it.
     */
    /** The organization id the certificate's retirement event names as its beneficiary; the demo's names one. */
    private static String beneficiaryOf(Map<String, Object> certificate) {
        Object named = object(Json.parse((String) certificate.get("event"))).get("beneficiaryOrganizationId");
        assertThat(named).as("the demo retirement names its beneficiary by organization id").isInstanceOf(String.class);
        return (String) named;
    }

    private Map<String, Object> certificate(long seq, long treeSize) throws Exception {
        Map<String, Object> entry = object(list(object(getJson(registry + "/api/v1/ledger/events?after=" + (seq - 1) + "&limit=1",
                tokens.get("JCM_TOKEN_AUDITOR"))).get("items")).get(0));
        assertThat(number(entry.get("seq"))).isEqualTo(seq);
        String event = Jcs.canonicalize(entry.get("event"));
        List<Object> inclusion = list(object(getJson(registry + "/api/v1/ledger/proofs/inclusion?seq=" + seq + "&treeSize="
                + treeSize)).get("hashes"));
        HttpRequest plain = HttpRequest.newBuilder(URI.create(registry + "/api/v1/ledger/checkpoints/" + treeSize))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).GET().build();
        String note = http.send(plain, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Checkpoint checkpoint = Checkpoint.open(note, NoteKeys.verifier(logKey()));
        assertThat(MerkleProofs.verifyInclusion(MerkleHash.leaf(bytes(event)), seq - 1, treeSize, hashes(inclusion),
                checkpoint.root())).as("the certificate verifies in Java").isTrue();
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("event", event);
        certificate.put("seq", seq);
        certificate.put("checkpoint", note);
        certificate.put("inclusion", inclusion);
        certificate.put("treeSize", treeSize);
        certificate.put("leafIndex", seq - 1);
        return certificate;
    }

    private String logKey() throws Exception {
        return (String) object(getJson(registry + "/api/v1/ledger/keys")).get("logKey");
    }

    private String witnessKey() throws Exception {
        return (String) object(getJson(settlement + "/api/v1/witness/key")).get("verifierKey");
    }

    /** How the page names a key: {@code name (key id 8hex)}. */
    private static String signer(String verifierKey) {
        String[] parts = verifierKey.split("\\+", 3);
        return parts[0] + " (key id " + parts[1] + ")";
    }

    /** A unit's proof page with the retirement's beneficiary rewritten and one proof hash of the first entry flipped. */
    private static String alteredProof(String body, long retirementSeq, long firstSeq, String beneficiary, String replacement) {
        Map<String, Object> page = object(Json.parse(body));
        for (Object item : list(page.get("items"))) {
            Map<String, Object> entry = object(item);
            if (number(entry.get("seq")) == retirementSeq) {
                entry.put("eventJson", ((String) entry.get("eventJson")).replace(beneficiary, replacement));
            }
            if (number(entry.get("seq")) == firstSeq) {
                List<Object> hashes = new ArrayList<>(list(entry.get("hashes")));
                byte[] hash = Base64.getDecoder().decode((String) hashes.get(0));
                hash[7] ^= 1;
                hashes.set(0, Base64.getEncoder().encodeToString(hash));
                entry.put("hashes", hashes);
            }
        }
        return Json.write(page);
    }

    /** The latest checkpoint's answer with one bit of the root in its note flipped (the signature then fails). */
    private static String alteredCheckpoint(String body) {
        Map<String, Object> checkpoint = object(Json.parse(body));
        String note = (String) checkpoint.get("note");
        String[] lines = note.split("\n", -1);
        byte[] root = Base64.getDecoder().decode(lines[2]);
        root[3] ^= 1;
        lines[2] = Base64.getEncoder().encodeToString(root);
        checkpoint.put("note", String.join("\n", lines));
        checkpoint.put("rootHash", lines[2]);
        return Json.write(checkpoint);
    }

    /** A note whose log signature has one bit flipped. */
    private static String alteredSignatureLine(String note) {
        String[] lines = note.split("\n", -1);
        String line = lines[4];
        int space = line.lastIndexOf(' ');
        byte[] signature = Base64.getDecoder().decode(line.substring(space + 1));
        signature[10] ^= 1;
        lines[4] = line.substring(0, space + 1) + Base64.getEncoder().encodeToString(signature);
        return String.join("\n", lines);
    }

    private static List<byte[]> hashes(Object base64s) {
        return list(base64s).stream().map(h -> Base64.getDecoder().decode((String) h)).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @AfterAll
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

    private Object getJson(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(url + " with a token: " + response.body()).isEqualTo(200);
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
