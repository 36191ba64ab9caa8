package org.jcm.ledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs docs/verify-ledger.py on pages produced by this module, so the published verifier and the
 * Java chain are proved to agree on canonical bytes, including the awkward corners of RFC 8785.
 */
class VerifierScriptTest {

    private static final Path WORK_DIR = Path.of("target", "verifier-script");

    private static final boolean PYTHON_AVAILABLE = commandWorks("python3", "--version");

    private Path script;

    // A per-test assumption, unlike one in @BeforeAll, makes surefire list each test as skipped.
    @BeforeEach
    void requirePythonAndTheScript() {
        assumeTrue(PYTHON_AVAILABLE, "python3 is not on PATH, so docs/verify-ledger.py cannot be exercised; skipping");
        script = findScript();
    }

    @Test
    void the_script_accepts_a_chain_built_by_ledger_core() throws Exception {
        List<Map<String, Object>> events = events();
        List<ChainEntry> chain = Chains.of(events);

        Result result = runScriptOn(page(chain, events));

        assertThat(result.output).contains("OK: chain intact through seq 3, head hash " + HashChain.toHex(chain.get(2).hash()));
        assertThat(result.exitCode).isZero();
    }

    @Test
    void the_script_ignores_member_order_because_it_canonicalizes() throws Exception {
        List<Map<String, Object>> events = events();
        List<ChainEntry> chain = Chains.of(events);
        List<Map<String, Object>> reversed = new ArrayList<>();
        events.forEach(event -> reversed.add(reversedMembers(event)));

        Result result = runScriptOn(page(chain, reversed));

        assertThat(result.output).contains("OK: chain intact through seq 3");
        assertThat(result.exitCode).isZero();
    }

    @Test
    void the_script_rejects_a_chain_whose_second_event_was_altered() throws Exception {
        List<Map<String, Object>> events = events();
        List<ChainEntry> chain = Chains.of(events);
        List<Map<String, Object>> tampered = new ArrayList<>(events);
        Map<String, Object> forged = new LinkedHashMap<>(events.get(1));
        forged.put("quantity", 501L);
        tampered.set(1, forged);

        Result result = runScriptOn(page(chain, tampered));

        assertThat(result.output).contains("BROKEN after 1 good entries: seq 2: hash mismatch");
        assertThat(result.exitCode).isEqualTo(1);
    }

    @Test
    void the_script_rejects_a_chain_with_a_missing_entry() throws Exception {
        List<Map<String, Object>> events = events();
        List<ChainEntry> chain = new ArrayList<>(Chains.of(events));
        List<Map<String, Object>> remaining = new ArrayList<>(events);
        chain.remove(1);
        remaining.remove(1);

        Result result = runScriptOn(page(chain, remaining));

        assertThat(result.output).contains("seq 3: sequence gap, expected seq 2");
        assertThat(result.exitCode).isEqualTo(1);
    }

    /** Three events that exercise sorting by UTF-16 code units, escaping, large integers and nesting. */
    private static List<Map<String, Object>> events() {
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("seq", 1L);
        issued.put("type", "CreditsIssued");
        issued.put("at", "2025-04-01T00:00:00Z");
        issued.put("quantity", Jcs.MAX_SAFE_INTEGER);
        issued.put("allocations", List.of(Map.of("accountId", "JP-001", "quantity", 600L), Map.of("accountId", "MN-002", "quantity", 400L)));

        Map<String, Object> transferred = new LinkedHashMap<>();
        transferred.put("seq", 2L);
        transferred.put("type", "CreditsTransferred");
        transferred.put("quantity", 500L);
        transferred.put("\u20ac", "Euro Sign");
        transferred.put("\r", "Carriage Return");
        transferred.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        transferred.put("\ud83d\ude00", "Emoji: Grinning Face");
        transferred.put("\u0080", "Control");
        transferred.put("\u00f6", "Latin Small Letter O With Diaeresis");

        Map<String, Object> retired = new LinkedHashMap<>();
        retired.put("seq", 3L);
        retired.put("type", "CreditsRetired");
        retired.put("memo", "line\nbreak\ttab \"quoted\" back\\slash bell\u0007 sep\u2028 del\u007f 日本 /");
        retired.put("delta", -Jcs.MAX_SAFE_INTEGER);
        retired.put("flags", Arrays.asList(true, false, null));
        retired.put("empty", List.of(Map.of(), List.of()));
        return List.of(issued, transferred, retired);
    }

    /** A page as GET /api/v1/ledger/events would return it, with events as written, not canonical. */
    private static Map<String, Object> page(List<ChainEntry> chain, List<Map<String, Object>> events) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("seq", chain.get(i).seq());
            item.put("prevHash", HashChain.toHex(chain.get(i).prevHash()));
            item.put("hash", HashChain.toHex(chain.get(i).hash()));
            item.put("event", events.get(i));
            items.add(item);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", null);
        return page;
    }

    private static Map<String, Object> reversedMembers(Map<String, Object> event) {
        List<String> names = new ArrayList<>(event.keySet());
        Collections.reverse(names);
        Map<String, Object> reversed = new LinkedHashMap<>();
        names.forEach(name -> reversed.put(name, event.get(name)));
        return reversed;
    }

    private Result runScriptOn(Map<String, Object> page) throws IOException, InterruptedException {
        Files.createDirectories(WORK_DIR);
        Path file = Files.createTempFile(WORK_DIR, "ledger-page-", ".json");
        Files.writeString(file, Json.write(page), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("python3", script.toString(), "--file", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Finds the script from the module or the repository root, whichever Maven ran in. */
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("verify-ledger.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/verify-ledger.py not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exitCode, String output) {
    }
}
