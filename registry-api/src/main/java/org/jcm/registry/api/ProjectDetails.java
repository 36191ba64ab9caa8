package org.jcm.registry.api;

import java.util.List;

/**
 * A registered JCM project with its participants and the credits issued for it.
 *
 * @param id the Joint Committee's project id, e.g. {@code MN001}
 * @param hostParty the host Party, ISO alpha-3
 * @param registryId the registry that registered it
 * @param title the project's title
 * @param methodologyId the approved methodology, e.g. {@code MN_AM001}
 * @param participants the project participants, in registration order
 * @param issuances the issuances for the project, in ledger order
 */
public record ProjectDetails(String id, String hostParty, String registryId, String title, String methodologyId,
                             List<ProjectParticipant> participants, List<IssuanceDetails> issuances) {
}
