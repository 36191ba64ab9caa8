package org.jcm.ledger.id;

/**
 * A monitoring cycle of a registered project (one monitoring period, from the monitoring report to
 * issuance), numbered by the ledger in submission order: {@code MC} plus exactly 8 digits (from 1),
 * e.g. {@code MC00000001}.
 */
public record MonitoringCycleId(String value) implements Comparable<MonitoringCycleId> {

    /** The largest monitoring cycle number: 8 digits. */
    public static final long MAX_NUMBER = 99_999_999L;

    public MonitoringCycleId {
        Checks.notNull("MonitoringCycleId", value);
        if (value.length() != 10 || !value.startsWith("MC") || !Checks.digitRun(value, 2, 10)
                || Long.parseLong(value.substring(2)) < 1) {
            throw new InvalidValueException("MonitoringCycleId", value, "must be 'MC' and 8 digits (from 1), e.g. MC00000001");
        }
    }

    public static MonitoringCycleId parse(String text) {
        return new MonitoringCycleId(text);
    }

    /** The application with this number (1 to {@link #MAX_NUMBER}). */
    public static MonitoringCycleId of(long number) {
        if (number < 1 || number > MAX_NUMBER) {
            throw new InvalidValueException("MonitoringCycleId", Long.toString(number), "must be numbered from 1 to 99999999");
        }
        return new MonitoringCycleId("MC" + OrganizationId.pad(number, 8));
    }

    public long number() {
        return Long.parseLong(value.substring(2));
    }

    @Override
    public int compareTo(MonitoringCycleId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
