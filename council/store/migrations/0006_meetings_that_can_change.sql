-- Meetings must stay changeable while they are prepared and run. DuckDB refuses to change a
-- foreign-key column of a row that other tables point at, and any column of an agenda point that a
-- decision points at. So the secretary could not swap a planned meeting's guest once anyone was
-- invited, and the chair could not correct the notes of a decided point. The meeting table is
-- rebuilt with plain person ids for chair and guest, agenda points and decisions name what they
-- are about by id only (the services check those ids), and the tables that point at meetings are
-- rebuilt with it: same rows, ids and checks. (Renaming a table that has foreign keys confuses
-- DuckDB's catalog, so only the meeting table, which has none, is renamed.)

CREATE TABLE meeting_v7 (
    id                INTEGER PRIMARY KEY DEFAULT nextval('meeting_id_seq'),
    title             VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
    starts_at         TIMESTAMPTZ NOT NULL,
    duration_minutes  INTEGER NOT NULL DEFAULT 90 CHECK (duration_minutes > 0),
    location          VARCHAR NOT NULL DEFAULT '',
    status            VARCHAR NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed')),
    chair_id          INTEGER,           -- a person's id, checked by the services
    guest_id          INTEGER,           -- a person's id, checked by the services
    minutes           VARCHAR NOT NULL DEFAULT '',
    closed_at         TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    agenda_closed_at  TIMESTAMPTZ
);
INSERT INTO meeting_v7 SELECT id, title, starts_at, duration_minutes, location, status, chair_id, guest_id,
    minutes, closed_at, created_at, agenda_closed_at FROM meeting;

CREATE TABLE meeting_attendee_v7 AS SELECT * FROM meeting_attendee;
CREATE TABLE proposal_v7 AS SELECT * FROM proposal;
CREATE TABLE agenda_item_v7 AS SELECT * FROM agenda_item;
CREATE TABLE decision_v7 AS SELECT * FROM decision;
CREATE TABLE decision_link_v7 AS SELECT * FROM decision_link;

DROP TABLE decision_link;
DROP TABLE decision;
DROP TABLE agenda_item;
DROP TABLE proposal;
DROP TABLE meeting_attendee;
DROP TABLE meeting;
ALTER TABLE meeting_v7 RENAME TO meeting;

CREATE TABLE meeting_attendee (
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id),
    person_id     INTEGER NOT NULL REFERENCES person (id),
    PRIMARY KEY (meeting_id, person_id)
);
INSERT INTO meeting_attendee SELECT meeting_id, person_id FROM meeting_attendee_v7;

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
    submitted_at, updated_at FROM proposal_v7;

-- Agenda points name what they are about by id only: the friction point, connection or blocker
-- itself must stay editable while it is on an agenda.
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
    outcome                VARCHAR CHECK (outcome IN ('decided', 'postponed', 'needs_information', 'dropped')),
    CHECK ((kind = 'friction') = (friction_point_id IS NOT NULL)),
    CHECK ((kind = 'connection') = (missing_connection_id IS NOT NULL)),
    CHECK ((kind = 'blocker') = (blocker_id IS NOT NULL)),
    CHECK ((kind = 'proposal') = (proposal_id IS NOT NULL)),
    CHECK ((kind = 'follow_up') = (decision_id IS NOT NULL))
);
INSERT INTO agenda_item SELECT id, meeting_id, position, kind, title, friction_point_id, missing_connection_id,
    blocker_id, proposal_id, decision_id, presenter_id, time_box_minutes, notes, outcome FROM agenda_item_v7;

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
    owner_department, owner_id, due_on, decided_at, decided_by, change_note FROM decision_v7;

CREATE TABLE decision_link (
    decision_id            INTEGER NOT NULL,
    friction_point_id      INTEGER,
    missing_connection_id  INTEGER,
    blocker_id             INTEGER,
    proposal_id            INTEGER,
    journey_stage          VARCHAR,
    CHECK ((friction_point_id IS NOT NULL)::INTEGER + (missing_connection_id IS NOT NULL)::INTEGER
           + (blocker_id IS NOT NULL)::INTEGER + (proposal_id IS NOT NULL)::INTEGER
           + (journey_stage IS NOT NULL)::INTEGER = 1)
);
INSERT INTO decision_link SELECT decision_id, friction_point_id, missing_connection_id, blocker_id,
    proposal_id, journey_stage FROM decision_link_v7;

DROP TABLE meeting_attendee_v7;
DROP TABLE proposal_v7;
DROP TABLE agenda_item_v7;
DROP TABLE decision_v7;
DROP TABLE decision_link_v7;
