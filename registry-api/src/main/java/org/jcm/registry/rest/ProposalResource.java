package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.RejectProposal;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.ProposalId;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.ProposalRejectionRequest;
import org.jcm.registry.persistence.ProposalReads;
import org.jcm.registry.security.Actors;
import org.jcm.registry.security.Approvers;
import org.jcm.support.openapi.ProblemResponsesFilter;

/**
 * Decides a proposal of a four-eyes action: a second registry administrator or government official
 * of the proposer's scope approves it (the action executes in the same command) or rejects it; the
 * proposer may withdraw its own. Approving and rejecting another's proposal need the token claim
 * {@code "approver": true} ({@link Approvers}); the ledger checks role, scope and subject.
 */
@Path("/api/v1/proposals")
@Tag(name = "Proposals")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS)
public class ProposalResource {

    /** The longest reason a rejection or withdrawal takes. */
    static final int REASON_MAX = 500;

    private final Mutations mutations;
    private final ProposalReads proposals;
    private final JsonWebToken token;

    ProposalResource(Mutations mutations, ProposalReads proposals, JsonWebToken token) {
        this.mutations = mutations;
        this.proposals = proposals;
        this.token = token;
    }

    @POST
    @Path("/{proposalId}/approve")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveProposal", summary = "Approve a proposal (a second administrator or official, with \"approver\": true)",
            description = "No body. A registry administrator of the proposer's registry or a government official of the "
                    + "proposer's Party, another subject than the proposer, whose token carries \"approver\": true, approves "
                    + "before expiresAt. The action is decided again on the ledger of this moment with the approver as "
                    + "actor: accepted, the answer is ProposalApproved followed by the action's usual events, and id is the "
                    + "action's usual id (the issuance id, the account id, ...); refused, the answer is the action's "
                    + "rejection and the proposal stays pending. Refused: 403 not_an_approver (no claim), forbidden_scope "
                    + "(another registry, Party or role), approval_by_proposer (the proposer's subject); 404 "
                    + "proposal_not_found; 409 proposal_not_pending (already approved, rejected, withdrawn or expired) or "
                    + "proposal_expired (at or after expiresAt).")
    @APIResponse(responseCode = "201", description = "Approved and executed: ProposalApproved, then the action's events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> approve(@PathParam("proposalId") String proposalId,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Actor actor = Actors.of(token, Role.REGISTRY_ADMIN, Role.GOVERNMENT);
        Approvers.require(token, "approve a proposal");
        return mutations.execute("approve-proposal", key, Map.of("proposalId", proposalId), actor,
                () -> new ApproveProposal(Fields.parse("proposalId", proposalId, ProposalId::parse)), null);
    }

    @POST
    @Path("/{proposalId}/reject")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectProposal", summary = "Reject a proposal, or withdraw one's own",
            description = "Body {\"reason\": \"...\"} (1 to 500 characters). A second administrator or official of the "
                    + "proposer's scope with \"approver\": true rejects it (its outcome reads REJECTED); the proposer "
                    + "withdraws its own, without the claim (WITHDRAWN). Not at or after expiresAt. Event ProposalRejected. "
                    + "Refused: 403 not_an_approver (another's proposal, no claim), forbidden_scope; 404 proposal_not_found; "
                    + "409 proposal_not_pending or proposal_expired.")
    @APIResponse(responseCode = "201", description = "Ended without executing: ProposalRejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> reject(@PathParam("proposalId") String proposalId,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, ProposalRejectionRequest request) {
        Actor actor = Actors.of(token, Role.REGISTRY_ADMIN, Role.GOVERNMENT);
        ProposalRejectionRequest body = request == null ? new ProposalRejectionRequest(null) : request;
        ProposalId id = Fields.parse("proposalId", proposalId, ProposalId::parse);
        String reason = Fields.required("reason", body.reason());
        if (reason.length() > REASON_MAX) {
            throw Fields.invalid("reason", "at most " + REASON_MAX + " characters; it has " + reason.length());
        }
        RejectProposal command = Fields.shape(() -> new RejectProposal(id, reason));
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("proposalId", proposalId);
        hashed.put("reason", body.reason());
        if (Approvers.isApprover(token)) {
            return mutations.execute("reject-proposal", key, hashed, actor, () -> command, null);
        }
        // Without the claim only the proposer's own withdrawal goes on to the ledger.
        return proposals.one(id).chain(found -> {
            if (found.isEmpty() || !found.get().proposer().equals(actor)) {
                Approvers.require(token, "reject another's proposal");
            }
            return mutations.execute("reject-proposal", key, hashed, actor, () -> command, null);
        });
    }
}
