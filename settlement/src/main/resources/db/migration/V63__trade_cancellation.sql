-- An exchange may cancel a trade it registered while it is pending and no delivery of it is held
-- in the registry (docs/settlement.md, "Cancelling a trade"). The cancellation is input, like the
-- registration: a rebuild keeps it and sets a cancelled trade back to CANCELLED (at cancelled_at),
-- not to PENDING_DELIVERY, before it applies the ledger again.
ALTER TABLE trades ADD COLUMN cancelled_at timestamptz;
ALTER TABLE trades ADD COLUMN cancelled_by text;
ALTER TABLE trades ADD CONSTRAINT trades_cancelled_together CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL));

-- Transfers from an account naming a trade that the registry holds back (TransferPended of a
-- transfer policy) and that have not executed, been cancelled or expired yet: the units are
-- reserved for the buyer, so a trade with a held delivery from its seller cannot be cancelled.
-- Derived from the ledger: filled and emptied by the consumer, truncated by a rebuild.
CREATE TABLE held_deliveries (
    pending_transfer_id  text        PRIMARY KEY,
    seq                  bigint      NOT NULL,
    at                   timestamptz NOT NULL,
    venue                text        NOT NULL,
    trade_id             text        NOT NULL,
    from_account_id      text        NOT NULL,
    to_account_id        text        NOT NULL,
    quantity             bigint      NOT NULL CHECK (quantity > 0)
);
CREATE INDEX held_deliveries_by_trade ON held_deliveries (venue, trade_id);

-- Live and derived: the consumer deletes a row when its pending transfer ends; a rebuild empties it.
GRANT UPDATE, DELETE, TRUNCATE ON held_deliveries TO "${service_role}";
