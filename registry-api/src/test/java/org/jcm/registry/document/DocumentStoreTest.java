package org.jcm.registry.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcm.registry.testing.Databases;
import org.jcm.testsupport.HostileHttp;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The document store through the real API and PostgreSQL (docs/documents.md): uploads of every
 * accepted type read back byte for byte, the limits and checks of an upload, content addressing,
 * who may read, and that the service's database role can only add documents.
 */
@QuarkusTest
class DocumentStoreTest {

    private static final String DOCUMENTS = "/api/v1/documents";
    private static final int MIB = 1024 * 1024;
    private static final String HOLDER = TestTokens.accountHolder("ORG-DOC-A");
    private static final String COLLEAGUE = TestTokens.token("colleague@ORG-DOC-A", Set.of("account-holder"),
            Map.of("org", "ORG-DOC-A"));
    private static final String OTHER_HOLDER = TestTokens.accountHolder("ORG-DOC-B");

    private static final RestAssuredConfig AS_GIVEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    record Kind(String mediaType, byte[] bytes, String fileName) {
    }

    @Test
    void every_accepted_type_is_stored_and_read_back_byte_for_byte_with_its_headers() throws Exception {
        List<Kind> kinds = List.of(new Kind("application/pdf", Samples.pdf(), "PDD.pdf"),
                new Kind("image/png", Samples.png(), "site.png"),
                new Kind("image/jpeg", Samples.jpeg(), "meter.jpg"),
                new Kind("application/zip", Samples.zip(), "evidence.zip"),
                new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Samples.xlsx(), "calc.xlsx"),
                new Kind("application/vnd.oasis.opendocument.spreadsheet", Samples.ods(), "calc.ods"),
                new Kind("application/vnd.ms-excel", Samples.xls(), "calc.xls"),
                new Kind("text/csv", Samples.csv(), "data.csv"));
        for (Kind kind : kinds) {
            String sha = sha256(kind.bytes());
            Response created = upload(HOLDER, kind.mediaType(), kind.bytes()).queryParam("fileName", kind.fileName())
                    .post(DOCUMENTS);
            assertThat(created.statusCode()).as(kind.mediaType() + ": " + created.asString()).isEqualTo(201);
            assertThat(created.header("Location")).endsWith(DOCUMENTS + "/" + sha);
            assertThat(created.<String>path("sha256")).isEqualTo(sha);
            assertThat(created.<Integer>path("size")).isEqualTo(kind.bytes().length);
            assertThat(created.<String>path("mediaType")).isEqualTo(kind.mediaType());
            assertThat(created.<String>path("fileName")).isEqualTo(kind.fileName());
            assertThat(created.<String>path("uploadedAt")).isNotBlank();
            assertThat(created.<String>path("links.self")).isEqualTo(DOCUMENTS + "/" + sha);
            assertThat(created.<String>path("links.metadata")).isEqualTo(DOCUMENTS + "/" + sha + "/metadata");

            Response download = given().auth().oauth2(HOLDER).get(DOCUMENTS + "/" + sha);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.asByteArray()).isEqualTo(kind.bytes());
            assertThat(download.contentType()).startsWith(kind.mediaType());
            assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"" + kind.fileName() + "\"");
            assertThat(download.header("ETag")).isEqualTo("\"" + sha + "\"");
            assertThat(download.header("Content-Digest")).isEqualTo("sha-256=:"
                    + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)) + ":");
            assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

            Response metadata = given().auth().oauth2(COLLEAGUE).get(DOCUMENTS + "/" + sha + "/metadata");
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.<String>path("sha256")).isEqualTo(sha);
            assertThat(metadata.<String>path("fileName")).isEqualTo(kind.fileName());
            assertThat(metadata.<String>path("uploadedAt")).isEqualTo(created.path("uploadedAt"));

            Response head = given().auth().oauth2(HOLDER).head(DOCUMENTS + "/" + sha);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.header("ETag")).isEqualTo("\"" + sha + "\"");
            assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(kind.bytes().length));
        }
        assertThat(given().auth().oauth2(HOLDER).get(DOCUMENTS + "/" + sha256(kinds.get(7).bytes())).contentType())
                .isEqualTo("text/csv; charset=utf-8");
    }

    @Test
    void the_same_bytes_again_answer_200_with_the_stored_document_and_add_no_row() throws SQLException {
        byte[] pdf = Samples.pdf();
        String sha = sha256(pdf);
        Response first = upload(HOLDER, "application/pdf", pdf).queryParam("fileName", "first.pdf").post(DOCUMENTS);
        assertThat(first.statusCode()).isEqualTo(201);

        Response again = upload(COLLEAGUE, "application/pdf", pdf).queryParam("fileName", "second.pdf").post(DOCUMENTS);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("Location")).endsWith(DOCUMENTS + "/" + sha);
        assertThat(again.<String>path("fileName")).isEqualTo("first.pdf");
        assertThat(again.<String>path("uploadedAt")).isEqualTo(first.path("uploadedAt"));
        assertThat(rows("SELECT count(*) FROM document WHERE sha256 = '" + sha + "'")).containsExactly("1");
        assertThat(rows("SELECT count(*) FROM document_upload WHERE sha256 = '" + sha + "'")).containsExactly("1");

        // Another organization that holds the same bytes uploads them too, and may then read them.
        given().auth().oauth2(OTHER_HOLDER).get(DOCUMENTS + "/" + sha).then().statusCode(403);
        assertThat(upload(OTHER_HOLDER, "application/pdf", pdf).post(DOCUMENTS).statusCode()).isEqualTo(200);
        given().auth().oauth2(OTHER_HOLDER).get(DOCUMENTS + "/" + sha).then().statusCode(200);
        assertThat(rows("SELECT count(*) FROM document WHERE sha256 = '" + sha + "'")).containsExactly("1");
        assertThat(rows("SELECT uploaded_by_scope FROM document_upload WHERE sha256 = '" + sha + "' ORDER BY 1"))
                .containsExactly("ORG-DOC-A", "ORG-DOC-B");
    }

    @Test
    void the_uploading_side_auditors_and_the_operator_read_a_document_and_nobody_else_does() {
        String sha = uploaded(HOLDER, "application/pdf", Samples.pdf());
        for (String path : List.of(DOCUMENTS + "/" + sha, DOCUMENTS + "/" + sha + "/metadata")) {
            given().auth().oauth2(HOLDER).get(path).then().statusCode(200);
            given().auth().oauth2(COLLEAGUE).get(path).then().statusCode(200);
            given().auth().oauth2(TestTokens.auditor()).get(path).then().statusCode(200);
            given().auth().oauth2(TestTokens.operator()).get(path).then().statusCode(200);
            for (String stranger : List.of(OTHER_HOLDER, TestTokens.registryAdmin("MNG01"), TestTokens.government("MNG"),
                    TestTokens.exchange("JPX"), tpe("TPE-0001"), secretariat("MNG"))) {
                problem(given().auth().oauth2(stranger).get(path), 403, "forbidden_scope");
            }
            problem(given().get(path), 401, "unauthorized");
        }
        given().auth().oauth2(OTHER_HOLDER).head(DOCUMENTS + "/" + sha).then().statusCode(403);
    }

    @Test
    void third_party_entities_and_jc_secretariats_upload_and_read_back_what_their_side_uploaded() {
        String byTpe = uploaded(tpe("TPE-0007"), "application/pdf", Samples.pdf());
        given().auth().oauth2(TestTokens.token("other@TPE-0007", Set.of("third-party-entity"), Map.of("tpe", "TPE-0007")))
                .get(DOCUMENTS + "/" + byTpe).then().statusCode(200);
        problem(given().auth().oauth2(tpe("TPE-0008")).get(DOCUMENTS + "/" + byTpe), 403, "forbidden_scope");

        String bySecretariat = uploaded(secretariat("MNG"), "text/csv", Samples.csv());
        given().auth().oauth2(secretariat("MNG")).get(DOCUMENTS + "/" + bySecretariat).then().statusCode(200);
        problem(given().auth().oauth2(secretariat("THA")).get(DOCUMENTS + "/" + bySecretariat), 403, "forbidden_scope");
        problem(given().auth().oauth2(TestTokens.government("MNG")).get(DOCUMENTS + "/" + bySecretariat), 403,
                "forbidden_scope");

        problem(upload(TestTokens.token("tpe", Set.of("third-party-entity"), Map.of()), "application/pdf", Samples.pdf())
                .post(DOCUMENTS), 403, "forbidden_scope");
    }

    @Test
    void uploads_are_for_the_roles_that_submit_or_review_and_need_a_token() {
        for (String uploader : List.of(TestTokens.registryAdmin("MNG01"), TestTokens.government("MNG"), TestTokens.operator())) {
            assertThat(upload(uploader, "image/png", Samples.png()).post(DOCUMENTS).statusCode()).isEqualTo(201);
        }
        for (String refused : List.of(TestTokens.auditor(), TestTokens.exchange("JPX"))) {
            problem(upload(refused, "image/png", Samples.png()).post(DOCUMENTS), 403, "forbidden_role");
        }
        problem(given().config(AS_GIVEN).contentType("image/png").body(Samples.png()).post(DOCUMENTS), 401, "unauthorized");
    }

    @Test
    void a_type_that_is_not_accepted_or_bytes_that_are_not_of_the_declared_type_are_415() {
        problem(upload(HOLDER, "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8)).post(DOCUMENTS), 415,
                "unsupported_document_type");
        problem(upload(HOLDER, "application/pdf", Samples.png()).post(DOCUMENTS), 415, "unsupported_document_type");
        problem(upload(HOLDER, "image/png", Samples.jpeg()).post(DOCUMENTS), 415, "unsupported_document_type");
        problem(upload(HOLDER, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Samples.zip())
                .post(DOCUMENTS), 415, "unsupported_document_type");
        problem(upload(HOLDER, "application/vnd.oasis.opendocument.spreadsheet", Samples.xlsx()).post(DOCUMENTS), 415,
                "unsupported_document_type");
        problem(upload(HOLDER, "text/csv", Samples.pdf()).post(DOCUMENTS), 415, "unsupported_document_type");
        problem(upload(HOLDER, "text/csv", new byte[] {'a', ',', (byte) 0xC3, 0x28, '\n'}).post(DOCUMENTS), 415,
                "unsupported_document_type");
        problem(upload(HOLDER, "text/csv; charset=shift_jis", Samples.csv()).post(DOCUMENTS), 415,
                "unsupported_document_type");
        HostileHttp.Answer untyped = HostileHttp.send(new HostileHttp.Case("no type", "POST", DOCUMENTS,
                Map.of("Authorization", "Bearer " + HOLDER), Samples.pdf()));
        assertThat(untyped.statusCode()).as(untyped.body()).isEqualTo(415);
        assertThat(untyped.code()).isEqualTo("unsupported_document_type");

        // An XLSX is a ZIP, so it may be sent as one.
        assertThat(upload(HOLDER, "application/zip", Samples.xlsx()).post(DOCUMENTS).statusCode()).isEqualTo(201);
        assertThat(upload(HOLDER, "text/csv; charset=UTF-8", Samples.csv()).post(DOCUMENTS).statusCode()).isEqualTo(201);
    }

    @Test
    void an_empty_body_is_400_empty_document() {
        problem(upload(HOLDER, "application/pdf", new byte[0]).post(DOCUMENTS), 400, "empty_document");
    }

    @Test
    void a_content_digest_is_checked_against_the_bytes() {
        byte[] pdf = Samples.pdf();
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(pdf))) + ":";
        problem(upload(HOLDER, "application/pdf", pdf).header("Content-Digest",
                "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(Samples.pdf()))) + ":")
                .post(DOCUMENTS), 400, "document_hash_mismatch");
        problem(upload(HOLDER, "application/pdf", pdf).header("Content-Digest", "sha-256=abc").post(DOCUMENTS), 400,
                "invalid_content_digest");
        problem(upload(HOLDER, "application/pdf", pdf).header("Content-Digest", "sha-512=:AAAA:").post(DOCUMENTS), 400,
                "invalid_content_digest");
        problem(upload(HOLDER, "application/pdf", pdf).header("Content-Digest", "sha-256=:AAAA:").post(DOCUMENTS), 400,
                "invalid_content_digest");
        given().auth().oauth2(HOLDER).get(DOCUMENTS + "/" + sha256(pdf)).then().statusCode(404);

        Response stored = upload(HOLDER, "application/pdf", pdf).header("Content-Digest", "sha-512=:AAAA:, " + digest)
                .post(DOCUMENTS);
        assertThat(stored.statusCode()).as(stored.asString()).isEqualTo(201);
        assertThat(stored.<String>path("sha256")).isEqualTo(sha256(pdf));
    }

    @Test
    void file_names_come_from_the_query_or_content_disposition_and_are_cleaned() {
        String japanese = "プロジェクト設計書 v2.pdf";
        Response extended = upload(HOLDER, "application/pdf", Samples.pdf()).header("Content-Disposition",
                "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(japanese, StandardCharsets.UTF_8).replace("+", "%20")).post(DOCUMENTS);
        assertThat(extended.<String>path("fileName")).isEqualTo(japanese);
        Response download = given().auth().oauth2(HOLDER).get(DOCUMENTS + "/" + extended.path("sha256"));
        assertThat(download.header("Content-Disposition")).contains("filename*=UTF-8''%E3%83%97");

        assertThat(upload(HOLDER, "application/pdf", Samples.pdf()).header("Content-Disposition",
                "attachment; filename=\"..\\\\..\\\\C:\\\\report.pdf\"").post(DOCUMENTS).<String>path("fileName"))
                .isEqualTo("report.pdf");
        assertThat(upload(HOLDER, "application/pdf", Samples.pdf()).queryParam("fileName", "../../etc/re\u202Eport.pdf")
                .post(DOCUMENTS).<String>path("fileName")).isEqualTo("re_port.pdf");
        assertThat(upload(HOLDER, "application/pdf", Samples.pdf()).post(DOCUMENTS).<String>path("fileName"))
                .isEqualTo("document.pdf");
        problem(upload(HOLDER, "application/pdf", Samples.pdf()).queryParam("fileName", "x".repeat(201) + ".pdf")
                .post(DOCUMENTS), 400, "invalid_file_name");
        problem(upload(HOLDER, "application/pdf", Samples.pdf()).queryParam("fileName", "...").post(DOCUMENTS), 400,
                "invalid_file_name");
        problem(upload(HOLDER, "application/pdf", Samples.pdf()).queryParam("name", "a.pdf").post(DOCUMENTS), 400,
                "invalid_query_parameter");
    }

    @Test
    void bad_and_unknown_document_ids_are_400_and_404() {
        problem(given().auth().oauth2(HOLDER).get(DOCUMENTS + "/abc"), 400, "invalid_document_id");
        problem(given().auth().oauth2(HOLDER).get(DOCUMENTS + "/" + "A".repeat(64) + "/metadata"), 400, "invalid_document_id");
        problem(given().auth().oauth2(HOLDER).get(DOCUMENTS + "/" + "0".repeat(64)), 404, "unknown_document");
        problem(given().auth().oauth2(TestTokens.auditor()).get(DOCUMENTS + "/" + "0".repeat(64) + "/metadata"), 404,
                "unknown_document");
    }

    @Test
    void a_download_whose_etag_the_client_holds_is_304_without_the_bytes() {
        String sha = uploaded(HOLDER, "image/jpeg", Samples.jpeg());
        Response cached = given().auth().oauth2(HOLDER).header("If-None-Match", "\"" + sha + "\"").get(DOCUMENTS + "/" + sha);
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.asByteArray()).isEmpty();
        assertThat(cached.header("ETag")).isEqualTo("\"" + sha + "\"");
    }

    @Test
    void a_document_of_exactly_the_limit_is_stored_far_beyond_the_limit_of_json_bodies() {
        byte[] big = new byte[20 * MIB];
        byte[] pdf = Samples.pdf();
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        Response stored = upload(HOLDER, "application/pdf", big).post(DOCUMENTS);
        assertThat(stored.statusCode()).as(stored.asString()).isEqualTo(201);
        assertThat(stored.<Integer>path("size")).isEqualTo(20 * MIB);
        byte[] back = given().auth().oauth2(HOLDER).get(DOCUMENTS + "/" + sha256(big)).then().statusCode(200).extract()
                .asByteArray();
        assertThat(sha256(back)).isEqualTo(sha256(big));
    }

    @Test
    void a_document_declared_larger_than_the_limit_is_413_before_its_body_is_read() {
        byte[] big = new byte[20 * MIB + 1];
        HostileHttp.Answer answer = HostileHttp.sendExpectingContinue(new HostileHttp.Case("too large", "POST", DOCUMENTS,
                Map.of("Authorization", "Bearer " + HOLDER, "Content-Type", "application/pdf"), big));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("document_too_large");
    }

    @Test
    void a_chunked_document_that_grows_past_the_limit_is_413_and_nothing_is_stored() throws Exception {
        byte[] big = new byte[20 * MIB + 1];
        byte[] pdf = Samples.pdf();
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + DOCUMENTS))
                .header("Content-Type", "application/pdf")
                .header("Authorization", "Bearer " + HOLDER)
                // A publisher of unknown length makes the client send the body in chunks, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the connection broke before the answer", e);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"document_too_large\"");
        given().auth().oauth2(HOLDER).get(DOCUMENTS + "/" + sha256(big)).then().statusCode(404);
    }

    @Test
    void json_bodies_keep_their_one_mebibyte_limit() {
        byte[] big = ("{\"registryId\":\"MNG01\",\"name\":\"" + "x".repeat(MIB) + "\"}").getBytes(StandardCharsets.UTF_8);
        HostileHttp.Answer answer = HostileHttp.sendExpectingContinue(new HostileHttp.Case("1 MiB", "POST",
                "/api/v1/organizations", Map.of("Content-Type", "application/json"), big));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("body_too_large");
    }

    @Test
    void the_service_role_can_add_documents_but_neither_update_nor_delete_nor_truncate_them() throws SQLException {
        String sha = uploaded(HOLDER, "application/pdf", Samples.pdf());
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
            for (String table : List.of("document", "document_upload")) {
                assertThat(rows(s, "SELECT string_agg(p, ' ' ORDER BY i) FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE',"
                        + " 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) WITH ORDINALITY AS t(p, i)"
                        + " WHERE has_table_privilege('jcm_service', '" + table + "', p)")).containsExactly("SELECT INSERT");
                denied(s, "UPDATE " + table + " SET file_name = 'forged.pdf' WHERE sha256 = '" + sha + "'", table);
                denied(s, "DELETE FROM " + table + " WHERE sha256 = '" + sha + "'", table);
                denied(s, "TRUNCATE " + table + " CASCADE", table);
            }
        }
        // Even the owner, who holds every privilege, is stopped by the append-only triggers.
        try (Connection c = Databases.connectAsOwner(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE document SET file_name = 'forged.pdf' WHERE sha256 = '" + sha + "'"))
                    .hasMessageContaining("document is append-only");
            // And the table refuses a row whose key is not the hash of its bytes.
            assertThatThrownBy(() -> s.execute("INSERT INTO document VALUES ('" + "0".repeat(64) + "', 'x', 'application/pdf',"
                    + " 1, 'x.pdf', 'owner', 'operator', '', now())")).hasMessageContaining("document_sha256_is_hash_of_content");
        }
        assertThat(given().auth().oauth2(HOLDER).get(DOCUMENTS + "/" + sha + "/metadata").then().statusCode(200)
                .extract().<String>path("fileName")).isEqualTo("document.pdf");
    }

    @Test
    void docs_problems_md_lists_every_document_code_in_its_documents_table() throws IOException {
        String problems = Files.readString(Path.of("..", "docs", "problems.md"));
        int start = problems.indexOf("## Documents");
        assertThat(start).as("docs/problems.md has a section \"## Documents\"").isGreaterThanOrEqualTo(0);
        int end = problems.indexOf("\n## ", start + 1);
        String section = problems.substring(start, end < 0 ? problems.length() : end);
        List<String> codes = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d{3}) \\| `([a-z_]+)` \\|").matcher(section);
        while (row.find()) {
            codes.add(row.group(2));
        }
        assertThat(codes).containsAll(DocumentProblems.CODES);
        assertThat(codes).containsSubsequence(DocumentProblems.CODES);
    }

    /** An upload sent with exactly {@code contentType}: RestAssured adds no charset of its own. */
    private static RequestSpecification upload(String token, String contentType, byte[] bytes) {
        return given().config(AS_GIVEN).auth().oauth2(token).contentType(contentType).body(bytes);
    }

    private static String uploaded(String token, String contentType, byte[] bytes) {
        Response response = upload(token, contentType, bytes).post(DOCUMENTS);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.path("sha256");
    }

    private static String tpe(String id) {
        return TestTokens.thirdPartyEntity(id);
    }

    private static String secretariat(String party) {
        return TestTokens.jcSecretariat(party);
    }

    private static void problem(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>path("code")).isEqualTo(code);
    }

    private static void denied(Statement s, String sql, String table) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42501");
            assertThat(e.getMessage()).contains("permission denied for table " + table);
        });
    }

    private static List<String> rows(String query) throws SQLException {
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
            return rows(s, query);
        }
    }

    private static List<String> rows(Statement s, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
