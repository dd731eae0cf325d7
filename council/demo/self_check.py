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
_NOTES = {
    "know_customers": [
        "Since the surveys come in monthly we argue less about what customers want.",
        "We still mostly hear the loudest complaints, not the quiet leavers.",
        "Billing comments surprised me: I thought the bill itself was the problem, it is the timing.",
    ],
    "processes_for_customers": [
        "The meter reading process is designed around our month-end, not around the customer.",
        "Field planning improved, but the customer still waits for our slot.",
    ],
    "existing_as_easy": [
        "New customers get a welcome call; existing ones get nothing until something breaks.",
        "The renewal offer is worse than the offer on the website for new customers.",
    ],
    "no_customer_number": [
        "Phone can find customers by address now; chat still asks for the number first.",
        "The app login works without it, the contact form does not.",
    ],
    "rewarded": [
        "All our bonuses are about new sales and handling time.",
        "Nobody gets credit for a customer who simply stays.",
    ],
    "whole_experience": [
        "The council is the closest thing we have, but it owns nothing.",
        "Since the moving-house decision there is one owner for that journey at least.",
    ],
}


def demo_answers(
    questions: tuple[SelfCheckQuestion, ...], meetings: list[tuple[int, list[int]]], rng: random.Random
) -> list[dict]:
    """Answers for past meetings, given as (meeting id, its members) oldest first; most members answer."""
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
                notes = _NOTES.get(q.id, [])
                note = rng.choice(notes) if notes and rng.random() < NOTE_SHARE else ""
                rows.append({"meeting_id": meeting_id, "person_id": person_id, "question": q.id,
                             "score": score, "note": note})  # fmt: skip
    return rows
