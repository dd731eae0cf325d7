"""Customer feedback rows and the imports they came from; scores are aggregated here, in DuckDB."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from council.domain.feedback import NpsFigure
from council.store.database import Query, Transaction

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
    return q.value("SELECT count(*) FROM feedback")


def latest_comments(q: Query, limit: int = 20) -> pd.DataFrame:
    return q.frame(
        """
        SELECT received_at, score, scale, journey_stage, channel, segment, comment, source
        FROM feedback WHERE comment <> ''
        ORDER BY received_at DESC, id DESC LIMIT ?
        """,
        [limit],
    )


def nps_since(q: Query, since: datetime) -> NpsFigure:
    """Promoters, detractors and responses on the 0-10 scale since `since`."""
    responses, promoters, detractors = q.row(
        """
        SELECT count(*), count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score <= 6)
        FROM feedback WHERE scale = 'nps' AND received_at >= ?
        """,
        [since],
    )
    return NpsFigure(responses=responses, promoters=promoters, detractors=detractors)


def nps_by_stage(q: Query, since: datetime) -> pd.DataFrame:
    return q.frame(
        """
        SELECT journey_stage, count(*) AS responses,
               count(*) FILTER (WHERE score >= 9) AS promoters,
               count(*) FILTER (WHERE score <= 6) AS detractors
        FROM feedback WHERE scale = 'nps' AND received_at >= ?
        GROUP BY journey_stage
        """,
        [since],
    )


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
