-- Holdings are read in selection order, which names the numbering host between the project and
-- the first unit (docs/api.md, "Holdings"): two hosts' lines of one multi-country project may both
-- start at unit 1, and a page cursor of (vintage, project, first unit) could skip one of them.
-- The index keeps its name and its leading account_id, which the balance view and the writer's
-- statements rely on; it gains host_party so that a holdings page is one index range.
DROP INDEX block_account;
CREATE INDEX block_account ON block (account_id, vintage, project_id, host_party, first_unit);
