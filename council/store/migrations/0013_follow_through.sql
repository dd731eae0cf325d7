-- Follow-through between meetings. Actions can be in progress, and every change to one (its status,
-- due date or owner, with a note) is an append-only action event; `revision` counts the changes so a
-- save made on an out-of-date page is refused. A meeting that has not started can be cancelled, with
-- a reason. Members pin a friction point, connection or blocker for the next agenda, saying why.
--
-- DuckDB cannot change a CHECK constraint in place, so the meeting and action tables are rebuilt,
-- with the tables that point at them (same rows, ids and checks). An action's owner becomes a plain
-- person id, checked by the services: DuckDB refuses to change a foreign-key column of a row that
-- other rows (its events) point at, and handing an action over changes its owner. (Only the meeting
-- table, which has no foreign keys of its own, is renamed: see 0006.)

CREATE TABLE meeting_v13 (
    id                INTEGER PRIMARY KEY DEFAULT nextval('meeting_id_seq'),
    title             VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    starts_at         TIMESTAMPTZ NOT NULL,
    duration_minutes  INTEGER NOT NULL DEFAULT 90 CHECK (duration_minutes > 0),
    location          VARCHAR NOT NULL DEFAULT '',
    status            VARCHAR NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'open', 'closed', 'cancelled')),
    chair_id          INTEGER,
    guest_id          INTEGER,
    minutes           VARCHAR NOT NULL DEFAULT '',
    closed_at         TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    agenda_closed_at  TIMESTAMPTZ,
    cancelled_at      TIMESTAMPTZ,
    cancel_reason     VARCHAR NOT NULL DEFAULT '',
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
INSERT INTO meeting_v13 SELECT id, title, starts_at, duration_minutes, location, status, chair_id, guest_id,
    minutes, closed_at, created_at, agenda_closed_at, NULL, '' FROM meeting;

CREATE TABLE meeting_attendee_v13 AS SELECT * FROM meeting_attendee;
CREATE TABLE proposal_v13 AS SELECT * FROM proposal;
CREATE TABLE agenda_item_v13 AS SELECT * FROM agenda_item;
CREATE TABLE self_check_answer_v13 AS SELECT * FROM self_check_answer;
CREATE TABLE decision_v13 AS SELECT * FROM decision;
CREATE TABLE decision_link_v13 AS SELECT * FROM decision_link;
CREATE TABLE decision_event_v13 AS SELECT * FROM decision_event;
CREATE TABLE action_item_v13 AS SELECT * FROM action_item;

DROP TABLE action_item;
DROP TABLE decision_event;
DROP TABLE decision_link;
DROP TABLE decision;
DROP TABLE self_check_answer;
DROP TABLE agenda_item;
DROP TABLE proposal;
DROP TABLE meeting_attendee;
DROP TABLE meeting;
ALTER TABLE meeting_v13 RENAME TO meeting;

CREATE TABLE meeting_attendee (
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id),
    person_id     INTEGER NOT NULL REFERENCES person (id),
    PRIMARY KEY (meeting_id, person_id)
);
INSERT INTO meeting_attendee SELECT meeting_id, person_id FROM meeting_attendee_v13;

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
INSERT INTO proposal SELECT id, meeting_id, guest_id, change, why, journey_stage, customer_notices, status,
    submitted_at, updated_at FROM proposal_v13;

CREATE TABLE agenda_item (
    id                     INTEGER PRIMARY KEY DEFAULT nextval('agenda_item_id_seq'),
    meeting_id             INTEGER NOT NULL REFERENCES meeting (id),
    position               INTEGER NOT NULL CHECK (position >= 1),
    kind                   VARCHAR NOT NULL
                           CHECK (kind IN ('friction', 'connection', 'blocker', 'proposal', 'follow_up', 'other')),
    title                  VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    friction_point_id      INTEGER,
    missing_connection_id  INTEGER,
    blocker_id             INTEGER,
    proposal_id            INTEGER,
    decision_id            INTEGER,
    presenter_id           INTEGER,
    time_box_minutes       INTEGER CHECK (time_box_minutes > 0),
    notes                  VARCHAR NOT NULL DEFAULT '',
    outcome                VARCHAR
                           CHECK (outcome IN ('decided', 'discussed', 'postponed', 'needs_information', 'dropped')),
    CHECK ((kind = 'friction') = (friction_point_id IS NOT NULL)),
    CHECK ((kind = 'connection') = (missing_connection_id IS NOT NULL)),
    CHECK ((kind = 'blocker') = (blocker_id IS NOT NULL)),
    CHECK ((kind = 'proposal') = (proposal_id IS NOT NULL)),
    CHECK ((kind = 'follow_up') = (decision_id IS NOT NULL))
);
INSERT INTO agenda_item SELECT id, meeting_id, position, kind, title, friction_point_id, missing_connection_id,
    blocker_id, proposal_id, decision_id, presenter_id, time_box_minutes, notes, outcome FROM agenda_item_v13;

CREATE TABLE self_check_answer (
    id           INTEGER PRIMARY KEY DEFAULT nextval('self_check_answer_id_seq'),
    meeting_id   INTEGER NOT NULL REFERENCES meeting (id),
    person_id    INTEGER NOT NULL REFERENCES person (id),
    question     VARCHAR NOT NULL,
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    note         VARCHAR NOT NULL DEFAULT '',
    answered_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    UNIQUE (meeting_id, person_id, question)
);
INSERT INTO self_check_answer SELECT id, meeting_id, person_id, question, score, note, answered_at
FROM self_check_answer_v13;

CREATE TABLE decision (
    decision_id       INTEGER NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    meeting_id        INTEGER REFERENCES meeting (id),
    agenda_item_id    INTEGER,
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
INSERT INTO decision SELECT decision_id, version, meeting_id, agenda_item_id, title, text, rationale,
    owner_department, owner_id, due_on, decided_at, decided_by, change_note FROM decision_v13;

CREATE TABLE decision_link (
    decision_id            INTEGER NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    friction_point_id      INTEGER,
    missing_connection_id  INTEGER,
    blocker_id             INTEGER,
    proposal_id            INTEGER,
    journey_stage          VARCHAR,
    CHECK ((friction_point_id IS NOT NULL)::INTEGER + (missing_connection_id IS NOT NULL)::INTEGER
           + (blocker_id IS NOT NULL)::INTEGER + (proposal_id IS NOT NULL)::INTEGER
           + (journey_stage IS NOT NULL)::INTEGER = 1),
    FOREIGN KEY (decision_id, version) REFERENCES decision (decision_id, version)
);
INSERT INTO decision_link SELECT decision_id, version, friction_point_id, missing_connection_id, blocker_id,
    proposal_id, journey_stage FROM decision_link_v13;

CREATE TABLE decision_event (
    id           INTEGER PRIMARY KEY DEFAULT nextval('decision_event_id_seq'),
    decision_id  INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    status       VARCHAR NOT NULL CHECK (status IN ('decided', 'in_progress', 'done', 'dropped')),
    note         VARCHAR NOT NULL DEFAULT '',
    by_id        INTEGER REFERENCES person (id),
    happened_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    FOREIGN KEY (decision_id, version) REFERENCES decision (decision_id, version)
);
INSERT INTO decision_event SELECT id, decision_id, version, status, note, by_id, happened_at FROM decision_event_v13;

CREATE TABLE action_item (
    id                INTEGER PRIMARY KEY DEFAULT nextval('action_item_id_seq'),
    decision_id       INTEGER NOT NULL,
    version           INTEGER NOT NULL,
    what              VARCHAR NOT NULL CHECK (length(trim(what)) > 0),
    owner_id          INTEGER,           -- a person's id, checked by the services
    owner_department  VARCHAR,
    due_on            DATE,
    status            VARCHAR NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    done_at           TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    revision          INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    updated_at        TIMESTAMPTZ,
    FOREIGN KEY (decision_id, version) REFERENCES decision (decision_id, version)
);
INSERT INTO action_item SELECT id, decision_id, version, what, owner_id, owner_department, due_on, status, done_at,
    created_at, 1, NULL FROM action_item_v13;

DROP TABLE meeting_attendee_v13;
DROP TABLE proposal_v13;
DROP TABLE agenda_item_v13;
DROP TABLE self_check_answer_v13;
DROP TABLE decision_v13;
DROP TABLE decision_link_v13;
DROP TABLE decision_event_v13;
DROP TABLE action_item_v13;

-- Every change to an action: which part changed, the action's status, due date and owner after it,
-- and the note that says why. Never updated or deleted; the action row holds the state it leads to.
CREATE SEQUENCE action_event_id_seq;
CREATE TABLE action_event (
    id           INTEGER PRIMARY KEY DEFAULT nextval('action_event_id_seq'),
    action_id    INTEGER NOT NULL REFERENCES action_item (id),
    change       VARCHAR NOT NULL CHECK (change IN ('status', 'due_on', 'owner')),
    status       VARCHAR NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    due_on       DATE,
    owner_id     INTEGER,
    note         VARCHAR NOT NULL DEFAULT '',
    by_id        INTEGER,
    happened_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

-- A friction point, missing connection or blocker a member wants on the next agenda, and why. It
-- stays among the suggestions until a held meeting took it up, it is closed, or it is unpinned.
CREATE SEQUENCE agenda_pin_id_seq;
CREATE TABLE agenda_pin (
    id            INTEGER PRIMARY KEY DEFAULT nextval('agenda_pin_id_seq'),
    kind          VARCHAR NOT NULL CHECK (kind IN ('friction', 'connection', 'blocker')),
    ref_id        INTEGER NOT NULL,
    why           VARCHAR NOT NULL CHECK (length(trim(why)) > 0),
    asked_by      INTEGER,
    pinned_at     TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    unpinned_at   TIMESTAMPTZ,
    unpinned_by   INTEGER
);
