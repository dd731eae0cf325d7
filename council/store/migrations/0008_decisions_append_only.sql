-- Decisions are append-only: a correction is a new version or a new status event. DuckDB has no
-- triggers, so it cannot refuse an UPDATE; what it can refuse is deleting a version that other rows
-- point at. Status events, links and action items now name the version of the decision they were
-- written against, with a foreign key to that version, so no recorded decision can be deleted.
-- Existing rows take the version that was current at their time (links: the first version).

CREATE TABLE decision_event_v9 AS SELECT * FROM decision_event;
CREATE TABLE decision_link_v9 AS SELECT * FROM decision_link;
CREATE TABLE action_item_v9 AS SELECT * FROM action_item;
DROP TABLE decision_event;
DROP TABLE decision_link;
DROP TABLE action_item;

CREATE TABLE decision_event (
    id           INTEGER PRIMARY KEY DEFAULT nextval('decision_event_id_seq'),
    decision_id  INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    status       VARCHAR NOT NULL CHECK (status IN ('decided', 'in_progress', 'done', 'dropped')),
    note         VARCHAR NOT NULL DEFAULT '',
    by_id        INTEGER REFERENCES person (id),
    happened_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    FOREIGN KEY (decision_id, version) REFERENCES decision (decision_id, version)
);
INSERT INTO decision_event
SELECT e.id, e.decision_id,
       coalesce((SELECT max(d.version) FROM decision d
                 WHERE d.decision_id = e.decision_id AND d.decided_at <= e.happened_at), 1),
       e.status, e.note, e.by_id, e.happened_at
FROM decision_event_v9 e;

CREATE TABLE decision_link (
    decision_id            INTEGER NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    friction_point_id      INTEGER,
    missing_connection_id  INTEGER,
    blocker_id             INTEGER,
    proposal_id            INTEGER,
    journey_stage          VARCHAR,
    CHECK ((friction_point_id IS NOT NULL)::INTEGER + (missing_connection_id IS NOT NULL)::INTEGER
           + (blocker_id IS NOT NULL)::INTEGER + (proposal_id IS NOT NULL)::INTEGER
           + (journey_stage IS NOT NULL)::INTEGER = 1),
    FOREIGN KEY (decision_id, version) REFERENCES decision (decision_id, version)
);
INSERT INTO decision_link SELECT decision_id, 1, friction_point_id, missing_connection_id, blocker_id,
    proposal_id, journey_stage FROM decision_link_v9;

CREATE TABLE action_item (
    id                INTEGER PRIMARY KEY DEFAULT nextval('action_item_id_seq'),
    decision_id       INTEGER NOT NULL,
    version           INTEGER NOT NULL,
    what              VARCHAR NOT NULL CHECK (length(trim(what)) > 0),
    owner_id          INTEGER REFERENCES person (id),
    owner_department  VARCHAR,
    due_on            DATE,
    status            VARCHAR NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    done_at           TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    FOREIGN KEY (decision_id, version) REFERENCES decision (decision_id, version)
);
INSERT INTO action_item
SELECT a.id, a.decision_id,
       coalesce((SELECT max(d.version) FROM decision d
                 WHERE d.decision_id = a.decision_id AND d.decided_at <= a.created_at), 1),
       a.what, a.owner_id, a.owner_department, a.due_on, a.status, a.done_at, a.created_at
FROM action_item_v9 a;

DROP TABLE decision_event_v9;
DROP TABLE decision_link_v9;
DROP TABLE action_item_v9;

