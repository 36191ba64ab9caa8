package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.jcm.ledger.command.RemoveTrustedAccount;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.state.TransferPolicy;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.TransferPolicyRequest;
import org.jcm.registry.api.TransferPolicyView;
import org.jcm.registry.api.TrustedAccountRequest;
import org.jcm.registry.api.TrustedAccountView;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.query.TransferControlQueries;
import org.jcm.registry.security.Actors;
import org.jcm.registry.security.Caller;
import org.jcm.registry.security.ReadAccess;
import org.jcm.registry.write.LedgerRulesConfig;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * An organization's transfer controls (docs/four-eyes.md): its transfer policy, set by an
 * administrator of its registry, and its trusted-account list, kept by its account holders. Reads
 * follow the organization's read rules (its holders, its registry's administrators and Party's
 * government, auditors, the operator). The class path is {@code /api/v1}, as for the other
 * resources under {@code /organizations} (RESTEasy Reactive picks one class per request by its
 * class path).
 */
@Path("/api/v1")
@Tag(name = "Transfer controls")
public class TransferPolicyResource {

    private static final String ORGANIZATIONS = "/organizations/{organizationId}";

    private final Mutations mutations;
    private final TransferControlQueries controls;
    private final TransferPolicy defaultPolicy;
    private final Clock clock;
    private final JsonWebToken token;

    TransferPolicyResource(Mutations mutations, TransferControlQueries controls, LedgerRulesConfig rules, Clock clock,
                           JsonWebToken token) {
        this.mutations = mutations;
        this.clock = clock;
        this.controls = controls;
        this.defaultPolicy = rules.ledgerConfig().defaultTransferPolicy();
        this.token = token;
    }

    @PUT
    @Path(ORGANIZATIONS + "/transfer-policy")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setTransferPolicy", summary = "Set an organization's transfer policy (registry administrator of its registry)", description =
            "The approval threshold (null for none), whether transfers to untrusted accounts need a second account "
            + "holder's approval, and their delay (PT0S to P365D). Applies to transfers initiated from then on. Event "
            + "TransferPolicySet.", extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS))
    @APIResponse(responseCode = "201", description = "Set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> setPolicy(@RestPath String organizationId, @Parameter(in = ParameterIn.HEADER,
            name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY) @HeaderParam(IdempotencyKeys.HEADER)
            String key, TransferPolicyRequest request) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("organizationId", organizationId);
        hashed.put("policy", request);
        return mutations.execute("set-transfer-policy", key, hashed, Actors.of(token, Role.REGISTRY_ADMIN),
                () -> Fields.required("body", request).toCommand(organizationId), null);
    }

    @GET
    @Path(ORGANIZATIONS + "/transfer-policy")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTransferPolicy", summary = "The transfer policy that applies to an organization", description = "Its own, as its registry's "
            + "administrator set it (source ORGANIZATION), or the ledger's configured default (source DEFAULT).",
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "The effective policy")
    @APIResponse(responseCode = "404", description = "No such organization (unknown_organization)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TransferPolicyView> policy(@RestPath String organizationId, @Context UriInfo uri) {
        Caller reader = reader();
        QueryParameters.of(uri, Set.of());
        return checked(reader, organizationId).chain(() -> controls.policy(organizationId))
                .map(own -> own.orElseGet(() -> new TransferPolicyView(organizationId,
                        defaultPolicy.approvalThreshold().orElse(null),
                        defaultPolicy.untrustedNeedsApproval(), defaultPolicy.untrustedDelay().toString(), "DEFAULT", null,
                        null)));
    }

    @POST
    @Path(ORGANIZATIONS + "/trusted-accounts")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addTrustedAccount", summary = "Add an account to the organization's trusted-account list (its account holder)", description =
            "The account is trusted from effectiveAt on: the addition's time plus jcm.ledger.trusted-account-delay (P7D). "
            + "Event TrustedAccountAdded.", extensions = @Extension(name = ProblemResponsesFilter.EXTENSION,
            value = ApiDoc.MUTATION_PROBLEMS))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> addTrusted(@RestPath String organizationId, @Parameter(in = ParameterIn.HEADER,
            name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY) @HeaderParam(IdempotencyKeys.HEADER)
            String key, TrustedAccountRequest request) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("organizationId", organizationId);
        hashed.put("account", request);
        return mutations.execute("add-trusted-account", key, hashed, Actors.of(token, Role.ACCOUNT_HOLDER),
                () -> Fields.required("body", request).toCommand(organizationId), null);
    }

    @DELETE
    @Path(ORGANIZATIONS + "/trusted-accounts/{accountId}")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "removeTrustedAccount", summary = "Remove an account from the organization's trusted-account list (its account holder)",
            description = "Immediate. Event TrustedAccountRemoved.", extensions = @Extension(
            name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS))
    @APIResponse(responseCode = "201", description = "Removed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> removeTrusted(@RestPath String organizationId, @RestPath String accountId,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("organizationId", organizationId);
        hashed.put("accountId", accountId);
        return mutations.execute("remove-trusted-account", key, hashed, Actors.of(token, Role.ACCOUNT_HOLDER), () -> {
            OrganizationId organization = Fields.parse("organizationId", organizationId, OrganizationId::parse);
            AccountId account = Fields.parse("accountId", accountId, AccountId::parse);
            return Fields.shape(() -> new RemoveTrustedAccount(organization, account));
        }, null);
    }

    @GET
    @Path(ORGANIZATIONS + "/trusted-accounts")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listTrustedAccounts", summary = "The organization's trusted-account list", description = "By account id, each with when it was "
            + "added, by whom, and from when it is trusted (status TRUSTED, or PENDING before effectiveAt, by the ledger's "
            + "clock).",
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "The list")
    @APIResponse(responseCode = "404", description = "No such organization (unknown_organization)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<TrustedAccountView>> trusted(@RestPath String organizationId, @Context UriInfo uri) {
        Caller reader = reader();
        QueryParameters.of(uri, Set.of());
        return checked(reader, organizationId).chain(() -> controls.trustedAccounts(organizationId, clock.instant()));
    }

    private Caller reader() {
        Caller reader = Caller.of(token);
        reader.requireAnyRole(ReadAccess.ORGANIZATION_ROLES);
        return reader;
    }

    /** Completes when the organization exists and the reader may read it; 404 or 403 otherwise. */
    private Uni<Void> checked(Caller reader, String organizationId) {
        return controls.organizationScope(organizationId).map(found -> {
            ReadAccess.checkOrganization(reader, found.orElseThrow(() -> new ProblemException(404,
                    Rejection.UNKNOWN_ORGANIZATION.code(), "There is no organization " + ClientText.quote(organizationId) + ".")));
            return null;
        });
    }
}
