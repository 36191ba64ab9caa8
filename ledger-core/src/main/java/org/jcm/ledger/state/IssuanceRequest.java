package org.jcm.ledger.state;

import java.time.LocalDate;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.ProjectId;

/** A participant's issuance request and how much has been issued on it so far. */
public record IssuanceRequest(IssuanceRequestId id, ProjectId projectId, OrganizationId organizationId,
                              LocalDate monitoringPeriodStart, LocalDate monitoringPeriodEnd, long verifiedQuantity,
                              String verificationReference, long issuedQuantity) {

    IssuanceRequest withIssued(long more) {
        return new IssuanceRequest(id, projectId, organizationId, monitoringPeriodStart, monitoringPeriodEnd,
                verifiedQuantity, verificationReference, issuedQuantity + more);
    }
}
