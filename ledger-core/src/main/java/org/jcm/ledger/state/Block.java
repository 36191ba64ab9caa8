package org.jcm.ledger.state;

import java.util.Optional;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PendingActionId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.UnitRange;

/**
 * The ledger's own mutable form of a live block. Only {@link LedgerState}'s fold changes it; readers get
 * {@link CreditBlock} snapshots.
 */
final class Block {

    final PartyCode host;
    final Vintage vintage;
    final ProjectId project;
    final IssuanceId issuance;
    final RegistryId issuingRegistry;
    final long first;
    /**
     * Vintage, project and host as one number that sorts like them (vintage year, then project id,
     * then the numbering host's code), so that {@link HeldBlocks} can order blocks without
     * dereferencing them: see {@link #selectionKey}.
     */
    final long selectionKey;
    long last;
    AccountState holder;
    BlockStatus status;
    AuthorizationState authorization;
    CaState caState;
    boolean firstTransferred;
    /** The pending action these units are reserved for, or null when they are available. */
    PendingActionId reservedFor;
    /** The change-tracking epoch in which this block was last recorded as dirty. */
    long dirtyEpoch;

    Block(PartyCode host, Vintage vintage, ProjectId project, IssuanceId issuance, RegistryId issuingRegistry, long first,
          long last, AccountState holder) {
        this.host = host;
        this.vintage = vintage;
        this.project = project;
        this.issuance = issuance;
        this.issuingRegistry = issuingRegistry;
        this.first = first;
        this.selectionKey = selectionKey(vintage, project, host);
        this.last = last;
        this.holder = holder;
        this.status = BlockStatus.ACTIVE;
        this.caState = CaState.NOT_REQUIRED;
    }

    /**
     * The vintage year in the bits above 35, the project in the next 20 and the numbering host in the
     * low 15, each encoded so that the numbers order like the ids: a {@code ProjectId} is always two
     * upper-case letters and three digits (checked by its constructor), so the mixed-radix value
     * {@code ((letter1 * 26) + letter2) * 1000 + digits} (below 2^20) orders exactly as
     * {@code String.compareTo} orders the ids, and a {@code PartyCode} is three upper-case letters,
     * whose base-26 value (below 2^15) orders like the codes. The host keeps apart the blocks of one
     * project's two numbering lines that start at the same unit (a multi-country project's shares).
     */
    static long selectionKey(Vintage vintage, ProjectId project, PartyCode host) {
        String p = project.value();
        long projectKey = ((p.charAt(0) - 'A') * 26 + (p.charAt(1) - 'A')) * 1000
                + (p.charAt(2) - '0') * 100 + (p.charAt(3) - '0') * 10 + (p.charAt(4) - '0');
        String h = host.value();
        long hostKey = ((h.charAt(0) - 'A') * 26 + (h.charAt(1) - 'A')) * 26 + (h.charAt(2) - 'A');
        return (long) vintage.year() << 35 | projectKey << 15 | hostKey;
    }

    /** A copy of this block's attributes for the units {@code [newFirst, newLast]}. */
    Block copy(long newFirst, long newLast) {
        Block b = new Block(host, vintage, project, issuance, issuingRegistry, newFirst, newLast, holder);
        b.status = status;
        b.authorization = authorization;
        b.caState = caState;
        b.firstTransferred = firstTransferred;
        b.reservedFor = reservedFor;
        return b;
    }

    long size() {
        return last - first + 1;
    }

    int labelOrdinal() {
        return caState.label().ordinal();
    }

    BlockRange range(long from, long to) {
        return new BlockRange(host, vintage, project, issuance, issuingRegistry, from, to);
    }

    CreditBlock snapshot() {
        return new CreditBlock(host, vintage, project, issuance, issuingRegistry, new UnitRange(first, last), holder.id,
                status, authorization == null ? Optional.empty() : Optional.of(authorization.id),
                authorization == null ? Optional.empty() : Optional.of(authorization.purpose), caState, firstTransferred);
    }

    @Override
    public String toString() {
        return "Block[" + host + " " + vintage + " " + first + "-" + last + " " + project + " " + holder.id + " " + status
                + " " + caState + (reservedFor == null ? "" : " reserved for " + reservedFor.value()) + "]";
    }
}
