/**
 * Read-only JPA entities over the registry's reference and read-model tables, read through
 * Hibernate Reactive (see docs/decisions/0003-hibernate-reactive.md).
 *
 * <p>Every entity here is {@link org.hibernate.annotations.Immutable}: the single ledger writer
 * ({@code LedgerWriter}) is the only writer of these rows and writes them with its own multi-row
 * SQL in the transaction of the events that changed them. The entities have no setters and no
 * query class opens a transaction, so nothing is ever flushed through them. Foreign keys are mapped
 * twice where a read needs both: as a plain column (read without touching the association) and as
 * a lazy association (read-only, {@code insertable = false, updatable = false}) that the queries
 * {@code join fetch} explicitly when they need it; no association is ever loaded lazily.
 */
package org.jcm.registry.entity;
