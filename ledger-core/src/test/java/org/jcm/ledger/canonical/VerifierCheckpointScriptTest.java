package org.jcm.ledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.CheckpointNotes.Key;
import org.jcm.ledger.canonical.VerifierScript.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs docs/verify-ledger.py offline against ledgers, signed checkpoints and certificates made in
 * this test with the JDK's Ed25519: its built-in vectors pass, an intact ledger is confirmed with
 * the signer and cosigner named, and truncation, a rewritten history, a swapped signature, a
 * forged cosignature and an altered certificate are each reported as BROKEN with exit code 1.
 */
class VerifierCheckpointScriptTest {

    private static final String ORIGIN = "jcm.local/ledger";
    private static final long COSIGNED_AT = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private final Key log = Key.generate(ORIGIN, CheckpointNotes.ALG_ED25519);
    private final Key witness = Key.generate("jcm.local/witness", CheckpointNotes.ALG_COSIGNATURE);
    private final List<Map<String, Object>> events = events();

    // A per-test assumption, unlike one in @BeforeAll, makes surefire list each test as skipped.
    @BeforeEach
    void requirePython() {
        assumeTrue(VerifierScript.pythonAvailable(), "python3 is not on PATH, so docs/verify-ledger.py cannot be exercised; skipping");
    }

    @Test
    void the_built_in_vectors_pass() throws Exception {
        Result result = VerifierScript.run("--self-test");

        assertThat(result.output()).contains("ok     Ed25519 TEST SHA(abc) verifies", "ok     Go note vector verifies",
                "OK: self-test passed").doesNotContain("FAILED");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void an_intact_ledger_matches_its_signed_and_cosigned_checkpoint() throws Exception {
        String note = cosigned(checkpoint(events, 5), witness);

        Result result = verify(events, note, "--witness-key", witness.verifierKey());

        assertThat(result.output()).contains("OK: chain intact through seq 5",
                "OK: checkpoint 5 signed by jcm.local/ledger (key " + log.hexKeyId() + "), root matches entries 1..5; "
                        + "cosigned by jcm.local/witness at 2026-01-01T00:00:00Z");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void a_checkpoint_older_than_the_ledger_is_checked_against_its_first_entries() throws Exception {
        Result result = verify(events, checkpoint(events, 3));

        assertThat(result.output()).contains("OK: chain intact through seq 5", "root matches entries 1..3");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void a_deleted_tail_is_reported_as_truncation() throws Exception {
        String note = checkpoint(events, 5);

        Result result = verify(events.subList(0, 3), note);

        assertThat(result.output()).contains("OK: chain intact through seq 3",
                "BROKEN: truncated: the checkpoint covers 5 entries, the ledger has 3 (seq 4..5 missing)");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void a_rewritten_event_with_every_later_hash_recomputed_does_not_match_the_signed_root() throws Exception {
        String note = checkpoint(events, 5);

        Result result = verify(rewritten(), note);

        assertThat(result.output()).contains("OK: chain intact through seq 5",
                "BROKEN: the checkpoint's root for entries 1..5 is ");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void a_rewrite_signed_afterwards_is_caught_by_the_checkpoint_saved_before_it() throws Exception {
        String saved = VerifierScript.file("saved-", ".note", checkpoint(events, 3));
        // Even a checkpoint signed with the log's own key over the rewritten history does not help.
        String signedOverTheRewrite = checkpoint(rewritten(), 5);

        Result result = verify(rewritten(), signedOverTheRewrite, "--since", saved);

        assertThat(result.output()).contains("OK: checkpoint 5 signed by jcm.local/ledger",
                "BROKEN: the saved checkpoint's root for entries 1..3 is ");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void a_saved_checkpoint_is_written_and_later_confirmed_as_a_prefix() throws Exception {
        Path saved = VerifierScript.WORK_DIR.resolve("saved-by-the-script-" + System.nanoTime() + ".note");
        String first = checkpoint(events, 3);
        Result saving = verify(events.subList(0, 3), first, "--save", saved.toString());
        assertThat(saving.exitCode()).as(saving.output()).isZero();
        assertThat(Files.readString(saved, StandardCharsets.UTF_8)).isEqualTo(first);

        Result result = verify(events, checkpoint(events, 5), "--since", saved.toString());

        assertThat(result.output()).contains("OK: saved checkpoint 3 signed by jcm.local/ledger (key " + log.hexKeyId()
                + "), root still matches entries 1..3");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void a_signature_swapped_in_from_another_checkpoint_is_refused() throws Exception {
        String text = CheckpointNotes.checkpointText(ORIGIN, 5, root(events, 5));
        String otherText = CheckpointNotes.checkpointText(ORIGIN, 3, root(events, 3));

        Result result = verify(events, CheckpointNotes.note(text, log.signatureLine(otherText)));

        assertThat(result.output()).contains("BROKEN: the signature by jcm.local/ledger (key " + log.hexKeyId() + ") does not verify");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void a_checkpoint_signed_by_another_key_of_the_same_name_is_refused() throws Exception {
        Key impostor = Key.generate(ORIGIN, CheckpointNotes.ALG_ED25519);
        String text = CheckpointNotes.checkpointText(ORIGIN, 5, root(events, 5));

        Result result = verify(events, CheckpointNotes.note(text, impostor.signatureLine(text)));

        assertThat(result.output()).contains("BROKEN: the checkpoint carries no signature by jcm.local/ledger (key " + log.hexKeyId() + ")");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void a_forged_cosignature_is_refused() throws Exception {
        // Signed by someone else's key, but under the witness's name and key id.
        Key forger = Key.generate("jcm.local/witness", CheckpointNotes.ALG_COSIGNATURE);
        String text = CheckpointNotes.checkpointText(ORIGIN, 5, root(events, 5));
        String forged = forger.cosignatureLineClaiming(witness, text, COSIGNED_AT);

        Result result = verify(events, CheckpointNotes.note(text, log.signatureLine(text), forged), "--witness-key", witness.verifierKey());

        assertThat(result.output()).contains("BROKEN: checkpoint 5: no cosignature verifies: the cosignature by jcm.local/witness (key "
                + witness.hexKeyId() + ") does not verify");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void a_missing_cosignature_is_refused_when_a_witness_key_is_given() throws Exception {
        Result result = verify(events, checkpoint(events, 5), "--witness-key", witness.verifierKey());

        assertThat(result.output()).contains("BROKEN: checkpoint 5: no cosignature verifies: no cosignature by jcm.local/witness");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void a_retirement_certificate_is_verified_offline_and_an_altered_one_is_refused() throws Exception {
        String note = cosigned(checkpoint(events, 5), witness);
        Map<String, Object> certificate = certificate(Jcs.canonicalize(events.get(3)), note);

        Result intact = certify(certificate, "--witness-key", witness.verifierKey());

        assertThat(intact.output()).contains("The certificate states: seq 4, CreditsRetired at 2025-05-01T00:00:00Z: 150 units "
                        + "JCM-MN001-2024-1001-1150; purpose VOLUNTARY; beneficiary Example Steel Co.; retiring organization ORG-7 (account JP-001)",
                "OK: retirement seq 4 is entry 4 of checkpoint 5 signed by jcm.local/ledger (key " + log.hexKeyId()
                        + "), the inclusion proof verifies; cosigned by jcm.local/witness");
        assertThat(intact.exitCode()).as(intact.output()).isZero();

        String otherBeneficiary = Jcs.canonicalize(events.get(3)).replace("Example Steel Co.", "Someone Else");
        Result altered = certify(certificate(otherBeneficiary, note));

        assertThat(altered.output()).contains("beneficiary Someone Else",
                "BROKEN: the inclusion proof of seq 4 does not lead to checkpoint 5's root");
        assertThat(altered.exitCode()).isEqualTo(1);
    }

    private Result verify(List<Map<String, Object>> ledger, String note, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "--file", VerifierScript.file("ledger-page-", ".json", Json.write(VerifierScript.page(Chains.of(ledger), ledger))),
                "--key", log.verifierKey(),
                "--checkpoint", VerifierScript.file("checkpoint-", ".note", note)));
        arguments.addAll(List.of(more));
        return VerifierScript.run(arguments.toArray(String[]::new));
    }

    private Result certify(Map<String, Object> certificate, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("certificate",
                VerifierScript.file("certificate-", ".json", Json.write(certificate)), "--key", log.verifierKey()));
        arguments.addAll(List.of(more));
        return VerifierScript.run(arguments.toArray(String[]::new));
    }

    /** A certificate for the retirement at seq 4, with its inclusion proof in the tree of size 5. */
    private Map<String, Object> certificate(String eventJson, String note) {
        List<Object> inclusion = new ArrayList<>();
        CheckpointNotes.inclusion(3, CheckpointNotes.leafHashes(events)).forEach(hash -> inclusion.add(b64(hash)));
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("event", eventJson);
        certificate.put("seq", 4L);
        certificate.put("checkpoint", note);
        certificate.put("inclusion", inclusion);
        return certificate;
    }

    /** The log's signed checkpoint over the first `size` events. */
    private String checkpoint(List<Map<String, Object>> ledger, int size) {
        String text = CheckpointNotes.checkpointText(ORIGIN, size, root(ledger, size));
        return CheckpointNotes.note(text, log.signatureLine(text));
    }

    /** The note with the witness's cosignature line appended. */
    private static String cosigned(String note, Key witness) {
        String text = note.substring(0, note.lastIndexOf("\n\n") + 1);
        return note + witness.cosignatureLine(text, COSIGNED_AT);
    }

    private static byte[] root(List<Map<String, Object>> ledger, int size) {
        return CheckpointNotes.root(CheckpointNotes.leafHashes(ledger.subList(0, size)));
    }

    /** The events with seq 2's quantity changed; Chains.of then recomputes every later hash. */
    private List<Map<String, Object>> rewritten() {
        List<Map<String, Object>> copy = new ArrayList<>(events);
        Map<String, Object> forged = new LinkedHashMap<>(events.get(1));
        forged.put("quantity", 999L);
        copy.set(1, forged);
        return copy;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Five events: an issuance, two transfers, a retirement at seq 4 and a transfer. */
    private static List<Map<String, Object>> events() {
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(event(1, "CreditsIssued", Map.of("quantity", 1000L, "toAccountId", "JP-001")));
        events.add(event(2, "CreditsTransferred", Map.of("quantity", 300L, "fromAccountId", "JP-001", "toAccountId", "MN-002")));
        events.add(event(3, "CreditsTransferred", Map.of("quantity", 50L, "fromAccountId", "MN-002", "toAccountId", "JP-001")));
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("hostParty", "MNG");
        range.put("vintage", 2024L);
        range.put("projectId", "MN001");
        range.put("issuanceId", "ISS-1");
        range.put("issuingRegistryId", "REG-JP");
        range.put("first", 1001L);
        range.put("last", 1150L);
        Map<String, Object> retired = new LinkedHashMap<>();
        retired.put("fromAccountId", "JP-001");
        retired.put("toAccountId", "JP-RET");
        retired.put("quantity", 150L);
        retired.put("ranges", List.of(range));
        retired.put("purpose", "VOLUNTARY");
        retired.put("beneficiary", "Example Steel Co.");
        events.add(event(4, "CreditsRetired", retired));
        events.add(event(5, "CreditsTransferred", Map.of("quantity", 10L, "fromAccountId", "JP-001", "toAccountId", "MN-002")));
        return events;
    }

    private static Map<String, Object> event(long seq, String type, Map<String, Object> payload) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", seq);
        event.put("type", type);
        event.put("at", "2025-0" + (seq + 1) + "-01T00:00:00Z");
        event.put("actor", Map.of("role", "account-holder", "subject", "alice", "scope", "ORG-7"));
        event.putAll(payload);
        return event;
    }
}
