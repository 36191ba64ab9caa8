package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a subject has used an Idempotency-Key already: the writer stored its outcome in the
 * {@code idempotency} table. Checks done in front of the writer that would answer differently from
 * the writer's own answer to a replay use it to step aside for replays (see {@code rest.Citations}).
 */
@ApplicationScoped
public class KeyQueries {

    private static final String USED = "SELECT 1 FROM idempotency WHERE subject = $1 AND key = $2";

    private final Pool pool;

    KeyQueries(Pool pool) {
        this.pool = pool;
    }

    /** Whether {@code subject} has a stored outcome under {@code key} (a primary-key probe). */
    public Uni<Boolean> used(String subject, String key) {
        return pool.preparedQuery(USED).execute(Tuple.of(subject, key)).map(rows -> rows.size() > 0);
    }
}
