-- Who may decide a trade and where prices come from (docs/settlement.md):
-- only the seller's transfer decides a registered trade; every other transfer naming a trade is an
-- unmatched reference, which its venue lists in ledger order.
CREATE INDEX trade_legs_by_venue ON trade_legs (venue, seq);
