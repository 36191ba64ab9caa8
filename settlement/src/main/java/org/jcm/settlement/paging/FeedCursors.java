package org.jcm.settlement.paging;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jcm.support.paging.CursorSeal;

/**
 * The cursors of the OHLCV and volume feeds: the position after the last row of a page, sealed
 * with an HMAC ({@link CursorSeal}) for the feed and its query (instrument, interval, currency,
 * range; Party, range), so that {@code after} takes back only a cursor a page of the same query
 * handed out; for anything else {@link #position} finds nothing, which the feed resource answers
 * 400 {@code invalid_parameter} naming {@code after}. The key is
 * {@code jcm.paging.cursor-key}, shared by every instance; required in production, made up per
 * process in dev and test mode.
 *
 * <p>The trade feed's cursor is not sealed: it is the public position {@code {seq}-{leg}} of a
 * leg in ledger order (also the live stream's event id, to resume from), and any position is a
 * fair place to read a public feed from.
 */
@Startup
@ApplicationScoped
public class FeedCursors {

    private static final Logger LOG = Logger.getLogger(FeedCursors.class);
    private static final String SEPARATOR = "|";

    private static volatile CursorSeal seal = CursorSeal.random();

    FeedCursors(PagingConfig config) {
        Optional<String> key = config.cursorKey();
        if (key.isEmpty() || key.get().isBlank()) {
            LOG.infof("No %s: feed cursors are sealed with a random key made for this process", CursorSeal.PROPERTY);
        }
        install(CursorSeal.configured(key, LaunchMode.current().isDevOrTest()));
    }

    /** Seals every cursor from now on with this key. */
    static void install(CursorSeal key) {
        seal = Objects.requireNonNull(key, "key");
    }

    /** The cursor after {@code position} in the feed {@code feed} read with {@code query}. */
    public static String next(String feed, String query, String position) {
        return seal.seal(feed + SEPARATOR + position, query);
    }

    /**
     * The position in a cursor that this feed handed out for this query, or empty for anything else
     * (forged, of another feed or query, or too long to be one).
     */
    public static Optional<String> position(String feed, String query, String cursor) {
        String payload = cursor.length() > 512 ? null : seal.open(cursor, query).orElse(null);
        if (payload == null || !payload.startsWith(feed + SEPARATOR)) {
            return Optional.empty();
        }
        return Optional.of(payload.substring(feed.length() + 1));
    }

    /** The query of a feed request as a cursor scope: its parameters in a fixed order. */
    public static String query(String... parameters) {
        StringBuilder query = new StringBuilder();
        for (String parameter : parameters) {
            query.append(parameter == null ? "" : parameter).append('\u0000');
        }
        return query.toString();
    }
}
