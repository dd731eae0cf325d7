-- Mail. Every mail is first a row of the outbox, written in the same transaction as the change that
-- causes it: a change that is rolled back sends nothing, and a mail server that is down loses nothing.
-- The sender marks each mail sent (or failed, with the server's answer) right after handing it over.
-- A person's choice of the mails they get beyond invitations is kept per kind; reminders and digests
-- that went out are remembered once per occasion (a due date and its step, or a week), so none repeats.

CREATE SEQUENCE outbox_mail_id_seq START 1;

CREATE TABLE outbox_mail (
    id               INTEGER PRIMARY KEY DEFAULT nextval('outbox_mail_id_seq'),
    queued_at        TIMESTAMPTZ NOT NULL,
    kind             VARCHAR NOT NULL,
    about            VARCHAR NOT NULL DEFAULT '',   -- the page it is about, e.g. meetings?id=4
    person_id        INTEGER,                       -- none for a test mail to a typed address
    recipient        VARCHAR NOT NULL,              -- the address
    recipient_name   VARCHAR NOT NULL DEFAULT '',
    subject          VARCHAR NOT NULL,
    body_text        VARCHAR NOT NULL,
    body_html        VARCHAR NOT NULL,
    attachment_name  VARCHAR,
    attachment_type  VARCHAR,                       -- e.g. text/calendar; method=REQUEST
    attachment       BLOB,
    message_id       VARCHAR NOT NULL,              -- the same on a repeated send, so mail programs can tell
    status           VARCHAR NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_try_at      TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    server_answer    VARCHAR NOT NULL DEFAULT ''    -- the last answer: accepted, or why not
);

CREATE TABLE mail_choice (
    person_id   INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,
    receives    BOOLEAN NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, kind)
);

CREATE TABLE mail_once (
    subject     VARCHAR NOT NULL,   -- 'action', 'decision' or 'digest'
    subject_id  INTEGER NOT NULL,   -- the action's or decision's id, or the person's for a digest
    occasion    VARCHAR NOT NULL,   -- '2026-12-10 soon', '2026-12-10 overdue-0', or a week: '2026-W50'
    outbox_id   INTEGER NOT NULL,
    PRIMARY KEY (subject, subject_id, occasion)
);

-- A link in a mail with which someone without a password yet (a guest from outside, say) sets one: used
-- once, for a limited time. Only the token's SHA-256 is kept.
CREATE SEQUENCE password_link_id_seq START 1;

CREATE TABLE password_link (
    id          INTEGER PRIMARY KEY DEFAULT nextval('password_link_id_seq'),
    person_id   INTEGER NOT NULL,
    token_hash  VARCHAR NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
