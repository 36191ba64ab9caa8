package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Checks;

/**
 * Who issues a command: role, the token's subject, and the scope the token is bound to (the
 * organization id for an account holder, the registry id for a registry administrator, the Party
 * alpha-3 code for a government and for a Joint Committee secretariat, the entity's id for a
 * third-party entity, the venue for an exchange, empty for operator and auditor).
 * Recorded in every event.
 */
public record Actor(Role role, String subject, String scope) {

    public Actor {
        Objects.requireNonNull(role, "role");
        Checks.freeText("Actor.subject", subject, 256);
        Objects.requireNonNull(scope, "scope");
        if (scope.length() > 128) {
            throw new org.jcm.ledger.id.InvalidValueException("Actor.scope", scope, "must be at most 128 characters");
        }
    }

    public static Actor operator(String subject) {
        return new Actor(Role.OPERATOR, subject, "");
    }

    public static Actor registryAdmin(String subject, org.jcm.ledger.id.RegistryId registry) {
        return new Actor(Role.REGISTRY_ADMIN, subject, registry.value());
    }

    public static Actor accountHolder(String subject, org.jcm.ledger.id.OrganizationId organization) {
        return new Actor(Role.ACCOUNT_HOLDER, subject, organization.value());
    }

    public static Actor government(String subject, org.jcm.ledger.id.PartyCode party) {
        return new Actor(Role.GOVERNMENT, subject, party.value());
    }

    public static Actor thirdPartyEntity(String subject, org.jcm.ledger.id.ThirdPartyEntityId entity) {
        return new Actor(Role.THIRD_PARTY_ENTITY, subject, entity.value());
    }

    public static Actor jcSecretariat(String subject, org.jcm.ledger.id.PartyCode partner) {
        return new Actor(Role.JC_SECRETARIAT, subject, partner.value());
    }
}
