package org.jcm.ledger.state;

import java.util.Arrays;

/**
 * The undo records of {@link LedgerState} while journaling is on: one entry per mutation, holding
 * what is needed to reverse it (an operation code, up to three references, a long and an int),
 * in parallel arrays that grow by doubling and are reused, so recording allocates nothing once
 * they have grown to a batch's size. {@link UndoOp} names the kinds of entries and {@link Undo}
 * reverses them; this class only stores them, and says whether the fold records at all (off during
 * replay, so that the fold records nothing and allocates nothing for it).
 */
final class UndoJournal {

    private boolean on;
    private int[] ops = new int[1024];
    private Object[] first = new Object[1024];
    private Object[] second = new Object[1024];
    private Object[] third = new Object[1024];
    private long[] longs = new long[1024];
    private int[] ints = new int[1024];
    private int size;

    /** Whether mutations are recorded. */
    boolean on() {
        return on;
    }

    /** Starts or stops recording; either way the journal starts empty. */
    void turn(boolean on) {
        clear();
        this.on = on;
    }

    int size() {
        return size;
    }

    void push(int op, Object a, Object b, Object c, long n, int i) {
        if (size == ops.length) {
            int capacity = size * 2;
            ops = Arrays.copyOf(ops, capacity);
            first = Arrays.copyOf(first, capacity);
            second = Arrays.copyOf(second, capacity);
            third = Arrays.copyOf(third, capacity);
            longs = Arrays.copyOf(longs, capacity);
            ints = Arrays.copyOf(ints, capacity);
        }
        ops[size] = op;
        first[size] = a;
        second[size] = b;
        third[size] = c;
        longs[size] = n;
        ints[size] = i;
        size++;
    }

    /** Removes the newest entry; read it first with the accessors at {@code size() - 1}. */
    void pop() {
        size--;
        first[size] = null;
        second[size] = null;
        third[size] = null;
    }

    int op(int at) {
        return ops[at];
    }

    Object first(int at) {
        return first[at];
    }

    Object second(int at) {
        return second[at];
    }

    Object third(int at) {
        return third[at];
    }

    long longValue(int at) {
        return longs[at];
    }

    int intValue(int at) {
        return ints[at];
    }

    /** Forgets every entry (they can no longer be undone) and drops their references. */
    void clear() {
        Arrays.fill(first, 0, size, null);
        Arrays.fill(second, 0, size, null);
        Arrays.fill(third, 0, size, null);
        size = 0;
    }
}
