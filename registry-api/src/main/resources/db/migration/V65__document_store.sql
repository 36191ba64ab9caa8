-- The document store (docs/documents.md): the files that project cycle submissions carry (PDF,
-- spreadsheets, CSV, images, ZIP), stored by the SHA-256 of their bytes. The ledger's events cite
-- a document by that hash; the bytes live here, beside the ledger, and are never changed: a
-- document is content addressed, so a changed file is another document. Why PostgreSQL rather
-- than object storage: docs/decisions/0004-documents-in-postgresql.md.
--
-- Both tables are insert-only for the service role (the default privileges of V60 give it SELECT
-- and INSERT, nothing more), and the triggers below refuse UPDATE, DELETE and TRUNCATE to every
-- role, as for the event log.

-- One row per distinct content. The first upload names the file and is recorded as the uploader;
-- the same bytes uploaded again add no row here. The CHECKs make the key the hash of the content
-- and the size its length, so that no row can claim bytes it does not hold.
CREATE TABLE document (
    sha256            char(64)    NOT NULL PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content           bytea       NOT NULL,
    media_type        text        NOT NULL,
    size              integer     NOT NULL,
    file_name         text        NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
    uploaded_by       text        NOT NULL,
    uploaded_by_role  text        NOT NULL,
    uploaded_by_scope text        NOT NULL,
    uploaded_at       timestamptz NOT NULL,
    CONSTRAINT document_sha256_is_hash_of_content CHECK (encode(sha256(content), 'hex') = sha256),
    CONSTRAINT document_size_is_length_of_content CHECK (size > 0 AND size = octet_length(content))
);

-- Every side that uploaded the content (a role with its scope: an organization's account holders,
-- a Party's government, one third-party entity, ...), the first upload included: each such side
-- has shown that it holds the bytes, and may read them back (DocumentAccess).
CREATE TABLE document_upload (
    sha256            char(64)    NOT NULL REFERENCES document (sha256),
    uploaded_by_role  text        NOT NULL,
    uploaded_by_scope text        NOT NULL,
    uploaded_by       text        NOT NULL,
    file_name         text        NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
    uploaded_at       timestamptz NOT NULL,
    PRIMARY KEY (sha256, uploaded_by_role, uploaded_by_scope)
);

CREATE FUNCTION document_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'A document is content addressed and written once; other bytes are another document.';
END
$$;

CREATE TRIGGER document_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON document
    FOR EACH STATEMENT EXECUTE FUNCTION document_refuse_change();
CREATE TRIGGER document_upload_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON document_upload
    FOR EACH STATEMENT EXECUTE FUNCTION document_refuse_change();
