-- Least privilege (docs/security.md, "Database roles"). The migrations run as the owner of the
-- database and of every table; the service connects as its own role (the Flyway placeholder
-- service_role, which is quarkus.datasource.username), which is neither owner nor superuser, so
-- it can neither change the schema nor disable triggers nor set session_replication_role.
-- Everything here is derived from the ledger or input from exchanges: the service reads and
-- writes it all, and a rebuild (POST /api/v1/admin/rebuild) truncates the derived tables.
--
-- Tables of later migrations: the default privileges below give the service role SELECT and
-- INSERT on every table the owner creates, so a new table is insert-only for the service unless
-- its migration grants more.

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
            USING HINT = 'The service role must not be a superuser.';
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO "${service_role}";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${service_role}";

GRANT INSERT, UPDATE, DELETE ON
    consumer_position, trade_legs, bars, daily_volumes, instruments, last_prices, trades, idempotency_keys, accounts
    TO "${service_role}";
-- A rebuild starts the derived tables again from empty.
GRANT TRUNCATE ON trade_legs, bars, daily_volumes, instruments, last_prices, accounts TO "${service_role}";

GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${service_role}";

-- Tables and sequences the owner creates from now on: readable and appendable, nothing more.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO "${service_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${service_role}";
