package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One Joint Committee decision to issue credits, as issued.
 *
 * @param id the issuance id (the decision's reference)
 * @param seq the sequence number of its {@code CreditsIssued} event
 * @param issuedAt when it was issued, RFC 3339 UTC with milliseconds
 * @param vintage the vintage year
 * @param monitoringPeriodStart the first day monitored
 * @param monitoringPeriodEnd the last day monitored
 * @param totalQuantity all units issued
 * @param issuanceRequestId the participants' request it answers, if any
 * @param allocations the unit range each allocation received, in allocation order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuanceDetails(String id, long seq, String issuedAt, int vintage, String monitoringPeriodStart,
                              String monitoringPeriodEnd, long totalQuantity, String issuanceRequestId,
                              List<AllocationDetails> allocations) {
}
