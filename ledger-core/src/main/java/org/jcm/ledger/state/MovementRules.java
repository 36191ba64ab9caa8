package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.reject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.command.UnitFilter;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.FirstTransferTrigger;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.BlockSerial;

/**
 * Rules for units leaving a holding account: transfers, cancellations, retirements, and the unit
 * selection they share. A transfer the organization's policy holds back (approval or delay) is
 * handed to {@link PendingTransferRules} once every rule of a direct transfer has passed. This is the hot path: no streams, no boxing, no regular expressions.
 */
final class MovementRules {

    private MovementRules() {
    }

    /** The units a command selected: event ranges and the live blocks they are part of, index by index. */
    static final class Selected {
        final ArrayList<BlockRange> ranges = new ArrayList<>(4);
        final ArrayList<Block> blocks = new ArrayList<>(4);
    }

    static Outcome transfer(LedgerData s, TransferCredits c, CommandContext ctx) {
        Actor actor = ctx.actor();
        if (actor.role() != Role.ACCOUNT_HOLDER) {
            return ReferenceRules.role(actor, Role.ACCOUNT_HOLDER);
        }
        AccountState from = s.accounts.get(c.fromAccountId());
        if (from == null) {
            return reject(Rejection.UNKNOWN_ACCOUNT, "account " + c.fromAccountId() + " does not exist");
        }
        AccountState to = s.accounts.get(c.toAccountId());
        if (to == null) {
            return reject(Rejection.UNKNOWN_ACCOUNT, "account " + c.toAccountId() + " does not exist");
        }
        List<BlockSerial> serials = c.serialRanges();
        Outcome.Rejected r = serials.isEmpty() ? null : Units.unknownProjects(s, serials);
        if (r != null) {
            return r;
        }
        if (!holderInScope(from, actor)) {
            return reject(Rejection.FORBIDDEN_SCOPE, "account " + from.id + " does not belong to organization " + actor.scope());
        }
        if (from == to) {
            return reject(Rejection.SAME_ACCOUNT, "a transfer needs two different accounts");
        }
        if (!from.isHolding() || !to.isHolding()) {
            AccountState other = from.isHolding() ? to : from;
            return reject(Rejection.NOT_HOLDING_ACCOUNT, "account " + other.id + " is a " + other.type + " account");
        }
        r = serials.isEmpty() ? null : shape(s, serials, c.quantity().tonnes());
        if (r != null) {
            return r;
        }
        if (from.closed || to.closed) {
            return reject(Rejection.ACCOUNT_CLOSED, "account " + (from.closed ? from.id : to.id) + " is closed");
        }
        if (from.frozen) {
            return reject(Rejection.ACCOUNT_FROZEN, "account " + from.id + " is frozen");
        }
        Selected selected = new Selected();
        r = select(s, from, c.quantity().tonnes(), serials, c.filter(), selected);
        if (r != null) {
            return r;
        }
        // The organization's transfer controls: two map lookups on the direct path, no allocation.
        TransferPolicy policy = s.transferPolicy(from.organizationId);
        boolean trusted = s.trusted(from, to, ctx.at());
        boolean approval = (policy.approvalThreshold().isPresent() && c.quantity().tonnes() > policy.approvalThreshold().get())
                || (!trusted && policy.untrustedNeedsApproval());
        Duration delay = trusted ? Duration.ZERO : policy.untrustedDelay();
        if (approval || !delay.isZero()) {
            return PendingTransferRules.pend(s, c, ctx, from, to, selected, trusted, approval, delay);
        }
        long seq = s.nextSeq;
        List<LedgerEvent> events = new ArrayList<>(1);
        events.add(new CreditsTransferred(seq, ctx.at(), actor, from.id, to.id, c.quantity().tonnes(), selected.ranges,
                c.trade(), c.memo()));
        PartyCode destination = to.party;
        for (int i = 0, n = selected.blocks.size(); i < n; i++) {
            Block b = selected.blocks.get(i);
            if (b.authorization != null && !b.firstTransferred) {
                // Rare: only now do we pay for grouping the first transfers by authorization.
                FirstTransfers.afterTransfer(selected, destination, seq, ctx, events);
                break;
            }
        }
        return new Outcome.Accepted(events);
    }

    static Outcome cancel(LedgerData s, CancelCredits c, CommandContext ctx) {
        Actor actor = ctx.actor();
        boolean correctionByAdmin = actor.role() == Role.REGISTRY_ADMIN && c.reason() == CancellationReason.CORRECTION;
        if (actor.role() != Role.ACCOUNT_HOLDER && !correctionByAdmin) {
            return reject(Rejection.FORBIDDEN_ROLE, "role " + actor.role().wireName()
                    + " may not cancel; it needs account-holder (or registry-admin for a correction)");
        }
        AccountState from = s.accounts.get(c.fromAccountId());
        if (from == null) {
            return reject(Rejection.UNKNOWN_ACCOUNT, "account " + c.fromAccountId() + " does not exist");
        }
        Outcome.Rejected r = Units.unknownProjects(s, c.serialRanges());
        if (r != null) {
            return r;
        }
        boolean inScope = correctionByAdmin ? actor.scope().equals(from.registryId.value()) : holderInScope(from, actor);
        if (!inScope) {
            return reject(Rejection.FORBIDDEN_SCOPE, "account " + from.id + " is outside the actor's scope " + actor.scope());
        }
        r = commonChecks(s, from, c.serialRanges(), c.quantity().tonnes());
        if (r != null) {
            return r;
        }
        Selected selected = new Selected();
        r = select(s, from, c.quantity().tonnes(), c.serialRanges(), c.filter(), selected);
        if (r != null) {
            return r;
        }
        List<LedgerEvent> events = new ArrayList<>(1);
        RegistryState registry = s.registries.get(from.registryId);
        events.add(new CreditsCancelled(s.nextSeq, ctx.at(), actor, from.id, registry.cancellation.id, c.quantity().tonnes(),
                selected.ranges, c.reason(), c.note()));
        FirstTransfers.afterUseOrCancellation(selected, s.nextSeq, ctx, events);
        return new Outcome.Accepted(events);
    }

    static Outcome retire(LedgerData s, RetireCredits c, CommandContext ctx) {
        Actor actor = ctx.actor();
        if (actor.role() != Role.ACCOUNT_HOLDER) {
            return ReferenceRules.role(actor, Role.ACCOUNT_HOLDER);
        }
        Party usingParty = null;
        if (c.usingParty().isPresent()) {
            usingParty = s.parties.get(c.usingParty().get());
            if (usingParty == null) {
                return reject(Rejection.UNKNOWN_PARTY, "using Party " + c.usingParty().get() + " is not registered");
            }
        }
        if (c.beneficiary().orElse(null) instanceof Beneficiary.Organization b && !s.organizations.containsKey(b.organizationId())) {
            return reject(Rejection.UNKNOWN_ORGANIZATION, "beneficiary organization " + b.organizationId() + " is not registered");
        }
        AccountState from = s.accounts.get(c.fromAccountId());
        if (from == null) {
            return reject(Rejection.UNKNOWN_ACCOUNT, "account " + c.fromAccountId() + " does not exist");
        }
        Outcome.Rejected r = Units.unknownProjects(s, c.serialRanges());
        if (r != null) {
            return r;
        }
        if (!holderInScope(from, actor)) {
            return reject(Rejection.FORBIDDEN_SCOPE, "account " + from.id + " does not belong to organization " + actor.scope());
        }
        if (!from.isHolding()) {
            return reject(Rejection.NOT_HOLDING_ACCOUNT, "account " + from.id + " is a " + from.type + " account");
        }
        r = c.serialRanges().isEmpty() ? null : shape(s, c.serialRanges(), c.quantity().tonnes());
        if (r != null) {
            return r;
        }
        if (c.purpose() == RetirementPurpose.NDC && (c.usingParty().isEmpty() || c.yearOfUse().isEmpty())) {
            return reject(Rejection.USE_DETAILS_REQUIRED, "a retirement for NDC use must name usingParty and yearOfUse");
        }
        if (c.purpose() == RetirementPurpose.NDC && !usingParty.parisAgreementParty()) {
            return reject(Rejection.PARTY_NOT_PARIS_AGREEMENT_PARTY, "using Party " + usingParty.code()
                    + " is not a Party to the Paris Agreement and has no NDC");
        }
        r = openAndUnfrozen(from);
        if (r != null) {
            return r;
        }
        Selected selected = new Selected();
        r = select(s, from, c.quantity().tonnes(), c.serialRanges(), c.filter(), selected);
        if (r != null) {
            return r;
        }
        if (c.purpose() != RetirementPurpose.VOLUNTARY && c.serialRanges().isEmpty()) {
            // Without named serial ranges, an NDC or OIMP retirement takes only units authorized for
            // that purpose, so a holder need not know which of its blocks are ITMOs. The account held
            // enough units matching the filter (checked just above, insufficient_units); if it holds
            // too few of them authorized for the purpose, that is the rule that is broken.
            selected = new Selected();
            if (select(s, from, c.quantity().tonnes(), c.filter(), c.purpose(), selected) != null) {
                return reject(Rejection.UNITS_NOT_AUTHORIZED_FOR_PURPOSE, "account " + from.id + " holds fewer than "
                        + c.quantity().tonnes() + " matching units authorized for " + c.purpose() + " use");
            }
        }
        if (c.purpose() != RetirementPurpose.VOLUNTARY) {
            for (Block b : selected.blocks) {
                if (!authorizedFor(b, c.purpose())) {
                    return reject(Rejection.UNITS_NOT_AUTHORIZED_FOR_PURPOSE, "units of " + Units.serial(s, b.range(b.first, b.last))
                            + " are not authorized for " + c.purpose() + " use");
                }
            }
        }
        List<LedgerEvent> events = new ArrayList<>(1);
        RegistryState registry = s.registries.get(from.registryId);
        events.add(new CreditsRetired(s.nextSeq, ctx.at(), actor, from.id, registry.retirement.id, c.quantity().tonnes(),
                selected.ranges, c.purpose(), c.beneficiary(), c.usingParty(), c.yearOfUse(), c.note()));
        FirstTransfers.afterUseOrCancellation(selected, s.nextSeq, ctx, events);
        return new Outcome.Accepted(events);
    }

    private static Outcome.Rejected commonChecks(LedgerData s, AccountState from, List<BlockSerial> serials, long quantity) {
        if (!from.isHolding()) {
            return reject(Rejection.NOT_HOLDING_ACCOUNT, "account " + from.id + " is a " + from.type + " account");
        }
        Outcome.Rejected r = serials.isEmpty() ? null : shape(s, serials, quantity);
        return r != null ? r : openAndUnfrozen(from);
    }

    private static Outcome.Rejected openAndUnfrozen(AccountState from) {
        if (from.closed) {
            return reject(Rejection.ACCOUNT_CLOSED, "account " + from.id + " is closed");
        }
        if (from.frozen) {
            return reject(Rejection.ACCOUNT_FROZEN, "account " + from.id + " is frozen");
        }
        return null;
    }

    private static boolean holderInScope(AccountState account, Actor actor) {
        return account.organizationId != null && account.organizationId.value().equals(actor.scope());
    }

    /** quantity_mismatch and overlapping_serial_ranges, in that order. */
    private static Outcome.Rejected shape(LedgerData s, List<BlockSerial> serials, long quantity) {
        long total = Units.total(serials);
        if (total != quantity) {
            return reject(Rejection.QUANTITY_MISMATCH, "the serial ranges hold " + total + " units, the quantity is " + quantity);
        }
        return Units.overlapping(s, serials);
    }

    /**
     * Selects the units to move from {@code from}: the named serial ranges, or the first
     * {@code quantity} units in selection order that match the filter (the low end of the last
     * block used). Units reserved for a pending action are never selected: selection by filter
     * skips them, and naming them is refused {@code units_reserved}. Reads only.
     */
    static Outcome.Rejected select(LedgerData s, AccountState from, long quantity, List<BlockSerial> serials,
                                   Optional<UnitFilter> filter, Selected out) {
        if (!serials.isEmpty()) {
            return selectNamed(s, from, serials, out);
        }
        return select(s, from, quantity, filter, null, out);
    }

    /** Whether {@code b} is authorized for a retirement with {@code purpose} (NDC or OIMP). */
    private static boolean authorizedFor(Block b, RetirementPurpose purpose) {
        return b.authorization != null && (purpose == RetirementPurpose.NDC
                ? b.authorization.purpose.includesNdc() : b.authorization.purpose.includesOimp());
    }

    /**
     * Selects the first {@code quantity} units in selection order that match the filter and, when
     * {@code purpose} is NDC or OIMP, are authorized for it ({@code null}: any units).
     */
    private static Outcome.Rejected select(LedgerData s, AccountState from, long quantity, Optional<UnitFilter> filter,
                                           RetirementPurpose purpose, Selected out) {
        boolean byPurpose = purpose != null && purpose != RetirementPurpose.VOLUNTARY;
        ProjectId project = null;
        Vintage vintage = null;
        Label label = null;
        if (filter.isPresent()) {
            UnitFilter f = filter.get();
            project = f.projectId().orElse(null);
            vintage = f.vintage().orElse(null);
            label = f.label().orElse(null);
        }
        long need = quantity;
        for (Block b : from.blocks) {
            if ((vintage != null && b.vintage != vintage && !b.vintage.equals(vintage))
                    || (project != null && !b.project.equals(project))
                    || (label != null && b.caState.label() != label)
                    || (byPurpose && !authorizedFor(b, purpose))
                    || b.reservedFor != null) {
                continue;
            }
            long size = b.size();
            long take = size <= need ? size : need;
            out.ranges.add(b.range(b.first, b.first + take - 1));
            out.blocks.add(b);
            need -= take;
            if (need == 0) {
                return null;
            }
        }
        return reject(Rejection.INSUFFICIENT_UNITS, "account " + from.id + " holds " + (quantity - need)
                + " available matching units (not reserved for a pending action), fewer than " + quantity);
    }

    private static Outcome.Rejected selectNamed(LedgerData s, AccountState from, List<BlockSerial> serials, Selected out) {
        List<Units.Piece> pieces = new ArrayList<>();
        for (BlockSerial serial : serials) {
            Outcome.Rejected r = Units.collect(s, serial, pieces);
            if (r != null) {
                return r;
            }
        }
        for (Units.Piece p : pieces) {
            if (p.block().status != BlockStatus.ACTIVE) {
                return reject(Rejection.UNIT_NOT_ACTIVE, "units " + p.serial(s) + " are " + p.block().status);
            }
        }
        for (Units.Piece p : pieces) {
            if (p.block().holder != from) {
                return reject(Rejection.UNITS_NOT_HELD, "units " + p.serial(s) + " are not held by " + from.id);
            }
        }
        for (Units.Piece p : pieces) {
            if (p.block().reservedFor != null && !p.block().reservedFor.equals(s.executing)) {
                return reject(Rejection.UNITS_RESERVED, "units " + p.serial(s) + " are reserved for pending action "
                        + p.block().reservedFor.value());
            }
        }
        for (Units.Piece p : pieces) {
            out.ranges.add(p.range());
            out.blocks.add(p.block());
        }
        return null;
    }

    /** First transfers triggered by moving units (kept here so the hot path stays in one class). */
    static final class FirstTransfers {

        private FirstTransfers() {
        }

        /** NDC: units first held in a registry of a Party other than the host. */
        static void afterTransfer(Selected selected, PartyCode destination, long causeSeq, CommandContext ctx,
                                  List<LedgerEvent> events) {
            Grouping grouping = new Grouping();
            for (int i = 0; i < selected.blocks.size(); i++) {
                Block b = selected.blocks.get(i);
                if (b.authorization != null && !b.firstTransferred && b.authorization.purpose.includesNdc()
                        && !destination.equals(b.host)) {
                    grouping.add(b.authorization.id, FirstTransferTrigger.INTERNATIONAL_TRANSFER, b.host,
                            Optional.of(destination), selected.ranges.get(i));
                }
            }
            grouping.emit(causeSeq, ctx, events);
        }

        /** OIMP with definition USE_OR_CANCELLATION: a retirement or cancellation. */
        static void afterUseOrCancellation(Selected selected, long causeSeq, CommandContext ctx, List<LedgerEvent> events) {
            Grouping grouping = null;
            for (int i = 0; i < selected.blocks.size(); i++) {
                Block b = selected.blocks.get(i);
                AuthorizationState a = b.authorization;
                if (a != null && !b.firstTransferred && a.purpose.includesOimp()
                        && a.firstTransferDefinition.orElse(null) == OimpFirstTransfer.USE_OR_CANCELLATION) {
                    if (grouping == null) {
                        grouping = new Grouping();
                    }
                    grouping.add(a.id, FirstTransferTrigger.OIMP_USE_OR_CANCELLATION, b.host, Optional.empty(),
                            selected.ranges.get(i));
                }
            }
            if (grouping != null) {
                grouping.emit(causeSeq, ctx, events);
            }
        }
    }
}
