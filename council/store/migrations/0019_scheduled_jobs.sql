-- What the running app did by itself: each scheduled backup and each file it imported from the feedback
-- inbox, with its result, for Settings to show (and for the backup to know it is done for the day).

CREATE SEQUENCE job_run_id_seq START 1;

CREATE TABLE job_run (
    id           INTEGER PRIMARY KEY DEFAULT nextval('job_run_id_seq'),
    kind         VARCHAR NOT NULL CHECK (kind IN ('backup', 'inbox')),
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ NOT NULL,
    ok           BOOLEAN NOT NULL,
    what         VARCHAR NOT NULL,   -- the backup file, or the file imported and its source
    result       VARCHAR NOT NULL    -- what came of it, in words
);
