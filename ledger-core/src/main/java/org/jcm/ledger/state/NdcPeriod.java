package org.jcm.ledger.state;

/** An NDC implementation period, inclusive calendar years, e.g. 2021 to 2025; a Party's CA method is fixed within one. */
public record NdcPeriod(int firstYear, int lastYear) {

    public NdcPeriod {
        if (firstYear < 2013 || lastYear > 2100 || firstYear > lastYear) {
            throw new IllegalArgumentException("NDC period " + firstYear + "-" + lastYear + " must lie in 2013..2100, first <= last");
        }
    }

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }

    @Override
    public String toString() {
        return firstYear + "-" + lastYear;
    }
}
