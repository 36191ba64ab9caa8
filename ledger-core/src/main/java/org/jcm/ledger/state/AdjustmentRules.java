package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.reject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.BlockSerial;

/**
 * The Article 6.2 rule of the corresponding adjustment (docs/domain.md section 5): a Party applies
 * it to units it hosts that a first transfer left pending, for one year of an NDC period, with the
 * CA method it fixed for that period. The checks run in the precedence order of {@link Rejection}.
 */
final class AdjustmentRules {

    private AdjustmentRules() {
    }

    static Outcome adjust(LedgerData s, ApplyCorrespondingAdjustment c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.GOVERNMENT);
        if (r != null) {
            return r;
        }
        if (!s.parties.containsKey(c.party())) {
            return reject(Rejection.UNKNOWN_PARTY, "Party " + c.party() + " is not registered");
        }
        r = Units.unknownProjects(s, c.serialRanges());
        if (r != null) {
            return r;
        }
        List<FirstTransferRecorded> firstTransfers = new ArrayList<>();
        r = namedFirstTransfers(s, c, firstTransfers);
        if (r != null) {
            return r;
        }
        if (!ctx.actor().scope().equals(c.party().value())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor acts for " + ctx.actor().scope() + ", not " + c.party());
        }
        r = Units.overlapping(s, c.serialRanges());
        if (r == null && new HashSet<>(c.firstTransferSeqs()).size() != c.firstTransferSeqs().size()) {
            r = reject(Rejection.OVERLAPPING_SERIAL_RANGES, "a first-transfer sequence number is named twice");
        }
        if (r == null) {
            r = hostedByParty(s, c, firstTransfers);
        }
        if (r != null) {
            return r;
        }
        NdcPeriod period = s.config.periodOf(c.year().getValue()).orElse(null);
        if (period == null) {
            return reject(Rejection.YEAR_OUTSIDE_NDC_PERIOD, "year " + c.year() + " is in no NDC period " + s.config.ndcPeriods());
        }
        r = ofAdjustedYear(c, firstTransfers);
        if (r != null) {
            return r;
        }
        CaMethod fixed = s.caMethods.get(new LedgerData.CaMethodKey(c.party(), period));
        if (fixed != null && fixed != c.method()) {
            return reject(Rejection.CA_METHOD_MISMATCH, c.party() + " applies " + fixed + " in the NDC period " + period);
        }
        List<Units.Piece> pieces = new ArrayList<>();
        r = pendingPieces(s, c, firstTransfers, pieces);
        if (r != null) {
            return r;
        }
        return StateMachine.accept(new CorrespondingAdjustmentApplied(s.nextSeq, ctx.at(), ctx.actor(), c.party(), c.year(),
                c.method(), c.firstTransferSeqs(), Units.ranges(pieces)));
    }

    /** unknown_first_transfer: the FirstTransferRecorded events the adjustment names, into {@code out}. */
    private static Outcome.Rejected namedFirstTransfers(LedgerData s, ApplyCorrespondingAdjustment c,
                                                        List<FirstTransferRecorded> out) {
        for (Long seq : c.firstTransferSeqs()) {
            FirstTransferRecorded ft = s.firstTransfers.get(seq);
            if (ft == null) {
                return reject(Rejection.UNKNOWN_FIRST_TRANSFER, "event " + seq + " is not a FirstTransferRecorded event");
            }
            out.add(ft);
        }
        return null;
    }

    /** not_host_party: every named unit, and every named first transfer, is hosted by the adjusting Party. */
    private static Outcome.Rejected hostedByParty(LedgerData s, ApplyCorrespondingAdjustment c,
                                                  List<FirstTransferRecorded> firstTransfers) {
        // The host of each named unit, and its vintage, are known without looking at blocks.
        for (BlockSerial serial : c.serialRanges()) {
            PartyCode host = Units.host(s, serial);
            if (!host.equals(c.party())) {
                return reject(Rejection.NOT_HOST_PARTY, "units " + serial + " are hosted by " + host + ", not " + c.party());
            }
        }
        for (FirstTransferRecorded ft : firstTransfers) {
            if (!ft.transferringParty().equals(c.party())) {
                return reject(Rejection.NOT_HOST_PARTY, "first transfer " + ft.seq() + " is of units hosted by " + ft.transferringParty());
            }
        }
        return null;
    }

    /** adjustment_year_mismatch: every named unit, and every unit of a named first transfer, is of the adjusted year. */
    private static Outcome.Rejected ofAdjustedYear(ApplyCorrespondingAdjustment c, List<FirstTransferRecorded> firstTransfers) {
        for (BlockSerial serial : c.serialRanges()) {
            if (serial.vintage().year() != c.year().getValue()) {
                return reject(Rejection.ADJUSTMENT_YEAR_MISMATCH, "units " + serial + " are of vintage " + serial.vintage()
                        + ", not " + c.year());
            }
        }
        for (FirstTransferRecorded ft : firstTransfers) {
            for (BlockRange range : ft.ranges()) {
                if (range.vintage().year() != c.year().getValue()) {
                    return reject(Rejection.ADJUSTMENT_YEAR_MISMATCH, "first transfer " + ft.seq() + " has units of vintage "
                            + range.vintage() + ", not " + c.year());
                }
            }
        }
        return null;
    }

    /**
     * The live pieces of the named units and first transfers, into {@code out}: unknown_units for
     * named units that were not issued as named, then ca_not_pending.
     */
    private static Outcome.Rejected pendingPieces(LedgerData s, ApplyCorrespondingAdjustment c,
                                                  List<FirstTransferRecorded> firstTransfers, List<Units.Piece> out) {
        for (BlockSerial serial : c.serialRanges()) {
            Outcome.Rejected r = Units.collect(s, serial, out);
            if (r != null) {
                return r;
            }
        }
        for (FirstTransferRecorded ft : firstTransfers) {
            for (BlockRange range : ft.ranges()) {
                Units.collect(s, range, out);
            }
        }
        for (Units.Piece p : out) {
            if (p.block().caState != CaState.PENDING) {
                return reject(Rejection.CA_NOT_PENDING, "units " + p.serial(s) + " are " + p.block().caState + ", not PENDING");
            }
        }
        return null;
    }
}
