package org.jcm.registry.api;

/**
 * The units of one vintage and label that an account holds.
 *
 * @param vintage the vintage year
 * @param label {@code NONE}, {@code AUTHORIZED} or {@code CA_APPLIED}
 * @param quantity the number of units
 * @param blockCount how many live blocks hold them
 */
public record BalanceLine(int vintage, String label, long quantity, long blockCount) {
}
