-- What customers say (feedback rows, and the files they came from) and the audit log of every write.

CREATE SEQUENCE feedback_import_id_seq;
CREATE TABLE feedback_import (
    id            INTEGER PRIMARY KEY DEFAULT nextval('feedback_import_id_seq'),
    source        VARCHAR NOT NULL,
    file_name     VARCHAR NOT NULL DEFAULT '',
    file_sha256   VARCHAR NOT NULL UNIQUE,    -- the same file is never imported twice
    row_count     INTEGER NOT NULL CHECK (row_count >= 0),
    imported_by   INTEGER REFERENCES person (id),
    imported_at   TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE feedback_id_seq;
CREATE TABLE feedback (
    id             BIGINT PRIMARY KEY DEFAULT nextval('feedback_id_seq'),
    received_at    TIMESTAMPTZ NOT NULL,
    score          INTEGER NOT NULL,
    scale          VARCHAR NOT NULL DEFAULT 'nps' CHECK (scale IN ('nps', 'csat')),
    journey_stage  VARCHAR,
    channel        VARCHAR,
    segment        VARCHAR,
    comment        VARCHAR NOT NULL DEFAULT '',
    source         VARCHAR NOT NULL,
    import_id      INTEGER REFERENCES feedback_import (id),
    CHECK ((scale = 'nps' AND score BETWEEN 0 AND 10) OR (scale = 'csat' AND score BETWEEN 1 AND 5))
);

CREATE SEQUENCE audit_log_id_seq;
CREATE TABLE audit_log (
    id           BIGINT PRIMARY KEY DEFAULT nextval('audit_log_id_seq'),
    logged_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    person_id    INTEGER,                     -- NULL for the system (demo load, migrations)
    action       VARCHAR NOT NULL,
    entity       VARCHAR NOT NULL,
    entity_id    VARCHAR,
    details      JSON NOT NULL DEFAULT '{}'
);
