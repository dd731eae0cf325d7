"""The council's self-check: statements about how the organisation treats its existing customers,
scored by every council member at every meeting from 1 (not at all true) to 5 (fully true)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.domain.checks import clean_text
from council.domain.errors import ValidationError
from council.i18n import N_, _
from council.i18n.wording import Wording

LOWEST, HIGHEST = 1, 5
# Score -> its word, marked with N_: show it with `_(SCORE_WORDS[score])`.
SCORE_WORDS = {1: N_("Not at all"), 2: N_("Hardly"), 3: N_("Partly"), 4: N_("Mostly"), 5: N_("Fully")}
MAX_NOTE = 1_000
MAX_LABEL = 40
# A statement's scores at a meeting are shown only once this many members answered it, so nobody's
# own score (or note) can be read from them.
MIN_ANSWERS = 3


@dataclass(frozen=True)
class SelfCheckQuestion:
    """One statement of the self-check. `id` keeps its answers together when the words change."""

    id: str
    short: Wording | str  # a few words for charts and lists
    statement: Wording | str  # the full statement members score

    @property
    def label(self) -> str:
        return str(self.short)

    @property
    def question(self) -> str:
        return str(self.statement)


def _ours(words: str) -> Wording:
    return Wording(words, from_catalogue=True)


DEFAULT_QUESTIONS = (
    SelfCheckQuestion("know_customers", _ours(N_("We know, not guess")),
                      _ours(N_("We know, from what customers tell us, what annoys and what delights our existing "
                      "customers; we do not just think we know."))),
    SelfCheckQuestion("processes_for_customers", _ours(N_("Processes serve customers")),
                      _ours(N_("Our processes are designed to make customers happy, not only to make our own work "
                      "easier."))),
    SelfCheckQuestion("existing_as_easy", _ours(N_("Existing as easy as new")),
                      _ours(N_("We make things as easy for existing customers as we do for new ones."))),
    SelfCheckQuestion("no_customer_number", _ours(N_("Help without a customer number")),
                      _ours(N_("A customer who does not have their customer number at hand can still be helped."))),
    SelfCheckQuestion("rewarded", _ours(N_("Delight is rewarded")),
                      _ours(N_("Someone in our organisation is rewarded for delighting existing customers."))),
    SelfCheckQuestion("whole_experience", _ours(N_("Someone owns the whole")),
                      _ours(N_("Someone is responsible for the customer's experience as a whole, across departments."))),
)  # fmt: skip


@dataclass(frozen=True)
class SelfCheckAnswer:
    question: str
    score: int
    note: str = ""


@dataclass(frozen=True)
class QuestionScore:
    """How the members who answered scored one question at one meeting."""

    meeting_id: int
    starts_at: datetime
    question: str
    average: float
    answers: int
    lowest: int
    highest: int


def checked_answers(
    answers: dict[str, tuple[int | None, str]], questions: tuple[SelfCheckQuestion, ...]
) -> tuple[list[SelfCheckAnswer], list[str]]:
    """Scored answers, and the questions left without a score (their old answer, if any, goes).

    A note without a score is refused: it would be lost, and the member meant to answer.
    """
    labels = {q.id: q.label for q in questions}
    scored, skipped = [], []
    for question_id, (score, note) in answers.items():
        if question_id not in labels:
            raise ValidationError(
                _("The question {question} is no longer part of the self-check. Reload the page.").format(
                    question=repr(question_id)
                ),
                question_id,
            )
        statement = labels[question_id]
        label = _("Your note on “{statement}”").format(statement=statement)
        note = clean_text(note, label, required=False, limit=MAX_NOTE, field=question_id)
        if score is None:
            if note:
                raise ValidationError(
                    _(
                        "“{statement}” has a note but no score. Give it a score from {lowest} to {highest}, "
                        "or clear the note."
                    ).format(statement=statement, lowest=LOWEST, highest=HIGHEST),
                    question_id,
                )
            skipped.append(question_id)
            continue
        if isinstance(score, bool) or not isinstance(score, int) or not LOWEST <= score <= HIGHEST:
            raise ValidationError(
                _("“{statement}” needs a score from {lowest} to {highest}; it got {score}.").format(
                    statement=statement, lowest=LOWEST, highest=HIGHEST, score=repr(score)
                ),
                question_id,
            )
        scored.append(SelfCheckAnswer(question_id, score, note))
    if not scored:
        raise ValidationError(
            _(
                "No question has a score yet. Score at least one statement from {lowest} (not at all true) "
                "to {highest} (fully true)."
            ).format(lowest=LOWEST, highest=HIGHEST)
        )
    return scored, skipped
