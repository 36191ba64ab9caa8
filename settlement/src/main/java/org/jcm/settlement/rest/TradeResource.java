package org.jcm.settlement.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.api.RegisterTradeRequest;
import org.jcm.settlement.api.TradeStatusView;
import org.jcm.settlement.limit.TradeRateLimit;
import org.jcm.settlement.persistence.TradeQueries;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.settlement.registration.TradeRegistrations;
import org.jcm.settlement.security.Access;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.support.problem.ProblemException;

/** Exchanges register executed trades for delivery versus payment and follow their status. */
@Path("/api/v1/trades")
public class TradeResource {

    private final TradeRegistrations registrations;
    private final TradeQueries trades;
    private final Access access;
    private final TradeRateLimit rateLimit;

    TradeResource(TradeRegistrations registrations, TradeQueries trades, Access access, TradeRateLimit rateLimit) {
        this.registrations = registrations;
        this.trades = trades;
        this.access = access;
        this.rateLimit = rateLimit;
    }

    @POST
    @RolesAllowed(Access.EXCHANGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an executed trade for delivery versus payment (exchange of the trade's venue)")
    public Uni<Response> register(@HeaderParam("Idempotency-Key") String idempotencyKey, RegisterTradeRequest request) {
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
    @Operation(summary = "A registered trade's status: PENDING_DELIVERY, SETTLED, MISMATCHED or FAILED")
    public Uni<TradeStatusView> get(@PathParam("venue") String venue, @PathParam("tradeId") String tradeId) {
        access.requireReader(venue);
        return trades.standing(new TradeKey(venue, tradeId))
                .map(found -> found.map(s -> TradeStatusView.of(s.trade(), s.unmatchedReferences()))
                        .orElseThrow(() -> new ProblemException(404,
                        ProblemCodes.UNKNOWN_TRADE, "No trade '" + tradeId + "' is registered for venue " + venue + ".")));
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
