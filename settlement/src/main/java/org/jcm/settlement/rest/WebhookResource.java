package org.jcm.settlement.rest;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.webhook.DeliveryView;
import org.jcm.settlement.webhook.EndpointView;
import org.jcm.settlement.webhook.Owner;
import org.jcm.settlement.webhook.OwnerKind;
import org.jcm.settlement.webhook.WebhookRequest;
import org.jcm.settlement.webhook.Webhooks;
import org.jcm.support.openapi.ProblemResponsesFilter;

/**
 * Webhook endpoints of the caller's organization (an account holder, claim {@code org}) or venue
 * (an exchange, claim {@code venue}): docs/webhooks.md. Every call acts on the caller's own
 * endpoints only; another owner's endpoint is answered as unknown. Blocking JDBC, so these run on
 * worker threads.
 */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.WEBHOOK_PROBLEMS)
@RolesAllowed({WebhookResource.ACCOUNT_HOLDER, WebhookResource.EXCHANGE})
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final String ACCOUNT_HOLDER = "account-holder";
    static final String EXCHANGE = "exchange";

    private final Webhooks webhooks;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    WebhookResource(Webhooks webhooks, SecurityIdentity identity, JsonWebToken token) {
        this.webhooks = webhooks;
        this.identity = identity;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerWebhook", summary = "Register an https endpoint for events of the caller's organization or venue; the answer shows its secret once")
    @APIResponse(responseCode = "201", description = "Registered; the answer shows the signing secret this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "400", description = SettlementApiDoc.E400 + "; a URL that is not https, does not resolve "
            + "or resolves to an address the settings do not allow (webhook_url_refused)")
    @APIResponse(responseCode = "409", description = "The owner has the most live endpoints allowed (too_many_webhooks)")
    @APIResponse(responseCode = "413", description = SettlementApiDoc.E413)
    @APIResponse(responseCode = "415", description = SettlementApiDoc.E415)
    public Response register(WebhookRequest request) {
        EndpointView created = webhooks.register(owner(), request, identity.getPrincipal().getName());
        return Response.status(201).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The caller's organization's or venue's webhook endpoints (without secrets)")
    public List<EndpointView> list() {
        return webhooks.list(owner());
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.WEBHOOK_BY_ID_PROBLEMS)
    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook endpoint of the caller's organization or venue (without its secret)")
    public EndpointView get(@PathParam("id") String id) {
        return webhooks.get(owner(), id);
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.WEBHOOK_BY_ID_PROBLEMS)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint: nothing more is written for it or sent to it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(owner(), id, identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.WEBHOOK_BY_ID_PROBLEMS)
    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret, shown once; the previous one keeps signing beside it for a while")
    public EndpointView rotate(@PathParam("id") String id) {
        return webhooks.rotate(owner(), id);
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.WEBHOOK_BY_ID_PROBLEMS)
    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The endpoint's delivery log, oldest first, with every attempt")
    public DeliveryView.Page deliveries(@PathParam("id") String id, @QueryParam("after") String after,
                                        @QueryParam("limit") String limit) {
        return webhooks.deliveries(owner(), id, after(after), limit(limit));
    }

    private static long after(String text) {
        if (text == null) {
            return 0;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && text.equals(Long.toString(value))) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw QueryParams.invalid("after", "must be a delivery id from an earlier page's next (a non-negative decimal number)");
    }

    private static int limit(String text) {
        if (text == null) {
            return Webhooks.MAX_PAGE;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= Webhooks.MAX_PAGE && text.equals(Integer.toString(value))) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw QueryParams.invalid("limit", "must be a whole number from 1 to " + Webhooks.MAX_PAGE);
    }

    /** The caller's organization or venue, from the scope claim of its role. */
    private Owner owner() {
        boolean exchange = identity.hasRole(EXCHANGE);
        Object claim = token.getClaim(exchange ? "venue" : "org");
        if (!(claim instanceof String scope) || scope.isBlank()) {
            throw new ForbiddenException();
        }
        return new Owner(exchange ? OwnerKind.VENUE : OwnerKind.ORGANIZATION, scope);
    }
}
