package org.jcm.ledger.credit;

import java.util.Objects;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;

/** Identifies a live block: (host Party, vintage, first unit); a block keeps its key when its high end splits off. */
public record BlockKey(PartyCode hostParty, Vintage vintage, long firstUnit) implements Comparable<BlockKey> {

    public BlockKey {
        Objects.requireNonNull(hostParty, "hostParty");
        Objects.requireNonNull(vintage, "vintage");
    }

    @Override
    public int compareTo(BlockKey o) {
        int c = hostParty.compareTo(o.hostParty);
        if (c != 0) {
            return c;
        }
        c = vintage.compareTo(o.vintage);
        return c != 0 ? c : Long.compare(firstUnit, o.firstUnit);
    }
}
