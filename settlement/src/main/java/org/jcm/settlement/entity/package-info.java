/**
 * JPA entities of the settlement database, read and written through Hibernate Reactive by the REST
 * API (see docs/decisions/0003-hibernate-reactive.md).
 *
 * <p>Every entity is {@link org.hibernate.annotations.Immutable}: the API inserts trades and
 * idempotency records and never updates a row. Trade statuses, legs, instruments, last prices and
 * accounts are written only by the ledger consumer, with its own multi-row SQL over JDBC in the transaction
 * that also moves its position; a rebuild rewrites them the same way.
 */
package org.jcm.settlement.entity;
