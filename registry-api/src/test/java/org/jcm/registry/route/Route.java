package org.jcm.registry.route;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.registry.write.MutationResult;
import org.jcm.registry.write.MutationService;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.testsupport.TestTokens;

/** Drives the application route through the writer ({@link MutationService}) and uploads its documents over HTTP. */
final class Route {

    private static final RestAssuredConfig AS_GIVEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private Route() {
    }

    static String holderToken(String org) {
        return TestTokens.accountHolder(org);
    }

    static String tpeToken(String id) {
        return TestTokens.thirdPartyEntity(id);
    }

    static String secretariatToken(String party) {
        return TestTokens.jcSecretariat(party);
    }

    static Actor holder(String org) {
        return new Actor(Role.ACCOUNT_HOLDER, "holder@" + org, org);
    }

    static Actor government(String party) {
        return new Actor(Role.GOVERNMENT, "gov@" + party, party);
    }

    static Actor tpe(String id) {
        return new Actor(Role.THIRD_PARTY_ENTITY, "tpe@" + id, id);
    }

    static Actor secretariat(String party) {
        return new Actor(Role.JC_SECRETARIAT, "secretariat@" + party, party);
    }

    /** Submits a command as {@code actor} and returns its events; fails unless it committed. */
    static List<LedgerEvent> submit(MutationService mutations, Command command, Actor actor) {
        byte[] hash = sha256(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        MutationResult result = mutations.submit(command, actor,
                new IdempotencyKey(new SubjectKey(actor.subject(), UUID.randomUUID().toString()), hash))
                .await().indefinitely();
        assertThat(result).as(command.toString()).isInstanceOf(MutationResult.Committed.class);
        return ((MutationResult.Committed) result).events();
    }

    /** Uploads a fresh PDF as {@code token}; returns its reference as a step cites it. */
    static DocumentRef upload(String token, DocumentKind kind, String fileName) {
        byte[] bytes = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + UUID.randomUUID() + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        Response response = given().config(AS_GIVEN).auth().oauth2(token).contentType("application/pdf").body(bytes)
                .queryParam("fileName", fileName).post("/api/v1/documents");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return new DocumentRef(response.path("sha256"), kind, fileName, "application/pdf", bytes.length);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
