package org.jcm.registry.query;

import java.util.Objects;
import org.jcm.registry.security.RegistryScope;

/**
 * A value read together with the registry scope it belongs to, so that the caller can check access
 * before the value leaves the service.
 *
 * @param scope where the value belongs
 * @param value what was read
 */
public record Scoped<T>(RegistryScope scope, T value) {

    /** Checks both parts are present. */
    public Scoped {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
    }
}
