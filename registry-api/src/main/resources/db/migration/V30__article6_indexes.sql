-- Indexes for the Article 6.2 reads (docs/article6.md), so that none of them scans the event log.

-- GET /api/v1/authorizations/{id}: the first transfers of an authorization, in sequence order.
CREATE INDEX first_transfer_authorization ON first_transfer (authorization_id, seq);

-- GET /api/v1/authorizations/{id}: the revocation of an authorization (date and reason live only
-- in its event). Partial: revocations are rare, so the index costs nothing on the hot path.
CREATE INDEX ledger_event_revocation ON ledger_event (((event_json::jsonb) ->> 'authorizationId'))
    WHERE type = 'AuthorizationRevoked';

-- GET /api/v1/reports/retirements?beneficiary=&fiscalYear=: one beneficiary's retirements in a
-- time window. Partial: only retirement events are indexed, and only their beneficiary.
CREATE INDEX ledger_event_retirement_beneficiary ON ledger_event (((event_json::jsonb) ->> 'beneficiary'), at)
    WHERE type = 'CreditsRetired';
