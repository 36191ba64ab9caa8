package org.jcm.registry.rest;

import org.jcm.support.openapi.ProblemResponsesFilter;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.disclosure.DisclosureAccess;
import org.jcm.registry.disclosure.DisclosureJson;
import org.jcm.registry.disclosure.EmissionRecord;
import org.jcm.registry.disclosure.EmissionRecordRequest;
import org.jcm.registry.disclosure.EmissionRecords;
import org.jcm.registry.disclosure.Publications;
import org.jcm.registry.disclosure.RecordSeal;
import org.jcm.registry.disclosure.StoredEmissionRecord;
import org.jcm.registry.limit.MutationRateLimit;
import org.jcm.registry.security.Actors;
import org.jcm.registry.security.Caller;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * An organization's emission records (docs/disclosure.md): its account holders record the gross
 * emissions of a Japanese fiscal year, version after version; the versions are read by those who
 * may read its disclosure statement, and by anyone once it published the statement.
 */
@Path("/api/v1/organizations/{id}/emissions")
/* Blocking: the token is read on a worker thread (lazy authentication), and the log key is read from its file. */
@Blocking
@Tag(name = "Disclosure")
public class EmissionResource {

    private final EmissionRecords records;
    private final Publications publications;
    private final RecordSeal seal;
    private final MutationRateLimit rateLimit;
    private final JsonWebToken token;

    EmissionResource(EmissionRecords records, Publications publications, RecordSeal seal, MutationRateLimit rateLimit,
                     JsonWebToken token) {
        this.records = records;
        this.publications = publications;
        this.seal = seal;
        this.rateLimit = rateLimit;
        this.token = token;
    }

    /** Records a new version of a fiscal year's gross emissions. */
    @POST
    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.DISCLOSURE_WRITE_PROBLEMS)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordEmissions", summary = "Record gross emissions for a Japanese fiscal year (a new version)", description = "For the "
            + "organization's account holders. Append-only: a correction is a new version that names the latest one in "
            + "`supersedes`. Each version is hashed (SHA-256 of its canonical JSON), chained to the one before and signed "
            + "with the log key. Needs Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The new version; Location is the fiscal year's versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisclosureJson.EmissionVersion.class)))
    @APIResponse(responseCode = "409", description = "stale_emission_record: supersedes is not the latest version; "
            + "idempotency_key_reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "emission_record_integrity_failure: the stored versions do not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key,
                                EmissionRecordRequest body) {
        Actor actor = Actors.of(token, Role.ACCOUNT_HOLDER);
        Response limited = rateLimit.refusal(actor.subject());
        if (limited != null) {
            return Uni.createFrom().item(limited);
        }
        String idempotencyKey = IdempotencyKeys.require(key);
        DisclosureAccess.checkOwn(Caller.of(token), id);
        if (body == null) {
            throw org.jcm.registry.api.Fields.invalid("fiscalYear", "is required.");
        }
        var statement = body.toStatement(id);
        return organization(id).chain(org -> records.record(statement, actor.subject(), idempotencyKey))
                .map(recorded -> Response.status(201).type(MediaType.APPLICATION_JSON_TYPE)
                        .location(URI.create("/api/v1/organizations/" + id + "/emissions/" + statement.fiscalYear()))
                        .entity(version(recorded.latest(), true)).build());
    }

    /** The versions of a fiscal year. */
    @GET
    @Path("{fiscalYear}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEmissionVersions", summary = "The versions of an organization's emission record for a fiscal year, oldest first",
            description = "For the organization's account holders, its registry's administrators, auditors and the "
                    + "operator; public once the organization published its statement for the fiscal year. Every version "
                    + "is verified (hash, chain, signature) before it is answered.")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DisclosureJson.EmissionVersions.class)))
    @APIResponse(responseCode = "503", description = "emission_record_integrity_failure",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DisclosureJson.EmissionVersions> versions(@RestPath String id, @RestPath String fiscalYear, @Context UriInfo uri) {
        QueryParameters.of(uri, Set.of());
        int year = ReportParameters.year("fiscalYear", fiscalYear);
        boolean hasToken = token != null && token.getRawToken() != null;
        Caller caller = DisclosureResource.caller(token, hasToken);
        return organization(id).chain(org -> publications.of(id, year).chain(published -> {
            boolean isPublic = published.stream().anyMatch(p -> p.scope().equals("STATEMENT"));
            if (!isPublic) {
                DisclosureAccess.checkRead(caller, hasToken, id, org.scope().registryId());
            }
            boolean full = hasToken && !caller.roles().isEmpty() && readsInFull(caller, id, org);
            return records.versions(id, year).map(found -> {
                List<DisclosureJson.EmissionVersion> items = new ArrayList<>(found.size());
                for (StoredEmissionRecord r : found) {
                    items.add(version(r, full));
                }
                return new DisclosureJson.EmissionVersions(id, year, items, seal.verifierKey());
            });
        }));
    }

    private static boolean readsInFull(Caller caller, String id, Publications.Org org) {
        try {
            DisclosureAccess.checkRead(caller, true, id, org.scope().registryId());
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    private Uni<Publications.Org> organization(String id) {
        return publications.organization(id).map(found -> found.orElseThrow(() -> unknown(id)));
    }

    static ProblemException unknown(String id) {
        return new ProblemException(404, Rejection.UNKNOWN_ORGANIZATION.code(), "No organization has the id "
                + org.jcm.registry.problem.ClientText.quote(id) + ".");
    }

    static DisclosureJson.EmissionVersion version(StoredEmissionRecord stored, boolean full) {
        EmissionRecord r = stored.record();
        return new DisclosureJson.EmissionVersion(r.organizationId(), r.fiscalYear(), r.version(),
                r.version() == 1 ? null : r.version() - 1, r.scope1(), r.scope2(), r.scope2Basis(), r.scope3(), EmissionRecord.UNIT,
                r.source(), r.assuranceReference(), EventCodec.formatTime(r.recordedAt()), full ? r.recordedBy() : null,
                stored.sha256(), r.previousSha256(), new DisclosureJson.SignatureJson(stored.keyId(), stored.signature()),
                full ? stored.recordJson() : null);
    }
}
