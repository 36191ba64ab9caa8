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
import java.util.LinkedHashMap;
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
import org.jcm.ledger.command.ConsentParticipantChange;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.registry.api.ApplicationRequest;
import org.jcm.registry.api.DesignRequest;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.ParticipantChangeRequest;
import org.jcm.registry.api.ProjectIdeaRequest;
import org.jcm.registry.api.RegistrationDecisionRequest;
import org.jcm.registry.api.ReviewRequest;
import org.jcm.registry.api.WithdrawalRequest;
import org.jcm.registry.security.Actors;
import org.jcm.support.openapi.ProblemResponsesFilter;

/**
 * The application route (docs/project-cycle.md): from the Project Idea Note to the Joint
 * Committee's registration, one ledger command per endpoint. Who may act is the ledger's rule
 * (the applicant is the representative participant or its proxy, the reviewers are the host
 * governments, an accredited third-party entity and the JC secretariat of the first host); this
 * resource maps the token to the role's actor and cited documents to their stored references
 * ({@link Citations}).
 */
@Path("/api/v1")
@Tag(name = "Project cycle")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS)
public class ApplicationResource {

    private static final String APPLICATIONS = "/api/v1/applications/";

    private final Mutations mutations;
    private final Citations citations;
    private final JsonWebToken token;

    ApplicationResource(Mutations mutations, Citations citations, JsonWebToken token) {
        this.mutations = mutations;
        this.citations = citations;
        this.token = token;
    }

    @POST
    @Path("/applications")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitApplication", summary = "Submit a Project Idea Note (account holder of the representative or the proxy)", description = "A "
            + "new application, numbered by the ledger (AP00000001, ...). Refused with forbidden_role, unknown_party, "
            + "unknown_organization, unknown_methodology, not_the_applicant, methodology_not_of_host, scope_not_in_agreement, "
            + "methodology_not_approved, missing_document (no PIN), host_not_jcm_partner, unknown_document (a cited hash "
            + "never uploaded). Event ApplicationSubmitted.")
    @APIResponse(responseCode = "201", description = "Submitted; id is the application id, Location /api/v1/applications/{id}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> submit(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, ApplicationRequest request) {
        ApplicationRequest body = Fields.required("body", request);
        return citations.execute("submit-application", key, body, Actors.of(token, Role.ACCOUNT_HOLDER), body.documents(),
                body::toCommand, APPLICATIONS);
    }

    @POST
    @Path("/applications/{id}/project-idea")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resubmitProjectIdea", summary = "Resubmit a returned Project Idea Note (applicant)", description = "Refused as the submission, and "
            + "with unknown_application, application_wrong_step (not PIN_RETURNED). Event ProjectIdeaResubmitted.")
    @APIResponse(responseCode = "201", description = "Resubmitted; id is the application id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> resubmit(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, ProjectIdeaRequest request) {
        ProjectIdeaRequest body = Fields.required("body", request);
        return citations.execute("resubmit-project-idea", key, hashed(id, body), Actors.of(token, Role.ACCOUNT_HOLDER),
                body.documents(), refs -> body.toCommand(id, refs), null);
    }

    @POST
    @Path("/applications/{id}/project-idea-review")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewProjectIdea", summary = "Confirm, return or reject the Project Idea Note (government of a host Party)", description = "The "
            + "application is PIN_CONFIRMED once every host confirmed. Refused with forbidden_role, unknown_application, "
            + "not_the_reviewer (not a host), reasons_required, application_wrong_step, unknown_document. Event "
            + "ApplicationReviewed (step PROJECT_IDEA).")
    @APIResponse(responseCode = "201", description = "Reviewed; id is the application id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> reviewProjectIdea(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, ReviewRequest request) {
        ReviewRequest body = Fields.required("body", request);
        return citations.execute("review-project-idea", key, hashed(id, body), Actors.of(token, Role.GOVERNMENT),
                body.documents(), refs -> body.toProjectIdeaReview(id, refs), null);
    }

    @POST
    @Path("/applications/{id}/design")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitDesign", summary = "Submit the project design document for validation (applicant)", description = "After the "
            + "confirmation or a return. Refused with forbidden_role, unknown_application, not_the_applicant, missing_document "
            + "(no PDD), application_wrong_step, unknown_document. Event DesignSubmitted.")
    @APIResponse(responseCode = "201", description = "Submitted; id is the application id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> design(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, DesignRequest request) {
        DesignRequest body = Fields.required("body", request);
        return citations.execute("submit-design", key, hashed(id, body), Actors.of(token, Role.ACCOUNT_HOLDER),
                body.documents(), refs -> body.toCommand(id, refs), null);
    }

    @POST
    @Path("/applications/{id}/validation")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "validateDesign", summary = "File the validation (third-party entity)", description = "Active and accredited for the "
            + "methodology's scope in every host. Refused with forbidden_role, unknown_third_party_entity, unknown_application, "
            + "tpe_not_accredited, reasons_required, missing_document (no VALIDATION_REPORT with ACCEPT), "
            + "application_wrong_step, unknown_document. Event ApplicationReviewed (step VALIDATION).")
    @APIResponse(responseCode = "201", description = "Filed; id is the application id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> validate(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, ReviewRequest request) {
        ReviewRequest body = Fields.required("body", request);
        return citations.execute("validate-design", key, hashed(id, body), Actors.of(token, Role.THIRD_PARTY_ENTITY),
                body.documents(), refs -> body.toValidation(id, refs), null);
    }

    @POST
    @Path("/applications/{id}/registration-decision")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideRegistration", summary = "Record the Joint Committee's registration decision (JC secretariat of the first host)", description =
            "ACCEPT registers the project with the next id of the first host. Refused with forbidden_role, unknown_application, "
            + "unknown_registry, not_the_reviewer, reasons_required, project_numbering_exhausted, application_wrong_step, "
            + "unknown_document. Events ApplicationReviewed (step REGISTRATION), and ProjectRegistered with ACCEPT.")
    @APIResponse(responseCode = "201", description = "Recorded; id is the application id (the project id is in ProjectRegistered)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> decideRegistration(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, RegistrationDecisionRequest request) {
        RegistrationDecisionRequest body = Fields.required("body", request);
        return citations.execute("decide-registration", key, hashed(id, body), Actors.of(token, Role.JC_SECRETARIAT),
                body.documents(), refs -> body.toCommand(id, refs), null);
    }

    @POST
    @Path("/applications/{id}/withdrawal")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawApplication", summary = "Withdraw the application (applicant)", description = "Before registration. Refused with "
            + "forbidden_role, unknown_application, not_the_applicant, application_wrong_step. Event ApplicationWithdrawn.")
    @APIResponse(responseCode = "201", description = "Withdrawn; id is the application id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> withdraw(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, WithdrawalRequest request) {
        WithdrawalRequest body = request != null ? request : new WithdrawalRequest(null);
        return mutations.execute("withdraw-application", key, hashed(id, body), Actors.of(token, Role.ACCOUNT_HOLDER),
                () -> body.toCommand(id), null);
    }

    @POST
    @Path("/applications/{id}/participant-changes")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeParticipants", summary = "Change the participants (applicant)", description = "Applied at once when the representative asks "
            + "(event ParticipantsChanged); pending the representative's consent when the proxy asks (event "
            + "ParticipantChangeProposed). Refused with forbidden_role, unknown_organization, unknown_application, "
            + "not_the_applicant, application_wrong_step.")
    @APIResponse(responseCode = "201", description = "Changed or proposed; id is the application id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> changeParticipants(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, ParticipantChangeRequest request) {
        ParticipantChangeRequest body = Fields.required("body", request);
        return mutations.execute("change-participants", key, hashed(id, body), Actors.of(token, Role.ACCOUNT_HOLDER),
                () -> body.toCommand(id), null);
    }

    @POST
    @Path("/applications/{id}/participant-changes/consent")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "consentToParticipantChange", summary = "Consent to the proxy's participant change (account holder of the representative)", description =
            "No body (an empty JSON object is accepted and ignored). Refused with forbidden_role, unknown_application, "
            + "consent_required (anyone but the representative, the proxy included), application_wrong_step (nothing "
            + "pending). Event ParticipantsChanged.")
    @APIResponse(responseCode = "201", description = "Applied; id is the application id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> consent(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return mutations.execute("consent-participant-change", key, Map.of("id", id), Actors.of(token, Role.ACCOUNT_HOLDER),
                () -> new ConsentParticipantChange(Fields.parse("id", id, ApplicationId::parse)), null);
    }

    /** What identifies a request on an application: the path's id and the body. */
    static Map<String, Object> hashed(String id, Object body) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("id", id);
        hashed.put("body", body);
        return hashed;
    }
}
