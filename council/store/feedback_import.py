"""Reading a feedback CSV file with DuckDB's own reader, checking every row in SQL, and appending the
good rows. The file's columns are read by position (c0, c1, …), so no header text ever enters SQL.

A check works on temporary tables of one cursor: `import_raw` (the file as text), `import_rows`
(each row parsed) and `import_problems` (one row per thing wrong).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from council.domain.feedback import SCALES, Feedback
from council.domain.feedback_import import DATE_FORMATS, FIELDS, ImportProfile
from council.store.database import Query, Transaction

_OPTIONS = """all_varchar = true, header = true, delim = $delimiter, quote = '"', escape = '"',
              max_line_size = 10000000"""
_WITH_NAMES = _OPTIONS + ", names = $names"
# A time followed by a UTC offset, as in 2026-03-14T13:45:00+01:00 or 2026-03-14 12:45Z.
_WITH_OFFSET = r"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$"


def headers(q: Query, path: Path, delimiter: str) -> list[str]:
    """The file's column names as DuckDB reads them (a repeated name gets a suffix, e.g. Score_1)."""
    rows = q.rows(
        f"DESCRIBE SELECT * FROM read_csv($path, {_OPTIONS}, store_rejects = true)",
        {"path": str(path), "delimiter": delimiter},
    )
    return [row[0] for row in rows]


def preview(q: Query, path: Path, delimiter: str, names: list[str], limit: int = 10) -> pd.DataFrame:
    frame = q.frame(
        f"SELECT * FROM read_csv($path, {_WITH_NAMES}, store_rejects = true) LIMIT $limit",
        {"path": str(path), "delimiter": delimiter, "names": _positions(names), "limit": limit},
    )
    frame.columns = names
    return frame


def column_values(
    q: Query, path: Path, delimiter: str, names: list[str], column: str, limit: int = 100
) -> list[tuple[str, int]]:
    """The distinct non-empty values of one column, most frequent first, with how often they occur."""
    position = f"c{names.index(column)}"
    return q.rows(
        f"""
        SELECT trim({position}) AS value, count(*) AS n
        FROM read_csv($path, {_WITH_NAMES}, store_rejects = true)
        WHERE trim({position}) <> '' GROUP BY ALL ORDER BY n DESC, value LIMIT $limit
        """,
        {"path": str(path), "delimiter": delimiter, "names": _positions(names), "limit": limit},
    )


def dates_read(
    q: Query, path: Path, delimiter: str, names: list[str], column: str, formats: dict[str, tuple[str, ...]]
) -> dict[str, int]:
    """How many of a column's values each date format can read (format key -> count)."""
    position = f"c{names.index(column)}"
    keys = list(formats)
    counts = ", ".join(f"count(try_strptime(trim({position}), ${key}))" for key in keys)
    row = q.row(
        f"SELECT {counts} FROM read_csv($path, {_WITH_NAMES}, store_rejects = true)",
        {"path": str(path), "delimiter": delimiter, "names": _positions(names),
         **{key: list(formats[key]) for key in keys}},
    )  # fmt: skip
    return dict(zip(keys, row or [0] * len(keys), strict=True))


def stage(tx: Transaction, path: Path, delimiter: str, names: list[str]) -> int:
    """Read the whole file as text into `import_raw`; rows that do not fit go to `import_rejects`."""
    tx.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE import_raw AS
        SELECT * FROM read_csv($path, {_WITH_NAMES}, store_rejects = true,
                               rejects_table = 'import_rejects', rejects_scan = 'import_scans')
        """,
        {"path": str(path), "delimiter": delimiter, "names": _positions(names)},
    )
    return tx.number("SELECT count(*) FROM import_raw")


def broken_lines(tx: Transaction, limit: int) -> tuple[int, list[tuple[int, str]]]:
    """How many rows did not fit the columns, and the first of them (row number, the row's text)."""
    count = tx.number("SELECT count(DISTINCT line) FROM import_rejects")
    rows = tx.rows(
        "SELECT line, any_value(csv_line) FROM import_rejects GROUP BY line ORDER BY line LIMIT ?", [limit]
    )
    return count, rows


def check(
    tx: Transaction, profile: ImportProfile, names: list[str], values: list[tuple[str, str, str | None]],
    formats: tuple[str, ...], zone: str, now: datetime,
) -> None:  # fmt: skip
    """Parse `import_raw` into `import_rows` and list what is wrong in `import_problems`."""
    tx.execute("CREATE OR REPLACE TEMP TABLE import_values (field VARCHAR, raw VARCHAR, target VARCHAR)")
    if values:
        tx.execute(
            "INSERT INTO import_values SELECT unnest($fields), unnest($raws), unnest($targets)",
            {
                "fields": [v[0] for v in values],
                "raws": [v[1] for v in values],
                "targets": [v[2] for v in values],
            },
        )

    def text(name: str) -> str:
        column = profile.columns.get(name)
        return f"nullif(trim(c{names.index(column)}), '')" if column else "NULL::VARCHAR"

    scale = SCALES[profile.scale]
    tx.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE import_rows AS
        -- Inside a transaction new rows count their rowid from a high base, so number from the first.
        WITH raw AS (
            SELECT rowid - (SELECT min(rowid) FROM import_raw) + 2 AS row_no, {text("received_at")} AS date_text, {text("score")} AS score_text,
                   coalesce({text("comment")}, '') AS comment, {text("journey_stage")} AS stage_text,
                   {text("channel")} AS channel_text, {text("segment")} AS segment_text,
                   coalesce({text("source")}, $source) AS source, {text("response_id")} AS response_id
            FROM import_raw
        )
        SELECT raw.*,
               CASE WHEN regexp_matches(date_text, $with_offset) THEN try_cast(date_text AS TIMESTAMPTZ)
                    ELSE timezone($zone, try_strptime(date_text, $formats)) END AS received_at,
               try_cast(regexp_extract(score_text, '^(-?\\d+)(?:[.,]0+)?$', 1) AS INTEGER) AS score,
               st.target AS journey_stage, st.field IS NOT NULL AS stage_known,
               ch.target AS channel, ch.field IS NOT NULL AS channel_known,
               sg.target AS segment, sg.field IS NOT NULL AS segment_known
        FROM raw
        LEFT JOIN import_values st ON st.field = 'journey_stage' AND st.raw = lower(raw.stage_text)
        LEFT JOIN import_values ch ON ch.field = 'channel' AND ch.raw = lower(raw.channel_text)
        LEFT JOIN import_values sg ON sg.field = 'segment' AND sg.raw = lower(raw.segment_text)
        """,
        {"source": profile.source, "zone": zone, "formats": list(formats), "with_offset": _WITH_OFFSET},
    )
    tx.execute(
        """
        CREATE OR REPLACE TEMP TABLE import_problems AS
        SELECT row_no, 'received_at' AS field, coalesce(date_text, '') AS value,
               CASE WHEN date_text IS NULL THEN 'empty'
                    -- Written as a date, but no way of writing dates reads it: a day that does not exist.
                    WHEN received_at IS NULL AND regexp_matches(date_text, $date_shape)
                         AND try_strptime(date_text, $every_format) IS NULL THEN 'no_such_date'
                    WHEN received_at IS NULL THEN 'not_a_date'
                    ELSE 'future' END AS reason
        FROM import_rows WHERE received_at IS NULL OR received_at > $now
        UNION ALL
        SELECT row_no, 'score', coalesce(score_text, ''),
               CASE WHEN score_text IS NULL THEN 'empty' WHEN score IS NULL THEN 'not_a_number'
                    ELSE 'out_of_range' END
        FROM import_rows WHERE score IS NULL OR score NOT BETWEEN $low AND $high
        UNION ALL
        SELECT row_no, 'journey_stage', stage_text, 'unknown' FROM import_rows
        WHERE stage_text IS NOT NULL AND NOT stage_known
        UNION ALL
        SELECT row_no, 'channel', channel_text, 'unknown' FROM import_rows
        WHERE channel_text IS NOT NULL AND NOT channel_known
        UNION ALL
        SELECT row_no, 'segment', segment_text, 'unknown' FROM import_rows
        WHERE segment_text IS NOT NULL AND NOT segment_known
        UNION ALL
        SELECT row_no, 'response_id', response_id, 'repeated' FROM (
            SELECT row_no, response_id, count(*) OVER (PARTITION BY source, response_id) AS n
            FROM import_rows WHERE response_id IS NOT NULL
        ) WHERE n > 1
        """,
        {"now": now, "low": scale.low, "high": scale.high, "date_shape": _DATE_SHAPE,
         "every_format": [p for fmt in DATE_FORMATS.values() for p in fmt.patterns]},
    )  # fmt: skip


_DATE_SHAPE = r"^\d{1,4}[-/. ]\d{1,2}[-/. ]\d{1,4}([ T]\d{1,2}[:.]\d{2}([:.]\d{2})?)?$"


# A good row whose response id its source delivered before: it is left out, not imported twice.
_DELIVERED_BEFORE = """r.response_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM feedback f WHERE f.source = r.source AND f.response_id = r.response_id)"""


def check_counts(tx: Transaction) -> tuple[int, int, int, int]:
    """Rows, rows with a problem, problems, and good rows this source delivered before (by response id)."""
    rows, with_problems, problem_count, delivered_before = tx.numbers(
        f"""
        SELECT (SELECT count(*) FROM import_rows),
               (SELECT count(DISTINCT row_no) FROM import_problems),
               (SELECT count(*) FROM import_problems),
               (SELECT count(*) FROM import_rows r
                WHERE r.row_no NOT IN (SELECT row_no FROM import_problems) AND {_DELIVERED_BEFORE})
        """
    )
    return rows, with_problems, problem_count, delivered_before


def problems(tx: Transaction, limit: int | None = None) -> list[tuple[int, str, str, str]]:
    """(row, field, value, reason code), in file order."""
    return tx.rows(
        """
        SELECT row_no, field, value, reason FROM import_problems
        ORDER BY row_no, list_position($fields, field) LIMIT $limit
        """,
        {"fields": list(FIELDS), "limit": limit if limit is not None else 2**62},
    )


def good_sample(tx: Transaction, scale: str, limit: int = 5) -> list[Feedback]:
    """The first good rows as they would be stored."""
    return tx.records(
        Feedback,
        """
        SELECT received_at, score, $scale AS scale, journey_stage, channel, segment, comment, source
        FROM import_rows WHERE row_no NOT IN (SELECT row_no FROM import_problems)
        ORDER BY row_no LIMIT $limit
        """,
        {"scale": scale, "limit": limit},
    )


def insert_good_rows(tx: Transaction, import_id: int, scale: str) -> int:
    """Append every row without a problem that this source did not deliver before."""
    return tx.number(
        f"""
        INSERT INTO feedback (received_at, score, scale, journey_stage, channel, segment, comment, source,
                              import_id, response_id)
        SELECT received_at, score, $scale, journey_stage, channel, segment, comment, source, $import_id,
               response_id
        FROM import_rows r
        WHERE r.row_no NOT IN (SELECT row_no FROM import_problems)
          AND NOT ({_DELIVERED_BEFORE})
        ORDER BY row_no
        """,
        {"scale": scale, "import_id": import_id},
    )


def add_import(tx: Transaction, values: dict[str, Any]) -> int:
    return tx.insert("feedback_import", values)


def import_of_file(q: Query, sha256: str) -> tuple[datetime, str, int] | None:
    """When a file with this fingerprint was imported, from which source, and how many rows it gave."""
    return q.row("SELECT imported_at, source, row_count FROM feedback_import WHERE file_sha256 = ?", [sha256])


def recent_imports(q: Query, limit: int = 20) -> pd.DataFrame:
    return q.frame(
        """
        SELECT i.imported_at, i.source, i.file_name, i.row_count, i.skipped_rows, i.already_imported,
               i.encoding, p.name AS imported_by
        FROM feedback_import i LEFT JOIN person p ON p.id = i.imported_by
        ORDER BY i.imported_at DESC, i.id DESC LIMIT ?
        """,
        [limit],
    )


def source_profiles(q: Query) -> list[ImportProfile]:
    rows = q.rows("SELECT source, scale, settings FROM feedback_source ORDER BY source")
    return [
        ImportProfile(source=source, scale=scale, **json.loads(settings)) for source, scale, settings in rows
    ]


def save_source_profile(tx: Transaction, profile: ImportProfile, saved_by: int | None) -> None:
    settings = {
        "columns": dict(profile.columns),
        "values": {name: dict(mapping) for name, mapping in profile.values.items()},
        "date_format": profile.date_format,
        "delimiter": profile.delimiter,
    }
    tx.execute(
        """
        INSERT INTO feedback_source (source, scale, settings, saved_by, saved_at)
        VALUES ($source, $scale, $settings, $saved_by, current_timestamp)
        ON CONFLICT (source) DO UPDATE SET scale = excluded.scale, settings = excluded.settings,
            saved_by = excluded.saved_by, saved_at = excluded.saved_at
        """,
        {"source": profile.source, "scale": profile.scale, "settings": json.dumps(settings),
         "saved_by": saved_by},
    )  # fmt: skip


def _positions(names: list[str]) -> list[str]:
    return [f"c{i}" for i in range(len(names))]
