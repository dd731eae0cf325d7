"""The outbox: mails waiting to go, sent, or failed; who chose which mails; reminders already sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from council.store.database import Query, Transaction
from council.store.decisions import LATEST_STATUS


@dataclass(frozen=True)
class OutboxMail:
    kind: str
    recipient: str
    subject: str
    body_text: str
    body_html: str
    message_id: str
    queued_at: datetime
    next_try_at: datetime
    about: str = ""
    person_id: int | None = None
    recipient_name: str = ""
    attachment_name: str | None = None
    attachment_type: str | None = None
    attachment: bytes | None = None
    status: str = "queued"
    attempts: int = 0
    sent_at: datetime | None = None
    server_answer: str = ""
    id: int | None = None


@dataclass(frozen=True)
class OutboxLine:
    """A mail as Settings lists it: without its bodies."""

    id: int
    kind: str
    recipient: str
    subject: str
    status: str
    queued_at: datetime
    attempts: int
    next_try_at: datetime
    about: str = ""
    person_name: str | None = None
    sent_at: datetime | None = None
    server_answer: str = ""


def queue(tx: Transaction, mail: OutboxMail) -> int:
    return tx.insert_record("outbox_mail", mail)


def due(q: Query, now: datetime, limit: int) -> list[OutboxMail]:
    """Queued mails whose time has come, oldest first."""
    return q.records(
        OutboxMail,
        "SELECT * FROM outbox_mail WHERE status = 'queued' AND next_try_at <= ? ORDER BY id LIMIT ?",
        [now, limit],
    )


def get(q: Query, mail_id: int) -> OutboxMail | None:
    return q.record(OutboxMail, "SELECT * FROM outbox_mail WHERE id = ?", [mail_id])


def mark_sent(tx: Transaction, mail_id: int, now: datetime, answer: str) -> None:
    """The mail went. A password link in it is blanked in the copy kept here: only its recipient holds it
    (a backup of the database then holds no working link)."""
    tx.execute(
        f"UPDATE outbox_mail SET status = 'sent', sent_at = ?, attempts = attempts + 1, server_answer = ?, "
        f"body_text = {_BLANKED.format(body='body_text')}, body_html = {_BLANKED.format(body='body_html')} "
        "WHERE id = ?",
        [now, answer, mail_id],
    )


_BLANKED = "regexp_replace({body}, '(set-password\\?token=)[A-Za-z0-9_-]+', '\\1sent', 'g')"


def mark_failed(tx: Transaction, mail_id: int, answer: str) -> None:
    tx.execute(
        "UPDATE outbox_mail SET status = 'failed', attempts = attempts + 1, server_answer = ? WHERE id = ?",
        [answer, mail_id],
    )


def put_off(tx: Transaction, mail_id: int, until: datetime, answer: str) -> None:
    """A temporary refusal: the mail stays queued until `until`."""
    tx.execute(
        "UPDATE outbox_mail SET attempts = attempts + 1, next_try_at = ?, server_answer = ? WHERE id = ?",
        [until, answer, mail_id],
    )


def queue_again(tx: Transaction, mail_id: int, now: datetime) -> bool:
    """A failed mail back in the queue, to go at the next round; False if it had not failed."""
    return bool(
        tx.rows(
            "UPDATE outbox_mail SET status = 'queued', attempts = 0, next_try_at = ?, queued_at = ?, "
            "server_answer = '' WHERE id = ? AND status = 'failed' RETURNING id",
            [now, now, mail_id],
        )
    )


def waiting_after(q: Query, now: datetime) -> int:
    return q.number("SELECT count(*) FROM outbox_mail WHERE status = 'queued' AND next_try_at > ?", [now])


def count_about(q: Query, kind: str, about: str) -> int:
    return q.number("SELECT count(*) FROM outbox_mail WHERE kind = ? AND about = ?", [kind, about])


def counts(q: Query) -> dict[str, int]:
    found = dict(q.rows("SELECT status, count(*) FROM outbox_mail GROUP BY status"))
    return {status: found.get(status, 0) for status in ("queued", "sent", "failed")}


def lines(q: Query, status: str | None, limit: int) -> list[OutboxLine]:
    """The newest mails first, of one status or all."""
    return q.records(
        OutboxLine,
        """SELECT o.id, o.kind, o.recipient, o.subject, o.status, o.queued_at, o.attempts, o.next_try_at,
                  o.about, p.name AS person_name, o.sent_at, o.server_answer
           FROM outbox_mail o LEFT JOIN person p ON p.id = o.person_id
           WHERE $status IS NULL OR o.status = $status
           ORDER BY o.id DESC LIMIT $limit""",
        {"status": status, "limit": limit},
    )


def last_problem(q: Query) -> tuple[str, datetime] | None:
    """The server's last answer to a mail still waiting after a try, and when that mail goes next."""
    found = q.row(
        "SELECT server_answer, next_try_at FROM outbox_mail WHERE status = 'queued' AND attempts > 0 "
        "ORDER BY id DESC LIMIT 1"
    )
    return (found[0], found[1]) if found else None


def choices(q: Query, person_id: int) -> dict[str, bool]:
    return dict(q.rows("SELECT kind, receives FROM mail_choice WHERE person_id = ?", [person_id]))


def set_choice(tx: Transaction, person_id: int, kind: str, receives: bool, now: datetime) -> None:
    tx.execute(
        "INSERT INTO mail_choice VALUES (?, ?, ?, ?) "
        "ON CONFLICT (person_id, kind) DO UPDATE SET receives = excluded.receives, changed_at = excluded.changed_at",
        [person_id, kind, receives, now],
    )


def choices_made(q: Query) -> list[tuple[int, str, str, bool]]:
    """(person id, name, kind, receives) of everyone on the roster who chose, by name."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in q.rows(
            """SELECT p.id, p.name, c.kind, c.receives FROM mail_choice c JOIN person p ON p.id = c.person_id
               WHERE p.active ORDER BY p.name, p.id, c.kind"""
        )
    ]


def remember_once(tx: Transaction, sent: list[tuple[str, int, str, int]]) -> None:
    """(subject, subject id, occasion, outbox id) of each reminder or digest sent, in one statement."""
    if sent:
        tx.insert_frame(
            "mail_once", pd.DataFrame(sent, columns=["subject", "subject_id", "occasion", "outbox_id"])
        )


@dataclass(frozen=True)
class Recipient:
    id: int | None  # None for an address typed in (a test mail)
    name: str
    email: str


def recipients(q: Query, person_ids: list[int], kind: str, default: bool) -> list[Recipient]:
    """Those of `person_ids` still on the roster, with an address, who get mails of `kind` (or, who never
    chose, `default`), by name."""
    if not person_ids:
        return []
    return q.records(
        Recipient,
        """SELECT p.id, p.name, trim(p.email) AS email FROM person p
           LEFT JOIN mail_choice c ON c.person_id = p.id AND c.kind = $kind
           WHERE list_contains($ids, p.id) AND p.active AND nullif(trim(p.email), '') IS NOT NULL
             AND coalesce(c.receives, $default)
           ORDER BY p.name, p.id""",
        {"ids": person_ids, "kind": kind, "default": default},
    )


@dataclass(frozen=True)
class DueItem:
    """An action or decision whose owner is up for a reminder, and which reminder (`occasion`)."""

    subject: str  # 'action' or 'decision'
    id: int
    decision_id: int
    title: str
    due_on: date
    occasion: str  # '<due date> soon', or '<due date> overdue-<weeks>'
    owner_id: int
    owner_name: str
    owner_email: str


# Open actions and decisions with an owner and a due date within `$ahead` days. Each is up for one reminder
# while it is due soon ("soon", from `$ahead` days before up to the day itself), one on its first day
# overdue ("overdue-0"), then one a week ("overdue-1" from the eighth day …). Those already remembered
# in mail_once are left out, so a reminder never goes twice for the same due date and step.
_DUE = f"""
    WITH items AS (
        SELECT 'action' AS subject, a.id, a.decision_id, a.what AS title, a.due_on, a.owner_id
        FROM action_item a
        WHERE a.status IN ('open', 'in_progress') AND a.owner_id IS NOT NULL AND a.due_on <= $last_day
        UNION ALL
        SELECT 'decision', d.decision_id, d.decision_id, d.title, d.due_on, d.owner_id
        FROM (SELECT decision_id, arg_max(title, version) AS title, arg_max(due_on, version) AS due_on,
                     arg_max(owner_id, version) AS owner_id
              FROM decision GROUP BY decision_id) d
        LEFT JOIN (SELECT decision_id, {LATEST_STATUS} AS status
                   FROM decision_event GROUP BY decision_id) e USING (decision_id)
        WHERE coalesce(e.status, 'decided') IN ('decided', 'in_progress') AND d.owner_id IS NOT NULL
          AND d.due_on <= $last_day
    ), stepped AS (
        SELECT *, CAST(due_on AS VARCHAR) || ' ' || CASE WHEN due_on >= $today THEN 'soon'
                  ELSE 'overdue-' || CAST(($today - due_on - 1) // 7 AS VARCHAR) END AS occasion
        FROM items
    )
    SELECT s.subject, s.id, s.decision_id, s.title, s.due_on, s.occasion, s.owner_id, p.name AS owner_name,
           trim(p.email) AS owner_email
    FROM stepped s JOIN person p ON p.id = s.owner_id
    LEFT JOIN mail_choice c ON c.person_id = p.id AND c.kind = 'reminder'
    WHERE p.active AND nullif(trim(p.email), '') IS NOT NULL AND coalesce(c.receives, true)
      AND NOT EXISTS (SELECT 1 FROM mail_once o
                      WHERE o.subject = s.subject AND o.subject_id = s.id AND o.occasion = s.occasion)
    ORDER BY p.id, s.due_on, s.subject, s.id
"""


def due_items(q: Query, today: date, days_ahead: int) -> list[DueItem]:
    return q.records(
        DueItem, _DUE, {"today": today, "last_day": date.fromordinal(today.toordinal() + days_ahead)}
    )


def digest_readers(q: Query, week: str) -> list[Recipient]:
    """Everyone on the roster with an address who chose the weekly digest and has not had this week's."""
    return q.records(
        Recipient,
        """SELECT p.id, p.name, trim(p.email) AS email FROM person p
           JOIN mail_choice c ON c.person_id = p.id AND c.kind = 'digest' AND c.receives
           WHERE p.active AND nullif(trim(p.email), '') IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM mail_once o
                             WHERE o.subject = 'digest' AND o.subject_id = p.id AND o.occasion = $week)
           ORDER BY p.name, p.id""",
        {"week": week},
    )


def forget_person(tx: Transaction, person_id: int) -> None:
    """Mails to this person keep their subject, not their address, name or text; their choices go."""
    tx.execute(
        "UPDATE outbox_mail SET recipient = '', recipient_name = '', body_text = '', body_html = '', "
        "attachment = NULL, status = CASE WHEN status = 'queued' THEN 'failed' ELSE status END, "
        "server_answer = CASE WHEN status = 'queued' THEN 'Not sent: the recipient was anonymised' "
        "ELSE server_answer END WHERE person_id = ?",
        [person_id],
    )
    tx.execute("DELETE FROM mail_choice WHERE person_id = ?", [person_id])
    tx.execute("DELETE FROM mail_once WHERE subject = 'digest' AND subject_id = ?", [person_id])
