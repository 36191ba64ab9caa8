package org.jcm.settlement.webhook;

import java.util.Objects;

/** The owner of an endpoint: an organization id such as {@code JPN01-O0001}, or a venue such as {@code JCMX}. */
public record Owner(OwnerKind kind, String id) {

    /** Checks the values. */
    public Owner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
