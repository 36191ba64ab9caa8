-- The settlement service's own database. Everything except trades (as registered by exchanges)
-- and idempotency records is derived from the ledger and is rebuilt from sequence 1 on demand.

-- How far the ledger has been applied. Updated in the same transaction as the effects of the
-- events it counts, which is what makes application exactly once.
CREATE TABLE consumer_position (
    ledger_id   text PRIMARY KEY,
    last_seq    bigint      NOT NULL CHECK (last_seq >= 0),
    last_hash   text        NOT NULL,
    last_at     timestamptz,
    generation  bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per instrument of every priced transfer (a transfer spanning several instruments has
-- one leg per instrument, each at the transfer's price per tonne).
CREATE TABLE trade_legs (
    seq              bigint      NOT NULL,
    leg              integer     NOT NULL,
    at               timestamptz NOT NULL,
    instrument       text        NOT NULL,
    quantity         bigint      NOT NULL CHECK (quantity > 0),
    price_per_tonne  numeric     NOT NULL CHECK (price_per_tonne > 0),
    currency         text        NOT NULL,
    venue            text        NOT NULL,
    trade_id         text        NOT NULL,
    from_account_id  text        NOT NULL,
    to_account_id    text        NOT NULL,
    PRIMARY KEY (seq, leg)
);
CREATE INDEX trade_legs_by_instrument ON trade_legs (instrument, seq, leg);
CREATE INDEX trade_legs_by_trade ON trade_legs (venue, trade_id, seq);

-- OHLCV bars per instrument, currency and interval, keyed by the UTC start of the interval.
-- Open and close are the first and last trades in ledger order (open_seq, close_seq).
CREATE TABLE bars (
    instrument    text        NOT NULL,
    currency      text        NOT NULL,
    bar_interval  text        NOT NULL,
    bucket_start  timestamptz NOT NULL,
    open          numeric     NOT NULL,
    high          numeric     NOT NULL,
    low           numeric     NOT NULL,
    close         numeric     NOT NULL,
    volume        bigint      NOT NULL,
    notional      numeric     NOT NULL,
    trade_count   bigint      NOT NULL,
    open_seq      bigint      NOT NULL,
    close_seq     bigint      NOT NULL,
    PRIMARY KEY (instrument, currency, bar_interval, bucket_start)
);

-- Daily (UTC) volumes per host Party.
CREATE TABLE daily_volumes (
    party        text   NOT NULL,
    day          date   NOT NULL,
    issued       bigint NOT NULL DEFAULT 0,
    transferred  bigint NOT NULL DEFAULT 0,
    retired      bigint NOT NULL DEFAULT 0,
    cancelled    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (party, day)
);

-- Instruments seen in the ledger (issued, authorized, adjusted, revoked or moved units).
CREATE TABLE instruments (
    instrument  text    PRIMARY KEY,
    host_party  text    NOT NULL,
    vintage     integer NOT NULL,
    label       text    NOT NULL,
    first_seq   bigint  NOT NULL
);

-- The last traded price per instrument and currency.
CREATE TABLE last_prices (
    instrument       text        NOT NULL,
    currency         text        NOT NULL,
    price_per_tonne  numeric     NOT NULL,
    at               timestamptz NOT NULL,
    seq              bigint      NOT NULL,
    PRIMARY KEY (instrument, currency)
);

-- Trades registered by exchanges for delivery versus payment. The registration columns are
-- input; the status columns are derived from the ledger and reset by a rebuild.
CREATE TABLE trades (
    venue              text        NOT NULL,
    trade_id           text        NOT NULL,
    seller_account_id  text        NOT NULL,
    buyer_account_id   text        NOT NULL,
    instrument         text        NOT NULL,
    quantity           bigint      NOT NULL CHECK (quantity > 0),
    price_per_tonne    numeric     NOT NULL CHECK (price_per_tonne > 0),
    currency           text        NOT NULL,
    deliver_by         timestamptz NOT NULL,
    registered_at      timestamptz NOT NULL,
    registered_by      text        NOT NULL,
    status             text        NOT NULL,
    status_seq         bigint,
    status_at          timestamptz,
    mismatches         text,
    PRIMARY KEY (venue, trade_id)
);
CREATE INDEX trades_pending_by_deadline ON trades (deliver_by) WHERE status = 'PENDING_DELIVERY';
CREATE INDEX trades_by_venue_and_status_time ON trades (venue, status_at);

-- Idempotency-Key records of POST /trades: the first response, answered again on a retry.
CREATE TABLE idempotency_keys (
    scope         text        NOT NULL,
    idem_key      text        NOT NULL,
    request_hash  text        NOT NULL,
    status        integer     NOT NULL,
    body          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
