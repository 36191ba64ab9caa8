package org.jcm.settlement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jcm.settlement.feed.SessionCalendar;

/**
 * Per-venue settings under {@code jcm.venues."<venue>"}: a venue's optional daily trading session
 * ({@code session.open}, {@code session.close} as local times such as {@code 09:00}, and
 * {@code session.zone} such as {@code Asia/Tokyo}), which gives its trades {@code session} bars
 * beside the UTC 1m, 1h and 1d bars (docs/settlement.md, "Session bars").
 */
@ConfigMapping(prefix = "jcm.venues")
public interface VenueConfig {

    /** The venues with settings, by venue code. */
    @WithParentName
    Map<String, Venue> venues();

    /** One venue's settings. */
    interface Venue {

        /** The venue's daily session, if it has one. */
        Optional<Session> session();
    }

    /** A daily session in the venue's time zone: open (inclusive) to close (exclusive), within one local day. */
    interface Session {

        LocalTime open();

        LocalTime close();

        ZoneId zone();
    }

    /** The sessions as a calendar; a session that does not open before it closes stops the start-up. */
    default SessionCalendar calendar() {
        Map<String, SessionCalendar.Session> sessions = new LinkedHashMap<>();
        venues().forEach((venue, settings) -> settings.session().ifPresent(s -> {
            try {
                sessions.put(venue, new SessionCalendar.Session(s.open(), s.close(), s.zone()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("jcm.venues.\"" + venue + "\".session: " + e.getMessage(), e);
            }
        }));
        return new SessionCalendar(sessions);
    }
}
