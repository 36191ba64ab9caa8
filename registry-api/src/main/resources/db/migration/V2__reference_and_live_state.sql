-- Reference data and live state, maintained by the single writer in the same transaction as the
-- events that changed them. Everything here can be rebuilt by replaying ledger_event.
-- Foreign keys guard the small reference tables; the hot tables (block and the event indexes)
-- carry none, because a foreign-key check per row would cost an index probe on every transfer;
-- their references are guaranteed by ledger-core and checked by replay.

-- btree_gist lets one GiST index combine equality on host_party and vintage with overlap of unit
-- ranges (the exclusion constraint on block). It is a trusted extension (PostgreSQL 13+), so a
-- database owner without superuser rights may create it; the embedded PostgreSQL 17 ships it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE party (
    code                    char(3) NOT NULL PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    iso2                    char(2) NOT NULL UNIQUE CHECK (iso2 ~ '^[A-Z]{2}$'),
    name                    text    NOT NULL,
    jcm_status              text    NOT NULL CHECK (jcm_status IN ('JAPAN', 'PARTNER', 'CANDIDATE')),
    paris_agreement_party   boolean NOT NULL,
    cooperative_approach_id text    CHECK (cooperative_approach_id ~ '^CA[0-9]{4}$')
);

CREATE TABLE registry (
    id                       text    NOT NULL PRIMARY KEY CHECK (id ~ '^[A-Z]{3}[0-9]{2}$'),
    party                    char(3) NOT NULL REFERENCES party (code),
    name                     text    NOT NULL,
    cancellation_account_id  text    NOT NULL,
    retirement_account_id    text    NOT NULL,
    next_organization_number bigint  NOT NULL,
    next_account_number      bigint  NOT NULL
);

CREATE TABLE organization (
    id          text NOT NULL PRIMARY KEY,
    registry_id text NOT NULL REFERENCES registry (id),
    name        text NOT NULL
);

CREATE TABLE account (
    id              text    NOT NULL PRIMARY KEY,
    registry_id     text    NOT NULL REFERENCES registry (id),
    organization_id text    REFERENCES organization (id),
    type            text    NOT NULL CHECK (type IN ('HOLDING', 'CANCELLATION', 'RETIREMENT')),
    name            text    NOT NULL,
    status          text    NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    frozen          boolean NOT NULL,
    -- Holding accounts belong to an organization; terminal accounts to their registry only.
    CHECK ((type = 'HOLDING') = (organization_id IS NOT NULL))
);
CREATE INDEX account_organization ON account (organization_id);

CREATE TABLE project (
    id             text    NOT NULL PRIMARY KEY CHECK (id ~ '^[A-Z]{2}[0-9]{3}$'),
    host_party     char(3) NOT NULL REFERENCES party (code),
    registry_id    text    NOT NULL REFERENCES registry (id),
    title          text    NOT NULL,
    methodology_id text    NOT NULL
);

CREATE TABLE project_participant (
    project_id      text NOT NULL REFERENCES project (id),
    position        int  NOT NULL,
    organization_id text NOT NULL REFERENCES organization (id),
    PRIMARY KEY (project_id, position),
    UNIQUE (project_id, organization_id)
);
CREATE INDEX project_participant_organization ON project_participant (organization_id);

CREATE TABLE issuance_request (
    id                      text   NOT NULL PRIMARY KEY,
    project_id              text   NOT NULL REFERENCES project (id),
    organization_id         text   NOT NULL REFERENCES organization (id),
    monitoring_period_start date   NOT NULL,
    monitoring_period_end   date   NOT NULL,
    verified_quantity       bigint NOT NULL CHECK (verified_quantity >= 1),
    verification_reference  text   NOT NULL,
    issued_quantity         bigint NOT NULL CHECK (issued_quantity BETWEEN 0 AND verified_quantity)
);

CREATE TABLE issuance (
    id                      text     NOT NULL PRIMARY KEY,
    seq                     bigint   NOT NULL REFERENCES ledger_event (seq),
    project_id              text     NOT NULL REFERENCES project (id),
    host_party              char(3)  NOT NULL REFERENCES party (code),
    vintage                 smallint NOT NULL CHECK (vintage BETWEEN 2013 AND 2100),
    monitoring_period_start date     NOT NULL,
    monitoring_period_end   date     NOT NULL,
    total_quantity          bigint   NOT NULL CHECK (total_quantity >= 1),
    issuance_request_id     text     REFERENCES issuance_request (id),
    -- A Joint Committee decision is issued at most once (docs/domain.md section 4, invariant 4).
    UNIQUE (project_id, monitoring_period_start, monitoring_period_end, vintage)
);

CREATE TABLE issuance_allocation (
    issuance_id         text   NOT NULL REFERENCES issuance (id),
    position            int    NOT NULL,
    account_id          text   NOT NULL REFERENCES account (id),
    issuing_registry_id text   NOT NULL REFERENCES registry (id),
    first_unit          bigint NOT NULL,
    last_unit           bigint NOT NULL,
    quantity            bigint NOT NULL GENERATED ALWAYS AS (last_unit - first_unit + 1) STORED,
    PRIMARY KEY (issuance_id, position),
    CHECK (1 <= first_unit AND first_unit <= last_unit AND last_unit <= 9007199254740991)
);

-- "authorization" is a reserved word in SQL, hence the prefix.
CREATE TABLE unit_authorization (
    id                        text     NOT NULL PRIMARY KEY,
    party                     char(3)  NOT NULL REFERENCES party (code),
    cooperative_approach_id   text     NOT NULL,
    purpose                   text     NOT NULL CHECK (purpose IN ('NDC', 'OIMP', 'NDC_AND_OIMP')),
    oimp                      text,
    first_transfer_definition text     CHECK (first_transfer_definition IN ('AUTHORIZATION', 'ISSUANCE', 'USE_OR_CANCELLATION')),
    authorized_quantity       bigint   CHECK (authorized_quantity >= 1),
    vintages                  smallint[] NOT NULL,
    authorized_entities       text[]   NOT NULL,
    version                   int      NOT NULL CHECK (version >= 1),
    unit_count                bigint   NOT NULL,
    first_transferred_units   bigint   NOT NULL,
    revoked                   boolean  NOT NULL
);

-- Every version stays readable; a version row is written once and never changes.
CREATE TABLE unit_authorization_version (
    authorization_id    text        NOT NULL REFERENCES unit_authorization (id),
    version             int         NOT NULL CHECK (version >= 1),
    seq                 bigint      NOT NULL REFERENCES ledger_event (seq),
    at                  timestamptz NOT NULL,
    authorized_quantity bigint,
    vintages            smallint[]  NOT NULL,
    authorized_entities text[]      NOT NULL,
    issuance_id         text,
    -- The unit ranges this version added, as in the event: [{hostParty, vintage, projectId, issuanceId, issuingRegistryId, first, last}].
    ranges              jsonb       NOT NULL,
    PRIMARY KEY (authorization_id, version)
);

CREATE TABLE first_transfer (
    seq                bigint  NOT NULL PRIMARY KEY REFERENCES ledger_event (seq),
    authorization_id   text    NOT NULL REFERENCES unit_authorization (id),
    trigger            text    NOT NULL,
    cause_seq          bigint  NOT NULL,
    transferring_party char(3) NOT NULL,
    acquiring_party    char(3),
    quantity           bigint  NOT NULL CHECK (quantity >= 1)
);

-- The corresponding-adjustment method a Party fixed for an NDC period with its first adjustment.
CREATE TABLE ca_method (
    party      char(3)  NOT NULL REFERENCES party (code),
    first_year smallint NOT NULL,
    last_year  smallint NOT NULL,
    method     text     NOT NULL CHECK (method IN ('TRAJECTORY', 'AVERAGING', 'MULTI_YEAR_BUDGET')),
    PRIMARY KEY (party, first_year)
);

-- Live blocks: contiguous inclusive unit ranges with identical attributes, keyed like ledger-core's
-- BlockKey (host_party, vintage, first_unit). Blocks only shrink (their high end splits off into
-- a new block) or change attributes; they are never merged or deleted.
CREATE TABLE block (
    host_party            char(3)  NOT NULL,
    vintage               smallint NOT NULL CHECK (vintage BETWEEN 2013 AND 2100),
    first_unit            bigint   NOT NULL,
    last_unit             bigint   NOT NULL,
    quantity              bigint   NOT NULL GENERATED ALWAYS AS (last_unit - first_unit + 1) STORED,
    project_id            text     NOT NULL,
    issuance_id           text     NOT NULL,
    issuing_registry_id   text     NOT NULL,
    account_id            text     NOT NULL,
    status                text     NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED', 'RETIRED')),
    authorization_id      text,
    authorization_purpose text     CHECK (authorization_purpose IN ('NDC', 'OIMP', 'NDC_AND_OIMP')),
    ca_state              text     NOT NULL CHECK (ca_state IN ('NOT_REQUIRED', 'COMMITTED', 'PENDING', 'APPLIED')),
    label                 text     NOT NULL GENERATED ALWAYS AS (
                              CASE ca_state WHEN 'NOT_REQUIRED' THEN 'NONE' WHEN 'APPLIED' THEN 'CA_APPLIED' ELSE 'AUTHORIZED' END) STORED,
    first_transferred     boolean  NOT NULL,
    PRIMARY KEY (host_party, vintage, first_unit),
    CHECK (1 <= first_unit AND first_unit <= last_unit AND last_unit <= 9007199254740991),
    CHECK ((authorization_id IS NULL) = (authorization_purpose IS NULL)),
    CHECK ((authorization_id IS NULL) = (ca_state = 'NOT_REQUIRED')),
    -- No unit is in two live blocks (docs/domain.md section 4, invariants 1 and 2). Deferred to COMMIT
    -- because one batch shortens existing blocks and inserts their split-off parts in any order.
    CONSTRAINT block_units_disjoint EXCLUDE USING gist (
        host_party WITH =, vintage WITH =, int8range(first_unit, last_unit, '[]') WITH &&)
        DEFERRABLE INITIALLY DEFERRED
);
-- Holdings of an account in selection order (vintage, project, first unit); balances sum over it.
CREATE INDEX block_account ON block (account_id, vintage, project_id, first_unit);

-- Balance lines of every account, derived from the live blocks (not stored, so a transfer
-- writes no balance rows); ledger-core keeps the same numbers in memory.
CREATE VIEW account_balance AS
SELECT account_id, vintage, label, sum(quantity)::bigint AS quantity, count(*) AS block_count
FROM block
GROUP BY account_id, vintage, label;
