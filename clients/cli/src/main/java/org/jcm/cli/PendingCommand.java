package org.jcm.cli;

import org.jcm.client.JcmClient;
import org.jcm.client.Pages;
import org.jcm.client.registry.api.ProposalsApi;
import org.jcm.client.registry.api.TransferControlsApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jcm pending}: what waits for an approval: pending transfers (an account holder's, or a
 * registry administrator's view), or with {@code --proposals} the four-eyes proposals; {@code
 * --approve ID} approves a pending transfer.
 */
@Command(name = "pending", mixinStandardHelpOptions = true, description = "Pending approvals: transfers "
        + "(default) or four-eyes proposals; approve a pending transfer.")
final class PendingCommand extends JcmCommand {

    @Option(names = "--account", description = "Only the pending transfers from this account.")
    String account;

    @Option(names = "--status", defaultValue = "AWAITING_APPROVAL", description = "AWAITING_APPROVAL (default), "
            + "SCHEDULED, EXECUTED, CANCELLED or EXPIRED.")
    String status;

    @Option(names = "--proposals", description = "List the pending four-eyes proposals instead.")
    boolean proposals;

    @Option(names = "--approve", paramLabel = "ID", description = "Approve this pending transfer.")
    String approve;

    @Override
    public Integer call() {
        if (approve != null) {
            TransferControlsApi api = new TransferControlsApi(client().registry());
            var done = JcmClient.idempotent(key -> api.approvePendingTransfer(approve, key));
            out().println(approve + " approved: " + done.getEvents().size() + " events");
        } else if (proposals) {
            ProposalsApi api = new ProposalsApi(client().registry());
            out().println("id\tkind\tproposer\texpiresAt");
            Pages.items(after -> JcmClient.call(() -> api.listProposals("PENDING", null, after, "1000")),
                    page -> page.getItems(), page -> page.getNext())
                    .forEach(p -> out().println(p.getId() + "\t" + p.getKind() + "\t"
                            + (p.getProposer() == null ? "" : p.getProposer().getSubject()) + "\t" + p.getExpiresAt()));
        } else {
            listTransfers();
        }
        out().flush();
        return Jcm.OK;
    }

    private void listTransfers() {
        TransferControlsApi api = new TransferControlsApi(client().registry());
        out().println("id\tfrom\tto\tquantity\tneedsApproval\texecuteAt");
        Pages.items(after -> JcmClient.call(() -> api.listPendingTransfers(status, account, after, "1000")),
                page -> page.getItems(), page -> page.getNext())
                .forEach(p -> out().println(p.getId() + "\t" + p.getFromAccountId() + "\t" + p.getToAccountId() + "\t"
                        + p.getQuantity() + "\t" + p.getNeedsApproval() + "\t"
                        + (p.getExecuteAt() == null ? "" : p.getExecuteAt())));
    }
}
