-- A point can be discussed without anything to decide: most often the follow-up of a decision that
-- is on track. It gets its own outcome, 'discussed', so closing the meeting does not postpone it.
-- DuckDB cannot change a CHECK constraint in place, so agenda_item is rebuilt: same rows and ids.

CREATE TABLE agenda_item_v8 AS SELECT * FROM agenda_item;
DROP TABLE agenda_item;
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
    blocker_id, proposal_id, decision_id, presenter_id, time_box_minutes, notes, outcome FROM agenda_item_v8;
DROP TABLE agenda_item_v8;
