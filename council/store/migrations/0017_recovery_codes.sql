-- A one-time recovery code for a secretary who can no longer sign in and has no access to the server's
-- command line: made by `init` (or `recovery-code`) and shown once; only its SHA-256 is kept.

CREATE SEQUENCE recovery_code_id_seq START 1;

CREATE TABLE recovery_code (
    id          INTEGER PRIMARY KEY DEFAULT nextval('recovery_code_id_seq'),
    code_hash   VARCHAR NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    used_by     INTEGER
);
