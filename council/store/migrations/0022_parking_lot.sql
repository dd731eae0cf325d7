-- The parking lot: a point that came up during a meeting and belongs on a later one. It comes back first
-- among the suggestions for the agendas that follow, until an agenda takes it up (`agenda_item_id`).
-- No references: meetings change and agenda points can be removed; a point whose agenda point is gone, or
-- whose meeting was cancelled, waits again.
CREATE SEQUENCE parked_point_id_seq;
CREATE TABLE parked_point (
    id             INTEGER PRIMARY KEY DEFAULT nextval('parked_point_id_seq'),
    meeting_id     INTEGER NOT NULL,
    title          VARCHAR NOT NULL,
    parked_by      INTEGER,
    parked_at      TIMESTAMPTZ NOT NULL,
    agenda_item_id INTEGER
);
