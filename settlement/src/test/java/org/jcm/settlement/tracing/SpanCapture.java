package org.jcm.settlement.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the spans the service finishes in memory, for tests that turn tracing on: Quarkus's default
 * {@code cdi} exporter sends spans to every {@code SpanExporter} bean. With tracing off (every other
 * test) nothing reaches it.
 */
public class SpanCapture {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
