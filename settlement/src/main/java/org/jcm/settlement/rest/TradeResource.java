package org.jcm.settlement.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.settlement.api.RegisterTradeRequest;
import org.jcm.settlement.api.TradeListPage;
import org.jcm.settlement.api.TradeStatusView;
import org.jcm.settlement.limit.TradeRateLimit;
import org.jcm.settlement.persistence.TradeListQueries;
import org.jcm.settlement.persistence.TradeListQueries.Filter;
import org.jcm.settlement.persistence.TradeListQueries.ListedTrade;
import org.jcm.settlement.persistence.TradeListQueries.Position;
import org.jcm.settlement.persistence.TradeQueries;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.settlement.registration.TradeCancellations;
import org.jcm.settlement.registration.TradeRegistrations;
import org.jcm.settlement.security.Access;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.ProblemException;

/** Exchanges register executed trades for delivery versus payment, list them, follow their status and cancel them before delivery. */
@Path("/api/v1/trades")
@Tag(name = "Trades")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.READ_PROBLEMS)
public class TradeResource {

    private static final String TRADE_EXAMPLE = "{\"tradeId\":\"T-20250401-0001\",\"venue\":\"JCMX\","
            + "\"sellerAccountId\":\"JPN01-H00001\",\"buyerAccountId\":\"JPN01-H00002\","
            + "\"instrument\":\"JCM-MNG-2024-AUTHORIZED\",\"quantity\":100,\"pricePerTonne\":\"1250.50\","
            + "\"currency\":\"JPY\",\"deliverBy\":\"2025-04-03T09:00:00Z\"}";
    private static final String STATUS_EXAMPLE = "{\"tradeId\":\"T-20250401-0001\",\"venue\":\"JCMX\","
            + "\"sellerAccountId\":\"JPN01-H00001\",\"buyerAccountId\":\"JPN01-H00002\","
            + "\"instrument\":\"JCM-MNG-2024-AUTHORIZED\",\"quantity\":100,\"pricePerTonne\":\"1250.50\","
            + "\"currency\":\"JPY\",\"deliverBy\":\"2025-04-03T09:00:00Z\",\"status\":\"PENDING_DELIVERY\","
            + "\"unmatchedReferenceCount\":0}";

    private final TradeRegistrations registrations;
    private final TradeQueries trades;
    private final Access access;
    private final TradeRateLimit rateLimit;
    private final TradeCancellations cancellations;
    private final TradeListQueries list;

    TradeResource(TradeRegistrations registrations, TradeQueries trades, Access access, TradeRateLimit rateLimit,
                  TradeCancellations cancellations, TradeListQueries list) {
        this.registrations = registrations;
        this.trades = trades;
        this.access = access;
        this.rateLimit = rateLimit;
        this.cancellations = cancellations;
        this.list = list;
    }

    @POST
    @RolesAllowed(Access.EXCHANGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.REGISTRATION_PROBLEMS)
    @Operation(operationId = "registerTrade", summary = "Register an executed trade for delivery versus payment (exchange of the trade's venue)",
            description = "The trade then waits for the registry transfer from the seller to the buyer account that names "
                    + "it (trade.venue and trade.tradeId) before deliverBy: a matching transfer settles it, one that "
                    + "differs mismatches it, none fails it. Rate limited per venue. Needs Idempotency-Key; only a 201 is "
                    + "stored under it, so a refused request may be sent again with the same key.")
    @APIResponse(responseCode = "201", description = "Registered, PENDING_DELIVERY; Location is the trade. A retry with the "
            + "same key and body answers the same.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TradeStatusView.class),
            examples = @ExampleObject(name = "registered", value = STATUS_EXAMPLE)))
    public Uni<Response> register(
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true, description = SettlementApiDoc.KEY)
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegisterTradeRequest.class),
                    examples = @ExampleObject(name = "trade", value = TRADE_EXAMPLE))) RegisterTradeRequest request) {
        checkIdempotencyKey(idempotencyKey);
        if (request == null) {
            // The JSON reader turns the body "null" into no request at all.
            throw new ProblemException(400, ProblemCodes.MALFORMED_JSON, "The body must be a JSON object describing the trade.");
        }
        access.requireVenue(request.venue());
        Response limited = rateLimit.refusal(request.venue());
        if (limited != null) {
            return Uni.createFrom().item(limited);
        }
        return registrations.register(request, idempotencyKey, access.subject())
                .map(outcome -> RegistrationAnswers.response(outcome, request.venue(), request.tradeId()));
    }

    @GET
    @Path("/{venue}/{tradeId}")
    @RolesAllowed({Access.EXCHANGE, Access.OPERATOR, Access.AUDITOR})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTrade", summary = "A registered trade's status: PENDING_DELIVERY, SETTLED, MISMATCHED, FAILED or CANCELLED",
            description = "For the exchange of the venue, the operator and auditors. ledgerSeq is the transfer that "
                    + "settled or mismatched it, mismatches the fields that differed.")
    @APIResponse(responseCode = "200", description = "The trade and where it stands", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TradeStatusView.class),
            examples = @ExampleObject(name = "pending", value = STATUS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The venue registered no such trade (unknown_trade)")
    public Uni<TradeStatusView> get(@PathParam("venue") String venue, @PathParam("tradeId") String tradeId) {
        access.requireReader(venue);
        return trades.standing(new TradeKey(venue, tradeId))
                .map(found -> found.map(s -> TradeStatusView.of(s.trade(), s.unmatchedReferences()))
                        .orElseThrow(() -> new ProblemException(404,
                        ProblemCodes.UNKNOWN_TRADE, "No trade '" + tradeId + "' is registered for venue " + venue + ".")));
    }

    @GET
    @RolesAllowed({Access.EXCHANGE, Access.OPERATOR, Access.AUDITOR})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "listTrades", summary = "Registered trades in registration order, filtered by status, instrument, registration time"
            + " and counterparty organization (an exchange: its own venue's)", description = "JSON or CSV. Paged: "
            + "?limit= 1 to 1000 (default 1000) and ?after= the next of the previous page, for the same query; next is "
            + "null on the last page.")
    @APIResponse(responseCode = "200", description = "One page of trades", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TradeListPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Uni<TradeListPage> list(@QueryParam("venue") String venue, @QueryParam("status") String status,
                                   @QueryParam("instrument") String instrument, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("counterparty") String counterparty,
                                   @QueryParam("after") String after, @QueryParam("limit") String limit) {
        String scope = emptyToNull(venue);
        if (access.venue() != null || scope != null) {
            // An exchange lists its own venue's trades: no venue means its own, another is forbidden.
            scope = scope == null ? access.venue() : scope;
            access.requireReader(scope);
        }
        Filter filter = TradeListParams.filter(scope, status, instrument, from, to, counterparty);
        Position position = TradeListParams.position(filter, after);
        int pageSize = QueryParams.limit(limit);
        return list.page(filter, position, pageSize).map(rows -> {
            String next = null;
            if (rows.size() == pageSize) {
                ListedTrade last = rows.get(rows.size() - 1);
                next = TradeListParams.next(filter, new Position(last.registeredAt(), last.trade().key().venue(),
                        last.trade().key().tradeId()));
            }
            return new TradeListPage(rows.stream().map(r -> TradeListPage.Item.of(r.trade(), r.registeredAt(),
                    r.unmatchedReferences())).toList(), next);
        });
    }

    @POST
    @Path("/{venue}/{tradeId}/cancel")
    @RolesAllowed(Access.EXCHANGE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelTrade", summary = "Cancel a trade pending delivery, before its deadline, with no delivery held in the registry"
            + " (exchange of the trade's venue)", description = "No body. Needs Idempotency-Key, in the venue's key space: "
            + "the same key for the same trade answers the first answer again.")
    @Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.CANCELLATION_PROBLEMS)
    @APIResponse(responseCode = "200", description = "Cancelled: the trade, now CANCELLED", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TradeStatusView.class)))
    public Uni<Response> cancel(
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true, description = SettlementApiDoc.KEY)
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("venue") String venue,
                                @PathParam("tradeId") String tradeId) {
        access.requireVenue(venue);
        checkIdempotencyKey(idempotencyKey);
        return cancellations.cancel(new TradeKey(venue, tradeId), idempotencyKey, access.subject())
                .map(CancellationAnswers::response);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** API.md: 1 to 128 visible ASCII characters. */
    private static void checkIdempotencyKey(String key) {
        boolean valid = key != null && !key.isEmpty() && key.length() <= 128;
        for (int i = 0; valid && i < key.length(); i++) {
            valid = key.charAt(i) > 0x20 && key.charAt(i) < 0x7f;
        }
        if (!valid) {
            throw new ProblemException(400, ProblemCodes.IDEMPOTENCY_KEY_REQUIRED,
                    "Header Idempotency-Key is required: 1 to 128 visible ASCII characters.");
        }
    }
}
