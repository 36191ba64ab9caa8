-- The transparency log (docs/transparency-log.md): the Merkle tree over ledger_event as C2SP
-- tlog-tiles, the signed checkpoints, and the witnesses' cosignatures. All three are written once
-- and never changed: a partial tile is its own row per width, a checkpoint is one row per tree
-- size. They prove nothing by being stored here (anyone who can write this database can write
-- them); what proves is the signature, made with a key that is never stored in PostgreSQL, and
-- the witnesses' cosignatures.

-- The hashes of the tree's nodes at height 8 * level, indexes 256 * idx .. 256 * idx + width - 1,
-- 32 bytes each, concatenated.
CREATE TABLE merkle_tile (
    level  smallint NOT NULL CHECK (level BETWEEN 0 AND 7),
    idx    bigint   NOT NULL CHECK (idx >= 0),
    width  smallint NOT NULL CHECK (width BETWEEN 1 AND 256),
    hashes bytea    NOT NULL CHECK (octet_length(hashes) = 32 * width),
    PRIMARY KEY (level, idx, width)
);

-- One signed tree head per row: note is the C2SP signed note (tlog-checkpoint text, then the log's
-- signature line), exactly as published on Kafka and served by GET /ledger/checkpoints.
CREATE TABLE ledger_checkpoint (
    tree_size  bigint      NOT NULL PRIMARY KEY CHECK (tree_size > 0),
    root_hash  bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
    note       text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- A witness's cosignature of a checkpoint (C2SP tlog-cosignature v1), as its signature line.
CREATE TABLE ledger_cosignature (
    tree_size   bigint      NOT NULL,
    witness     text        NOT NULL,
    key_id      text        NOT NULL,
    signed_at   bigint      NOT NULL,
    line        text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (tree_size, witness)
);

CREATE FUNCTION transparency_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Tiles, checkpoints and cosignatures are written once.';
END
$$;

CREATE TRIGGER merkle_tile_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON merkle_tile
    FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_refuse_change();
CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_refuse_change();
CREATE TRIGGER ledger_cosignature_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_refuse_change();
