package org.jcm.ledger.state;

/**
 * The kinds of {@link UndoJournal} entries: what each one reverses and what its fields hold
 * ({@code a}, {@code b}, {@code c} are references, {@code n} a long and {@code i} an int). The codes
 * are grouped by what they change, ten to a group, so that {@link Undo} hands each entry to the
 * owner of what it changed ({@link #group}). They live only in memory and are never stored.
 */
final class UndoOp {

    /** Group 1: the ledger's counters and collections ({@link LedgerData}). */
    static final int LEDGER = 1;
    /** {@code n}: the next sequence number before the fold of one event. */
    static final int NEXT_SEQ = 10;
    /** {@code n}: the next issuance request number before it was taken. */
    static final int NEXT_REQUEST_NUMBER = 11;
    /** {@code a} map, {@code b} key, {@code c} the previous value (null: the key was absent). */
    static final int MAP = 12;
    /** {@code a} set, {@code b} the element that was added. */
    static final int COLLECTION_ADD = 13;
    /** {@code a} list whose last element was appended. */
    static final int LIST_ADD = 14;
    /** {@code a} array, {@code i} index, {@code b} the previous element. */
    static final int ARRAY_SLOT = 15;
    /** {@code n}: the next pending transfer number before it was taken. */
    static final int NEXT_PENDING_TRANSFER = 16;

    /** Group 2: change tracking ({@link ChangeTracker}). */
    static final int TRACKING_GROUP = 2;
    /** {@code n}: whether the CA methods were dirty (1) or not (0). */
    static final int DIRTY_CA_METHODS = 20;
    /** {@code n}: whether change tracking was on (1) or off (0). */
    static final int TRACKING = 21;
    /** {@code a}: the change tracking as it was before a drain ({@link ChangeTracker.Pending}). */
    static final int DRAIN = 22;
    /** A mark: {@code n} dirty blocks and {@code i} dirty accounts were tracked when it was taken. */
    static final int MARK = 23;

    /** Group 3: live blocks ({@link Block}). */
    static final int BLOCK = 3;
    /** {@code a} block moved away from holder {@code b}. */
    static final int MOVED = 30;
    /** {@code a} block, {@code n} its previous last unit. */
    static final int BLOCK_LAST = 31;
    /** {@code a} block, {@code b} its previous status. */
    static final int BLOCK_STATUS = 32;
    /** {@code a} block, {@code b} its previous authorization (or null). */
    static final int BLOCK_AUTHORIZATION = 33;
    /** {@code a} block, {@code b} its previous CA state. */
    static final int BLOCK_CA_STATE = 34;
    /** {@code a} block, {@code n} whether it was first transferred (1) or not (0). */
    static final int BLOCK_FIRST_TRANSFERRED = 35;
    /** {@code a} block, {@code b} the pending action it was reserved for before (or null). */
    static final int BLOCK_RESERVED = 36;

    /** Group 4: accounts, numbering lines and registries. */
    static final int HOLDINGS = 4;
    /** {@code a} account came to hold block {@code b} (index and balance). */
    static final int HELD = 40;
    /** {@code a} account's index gained block {@code b} (a split; the balance is unchanged). */
    static final int HELD_INDEX = 41;
    /** {@code a} account's balance of vintage {@code b} and label ordinal {@code i} grew by {@code n}. */
    static final int BALANCE = 42;
    /** {@code a} account, {@code n} whether it was frozen (1) or not (0). */
    static final int FROZEN = 43;
    /** {@code a} account, {@code n} whether it was closed (1) or not (0). */
    static final int CLOSED = 44;
    /** {@code a} numbering line's index gained block {@code b}. */
    static final int UNIT_INDEX = 45;
    /** {@code a} numbering line, {@code n} its previous next unit. */
    static final int NEXT_UNIT = 46;
    /** {@code a} registry, {@code n} its previous next organization number. */
    static final int NEXT_ORGANIZATION = 47;
    /** {@code a} registry, {@code n} its previous next account number. */
    static final int NEXT_ACCOUNT = 48;
    /** {@code a} account, {@code n} its previous count of reserved units. */
    static final int RESERVED_UNITS = 49;

    /** Group 5: authorizations ({@link AuthorizationState}). */
    static final int AUTHORIZATION = 5;
    /** {@code a} authorization, {@code b} its previous terms. */
    static final int AUTH_TERMS = 50;
    /** {@code a} authorization, {@code n} its previous unit count. */
    static final int AUTH_UNITS = 51;
    /** {@code a} authorization, {@code n} its previous count of first-transferred units. */
    static final int AUTH_FIRST_TRANSFERRED_UNITS = 52;
    /** {@code a} authorization, {@code n} whether it was revoked (1) or not (0). */
    static final int AUTH_REVOKED = 53;

    private UndoOp() {
    }

    /** The group of an operation code: {@link #LEDGER}, {@link #TRACKING_GROUP}, {@link #BLOCK}, ... */
    static int group(int op) {
        return op / 10;
    }
}
