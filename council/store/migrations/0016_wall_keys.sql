-- Links that open the wall screen on a screen in the corridor without anyone signed in: the secretary
-- makes one per screen. Only the key's SHA-256 is kept; a revoked key stops working at once.

CREATE SEQUENCE wall_key_id_seq START 1;

CREATE TABLE wall_key (
    id          INTEGER PRIMARY KEY DEFAULT nextval('wall_key_id_seq'),
    key_hash    VARCHAR NOT NULL UNIQUE,
    label       VARCHAR NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  INTEGER,
    revoked_at  TIMESTAMPTZ
);
