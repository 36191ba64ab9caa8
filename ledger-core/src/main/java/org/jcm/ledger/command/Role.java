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
    /** A third-party entity (validator or verifier), scoped by the token claim {@code tpe}. */
    THIRD_PARTY_ENTITY("third-party-entity"),
    /** The Joint Committee's secretariat for Japan and one partner, scoped by the token claim {@code party}. */
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
