-- Responses counted per month (in the workspace's time zone), scale, stage, channel, segment and
-- score: scores over whole months read this instead of every response. It is derived, rebuilt in
-- full after each import and whenever it no longer matches the responses (or the time zone).
CREATE TABLE feedback_month (
    zone           VARCHAR NOT NULL,
    month          DATE NOT NULL,
    scale          VARCHAR NOT NULL,
    journey_stage  VARCHAR,
    channel        VARCHAR,
    segment        VARCHAR,
    score          INTEGER NOT NULL,
    responses      BIGINT NOT NULL
);
