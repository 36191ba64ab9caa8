-- Who may decide a trade and where prices come from (docs/settlement.md):
-- only the seller's transfer decides a registered trade; every other transfer naming a trade is an
-- unmatched reference, which its venue lists in ledger order.
CREATE INDEX trade_legs_by_venue ON trade_legs (venue, seq);

-- A venue's prices come only from trades it registered and its seller delivered: the public trade
-- feed, bars and last prices are fed from settled trades (at the registered price), no longer
-- from every priced transfer. in_feeds says a settled trade is in the bars and last prices: the
-- consumer sets it when it settles a trade, and puts trades that a registration settled at once
-- (their delivery was applied first) into the feeds soon after.
ALTER TABLE trades ADD COLUMN in_feeds boolean NOT NULL DEFAULT false;
CREATE INDEX trades_in_feeds ON trades (status_seq) WHERE in_feeds;
CREATE INDEX trades_in_feeds_by_instrument ON trades (instrument, status_seq) WHERE in_feeds;
CREATE INDEX trades_settled_outside_feeds ON trades (status_seq) WHERE status = 'SETTLED' AND NOT in_feeds;

-- The feeds held prices of every priced transfer: wipe the derived data and apply the ledger again
-- from sequence 1 under the new rules (what POST /api/v1/admin/rebuild does).
TRUNCATE trade_legs, bars, daily_volumes, instruments, last_prices;
UPDATE trades SET status = 'PENDING_DELIVERY', status_seq = NULL, status_at = NULL, mismatches = NULL;
UPDATE consumer_position SET last_seq = 0, last_hash = repeat('0', 64), last_at = NULL,
    generation = generation + 1, updated_at = now();

-- Every account the ledger opened (AccountOpened), and when it was closed (AccountClosed): a trade
-- registration must name known, open accounts. Derived from the ledger like the tables above,
-- filled by the consumer, wiped and refilled by a rebuild (the one just requested fills it).
CREATE TABLE accounts (
    account_id  text   PRIMARY KEY,
    opened_seq  bigint NOT NULL,
    closed_seq  bigint
);
