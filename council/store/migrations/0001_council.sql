-- The council's own records: people and their seats, meetings, the three questions
-- (friction points, missing connections, blockers), agendas, guest proposals and decisions.
-- Departments, journey stages, channels, segments and blocker categories are ids from the
-- workspace config; they are checked when written, not by foreign keys, so the config can evolve.

CREATE SEQUENCE person_id_seq;
CREATE TABLE person (
    id            INTEGER PRIMARY KEY DEFAULT nextval('person_id_seq'),
    name          VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
    email         VARCHAR UNIQUE,
    department    VARCHAR,               -- NULL for people from outside (customers)
    role_title    VARCHAR NOT NULL DEFAULT '',
    roles         VARCHAR[] NOT NULL DEFAULT [],
    is_external   BOOLEAN NOT NULL DEFAULT false,
    active        BOOLEAN NOT NULL DEFAULT true,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE council_term_id_seq;
CREATE TABLE council_term (
    id            INTEGER PRIMARY KEY DEFAULT nextval('council_term_id_seq'),
    person_id     INTEGER NOT NULL REFERENCES person (id),
    department    VARCHAR NOT NULL,      -- the department seat this person holds
    starts_on     DATE NOT NULL,
    ends_on       DATE,                  -- NULL while the term is open-ended
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE SEQUENCE meeting_id_seq;
CREATE TABLE meeting (
    id                INTEGER PRIMARY KEY DEFAULT nextval('meeting_id_seq'),
    title             VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    starts_at         TIMESTAMPTZ NOT NULL,
    duration_minutes  INTEGER NOT NULL DEFAULT 90 CHECK (duration_minutes > 0),
    location          VARCHAR NOT NULL DEFAULT '',
    status            VARCHAR NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed')),
    chair_id          INTEGER REFERENCES person (id),
    guest_id          INTEGER REFERENCES person (id),
    minutes           VARCHAR NOT NULL DEFAULT '',
    closed_at         TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE meeting_attendee (
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id),
    person_id     INTEGER NOT NULL REFERENCES person (id),
    PRIMARY KEY (meeting_id, person_id)
);

CREATE SEQUENCE friction_point_id_seq;
CREATE TABLE friction_point (
    id                   INTEGER PRIMARY KEY DEFAULT nextval('friction_point_id_seq'),
    title                VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    description          VARCHAR NOT NULL DEFAULT '',
    journey_stage        VARCHAR NOT NULL,
    channel              VARCHAR,
    segment              VARCHAR,
    severity             INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
    customers_per_month  INTEGER CHECK (customers_per_month >= 0),
    owner_department     VARCHAR,
    status               VARCHAR NOT NULL DEFAULT 'open'
                         CHECK (status IN ('open', 'on_agenda', 'decided', 'resolved', 'wont_fix')),
    created_by           INTEGER REFERENCES person (id),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE friction_department (
    friction_point_id  INTEGER NOT NULL REFERENCES friction_point (id),
    department         VARCHAR NOT NULL,
    PRIMARY KEY (friction_point_id, department)
);

CREATE SEQUENCE evidence_id_seq;
CREATE TABLE evidence (
    id                 INTEGER PRIMARY KEY DEFAULT nextval('evidence_id_seq'),
    friction_point_id  INTEGER NOT NULL REFERENCES friction_point (id),
    kind               VARCHAR NOT NULL CHECK (kind IN ('quote', 'complaints', 'link', 'feedback')),
    text               VARCHAR NOT NULL DEFAULT '',
    url                VARCHAR,
    count              INTEGER CHECK (count >= 0),
    feedback_id        BIGINT,           -- a customer comment attached as evidence
    added_by           INTEGER REFERENCES person (id),
    added_at           TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE missing_connection_id_seq;
CREATE TABLE missing_connection (
    id                   INTEGER PRIMARY KEY DEFAULT nextval('missing_connection_id_seq'),
    from_department      VARCHAR NOT NULL,
    to_department        VARCHAR NOT NULL,
    journey_stage        VARCHAR NOT NULL,
    what_breaks          VARCHAR NOT NULL CHECK (length(trim(what_breaks)) > 0),
    impact               INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    customers_per_month  INTEGER CHECK (customers_per_month >= 0),
    status               VARCHAR NOT NULL DEFAULT 'open'
                         CHECK (status IN ('open', 'on_agenda', 'decided', 'resolved', 'wont_fix')),
    created_by           INTEGER REFERENCES person (id),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    CHECK (from_department <> to_department)
);

CREATE TABLE connection_friction (
    missing_connection_id  INTEGER NOT NULL REFERENCES missing_connection (id),
    friction_point_id      INTEGER NOT NULL REFERENCES friction_point (id),
    PRIMARY KEY (missing_connection_id, friction_point_id)
);

CREATE SEQUENCE blocker_id_seq;
CREATE TABLE blocker (
    id                INTEGER PRIMARY KEY DEFAULT nextval('blocker_id_seq'),
    title             VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    category          VARCHAR NOT NULL,
    owner_department  VARCHAR,
    description       VARCHAR NOT NULL DEFAULT '',
    status            VARCHAR NOT NULL DEFAULT 'active'
                      CHECK (status IN ('active', 'being_removed', 'removed', 'accepted')),
    created_by        INTEGER REFERENCES person (id),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE blocker_friction (
    blocker_id         INTEGER NOT NULL REFERENCES blocker (id),
    friction_point_id  INTEGER NOT NULL REFERENCES friction_point (id),
    PRIMARY KEY (blocker_id, friction_point_id)
);

-- A guest proposes exactly one change per meeting: the database refuses a second one.
CREATE SEQUENCE proposal_id_seq;
CREATE TABLE proposal (
    id                INTEGER PRIMARY KEY DEFAULT nextval('proposal_id_seq'),
    meeting_id        INTEGER NOT NULL REFERENCES meeting (id),
    guest_id          INTEGER NOT NULL REFERENCES person (id),
    change            VARCHAR NOT NULL CHECK (length(trim(change)) > 0),
    why               VARCHAR NOT NULL DEFAULT '',
    journey_stage     VARCHAR,
    customer_notices  VARCHAR NOT NULL DEFAULT '',
    status            VARCHAR NOT NULL DEFAULT 'submitted'
                      CHECK (status IN ('submitted', 'on_agenda', 'decided', 'declined')),
    submitted_at      TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    CONSTRAINT one_proposal_per_guest_per_meeting UNIQUE (meeting_id, guest_id)
);

CREATE SEQUENCE agenda_item_id_seq;
CREATE TABLE agenda_item (
    id                     INTEGER PRIMARY KEY DEFAULT nextval('agenda_item_id_seq'),
    meeting_id             INTEGER NOT NULL REFERENCES meeting (id),
    position               INTEGER NOT NULL CHECK (position >= 1),
    kind                   VARCHAR NOT NULL
                           CHECK (kind IN ('friction', 'connection', 'blocker', 'proposal', 'follow_up', 'other')),
    title                  VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    friction_point_id      INTEGER REFERENCES friction_point (id),
    missing_connection_id  INTEGER REFERENCES missing_connection (id),
    blocker_id             INTEGER REFERENCES blocker (id),
    proposal_id            INTEGER REFERENCES proposal (id),
    decision_id            INTEGER,      -- a follow-up of this decision (any version)
    presenter_id           INTEGER REFERENCES person (id),
    time_box_minutes       INTEGER CHECK (time_box_minutes > 0),
    notes                  VARCHAR NOT NULL DEFAULT '',
    outcome                VARCHAR CHECK (outcome IN ('decided', 'postponed', 'needs_information', 'dropped')),
    CHECK ((kind = 'friction') = (friction_point_id IS NOT NULL)),
    CHECK ((kind = 'connection') = (missing_connection_id IS NOT NULL)),
    CHECK ((kind = 'blocker') = (blocker_id IS NOT NULL)),
    CHECK ((kind = 'proposal') = (proposal_id IS NOT NULL)),
    CHECK ((kind = 'follow_up') = (decision_id IS NOT NULL))
);

-- Decisions are append-only: an amendment is a new row with the next version number.
-- The primary key makes a version unique; the code offers no UPDATE or DELETE on this table.
CREATE SEQUENCE decision_id_seq;
CREATE TABLE decision (
    decision_id       INTEGER NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    meeting_id        INTEGER REFERENCES meeting (id),
    agenda_item_id    INTEGER REFERENCES agenda_item (id),
    title             VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    text              VARCHAR NOT NULL CHECK (length(trim(text)) > 0),
    rationale         VARCHAR NOT NULL DEFAULT '',
    owner_department  VARCHAR,
    owner_id          INTEGER REFERENCES person (id),
    due_on            DATE,
    decided_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    decided_by        INTEGER REFERENCES person (id),
    change_note       VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (decision_id, version),
    CHECK (version = 1 OR length(trim(change_note)) > 0)
);

CREATE TABLE decision_link (
    decision_id            INTEGER NOT NULL,
    friction_point_id      INTEGER REFERENCES friction_point (id),
    missing_connection_id  INTEGER REFERENCES missing_connection (id),
    blocker_id             INTEGER REFERENCES blocker (id),
    proposal_id            INTEGER REFERENCES proposal (id),
    journey_stage          VARCHAR,
    CHECK ((friction_point_id IS NOT NULL)::INTEGER + (missing_connection_id IS NOT NULL)::INTEGER
           + (blocker_id IS NOT NULL)::INTEGER + (proposal_id IS NOT NULL)::INTEGER
           + (journey_stage IS NOT NULL)::INTEGER = 1)
);

CREATE SEQUENCE decision_event_id_seq;
CREATE TABLE decision_event (
    id           INTEGER PRIMARY KEY DEFAULT nextval('decision_event_id_seq'),
    decision_id  INTEGER NOT NULL,
    status       VARCHAR NOT NULL CHECK (status IN ('decided', 'in_progress', 'done', 'dropped')),
    note         VARCHAR NOT NULL DEFAULT '',
    by_id        INTEGER REFERENCES person (id),
    happened_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE action_item_id_seq;
CREATE TABLE action_item (
    id                INTEGER PRIMARY KEY DEFAULT nextval('action_item_id_seq'),
    decision_id       INTEGER NOT NULL,
    what              VARCHAR NOT NULL CHECK (length(trim(what)) > 0),
    owner_id          INTEGER REFERENCES person (id),
    owner_department  VARCHAR,
    due_on            DATE,
    status            VARCHAR NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    done_at           TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
