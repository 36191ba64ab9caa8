package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.command.RequestCycleIssuance;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.registry.api.CycleIssuanceDecisionRequest;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.MonitoringReportRequest;
import org.jcm.registry.api.MonitoringResubmissionRequest;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.VerificationRequest;
import org.jcm.registry.security.Actors;
import org.jcm.support.openapi.ProblemResponsesFilter;

/**
 * Monitoring cycles of projects registered on the application route (docs/project-cycle.md): the
 * applicant's monitoring report per period, a third-party entity's verification, the applicant's
 * issuance request and the Joint Committee's issuance decision, recorded by the JC secretariat of
 * the first host. The issuance itself stays {@code POST /api/v1/issuances} (registry
 * administrators, four eyes), citing the request and issuing exactly a decided share.
 */
@Path("/api/v1")
@Tag(name = "Project cycle")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS)
public class MonitoringCycleResource {

    private static final String CYCLES = "/api/v1/monitoring-cycles/";

    private final Mutations mutations;
    private final Citations citations;
    private final JsonWebToken token;

    MonitoringCycleResource(Mutations mutations, Citations citations, JsonWebToken token) {
        this.mutations = mutations;
        this.citations = citations;
        this.token = token;
    }

    @POST
    @Path("/monitoring-cycles")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitMonitoringReport", summary = "Submit a monitoring report (applicant of the project's application)", description = "A new "
            + "monitoring cycle, numbered by the ledger (MC00000001, ...), for a period of any length the methodology allows. "
            + "Refused with forbidden_role, unknown_project, unknown_application (a project registered before the route), "
            + "not_the_applicant, missing_document (no MONITORING_REPORT), monitoring_period_too_long, "
            + "invalid_monitoring_period, monitoring_period_overlap, unknown_document. Event MonitoringReportSubmitted.")
    @APIResponse(responseCode = "201", description = "Submitted; id is the monitoring cycle id, Location "
            + "/api/v1/monitoring-cycles/{id}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> submit(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, MonitoringReportRequest request) {
        MonitoringReportRequest body = Fields.required("body", request);
        return citations.execute("submit-monitoring-report", key, body, Actors.of(token, Role.ACCOUNT_HOLDER),
                body.documents(), body::toCommand, CYCLES);
    }

    @POST
    @Path("/monitoring-cycles/{id}/report")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resubmitMonitoringReport", summary = "Resubmit a returned monitoring report (applicant)", description = "Refused as the submission, and "
            + "with unknown_monitoring_cycle, application_wrong_step (not REPORT_RETURNED). Event MonitoringReportSubmitted.")
    @APIResponse(responseCode = "201", description = "Resubmitted; id is the monitoring cycle id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> resubmit(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, MonitoringResubmissionRequest request) {
        MonitoringResubmissionRequest body = Fields.required("body", request);
        return citations.execute("resubmit-monitoring-report", key, ApplicationResource.hashed(id, body),
                Actors.of(token, Role.ACCOUNT_HOLDER), body.documents(), refs -> body.toCommand(id, refs), null);
    }

    @POST
    @Path("/monitoring-cycles/{id}/verification")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyMonitoringReport", summary = "File the verification (third-party entity)", description = "Active, accredited for the "
            + "methodology's scope in every host, and not the project's validator unless the methodology allows it. Refused "
            + "with forbidden_role, unknown_third_party_entity, unknown_monitoring_cycle, tpe_not_accredited, "
            + "same_tpe_for_validation_and_verification, reasons_required, missing_document (no VERIFICATION_REPORT with "
            + "ACCEPT), verified_exceeds_claimed, application_wrong_step, unknown_document. Event MonitoringReportReviewed.")
    @APIResponse(responseCode = "201", description = "Filed; id is the monitoring cycle id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> verify(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, VerificationRequest request) {
        VerificationRequest body = Fields.required("body", request);
        return citations.execute("verify-monitoring-report", key, ApplicationResource.hashed(id, body),
                Actors.of(token, Role.THIRD_PARTY_ENTITY), body.documents(), refs -> body.toCommand(id, refs), null);
    }

    @POST
    @Path("/monitoring-cycles/{id}/issuance-request")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestIssuance", summary = "Request issuance for a verified cycle (applicant)", description = "No body (an empty JSON object is "
            + "accepted and ignored). The request cites the cycle, its period and verified quantity. Refused with "
            + "forbidden_role, unknown_monitoring_cycle, not_the_applicant, application_wrong_step (not VERIFIED). Event "
            + "IssuanceRequested.")
    @APIResponse(responseCode = "201", description = "Requested; id is the issuance request id (IR...)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> requestIssuance(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return mutations.execute("request-cycle-issuance", key, Map.of("id", id), Actors.of(token, Role.ACCOUNT_HOLDER),
                () -> new RequestCycleIssuance(Fields.parse("id", id, MonitoringCycleId::parse)), null);
    }

    @POST
    @Path("/monitoring-cycles/{id}/issuance-decision")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideIssuance", summary = "Record the Joint Committee's issuance decision (JC secretariat of the first host)", description =
            "ACCEPT gives the shares each registry then issues with POST /api/v1/issuances (four eyes), exactly as decided. "
            + "Refused with forbidden_role, unknown_registry, unknown_account, unknown_monitoring_cycle, not_the_reviewer, "
            + "reasons_required, not_holding_account, invalid_monitoring_period, invalid_allocation, "
            + "allocation_outside_issuing_registry, verified_quantity_exceeded, japan_share_below_financing, "
            + "registry_not_eligible, application_wrong_step (not ISSUANCE_REQUESTED), unknown_document. Event IssuanceDecided.")
    @APIResponse(responseCode = "201", description = "Recorded; id is the monitoring cycle id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> decideIssuance(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, CycleIssuanceDecisionRequest request) {
        CycleIssuanceDecisionRequest body = Fields.required("body", request);
        return citations.execute("decide-cycle-issuance", key, ApplicationResource.hashed(id, body),
                Actors.of(token, Role.JC_SECRETARIAT), body.documents(), refs -> body.toCommand(id, refs), null);
    }
}
