package org.jcm.embedded;

/**
 * The two roles of a service's database (docs/security.md, "Database roles"): the owner, which
 * owns the database and every table and runs the Flyway migrations, and the service role, which
 * the running service connects as. The service role is neither owner nor superuser, so it can
 * neither disable the ledger's append-only triggers nor set {@code session_replication_role};
 * the migrations grant it what the service needs and no more.
 *
 * @param owner the owning role, for example {@code jcm_owner}
 * @param service the service's role, for example {@code jcm_service}
 */
public record DatabaseRoles(String owner, String service) {

    /** registry-api's roles. */
    public static final DatabaseRoles REGISTRY = new DatabaseRoles("jcm_owner", "jcm_service");
    /** settlement's roles, distinct from the registry's so that neither service can touch the other's tables. */
    public static final DatabaseRoles SETTLEMENT = new DatabaseRoles("jcm_settlement_owner", "jcm_settlement");

    /** Checks that both names are plain lower-case identifiers and differ. */
    public DatabaseRoles {
        PostgresAdmin.checkName(owner);
        PostgresAdmin.checkName(service);
        if (owner.equals(service)) {
            throw new IllegalArgumentException("The owner and the service role must differ: " + owner);
        }
    }
}
