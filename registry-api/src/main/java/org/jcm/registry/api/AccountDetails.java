package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An account with its balance by vintage and Article 6 label.
 *
 * @param id the account id, e.g. {@code JPN01-H00001}
 * @param registryId the registry it belongs to
 * @param organizationId the owning organization; absent for the registry's terminal accounts
 * @param type {@code HOLDING}, {@code CANCELLATION} or {@code RETIREMENT}
 * @param name the account's name
 * @param status {@code OPEN} or {@code CLOSED}
 * @param frozen whether units may not leave it
 * @param totalQuantity all units held, the sum of the balance lines
 * @param balances one line per vintage and label that the account holds units of, by vintage then label
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountDetails(String id, String registryId, String organizationId, String type, String name,
                             String status, boolean frozen, long totalQuantity, List<BalanceLine> balances) {
}
