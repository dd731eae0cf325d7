"""The council members' self-check answers, one per member, meeting and question."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from council.domain.self_check import QuestionScore, SelfCheckAnswer
from council.store.database import Query, Transaction


def answers_of(q: Query, meeting_id: int, person_id: int) -> dict[str, SelfCheckAnswer]:
    rows = q.rows(
        "SELECT question, score, note FROM self_check_answer WHERE meeting_id = ? AND person_id = ?",
        [meeting_id, person_id],
    )
    return {r[0]: SelfCheckAnswer(*r) for r in rows}


def save_answers(
    tx: Transaction, meeting_id: int, person_id: int, answers: Iterable[SelfCheckAnswer],
    cleared: Sequence[str],
) -> None:  # fmt: skip
    """Save a member's answers (a new score replaces the old one) and drop those they cleared."""
    for a in answers:
        tx.execute(
            """
            INSERT INTO self_check_answer (meeting_id, person_id, question, score, note)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (meeting_id, person_id, question)
            DO UPDATE SET score = excluded.score, note = excluded.note, answered_at = now()
            """,
            [meeting_id, person_id, a.question, a.score, a.note],
        )
    if cleared:
        tx.execute(
            "DELETE FROM self_check_answer WHERE meeting_id = ? AND person_id = ? AND list_contains(?, question)",
            [meeting_id, person_id, list(cleared)],
        )


def question_scores(q: Query, questions: Sequence[str]) -> list[QuestionScore]:
    """Per meeting with answers and per question, the average score and how many answered, oldest first."""
    rows = q.rows(
        """
        SELECT a.meeting_id, m.starts_at, a.question, avg(a.score), count(*), min(a.score), max(a.score)
        FROM self_check_answer a JOIN meeting m ON m.id = a.meeting_id
        WHERE list_contains(?, a.question)
        GROUP BY a.meeting_id, m.starts_at, a.question
        ORDER BY m.starts_at, a.meeting_id, a.question
        """,
        [list(questions)],
    )
    return [QuestionScore(*r) for r in rows]


def notes_for(q: Query, meeting_id: int) -> list[tuple[str, int, str]]:
    """The notes members wrote at a meeting as (question, score, note), lowest score first."""
    return q.rows(
        """
        SELECT question, score, note FROM self_check_answer
        WHERE meeting_id = ? AND note <> '' ORDER BY question, score, answered_at
        """,
        [meeting_id],
    )


def who_answered(q: Query, meeting_id: int) -> set[int]:
    rows = q.rows("SELECT DISTINCT person_id FROM self_check_answer WHERE meeting_id = ?", [meeting_id])
    return {r[0] for r in rows}
