"""A large synthetic workspace for measuring speed: the demo organisation, then years more of
council work added in bulk by DuckDB itself, with a fixed seed and a scale factor.

At scale 1: 50,000 friction points, 5,000 missing connections, 10,000 blockers, 2,000 meetings,
20,000 decisions (a quarter amended once) with their status events, links and actions, and
2,000,000 feedback responses. Texts repeat a small set of phrases with a number, so searches find
realistic amounts; they come in the demo's languages (`content/<language>/large.yaml`). Every value comes
from `hash(row, seed, column)`: the same seed and scale give the same workspace, in any language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from string import Formatter
from zoneinfo import ZoneInfo

from council.demo.content import DEFAULT_LANGUAGE, content_for
from council.domain.workspace import WorkspaceConfig
from council.store.database import Database, Transaction
from council.store.feedback import rebuild_months

SEED = 20261123
FULL = {"friction_point": 50_000, "missing_connection": 5_000, "blocker": 10_000, "meeting": 2_000,
        "decision": 20_000, "feedback": 2_000_000}  # fmt: skip
YEARS = 6  # of history the extra records spread over


@dataclass(frozen=True)
class Sizes:
    friction_point: int
    missing_connection: int
    blocker: int
    meeting: int
    decision: int
    feedback: int

    @staticmethod
    def at(scale: float) -> Sizes:
        return Sizes(**{table: max(1, round(n * scale)) for table, n in FULL.items()})


def add_large_history(db: Database, config: WorkspaceConfig, *, today: date, scale: float,
                      seed: int = SEED, language: str = DEFAULT_LANGUAGE) -> Sizes:  # fmt: skip
    """Add the synthetic history, its texts in `language`, to a workspace that holds the demo; all of it or
    nothing."""
    sizes = Sizes.at(scale)
    words = content_for(language).large
    now = datetime.combine(today, time(9), ZoneInfo(config.time_zone))
    params = {
        "seed": seed, "now": now, "span": YEARS * 365 * 24 * 60,
        "stages": list(config.ids("journey_stage")), "channels": list(config.ids("channel")),
        "segments": list(config.ids("segment")), "departments": list(config.ids("department")),
        "categories": list(config.ids("blocker_category")), "phrases": words["phrases"],
        "comments": words["comments"],
    }  # fmt: skip

    def build(tx: Transaction) -> None:
        _Bulk(tx, params, sizes, words).build()
        rebuild_months(tx, config.time_zone)

    db.write(build)
    return sizes


def _pick(values: str, row: str, column: str) -> str:
    """SQL for one of the list parameter `values`, chosen by the row and the column."""
    return f"list_extract(${values}, (hash({row}, $seed, '{column}') % len(${values}))::INTEGER + 1)"


def _number(row: str, column: str, below: int) -> str:
    """SQL for a whole number from 0 to below - 1, chosen by the row and the column."""
    return f"(hash({row}, $seed, '{column}') % {below})::INTEGER"


def _text(template: str, **values: str) -> str:
    """SQL for `template` with each {name} in it replaced by the SQL expression `values[name]`."""
    parts = []
    for literal, name, _, _ in Formatter().parse(template):
        if literal:
            parts.append("'" + literal.replace("'", "''") + "'")
        if name is not None:
            parts.append(values[name])
    return " || ".join(parts) or "''"


def _moment(row: str, column: str) -> str:
    """SQL for a moment in the years before now."""
    return f"($now - (hash({row}, $seed, '{column}') % $span)::INTEGER * INTERVAL 1 MINUTE)"


class _Bulk:
    def __init__(self, tx: Transaction, params: dict, sizes: Sizes, words: dict) -> None:
        self.tx, self.params, self.sizes, self.words = tx, params, sizes, words

    def text(self, name: str, **values: str) -> str:
        """SQL for the text `name` of the language's large.yaml, with the SQL `values` filled in."""
        return _text(self.words[name], **values)

    def run(self, sql: str, **more: object) -> None:
        used = {k: v for k, v in (self.params | more).items() if f"${k}" in sql}
        self.tx.execute(sql, used)

    def numbered(self, table: str, name: str) -> None:
        """A temporary table `name`(n, id): the rows added to `table` by this run, numbered from 0."""
        self.run(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, "
                 f"id FROM {table} WHERE id > $before", before=self.before[table])  # fmt: skip

    def build(self) -> None:
        self.before = {t: self.tx.value(f"SELECT coalesce(max({k}), 0) FROM {t}") for t, k in
                       (("friction_point", "id"), ("missing_connection", "id"), ("blocker", "id"),
                        ("meeting", "id"), ("decision", "decision_id"), ("agenda_item", "id"))}  # fmt: skip
        self.run("CREATE OR REPLACE TEMP TABLE council_people AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, "
                 "id FROM person WHERE department IS NOT NULL")  # fmt: skip
        self.people = self.tx.value("SELECT count(*) FROM council_people")
        self.friction()
        self.connections_and_blockers()
        self.meetings_and_decisions()
        self.feedback()

    def person(self, row: str, column: str) -> str:
        return f"(SELECT id FROM council_people WHERE n = {_number(row, column, self.people)})"

    def friction(self) -> None:
        status = _pick("statuses", "i", "status")
        self.run(f"""
            INSERT INTO friction_point (title, description, journey_stage, channel, segment, severity,
                customers_per_month, owner_department, status, created_by, created_at, updated_at, closed_at)
            SELECT {self.text("friction_title", phrase=_pick("phrases", "i", "title"), n="i")},
                   {self.text("friction_description", n="i")},
                   {_pick("stages", "i", "stage")}, {_pick("channels", "i", "channel")},
                   {_pick("segments", "i", "segment")}, 1 + {_number("i", "severity", 5)},
                   {_number("i", "reach", 2000)}, {_pick("departments", "i", "owner")}, {status},
                   {self.person("i", "by")}, {_moment("i", "at")}, {_moment("i", "at")},
                   CASE WHEN {status} IN ('resolved', 'wont_fix') THEN {_moment("i", "at")} END
            FROM range($rows) t(i)
        """, rows=self.sizes.friction_point, statuses=["open"] * 6 + ["decided", "resolved", "resolved", "wont_fix"])  # fmt: skip
        self.numbered("friction_point", "new_friction")
        self.run(f"""
            INSERT INTO evidence (friction_point_id, kind, text, added_by, added_at)
            SELECT id, 'quote', {self.text("evidence_quote", calls=f"(2 + {_number('n', 'calls', 5)})")},
                   {self.person("n", "quoted_by")}, $now
            FROM new_friction WHERE n % 3 = 0
        """)  # fmt: skip

    def connections_and_blockers(self) -> None:
        departments = len(self.params["departments"])
        self.run(f"""
            INSERT INTO missing_connection (from_department, to_department, journey_stage, what_breaks, impact,
                customers_per_month, status, created_by, created_at, updated_at)
            SELECT list_extract($departments, a + 1), list_extract($departments, (a + 1 + b) % {departments} + 1),
                   {_pick("stages", "i", "stage")},
                   {self.text("connection_what_breaks", phrase=_pick("phrases", "i", "what"), n="i")},
                   1 + {_number("i", "impact", 5)}, {_number("i", "reach", 800)},
                   {_pick("statuses", "i", "status")}, {self.person("i", "by")}, {_moment("i", "at")}, $now
            FROM (SELECT i, {_number("i", "from", departments)} AS a, {_number("i", "to", departments - 1)} AS b
                  FROM range($rows) t(i))
        """, rows=self.sizes.missing_connection, statuses=["open", "open", "open", "decided", "resolved"])  # fmt: skip
        self.numbered("missing_connection", "new_connections")
        self.run(f"""
            INSERT INTO connection_friction
            SELECT c.id, f.id FROM new_connections c
            JOIN new_friction f ON f.n = {_number("c.n", "friction", self.sizes.friction_point)}
        """)  # fmt: skip
        self.run(f"""
            INSERT INTO blocker (title, category, owner_department, description, status, created_by, created_at,
                updated_at)
            SELECT {self.text("blocker_title", n="i", phrase=_pick("phrases", "i", "title"))},
                   {_pick("categories", "i", "category")}, {_pick("departments", "i", "owner")},
                   {self.text("blocker_description", n="i")},
                   {_pick("statuses", "i", "status")}, {self.person("i", "by")}, {_moment("i", "at")}, $now
            FROM range($rows) t(i)
        """, rows=self.sizes.blocker, statuses=["active", "active", "being_removed", "removed", "accepted"])  # fmt: skip
        self.numbered("blocker", "new_blockers")
        self.run(f"""
            INSERT INTO blocker_friction
            SELECT b.id, f.id FROM new_blockers b
            JOIN new_friction f ON f.n = {_number("b.n", "friction", self.sizes.friction_point)}
        """)  # fmt: skip

    def meetings_and_decisions(self) -> None:
        meetings, decisions = self.sizes.meeting, self.sizes.decision
        # Closed meetings, one every day or so back from the demo's oldest, each with attendees.
        self.run(f"""
            INSERT INTO meeting (title, starts_at, duration_minutes, location, status, chair_id, guest_id,
                minutes, closed_at, created_at, agenda_closed_at)
            SELECT {self.text("meeting_title", n="i")}, starts, 90,
                   {self.text("meeting_location", room=f"(1 + {_number('i', 'room', 9)})")}, 'closed',
                   {self.person("i", "chair")}, NULL, {self.text("meeting_minutes", n="i")},
                   starts + INTERVAL 2 HOUR, starts - INTERVAL 30 DAY, starts - INTERVAL 1 DAY
            FROM (SELECT i, (SELECT min(starts_at) FROM meeting) - (i + 1) * INTERVAL 1 DAY AS starts
                  FROM range($rows) t(i))
        """, rows=meetings)  # fmt: skip
        self.numbered("meeting", "new_meetings")
        # Each meeting approved the minutes of the one before it.
        self.run("""
            INSERT INTO minutes_approval (meeting_id, approved_at, approved_on, approved_by, version)
            SELECT id, next_id, next_at, NULL, 1
            FROM (SELECT id, lead(id) OVER (ORDER BY starts_at, id) AS next_id,
                         lead(starts_at) OVER (ORDER BY starts_at, id) AS next_at
                  FROM meeting WHERE status = 'closed')
            WHERE next_id IS NOT NULL AND id NOT IN (SELECT meeting_id FROM minutes_approval)
        """)
        self.run("""
            INSERT INTO meeting_attendee
            SELECT DISTINCT m.id, p.id FROM new_meetings m, council_people p
            WHERE (m.n + p.n) % 3 = 0
        """)
        # Decisions, each on its own agenda point of a meeting, linked to a friction point.
        self.run(f"""
            INSERT INTO agenda_item (meeting_id, position, kind, title, friction_point_id, time_box_minutes,
                notes, outcome)
            SELECT m.id, 1 + d.i // {meetings}, 'friction', {self.text("agenda_title", n="d.i")}, f.id, 15,
                   {self.text("agenda_notes")}, 'decided'
            FROM range($rows) d(i)
            JOIN new_meetings m ON m.n = d.i % {meetings}
            JOIN new_friction f ON f.n = {_number("d.i", "friction", self.sizes.friction_point)}
        """, rows=decisions)  # fmt: skip
        self.numbered("agenda_item", "new_points")
        self.run(f"""
            INSERT INTO decision (decision_id, version, meeting_id, agenda_item_id, title, text, rationale,
                owner_department, owner_id, due_on, decided_at, decided_by)
            SELECT {self.before["decision"]} + 1 + a.n, 1, i.meeting_id, a.id,
                   {self.text("decision_title", n="a.n", phrase=_pick("phrases", "a.n", "title"))},
                   {self.text("decision_text", n="a.n")},
                   {self.text("decision_rationale", times=_number("a.n", "times", 50), n="a.n")},
                   {_pick("departments", "a.n", "owner")}, {self.person("a.n", "owner_person")},
                   (m.starts_at + INTERVAL 60 DAY)::DATE, m.starts_at + INTERVAL 1 HOUR, m.chair_id
            FROM new_points a JOIN agenda_item i ON i.id = a.id JOIN meeting m ON m.id = i.meeting_id
        """)  # fmt: skip
        self.run(f"""
            INSERT INTO decision (decision_id, version, meeting_id, title, text, rationale, owner_department,
                owner_id, due_on, decided_at, decided_by, change_note)
            SELECT decision_id, 2, meeting_id, title, {self.text("amended_text", text="text")}, rationale,
                   owner_department, owner_id, due_on + 30, decided_at + INTERVAL 20 DAY, decided_by,
                   {self.text("amendment_note")}
            FROM decision WHERE decision_id > $before AND version = 1 AND {_number("decision_id", "amended", 4)} = 0
        """, before=self.before["decision"])  # fmt: skip
        self.run(f"""
            INSERT INTO decision_event (decision_id, version, status, note, by_id, happened_at)
            SELECT decision_id, 1, 'decided', '', decided_by, decided_at FROM decision
            WHERE decision_id > $before AND version = 1
            UNION ALL
            SELECT decision_id, max(version), list_extract(['in_progress', 'done', 'dropped'],
                   {_number("decision_id", "outcome", 3)} + 1), {self.text("follow_up_note")}, max(decided_by),
                   max(decided_at) + INTERVAL 30 DAY
            FROM decision WHERE decision_id > $before GROUP BY decision_id
        """, before=self.before["decision"])  # fmt: skip
        self.run("""
            INSERT INTO decision_link (decision_id, version, friction_point_id)
            SELECT d.decision_id, 1, i.friction_point_id FROM decision d
            JOIN agenda_item i ON i.id = d.agenda_item_id WHERE d.decision_id > $before AND d.version = 1
        """, before=self.before["decision"])  # fmt: skip
        self.run(f"""
            INSERT INTO action_item (decision_id, version, what, owner_id, due_on, status)
            SELECT decision_id, 1, {self.text("action", n="decision_id")}, decided_by, due_on,
                   list_extract(['open', 'done', 'done'], {_number("decision_id", "action", 3)} + 1)
            FROM decision WHERE decision_id > $before AND version = 1
        """, before=self.before["decision"])  # fmt: skip
        self.run("""
            INSERT INTO audit_log (logged_at, person_id, action, entity, entity_id, details)
            SELECT created_at, created_by, 'create', 'friction_point', id::VARCHAR,
                   json_object('title', title)
            FROM friction_point WHERE id > $before
        """, before=self.before["friction_point"])  # fmt: skip

    def feedback(self) -> None:
        self.run(f"""
            INSERT INTO feedback (received_at, score, scale, journey_stage, channel, segment, comment, source)
            SELECT $now - (hash(i, $seed, 'at') % (2 * 365 * 24 * 60))::INTEGER * INTERVAL 1 MINUTE,
                   least(10, {_number("i", "score", 8)} + {_number("i", "lift", 4)}), 'nps',
                   {_pick("stages", "i", "stage")}, {_pick("channels", "i", "channel")},
                   {_pick("segments", "i", "segment")}, {_pick("comments", "i", "comment")},
                   {self.text("feedback_source")}
            FROM range($rows) t(i)
        """, rows=self.sizes.feedback)  # fmt: skip
