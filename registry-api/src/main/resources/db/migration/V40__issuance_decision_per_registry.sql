-- Each side of a JCM partnership issues its share of a Joint Committee decision into its own
-- registry (docs/ledger-model.md, "Issuance"): a decision (project, monitoring period, vintage) is
-- issued once per issuing registry, so one decision may have an issuance row per side. The ledger's
-- state machine enforces that rule; the unique decision key of V2 goes, and an index on the same
-- columns stays for the reads that look a project's issuances up.
DO $$
DECLARE
    decision_key text;
BEGIN
    SELECT conname INTO decision_key FROM pg_constraint
     WHERE conrelid = 'issuance'::regclass AND contype = 'u';
    IF decision_key IS NOT NULL THEN
        EXECUTE format('ALTER TABLE issuance DROP CONSTRAINT %I', decision_key);
    END IF;
END
$$;

CREATE INDEX issuance_decision ON issuance (project_id, monitoring_period_start, monitoring_period_end, vintage);
