-- A decision remembers the agenda point it was taken under, but without a foreign key: DuckDB
-- refuses any change to a row that another table's foreign key points at in this case, so the
-- chair could not correct the notes of a point once it had a decision. The table is rebuilt with
-- the same rows; the services check the agenda point exists when they record a decision.

CREATE TABLE decision_rebuilt (
    decision_id       INTEGER NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    meeting_id        INTEGER REFERENCES meeting (id),
    agenda_item_id    INTEGER,           -- the agenda point it was taken under, if any
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
INSERT INTO decision_rebuilt SELECT * FROM decision;
DROP TABLE decision;
ALTER TABLE decision_rebuilt RENAME TO decision;
