/**
 * Canonical JSON and the ledger hash chain: a strict JSON parser ({@link org.jcm.ledger.canonical.Json}),
 * the RFC 8785 canonical encoder ({@link org.jcm.ledger.canonical.Jcs}) and the chain itself
 * ({@link org.jcm.ledger.canonical.HashChain}).
 *
 * <p>The value model shared by all three is deliberately plain so that it needs no library: objects
 * are {@code Map<String, Object>}, arrays are {@code List<Object>}, strings are {@code String},
 * integers are {@code Long}, other numbers are {@code BigDecimal}, booleans are {@code Boolean}, and
 * JSON {@code null} is Java {@code null}.
 */
package org.jcm.ledger.canonical;
