-- The W3C trace context (traceparent, tracestate) of the request that caused an event, sent with
-- the event as Kafka record headers by the outbox (docs/operations.md, "Tracing"). Transport
-- metadata: not part of event_json, so not hashed; null for events of no traced request (and for
-- every event written before this migration, or while tracing is off).
-- Both come from a client header; the writer keeps only a well-formed version-00 traceparent and a
-- printable tracestate of at most 512 characters, and the checks below hold the table to that.
-- NOT VALID: the existing rows are all null, so there is nothing to scan for.
ALTER TABLE ledger_event
    ADD COLUMN traceparent text,
    ADD COLUMN tracestate  text;

ALTER TABLE ledger_event
    ADD CONSTRAINT ledger_event_traceparent_format
        CHECK (traceparent ~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$') NOT VALID,
    ADD CONSTRAINT ledger_event_tracestate_size
        CHECK (tracestate IS NULL OR (traceparent IS NOT NULL AND octet_length(tracestate) <= 512)) NOT VALID;

COMMENT ON COLUMN ledger_event.traceparent IS
    'W3C traceparent of the request that caused the event; transport metadata, not hashed. Null when none.';
COMMENT ON COLUMN ledger_event.tracestate IS
    'W3C tracestate sent with traceparent (at most 512 characters); transport metadata, not hashed.';
