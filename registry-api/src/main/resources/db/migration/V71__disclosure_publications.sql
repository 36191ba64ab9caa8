-- Publications (docs/disclosure.md): an organization's account holders publish, for a Japanese
-- fiscal year, the anonymized list of its uses of JCM credits (USES), or also its whole net
-- disclosure statement with its emission records (STATEMENT). What is published stays published:
-- insert-only, like the emission records (V60's default privileges give SELECT and INSERT only).
CREATE TABLE disclosure_publication (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  text        NOT NULL REFERENCES organization (id),
    fiscal_year      integer     NOT NULL CHECK (fiscal_year BETWEEN 2013 AND 2100),
    scope            text        NOT NULL CHECK (scope IN ('USES', 'STATEMENT')),
    published_by     text        NOT NULL,
    published_at     timestamptz NOT NULL,
    UNIQUE (organization_id, fiscal_year, scope)
);

CREATE TRIGGER disclosure_publication_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON disclosure_publication
    FOR EACH STATEMENT EXECUTE FUNCTION emission_record_refuse_change();
