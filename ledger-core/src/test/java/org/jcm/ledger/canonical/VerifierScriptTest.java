package org.jcm.ledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.VerifierScript.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs docs/verify-ledger.py on pages produced by this module, so the published verifier and the
 * Java chain are proved to agree on canonical bytes, including the awkward corners of RFC 8785.
 */
class VerifierScriptTest {

    // A per-test assumption, unlike one in @BeforeAll, makes surefire list each test as skipped.
    @BeforeEach
    void requirePython() {
        assumeTrue(VerifierScript.pythonAvailable(), "python3 is not on PATH, so docs/verify-ledger.py cannot be exercised; skipping");
    }

    @Test
    void the_script_accepts_a_chain_built_by_ledger_core() throws Exception {
        List<Map<String, Object>> events = events();
        List<ChainEntry> chain = Chains.of(events);

        Result result = runScriptOn(VerifierScript.page(chain, events));

        assertThat(result.output()).contains("OK: chain intact through seq 3, head hash " + HashChain.toHex(chain.get(2).hash()));
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void the_script_ignores_member_order_because_it_canonicalizes() throws Exception {
        List<Map<String, Object>> events = events();
        List<ChainEntry> chain = Chains.of(events);
        List<Map<String, Object>> reversed = new ArrayList<>();
        events.forEach(event -> reversed.add(reversedMembers(event)));

        Result result = runScriptOn(VerifierScript.page(chain, reversed));

        assertThat(result.output()).contains("OK: chain intact through seq 3");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void the_script_rejects_a_chain_whose_second_event_was_altered() throws Exception {
        List<Map<String, Object>> events = events();
        List<ChainEntry> chain = Chains.of(events);
        List<Map<String, Object>> tampered = new ArrayList<>(events);
        Map<String, Object> forged = new LinkedHashMap<>(events.get(1));
        forged.put("quantity", 501L);
        tampered.set(1, forged);

        Result result = runScriptOn(VerifierScript.page(chain, tampered));

        assertThat(result.output()).contains("BROKEN after 1 good entries: seq 2: hash mismatch");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void the_script_rejects_a_chain_with_a_missing_entry() throws Exception {
        List<Map<String, Object>> events = events();
        List<ChainEntry> chain = new ArrayList<>(Chains.of(events));
        List<Map<String, Object>> remaining = new ArrayList<>(events);
        chain.remove(1);
        remaining.remove(1);

        Result result = runScriptOn(VerifierScript.page(chain, remaining));

        assertThat(result.output()).contains("seq 3: sequence gap, expected seq 2");
        assertThat(result.exitCode()).isEqualTo(1);
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

    private static Map<String, Object> reversedMembers(Map<String, Object> event) {
        List<String> names = new ArrayList<>(event.keySet());
        Collections.reverse(names);
        Map<String, Object> reversed = new LinkedHashMap<>();
        names.forEach(name -> reversed.put(name, event.get(name)));
        return reversed;
    }

    private static Result runScriptOn(Map<String, Object> page) throws IOException, InterruptedException {
        return VerifierScript.run("--file", VerifierScript.file("ledger-page-", ".json", Json.write(page)));
    }
}
