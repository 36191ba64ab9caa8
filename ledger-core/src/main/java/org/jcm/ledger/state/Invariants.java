package org.jcm.ledger.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.PendingActionId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;

/**
 * Checks the invariants of docs/domain.md section 4 on a state, and the allowed transitions between
 * two snapshots. Returns violations as sentences; an empty list means the ledger is sound. Used
 * by the property tests after every step and by the ledger verification endpoint after replay.
 */
public final class Invariants {

    private Invariants() {
    }

    /** Every violation of a state invariant found in {@code state}. */
    public static List<String> check(LedgerState state) {
        List<String> v = new ArrayList<>();
        Map<String, Long> issuedPerLine = new HashMap<>();
        for (Issuance i : state.data.issuances.values()) {
            long sum = 0;
            for (IssuedAllocation a : i.allocations()) {
                if (a.quantity() <= 0) {
                    v.add("issuance " + i.id() + " has a non-positive allocation");
                }
                sum += a.quantity();
            }
            if (sum != i.totalQuantity()) {
                v.add("issuance " + i.id() + " allocations add up to " + sum + ", total is " + i.totalQuantity());
            }
            issuedPerLine.merge(i.hostParty() + "/" + i.vintage(), i.totalQuantity(), Long::sum);
        }
        int blocks = 0;
        for (Map.Entry<PartyCode, UnitLine[]> e : state.data.lines.entrySet()) {
            for (int vi = 0; vi < Vintage.COUNT; vi++) {
                UnitLine line = e.getValue()[vi];
                if (line == null) {
                    continue;
                }
                String name = e.getKey() + "/" + (Vintage.FIRST + vi);
                long expected = 1;
                for (Block b : line.blocks) {
                    blocks++;
                    if (line.blocks.get(b.first) != b) {
                        v.add(name + ": block " + b + " is not found under its first unit");
                    }
                    if (b.first != expected) {
                        v.add(name + ": block " + b + " starts at " + b.first + ", expected " + expected
                                + (b.first < expected ? " (overlap)" : " (gap)"));
                    }
                    if (b.last < b.first) {
                        v.add(name + ": block " + b + " is empty");
                    }
                    expected = b.last + 1;
                    checkBlock(state, b, v);
                }
                if (expected != line.nextUnit) {
                    v.add(name + ": live blocks end at " + (expected - 1) + " but " + (line.nextUnit - 1) + " units were issued");
                }
                long issued = issuedPerLine.getOrDefault(name, 0L);
                if (issued != line.nextUnit - 1) {
                    v.add(name + ": issuances total " + issued + " but the numbering reached " + (line.nextUnit - 1));
                }
            }
        }
        long issuedTotal = state.issuedUnitsTotal();
        if (issuedTotal < 0 || issuedTotal > Quantity.MAX) {
            v.add("the ledger holds " + issuedTotal + " issued units, more than 2^53 - 1");
        }
        if (blocks != state.liveBlockCount()) {
            v.add("live block count is " + state.liveBlockCount() + " but the lines hold " + blocks);
        }
        int indexed = 0;
        for (AccountState a : state.data.accounts.values()) {
            indexed += a.blocks.size();
            checkAccount(a, v);
        }
        if (indexed != blocks) {
            v.add("accounts index " + indexed + " blocks but the lines hold " + blocks);
        }
        checkReservations(state, v);
        checkPendingTransfers(state, v);
        for (AuthorizationState a : state.data.authorizations.values()) {
            if (a.terms.authorizedQuantity().isPresent() && a.unitCount > a.terms.authorizedQuantity().get().tonnes()) {
                v.add("authorization " + a.id + " covers " + a.unitCount + " units, over its cap");
            }
            if (a.firstTransferredUnits > a.unitCount) {
                v.add("authorization " + a.id + " has more first-transferred units than units");
            }
            if (a.revoked && a.firstTransferredUnits > 0) {
                v.add("authorization " + a.id + " was revoked after a first transfer");
            }
        }
        ProposalInvariants.check(state.data, v);
        return v;
    }

    /**
     * Reserved units belong to exactly one pending action that holds a reservation, are active and
     * held by the reservation's account; each reservation and each account's count of reserved
     * units add up to its reserved blocks.
     */
    private static void checkReservations(LedgerState state, List<String> v) {
        Map<PendingActionId, Long> reservedPerAction = new HashMap<>();
        for (AccountState a : state.data.accounts.values()) {
            long reserved = 0;
            for (Block b : a.blocks) {
                if (b.reservedFor == null) {
                    continue;
                }
                reserved += b.size();
                reservedPerAction.merge(b.reservedFor, b.size(), Long::sum);
                Reservation r = state.data.reservations.get(b.reservedFor);
                if (r == null) {
                    v.add("block " + b + " is reserved for " + b.reservedFor.value() + ", which holds no reservation");
                } else if (!r.accountId().equals(a.id)) {
                    v.add("block " + b + " is reserved for " + r.actionId().value() + " of " + r.accountId() + " but held by " + a.id);
                }
                if (b.status != BlockStatus.ACTIVE) {
                    v.add("block " + b + " is reserved and " + b.status);
                }
            }
            if (reserved != a.reservedUnits) {
                v.add("account " + a.id + " counts " + a.reservedUnits + " reserved units, its blocks " + reserved);
            }
        }
        for (Reservation r : state.data.reservations.values()) {
            long held = reservedPerAction.getOrDefault(r.actionId(), 0L);
            if (held != r.quantity()) {
                v.add("reservation of " + r.actionId().value() + " is " + r.quantity() + " units, its blocks hold " + held);
            }
        }
    }

    /**
     * A pending transfer holds its units reserved exactly while it is open (awaiting approval or
     * scheduled), in its source account; one that ended did so by an event at or after its instant
     * (an expiry after {@code expiresAt}, an execution after {@code executeAt}); one that needed
     * approval executed only with an approver other than its initiator.
     */
    private static void checkPendingTransfers(LedgerState state, List<String> v) {
        for (PendingTransfer pt : state.data.pendingTransfers.values()) {
            Reservation r = state.data.reservations.get(pt.id());
            boolean open = pt.status().open();
            if (open != state.data.openTransfers.containsKey(pt.id())) {
                v.add("pending transfer " + pt.id() + " is " + pt.status() + " but " + (open ? "not " : "") + "listed as open");
            }
            if (open && (r == null || !r.accountId().equals(pt.fromAccountId()) || r.quantity() != pt.quantity())) {
                v.add("open pending transfer " + pt.id() + " does not hold its " + pt.quantity() + " units reserved in "
                        + pt.fromAccountId());
            }
            if (!open && r != null) {
                v.add("pending transfer " + pt.id() + " ended " + pt.status() + " but still holds units reserved");
            }
            if (pt.status() == PendingTransferStatus.AWAITING_APPROVAL && pt.expiresAt().isEmpty()
                    || pt.status() == PendingTransferStatus.SCHEDULED && pt.executeAt().isEmpty()) {
                v.add("pending transfer " + pt.id() + " is " + pt.status() + " without its instant");
            }
            if (pt.status() == PendingTransferStatus.EXPIRED && pt.endedAt().get().isBefore(pt.expiresAt().orElseThrow())) {
                v.add("pending transfer " + pt.id() + " expired before its expiresAt");
            }
            if (pt.status() == PendingTransferStatus.EXECUTED) {
                if (pt.endedAt().get().isBefore(pt.executeAt().orElseThrow())) {
                    v.add("pending transfer " + pt.id() + " executed before its executeAt");
                }
                if (pt.approvalRequired() && (pt.approver().isEmpty()
                        || pt.approver().get().subject().equals(pt.initiator().subject()))) {
                    v.add("pending transfer " + pt.id() + " needed a second person's approval but executed without one");
                }
            }
        }
    }

    private static void checkBlock(LedgerState state, Block b, List<String> v) {
        AccountType holderType = b.holder.type;
        AccountType expectedType = switch (b.status) {
            case ACTIVE -> AccountType.HOLDING;
            case CANCELLED -> AccountType.CANCELLATION;
            case RETIRED -> AccountType.RETIREMENT;
        };
        if (holderType != expectedType) {
            v.add("block " + b + " is " + b.status + " but held by a " + holderType + " account");
        }
        if (state.data.accounts.get(b.holder.id) != b.holder || !b.holder.blocks.contains(b)) {
            v.add("block " + b + " is missing from its holder's index");
        }
        if ((b.authorization == null) != (b.caState == CaState.NOT_REQUIRED)) {
            v.add("block " + b + " has CA state " + b.caState + " and authorization " + b.authorization);
        }
        if (b.firstTransferred != (b.caState == CaState.PENDING || b.caState == CaState.APPLIED)) {
            v.add("block " + b + " has firstTransferred " + b.firstTransferred + " in CA state " + b.caState);
        }
        if (b.authorization != null && b.authorization.revoked) {
            v.add("block " + b + " still carries revoked authorization " + b.authorization.id);
        }
        if (b.authorization != null && !b.authorization.party.equals(b.host)) {
            v.add("block " + b + " is authorized by " + b.authorization.party + ", not its host");
        }
    }

    private static void checkAccount(AccountState a, List<String> v) {
        long[][] sums = new long[Vintage.COUNT][3];
        long total = 0;
        for (Block b : a.blocks) {
            if (b.holder != a) {
                v.add("account " + a.id + " indexes block " + b + " held by " + b.holder.id);
            }
            sums[b.vintage.index()][b.labelOrdinal()] += b.size();
            total += b.size();
        }
        for (int vi = 0; vi < Vintage.COUNT; vi++) {
            for (int l = 0; l < 3; l++) {
                long balance = a.balance(Vintage.of(Vintage.FIRST + vi), l);
                if (balance != sums[vi][l]) {
                    v.add("account " + a.id + " balance " + (Vintage.FIRST + vi) + "/" + l + " is " + balance + ", blocks hold " + sums[vi][l]);
                }
                if (balance < 0) {
                    v.add("account " + a.id + " is overdrawn");
                }
            }
        }
        if (total != a.totalUnits) {
            v.add("account " + a.id + " total is " + a.totalUnits + ", blocks hold " + total);
        }
        if (a.closed && total != 0) {
            v.add("closed account " + a.id + " holds units");
        }
    }

    /**
     * Every unit-level transition from {@code before} to {@code after} that the rules forbid:
     * a unit disappearing, status other than ACTIVE -> CANCELLED | RETIRED, a terminal unit
     * moving, firstTransferred reset, CA state moving backwards (except a revocation of a unit
     * never first transferred), fixed attributes (project, issuance, issuing registry) changing,
     * or a unit leaving an account that, in {@code before}, was not an open, unfrozen HOLDING
     * account (docs/domain.md section 4, invariant 3).
     */
    public static List<String> checkTransition(LedgerSnapshot before, LedgerSnapshot after) {
        List<String> v = new ArrayList<>();
        Map<AccountId, AccountInfo> accounts = new HashMap<>();
        for (AccountInfo account : before.accounts()) {
            accounts.put(account.id(), account);
        }
        List<CreditBlock> a = before.blocks();
        List<CreditBlock> b = after.blocks();
        int j = 0;
        for (CreditBlock old : a) {
            long unit = old.range().first();
            while (unit <= old.range().last()) {
                while (j < b.size() && before(b.get(j), old, unit)) {
                    j++;
                }
                if (j >= b.size() || !b.get(j).hostParty().equals(old.hostParty()) || !b.get(j).vintage().equals(old.vintage())
                        || !b.get(j).range().contains(unit)) {
                    v.add("unit " + unit + " of " + old.hostParty() + " " + old.vintage() + " disappeared");
                    break;
                }
                CreditBlock now = b.get(j);
                checkUnitTransition(old, now, unit, accounts, v);
                unit = Math.min(old.range().last(), now.range().last()) + 1;
            }
        }
        return v;
    }

    private static boolean before(CreditBlock candidate, CreditBlock old, long unit) {
        int c = candidate.hostParty().compareTo(old.hostParty());
        if (c != 0) {
            return c < 0;
        }
        c = candidate.vintage().compareTo(old.vintage());
        if (c != 0) {
            return c < 0;
        }
        return candidate.range().last() < unit;
    }

    private static void checkUnitTransition(CreditBlock old, CreditBlock now, long unit, Map<AccountId, AccountInfo> accounts,
                                            List<String> v) {
        String at = "unit " + unit + " of " + old.hostParty() + " " + old.vintage();
        if (!old.holderAccountId().equals(now.holderAccountId())) {
            AccountInfo source = accounts.get(old.holderAccountId());
            if (source == null || source.type() != AccountType.HOLDING || source.frozen() || source.closed()) {
                v.add(at + " left " + old.holderAccountId() + ", which was not an open, unfrozen holding account");
            }
        }
        if (old.status() != now.status() && old.status() != BlockStatus.ACTIVE) {
            v.add(at + " went from " + old.status() + " to " + now.status());
        }
        if (old.status() != BlockStatus.ACTIVE && !old.holderAccountId().equals(now.holderAccountId())) {
            v.add(at + " moved after becoming " + old.status());
        }
        if (old.firstTransferred() && !now.firstTransferred()) {
            v.add(at + " lost firstTransferred");
        }
        boolean revoked = old.caState() == CaState.COMMITTED && now.caState() == CaState.NOT_REQUIRED && !old.firstTransferred();
        if (now.caState().ordinal() < old.caState().ordinal() && !revoked) {
            v.add(at + " went back from " + old.caState() + " to " + now.caState());
        }
        if (!old.projectId().equals(now.projectId()) || !old.issuanceId().equals(now.issuanceId())
                || !old.issuingRegistryId().equals(now.issuingRegistryId())) {
            v.add(at + " changed project, issuance or issuing registry");
        }
    }
}
