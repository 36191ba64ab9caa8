-- Webhooks (docs/webhooks.md): endpoints that organizations and venues registered, the outbox of
-- deliveries the ledger consumer writes in the transaction of the batch (or sweep) that caused
-- them, and every attempt the delivery worker made. None of it is derived from the ledger: a
-- rebuild keeps these tables, and the events it applies again find their deliveries already there
-- (unique per endpoint and message id), so nothing is delivered twice because of a rebuild.

-- An endpoint. owner_kind/owner_id: an organization (its account holders' token claim org) or a
-- venue (its exchange's claim venue). secret is the whsec_ signing secret, kept in clear because
-- every delivery is signed with it; previous_secret keeps signing beside it until
-- previous_secret_until after a rotation. from_seq is the ledger position when the endpoint was
-- registered: events at or before it are never delivered to it. Deleting sets deleted_at.
CREATE TABLE webhook_endpoint (
    id                     text        PRIMARY KEY,
    owner_kind             text        NOT NULL CHECK (owner_kind IN ('ORGANIZATION', 'VENUE')),
    owner_id               text        NOT NULL,
    url                    text        NOT NULL,
    description            text        NOT NULL,
    events                 text[]      NOT NULL,
    secret                 text        NOT NULL,
    previous_secret        text,
    previous_secret_until  timestamptz,
    from_seq               bigint      NOT NULL CHECK (from_seq >= 0),
    created_at             timestamptz NOT NULL,
    created_by             text        NOT NULL,
    deleted_at             timestamptz,
    deleted_by             text
);
CREATE INDEX webhook_endpoint_by_owner ON webhook_endpoint (owner_kind, owner_id) WHERE deleted_at IS NULL;

-- One message for one endpoint. id orders an endpoint's deliveries: the worker sends only the
-- endpoint's oldest PENDING one. message_id is the webhook-id header, stable across attempts.
CREATE TABLE webhook_delivery (
    id               bigserial   PRIMARY KEY,
    endpoint_id      text        NOT NULL REFERENCES webhook_endpoint (id),
    message_id       text        NOT NULL,
    event_type       text        NOT NULL,
    payload          text        NOT NULL,
    created_at       timestamptz NOT NULL,
    state            text        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     NOT NULL CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL,
    finished_at      timestamptz,
    UNIQUE (endpoint_id, message_id)
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (endpoint_id, id) WHERE state = 'PENDING';

-- Each attempt: when, the receiver's status code (null when no answer came), how long it took,
-- and the error when there was one. Insert-only.
CREATE TABLE webhook_attempt (
    delivery_id  bigint      NOT NULL REFERENCES webhook_delivery (id),
    attempt      integer     NOT NULL CHECK (attempt >= 1),
    at           timestamptz NOT NULL,
    status_code  integer,
    latency_ms   bigint      NOT NULL CHECK (latency_ms >= 0),
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);

-- The service role (V3) gets SELECT and INSERT on new tables; endpoints are deleted and rotated,
-- and deliveries move from PENDING to DELIVERED or FAILED, so these two need UPDATE too.
GRANT UPDATE ON webhook_endpoint, webhook_delivery TO "${service_role}";
