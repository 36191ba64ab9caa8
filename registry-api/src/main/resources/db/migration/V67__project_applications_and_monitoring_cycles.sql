-- The application route's read tables (docs/project-cycle.md, "Reading the route"): project
-- applications, monitoring cycles, the clock of every review and the documents each step cites.
-- Kept by the writer from the route's events (ApplicationSubmitted ... IssuanceDecided, and
-- IssuanceRequested / CreditsIssued of a cycle) in the same transaction, and compared with replay by
-- POST /ledger/verify. Lists of Parties and organizations are stored as their members separated by
-- ';' in the application's order (the first host first); lists of texts and of shares as canonical
-- JSON (type json keeps the text as written, so verification compares it as text).

CREATE TABLE application (
    id                          text     NOT NULL PRIMARY KEY CHECK (id ~ '^AP[0-9]{8}$'),
    state                       text     NOT NULL CHECK (state IN ('PIN_SUBMITTED', 'PIN_RETURNED', 'PIN_CONFIRMED',
                                             'DESIGN_SUBMITTED', 'DESIGN_RETURNED', 'VALIDATED', 'REGISTERED',
                                             'REJECTED', 'WITHDRAWN')),
    -- Whose move it is, and the Parties whose government or JC secretariat holds it.
    holder                      text     NOT NULL,
    held_by_parties             text     NOT NULL,
    title                       text     NOT NULL,
    host_parties                text     NOT NULL CHECK (host_parties ~ '^[A-Z]{3}(;[A-Z]{3})*$'),
    methodology_id              text     NOT NULL,
    financing_kind              text     NOT NULL CHECK (financing_kind IN ('GOVERNMENT_FINANCED', 'PRIVATE')),
    financing_programme         text,
    financing_agency            text,
    japan_share_basis_points    integer  NOT NULL CHECK (japan_share_basis_points BETWEEN 0 AND 10000),
    representative_id           text     NOT NULL,
    other_participants          text     NOT NULL,
    proxy_id                    text,
    -- A participant change asked by the proxy, waiting for the representative's consent.
    pending_representative_id   text,
    pending_other_participants  text,
    pending_proxy_id            text,
    confirmed_by                text     NOT NULL,
    validator_id                text,
    project_id                  text,
    submitted_at                timestamptz NOT NULL
);

-- GET /applications?host= and the statistics per host read host_parties; ?holder= and ?state= are
-- selective enough on the primary key order for the volumes of the route (hundreds a year).
CREATE INDEX application_project ON application (project_id) WHERE project_id IS NOT NULL;

CREATE TABLE monitoring_cycle (
    id                   text    NOT NULL PRIMARY KEY CHECK (id ~ '^MC[0-9]{8}$'),
    project_id           text    NOT NULL,
    application_id       text    NOT NULL,
    state                text    NOT NULL CHECK (state IN ('REPORT_SUBMITTED', 'REPORT_RETURNED', 'VERIFIED',
                                     'ISSUANCE_REQUESTED', 'ISSUANCE_DECIDED', 'ISSUED', 'REJECTED')),
    holder               text    NOT NULL,
    held_by_parties      text    NOT NULL,
    period_start         date    NOT NULL,
    period_end           date    NOT NULL,
    claimed_quantity     bigint  NOT NULL,
    verified_quantity    bigint,
    verifier_id          text,
    issuance_request_id  text,
    -- The decided shares: [{"registryId", "numberingHost", "vintage", "allocations": [{"accountId", "quantity"}]}].
    shares               json    NOT NULL,
    -- The decided shares issued so far, as registry/vintage keys separated by ';' in ascending order.
    issued_shares        text    NOT NULL
);

CREATE INDEX monitoring_cycle_project ON monitoring_cycle (project_id, id);

-- One review of a step (PROJECT_IDEA, VALIDATION, REGISTRATION of an application; VERIFICATION,
-- ISSUANCE_DECISION of a monitoring cycle), numbered from 1 per application or cycle. Reasons and
-- decision reference are those of the latest review event filed against the review.
CREATE TABLE cycle_review (
    subject_id          text        NOT NULL,
    position            integer     NOT NULL CHECK (position >= 1),
    application_id      text        NOT NULL,
    step                text        NOT NULL,
    submitted_at        timestamptz NOT NULL,
    decided_at          timestamptz,
    verdict             text        CHECK (verdict IN ('ACCEPT', 'RETURN', 'REJECT')),
    decided_by_role     text,
    decided_by_subject  text,
    decided_by_scope    text,
    decision_reference  text,
    reasons             json        NOT NULL DEFAULT '[]',
    PRIMARY KEY (subject_id, position)
);

CREATE INDEX cycle_review_application ON cycle_review (application_id);

-- Every document a route event cites, in the event's order. Insert only: a citation never changes.
CREATE TABLE document_citation (
    seq             bigint  NOT NULL,
    position        integer NOT NULL CHECK (position >= 1),
    subject_id      text    NOT NULL,
    application_id  text    NOT NULL,
    step            text    NOT NULL,
    event_type      text    NOT NULL,
    sha256          text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    kind            text    NOT NULL,
    file_name       text    NOT NULL,
    media_type      text    NOT NULL,
    size            bigint  NOT NULL,
    PRIMARY KEY (seq, position)
);

-- GET /documents/{sha256} looks up who cites a document; details list an application's citations.
CREATE INDEX document_citation_sha256 ON document_citation (sha256);
CREATE INDEX document_citation_application ON document_citation (application_id, seq);

-- Live tables: the service keeps them up to date (docs/security.md, "Database roles");
-- document_citation stays insert-only (V60's default privileges).
GRANT UPDATE, DELETE ON application, monitoring_cycle, cycle_review TO "${service_role}";
