-- Evidence gains the kind 'note': a council member's own account, such as a second report of a
-- friction point that was already logged. Until now such words had to pose as a customer quote.
-- DuckDB cannot change a CHECK constraint in place, so the table is rebuilt with its rows and ids.

CREATE TABLE evidence_with_notes (
    id                 INTEGER PRIMARY KEY DEFAULT nextval('evidence_id_seq'),
    friction_point_id  INTEGER NOT NULL REFERENCES friction_point (id),
    kind               VARCHAR NOT NULL CHECK (kind IN ('quote', 'complaints', 'link', 'feedback', 'note')),
    text               VARCHAR NOT NULL DEFAULT '',
    url                VARCHAR,
    count              INTEGER CHECK (count >= 0),
    feedback_id        BIGINT,
    added_by           INTEGER REFERENCES person (id),
    added_at           TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
INSERT INTO evidence_with_notes SELECT * FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_with_notes RENAME TO evidence;
