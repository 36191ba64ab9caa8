-- The outbox publisher's position: the last ledger seq that the Kafka broker acknowledged for a
-- topic. It only moves forward, and only after the acknowledgement, so after a crash or a broker
-- outage publishing resumes from here: nothing is skipped, and an event sent but not yet recorded
-- is sent again (a duplicate with the same seq and bytes, which consumers drop).
-- Keyed by topic: pointing the publisher at a new, empty topic starts that topic from seq 1.

CREATE TABLE outbox_position (
    topic      text        NOT NULL PRIMARY KEY,
    last_seq   bigint      NOT NULL CHECK (last_seq >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE outbox_position IS
    'Last ledger_event.seq acknowledged by Kafka per topic; moves forward only, after the broker acknowledged.';
