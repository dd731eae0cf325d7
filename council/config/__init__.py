"""Reads the workspace YAML file into a validated `WorkspaceConfig`; nothing else reads YAML.

Every problem is reported as one `ConfigError` naming the file, the key path and what was
expected, e.g. ``workspace.yaml: departments[2].id: missing``.
"""

from __future__ import annotations

import os
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from council.config.email import read_email
from council.config.reader import Reader, every_language
from council.config.schedule import read_backup, read_inbox
from council.domain.errors import ConfigError
from council.domain.self_check import DEFAULT_QUESTIONS, MAX_LABEL, MAX_NOTE, SelfCheckQuestion
from council.domain.workspace import (
    SIGN_IN_METHODS,
    BlockerCategory,
    Channel,
    CouncilRules,
    Department,
    GuestKind,
    JourneyStage,
    ScoringWeights,
    Segment,
    WorkspaceConfig,
)
from council.i18n import LANGUAGES, _, ngettext
from council.i18n import formats as fmt

# libyaml's reader where PyYAML has it: about ten times faster at reading a workspace file, with the same
# safe rules.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONFIG_ENV = "COUNCIL_CONFIG"
DEFAULT_CONFIG = Path("data/workspace.yaml")
_TOP_KEYS = {
    "organisation", "database", "demo_data", "departments", "journey_stages", "channels",
    "segments", "blocker_categories", "council", "scoring", "guest_kinds", "self_check", "sign_in",
    "idle_sign_out_hours", "email", "backup", "inbox", "language",
}  # fmt: skip


def config_path() -> Path:
    """The config file to use: $COUNCIL_CONFIG if set, else data/workspace.yaml."""
    return Path(os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG)


def load_config(path: Path | str | None = None) -> WorkspaceConfig:
    path = Path(path) if path is not None else config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        missing = _("{file}: file not found. Point {variable} at your workspace file, or copy {example} to "
                    "start one.")  # fmt: skip
        raise ConfigError(missing.format(file=path, variable=CONFIG_ENV, example=DEFAULT_CONFIG)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(
            _("{file}: cannot be read as UTF-8 text ({problem}).").format(file=path, problem=e)
        ) from None
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> WorkspaceConfig:
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or _("invalid YAML")
        if mark:
            # Translators: {problem} is the YAML reader's own explanation, in English.
            message = _("{file}: not valid YAML at line {line}, column {column}: {problem}.").format(
                file=path, line=mark.line + 1, column=mark.column + 1, problem=problem)  # fmt: skip
        else:
            # Translators: {problem} is the YAML reader's own explanation, in English.
            message = _("{file}: not valid YAML: {problem}.").format(file=path, problem=problem)
        raise ConfigError(message) from None
    return _Reader(path).workspace(data)


class _Reader(Reader):
    """Reads the workspace file's own sections."""

    def workspace(self, data: Any) -> WorkspaceConfig:
        if data is None:
            raise self.fail(_("(top level)"), _("the file is empty"))
        data = self.mapping(data, "", _TOP_KEYS)
        org = self.mapping(data.get("organisation"), "organisation", {"name", "time_zone"})
        departments = self.named_list(data, "departments", Department)
        stages = self.named_list(data, "journey_stages", JourneyStage, {"moment_of_truth": False})
        segments = self.named_list(data, "segments", Segment)
        missing = {"existing", "new"} - {s.id for s in segments}
        if missing:
            expected = _("expected segments with ids 'existing' and 'new'; missing {ids}")
            raise self.fail("segments", expected.format(ids=sorted(missing)))
        database = data.get("database")
        if database is not None and (not isinstance(database, str) or not database.strip()):
            raise self.fail("database", _("expected a file path, e.g. council.duckdb"))
        return WorkspaceConfig(
            organisation=self.text(org, "name", "organisation"),
            time_zone=self.time_zone(org),
            departments=departments,
            journey_stages=stages,
            channels=self.named_list(data, "channels", Channel),
            segments=segments,
            blocker_categories=self.named_list(data, "blocker_categories", BlockerCategory),
            council=self.council(data.get("council"), {d.id for d in departments}),
            scoring=self.scoring(data.get("scoring", {})),
            source=self.path,
            database=(self.path.parent / database) if database else None,
            demo_data=self.boolean(data, "demo_data", "", False),
            guest_kinds=self.guest_kinds(data, {d.id for d in departments}),
            self_check=self.self_check(data.get("self_check")),
            sign_in=self.sign_in(data),
            idle_sign_out_hours=self.number(data, "idle_sign_out_hours", "", default=8, minimum=0.25),
            email=read_email(self, data.get("email")),
            backup=read_backup(self, data.get("backup"), self.path.parent),
            inbox=read_inbox(self, data.get("inbox"), self.path.parent),
            language=self.language(data),
        )

    def language(self, data: dict[str, Any]) -> str:
        return self.one_of(data, "language", "", LANGUAGES)

    def sign_in(self, data: dict[str, Any]) -> str:
        return self.one_of(data, "sign_in", "", SIGN_IN_METHODS)

    def self_check(self, items: Any) -> tuple[SelfCheckQuestion, ...]:
        if items is None:
            return DEFAULT_QUESTIONS
        if not isinstance(items, list) or not items:
            raise self.fail("self_check", _("expected a non-empty list of {id, label, question} entries"))
        seen: set[str] = set()
        questions = []
        for i, raw in enumerate(items):
            where = f"self_check[{i}]"
            entry = self.mapping(raw, where, {"id", "label", "question"})
            question_id = self.identifier(entry, where, seen)
            label, question = self.wording(entry, "label", where), self.wording(entry, "question", where)
            for words in every_language(label):
                if len(words) > MAX_LABEL:
                    too_long = ngettext(
                        "{n} character; a chart label needs {most} or fewer (the full statement goes in "
                        "`question`)",
                        "{n} characters; a chart label needs {most} or fewer (the full statement goes in "
                        "`question`)", len(words))  # fmt: skip
                    raise self.fail(f"{where}.label", too_long.format(n=len(words), most=MAX_LABEL))
            if any(len(words) > MAX_NOTE for words in every_language(question)):
                too_long = _("too long; keep it under {most} characters")
                raise self.fail(f"{where}.question", too_long.format(most=fmt.number(MAX_NOTE)))
            questions.append(SelfCheckQuestion(question_id, label, question))
        return tuple(questions)

    def guest_kinds(self, data: dict[str, Any], departments: set[str]) -> tuple[GuestKind, ...]:
        kinds = self.named_list(data, "guest_kinds", GuestKind, optional=True)
        for i, kind in enumerate(kinds):
            if kind.id in departments:
                taken = _("{id} is already a department; give the guest kind its own id")
                raise self.fail(f"guest_kinds[{i}].id", taken.format(id=repr(kind.id)))
        return kinds

    def time_zone(self, org: dict[str, Any]) -> str:
        name = self.text(org, "time_zone", "organisation", default="UTC")
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            unknown = _("{name} is not a known time zone, e.g. Europe/Amsterdam")
            raise self.fail("organisation.time_zone", unknown.format(name=repr(name))) from None
        return name

    def council(self, raw: Any, departments: set[str]) -> CouncilRules:
        keys = {
            "seats", "term_length", "term_unit", "meeting_every_weeks", "meeting_length_minutes",
            "meeting_starts_at", "guest_pause_meetings",
        }  # fmt: skip
        data = self.mapping(raw, "council", keys)
        seats_raw = data.get("seats")
        if not isinstance(seats_raw, dict) or not seats_raw:
            raise self.fail("council.seats", _("expected a mapping of department id to number of seats"))
        seats: dict[str, int] = {}
        for dept in seats_raw:
            if dept not in departments:
                raise self.fail(f"council.seats.{dept}", _("is not one of the departments listed above"))
            seats[dept] = int(
                self.number(seats_raw, dept, "council.seats", default=None, minimum=0, whole=True)
            )
        if not any(seats.values()):
            raise self.fail("council.seats", _("expected at least one department with a seat"))
        unit = self.text(data, "term_unit", "council", default="meetings")
        if unit not in ("meetings", "months"):
            raise self.fail("council.term_unit", _("expected 'meetings' or 'months', got {value}").format(
                value=repr(unit)))  # fmt: skip

        def whole(key: str, default: int | None) -> int:
            return int(self.number(data, key, "council", default=default, minimum=1, whole=True))

        return CouncilRules(
            seats=seats,
            term_length=whole("term_length", None),
            term_unit=unit,
            meeting_every_weeks=whole("meeting_every_weeks", 4),
            meeting_length_minutes=whole("meeting_length_minutes", 90),
            meeting_starts_at=self.clock_time(data, "meeting_starts_at", "council", time(14, 0)),
            guest_pause_meetings=whole("guest_pause_meetings", 6),
        )

    def scoring(self, raw: Any) -> ScoringWeights:
        defaults = ScoringWeights()
        names = ("severity", "reach", "moment_of_truth", "age")
        data = self.mapping(raw, "scoring", {*names, "reach_full_at", "age_full_after_days"})
        weights = {
            name: float(self.number(data, name, "scoring", default=getattr(defaults, name), minimum=0))
            for name in names
        }
        if sum(weights.values()) <= 0:
            raise self.fail("scoring", _("expected at least one weight above 0"))
        return ScoringWeights(
            **weights,
            reach_full_at=int(self.number(data, "reach_full_at", "scoring", default=defaults.reach_full_at, minimum=1, whole=True)),
            age_full_after_days=int(self.number(data, "age_full_after_days", "scoring", default=defaults.age_full_after_days, minimum=1, whole=True)),
        )  # fmt: skip
