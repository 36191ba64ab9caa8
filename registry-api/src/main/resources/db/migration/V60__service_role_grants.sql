-- Least privilege (docs/security.md, "Database roles"). The migrations run as the owner of the
-- database and of every table; the service connects as its own role (the Flyway placeholder
-- service_role, which is quarkus.datasource.username), which is neither owner nor superuser:
--   * it cannot ALTER TABLE ledger_event DISABLE TRIGGER (only the owner can);
--   * it cannot SET session_replication_role = replica (only a superuser can), which would
--     silence the append-only triggers;
--   * it has no UPDATE, DELETE or TRUNCATE privilege on ledger_event, so even with the triggers
--     off PostgreSQL refuses to change history for it.
-- It reads everything, appends to the event log, and keeps the live tables (derived from the log,
-- checked by POST /ledger/verify) up to date.
--
-- Tables of later migrations: the default privileges below give the service role SELECT and
-- INSERT on every table the owner creates, so a new table is insert-only for the service unless
-- its migration grants more. A live table's migration grants UPDATE and DELETE itself.

DO $$
DECLARE
    service text := '${service_role}';
    is_superuser boolean;
BEGIN
    SELECT rolsuper INTO is_superuser FROM pg_roles WHERE rolname = service;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'The service role "%" does not exist', service
            USING HINT = 'Create it (LOGIN, not superuser) before migrating: docs/operations.md, "Database roles".';
    END IF;
    IF service = current_user THEN
        RAISE EXCEPTION 'The service role "%" is the role running the migrations', service
            USING HINT = 'Flyway runs as the owner (quarkus.flyway.username); the service connects as another role.';
    END IF;
    IF is_superuser THEN
        RAISE EXCEPTION 'The service role "%" is a superuser', service
            USING HINT = 'A superuser can switch the append-only triggers off; the service role must not be one.';
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO "${service_role}";

-- Read everything (the event log, reference data, live state, the outbox position).
GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${service_role}";

-- The event log: append only. No UPDATE, DELETE or TRUNCATE, whatever the triggers say.
GRANT INSERT ON ledger_event TO "${service_role}";

-- Live state and read indexes, maintained by the writer in the same transaction as the events.
GRANT INSERT, UPDATE, DELETE ON
    party, registry, organization, account, project, project_participant,
    issuance_request, issuance, issuance_allocation,
    unit_authorization, unit_authorization_version, first_transfer, ca_method,
    block, event_account, event_units, idempotency,
    transfer_policy, trusted_account, pending_transfer, reservation,
    outbox_position
    TO "${service_role}";

GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${service_role}";

-- Tables and sequences the owner creates from now on: readable and appendable, nothing more.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO "${service_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${service_role}";
