-- Customer voice: a response's own id in the system it came from (so an overlapping export does
-- not count a response twice), how each import went, how each source's files are read, and the
-- council's self-check answers per meeting.

ALTER TABLE feedback ADD COLUMN response_id VARCHAR;
ALTER TABLE feedback_import ADD COLUMN encoding VARCHAR DEFAULT 'UTF-8';
ALTER TABLE feedback_import ADD COLUMN skipped_rows INTEGER DEFAULT 0;
ALTER TABLE feedback_import ADD COLUMN already_imported INTEGER DEFAULT 0;

-- One row per source: the column mapping, value translations, date format and separator (JSON).
CREATE TABLE feedback_source (
    source    VARCHAR PRIMARY KEY,
    scale     VARCHAR NOT NULL CHECK (scale IN ('nps', 'csat')),
    settings  JSON NOT NULL,
    saved_by  INTEGER REFERENCES person (id),
    saved_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE self_check_answer_id_seq;
CREATE TABLE self_check_answer (
    id           INTEGER PRIMARY KEY DEFAULT nextval('self_check_answer_id_seq'),
    meeting_id   INTEGER NOT NULL REFERENCES meeting (id),
    person_id    INTEGER NOT NULL REFERENCES person (id),
    question     VARCHAR NOT NULL,    -- the question's id in the workspace config
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    note         VARCHAR NOT NULL DEFAULT '',
    answered_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    UNIQUE (meeting_id, person_id, question)
);
