-- The transfer controls for the read side (docs/four-eyes.md), written by the writer with the
-- events that change them, like the other live tables.

-- An organization's own transfer policy (TransferPolicySet); an organization without a row uses
-- the configured default (jcm.ledger.*).
CREATE TABLE transfer_policy (
    organization_id          text        NOT NULL PRIMARY KEY,
    approval_threshold       bigint,
    untrusted_needs_approval boolean     NOT NULL,
    untrusted_delay          text        NOT NULL,
    set_seq                  bigint      NOT NULL,
    set_at                   timestamptz NOT NULL,
    set_by                   text        NOT NULL
);

-- An organization's trusted-account list (TrustedAccountAdded; TrustedAccountRemoved deletes the
-- row): the account is trusted from effective_at on.
CREATE TABLE trusted_account (
    organization_id text        NOT NULL,
    account_id      text        NOT NULL,
    added_seq       bigint      NOT NULL,
    added_at        timestamptz NOT NULL,
    added_by        text        NOT NULL,
    effective_at    timestamptz NOT NULL,
    PRIMARY KEY (organization_id, account_id)
);

-- Every pending transfer (TransferPended) and how it stands: AWAITING_APPROVAL, SCHEDULED,
-- EXECUTED, CANCELLED or EXPIRED, updated by its later events.
CREATE TABLE pending_transfer (
    id                  text        NOT NULL PRIMARY KEY,
    organization_id     text        NOT NULL,
    registry_id         text        NOT NULL,
    from_account_id     text        NOT NULL,
    to_account_id       text        NOT NULL,
    quantity            bigint      NOT NULL,
    trade_id            text,
    memo                text,
    initiator           text        NOT NULL,
    pended_seq          bigint      NOT NULL,
    pended_at           timestamptz NOT NULL,
    destination_trusted boolean     NOT NULL,
    approval_required   boolean     NOT NULL,
    delay               text        NOT NULL,
    expires_at          timestamptz,
    execute_at          timestamptz,
    status              text        NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'SCHEDULED', 'EXECUTED', 'CANCELLED',
                                                               'EXPIRED')),
    approved_by         text,
    ended_seq           bigint,
    ended_at            timestamptz,
    ended_by            text,
    end_reason          text
);
CREATE INDEX pending_transfer_organization ON pending_transfer (organization_id, id);
CREATE INDEX pending_transfer_registry ON pending_transfer (registry_id, id);
CREATE INDEX pending_transfer_from ON pending_transfer (from_account_id, id);

-- Units reserved for a pending action (a pending transfer PT..., a proposed cancellation for
-- correction PR...): they stay in account_id, counted in its blocks, but nothing else may move
-- them. Deleted when the action ends.
CREATE TABLE reservation (
    action_id  text   NOT NULL,
    account_id text   NOT NULL,
    host_party text   NOT NULL,
    vintage    int    NOT NULL,
    first_unit bigint NOT NULL,
    last_unit  bigint NOT NULL,
    PRIMARY KEY (host_party, vintage, first_unit)
);
CREATE INDEX reservation_action ON reservation (action_id);
CREATE INDEX reservation_account ON reservation (account_id, host_party, vintage, first_unit);
