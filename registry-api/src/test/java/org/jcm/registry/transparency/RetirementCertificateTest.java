package org.jcm.registry.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.registry.transparency.CheckpointReadTest.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.PythonVerifier;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /retirements/{seq}/certificate} through HTTP: the certificate is the retirement's
 * stored event with an inclusion proof that verifies against its signed checkpoint, in Java (ledger-core's
 * {@code Checkpoint} and {@code MerkleProofs}) and with {@code docs/verify-ledger.py certificate}, which
 * refuses it once a byte of the event, its seq, a hash or the checkpoint is altered; who may read it;
 * the printable page, whose texts are escaped and which embeds the JSON answer; and a ledger changed in
 * the database behind the writer, for which no certificate is issued (503).
 */
@QuarkusTest
@TestProfile(TransparencyReadProfile.class)
class RetirementCertificateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMBEDDED = Pattern.compile(
            "<script type=\"application/json\" id=\"certificate\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern DOWNLOAD = Pattern.compile("href=\"data:application/json;base64,([A-Za-z0-9+/=]+)\"");

    /** A holder of MNG01 of this class's own, with 1,000 units of its own project, so that the proof scenario's units stay as they were. */
    private static String[] retiring;

    private ProofScenario s;

    @BeforeEach
    void retiredUnits() {
        s = ProofScenario.get();
        if (retiring == null) {
            String[] holder = LedgerApi.openHolder("MNG01");
            String project = LedgerApi.project("MN", List.of(holder[0]));
            LedgerApi.issue("MNG01", project, 2024, List.of(holder[1]), List.of(1000L));
            retiring = new String[] {holder[0], holder[1], project};
        }
        LogReads.checkpointOfHead();
    }

    @Test
    void a_certificate_is_the_retirements_event_with_an_inclusion_proof_that_verifies_in_java_and_with_python()
            throws Exception {
        Response answer = certificate(TestTokens.accountHolder(s.orgA), s.retirementSeq);
        answer.then().statusCode(200).contentType("application/json");
        JsonPath c = answer.jsonPath();
        long seq = s.retirementSeq;
        assertThat(c.getLong("seq")).isEqualTo(seq);
        assertThat(c.getLong("leafIndex")).isEqualTo(seq - 1);
        assertThat(c.getString("event")).isEqualTo(LogReads.storedEvent(seq));
        Checkpoint checkpoint = Checkpoint.open(c.getString("checkpoint"), LogReads.logKey());
        assertThat(checkpoint.size()).isEqualTo(c.getLong("treeSize")).isGreaterThanOrEqualTo(seq);
        assertThat(LogReads.included(c.getString("event"), seq, c.getList("inclusion"), checkpoint)).isTrue();

        // The facts, from the event and the registry's records.
        assertThat(c.getLong("quantity")).isEqualTo(50);
        assertThat(c.getList("units.quantity", Integer.class).stream().mapToLong(Integer::longValue).sum()).isEqualTo(50);
        assertThat(c.getString("units[0].serial")).startsWith("JCM-" + s.serial.split("-")[1] + "-2024-");
        assertThat(c.getString("purpose")).isEqualTo("VOLUNTARY");
        assertThat(c.getString("beneficiary")).isEqualTo("Proof test");
        assertThat(c.getString("beneficiaryKind")).isEqualTo("STATED");
        assertThat(c.getString("beneficiaryOrganizationId")).isNull();
        assertThat(c.getString("howKnown")).isEqualTo("STATED_BY_RETIRING_ORGANIZATION");
        assertThat(c.getString("retiringAccountId")).isEqualTo(s.accountA);
        assertThat(c.getString("retiringOrganization.id")).isEqualTo(s.orgA);
        assertThat(c.getString("retiringOrganization.name")).isNotBlank();
        assertThat(c.getString("registryId")).isEqualTo("MNG01");
        assertThat(c.getString("hostParty")).isEqualTo("MNG");
        assertThat(c.getInt("vintage")).isEqualTo(2024);
        assertThat(c.getString("project.id")).isEqualTo(s.serial.split("-")[1]);
        assertThat(c.getString("project.title")).isNotBlank();
        assertThat(c.getList("itmoIds")).isEmpty();
        assertThat(c.getString("usingParty")).isNull();
        NoteKeys.Verifier logKey = LogReads.logKey();
        assertThat(c.getString("checkpointSigner.name")).isEqualTo("jcm.local/ledger");
        assertThat(c.getString("checkpointSigner.keyId")).isEqualTo(NoteKeys.keyIdHex(logKey.keyId()));
        assertThat(c.getString("statement")).contains("entry " + seq).contains("are not part of the signed event");
        assertThat(c.getString("verify")).contains("certificate retirement-" + seq + "-certificate.json")
                .contains("--key '" + logKey.verifierKey() + "'");
        assertThat(Instant.parse(c.getString("issuedAt"))).isNotNull();

        PythonVerifier.Result verified = verify(answer.asString(), List.of());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("beneficiary Proof test")
                .contains("OK: retirement seq " + seq + " is entry " + seq + " of checkpoint " + checkpoint.size()
                        + " signed by jcm.local/ledger");
    }

    @Test
    void a_certificate_names_a_registered_beneficiary_by_id_and_registered_name_and_the_verifier_says_so() throws Exception {
        String[] company = LedgerApi.holder("MNG01");
        String name = LedgerApi.as(TestTokens.registryAdmin("MNG01")).get("/api/v1/organizations/" + company[0])
                .then().statusCode(200).extract().path("name");
        long seq = retire(2, Map.of("organizationId", company[0]));

        Response answer = certificate(TestTokens.accountHolder(retiring[0]), seq);
        JsonPath c = answer.then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("beneficiaryKind")).isEqualTo("ORGANIZATION");
        assertThat(c.getString("beneficiaryOrganizationId")).isEqualTo(company[0]);
        assertThat(c.getString("beneficiary")).isEqualTo(name);
        assertThat(c.getString("howKnown")).isEqualTo("REGISTERED_ORGANIZATION");
        assertThat(c.getString("event")).contains("\"beneficiaryOrganizationId\":\"" + company[0] + "\"")
                .doesNotContain("\"beneficiary\":");
        PythonVerifier.Result verified = verify(answer.asString(), List.of());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("beneficiary organization " + company[0] + " (registered)");
    }

    @Test
    void a_stored_witness_cosignature_is_named_and_the_verifier_checks_it_with_the_witness_key() throws Exception {
        long seq = retire(1, "Cosigned test");
        long treeSize = certificate(TestTokens.auditor(), seq).then().statusCode(200).extract().jsonPath().getLong("treeSize");
        Checkpoint checkpoint = Checkpoint.open(given().get("/api/v1/ledger/checkpoints/" + treeSize).then().statusCode(200)
                .extract().path("note"), LogReads.logKey());
        NoteKeys.Signer witness = NoteKeys.signer(TransparencyReadProfile.WITNESS_SIGNER);
        long at = 1_767_225_600L;
        try (Connection c = Databases.connectToService(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ledger_cosignature (tree_size, witness, key_id, signed_at, line, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
            insert.setLong(1, treeSize);
            insert.setString(2, witness.name());
            insert.setString(3, NoteKeys.keyIdHex(witness.keyId()));
            insert.setLong(4, at);
            insert.setString(5, Cosignature.sign(checkpoint, witness, at));
            insert.executeUpdate();
        }

        // Now the smallest cosigned checkpoint that covers the retirement is named (this one, or an earlier cosigned one).
        Response answer = certificate(TestTokens.auditor(), seq);
        JsonPath c = answer.then().statusCode(200).extract().jsonPath();
        assertThat(c.getLong("treeSize")).isBetween(seq, treeSize);
        assertThat(c.getString("cosigners[0].name")).isEqualTo("jcm.local/witness");
        assertThat(c.getString("cosigners[0].keyId")).isEqualTo("9426ceb9");
        assertThat(c.getString("verify")).contains("--witness-key '" + TransparencyReadProfile.WITNESS_KEY + "'");
        PythonVerifier.Result verified = verify(answer.asString(), List.of("--witness-key", TransparencyReadProfile.WITNESS_KEY));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("the inclusion proof verifies; cosigned by jcm.local/witness");
    }

    @Test
    void an_altered_byte_of_the_event_the_seq_a_hash_or_the_checkpoint_makes_the_verifier_refuse_it() throws Exception {
        long seq = retire(2, "Altered test");
        String original = certificate(TestTokens.accountHolder(retiring[0]), seq).then().statusCode(200).extract().asString();
        assertThat(verify(original, List.of()).exitCode()).isZero();

        Map<String, Object> event = altered(original);
        event.put("event", ((String) event.get("event")).replace("Altered test", "Altered tesT"));
        Map<String, Object> seqOff = altered(original);
        seqOff.put("seq", seq + 1);
        Map<String, Object> hash = altered(original);
        @SuppressWarnings("unchecked")
        List<String> inclusion = new ArrayList<>((List<String>) hash.get("inclusion"));
        inclusion.set(0, flipFirst(inclusion.get(0)));
        hash.put("inclusion", inclusion);
        Map<String, Object> note = altered(original);
        String[] lines = ((String) note.get("checkpoint")).split("\n", -1);
        lines[2] = flipFirst(lines[2]);
        note.put("checkpoint", String.join("\n", lines));

        for (Map<String, Object> broken : List.of(event, seqOff, hash, note)) {
            PythonVerifier.Result refused = verify(JSON.writeValueAsString(broken), List.of());
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("BROKEN: ");
        }
    }

    @Test
    void an_ndc_retirement_of_authorized_units_states_its_itmo_ids_using_party_and_year_of_use() throws Exception {
        LedgerApi.registry("JPN01");
        String[] abroad = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("MN", List.of(retiring[0]));
        String serial = LedgerApi.issue("MNG01", project, 2024, List.of(retiring[1]), List.of(20L))
                .path("events[1].blocks[0].serial");
        long first = Long.parseLong(serial.split("-")[3]);
        String range = "JCM-" + project + "-2024-" + first + "-" + (first + 9);
        String authorization = "MNG-CERT-" + LedgerApi.key().substring(0, 8);
        Response authorized = LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"),
                "/api/v1/authorizations", Map.of("authorizationId", authorization, "party", "MNG",
                        "cooperativeApproachId", "CA0001", "purpose", "NDC", "serialRanges", List.of(range)));
        int year = Integer.parseInt(authorized.<String>path("events[1].at").substring(0, 4));
        LedgerApi.created(TestTokens.accountHolder(retiring[0]), "/api/v1/transfers", Map.of("fromAccountId", retiring[1],
                "toAccountId", abroad[1], "serialRanges", List.of(range), "quantity", 10));
        long seq = ((Number) LedgerApi.created(TestTokens.accountHolder(abroad[0]), "/api/v1/retirements", Map.of(
                "fromAccountId", abroad[1], "serialRanges", List.of(range), "quantity", 10, "purpose", "NDC",
                "beneficiary", "NDC test", "usingParty", "JPN", "yearOfUse", year)).path("events[0].seq")).longValue();
        LogReads.checkpointOfHead();

        Response answer = certificate(TestTokens.government("JPN"), seq);
        JsonPath c = answer.then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("purpose")).isEqualTo("NDC");
        assertThat(c.getString("usingParty")).isEqualTo("JPN");
        assertThat(c.getInt("yearOfUse")).isEqualTo(year);
        assertThat(c.getString("registryId")).isEqualTo("JPN01");
        assertThat(c.getString("retiringOrganization.id")).isEqualTo(abroad[0]);
        assertThat(c.getList("itmoIds")).hasSize(1);
        assertThat(c.getString("itmoIds[0].serial")).isEqualTo(range);
        assertThat(c.getString("itmoIds[0].first")).isEqualTo("CA0001-MNG01-MNG-" + first + "-2024");
        assertThat(c.getString("itmoIds[0].last")).isEqualTo("CA0001-MNG01-MNG-" + (first + 9) + "-2024");
        assertThat(c.getString("itmoIds[0].authorizationId")).isEqualTo(authorization);
        PythonVerifier.Result verified = verify(answer.asString(), List.of());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("purpose NDC");
        // Mongolia's government does not cover a retirement made in Japan's registry.
        problem(certificate(TestTokens.government("MNG"), seq), 403, "forbidden_scope");
    }

    @Test
    void only_the_retiring_side_its_registry_and_party_auditors_and_the_operator_read_a_certificate() {
        long seq = s.retirementSeq;
        problem(given().get(path(seq)), 401, "unauthorized");
        for (String token : List.of(TestTokens.accountHolder(s.orgA), TestTokens.registryAdmin("MNG01"),
                TestTokens.government("MNG"), TestTokens.auditor(), TestTokens.operator())) {
            certificate(token, seq).then().statusCode(200).contentType("application/json");
        }
        for (String token : List.of(TestTokens.accountHolder(s.orgB), TestTokens.registryAdmin("THA01"),
                TestTokens.government("JPN"))) {
            problem(certificate(token, seq), 403, "forbidden_scope");
        }
        problem(certificate(TestTokens.exchange("JPX"), seq), 403, "forbidden_role");
    }

    @Test
    void a_seq_that_is_no_retirement_is_404_and_a_malformed_seq_or_parameter_400() {
        String auditor = TestTokens.auditor();
        problem(certificate(auditor, s.transferSeq), 404, "retirement_not_found");
        problem(certificate(auditor, s.issuedSeq), 404, "retirement_not_found");
        problem(certificate(auditor, LogReads.head() + 1000), 404, "retirement_not_found");
        for (String seq : List.of("0", "-1", "abc", "01", "1.5", "9999999999999999999")) {
            problem(given().auth().oauth2(auditor).get("/api/v1/retirements/" + seq + "/certificate"), 400,
                    "invalid_proof_request");
        }
        problem(given().auth().oauth2(auditor).queryParam("format", "pdf").get(path(s.retirementSeq)), 400,
                "unsupported_format");
        problem(given().auth().oauth2(auditor).queryParam("treeSize", "5").get(path(s.retirementSeq)), 400,
                "invalid_query_parameter");
    }

    @Test
    void the_retirements_answer_names_its_certificate_and_other_answers_do_not() {
        Response retired = LedgerApi.created(TestTokens.accountHolder(retiring[0]), "/api/v1/retirements", Map.of(
                "fromAccountId", retiring[1], "quantity", 1, "purpose", "VOLUNTARY", "beneficiary", "Link test"));
        long seq = ((Number) retired.path("events[0].seq")).longValue();
        assertThat(retired.<String>path("events[0].certificate")).isEqualTo(path(seq));
        Response moved = LedgerApi.created(TestTokens.accountHolder(retiring[0]), "/api/v1/transfers",
                LedgerApi.transfer(retiring[1], s.accountB, 1));
        assertThat(moved.<Object>path("events[0].certificate")).isNull();
    }

    @Test
    void the_printable_page_shows_the_facts_escaped_and_embeds_the_json_answer() throws Exception {
        String beneficiary = "<script>alert(\"x\")</script> & Sons' Co";
        long seq = retire(3, beneficiary);
        String holder = TestTokens.accountHolder(retiring[0]);
        Map<String, Object> json = withoutIssuedAt(certificate(holder, seq).then().statusCode(200).extract().asString());

        Response page = given().auth().oauth2(holder).accept("text/html").get(path(seq));
        page.then().statusCode(200).contentType("text/html");
        String html = page.asString();
        assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons&#39; Co")
                .doesNotContain("<script>alert").contains("@page { size: A4")
                .contains("Certificate of retirement").contains("Ledger entry (seq)").contains(retiring[1])
                .contains("verify-ledger.py certificate retirement-" + seq + "-certificate.json");
        Matcher embedded = EMBEDDED.matcher(html);
        assertThat(embedded.find()).isTrue();
        assertThat(embedded.group(1)).doesNotContain("<");
        assertThat(withoutIssuedAt(embedded.group(1))).isEqualTo(json);
        Matcher download = DOWNLOAD.matcher(html);
        assertThat(download.find()).isTrue();
        String downloaded = new String(Base64.getDecoder().decode(download.group(1)), StandardCharsets.UTF_8);
        assertThat(withoutIssuedAt(downloaded)).isEqualTo(json);
        PythonVerifier.Result verified = verify(downloaded, List.of());
        assertThat(verified.exitCode()).as(verified.output()).isZero();

        // ?format=html for links a browser follows; a browser's Accept gets the page; JSON stays the default.
        given().auth().oauth2(holder).queryParam("format", "html").accept("application/json").get(path(seq)).then()
                .statusCode(200).contentType("text/html");
        given().auth().oauth2(holder).accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get(path(seq)).then().statusCode(200).contentType("text/html");
        given().auth().oauth2(holder).queryParam("format", "json").accept("text/html").get(path(seq)).then()
                .statusCode(200).contentType("application/json");
        given().auth().oauth2(holder).accept("*/*").get(path(seq)).then().statusCode(200).contentType("application/json");
        problem(given().auth().oauth2(holder).accept("image/png").get(path(seq)), 406, "not_acceptable");
    }

    @Test
    void a_retirement_changed_in_the_database_behind_the_writer_gets_no_certificate_but_503() throws Exception {
        long seq = retire(4, "Integrity test");
        certificate(TestTokens.auditor(), seq).then().statusCode(200);
        String stored = LogReads.storedEvent(seq);
        Databases.rewriteEventAsOwner(seq, stored.replace("Integrity test", "Integrity tesT"));
        try {
            problem(certificate(TestTokens.auditor(), seq), 503, "ledger_integrity_failure");
            problem(given().auth().oauth2(TestTokens.auditor()).accept("text/html").get(path(seq)), 503,
                    "ledger_integrity_failure");
        } finally {
            Databases.rewriteEventAsOwner(seq, stored);
        }
        certificate(TestTokens.auditor(), seq).then().statusCode(200);
    }

    /**
     * Retires {@code quantity} of the class's holder's units for {@code beneficiary}, then transfers one
     * more (so that the retirement is not the ledger's tail), and waits for a checkpoint of both.
     */
    private long retire(long quantity, Object beneficiary) {
        String holder = TestTokens.accountHolder(retiring[0]);
        long seq = ((Number) LedgerApi.created(holder, "/api/v1/retirements", Map.of("fromAccountId", retiring[1],
                "quantity", quantity, "purpose", "VOLUNTARY", "beneficiary", beneficiary)).path("events[0].seq")).longValue();
        LedgerApi.created(holder, "/api/v1/transfers", LedgerApi.transfer(retiring[1], s.accountB, 1));
        LogReads.checkpointOfHead();
        return seq;
    }

    private static String path(long seq) {
        return "/api/v1/retirements/" + seq + "/certificate";
    }

    private static Response certificate(String token, long seq) {
        return given().auth().oauth2(token).get(path(seq));
    }

    /** docs/verify-ledger.py certificate, offline, on this JSON saved to a file, with the served log key. */
    private static PythonVerifier.Result verify(String certificate, List<String> options) throws Exception {
        Path file = Files.createTempFile("certificate", ".json");
        try {
            Files.writeString(file, certificate, StandardCharsets.UTF_8);
            List<String> arguments = new ArrayList<>(List.of("certificate", file.toString(), "--key",
                    LogReads.logKey().verifierKey()));
            arguments.addAll(options);
            return PythonVerifier.run(Map.of(), arguments);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> altered(String certificate) throws Exception {
        return new HashMap<>(JSON.readValue(certificate, Map.class));
    }

    private static Map<String, Object> withoutIssuedAt(String certificate) throws Exception {
        Map<String, Object> members = altered(certificate);
        assertThat(members.remove("issuedAt")).isNotNull();
        return members;
    }

    /** The text with its first character changed: another base64 digit. */
    private static String flipFirst(String text) {
        return (text.charAt(0) == 'A' ? "B" : "A") + text.substring(1);
    }

}
