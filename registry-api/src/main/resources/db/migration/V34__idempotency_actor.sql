-- The actor whose request made each idempotency record: its role (wire name) and scope (the
-- organization, registry, Party or venue of its token; empty for operator and auditor). A replay
-- of the record is answered only to a token with the same role and scope (docs/security.md,
-- "Idempotent replays"); records of accepted commands written before these columns existed take
-- them from their first event, which records its actor. Other older records (rejections, transfer
-- batches) keep NULL and are not replayed.
ALTER TABLE idempotency ADD COLUMN actor_role text, ADD COLUMN actor_scope text;

UPDATE idempotency i SET actor_role = e.actor_role, actor_scope = e.actor_scope
FROM ledger_event e
WHERE i.kind = 'COMMAND' AND i.first_seq IS NOT NULL AND e.seq = i.first_seq;
