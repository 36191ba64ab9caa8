-- Retirements name their beneficiary as a registered organization (beneficiaryOrganizationId) or a
-- stated name (beneficiary); docs/companies.md.

-- GET /api/v1/reports/retirements?beneficiary=&fiscalYear=: names are now compared after Unicode
-- NFKC, white-space and case normalization, which the service does (the database's C collation
-- lowers ASCII only), so the statement reads the fiscal year's retirements by time. The exact-name
-- index is no longer used.
DROP INDEX ledger_event_retirement_beneficiary;
CREATE INDEX ledger_event_retirement_at ON ledger_event (at) WHERE type = 'CreditsRetired';

-- GET /api/v1/reports/organizations/{id}/retirements: the retirements of others naming an
-- organization by id, in a fiscal year. Its own retirements are found through event_account.
CREATE INDEX ledger_event_retirement_beneficiary_organization
    ON ledger_event (((event_json::jsonb) ->> 'beneficiaryOrganizationId'), at)
    WHERE type = 'CreditsRetired';
