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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.command.Role;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.security.Actors;
import org.jcm.registry.api.CancellationRequest;
import org.jcm.registry.api.RetirementRequest;
import org.jcm.registry.api.TransferBatchRequest;
import org.jcm.registry.api.TransferBatchResponse;
import org.jcm.registry.api.TransferRequest;
import org.jcm.support.openapi.ProblemResponsesFilter;

/** Moving credits: transfers (single and batched), cancellations and retirements (account holder of the source). */
@Path("/api/v1")
@Tag(name = "Transfers, cancellations and retirements")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS)
public class CreditResource {

    private final Mutations mutations;
    private final TransferBatches batches;
    private final JsonWebToken token;

    CreditResource(Mutations mutations, TransferBatches batches, JsonWebToken token) {
        this.mutations = mutations;
        this.batches = batches;
        this.token = token;
    }

    @POST
    @Path("/transfers")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transfer", summary = "Transfer units (account holder of the source account)", description = "Moves units between "
            + "holding accounts, inside a registry or to another hosted registry. Units are the named serialRanges, or "
            + "the first units in selection order (vintage, project, first unit) matching the filter; a partly used "
            + "block gives its low end. Events CreditsTransferred, then FirstTransferRecorded where Article 6.2 says so.")
    @APIResponse(responseCode = "201", description = "Transferred; blocks are the units now in the destination",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class),
                    examples = @ExampleObject(name = "transferred", value = "{\"events\":[{\"seq\":7,\"type\":"
                            + "\"CreditsTransferred\",\"at\":\"2025-04-01T09:30:00.000Z\",\"blocks\":[{\"serial\":"
                            + "\"JCM-MN001-2024-1001-1250\",\"accountId\":\"JPN01-H00002\",\"quantity\":250,\"firstItmoId\":"
                            + "\"CA0001-MNG01-MNG-1001-2024\",\"lastItmoId\":\"CA0001-MNG01-MNG-1250-2024\"}]}]}")))
    public Uni<Response> transfer(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, TransferRequest request) {
        return mutations.execute(TransferBatches.TRANSFER, key, request, Actors.of(token, Role.ACCOUNT_HOLDER),
                request::toCommand, null).map(PendingTransferResource::located);
    }

    @POST
    @Path("/transfer-batches")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transferBatch", summary = "Transfer in bulk (account holder)", description = "1 to 1,000 transfers applied in order in one "
            + "ledger batch. Each item carries its own idempotencyKey and gets its own outcome, exactly what POST "
            + "/transfers would have answered for it; a refused item does not undo the others. The header "
            + "Idempotency-Key guards the batch as a whole. Item keys and batch keys share one namespace per token subject.")
    @APIResponse(responseCode = "200", description = "Each item's outcome, in request order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferBatchResponse.class),
                    examples = @ExampleObject(name = "mixed", value = "{\"items\":[{\"idempotencyKey\":\"leg-1\",\"status\":201,"
                            + "\"result\":{\"events\":[{\"seq\":8,\"type\":\"CreditsTransferred\",\"at\":"
                            + "\"2025-04-01T09:30:00.000Z\",\"blocks\":[{\"serial\":\"JCM-MN001-2024-1251-1260\",\"accountId\":"
                            + "\"JPN01-H00002\",\"quantity\":10}]}]}},{\"idempotencyKey\":\"leg-2\",\"status\":409,\"problem\":"
                            + "{\"type\":\"urn:jcm:problem:insufficient_units\",\"title\":\"Conflict\",\"status\":409,\"detail\":"
                            + "\"...\",\"code\":\"insufficient_units\"}}]}")))
    public Uni<Response> transferBatch(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, TransferBatchRequest request) {
        return batches.execute(key, request, Actors.of(token, Role.ACCOUNT_HOLDER));
    }

    @POST
    @Path("/cancellations")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelUnits", summary = "Cancel units (account holder; registry administrator for CORRECTION)", description = "Moves "
            + "units to the registry's cancellation account, for good. Events CreditsCancelled, then FirstTransferRecorded "
            + "for OIMP units first transferred at use or cancellation." + ApiDoc.FOUR_EYES)
    @APIResponse(responseCode = "201", description = "Accepted and committed: the events appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> cancel(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, CancellationRequest request) {
        return mutations.propose("cancel", key, request, Actors.of(token, Role.ACCOUNT_HOLDER, Role.REGISTRY_ADMIN),
                request::toCommand, null);
    }

    @POST
    @Path("/retirements")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "retireUnits", summary = "Retire units (account holder)", description = "Moves units to the registry's retirement account "
            + "so that they count towards a target; NDC use names the using Party and the year of use. Events "
            + "CreditsRetired, then FirstTransferRecorded where it applies.")
    @APIResponse(responseCode = "201", description = "Accepted and committed: the events appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> retire(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, RetirementRequest request) {
        return mutations.execute("retire", key, request, Actors.of(token, Role.ACCOUNT_HOLDER), request::toCommand, null);
    }
}
