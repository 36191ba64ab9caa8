-- The witness (docs/settlement.md, "The witness"): settlement's own Merkle tree over the ledger
-- entries it consumed, the checkpoints it cosigned, its alarms, and how far it read the
-- checkpoint topic. The witness's signing key is never stored here: it is a file.

-- The size of the witness's tree: leaves 0..tree_size-1 are the entries with seq 1..tree_size.
-- Grown in the same transaction as the tiles that hold the new leaves. A rebuild of the derived
-- data keeps it: the tree is what the witness saw, not derived state.
CREATE TABLE witness_tree (
    ledger_id   text PRIMARY KEY,
    tree_size   bigint      NOT NULL CHECK (tree_size >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The tree as C2SP tlog-tiles of height 8 (docs/transparency-log.md): the tile at level L, index
-- idx holds the hashes of the nodes at height 8L, indexes 256*idx .. 256*idx + width - 1. One row
-- per tile, in its widest version so far: a partial tile (the right edge) is replaced by a wider
-- one as the tree grows; its first hashes never change, so a wider tile serves every smaller tree.
CREATE TABLE witness_tile (
    level   smallint NOT NULL CHECK (level BETWEEN 0 AND 7),
    idx     bigint   NOT NULL CHECK (idx >= 0),
    width   smallint NOT NULL CHECK (width BETWEEN 1 AND 256),
    hashes  bytea    NOT NULL CHECK (length(hashes) = 32 * width),
    PRIMARY KEY (level, idx)
);

-- Checkpoints the witness verified and cosigned: the log's signed note as received, and the
-- witness's C2SP tlog-cosignature line. published_at is set once the cosignature is on the
-- cosignature topic; rows without it are published again at start.
CREATE TABLE witness_checkpoint (
    tree_size     bigint      PRIMARY KEY CHECK (tree_size > 0),
    root_hash     bytea       NOT NULL CHECK (length(root_hash) = 32),
    origin        text        NOT NULL,
    note          text        NOT NULL,
    cosignature   text        NOT NULL,
    timestamp     bigint      NOT NULL,
    cosigned_at   timestamptz NOT NULL,
    published_at  timestamptz
);

-- Disagreements that raised the alarm. The open alarm is the row without cleared_at; it stays
-- open until an operator clears it (POST /api/v1/admin/witness/alarm/clear).
CREATE TABLE witness_alarm (
    id          bigserial   PRIMARY KEY,
    reason      text        NOT NULL,
    detail      text        NOT NULL,
    tree_size   bigint,
    note        text,
    raised_at   timestamptz NOT NULL,
    cleared_at  timestamptz,
    cleared_by  text
);
CREATE UNIQUE INDEX witness_alarm_open ON witness_alarm ((true)) WHERE cleared_at IS NULL;

-- The next offset of the checkpoint topic to read, moved in the same transaction as what the
-- witness did with the checkpoint before it.
CREATE TABLE witness_position (
    topic        text    NOT NULL,
    partition    integer NOT NULL,
    next_offset  bigint  NOT NULL CHECK (next_offset >= 0),
    PRIMARY KEY (topic, partition)
);

-- The service role (V3, docs/security.md "Database roles") gets SELECT and INSERT on new tables by
-- default; the witness also updates its tree size, replaces a tile by its wider version, marks a
-- cosignature published, clears an alarm and moves its position, so these need UPDATE too.
GRANT UPDATE ON witness_tree, witness_tile, witness_checkpoint, witness_alarm, witness_position TO "${service_role}";
