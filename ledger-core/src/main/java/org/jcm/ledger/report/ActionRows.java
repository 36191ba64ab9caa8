package org.jcm.ledger.report;

import static org.jcm.ledger.report.AefLookups.date;
import static org.jcm.ledger.report.AefLookups.itmo;

import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.FirstTransferTrigger;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.state.Authorization;

/**
 * AEF table 3 of one Party: its actions on authorized units (first transfers, transfers,
 * acquisitions, uses, cancellations), one row per range. A transfer's rows wait until the
 * FirstTransferRecorded events that follow it have been seen: units first transferred by that very
 * transfer are reported by the host as a first transfer, not as a transfer.
 */
final class ActionRows {

    private final PartyCode party;
    private final AefLookups lookups;
    private final List<ActionRow> rows = new ArrayList<>();
    /** The last event that was not a FirstTransferRecorded: the cause of the ones that follow it. */
    private LedgerEvent cause;
    /** Transfer rows of the last cause, kept until its FirstTransferRecorded events (which follow it directly) end. */
    private final List<PendingTransfer> pending = new ArrayList<>();
    private final List<BlockRange> firstTransferredByCause = new ArrayList<>();

    private record PendingTransfer(BlockRange range, ActionRow row) {
    }

    ActionRows(PartyCode party, AefLookups lookups) {
        this.party = party;
        this.lookups = lookups;
    }

    /** Before an event's rows: any event but a FirstTransferRecorded ends the first transfers of the last cause. */
    void before(LedgerEvent e) {
        if (!(e instanceof FirstTransferRecorded)) {
            flushTransfers();
        }
    }

    /** After an event is folded: it is the next cause, or a first transfer of the current one. */
    void after(LedgerEvent e) {
        if (e instanceof FirstTransferRecorded ft) {
            firstTransferredByCause.addAll(ft.ranges());
        } else {
            // An executed pending transfer is the transfer it carries out.
            cause = e instanceof PendingTransferExecuted x ? x.asTransfer() : e;
        }
    }

    /**
     * The rows after the last event, in event order (deferred transfer rows were added after the
     * first transfers that followed them).
     */
    List<ActionRow> finish() {
        flushTransfers();
        rows.sort(Comparator.comparingLong(ActionRow::seq));
        return rows;
    }

    private void flushTransfers() {
        for (PendingTransfer p : pending) {
            if (!within(p.range(), firstTransferredByCause)) {
                rows.add(p.row());
            }
        }
        pending.clear();
        firstTransferredByCause.clear();
    }

    /**
     * The host reports the first transfer. Units authorized while already held abroad were never
     * moved by a transfer event, so their acquiring Party's acquisition is reported here too.
     */
    void firstTransfer(FirstTransferRecorded e) {
        Authorization a = lookups.authorization(e.authorizationId(), e);
        for (BlockRange r : e.ranges()) {
            RegistryId before = cause instanceof CreditsTransferred t ? lookups.registryOf(t.fromAccountId())
                    : lookups.holderRegistry(r);
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
    void transferred(CreditsTransferred e) {
        RegistryId fromRegistry = lookups.registryOf(e.fromAccountId());
        RegistryId toRegistry = lookups.registryOf(e.toAccountId());
        PartyCode from = lookups.partyOf(fromRegistry);
        PartyCode to = lookups.partyOf(toRegistry);
        if (from.equals(to)) {
            return;
        }
        for (BlockRange r : e.ranges()) {
            Optional<Authorization> a = lookups.authorizationOf(r);
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
    void retired(CreditsRetired e) {
        RegistryId registry = lookups.registryOf(e.fromAccountId());
        PartyCode registryParty = lookups.partyOf(registry);
        for (BlockRange r : e.ranges()) {
            Optional<Authorization> a = lookups.authorizationOf(r);
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
                        Optional.of(UsePurpose.OIMP), Optional.of(e.beneficiary().map(lookups::beneficiaryName).orElse(registryParty.value())),
                        Optional.of(e.yearOfUse().orElse(Year.of(date(e).getYear()))));
                case VOLUNTARY -> action(e, ActionType.CANCELLATION, registryParty, a.get(), r, registry, Optional.empty(),
                        Optional.empty(), Optional.of(UsePurpose.VOLUNTARY), e.beneficiary().map(lookups::beneficiaryName), Optional.empty());
            }
        }
    }

    void cancelled(CreditsCancelled e) {
        RegistryId registry = lookups.registryOf(e.fromAccountId());
        PartyCode registryParty = lookups.partyOf(registry);
        UsePurpose purpose = e.reason() == CancellationReason.OMGE ? UsePurpose.OMGE
                : e.reason() == CancellationReason.CORRECTION ? UsePurpose.CORRECTION : UsePurpose.VOLUNTARY;
        for (BlockRange r : e.ranges()) {
            Optional<Authorization> a = lookups.authorizationOf(r);
            if (a.isPresent()) {
                action(e, ActionType.CANCELLATION, registryParty, a.get(), r, registry, Optional.empty(), Optional.empty(),
                        Optional.of(purpose), Optional.empty(), Optional.empty());
            }
        }
    }

    private void action(LedgerEvent e, ActionType type, PartyCode reporting, Authorization a, BlockRange r,
                        RegistryId registry, Optional<PartyCode> transferring, Optional<PartyCode> acquiring,
                        Optional<UsePurpose> purposeOfUse, Optional<String> user, Optional<Year> yearOfUse) {
        row(e, type, reporting, a, r, registry, transferring, acquiring, purposeOfUse, user, yearOfUse).ifPresent(rows::add);
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
                a.purpose(), purposeOfUse, user, yearOfUse, lookups.sectorActivity(r)));
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
}
