-- Sign-ins that last beyond a browser tab (local accounts). The browser keeps only a random token in a
-- cookie it cannot hand to scripts; the database keeps its SHA-256, whose it is, when it was made and
-- last used, which browser, and when and why it ended.

CREATE SEQUENCE sign_in_session_id_seq START 1;

CREATE TABLE sign_in_session (
    id            INTEGER PRIMARY KEY DEFAULT nextval('sign_in_session_id_seq'),
    token_hash    VARCHAR NOT NULL UNIQUE,
    person_id     INTEGER NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_used_at  TIMESTAMPTZ NOT NULL,
    keep          BOOLEAN NOT NULL DEFAULT false,  -- "keep me signed in": 14 days without a click
    browser       VARCHAR NOT NULL DEFAULT '',
    ended_at      TIMESTAMPTZ,
    end_reason    VARCHAR
);
