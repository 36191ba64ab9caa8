package org.jcm.ledger.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;

/**
 * Issues new units on a Joint Committee decision: the next contiguous range of the host Party's
 * vintage numbering, cut into contiguous sub-ranges in allocation order. Registry administrator of
 * a registry of Japan or of the host Party, issuing that registry's share into its own accounts.
 * Every issuance cites the participants' issuance request it answers ({@code issuanceRequestId}).
 */
public record IssueCredits(IssuanceId issuanceId, ProjectId projectId, LocalDate monitoringPeriodStart,
                           LocalDate monitoringPeriodEnd, Vintage vintage, Quantity totalQuantity,
                           List<Allocation> allocations, IssuanceRequestId issuanceRequestId) implements ProposableAction {
    public IssueCredits {
        Objects.requireNonNull(issuanceId, "issuanceId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(monitoringPeriodStart, "monitoringPeriodStart");
        Objects.requireNonNull(monitoringPeriodEnd, "monitoringPeriodEnd");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(totalQuantity, "totalQuantity");
        allocations = Texts.list("allocations", allocations, 100);
        if (allocations.isEmpty()) {
            throw new InvalidValueException("allocations", "[]", "must have at least one allocation");
        }
        Objects.requireNonNull(issuanceRequestId, "issuanceRequestId");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitIssueCredits(this);
    }

    @Override
    public <R> R acceptAction(ProposableAction.Visitor<R> visitor) {
        return visitor.visitIssueCredits(this);
    }
}
