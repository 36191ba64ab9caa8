package org.jcm.ledger.state;

import java.util.List;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;

/** A registered JCM project. */
public record Project(ProjectId id, PartyCode hostParty, RegistryId registryId, String title,
                      MethodologyId methodologyId, List<OrganizationId> participants) {
}
