package org.jcm.ledger.state;

import java.util.List;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;

/**
 * The fold of the credit events: issuance requests, issuances (new blocks numbered on from their
 * line), transfers, cancellations and retirements (blocks carved out and moved). This is the fold's
 * hot path: it allocates only the blocks and records an event makes.
 */
final class CreditFold {

    private final LedgerData data;
    private final JournaledWrites writes;
    private final ChangeTracker changes;
    private final BlockSurgery surgery;

    CreditFold(LedgerData data, JournaledWrites writes, ChangeTracker changes, BlockSurgery surgery) {
        this.data = data;
        this.writes = writes;
        this.changes = changes;
        this.surgery = surgery;
    }

    void requested(IssuanceRequested e) {
        if (e.issuanceRequestId().number() != data.nextIssuanceRequestNumber) {
            throw new InconsistentEventException(e.seq(), "expected issuance request number " + data.nextIssuanceRequestNumber);
        }
        writes.advanceRequestNumber();
        writes.put(data.issuanceRequests, e.issuanceRequestId(), new IssuanceRequest(e.issuanceRequestId(), e.projectId(),
                e.organizationId(), e.monitoringPeriodStart(), e.monitoringPeriodEnd(), e.verifiedQuantity(),
                e.verificationReference(), 0));
        changes.touchRequest(e.issuanceRequestId());
    }

    void issued(CreditsIssued e) {
        if (data.issuances.containsKey(e.issuanceId())) {
            throw new InconsistentEventException(e.seq(), "issuance " + e.issuanceId() + " exists");
        }
        UnitLine line = lineForIssue(e.hostParty(), e.vintage());
        long total = 0;
        for (IssuedAllocation a : e.allocations()) {
            if (a.first() != line.nextUnit) {
                throw new InconsistentEventException(e.seq(), "allocation starts at " + a.first() + ", next unit is " + line.nextUnit);
            }
            AccountState holder = data.account(e.seq(), a.accountId());
            Block b = new Block(e.hostParty(), e.vintage(), e.projectId(), e.issuanceId(), a.issuingRegistryId(), a.first(),
                    a.last(), holder);
            writes.index(line, b);
            writes.hold(holder, b);
            changes.touch(b);
            changes.touch(holder);
            writes.setNextUnit(line, a.last() + 1);
            total += a.quantity();
        }
        checkQuantity(e.seq(), total, e.totalQuantity());
        writes.put(data.issuances, e.issuanceId(), new Issuance(e.issuanceId(), e.seq(), e.projectId(), e.hostParty(),
                e.vintage(), e.monitoringPeriodStart(), e.monitoringPeriodEnd(), e.totalQuantity(), e.allocations(),
                e.issuanceRequestId()));
        writes.add(data.issuanceDecisions, new LedgerData.DecisionKey(e.projectId(), e.monitoringPeriodStart(),
                e.monitoringPeriodEnd(), e.vintage()));
        changes.touchIssuance(e.issuanceId());
        e.issuanceRequestId().ifPresent(id -> {
            IssuanceRequest r = data.issuanceRequests.get(id);
            if (r == null) {
                throw new InconsistentEventException(e.seq(), "unknown issuance request " + id);
            }
            writes.put(data.issuanceRequests, id, r.withIssued(e.totalQuantity()));
            changes.touchRequest(id);
        });
    }

    /** The numbering line of the host Party's vintage, created empty at its first issuance. */
    private UnitLine lineForIssue(PartyCode host, Vintage vintage) {
        UnitLine[] byVintage = data.lines.get(host);
        if (byVintage == null) {
            byVintage = new UnitLine[Vintage.COUNT];
            writes.put(data.lines, host, byVintage);
        }
        UnitLine line = byVintage[vintage.index()];
        if (line == null) {
            line = new UnitLine();
            writes.set(byVintage, vintage.index(), line);
        }
        return line;
    }

    void transferred(CreditsTransferred e) {
        AccountState from = data.account(e.seq(), e.fromAccountId());
        AccountState to = data.account(e.seq(), e.toAccountId());
        long moved = 0;
        List<BlockRange> ranges = e.ranges();
        for (int i = 0, n = ranges.size(); i < n; i++) {
            BlockRange r = ranges.get(i);
            Block b = surgery.carve(e.seq(), r);
            if (b.holder != from || b.status != BlockStatus.ACTIVE) {
                throw new InconsistentEventException(e.seq(), "units " + r.first() + "-" + r.last() + " are not active in " + from.id);
            }
            surgery.move(b, to);
            moved += b.size();
        }
        checkQuantity(e.seq(), moved, e.quantity());
        changes.touch(from);
        changes.touch(to);
    }

    /** A cancellation or retirement: the ranges move to the registry's terminal account and end there. */
    void terminal(long seq, AccountId fromId, AccountId toId, List<BlockRange> ranges, BlockStatus status) {
        AccountState from = data.account(seq, fromId);
        AccountState to = data.account(seq, toId);
        AccountType expected = status == BlockStatus.CANCELLED ? AccountType.CANCELLATION : AccountType.RETIREMENT;
        if (to.type != expected || !to.registryId.equals(from.registryId)) {
            throw new InconsistentEventException(seq, to.id + " is not the " + expected + " account of " + from.registryId);
        }
        for (BlockRange r : ranges) {
            Block b = surgery.carve(seq, r);
            if (b.holder != from || b.status != BlockStatus.ACTIVE) {
                throw new InconsistentEventException(seq, "units " + r.first() + "-" + r.last() + " are not active in " + from.id);
            }
            surgery.move(b, to);
            writes.setStatus(b, status);
        }
        changes.touch(from);
        changes.touch(to);
    }

    static void checkQuantity(long seq, long actual, long stated) {
        if (actual != stated) {
            throw new InconsistentEventException(seq, "ranges add up to " + actual + ", event says " + stated);
        }
    }
}
