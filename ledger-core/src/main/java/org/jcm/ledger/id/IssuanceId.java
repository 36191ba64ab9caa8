package org.jcm.ledger.id;

/** An issuance, named by the Joint Committee decision reference: {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}. */
public record IssuanceId(String value) implements Comparable<IssuanceId> {

    public IssuanceId {
        Checks.reference("IssuanceId", value, 64, "._-");
    }

    public static IssuanceId parse(String text) {
        return new IssuanceId(text);
    }

    @Override
    public int compareTo(IssuanceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
