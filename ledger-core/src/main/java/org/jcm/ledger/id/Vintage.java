package org.jcm.ledger.id;

/** The calendar year in which the emission reductions happened, 2013 to 2100. */
public record Vintage(int year) implements Comparable<Vintage> {

    public static final int FIRST = 2013;
    public static final int LAST = 2100;
    /** Number of possible vintages, for arrays indexed by {@link #index()}. */
    public static final int COUNT = LAST - FIRST + 1;

    private static final Vintage[] CACHE = new Vintage[COUNT];

    static {
        for (int i = 0; i < COUNT; i++) {
            CACHE[i] = new Vintage(FIRST + i);
        }
    }

    public Vintage {
        if (year < FIRST || year > LAST) {
            throw new InvalidValueException("Vintage", Integer.toString(year), "must be a year from " + FIRST + " to " + LAST);
        }
    }

    /** The shared instance for a year (no allocation). */
    public static Vintage of(int year) {
        if (year < FIRST || year > LAST) {
            throw new InvalidValueException("Vintage", Integer.toString(year), "must be a year from " + FIRST + " to " + LAST);
        }
        return CACHE[year - FIRST];
    }

    public static Vintage parse(String text) {
        Checks.notNull("Vintage", text);
        if (text.length() != 4 || !Checks.digitRun(text, 0, 4)) {
            throw new InvalidValueException("Vintage", text, "must be a 4-digit year");
        }
        return of(Integer.parseInt(text));
    }

    /** 0 for 2013, for compact arrays. */
    public int index() {
        return year - FIRST;
    }

    @Override
    public int compareTo(Vintage other) {
        return Integer.compare(year, other.year);
    }

    @Override
    public String toString() {
        return Integer.toString(year);
    }
}
