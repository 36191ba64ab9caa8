package org.jcm.bench.harness;

import java.util.List;

/**
 * What the setup built through the API, and the tokens to act on it.
 *
 * @param registryId the one registry (Mongolia's, which hosts the project)
 * @param route the project cycle: the projects, the applicant, the verifier and the JC secretariat
 * @param organizations the holding organizations
 * @param holderAuthorizations each organization's {@code Bearer} header value, in the same order
 * @param accounts the accounts that transfers spread over, funded
 * @param accountOrganization for each account, the index of its organization
 * @param adminAuthorization the registry administrator's {@code Bearer} header value: proposes issuances
 * @param approverAuthorization a second administrator's, with {@code approver: true}: approves them
 * @param holdingsAccount the account with 1,000 live one-unit blocks (of organization 0)
 * @param keyPrefix prefix of this run's Idempotency-Keys and issuance ids
 */
record World(String registryId, BenchRoute route, List<String> organizations, List<String> holderAuthorizations,
             List<String> accounts, int[] accountOrganization, String adminAuthorization,
             String approverAuthorization, String holdingsAccount, String keyPrefix) {

    /** The account that hot-account transfers leave from. */
    String hotAccount() {
        return accounts.get(0);
    }

    String authorizationOfAccount(int account) {
        return holderAuthorizations.get(accountOrganization[account]);
    }
}
