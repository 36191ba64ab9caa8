package org.jcm.registry.write.idempotency;

import java.util.Objects;

/** The scope of an idempotency key: the token subject that sent it and the key itself. */
public record SubjectKey(String subject, String key) {

    /** Checks that both parts are present. */
    public SubjectKey {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(key, "key");
    }
}
