-- Local accounts for workspaces without an identity provider: one per person on the roster, with
-- the password's Argon2 hash (never the password), failed sign-ins and a lock after too many.

CREATE TABLE account (
    person_id        INTEGER PRIMARY KEY REFERENCES person (id),
    password_hash    VARCHAR NOT NULL,
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    locked_until     TIMESTAMPTZ,
    password_set_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    last_sign_in_at  TIMESTAMPTZ
);
