-- The append-only event log: the source of truth of the registry.
-- Each row is one ledger-core event. event_json holds the exact RFC 8785 canonical JSON that was
-- hashed: hash = SHA-256(prev_hash || UTF-8(event_json)), prev_hash of seq 1 = 32 zero bytes.
-- seq, type, at and actor_* repeat fields of event_json for queries; event_json is authoritative.

CREATE TABLE ledger_event (
    seq           bigint      NOT NULL PRIMARY KEY CHECK (seq >= 1),
    type          text        NOT NULL,
    at            timestamptz NOT NULL,
    actor_role    text        NOT NULL,
    actor_subject text        NOT NULL,
    actor_scope   text        NOT NULL,
    event_json    text        NOT NULL,
    prev_hash     bytea       NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash          bytea       NOT NULL CHECK (octet_length(hash) = 32)
);

COMMENT ON TABLE ledger_event IS
    'Append-only ledger: gapless seq from 1, hash chain hash = SHA-256(prev_hash || event_json). UPDATE, DELETE and TRUNCATE are refused.';

-- The database itself refuses to change history, whoever connects. Statement-level triggers fire
-- even when no row matches, so "DELETE FROM ledger_event WHERE false" is refused as well.
CREATE FUNCTION ledger_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'ledger_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Corrections are new events; history is never edited.';
END
$$;

CREATE TRIGGER ledger_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ledger_event
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_refuse_change();

CREATE TRIGGER ledger_event_no_truncate
    BEFORE TRUNCATE ON ledger_event
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_refuse_change();
