-- The proposals of four-eyes actions are read from the event log (GET /api/v1/proposals): this
-- partial index finds their events (made, approved, rejected or withdrawn, expired) in seq order
-- without reading the rest of the log. It holds only those events, so every other insert into
-- ledger_event only evaluates its predicate.
CREATE INDEX ledger_event_proposal ON ledger_event (seq)
    WHERE type IN ('ProposalMade', 'ProposalApproved', 'ProposalRejected', 'ProposalExpired');
