-- Emission records (docs/disclosure.md): an organization's gross greenhouse-gas emissions per
-- Japanese fiscal year, as its account holders state them. They are the organization's
-- statements, not credits, so they live here beside the ledger and not in it.
--
-- Append-only: a correction is a new version (version n + 1), never a change of version n. The
-- service role has SELECT and INSERT only (V60's default privileges) and the trigger below refuses
-- UPDATE, DELETE and TRUNCATE to every role, as for the event log.
--
-- Tamper evidence: record_json is the version's canonical JSON (sorted members, no whitespace),
-- which names the organization, the fiscal year, the version, the figures, who recorded it and
-- when, and previousSha256 (the sha256 of version n - 1, null for version 1). sha256 is the
-- SHA-256 of record_json, and signature is the Ed25519 signature of the log's signing key
-- (jcm.checkpoint.signing-key-file, a file that is never in PostgreSQL) over
-- "jcm emission record v1\n" || sha256 || "\n". A reader verifies every version it answers: a
-- row changed in the database, even with its hash recomputed, no longer verifies.
CREATE TABLE emission_record (
    organization_id  text        NOT NULL REFERENCES organization (id),
    fiscal_year      integer     NOT NULL CHECK (fiscal_year BETWEEN 2013 AND 2100),
    version          integer     NOT NULL CHECK (version >= 1),
    record_json      text        NOT NULL,
    sha256           char(64)    NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    previous_sha256  char(64)    CHECK (previous_sha256 ~ '^[0-9a-f]{64}$'),
    key_id           text        NOT NULL,
    signature        text        NOT NULL,
    recorded_by      text        NOT NULL,
    idempotency_key  text        NOT NULL,
    request_sha256   char(64)    NOT NULL,
    recorded_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, fiscal_year, version),
    CONSTRAINT emission_record_first_has_no_previous CHECK ((version = 1) = (previous_sha256 IS NULL)),
    CONSTRAINT emission_record_sha256_is_hash_of_json
        CHECK (encode(sha256(convert_to(record_json, 'UTF8')), 'hex') = sha256),
    -- A retried POST (same token subject, same key) finds its first answer here.
    CONSTRAINT emission_record_idempotency UNIQUE (recorded_by, idempotency_key)
);

CREATE FUNCTION emission_record_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'A correction of an emission record is a new version.';
END
$$;

CREATE TRIGGER emission_record_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON emission_record
    FOR EACH STATEMENT EXECUTE FUNCTION emission_record_refuse_change();
