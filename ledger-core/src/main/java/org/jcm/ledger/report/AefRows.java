package org.jcm.ledger.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.credit.FirstTransferTrigger;
import org.jcm.ledger.event.AccountClosed;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.AccountUnfrozen;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.BlockRange;
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
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.state.Authorization;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.serial.ItmoId;

/**
 * Derives the AEF tables 2, 3 and 4 of a Party and calendar year from the event log: it folds the
 * events with ledger-core's own fold and reads each event's rows from the state just before that
 * event, so every row sees the units' authorization and holder exactly as they were then; table 4
 * is the state after the last event of the year. See docs/article6.md for the rules.
 */
public final class AefRows {

    /** The dispatch of {@link #rowsOf}, one per derivation. */
    private final Rows rows = new Rows();
    private final LedgerState state;
    private final PartyCode party;
    private final int year;
    private final Instant start;
    private final Instant end;
    private final List<AuthorizationRow> authorizations = new ArrayList<>();
    private final List<ActionRow> actions = new ArrayList<>();
    private LedgerEvent last;
    /** The last event that was not a FirstTransferRecorded: the cause of the ones that follow it. */
    private LedgerEvent cause;
    /**
     * Transfer rows of the last cause, kept until its FirstTransferRecorded events (which follow it
     * directly) have been seen: units first transferred by that very transfer are reported by the
     * host as a first transfer, not as a transfer.
     */
    private final List<PendingTransfer> pending = new ArrayList<>();
    private final List<BlockRange> firstTransferredByCause = new ArrayList<>();

    private record PendingTransfer(BlockRange range, ActionRow row) {
    }

    private AefRows(LedgerConfig config, PartyCode party, int year) {
        this.state = new LedgerState(config);
        this.state.setChangeTracking(false);
        this.party = party;
        this.year = year;
        this.start = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.end = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
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
        if (!(e instanceof FirstTransferRecorded)) {
            flushTransfers();
        }
        if (!e.at().isBefore(start) && e.at().isBefore(end)) {
            rowsOf(e);
        }
        state.apply(e);
        last = e;
        if (e instanceof FirstTransferRecorded ft) {
            firstTransferredByCause.addAll(ft.ranges());
        } else {
            cause = e;
        }
    }

    /** The tables after the last accepted event; table 4 is the state it left. */
    public AefReport finish() {
        flushTransfers();
        // Deferred transfer rows were added after the first transfers that followed them.
        actions.sort(Comparator.comparingLong(ActionRow::seq));
        long asOfSeq = last == null ? 0 : last.seq();
        Optional<Instant> asOf = last == null ? Optional.empty() : Optional.of(last.at());
        return new AefReport(party, year, asOfSeq, asOf, authorizations, actions, holdings());
    }

    private void flushTransfers() {
        for (PendingTransfer p : pending) {
            if (!within(p.range(), firstTransferredByCause)) {
                actions.add(p.row());
            }
        }
        pending.clear();
        firstTransferredByCause.clear();
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
            transferred(e);
            return null;
        }

        @Override
        public Void visitCreditsCancelled(CreditsCancelled e) {
            cancelled(e);
            return null;
        }

        @Override
        public Void visitCreditsRetired(CreditsRetired e) {
            retired(e);
            return null;
        }

        @Override
        public Void visitUnitsAuthorized(UnitsAuthorized e) {
            authorized(e);
            return null;
        }

        @Override
        public Void visitAuthorizationAmended(AuthorizationAmended e) {
            amended(e);
            return null;
        }

        @Override
        public Void visitAuthorizationRevoked(AuthorizationRevoked e) {
            revoked(e);
            return null;
        }

        @Override
        public Void visitFirstTransferRecorded(FirstTransferRecorded e) {
            firstTransfer(e);
            return null;
        }

        @Override
        public Void visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied e) {
            return null; // no AEF row: no row of tables 2 and 3 of its own
        }
    }

    // ------------------------------------------------------------------ table 2

    private void authorized(UnitsAuthorized e) {
        if (e.party().equals(party)) {
            authorizations.add(new AuthorizationRow(e.seq(), date(e), e.authorizationId(), 1, AuthorizationChange.ORIGINAL,
                    e.party(), e.cooperativeApproachId(), e.purpose(), e.oimp(), e.firstTransferDefinition(),
                    e.terms().authorizedQuantity(), e.terms().vintages(), e.terms().authorizedEntities(), total(e.ranges()),
                    e.issuanceId(), Optional.empty()));
        }
    }

    private void amended(AuthorizationAmended e) {
        Authorization a = authorization(e.authorizationId(), e);
        if (a.party().equals(party)) {
            authorizations.add(new AuthorizationRow(e.seq(), date(e), a.id(), e.version(), AuthorizationChange.AMENDMENT,
                    a.party(), a.cooperativeApproachId(), a.purpose(), a.oimp(), a.firstTransferDefinition(),
                    e.terms().authorizedQuantity(), e.terms().vintages(), e.terms().authorizedEntities(), total(e.ranges()),
                    e.issuanceId(), e.reason()));
        }
    }

    private void revoked(AuthorizationRevoked e) {
        Authorization a = authorization(e.authorizationId(), e);
        if (a.party().equals(party)) {
            authorizations.add(new AuthorizationRow(e.seq(), date(e), a.id(), a.version(), AuthorizationChange.REVOCATION,
                    a.party(), a.cooperativeApproachId(), a.purpose(), a.oimp(), a.firstTransferDefinition(),
                    a.terms().authorizedQuantity(), a.terms().vintages(), a.terms().authorizedEntities(), total(e.ranges()),
                    Optional.empty(), e.reason()));
        }
    }

    // ------------------------------------------------------------------ table 3

    /**
     * The host reports the first transfer. Units authorized while already held abroad were never
     * moved by a transfer event, so their acquiring Party's acquisition is reported here too.
     */
    private void firstTransfer(FirstTransferRecorded e) {
        Authorization a = authorization(e.authorizationId(), e);
        for (BlockRange r : e.ranges()) {
            RegistryId before = cause instanceof CreditsTransferred t ? registryOf(t.fromAccountId()) : holderRegistry(r);
            action(e, ActionType.FIRST_TRANSFER, e.transferringParty(), a, r, before, Optional.of(e.transferringParty()),
                    e.acquiringParty(), Optional.empty(), Optional.empty(), Optional.empty());
            if (e.trigger() == FirstTransferTrigger.AUTHORIZATION_HELD_ABROAD) {
                action(e, ActionType.ACQUISITION, e.acquiringParty().orElseThrow(), a, r, before,
                        Optional.of(e.transferringParty()), e.acquiringParty(), Optional.empty(), Optional.empty(),
                        Optional.empty());
            }
        }
    }

    /**
     * An international transfer of authorized units: the transferring Party reports a transfer
     * (unless this very transfer is the units' first transfer, which the host reports as such) and
     * the acquiring Party an acquisition. Transfers between registries of one Party are not actions.
     */
    private void transferred(CreditsTransferred e) {
        RegistryId fromRegistry = registryOf(e.fromAccountId());
        RegistryId toRegistry = registryOf(e.toAccountId());
        PartyCode from = partyOf(fromRegistry);
        PartyCode to = partyOf(toRegistry);
        if (from.equals(to)) {
            return;
        }
        for (BlockRange r : e.ranges()) {
            Optional<Authorization> a = authorizationOf(r);
            if (a.isEmpty()) {
                continue;
            }
            row(e, ActionType.TRANSFER, from, a.get(), r, fromRegistry, Optional.of(from), Optional.of(to),
                    Optional.empty(), Optional.empty(), Optional.empty()).ifPresent(row -> pending.add(new PendingTransfer(r, row)));
            action(e, ActionType.ACQUISITION, to, a.get(), r, toRegistry, Optional.of(from), Optional.of(to),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * Retirement for NDC is the using Party's use, for the year of use it names; retirement for an
     * OIMP is a use reported by the registry's Party, the beneficiary being the using entity; a
     * voluntary retirement of authorized units counts for no one, so it is reported as a cancellation.
     */
    private void retired(CreditsRetired e) {
        RegistryId registry = registryOf(e.fromAccountId());
        PartyCode registryParty = partyOf(registry);
        for (BlockRange r : e.ranges()) {
            Optional<Authorization> a = authorizationOf(r);
            if (a.isEmpty()) {
                continue;
            }
            switch (e.purpose()) {
                case NDC -> {
                    PartyCode user = e.usingParty().orElseThrow();
                    action(e, ActionType.USE, user, a.get(), r, registry, Optional.empty(), Optional.empty(),
                            Optional.of(UsePurpose.NDC), Optional.of(user.value()), e.yearOfUse());
                }
                case OIMP -> action(e, ActionType.USE, registryParty, a.get(), r, registry, Optional.empty(), Optional.empty(),
                        Optional.of(UsePurpose.OIMP), Optional.of(e.beneficiary().orElse(registryParty.value())),
                        Optional.of(e.yearOfUse().orElse(Year.of(date(e).getYear()))));
                case VOLUNTARY -> action(e, ActionType.CANCELLATION, registryParty, a.get(), r, registry, Optional.empty(),
                        Optional.empty(), Optional.of(UsePurpose.VOLUNTARY), e.beneficiary(), Optional.empty());
            }
        }
    }

    private void cancelled(CreditsCancelled e) {
        RegistryId registry = registryOf(e.fromAccountId());
        PartyCode registryParty = partyOf(registry);
        UsePurpose purpose = e.reason() == CancellationReason.OMGE ? UsePurpose.OMGE
                : e.reason() == CancellationReason.CORRECTION ? UsePurpose.CORRECTION : UsePurpose.VOLUNTARY;
        for (BlockRange r : e.ranges()) {
            Optional<Authorization> a = authorizationOf(r);
            if (a.isPresent()) {
                action(e, ActionType.CANCELLATION, registryParty, a.get(), r, registry, Optional.empty(), Optional.empty(),
                        Optional.of(purpose), Optional.empty(), Optional.empty());
            }
        }
    }

    private void action(LedgerEvent e, ActionType type, PartyCode reporting, Authorization a, BlockRange r,
                        RegistryId registry, Optional<PartyCode> transferring, Optional<PartyCode> acquiring,
                        Optional<UsePurpose> purposeOfUse, Optional<String> user, Optional<Year> yearOfUse) {
        row(e, type, reporting, a, r, registry, transferring, acquiring, purposeOfUse, user, yearOfUse).ifPresent(actions::add);
    }

    /** The row of an action, if the reporting Party is the one this derivation is for. */
    private Optional<ActionRow> row(LedgerEvent e, ActionType type, PartyCode reporting, Authorization a, BlockRange r,
                                    RegistryId registry, Optional<PartyCode> transferring, Optional<PartyCode> acquiring,
                                    Optional<UsePurpose> purposeOfUse, Optional<String> user, Optional<Year> yearOfUse) {
        if (!reporting.equals(party)) {
            return Optional.empty();
        }
        return Optional.of(new ActionRow(e.seq(), date(e), type, reporting, a.cooperativeApproachId(), a.id(), r.hostParty(),
                registry, itmo(a, r, r.first()), itmo(a, r, r.last()), r.size(), r.vintage(), transferring, acquiring,
                a.purpose(), purposeOfUse, user, yearOfUse));
    }

    // ------------------------------------------------------------------ table 4

    /** Active authorized blocks held in registries of the Party, after the last event of the year. */
    private List<HoldingRow> holdings() {
        List<HoldingRow> rows = new ArrayList<>();
        for (CreditBlock b : state.blocks(Optional.empty(), Optional.empty(), Optional.of(BlockStatus.ACTIVE), Optional.empty())) {
            if (b.authorizationId().isEmpty()) {
                continue;
            }
            RegistryId registry = registryOf(b.holderAccountId());
            if (!partyOf(registry).equals(party)) {
                continue;
            }
            Authorization a = state.authorization(b.authorizationId().get()).orElseThrow();
            rows.add(new HoldingRow(registry, b.holderAccountId(), a.cooperativeApproachId(), a.id(), b.hostParty(),
                    b.firstItmoId(a.cooperativeApproachId()), b.lastItmoId(a.cooperativeApproachId()), b.quantity(),
                    b.vintage(), a.purpose(), b.caState(), b.firstTransferred()));
        }
        rows.sort(Comparator.comparing((HoldingRow h) -> h.registryId().value())
                .thenComparing(h -> h.accountId().value())
                .thenComparing(HoldingRow::firstTransferringParty)
                .thenComparing(HoldingRow::vintage)
                .thenComparingLong(h -> h.firstId().unit()));
        return rows;
    }

    // ------------------------------------------------------------------ lookups in the state before the event

    /** The authorization of the live block holding {@code r}, if the units are authorized. */
    private Optional<Authorization> authorizationOf(BlockRange r) {
        CreditBlock b = state.blockContaining(r.hostParty(), r.vintage(), r.first()).orElseThrow();
        return b.authorizationId().flatMap(state::authorization);
    }

    private RegistryId holderRegistry(BlockRange r) {
        return registryOf(state.blockContaining(r.hostParty(), r.vintage(), r.first()).orElseThrow().holderAccountId());
    }

    private RegistryId registryOf(AccountId account) {
        return state.account(account).orElseThrow().registryId();
    }

    private PartyCode partyOf(RegistryId registry) {
        return state.registry(registry).orElseThrow().party();
    }

    private Authorization authorization(AuthorizationId id, LedgerEvent e) {
        return state.authorization(id).orElseThrow(
                () -> new IllegalStateException("event " + e.seq() + " names unknown authorization " + id));
    }

    private static ItmoId itmo(Authorization a, BlockRange r, long unit) {
        return new ItmoId(a.cooperativeApproachId(), r.issuingRegistryId(), r.hostParty(), unit, r.vintage());
    }

    private static boolean within(BlockRange r, List<BlockRange> ranges) {
        for (BlockRange o : ranges) {
            if (o.hostParty().equals(r.hostParty()) && o.vintage().equals(r.vintage()) && o.first() <= r.first()
                    && r.last() <= o.last()) {
                return true;
            }
        }
        return false;
    }

    private static long total(List<BlockRange> ranges) {
        long sum = 0;
        for (BlockRange r : ranges) {
            sum += r.size();
        }
        return sum;
    }

    private static LocalDate date(LedgerEvent e) {
        return LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
    }
}
