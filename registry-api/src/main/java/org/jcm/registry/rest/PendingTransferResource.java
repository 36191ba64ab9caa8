package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ApprovePendingTransfer;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.state.PendingTransferStatus;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.PendingTransferCancellation;
import org.jcm.registry.api.PendingTransferView;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.query.TransferControlQueries;
import org.jcm.registry.security.Actors;
import org.jcm.registry.security.Approvers;
import org.jcm.registry.security.Caller;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * Pending transfers (docs/four-eyes.md): transfers the organization's transfer policy held back for a
 * second account holder's approval or a delay. A second holder of the organization with the
 * {@code approver} claim approves; the initiator, or another holder with the claim, cancels. Read by
 * the organization's holders (their own), its registry's administrators, auditors and the operator.
 */
@Path("/api/v1/pending-transfers")
@Tag(name = "Transfer controls")
public class PendingTransferResource {

    /** Where a pending transfer is read: the Location of a transfer's answer that pended it. */
    static final String LOCATION = "/api/v1/pending-transfers/";
    private static final Set<Role> READERS = EnumSet.of(Role.ACCOUNT_HOLDER, Role.REGISTRY_ADMIN, Role.AUDITOR, Role.OPERATOR);
    private static final Set<String> LIST_PARAMETERS = Set.of("after", "limit", "status", "accountId");

    private final Mutations mutations;
    private final TransferControlQueries controls;
    private final JsonWebToken token;

    PendingTransferResource(Mutations mutations, TransferControlQueries controls, JsonWebToken token) {
        this.mutations = mutations;
        this.controls = controls;
        this.token = token;
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPendingTransfers", summary = "Pending transfers the reader may see, by id", description = "An account holder sees its "
            + "organization's, a registry administrator its registry's (by source account), auditors and the operator all. "
            + "?status=AWAITING_APPROVAL|SCHEDULED|EXECUTED|CANCELLED|EXPIRED, ?accountId= (source or destination). "
            + ReadApiDoc.PAGED, extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "One page of pending transfers")
    @APIResponse(responseCode = "400", description = ReadApiDoc.E400_LIST, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<PendingTransferView>> list(@Context UriInfo uri) {
        Caller reader = reader();
        QueryParameters parameters = QueryParameters.of(uri, LIST_PARAMETERS);
        String status = parameters.get("status");
        if (status != null && !validStatus(status)) {
            throw QueryParameters.invalid("status", "status must be one of AWAITING_APPROVAL, SCHEDULED, EXECUTED, CANCELLED,"
                    + " EXPIRED.");
        }
        String accountId = parameters.get("accountId");
        String organization = reader.has(Role.AUDITOR) || reader.has(Role.OPERATOR) || reader.has(Role.REGISTRY_ADMIN) ? null
                : reader.organization().orElseThrow(() -> scopeless("org"));
        String registry = reader.has(Role.AUDITOR) || reader.has(Role.OPERATOR) || !reader.has(Role.REGISTRY_ADMIN) ? null
                : reader.registry().orElseThrow(() -> scopeless("registry"));
        String listScope = organization + "|" + registry + "|" + status + "|" + accountId;
        PageRequest page = TransferControlQueries.PENDING_TRANSFERS.request(parameters.get("after"), parameters.get("limit"),
                listScope);
        return controls.pendingTransfers(organization, registry, status, accountId, page);
    }

    @GET
    @Path("{pendingTransferId}")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPendingTransfer", summary = "A pending transfer", description = "What is pending, who initiated it and when, when it executes "
            + "or expires, whether it needs approval and who may give it, and how it ended.",
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "The pending transfer")
    @APIResponse(responseCode = "404", description = "No such pending transfer (proposal_not_found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PendingTransferView> get(@RestPath String pendingTransferId, @Context UriInfo uri) {
        Caller reader = reader();
        QueryParameters.of(uri, Set.of());
        return controls.pendingTransfer(pendingTransferId).map(found -> {
            PendingTransferView pending = found.orElseThrow(() -> notFound(pendingTransferId));
            if (!sees(reader, pending)) {
                throw new ProblemException(403, Rejection.FORBIDDEN_SCOPE.code(), "The token's organization or registry does not "
                        + "cover pending transfer " + ClientText.quote(pendingTransferId) + ".");
            }
            return pending;
        });
    }

    @POST
    @Path("{pendingTransferId}/approve")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approvePendingTransfer", summary = "Approve a pending transfer (a second account holder of the organization, claim approver: true)",
            description = "No body. Another subject than the initiator. Executes it at once if no delay applies now (events "
            + "PendingTransferApproved, PendingTransferExecuted), else schedules it (PendingTransferApproved with executeAt).",
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS))
    @APIResponse(responseCode = "201", description = "Approved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> approve(@RestPath String pendingTransferId, @Parameter(in = ParameterIn.HEADER,
            name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY) @HeaderParam(IdempotencyKeys.HEADER)
            String key) {
        Actor actor = Actors.of(token, Role.ACCOUNT_HOLDER);
        Approvers.require(token, "approve a pending transfer");
        return mutations.execute("approve-pending-transfer", key, Map.of("pendingTransferId", pendingTransferId), actor, () ->
                new ApprovePendingTransfer(Fields.parse("pendingTransferId", pendingTransferId, PendingTransferId::parse)),
                null);
    }

    @POST
    @Path("{pendingTransferId}/cancel")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelPendingTransfer", summary = "Cancel a pending transfer (its initiator, or another account holder of the organization with "
            + "the claim approver: true)", description = "Before it executes, also during its delay. Its reserved units are "
            + "free again. Event PendingTransferCancelled.",
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS))
    @APIResponse(responseCode = "201", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> cancel(@RestPath String pendingTransferId, @Parameter(in = ParameterIn.HEADER,
            name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY) @HeaderParam(IdempotencyKeys.HEADER)
            String key, PendingTransferCancellation request) {
        Actor actor = Actors.of(token, Role.ACCOUNT_HOLDER);
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("pendingTransferId", pendingTransferId);
        hashed.put("cancellation", request);
        // Only the initiator cancels without the approver claim: anyone else stops another's transfer.
        return controls.pendingTransfer(pendingTransferId).chain(found -> {
            if (found.isPresent() && !found.get().initiator().equals(actor.subject())) {
                Approvers.require(token, "cancel another holder's pending transfer");
            }
            return mutations.execute("cancel-pending-transfer", key, hashed, actor,
                    () -> Fields.required("body", request).toCommand(pendingTransferId), null);
        });
    }

    /** The answer of a transfer with {@code Location: /api/v1/pending-transfers/{id}} when the policy pended it. */
    static Response located(Response response) {
        if (response.getStatus() == 201 && response.getEntity() instanceof MutationResponse body && body.id() != null
                && body.id().startsWith("PT") && response.getLocation() == null) {
            return Response.fromResponse(response).location(java.net.URI.create(LOCATION + body.id())).build();
        }
        return response;
    }

    private Caller reader() {
        Caller reader = Caller.of(token);
        reader.requireAnyRole(READERS);
        return reader;
    }

    private static boolean sees(Caller reader, PendingTransferView pending) {
        return reader.has(Role.AUDITOR) || reader.has(Role.OPERATOR) || reader.administers(pending.registryId())
                || reader.actsFor(pending.organizationId());
    }

    private static boolean validStatus(String status) {
        for (PendingTransferStatus s : PendingTransferStatus.values()) {
            if (s.name().equals(status)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException scopeless(String claim) {
        return new ProblemException(403, Rejection.FORBIDDEN_SCOPE.code(), "The token must carry the '" + claim + "' claim.");
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(404, Rejection.PROPOSAL_NOT_FOUND.code(), "There is no pending transfer "
                + ClientText.quote(id) + ".");
    }
}
