"""Customer feedback rows and the imports they came from; scores are aggregated here, in DuckDB."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd

from council.domain.feedback import SCALES, Breakdown, Feedback, NpsFigure, VoiceFilter
from council.domain.words import search_words
from council.store.database import Query, Transaction
from council.store.filters import holds

FEEDBACK_COLUMNS = (
    "received_at", "score", "scale", "journey_stage", "channel", "segment", "comment", "source",
    "import_id",
)  # fmt: skip


def add_feedback_import(
    tx: Transaction, *, source: str, file_name: str, file_sha256: str, row_count: int,
    imported_by: int | None,
) -> int:  # fmt: skip
    return tx.insert(
        "feedback_import",
        {
            "source": source, "file_name": file_name, "file_sha256": file_sha256,
            "row_count": row_count, "imported_by": imported_by,
        },
    )  # fmt: skip


def add_feedback_rows(tx: Transaction, rows: pd.DataFrame) -> int:
    """Append feedback rows in one statement; `rows` has (a subset of) FEEDBACK_COLUMNS."""
    unknown = set(rows.columns) - set(FEEDBACK_COLUMNS)
    if unknown:
        raise ValueError(f"unknown feedback columns {sorted(unknown)}; expected {FEEDBACK_COLUMNS}")
    # Cells left empty take the column's default, as a single insert would.
    defaults = {"scale": "nps", "comment": ""}
    present = {c: v for c, v in defaults.items() if c in rows.columns}
    return tx.insert_frame("feedback", rows.fillna(present) if present else rows)


def feedback_count(q: Query) -> int:
    return q.number("SELECT count(*) FROM feedback")


def nps_since(q: Query, since: datetime) -> NpsFigure:
    """Promoters, detractors and responses on the 0-10 scale since `since`."""
    responses, promoters, detractors = q.numbers(
        """
        SELECT count(*), count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score <= 6)
        FROM feedback WHERE scale = 'nps' AND received_at >= ?
        """,
        [since],
    )
    return NpsFigure(responses=responses, promoters=promoters, detractors=detractors)


def nps_between(q: Query, start: datetime, middle: datetime, end: datetime) -> tuple[NpsFigure, NpsFigure]:
    """Promoters, detractors and responses on the 0-10 scale received in [start, middle) and in
    [middle, end), read in one pass."""
    rows = dict.fromkeys((False, True), (0, 0, 0))
    rows.update(
        (later, (n, promoters, detractors))
        for later, n, promoters, detractors in q.rows(
            """
            SELECT received_at >= $middle, count(*), count(*) FILTER (WHERE score >= 9),
                   count(*) FILTER (WHERE score <= 6)
            FROM feedback WHERE scale = 'nps' AND received_at >= $start AND received_at < $end GROUP BY 1
            """,
            {"start": start, "middle": middle, "end": end},
        )
    )
    earlier, later = (
        NpsFigure(responses=n, promoters=p, detractors=d) for n, p, d in (rows[False], rows[True])
    )
    return earlier, later


def nps_before_and_after(
    q: Query, stages: list[str], before: tuple[datetime, datetime], after: tuple[datetime, datetime]
) -> dict[tuple[str | None, str], NpsFigure]:
    """NPS figures per (stage, "before"/"after") over the two windows ([start, end) each), and for
    all `stages` together under the stage None."""
    rows = q.rows(
        """
        WITH windowed AS (
            SELECT journey_stage, score,
                   CASE WHEN received_at >= $b0 AND received_at < $b1 THEN 'before' ELSE 'after' END AS side
            FROM feedback
            WHERE scale = 'nps' AND list_contains($stages, journey_stage)
              AND ((received_at >= $b0 AND received_at < $b1) OR (received_at >= $a0 AND received_at < $a1))
        )
        SELECT journey_stage, side, count(*), count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score <= 6)
        FROM windowed GROUP BY GROUPING SETS ((journey_stage, side), (side))
        """,
        {"stages": stages, "b0": before[0], "b1": before[1], "a0": after[0], "a1": after[1]},
    )
    return {
        (stage, side): NpsFigure(n, promoters, detractors) for stage, side, n, promoters, detractors in rows
    }


def voice_where(flt: VoiceFilter, since: date | None, zone: str) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (and its parameters) of the responses a voice filter covers."""
    scale = SCALES[flt.scale]
    clauses = ["scale = $scale"]
    params: dict[str, Any] = {"scale": flt.scale}  # DuckDB refuses parameters a statement does not use
    if since is not None:
        clauses.append("received_at >= timezone($zone, $since::TIMESTAMP)")
        params |= {"since": since, "zone": zone}
    for name in ("journey_stage", "channel", "segment", "source"):
        if getattr(flt, name):
            clauses.append(f"{name} = ${name}")
            params[name] = getattr(flt, name)
    bands = {"enthusiastic": "score >= $top", "unhappy": "score <= $bottom",
             "neutral": "score > $bottom AND score < $top"}  # fmt: skip
    if flt.band in bands:
        clauses.append(bands[flt.band])
        limits = {"top": scale.enthusiastic_from, "bottom": scale.unhappy_up_to}
        params |= {name: value for name, value in limits.items() if f"${name}" in bands[flt.band]}
    for i, word in enumerate(search_words(flt.search)):
        clauses.append(holds("comment", f"$w{i}"))
        params[f"w{i}"] = word
    return " AND ".join(clauses), params


_MONTH = "date_trunc('month', timezone($zone, received_at))::DATE"
_BREAKDOWN = """
    SELECT CASE WHEN grouping(month) = 0 THEN 'month' WHEN grouping(journey_stage) = 0 THEN 'journey_stage'
                WHEN grouping(channel) = 0 THEN 'channel' WHEN grouping(segment) = 0 THEN 'segment'
                ELSE 'all' END AS breakdown,
           coalesce(month::VARCHAR, journey_stage, channel, segment) AS key,
           coalesce(sum(responses), 0)::BIGINT, coalesce(sum(responses) FILTER (WHERE score >= $top), 0)::BIGINT,
           coalesce(sum(responses) FILTER (WHERE score <= $bottom), 0)::BIGINT
    FROM ({cells})
    GROUP BY GROUPING SETS ((month), (journey_stage), (channel), (segment), ())
    ORDER BY breakdown, key
"""


def scores(q: Query, flt: VoiceFilter, since: date | None, zone: str) -> list[Breakdown]:
    """Responses, enthusiastic and unhappy customers per month, stage, channel, segment and in all.

    Over whole months (the voice periods) this reads the month counts, when they are up to date; else
    it counts every response, in one scan.
    """
    scale = SCALES[flt.scale]
    limits = {"zone": zone, "top": scale.enthusiastic_from, "bottom": scale.unhappy_up_to}
    whole_months = since is None or since.day == 1
    # The month counts hold no source: one source's scores count its responses.
    if whole_months and not flt.band and not flt.search and not flt.source and months_are_current(q, zone):
        where, params = _month_where(flt, since)
        cells = f"SELECT month, journey_stage, channel, segment, score, responses FROM feedback_month WHERE {where}"
    else:
        where, params = voice_where(flt, since, zone)
        cells = (f"SELECT {_MONTH} AS month, journey_stage, channel, segment, score, 1 AS responses "
                 f"FROM feedback WHERE {where}")  # fmt: skip
    rows = q.rows(_BREAKDOWN.format(cells=cells), params | limits)
    return [
        Breakdown(by, date.fromisoformat(key) if by == "month" and key else key, NpsFigure(n, top, bottom))
        for by, key, n, top, bottom in rows
    ]


def _month_where(flt: VoiceFilter, since: date | None) -> tuple[str, dict[str, Any]]:
    clauses = ["zone = $zone", "scale = $scale"]
    params: dict[str, object] = {"scale": flt.scale}
    if since is not None:
        clauses.append("month >= $since")
        params["since"] = since
    for name in ("journey_stage", "channel", "segment"):
        if getattr(flt, name):
            clauses.append(f"{name} = ${name}")
            params[name] = getattr(flt, name)
    return " AND ".join(clauses), params


def sources(q: Query) -> list[str]:
    """Every source responses were imported under, by name."""
    return [r[0] for r in q.rows("SELECT DISTINCT source FROM feedback WHERE source IS NOT NULL ORDER BY 1")]


def months_are_current(q: Query, zone: str) -> bool:
    """Whether the month counts hold every response, counted in this time zone. Responses are only
    ever added (imports cannot be undone), so equal totals mean equal counts."""
    return bool(q.value(
        """
        SELECT (SELECT count(*) FROM feedback) = (SELECT coalesce(sum(responses), 0) FROM feedback_month)
               AND NOT EXISTS (SELECT 1 FROM feedback_month WHERE zone <> $zone)
        """,
        {"zone": zone},
    ))  # fmt: skip


def rebuild_months(tx: Transaction, zone: str) -> None:
    """Count every response again into the month counts, in the time zone `zone`."""
    tx.execute("DELETE FROM feedback_month")
    tx.execute(
        f"""
        INSERT INTO feedback_month
        SELECT $zone, {_MONTH}, scale, journey_stage, channel, segment, score, count(*)
        FROM feedback GROUP BY ALL
        """,
        {"zone": zone},
    )


def scales_in_use(q: Query) -> list[str]:
    return [row[0] for row in q.rows("SELECT DISTINCT scale FROM feedback ORDER BY scale DESC")]


_FEEDBACK = "SELECT id, received_at, score, scale, journey_stage, channel, segment, comment, source, import_id FROM feedback"


def comment_count(q: Query, flt: VoiceFilter, since: date | None, zone: str) -> int:
    where, params = voice_where(flt, since, zone)
    return q.number(f"SELECT count(*) FROM feedback WHERE {where} AND comment <> ''", params)


def comments(
    q: Query, flt: VoiceFilter, since: date | None, zone: str, limit: int, offset: int
) -> list[Feedback]:
    """One page of the comments the filter covers, newest first."""
    where, params = voice_where(flt, since, zone)
    return q.records(
        Feedback,
        f"{_FEEDBACK} WHERE {where} AND comment <> '' ORDER BY received_at DESC, id DESC LIMIT $limit OFFSET $offset",
        params | {"limit": limit, "offset": offset},
    )


def get_feedback(q: Query, feedback_id: int) -> Feedback | None:
    return q.record(Feedback, f"{_FEEDBACK} WHERE id = ?", [feedback_id])


def is_evidence(q: Query, feedback_id: int, friction_id: int) -> bool:
    return bool(q.value(
        "SELECT count(*) FROM evidence WHERE feedback_id = ? AND friction_point_id = ?", [feedback_id, friction_id]
    ))  # fmt: skip
