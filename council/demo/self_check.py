"""The demo council's self-check answers: honest low scores at first, slowly rising where it acted."""

from __future__ import annotations

import random

from council.domain.self_check import HIGHEST, LOWEST, SelfCheckQuestion

NOTE_SHARE = 0.2
# Average score at the first and the latest past meeting per standard question.
_DRIFT = {
    "know_customers": (2.0, 3.5),
    "processes_for_customers": (2.3, 2.9),
    "existing_as_easy": (1.8, 2.6),
    "no_customer_number": (3.0, 3.0),
    "rewarded": (1.5, 1.8),
    "whole_experience": (1.6, 3.1),
}


def demo_answers(
    questions: tuple[SelfCheckQuestion, ...],
    meetings: list[tuple[int, list[int]]],
    rng: random.Random,
    notes_by_question: dict[str, list[str]],
) -> list[dict]:
    """Answers for past meetings, given as (meeting id, its members) oldest first; most members answer, some
    with one of the notes `notes_by_question` has for the question."""
    rows = []
    last = max(len(meetings) - 1, 1)
    for n, (meeting_id, members) in enumerate(meetings):
        for person_id in members:
            if rng.random() > 0.85:
                continue  # not everybody fills it in every time
            for q in questions:
                start, end = _DRIFT.get(q.id, (2.5, 2.5))
                mean = start + (end - start) * n / last
                score = min(HIGHEST, max(LOWEST, round(rng.gauss(mean, 0.7))))
                notes = notes_by_question.get(q.id, [])
                note = rng.choice(notes) if notes and rng.random() < NOTE_SHARE else ""
                rows.append({"meeting_id": meeting_id, "person_id": person_id, "question": q.id,
                             "score": score, "note": note})  # fmt: skip
    return rows
