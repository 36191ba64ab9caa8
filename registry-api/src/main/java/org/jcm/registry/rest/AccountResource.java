package org.jcm.registry.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.PathParam;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.CloseAccount;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.UnfreezeAccount;
import org.jcm.ledger.id.AccountId;
import org.jcm.registry.api.AccountRequest;
import org.jcm.registry.api.AccountStatusRequest;
import org.jcm.registry.api.Fields;
import org.jcm.support.openapi.ProblemResponsesFilter;

/** Accounts: open a holding account, freeze, unfreeze and close (registry administrator). */
@Path("/api/v1/accounts")
@Tag(name = "Accounts")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS)
public class AccountResource {

    private final Mutations mutations;
    private final JsonWebToken token;
    private final ObjectMapper json;

    AccountResource(Mutations mutations, JsonWebToken token, ObjectMapper json) {
        this.mutations = mutations;
        this.token = token;
        this.json = json;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openAccount", summary = "Open a holding account (registry administrator)", description = "Opens a holding account for an "
            + "organization of the administrator's registry; the ledger assigns its id ({registryId}-H00001, ...). "
            + "Event AccountOpened.")
    @APIResponse(responseCode = "201", description = "Opened; id is the account id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class),
                    examples = @ExampleObject(name = "opened", value = "{\"id\":\"JPN01-H00002\",\"events\":[{\"seq\":57,"
                            + "\"type\":\"AccountOpened\",\"at\":\"2025-04-01T09:30:00.000Z\",\"blocks\":[]}]}")))
    public Uni<Response> open(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, AccountRequest request) {
        return mutations.execute("open-account", key, request, Actors.of(token, Role.REGISTRY_ADMIN), request::toCommand,
                "/api/v1/accounts/");
    }

    @POST
    @Path("/{accountId}/freeze")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "freezeAccount", summary = "Freeze a holding account (registry administrator)", description = "A frozen account can receive "
            + "units but not send them. The body is optional: {\"reason\": \"...\"}. Event AccountFrozen." + ApiDoc.FOUR_EYES)
    @APIResponse(responseCode = "201", description = "Accepted and committed: the events appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> freeze(@PathParam("accountId") String accountId, @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountStatusRequest.class))) byte[] body) throws IOException {
        AccountStatusRequest request = optionalBody(body);
        return status("freeze-account", key, accountId, request, id -> new FreezeAccount(id, Optional.ofNullable(request.reason())));
    }

    @POST
    @Path("/{accountId}/unfreeze")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "unfreezeAccount", summary = "Unfreeze a holding account (registry administrator)", description = "The body is optional: "
            + "{\"reason\": \"...\"}. Event AccountUnfrozen." + ApiDoc.FOUR_EYES)
    @APIResponse(responseCode = "201", description = "Accepted and committed: the events appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> unfreeze(@PathParam("accountId") String accountId, @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountStatusRequest.class))) byte[] body) throws IOException {
        AccountStatusRequest request = optionalBody(body);
        return status("unfreeze-account", key, accountId, request,
                id -> new UnfreezeAccount(id, Optional.ofNullable(request.reason())));
    }

    @POST
    @Path("/{accountId}/close")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeAccount", summary = "Close an empty holding account for good (registry administrator)", description = "Administrator of "
            + "the account's registry. The account must hold no units (account_not_empty); once closed it neither sends "
            + "nor receives units (transfers, issuances and pending transfers to it are 409 account_closed) and cannot be "
            + "reopened. Not four eyes: nothing of value moves. The organization's account holders ask their registry "
            + "to close it. The body is optional: {\"reason\": \"...\"}. Event AccountClosed.")
    @APIResponse(responseCode = "201", description = "Accepted and committed: the events appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class),
                    examples = @ExampleObject(name = "closed", value = "{\"events\":[{\"seq\":90,"
                            + "\"type\":\"AccountClosed\",\"at\":\"2025-04-01T09:30:00.000Z\",\"blocks\":[]}]}")))
    public Uni<Response> close(@PathParam("accountId") String accountId, @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountStatusRequest.class))) byte[] body) throws IOException {
        AccountStatusRequest request = optionalBody(body);
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("accountId", accountId);
        hashed.put("reason", request.reason());
        return mutations.execute("close-account", key, hashed, Actors.of(token, Role.REGISTRY_ADMIN), () -> {
            AccountId id = Fields.parse("accountId", accountId, AccountId::parse);
            return Fields.shape(() -> new CloseAccount(id, Optional.ofNullable(request.reason())));
        }, "/api/v1/accounts/");
    }

    private Uni<Response> status(String operation, String key, String accountId, AccountStatusRequest request,
                                 java.util.function.Function<AccountId, Command> command) {
        var actor = Actors.of(token, Role.REGISTRY_ADMIN);
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("accountId", accountId);
        hashed.put("reason", request.reason());
        return mutations.propose(operation, key, hashed, actor, () -> {
            AccountId id = Fields.parse("accountId", accountId, AccountId::parse);
            return Fields.shape(() -> command.apply(id));
        }, "/api/v1/accounts/");
    }

    /**
     * The optional body; none, empty or JSON {@code null} is a freeze without a reason. Bad JSON fails
     * with Jackson's exception, which the problem mappers answer.
     */
    private AccountStatusRequest optionalBody(byte[] body) throws IOException {
        AccountStatusRequest request = body == null || body.length == 0 ? null : json.readValue(body, AccountStatusRequest.class);
        return request == null ? new AccountStatusRequest(null) : request;
    }
}
