package org.jcm.ledger.id;

/** An Article 6.2 authorization, the Party's own reference: {@code [A-Za-z0-9][A-Za-z0-9._/-]{0,63}}. */
public record AuthorizationId(String value) implements Comparable<AuthorizationId> {

    public AuthorizationId {
        Checks.reference("AuthorizationId", value, 64, "._/-");
    }

    public static AuthorizationId parse(String text) {
        return new AuthorizationId(text);
    }

    @Override
    public int compareTo(AuthorizationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
