-- Minutes after the meeting: a draft until the next meeting approves them, then locked. Every change after
-- the meeting closed is a version, with who made it and why: a correction of the draft, or an amendment of
-- approved minutes. No references to the meeting table, as for the parking lot: every table that points at
-- it would have to be rebuilt with it.
CREATE SEQUENCE minutes_version_id_seq;
CREATE TABLE minutes_version (
    id          INTEGER PRIMARY KEY DEFAULT nextval('minutes_version_id_seq'),
    meeting_id  INTEGER NOT NULL,
    number      INTEGER NOT NULL CHECK (number >= 1),     -- 1: the minutes as the meeting closed them
    kind        VARCHAR NOT NULL CHECK (kind IN ('closed', 'correction', 'amendment')),
    made_by     INTEGER,
    made_at     TIMESTAMPTZ NOT NULL,
    reason      VARCHAR NOT NULL DEFAULT '',
    changed     VARCHAR[] NOT NULL DEFAULT [],           -- 'summary', 'present', 'notes:<agenda point id>'
    content     VARCHAR NOT NULL,                        -- JSON: the summary, each point's notes, who was present
    UNIQUE (meeting_id, number)
);

CREATE TABLE minutes_approval (
    meeting_id   INTEGER PRIMARY KEY,                    -- the meeting whose minutes were approved
    approved_at  INTEGER NOT NULL,                       -- the meeting that approved them
    approved_on  TIMESTAMPTZ NOT NULL,
    approved_by  INTEGER,                                -- who recorded it; NULL for minutes approved before
    version      INTEGER NOT NULL                        -- the version approved
);

-- The agenda point "Approve the minutes of …": an ordinary point, tied to the minutes it approves.
CREATE TABLE minutes_point (
    agenda_item_id  INTEGER PRIMARY KEY,
    minutes_of      INTEGER NOT NULL
);

-- Minutes of meetings closed before approval was kept: where a later meeting was held, the council met
-- again after them, and they count as approved there; the last ones wait for the next meeting.
INSERT INTO minutes_approval (meeting_id, approved_at, approved_on, approved_by, version)
SELECT id, next_id, next_at, NULL, 1
FROM (
    SELECT id, lead(id) OVER (ORDER BY starts_at, id) AS next_id,
           lead(starts_at) OVER (ORDER BY starts_at, id) AS next_at
    FROM meeting WHERE status = 'closed'
)
WHERE next_id IS NOT NULL;
