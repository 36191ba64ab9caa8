package org.jcm.registry.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.state.ApplicationState;
import org.jcm.ledger.state.MonitoringCycleState;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.RouteJson;
import org.jcm.registry.document.Side;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.query.ReviewTimeQueries;
import org.jcm.registry.query.RouteAudience;
import org.jcm.registry.query.RouteQueries;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * The application route's reads (docs/api.md, "The application route: reads"): applications as
 * their audience sees them (public once registered; others get 404 {@code unknown_application}, so
 * that an application's existence is not revealed), monitoring cycles (public) and the review-time
 * statistics (public). The class path is {@code /api/v1}, as for the route's mutations. The reads that
 * look at an optional token run on a worker thread ({@code @Blocking}): resolving the identity of a
 * token on a public endpoint may block.
 */
@Path("/api/v1")
@Tag(name = "Application route")
public class RouteReadResource {

    /** The holders the filters accept, as the reads name them. */
    static final Set<String> HOLDERS = Set.of("APPLICANT", "HOST_GOVERNMENT", "THIRD_PARTY_ENTITY", "JC_SECRETARIAT",
            "REGISTRY_ADMINISTRATORS", "NOBODY");
    static final Set<String> STEPS = Set.of("PROJECT_IDEA", "VALIDATION", "REGISTRATION", "VERIFICATION", "ISSUANCE_DECISION");
    static final Set<String> FINANCING = Set.of("GOVERNMENT_FINANCED", "PRIVATE", "ALL");
    private static final String E400 = "A bad filter (invalid_query_parameter), limit (invalid_limit) or cursor (invalid_cursor)";

    private final RouteQueries route;
    private final ReviewTimeQueries reviewTimes;
    private final JsonWebToken token;

    RouteReadResource(RouteQueries route, ReviewTimeQueries reviewTimes, JsonWebToken token) {
        this.route = route;
        this.reviewTimes = reviewTimes;
        this.token = token;
    }

    @GET
    @Path("/applications")
    @PermitAll
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listApplications", summary = "Project applications", description = "By id, filtered by state, host (alpha-3), holder and "
            + "mine=true (only those the token's organization, Party, registry or entity is part of; needs a token). "
            + "Registered applications are public; before that only their audience sees them (docs/security.md). "
            + ReadApiDoc.PAGED)
    @APIResponse(responseCode = "200", description = "One page of applications")
    @APIResponse(responseCode = "400", description = E400, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "mine=true without a token (unauthorized)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<RouteJson.ApplicationSummary>> applications(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.of(uri, Set.of("state", "host", "holder", "mine", "after", "limit"));
        String mine = oneOf(parameters, "mine", Set.of("true", "false"));
        RouteQueries.ApplicationFilter filter = new RouteQueries.ApplicationFilter(
                oneOf(parameters, "state", names(ApplicationState.values())), host("host", parameters.get("host")),
                oneOf(parameters, "holder", HOLDERS), "true".equals(mine));
        RouteAudience reader = reader();
        if (filter.mine() && !reader.identified()) {
            throw new ProblemException(401, ProblemCodes.UNAUTHORIZED, "mine=true needs a bearer token with a role.");
        }
        PageRequest page = RouteQueries.APPLICATIONS.request(parameters.get("after"), parameters.get("limit"), filter.text());
        return route.applications(reader, filter, page);
    }

    @GET
    @Path("/applications/{id}")
    @PermitAll
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getApplication", summary = "One project application", description = "Its state, holder, Project Idea Note, participants, "
            + "documents per step and every review with its clock. Public once registered; before that for its audience.")
    @APIResponse(responseCode = "200", description = "The application")
    @APIResponse(responseCode = "404", description = "unknown_application (also when the token may not see it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RouteJson.ApplicationDetails> application(@RestPath String id, @Context UriInfo uri) {
        QueryParameters.of(uri, Set.of());
        return route.application(reader(), id).map(found -> found.orElseThrow(() -> new ProblemException(404,
                Rejection.UNKNOWN_APPLICATION.code(), "There is no application " + ClientText.quote(id)
                        + " that this token may see.")));
    }

    @GET
    @Path("/monitoring-cycles")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMonitoringCycles", summary = "Monitoring cycles", description = "By id, filtered by projectId, state and holder. Public. "
            + ReadApiDoc.PAGED)
    @APIResponse(responseCode = "200", description = "One page of monitoring cycles")
    @APIResponse(responseCode = "400", description = E400, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<RouteJson.CycleSummary>> cycles(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.of(uri, Set.of("projectId", "state", "holder", "after", "limit"));
        String project = parameters.get("projectId");
        if (project != null && !project.matches("[A-Z]{2}[0-9]{3,}")) {
            throw QueryParameters.invalid("projectId", "must be a project id such as MN001");
        }
        RouteQueries.CycleFilter filter = new RouteQueries.CycleFilter(project,
                oneOf(parameters, "state", names(MonitoringCycleState.values())), oneOf(parameters, "holder", HOLDERS));
        PageRequest page = RouteQueries.CYCLES.request(parameters.get("after"), parameters.get("limit"), filter.text());
        return route.cycles(filter, page);
    }

    @GET
    @Path("/monitoring-cycles/{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMonitoringCycle", summary = "One monitoring cycle", description = "Its period, quantities, verifier, issuance request, "
            + "decided and issued shares, documents and reviews. Public.")
    @APIResponse(responseCode = "200", description = "The monitoring cycle")
    @APIResponse(responseCode = "404", description = "unknown_monitoring_cycle", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RouteJson.CycleDetails> cycle(@RestPath String id, @Context UriInfo uri) {
        QueryParameters.of(uri, Set.of());
        return route.cycle(id).map(found -> found.orElseThrow(() -> new ProblemException(404,
                Rejection.UNKNOWN_MONITORING_CYCLE.code(), "There is no monitoring cycle " + ClientText.quote(id) + ".")));
    }

    @GET
    @Path("/statistics/review-times")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReviewTimes", summary = "Review times of the project cycle", description = "Per review step, host Party, year of "
            + "decision and financing kind (GOVERNMENT_FINANCED, PRIVATE and ALL): reviews decided, median and 90th "
            + "percentile days from submission to decision (1 decimal), and reviews submitted that year still open. "
            + "Filters: step, party, year, financing. Public (docs/project-cycle.md, \"Review times\").")
    @APIResponse(responseCode = "200", description = "The rows")
    @APIResponse(responseCode = "400", description = "invalid_query_parameter", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RouteJson.ReviewTimes> reviewTimes(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.of(uri, Set.of("step", "party", "year", "financing"));
        return reviewTimes.reviewTimes(oneOf(parameters, "step", STEPS), host("party", parameters.get("party")),
                year(parameters.get("year")), oneOf(parameters, "financing", FINANCING));
    }

    /** The reader as the route's audience rules see it: the token's role and that role's scope claim. */
    private RouteAudience reader() {
        return Side.of(token).map(side -> new RouteAudience(side.role(), side.scope())).orElse(RouteAudience.NOBODY);
    }

    private static String oneOf(QueryParameters parameters, String name, Set<String> allowed) {
        String value = parameters.get(name);
        if (value != null && !allowed.contains(value)) {
            throw QueryParameters.invalid(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private static String host(String name, String value) {
        if (value != null && !value.matches("[A-Z]{3}")) {
            throw QueryParameters.invalid(name, "must be an ISO 3166 alpha-3 code such as MNG");
        }
        return value;
    }

    private static Integer year(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{4}")) {
            throw QueryParameters.invalid("year", "must be a year such as 2026");
        }
        return Integer.valueOf(value);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Set.copyOf(List.of(values).stream().map(Enum::name).toList());
    }
}
