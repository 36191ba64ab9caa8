package org.jcm.settlement.rest;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.settlement.paging.FeedCursors;
import org.jcm.settlement.persistence.TradeListQueries.Filter;
import org.jcm.settlement.persistence.TradeListQueries.Position;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.TradeStatus;

/**
 * Reads the query of {@code GET /api/v1/trades} into a filter and a position, and seals the cursor
 * of the next page for that query: a bad value is 400 {@code invalid_parameter} naming it, and
 * {@code after} takes back only a cursor a page of the same query (and the same caller's venue)
 * handed out.
 */
final class TradeListParams {

    private static final String FEED = "trades";
    private static final Pattern VENUE = Pattern.compile("[A-Z0-9]{2,16}");
    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T23:59:59Z");

    private TradeListParams() {
    }

    /** The filter of a query whose venue the caller may read ({@code venue} null: every venue). */
    static Filter filter(String venue, String status, String instrument, String from, String to, String counterparty) {
        if (venue != null && !VENUE.matcher(venue).matches()) {
            throw QueryParams.invalid("venue", "must be 2 to 16 upper-case letters or digits");
        }
        Instant start = QueryParams.time("from", from, BEGINNING);
        Instant end = QueryParams.time("to", to, END);
        return new Filter(venue, status(status), instrument(instrument), start, end, organization(counterparty));
    }

    /** The position in {@code after}, or null for the first page. */
    static Position position(Filter filter, String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        Optional<String> opened = FeedCursors.position(FEED, query(filter), after);
        String[] parts = opened.map(p -> p.split("\\|", 3)).orElse(new String[0]);
        if (parts.length != 3) {
            throw QueryParams.invalid("after", "must be the cursor 'next' of an earlier page of the same query");
        }
        return new Position(Instant.parse(parts[0]), parts[1], parts[2]);
    }

    /** The cursor after {@code position} for this query. */
    static String next(Filter filter, Position position) {
        return FeedCursors.next(FEED, query(filter),
                position.registeredAt() + "|" + position.venue() + "|" + position.tradeId());
    }

    private static String query(Filter f) {
        return FeedCursors.query(f.venue(), f.status() == null ? null : f.status().name(), f.instrument(),
                f.from().toString(), f.to().toString(), f.counterparty());
    }

    private static TradeStatus status(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (TradeStatus status : TradeStatus.values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw QueryParams.invalid("status", "must be PENDING_DELIVERY, SETTLED, MISMATCHED, FAILED or CANCELLED");
    }

    private static String instrument(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instrument.parse(value).code();
        } catch (InvalidValueException e) {
            throw QueryParams.invalid("instrument", "must be an instrument such as JCM-MNG-2024-AUTHORIZED");
        }
    }

    private static String organization(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OrganizationId.parse(value).value();
        } catch (InvalidValueException e) {
            throw QueryParams.invalid("counterparty", "must be an organization id such as JPN01-O0001");
        }
    }
}
