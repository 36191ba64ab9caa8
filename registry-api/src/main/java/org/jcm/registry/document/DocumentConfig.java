package org.jcm.registry.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The document store's settings (prefix {@code jcm.documents}; docs/documents.md). */
@ConfigMapping(prefix = "jcm.documents")
public interface DocumentConfig {

    /**
     * The largest document accepted, in bytes ({@code 20M} is 20 MiB). A larger upload is refused
     * with 413 {@code document_too_large}: from its {@code Content-Length} before the body is read,
     * or, for a body sent without one, as soon as it grows past this while it is read. Quarkus's
     * own ceiling, {@code quarkus.http.limits.max-body-size}, must be at least this (it is set to
     * this value in {@code application.properties}); the service refuses to start otherwise.
     */
    @WithDefault("20M")
    MemorySize maxSize();
}
