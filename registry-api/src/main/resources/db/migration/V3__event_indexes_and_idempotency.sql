-- Indexes of the event log for the read side, written by the writer with the events.

-- Every event that touches an account: it opened, froze, unfroze or closed it, or moved units
-- into or out of it (issuance allocations, transfers, cancellations, retirements). Serves
-- GET /api/v1/accounts/{id}/transactions in seq order.
CREATE TABLE event_account (
    account_id text   NOT NULL,
    seq        bigint NOT NULL,
    PRIMARY KEY (account_id, seq)
);

-- Every unit range an event names (issuance allocations and the ranges of movements,
-- authorizations, first transfers and adjustments). Serves a unit's full history:
-- WHERE host_party = ? AND vintage = ? AND units @> unit::bigint ORDER BY seq.
CREATE TABLE event_units (
    host_party char(3)   NOT NULL,
    vintage    smallint  NOT NULL,
    units      int8range NOT NULL,
    seq        bigint    NOT NULL
);
CREATE INDEX event_units_range ON event_units USING gist (host_party, vintage, units);

-- Idempotency records: the first outcome of every (token subject, Idempotency-Key).
-- kind COMMAND: an accepted command (status 201, events first_seq..last_seq) or a rejected one
-- (its status, rejection_code and rejection_detail). kind BATCH: a transfer batch, whose answer
-- is rebuilt from its items' own records.
CREATE TABLE idempotency (
    subject          text        NOT NULL,
    key              text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('COMMAND', 'BATCH')),
    request_hash     bytea       NOT NULL CHECK (octet_length(request_hash) = 32),
    status           smallint    NOT NULL,
    first_seq        bigint,
    last_seq         bigint,
    rejection_code   text,
    rejection_detail text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, key),
    CHECK ((first_seq IS NULL) = (last_seq IS NULL)),
    CHECK (kind = 'BATCH' OR (first_seq IS NULL) <> (rejection_code IS NULL))
);
