package org.jcm.ledger.state;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;

/** An issuance made: the decision key (project, monitoring period, vintage), total and the units of each allocation. */
public record Issuance(IssuanceId id, long seq, ProjectId projectId, PartyCode hostParty, Vintage vintage,
                       LocalDate monitoringPeriodStart, LocalDate monitoringPeriodEnd, long totalQuantity,
                       List<IssuedAllocation> allocations, Optional<IssuanceRequestId> issuanceRequestId) {
}
