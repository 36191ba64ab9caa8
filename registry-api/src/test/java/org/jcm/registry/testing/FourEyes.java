package org.jcm.registry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.registry.api.IssuanceDecisionRequest;
import org.jcm.registry.write.CommandResult;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.write.LedgerWriter;

/**
 * Sets up, through the service's own ledger writer, what the transfer tests need before they use
 * the HTTP API: an issuance proposed by one registry administrator and approved by a second one
 * (subjects {@code admin@REG} and {@code second-admin@REG}), and an organization's transfer policy.
 */
public final class FourEyes {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private FourEyes() {
    }

    /** The first registry administrator of a registry (the subject of {@code TestTokens.registryAdmin}). */
    public static Actor admin(String registryId) {
        return Actor.registryAdmin("admin@" + registryId, RegistryId.parse(registryId));
    }

    /** A second registry administrator of the registry. */
    public static Actor secondAdmin(String registryId) {
        return Actor.registryAdmin("second-admin@" + registryId, RegistryId.parse(registryId));
    }

    /**
     * Issues {@code quantities} to {@code accounts} (as {@link LedgerApi#issue}, on a fresh issuance
     * request decided with this share): proposed by the registry's administrator, approved by a second one. Returns the
     * approval's events ({@code ProposalApproved}, {@code CreditsIssued}).
     */
    public static List<LedgerEvent> issue(Ledger ledger, String registryId, String projectId, int vintage, List<String> accounts,
                                          List<Long> quantities) {
        String request = LedgerApi.decided(registryId, projectId, vintage, accounts, quantities);
        IssuanceDecisionRequest body = JSON.convertValue(LedgerApi.issuance(projectId, vintage, request, accounts, quantities),
                IssuanceDecisionRequest.class);
        return approved(ledger, body.toCommand(), admin(registryId), secondAdmin(registryId));
    }

    /** Proposes {@code action} as {@code proposer} and approves it as {@code approver}; the approval's events. */
    public static List<LedgerEvent> approved(Ledger ledger, ProposableAction action, Actor proposer, Actor approver) {
        ProposalMade made = (ProposalMade) accepted(ledger, new ProposeAction(action), proposer).get(0);
        return accepted(ledger, new ApproveProposal(made.proposalId()), approver);
    }

    /** Sets an organization's transfer policy as the administrator of its registry. */
    public static void policy(Ledger ledger, String organizationId, Long approvalThreshold, boolean untrustedNeedsApproval,
                              Duration untrustedDelay) {
        accepted(ledger, new SetTransferPolicy(OrganizationId.parse(organizationId),
                Optional.ofNullable(approvalThreshold).map(org.jcm.ledger.serial.Quantity::of), untrustedNeedsApproval,
                untrustedDelay), admin(organizationId.substring(0, 5)));
    }

    /** Submits a command to the writer and returns its events; fails the test if it is not accepted. */
    public static List<LedgerEvent> accepted(Ledger ledger, Command command, Actor actor) {
        CommandResult result = ledger.submit(new LedgerWriter.Item(command, actor, null)).await().atMost(Duration.ofSeconds(60));
        if (!(result instanceof CommandResult.Accepted accepted)) {
            throw new AssertionError(command + " by " + actor + " was not accepted: " + result);
        }
        return accepted.events();
    }
}
