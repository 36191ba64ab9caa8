package org.jcm.registry.rest;

import org.jcm.support.openapi.ProblemResponsesFilter;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.disclosure.DisclosureAccess;
import org.jcm.registry.disclosure.DisclosureCodes;
import org.jcm.registry.disclosure.DisclosureForms;
import org.jcm.registry.disclosure.DisclosureJson;
import org.jcm.registry.disclosure.DisclosureReport;
import org.jcm.registry.disclosure.EmissionRecords;
import org.jcm.registry.disclosure.Publications;
import org.jcm.registry.limit.MutationRateLimit;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.security.Actors;
import org.jcm.registry.security.Caller;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * Net disclosure statements and their publication (docs/disclosure.md): an organization's statement
 * for a fiscal year as JSON, CSV or a printable page; its account holders publish the anonymized
 * uses of its credits, or the whole statement; anyone reads what was published.
 */
@Path("/api/v1")
/* Blocking: the token is read on a worker thread (lazy authentication), and the log key is read from its file. */
@Blocking
@Tag(name = "Disclosure", description = "Emission records, net disclosure statements and publications (docs/disclosure.md)")
public class DisclosureResource {

    static final ListKind PUBLICATIONS = new ListKind("publications", 1);
    private static final String HTML = MediaType.TEXT_HTML + "; charset=UTF-8";

    private final EmissionRecords records;
    private final Publications publications;
    private final DisclosureReport report;
    private final MutationRateLimit rateLimit;
    private final JsonWebToken token;

    DisclosureResource(EmissionRecords records, Publications publications, DisclosureReport report,
                       MutationRateLimit rateLimit, JsonWebToken token) {
        this.records = records;
        this.publications = publications;
        this.report = report;
        this.rateLimit = rateLimit;
        this.token = token;
    }

    /** The net disclosure statement of a fiscal year. */
    @GET
    @Path("/organizations/{id}/disclosure/{fiscalYear}")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Representations.TEXT_CSV, MediaType.TEXT_HTML})
    @Formats({"csv", "json", "html"})
    @Operation(operationId = "getDisclosureStatement", summary = "An organization's net disclosure statement for a Japanese fiscal year",
            description = "Gross figures (the latest emission record), JCM credits retired for the organization in the "
                    + "fiscal year by purpose and by corresponding-adjustment status with links to their certificates, and "
                    + "the net figure beside gross with its rule. JSON, `Accept: text/csv` or `Accept: text/html` (printable), "
                    + "or `?format=json|csv|html`. For the organization's account holders, its registry's administrators, "
                    + "auditors and the operator; public once the organization published its statement.")
    @APIResponse(responseCode = "200", description = "The statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureJson.Statement.class)),
            @Content(mediaType = Representations.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "503", description = "emission_record_integrity_failure",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> statement(@RestPath String id, @RestPath String fiscalYear, @Context UriInfo uri,
                                   @Context HttpHeaders headers) {
        QueryParameters.of(uri, Set.of("format"));
        String form = form(headers);
        FiscalYear year = new FiscalYear(ReportParameters.year("fiscalYear", fiscalYear));
        boolean hasToken = token != null && token.getRawToken() != null;
        Caller caller = caller(token, hasToken);
        return publications.organization(id).chain(found -> {
            Publications.Org org = found.orElseThrow(() -> EmissionResource.unknown(id));
            return publications.of(id, year.year()).chain(published -> {
                List<String> scopes = published.stream().map(Publications.Stored::scope).toList();
                if (!scopes.contains("STATEMENT")) {
                    DisclosureAccess.checkRead(caller, hasToken, id, org.scope().registryId());
                }
                return records.versions(id, year.year()).chain(versions -> report.head()
                        .chain(head -> report.statement(org, year, versions, scopes, head)));
            });
        }).map(s -> switch (form) {
            case "csv" -> Representations.csv(DisclosureForms.csv(s), "disclosure-" + id + "-FY" + year.year() + ".csv");
            case "html" -> Response.ok(DisclosureForms.html(s), HTML).build();
            default -> Representations.json(s);
        });
    }

    /**
     * The body of a publication as the document describes it. The resource reads the body as a map,
     * to name an unknown field and check each of these itself.
     */
    @Schema(name = "PublicationRequest")
    public record PublicationRequest(
            @Schema(required = true, description = "Japanese fiscal year, 2013 to 2100", examples = "2025") int fiscalYear,
            @Schema(required = true, description = "USES (the anonymized uses) or STATEMENT (the whole statement)",
                    enumeration = {"USES", "STATEMENT"}) String scope) {
    }

    /** Publishes a fiscal year's uses, or its whole statement. */
    @POST
    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.DISCLOSURE_WRITE_PROBLEMS)
    @Path("/organizations/{id}/publications")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishDisclosure", summary = "Publish a fiscal year's anonymized uses of credits (USES) or the whole statement (STATEMENT)",
            description = "For the organization's account holders. Body {\"fiscalYear\": 2025, \"scope\": \"USES\"}. What is "
                    + "published stays published; publishing the same again answers 200 with the publication.")
    @APIResponse(responseCode = "201", description = "Published", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DisclosureJson.Publication.class)))
    @APIResponse(responseCode = "200", description = "Published before: the publication", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureJson.Publication.class)))
    public Uni<Response> publish(@RestPath String id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicationRequest.class))) Map<String, Object> body) {
        Actor actor = Actors.of(token, Role.ACCOUNT_HOLDER);
        Response limited = rateLimit.refusal(actor.subject());
        if (limited != null) {
            return Uni.createFrom().item(limited);
        }
        DisclosureAccess.checkOwn(Caller.of(token), id);
        Map<String, Object> fields = body == null ? Map.of() : body;
        for (String name : fields.keySet()) {
            if (!name.equals("fiscalYear") && !name.equals("scope")) {
                throw new ProblemException(400, "unknown_field", "Field " + ClientText.quote(name) + " is not known here.",
                        List.of(new org.jcm.support.problem.FieldError(name, "is not a field of a publication.")));
            }
        }
        if (!(fields.get("fiscalYear") instanceof Integer fy) || fy < 2013 || fy > 2100) {
            throw Fields.invalid("fiscalYear", "must be a Japanese fiscal year from 2013 to 2100.");
        }
        if (!(fields.get("scope") instanceof String scope) || !Publications.SCOPES.contains(scope)) {
            throw Fields.invalid("scope", "must be USES or STATEMENT.");
        }
        return publications.organization(id).map(found -> found.orElseThrow(() -> EmissionResource.unknown(id)))
                .chain(org -> publications.publish(id, fy, scope, actor.subject()))
                .map(p -> Response.status(p.created() ? 201 : 200).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Publications.json(p.publication())).build());
    }

    /** What organizations published, newest first. */
    @GET
    @Path("/publications")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublications", summary = "What organizations chose to publish, newest first", description = "Public; paged with after/limit.")
    @APIResponse(responseCode = "200", description = "The publications")
    public Uni<ListResponse<DisclosureJson.Publication>> list(@Context UriInfo uri) {
        QueryParameters q = QueryParameters.of(uri, Set.of("after", "limit"));
        PageRequest page = PUBLICATIONS.request(q.get("after"), q.get("limit"));
        long before = page.after().map(c -> c.number(0)).orElse(Long.MAX_VALUE);
        return publications.page(before, page.fetchSize()).map(found -> {
            List<DisclosureJson.Publication> items = new ArrayList<>(found.size());
            for (Publications.Stored p : found) {
                items.add(Publications.json(p));
            }
            return Pages.of(items, page, p -> PUBLICATIONS.cursor(p.id()));
        });
    }

    /** The published, anonymized uses of an organization's fiscal year. */
    @GET
    @Path("/publications/{organizationId}/{fiscalYear}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicationUses", summary = "An organization's published uses of JCM credits for a fiscal year",
            description = "Public once published: date, purpose, quantity, vintage, project, host Party and "
                    + "corresponding-adjustment status of each use; no account, beneficiary or retiring organization.")
    @APIResponse(responseCode = "200", description = "The uses", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DisclosureJson.Uses.class)))
    @APIResponse(responseCode = "404", description = "publication_not_found", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DisclosureJson.Uses> uses(@RestPath String organizationId, @RestPath String fiscalYear, @Context UriInfo uri) {
        QueryParameters.of(uri, Set.of());
        FiscalYear year = new FiscalYear(ReportParameters.year("fiscalYear", fiscalYear));
        return publications.of(organizationId, year.year()).chain(published -> {
            Optional<Publications.Stored> first = published.stream().findFirst();
            if (first.isEmpty()) {
                throw new ProblemException(404, DisclosureCodes.PUBLICATION_NOT_FOUND, "Organization "
                        + ClientText.quote(organizationId) + " published nothing for fiscal year " + year.year() + ".");
            }
            Publications.Stored p = first.get();
            return report.head().chain(head -> report.uses(organizationId, year, head).map(uses -> {
                long total = 0;
                for (DisclosureJson.Use u : uses) {
                    total += u.quantity();
                }
                return new DisclosureJson.Uses(new DisclosureJson.Organization(p.organizationId(), p.organizationName()),
                        year.year(), org.jcm.ledger.event.EventCodec.formatTime(p.publishedAt()), head, uses, total);
            }));
        });
    }

    /** The caller of a request, with no role when it carries no token. */
    static Caller caller(JsonWebToken token, boolean hasToken) {
        return hasToken ? Caller.of(token) : new Caller(Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * json, csv or html: the first of them that Accept names ({@code ?format=} was turned into Accept and checked against
     * {@link Formats} before the request got here).
     */
    private static String form(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType()) {
                return "json";
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return "json";
            }
            if ("text".equals(m.getType()) && "csv".equals(m.getSubtype())) {
                return "csv";
            }
            if (m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardSubtype()) {
                return "html";
            }
        }
        return "json";
    }
}
