package org.jcm.ledger.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.event.AccountClosed;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.AccountUnfrozen;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.event.PartyUpdated;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.event.TransferPolicySet;
import org.jcm.ledger.event.TrustedAccountAdded;
import org.jcm.ledger.event.TrustedAccountRemoved;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.state.LedgerState;

/**
 * Derives the AEF tables 2, 3 and 4 of a Party and calendar year from the event log: it folds the
 * events with ledger-core's own fold and reads each event's rows from the state just before that
 * event, so every row sees the units' authorization and holder exactly as they were then; table 4
 * is the state after the last event of the year. See docs/article6.md for the rules. This class
 * feeds the log and dispatches each event; the tables are {@link AuthorizationRows} (2),
 * {@link ActionRows} (3) and {@link HoldingRows} (4), reading the state through {@link AefLookups}.
 */
public final class AefRows {

    /** The dispatch of {@link #rowsOf}, one per derivation. */
    private final Rows rows = new Rows();
    private final LedgerState state;
    private final AefLookups lookups;
    private final PartyCode party;
    private final int year;
    private final Instant start;
    private final Instant end;
    private final AuthorizationRows authorizations;
    private final ActionRows actions;
    private LedgerEvent last;

    private AefRows(LedgerConfig config, PartyCode party, int year) {
        this.state = new LedgerState(config);
        this.state.setChangeTracking(false);
        this.lookups = new AefLookups(state);
        this.party = party;
        this.year = year;
        this.start = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.end = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.authorizations = new AuthorizationRows(party, lookups);
        this.actions = new ActionRows(party, lookups);
    }

    /**
     * Starts a derivation for {@code party} and calendar {@code year} (UTC). Feed it the log from
     * seq 1 with {@link #accept} up to the last event applied before 1 January of {@code year + 1}
     * (see {@link #cut}), then call {@link #finish}. Memory stays bounded by the live state, so a
     * caller can stream a log of any length.
     */
    public static AefRows start(LedgerConfig config, PartyCode party, int year) {
        return new AefRows(config, party, year);
    }

    /**
     * The tables of {@code party} for calendar {@code year} (UTC) from the whole log {@code events}
     * (in sequence order from seq 1); events after the {@link #cut} are ignored.
     */
    public static AefReport derive(List<? extends LedgerEvent> events, LedgerConfig config, PartyCode party, int year) {
        AefRows rows = start(config, party, year);
        int cut = cut(events, year);
        for (int i = 0; i <= cut; i++) {
            rows.accept(events.get(i));
        }
        return rows.finish();
    }

    /**
     * The index of the last event applied before 1 January of {@code year + 1} (UTC), or -1. Times
     * come from one writer and only grow, but the cut does not rely on it: an event belongs to a
     * year by its own time, and the state of 31 December is the state after the last such event.
     */
    public static int cut(List<? extends LedgerEvent> events, int year) {
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int cut = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).at().isBefore(end)) {
                cut = i;
            }
        }
        return cut;
    }

    /** Takes the next event of the log: derives its rows (if it happened in the year) and folds it. */
    public void accept(LedgerEvent e) {
        actions.before(e);
        if (!e.at().isBefore(start) && e.at().isBefore(end)) {
            rowsOf(e);
        }
        state.apply(e);
        last = e;
        actions.after(e);
    }

    /** The tables after the last accepted event; table 4 is the state it left. */
    public AefReport finish() {
        List<ActionRow> actionRows = actions.finish();
        long asOfSeq = last == null ? 0 : last.seq();
        Optional<Instant> asOf = last == null ? Optional.empty() : Optional.of(last.at());
        return new AefReport(party, year, asOfSeq, asOf, authorizations.rows(), actionRows,
                HoldingRows.of(state, lookups, party));
    }

    /** The rows {@code e} contributes, read from the state before it is folded. */
    private void rowsOf(LedgerEvent e) {
        e.accept(rows);
    }

    /**
     * The rows of each event type. Only Article 6 actions and movements of units make rows; the
     * other types are listed so that a new event type must be placed here before it compiles.
     */
    private final class Rows implements LedgerEvent.Visitor<Void> {
        @Override
        public Void visitPartyRegistered(PartyRegistered e) {
            return null; // no AEF row: reference data
        }

        @Override
        public Void visitPartyUpdated(PartyUpdated e) {
            return null; // no AEF row: reference data
        }

        @Override
        public Void visitRegistryRegistered(RegistryRegistered e) {
            return null; // no AEF row: reference data
        }

        @Override
        public Void visitOrganizationRegistered(OrganizationRegistered e) {
            return null; // no AEF row: reference data
        }

        @Override
        public Void visitAccountOpened(AccountOpened e) {
            return null; // no AEF row: reference data
        }

        @Override
        public Void visitAccountFrozen(AccountFrozen e) {
            return null; // no AEF row: reference data
        }

        @Override
        public Void visitAccountUnfrozen(AccountUnfrozen e) {
            return null; // no AEF row: reference data
        }

        @Override
        public Void visitAccountClosed(AccountClosed e) {
            return null; // no AEF row: reference data
        }

        @Override
        public Void visitProjectRegistered(ProjectRegistered e) {
            return null; // no AEF row: reference data
        }

        @Override
        public Void visitIssuanceRequested(IssuanceRequested e) {
            return null; // no AEF row: a request moves no units
        }

        @Override
        public Void visitCreditsIssued(CreditsIssued e) {
            return null; // no AEF row: an issuance is no action of tables 2 and 3
        }

        @Override
        public Void visitCreditsTransferred(CreditsTransferred e) {
            actions.transferred(e);
            return null;
        }

        @Override
        public Void visitCreditsCancelled(CreditsCancelled e) {
            actions.cancelled(e);
            return null;
        }

        @Override
        public Void visitCreditsRetired(CreditsRetired e) {
            actions.retired(e);
            return null;
        }

        @Override
        public Void visitUnitsAuthorized(UnitsAuthorized e) {
            authorizations.authorized(e);
            return null;
        }

        @Override
        public Void visitAuthorizationAmended(AuthorizationAmended e) {
            authorizations.amended(e);
            return null;
        }

        @Override
        public Void visitAuthorizationRevoked(AuthorizationRevoked e) {
            authorizations.revoked(e);
            return null;
        }

        @Override
        public Void visitFirstTransferRecorded(FirstTransferRecorded e) {
            actions.firstTransfer(e);
            return null;
        }

        @Override
        public Void visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied e) {
            return null; // no AEF row: no row of tables 2 and 3 of its own
        }

        @Override
        public Void visitTransferPolicySet(TransferPolicySet e) {
            return null; // no AEF row: an organization's controls move no units
        }

        @Override
        public Void visitTrustedAccountAdded(TrustedAccountAdded e) {
            return null; // no AEF row: an organization's controls move no units
        }

        @Override
        public Void visitTrustedAccountRemoved(TrustedAccountRemoved e) {
            return null; // no AEF row: an organization's controls move no units
        }

        @Override
        public Void visitTransferPended(TransferPended e) {
            return null; // no AEF row: reserved units stay in the source account until the transfer executes
        }

        @Override
        public Void visitPendingTransferApproved(PendingTransferApproved e) {
            return null; // no AEF row: the approval moves no units
        }

        @Override
        public Void visitPendingTransferExecuted(PendingTransferExecuted e) {
            actions.transferred(e.asTransfer()); // the transfer it executes, reported when the units move
            return null;
        }

        @Override
        public Void visitPendingTransferCancelled(PendingTransferCancelled e) {
            return null; // no AEF row: the units never left the source account
        }

        @Override
        public Void visitPendingTransferExpired(PendingTransferExpired e) {
            return null; // no AEF row: the units never left the source account
        }

        @Override
        public Void visitProposalMade(ProposalMade e) {
            return null; // no AEF row: a proposal moves and labels no units (its approval's own events do)
        }

        @Override
        public Void visitProposalApproved(ProposalApproved e) {
            return null; // no AEF row: the approved action's events that follow it make the rows
        }

        @Override
        public Void visitProposalRejected(ProposalRejected e) {
            return null; // no AEF row: a rejected proposal never executed
        }

        @Override
        public Void visitProposalExpired(ProposalExpired e) {
            return null; // no AEF row: an expired proposal never executed
        }

        @Override
        public Void visitProjectCycleEvent(org.jcm.ledger.event.ProjectCycleEvent e) {
            return null; // no AEF row: the project cycle moves and labels no units (its issuances do)
        }
    }
}
