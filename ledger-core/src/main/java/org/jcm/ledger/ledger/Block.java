package org.jcm.ledger.ledger;

import java.util.Optional;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.IssuanceId;
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
    long last;
    AccountState holder;
    BlockStatus status;
    AuthorizationState authorization;
    CaState caState;
    boolean firstTransferred;
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
        this.last = last;
        this.holder = holder;
        this.status = BlockStatus.ACTIVE;
        this.caState = CaState.NOT_REQUIRED;
    }

    /** A copy of this block's attributes for the units {@code [newFirst, newLast]}. */
    Block copy(long newFirst, long newLast) {
        Block b = new Block(host, vintage, project, issuance, issuingRegistry, newFirst, newLast, holder);
        b.status = status;
        b.authorization = authorization;
        b.caState = caState;
        b.firstTransferred = firstTransferred;
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
                + " " + caState + "]";
    }
}
