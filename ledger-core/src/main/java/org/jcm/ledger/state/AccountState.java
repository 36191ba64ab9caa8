package org.jcm.ledger.state;

import java.util.Comparator;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/**
 * The ledger's mutable form of an account: flags, the blocks it holds in selection order (vintage,
 * project, numbering host, first unit), and balances per vintage and label kept in step with those blocks.
 */
final class AccountState {

    /**
     * Selection order: vintage, project, numbering host, first unit. Unique because units are numbered
     * per host and vintage (a multi-country project has units of the same numbers in each host's line;
     * a single-host project has one line, so for it the order is vintage, project, first unit).
     * {@link HeldBlocks} keeps this order with primitive keys; this comparator is its plain statement,
     * against which the index is property tested.
     */
    static final Comparator<Block> SELECTION_ORDER = (a, b) -> {
        if (a == b) {
            return 0;
        }
        int c = Integer.compare(a.vintage.year(), b.vintage.year());
        if (c != 0) {
            return c;
        }
        c = a.project.value().compareTo(b.project.value());
        if (c != 0) {
            return c;
        }
        c = a.host.value().compareTo(b.host.value());
        return c != 0 ? c : Long.compare(a.first, b.first);
    };

    final AccountId id;
    final RegistryId registryId;
    /** The Party of the account's registry: where its units are held, for first-transfer checks. */
    final PartyCode party;
    final OrganizationId organizationId;
    final AccountType type;
    final String name;
    boolean frozen;
    boolean closed;
    final HeldBlocks blocks = new HeldBlocks();
    /** balances[vintage index][label ordinal], rows allocated on first use. */
    private final long[][] balances = new long[org.jcm.ledger.id.Vintage.COUNT][];
    long totalUnits;
    /** Units of {@link #totalUnits} reserved for pending actions (they stay here until the action ends). */
    long reservedUnits;
    long dirtyEpoch;

    AccountState(AccountId id, RegistryId registryId, OrganizationId organizationId, AccountType type, String name) {
        this.id = id;
        this.registryId = registryId;
        this.party = registryId.party();
        this.organizationId = organizationId;
        this.type = type;
        this.name = name;
    }

    void add(Block b) {
        if (!blocks.add(b)) {
            throw new IllegalStateException("block already held: " + b);
        }
        addBalance(b.vintage, b.labelOrdinal(), b.size());
    }

    void remove(Block b) {
        if (!blocks.remove(b)) {
            throw new IllegalStateException("block not held by " + id + ": " + b);
        }
        addBalance(b.vintage, b.labelOrdinal(), -b.size());
    }

    void addBalance(Vintage vintage, int label, long delta) {
        long[] row = balances[vintage.index()];
        if (row == null) {
            row = new long[3];
            balances[vintage.index()] = row;
        }
        row[label] += delta;
        totalUnits += delta;
    }

    long balance(Vintage vintage, int label) {
        long[] row = balances[vintage.index()];
        return row == null ? 0 : row[label];
    }

    boolean isHolding() {
        return type == AccountType.HOLDING;
    }
}
