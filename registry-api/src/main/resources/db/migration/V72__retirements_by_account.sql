-- The retirements made from an account in a time window: what an organization's disclosure
-- statement lists for a fiscal year (docs/disclosure.md). A partial expression index on the event
-- log, like V30's index of retirements by beneficiary, so the write path pays nothing for it.
CREATE INDEX ledger_event_retirement_from_account ON ledger_event (((event_json::jsonb) ->> 'fromAccountId'), at)
    WHERE type = 'CreditsRetired';
