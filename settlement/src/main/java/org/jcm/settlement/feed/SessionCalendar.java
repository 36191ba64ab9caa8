package org.jcm.settlement.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trading sessions of the venues that have one: each day, in the venue's time zone, from
 * {@code open} (inclusive) to {@code close} (exclusive), within one local day. A trade of such a
 * venue settled (by its delivering transfer's event time) inside a session falls in that session's
 * {@code session} bar; outside every session it falls in none. The bar's interval code is
 * {@code session:<venue>}, since each venue keeps its own sessions.
 */
public final class SessionCalendar {

    /** The code prefix of session bars. */
    public static final String SESSION = "session";

    /** One venue's daily session. */
    public record Session(LocalTime open, LocalTime close, ZoneId zone) {

        /** Checks that the session opens before it closes, within one local day. */
        public Session {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            Objects.requireNonNull(zone, "zone");
            if (!open.isBefore(close)) {
                throw new IllegalArgumentException("a session must open before it closes on the same day, not "
                        + open + " to " + close);
            }
        }
    }

    /** The start and end (exclusive) of one session. */
    public record Bounds(Instant start, Instant end) {
    }

    private static final SessionCalendar NONE = new SessionCalendar(Map.of());

    private final Map<String, Session> sessions;

    /** The calendar of these venues' sessions. */
    public SessionCalendar(Map<String, Session> sessions) {
        this.sessions = new TreeMap<>(sessions);
    }

    /** No venue has sessions. */
    public static SessionCalendar none() {
        return NONE;
    }

    /** The interval code of a venue's session bars. */
    public static String code(String venue) {
        return SESSION + ":" + venue;
    }

    /** Whether the venue has sessions. */
    public boolean hasSessions(String venue) {
        return sessions.containsKey(venue);
    }

    /** The session of {@code venue} that {@code at} falls in, if the venue has sessions and it falls in one. */
    public Optional<Bounds> sessionOf(String venue, Instant at) {
        Session session = sessions.get(venue);
        if (session == null) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(session.zone());
        LocalDate day = local.toLocalDate();
        Instant start = day.atTime(session.open()).atZone(session.zone()).toInstant();
        Instant end = day.atTime(session.close()).atZone(session.zone()).toInstant();
        if (at.isBefore(start) || !at.isBefore(end)) {
            return Optional.empty();
        }
        return Optional.of(new Bounds(start, end));
    }
}
