-- Following a meeting as it runs: the point under discussion, as the chair shows it (a table of its own:
-- the meeting table has rows pointing at it and cannot take a new column), and the remarks attendees add
-- to a point, kept with it for the chair.
CREATE TABLE meeting_point (
    meeting_id     INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL,
    shown_at       TIMESTAMPTZ NOT NULL
);
CREATE SEQUENCE point_remark_id_seq;
CREATE TABLE point_remark (
    id             INTEGER PRIMARY KEY DEFAULT nextval('point_remark_id_seq'),
    agenda_item_id INTEGER NOT NULL,
    person_id      INTEGER,
    text           VARCHAR NOT NULL,
    made_at        TIMESTAMPTZ NOT NULL
);
