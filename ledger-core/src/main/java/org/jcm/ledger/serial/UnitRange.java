package org.jcm.ledger.serial;

import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.InvalidValueException;

/**
 * An inclusive range of unit numbers {@code [first, last]} with {@code 1 <= first <= last <= 2^53 - 1}.
 * Splits take the low end: {@link #low(long)} is the moved part, {@link #high(long)} the remainder.
 */
public record UnitRange(long first, long last) implements Comparable<UnitRange> {

    public UnitRange {
        if (first < 1 || last > Quantity.MAX || first > last) {
            throw new InvalidValueException("UnitRange", first + "-" + last,
                    "must satisfy 1 <= first <= last <= 2^53 - 1");
        }
    }

    public static UnitRange of(long first, long last) {
        return new UnitRange(first, last);
    }

    /** The range of {@code size} units starting at {@code first}. */
    public static UnitRange ofSize(long first, long size) {
        if (size < 1) {
            throw new InvalidValueException("UnitRange", first + "+" + size, "size must be at least 1");
        }
        return new UnitRange(first, first + size - 1);
    }

    /** Parses {@code first-last}, e.g. {@code 1001-1250}. */
    public static UnitRange parse(String text) {
        Checks.notNull("UnitRange", text);
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw new InvalidValueException("UnitRange", text, "must be first-last, e.g. 1001-1250");
        }
        long first = Checks.parseUnsignedLong("UnitRange", text, text.substring(0, dash));
        long last = Checks.parseUnsignedLong("UnitRange", text, text.substring(dash + 1));
        return new UnitRange(first, last);
    }

    /** Number of units, {@code last - first + 1}. */
    public long size() {
        return last - first + 1;
    }

    public boolean contains(long unit) {
        return unit >= first && unit <= last;
    }

    public boolean contains(UnitRange other) {
        return other.first >= first && other.last <= last;
    }

    public boolean overlaps(UnitRange other) {
        return other.first <= last && other.last >= first;
    }

    /** The common units, or {@code null} if none. */
    public UnitRange intersection(UnitRange other) {
        long a = Math.max(first, other.first);
        long b = Math.min(last, other.last);
        return a <= b ? new UnitRange(a, b) : null;
    }

    /** The low {@code n} units, {@code 1 <= n <= size()}: the part that moves in a split. */
    public UnitRange low(long n) {
        checkCount(n, size());
        return new UnitRange(first, first + n - 1);
    }

    /** What remains after the low {@code n} units, {@code 1 <= n < size()}: it keeps the high end. */
    public UnitRange high(long n) {
        checkCount(n, size() - 1);
        return new UnitRange(first + n, last);
    }

    /** Both parts of splitting off the low {@code n} units, {@code 1 <= n < size()}. */
    public Split splitLow(long n) {
        checkCount(n, size() - 1);
        return new Split(new UnitRange(first, first + n - 1), new UnitRange(first + n, last));
    }

    private static void checkCount(long n, long max) {
        if (n < 1 || n > max) {
            throw new IllegalArgumentException("split count " + n + " outside 1.." + max);
        }
    }

    @Override
    public int compareTo(UnitRange other) {
        int c = Long.compare(first, other.first);
        return c != 0 ? c : Long.compare(last, other.last);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }

    /** The two parts of a split: {@code low} moves, {@code high} stays. */
    public record Split(UnitRange low, UnitRange high) {
    }
}
