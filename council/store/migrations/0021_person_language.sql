-- The language each person chose for the workspace, its mails and invitations. Someone who never chose
-- reads the workspace's own language (`language:` in its YAML). A table of its own: the person table
-- has rows pointing at it and cannot take a new column.
CREATE TABLE person_language (
    person_id   INTEGER PRIMARY KEY,
    language    VARCHAR NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
