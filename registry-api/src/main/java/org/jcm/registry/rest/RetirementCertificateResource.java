package org.jcm.registry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.registry.api.RetirementCertificateJson;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.query.RetirementProofs;
import org.jcm.registry.report.CertificatePage;
import org.jcm.registry.report.RetirementCertificates;
import org.jcm.registry.security.Caller;
import org.jcm.registry.security.ReadAccess;
import org.jcm.registry.transparency.CheckpointConfig;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * Retirement certificates (docs/api.md, "Retirement certificates"): what a company attaches to its
 * disclosure. The retirement's event with its inclusion proof against a signed checkpoint, checked
 * before it is given out, and the facts it states; as JSON, which {@code docs/verify-ledger.py
 * certificate} verifies offline, or as a printable page that embeds that JSON.
 */
@Path("/api/v1")
@Tag(name = "Transfers, cancellations and retirements")
public class RetirementCertificateResource {

    private static final String HTML = MediaType.TEXT_HTML + "; charset=UTF-8";

    private final RetirementCertificates certificates;
    private final CheckpointConfig checkpoints;
    private final ObjectMapper json;
    private final JsonWebToken token;

    RetirementCertificateResource(RetirementCertificates certificates, CheckpointConfig checkpoints, ObjectMapper json,
                                  JsonWebToken token) {
        this.certificates = certificates;
        this.checkpoints = checkpoints;
        this.json = json;
        this.token = token;
    }

    /** The certificate of one retirement, as JSON or as a printable page. */
    @GET
    @Path("/retirements/{seq}/certificate")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Formats({"html", "json"})
    @Operation(operationId = "getRetirementCertificate", summary = "A retirement's certificate: its event with an inclusion proof against a signed checkpoint",
            description = "For the account holders of the retiring account's organization, the administrators of its "
                    + "registry, the government of that registry's Party, auditors and the operator. JSON by default; a "
                    + "printable HTML page with `Accept: text/html` or `?format=html` (which embeds the JSON). The proof is "
                    + "checked against the log's key before it is answered. Verify it offline with "
                    + "`python3 verify-ledger.py certificate FILE --key <log key>`.",
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "The certificate", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetirementCertificateJson.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "seq is not a positive whole number (invalid_proof_request), or a "
            + "query parameter other than format=json|html (invalid_query_parameter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Entry seq is not a retirement (retirement_not_found), or checkpoints "
            + "are disabled (checkpoints_disabled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No signed checkpoint covers the retirement yet "
            + "(retirement_not_yet_checkpointed), with Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The stored ledger does not verify against the signed checkpoint "
            + "(ledger_integrity_failure): no certificate is given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> certificate(@Parameter(description = "The retirement's seq, as its 201 answer and the retirement "
                                             + "reports show it", example = "42") @RestPath String seq,
                                     @Context UriInfo uri, @Context HttpHeaders headers) {
        Caller reader = Caller.of(token);
        reader.requireAnyRole(ReadAccess.CERTIFICATE_ROLES);
        if (!checkpoints.enabled()) {
            throw new ProblemException(404, ProblemCodes.CHECKPOINTS_DISABLED, "This registry signs no checkpoints "
                    + "(jcm.checkpoint.enabled is false), so it has nothing to prove a retirement against.");
        }
        boolean html = html(QueryParameters.of(uri, Set.of("format")).get("format"), headers);
        long retirement = seq(seq);
        return certificates.certificate(retirement, retiring -> ReadAccess.checkRetirement(reader, retirement, retiring))
                .map(certificate -> html ? Response.ok(CertificatePage.html(certificate, text(certificate)), HTML).build()
                        : Representations.json(certificate))
                .onFailure(RetirementProofs.NotYetCheckpointed.class).recoverWithItem(e -> ((ProblemException) e).problem()
                        .responseBuilder().header("Retry-After", Long.toString(retryAfterSeconds())).build());
    }

    /** At most the time until the next checkpoint: one is signed at least every jcm.checkpoint.every. */
    private long retryAfterSeconds() {
        long millis = checkpoints.every().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Whether to answer the page: {@code ?format=} decides; else the first of HTML or JSON that Accept names. */
    private static boolean html(String format, HttpHeaders headers) {
        if (format != null) {
            if (!format.equals("html") && !format.equals("json")) {
                throw QueryParameters.invalid("format", "format is html or json, not " + ClientText.quote(format) + ".");
            }
            return format.equals("html");
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardType()) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static long seq(String text) {
        boolean digits = !text.isEmpty() && text.length() <= 18 && text.charAt(0) != '0' && text.chars().allMatch(Character::isDigit)
                && text.chars().allMatch(ch -> ch < 128);
        if (!digits) {
            String detail = "A retirement's seq is a positive whole number; it was " + ClientText.quote(text) + ".";
            throw new ProblemException(400, ProblemCodes.INVALID_PROOF_REQUEST, detail, List.of(new FieldError("seq", detail)));
        }
        return Long.parseLong(text);
    }

    private String text(RetirementCertificateJson certificate) {
        try {
            return json.writeValueAsString(certificate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a certificate could not be written as JSON", e);
        }
    }
}
