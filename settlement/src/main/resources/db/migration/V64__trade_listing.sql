-- Trade listing and session bars.
--
-- GET /api/v1/trades lists registered trades by registration time, per venue or over all venues,
-- and filters them by a counterparty organization (docs/settlement.md, "Listing trades").
CREATE INDEX trades_by_venue_and_registration ON trades (venue, registered_at, trade_id);
CREATE INDEX trades_by_registration ON trades (registered_at, venue, trade_id);

-- The organization that holds each account (AccountOpened), for the counterparty filter. Derived
-- from the ledger like the rest of the table.
ALTER TABLE accounts ADD COLUMN organization_id text;
CREATE INDEX accounts_by_organization ON accounts (organization_id);

-- The accounts read so far have no organization: wipe the derived data and apply the ledger again
-- from sequence 1 (what POST /api/v1/admin/rebuild does), keeping cancellations.
TRUNCATE trade_legs, bars, daily_volumes, instruments, last_prices, accounts, held_deliveries;
UPDATE trades SET status = CASE WHEN cancelled_at IS NULL THEN 'PENDING_DELIVERY' ELSE 'CANCELLED' END,
    status_seq = NULL, status_at = cancelled_at, mismatches = NULL, in_feeds = false;
UPDATE consumer_position SET last_seq = 0, last_hash = repeat('0', 64), last_at = NULL,
    generation = generation + 1, updated_at = now();

-- Session bars (jcm.venues."<venue>".session): a venue's session bar has interval code
-- session:<venue> and covers its session, so each bar stores where it ends. The table is empty here.
ALTER TABLE bars ADD COLUMN bucket_end timestamptz NOT NULL;
