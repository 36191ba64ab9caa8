-- Partners at runtime, the registry of methodologies and the accredited third-party entities
-- (docs/project-cycle.md). Live tables, kept by the writer from the events (PartyRegistered,
-- PartyUpdated, MethodologyRegistered, MethodologyUpdated, ThirdPartyEntityAccredited,
-- ThirdPartyEntityUpdated) in the same transaction, and compared with replay by POST /ledger/verify.
-- Sets of scopes and of host Parties are stored as their members separated by ';' in ascending
-- order (scope numbers 1..15; alpha-3 codes), the form of reference/parties.csv.

-- A Party's JCM signing date (partners only) and the sectoral scopes its agreement covers. Parties
-- of ledgers written before these members existed have neither.
ALTER TABLE party
    ADD COLUMN jcm_signing_date date,
    ADD COLUMN sectoral_scopes  text NOT NULL DEFAULT ''
        CHECK (sectoral_scopes ~ '^([0-9]{1,2}(;[0-9]{1,2})*)?$');

CREATE TABLE methodology (
    id                      text     NOT NULL PRIMARY KEY CHECK (id ~ '^[A-Z]{2}_AM[0-9]{3}$'),
    host_party              char(3)  NOT NULL REFERENCES party (code),
    title                   text     NOT NULL,
    sectoral_scope          smallint NOT NULL CHECK (sectoral_scope BETWEEN 1 AND 15),
    version                 integer  NOT NULL CHECK (version BETWEEN 1 AND 999),
    status                  text     NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'SUSPENDED', 'WITHDRAWN')),
    max_monitoring_days     integer  CHECK (max_monitoring_days BETWEEN 1 AND 36600),
    same_entity_may_verify  boolean  NOT NULL
);

-- GET /methodologies?host=&scope=&status= pages by id within the filter.
CREATE INDEX methodology_host ON methodology (host_party, id);

CREATE TABLE third_party_entity (
    id              text NOT NULL PRIMARY KEY CHECK (id ~ '^TPE-[0-9]{4}$'),
    name            text NOT NULL,
    sectoral_scopes text NOT NULL CHECK (sectoral_scopes ~ '^[0-9]{1,2}(;[0-9]{1,2})*$'),
    host_parties    text NOT NULL CHECK (host_parties ~ '^[A-Z]{3}(;[A-Z]{3})*$'),
    status          text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED'))
);

-- Live tables: the service keeps them up to date (docs/security.md, "Database roles").
GRANT UPDATE, DELETE ON methodology, third_party_entity TO "${service_role}";
