package org.jcm.ledger.state;

import java.util.List;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.ThirdPartyEntity;

/** The project cycle's part of {@link LedgerSnapshot}: every list sorted by id. */
public record ProjectCycleSnapshot(List<Methodology> methodologies, List<ThirdPartyEntity> thirdPartyEntities,
                                   List<Application> applications, List<MonitoringCycle> monitoringCycles) {
}
