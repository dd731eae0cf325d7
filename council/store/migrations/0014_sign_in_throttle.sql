-- Wrong passwords slow further tries down instead of locking an account: per account (briefly, so
-- nobody can hold someone else's account shut), and per client address and per account from that
-- address (longer). One row per such key, forgotten an hour after its last wrong password.

CREATE TABLE sign_in_throttle (
    key              VARCHAR PRIMARY KEY,  -- "client:<address>", "account:<person id>" or "pair:<person id>:<address>"
    failures         INTEGER NOT NULL,
    last_failure_at  TIMESTAMPTZ NOT NULL,
    blocked_until    TIMESTAMPTZ
);
