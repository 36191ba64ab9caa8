package org.jcm.settlement.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.api.BarPage;
import org.jcm.settlement.api.BarView;
import org.jcm.settlement.api.Times;
import org.jcm.settlement.api.TradePage;
import org.jcm.settlement.api.TradeView;
import org.jcm.settlement.api.VolumePage;
import org.jcm.settlement.config.SettlementConfig;
import org.jcm.settlement.config.VenueConfig;
import org.jcm.settlement.feed.Bar;
import org.jcm.settlement.feed.BarInterval;
import org.jcm.settlement.feed.SessionCalendar;
import org.jcm.settlement.stream.FeedBroadcaster;
import org.jcm.settlement.stream.FeedEvent;
import org.jcm.settlement.messaging.LedgerConsumer;
import org.jcm.settlement.paging.FeedCursors;
import org.jcm.settlement.persistence.FeedQueries;
import org.jcm.support.openapi.ProblemResponsesFilter;

/** The public market data feeds: trades, OHLCV bars, daily volumes, and a live stream. */
@Path("/api/v1/feeds")
@Tag(name = "Feeds")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.PUBLIC_PROBLEMS)
@PermitAll
public class FeedResource {

    private static final String CSV = "text/csv";
    private static final String OHLCV = "ohlcv";
    private static final String VOLUMES = "volumes";
    private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

    private final FeedQueries queries;
    private final FeedBroadcaster broadcaster;
    private final LedgerConsumer consumer;
    private final SettlementConfig config;
    private final SessionCalendar sessions;

    FeedResource(FeedQueries queries, FeedBroadcaster broadcaster, LedgerConsumer consumer, SettlementConfig config,
                 VenueConfig venues) {
        this.queries = queries;
        this.broadcaster = broadcaster;
        this.consumer = consumer;
        this.config = config;
        this.sessions = venues.calendar();
    }

    @GET
    @Path("/trades")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "listTradeFeed", summary = "Priced trade legs in ledger order, after a cursor ({seq}-{leg}), optionally of one instrument")
    public Uni<TradePage> trades(@QueryParam("instrument") String instrument, @QueryParam("after") String after,
                                 @QueryParam("limit") String limit) {
        long afterSeq = 0;
        int afterLeg = 0;
        if (after != null && !after.isEmpty()) {
            try {
                int dash = after.indexOf('-');
                afterSeq = Long.parseLong(dash < 0 ? after : after.substring(0, dash));
                afterLeg = dash < 0 ? Integer.MAX_VALUE : Integer.parseInt(after.substring(dash + 1));
                if (afterSeq < 0 || afterLeg < 0) {
                    throw new NumberFormatException("negative");
                }
            } catch (NumberFormatException e) {
                throw QueryParams.invalid("after", "must be a cursor {seq}-{leg} from an earlier page, or a seq");
            }
        }
        int pageSize = QueryParams.limit(limit);
        return queries.legs(emptyToNull(instrument), afterSeq, afterLeg, pageSize).map(legs -> {
            List<TradeView> items = new ArrayList<>(legs.size());
            legs.forEach(leg -> items.add(TradeView.of(leg)));
            String next = legs.size() < pageSize ? null : legs.get(legs.size() - 1).cursor();
            return new TradePage(items, next);
        });
    }

    @GET
    @Path("/ohlcv")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "listOhlcvBars", summary = "OHLCV bars (UTC intervals 1m, 1h, 1d, or a venue's sessions) of one instrument,"
            + " start in [from, to)")
    public Uni<BarPage> ohlcv(@QueryParam("instrument") String instrument, @QueryParam("currency") String currency,
                              @QueryParam("interval") String interval, @QueryParam("venue") String venue,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("after") String after, @QueryParam("limit") String limit) {
        QueryParams.required("instrument", instrument);
        String barInterval = interval(QueryParams.required("interval", interval), emptyToNull(venue));
        Instant fromTime = QueryParams.time("from", from, BEGINNING);
        Instant toTime = QueryParams.time("to", to, END);
        Instant afterStart = BEGINNING.minusSeconds(1);
        String afterCurrency = "";
        // Cursors are sealed for this feed and query (FeedCursors): a forged one, or one of another query, is refused.
        String query = FeedCursors.query(instrument, currency, barInterval, from, to);
        if (after != null && !after.isEmpty()) {
            String position = position(OHLCV, query, after);
            int bar = position.indexOf('|');
            if (bar < 0) {
                throw QueryParams.invalid("after", "must be a cursor from an earlier page");
            }
            afterStart = QueryParams.time("after", position.substring(0, bar), afterStart);
            afterCurrency = position.substring(bar + 1);
        }
        int pageSize = QueryParams.limit(limit);
        int vwapScale = config.feeds().vwapScale();
        return queries.bars(instrument, Optional.ofNullable(emptyToNull(currency)), barInterval, fromTime, toTime,
                afterStart, afterCurrency, pageSize).map(bars -> {
                    List<BarView> items = new ArrayList<>(bars.size());
                    bars.forEach(bar -> items.add(BarView.of(bar, vwapScale)));
                    Bar last = bars.isEmpty() ? null : bars.get(bars.size() - 1);
                    String next = bars.size() < pageSize ? null
                            : FeedCursors.next(OHLCV, query, Times.format(last.bucketStart()) + "|" + last.currency());
                    return new BarPage(instrument, interval, items, next);
                });
    }

    @GET
    @Path("/volumes")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "listVolumes", summary = "Daily (UTC) tonnes issued, transferred, retired and cancelled per host Party, day in [from, to)")
    public Uni<VolumePage> volumes(@QueryParam("party") String party, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("after") String after,
                                   @QueryParam("limit") String limit) {
        LocalDate fromDay = QueryParams.date("from", from, LocalDate.of(1970, 1, 1));
        LocalDate toDay = QueryParams.date("to", to, LocalDate.of(9999, 1, 1));
        LocalDate afterDay = LocalDate.of(1969, 12, 31);
        String afterParty = "";
        String query = FeedCursors.query(party, from, to);
        if (after != null && !after.isEmpty()) {
            String position = position(VOLUMES, query, after);
            int bar = position.indexOf('|');
            if (bar < 0) {
                throw QueryParams.invalid("after", "must be a cursor from an earlier page");
            }
            afterDay = QueryParams.date("after", position.substring(0, bar), afterDay);
            afterParty = position.substring(bar + 1);
        }
        int pageSize = QueryParams.limit(limit);
        return queries.volumes(Optional.ofNullable(emptyToNull(party)), fromDay, toDay, afterDay, afterParty, pageSize)
                .map(rows -> {
                    List<VolumePage.Volume> items = new ArrayList<>(rows.size());
                    rows.forEach(v -> items.add(new VolumePage.Volume(v.party(), v.day().toString(), v.issued(),
                            v.transferred(), v.retired(), v.cancelled())));
                    FeedQueries.DailyVolume last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
                    String next = rows.size() < pageSize ? null : FeedCursors.next(VOLUMES, query, last.day() + "|" + last.party());
                    return new VolumePage(items, next);
                });
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamFeed", summary = "Server-sent events: hello on connect, then each trade leg and each bar update as committed")
    @APIResponse(responseCode = "200", description = "An endless text/event-stream: event hello with the lastAppliedSeq "
            + "the stream starts after, then trade and bar events, each data a JSON object", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        // The live events are subscribed before the hello is emitted, so a client that has read
        // the hello has missed nothing committed after it.
        String hello = broadcaster.write(new Hello(consumer.status().lastAppliedSeq()));
        Multi<FeedEvent> events = Multi.createBy().merging().streams(broadcaster.events(),
                Multi.createFrom().item(new FeedEvent("hello", null, hello)));
        return events.map(e -> sse.newEventBuilder().name(e.name()).id(e.id()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, e.json()).build());
    }

    /** The first event of a stream: the ledger seq the stream starts after. */
    public record Hello(long lastAppliedSeq) {
    }

    /** The interval code of a bar query: a UTC interval, or {@code session} with the venue whose sessions they are. */
    private String interval(String interval, String venue) {
        if (SessionCalendar.SESSION.equals(interval)) {
            if (venue == null || !sessions.hasSessions(venue)) {
                throw QueryParams.invalid("venue", "must name a venue with sessions (jcm.venues.<venue>.session) for"
                        + " interval=session");
            }
            return SessionCalendar.code(venue);
        }
        if (venue != null) {
            throw QueryParams.invalid("venue", "is only taken with interval=session");
        }
        return BarInterval.of(interval).map(BarInterval::code)
                .orElseThrow(() -> QueryParams.invalid("interval", "must be 1m, 1h, 1d or session"));
    }

    /** The position in a sealed cursor of this feed and query; anything else is 400 naming {@code after}. */
    private static String position(String feed, String query, String after) {
        return FeedCursors.position(feed, query, after).orElseThrow(() -> QueryParams.invalid("after",
                "must be the 'next' cursor of an earlier page of this feed, with the same query"));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
