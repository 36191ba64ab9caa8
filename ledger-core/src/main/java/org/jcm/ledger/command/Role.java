package org.jcm.ledger.command;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jcm.ledger.id.InvalidValueException;

/** The role of the actor behind a command, as in the token's {@code groups} claim. */
public enum Role {
    OPERATOR("operator"),
    REGISTRY_ADMIN("registry-admin"),
    ACCOUNT_HOLDER("account-holder"),
    GOVERNMENT("government"),
    EXCHANGE("exchange"),
    AUDITOR("auditor"),
    /** A third-party entity (validator and verifier); the scope is its id, e.g. {@code TPE-0001}. */
    THIRD_PARTY_ENTITY("third-party-entity"),
    /**
     * The secretariat of the Joint Committee of Japan and one partner, which records the JC's
     * decisions (methodologies, registrations, issuance decisions); the scope is the partner's
     * alpha-3 code.
     */
    JC_SECRETARIAT("jc-secretariat");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name in tokens and event JSON, e.g. {@code registry-admin}. */
    public String wireName() {
        return wireName;
    }

    /** Every role's wire name: the group names a token may carry. */
    public static Set<String> wireNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Role role : values()) {
            names.add(role.wireName);
        }
        return Collections.unmodifiableSet(names);
    }

    public static Role ofWireName(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return role;
            }
        }
        throw new InvalidValueException("Role", name, "must be one of " + String.join(", ", wireNames()));
    }
}
