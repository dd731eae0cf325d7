"""The workspace YAML file: the demo file loads, and every bad file is one clear ConfigError."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from council.config import load_config
from council.domain.errors import ConfigError
from council.domain.workspace import ScoringWeights
from council.i18n import use_language

DEMO_CONFIG = Path(__file__).parents[1] / "data" / "workspace.yaml"
DEMO = yaml.safe_load(DEMO_CONFIG.read_text(encoding="utf-8"))


def write_config(tmp_path: Path, data: Any, name: str = "workspace.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def changed(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """The demo file with one thing changed, written to tmp_path."""
    data = copy.deepcopy(DEMO)
    change(data)
    return write_config(tmp_path, data)


def config_error(path: Path) -> str:
    """Load `path`, expect a ConfigError that names the file, and return its message."""
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = caught.value.message
    assert str(path) in message
    return message


# The demo file


def test_demo_file_loads_the_demo_organisation():
    config = load_config(DEMO_CONFIG)

    assert config.organisation == "Helder Energie"
    assert config.time_zone == "Europe/Amsterdam"
    assert len(config.departments) == 8
    assert {"billing", "support"} <= config.moments_of_truth
    assert "orientation" not in config.moments_of_truth
    assert {"existing", "new"} <= set(config.ids("segment"))
    assert config.demo_data is True
    assert config.source == DEMO_CONFIG


def test_demo_file_gives_standing_seats_and_leaves_hr_as_guest():
    council = load_config(DEMO_CONFIG).council

    assert council.seats["service"] == 2
    assert council.seats["sales"] == 1
    assert "hr" not in council.seats
    assert council.total_seats == 8
    assert (council.term_length, council.term_unit) == (6, "meetings")
    assert council.meeting_every_weeks == 4
    assert council.meeting_length_minutes == 90


def test_demo_file_scoring_weights_are_read():
    assert load_config(DEMO_CONFIG).scoring == ScoringWeights(
        severity=0.4, reach=0.25, moment_of_truth=0.2, age=0.15, reach_full_at=2000, age_full_after_days=180
    )


def test_database_is_resolved_relative_to_the_config_file_not_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "config").mkdir()
    (tmp_path / "elsewhere").mkdir()
    path = write_config(tmp_path / "config", DEMO)
    monkeypatch.chdir(tmp_path / "elsewhere")

    assert load_config(path).database == tmp_path / "config" / "council.duckdb"
    assert load_config(DEMO_CONFIG).database == DEMO_CONFIG.parent / "council.duckdb"


def test_scoring_can_be_left_out_and_then_uses_the_default_weights(tmp_path):
    path = changed(tmp_path, lambda d: d.pop("scoring"))

    assert load_config(path).scoring == ScoringWeights()


def test_self_check_questions_default_to_the_six_standard_ones_in_the_readers_language(tmp_path):
    demo = load_config(DEMO_CONFIG).self_check
    assert [q.id for q in demo][:2] == ["know_customers", "processes_for_customers"] and len(demo) == 6
    with use_language("nl"):
        assert demo[0].label == "We weten het, we gokken niet"

    own = [{"id": "one_face", "label": "One face", "question": "Customers tell their story once."}]
    assert [
        (q.id, q.label) for q in load_config(changed(tmp_path, _setter("self_check", value=own))).self_check
    ] == [("one_face", "One face")]


def test_self_check_statements_may_be_given_per_language(tmp_path):
    own = [{"id": "one_face", "label": {"en": "One face", "nl": "Eén gezicht"},
            "question": {"en": "Customers tell their story once.", "nl": "Klanten vertellen hun verhaal één keer."}}]  # fmt: skip
    (question,) = load_config(changed(tmp_path, _setter("self_check", value=own))).self_check

    assert (question.label, question.question) == ("One face", "Customers tell their story once.")
    with use_language("nl"):
        assert (question.label, question.question) == (
            "Eén gezicht",
            "Klanten vertellen hun verhaal één keer.",
        )


def test_a_self_check_label_too_long_for_a_chart_says_where_the_long_text_goes(tmp_path):
    own = [{"id": f"s{n}", "label": "Short", "question": "A statement."} for n in range(3)]
    own[2]["label"] = {"en": "Short", "nl": "x" * 41}
    message = config_error(changed(tmp_path, _setter("self_check", value=own)))

    assert "self_check[2].label" in message and "`question`" in message


def test_names_may_be_given_per_language_and_a_plain_name_means_every_language(tmp_path):
    config = load_config(DEMO_CONFIG)

    assert config.name_of("journey_stage", "billing") == "Bills & payments"
    assert config.name_of("channel", "chat") == "Chat"
    with use_language("nl"):
        assert config.name_of("journey_stage", "billing") == "Facturen & betalen"
        assert config.departments[3].name == "Financiën & facturatie"
        assert config.name_of("channel", "chat") == "Chat"
        assert config.voice_name(None) == "Buiten de organisatie"


def test_the_workspace_language_defaults_to_english_and_may_be_dutch(tmp_path):
    assert load_config(changed(tmp_path, _dropper("language"))).language == "en"
    assert load_config(changed(tmp_path, _setter("language", value="nl"))).language == "nl"


def test_a_language_the_workspace_does_not_know_names_the_key_and_the_choices(tmp_path):
    message = config_error(changed(tmp_path, _setter("language", value="fr")))

    assert message == f"{tmp_path / 'workspace.yaml'}: language: expected one of en, nl, got 'fr'"


def test_a_name_in_a_language_the_workspace_does_not_know_is_refused(tmp_path):
    message = config_error(changed(tmp_path, _setter("departments", 0, "name", value={"fr": "Ventes"})))

    assert "departments[0].name.fr: unknown key (known keys: en, nl)" in message


# Bad files: each is a ConfigError naming the file, the key path and what was expected


def test_missing_file_says_it_was_not_found(tmp_path):
    message = config_error(tmp_path / "nowhere.yaml")

    assert "not found" in message


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "workspace.yaml"
    path.write_text(
        "organisation:\n  name: Helder Energie\n  time_zone: Europe/Amsterdam: yes\n", encoding="utf-8"
    )

    message = config_error(path)

    assert "not valid YAML" in message
    assert "line 3" in message


def test_empty_file_says_it_is_empty(tmp_path):
    path = tmp_path / "workspace.yaml"
    path.write_text("# nothing here yet\n", encoding="utf-8")

    message = config_error(path)

    assert "(top level)" in message
    assert "empty" in message


def test_list_at_top_level_asks_for_a_mapping(tmp_path):
    path = write_config(tmp_path, [DEMO])

    message = config_error(path)

    assert "(top level)" in message
    assert "mapping" in message


def test_department_without_id_names_its_position(tmp_path):
    path = changed(tmp_path, lambda d: d["departments"][2].pop("id"))

    assert "departments[2].id: missing" in config_error(path)


def test_duplicate_department_id_names_the_second_one(tmp_path):
    path = changed(tmp_path, lambda d: d["departments"][3].update(id="sales"))

    message = config_error(path)

    assert "departments[3].id" in message
    assert "'sales'" in message
    assert "unique" in message


def test_moment_of_truth_as_text_asks_for_true_or_false(tmp_path):
    path = changed(tmp_path, lambda d: d["journey_stages"][0].update(moment_of_truth="yes"))

    message = config_error(path)

    assert "journey_stages[0].moment_of_truth" in message
    assert "true/false" in message
    assert "'yes'" in message


def test_misspelt_top_level_key_is_an_unknown_key_and_the_known_keys_are_listed(tmp_path):
    def misspell(d: dict[str, Any]) -> None:
        d["departmnts"] = d.pop("departments")

    message = config_error(changed(tmp_path, misspell))

    assert "departmnts: unknown key" in message
    assert "departments" in message.split("departmnts: unknown key", 1)[1]


def test_unknown_key_inside_an_entry_names_the_entry(tmp_path):
    path = changed(tmp_path, lambda d: d["channels"][1].update(colour="blue"))

    assert "channels[1].colour: unknown key" in config_error(path)


def test_segments_without_new_say_which_segment_is_missing(tmp_path):
    path = changed(tmp_path, lambda d: d.update(segments=[s for s in d["segments"] if s["id"] != "new"]))

    message = config_error(path)

    assert "segments:" in message
    assert "'new'" in message
    assert "missing" in message


def test_seat_for_an_unknown_department_names_that_department(tmp_path):
    path = changed(tmp_path, lambda d: d["council"]["seats"].update(legal=1))

    message = config_error(path)

    assert "council.seats.legal" in message
    assert "not one of the departments" in message


def test_term_unit_weeks_lists_the_units_allowed(tmp_path):
    path = changed(tmp_path, lambda d: d["council"].update(term_unit="weeks"))

    message = config_error(path)

    assert "council.term_unit" in message
    assert "'meetings' or 'months'" in message
    assert "'weeks'" in message


def test_unknown_time_zone_is_named_with_an_example(tmp_path):
    path = changed(tmp_path, lambda d: d["organisation"].update(time_zone="Europe/Atlantis"))

    message = config_error(path)

    assert "organisation.time_zone" in message
    assert "'Europe/Atlantis'" in message
    assert "not a known time zone" in message


def test_negative_scoring_weight_asks_for_at_least_zero(tmp_path):
    path = changed(tmp_path, lambda d: d["scoring"].update(reach=-0.25))

    message = config_error(path)

    assert "scoring.reach" in message
    assert "at least 0" in message


def test_all_scoring_weights_zero_asks_for_one_above_zero(tmp_path):
    weights = {"severity": 0, "reach": 0, "moment_of_truth": 0, "age": 0}
    path = changed(tmp_path, lambda d: d["scoring"].update(weights))

    message = config_error(path)

    assert "scoring:" in message
    assert "above 0" in message


@pytest.mark.parametrize("bad_id", ["Customer Service", "customer service", "Sales", "2nd_line", "it-desk"])
def test_id_that_is_not_lowercase_letters_digits_and_underscores_is_refused(tmp_path, bad_id):
    path = changed(tmp_path, lambda d: d["departments"][0].update(id=bad_id))

    message = config_error(path)

    assert "departments[0].id" in message
    assert repr(bad_id) in message
    assert "not a valid id" in message


def test_fractional_seat_count_asks_for_a_whole_number(tmp_path):
    path = changed(tmp_path, lambda d: d["council"]["seats"].update(service=1.5))

    message = config_error(path)

    assert "council.seats.service" in message
    assert "whole number" in message


def test_missing_term_length_is_named(tmp_path):
    path = changed(tmp_path, lambda d: d["council"].pop("term_length"))

    assert "council.term_length: missing" in config_error(path)


def test_database_that_is_not_text_asks_for_a_file_path(tmp_path):
    path = changed(tmp_path, lambda d: d.update(database=42))

    message = config_error(path)

    assert "database:" in message
    assert "file path" in message


# No bad file gets through as anything but a ConfigError


def _text(text: str | bytes) -> Callable[[Path], Path]:
    def write(tmp_path: Path) -> Path:
        path = tmp_path / "workspace.yaml"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


def _change(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], Path]:
    return lambda tmp_path: changed(tmp_path, change)


def _setter(*keys: str | int, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(d: Any) -> None:
        for key in keys[:-1]:
            d = d[key]
        d[keys[-1]] = value

    return change


def _statements(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    """`change` made to a file that lists its own two self-check statements."""

    def with_statements(d: dict[str, Any]) -> None:
        d["self_check"] = [
            {"id": "know_customers", "label": "We know", "question": "We know our customers."},
            {"id": "one_face", "label": "One face", "question": "Customers tell their story once."},
        ]
        change(d)

    return with_statements


def _dropper(*keys: str | int) -> Callable[[dict[str, Any]], None]:
    def change(d: Any) -> None:
        for key in keys[:-1]:
            d = d[key]
        del d[keys[-1]]

    return change


BAD_FILES: dict[str, Callable[[Path], Path]] = {
    "missing file": lambda tmp_path: tmp_path / "nowhere.yaml",
    "a directory": lambda tmp_path: tmp_path,
    "not utf-8": _text(b"organisation:\n  name: \xff\xfe\n"),
    "invalid yaml": _text("organisation:\n  name: x: y\n"),
    "unclosed bracket": _text("departments: [sales, service\n"),
    "python tag": _text("organisation: !!python/object:os.system {}\n"),
    "empty": _text(""),
    "only a comment": _text("# empty\n"),
    "top level list": _text("- organisation\n- departments\n"),
    "top level text": _text("just some words\n"),
    "top level number": _text("42\n"),
    "department without id": _change(_dropper("departments", 2, "id")),
    "department without name": _change(_dropper("departments", 2, "name")),
    "department entry is text": _change(_setter("departments", 0, value="sales")),
    "department id is a number": _change(_setter("departments", 0, "id", value=7)),
    "departments is text": _change(_setter("departments", value="sales")),
    "departments empty": _change(_setter("departments", value=[])),
    "departments missing": _change(_dropper("departments")),
    "duplicate id": _change(_setter("departments", 1, "id", value="sales")),
    "moment of truth text": _change(_setter("journey_stages", 0, "moment_of_truth", value="yes")),
    "moment of truth number": _change(_setter("journey_stages", 0, "moment_of_truth", value=1)),
    "unknown top level key": _change(_setter("departmnts", value=[])),
    "unknown numeric key": _change(_setter(3, value="x")),
    "segments without new": _change(_setter("segments", value=[{"id": "existing", "name": "Existing"}])),
    "organisation missing": _change(_dropper("organisation")),
    "organisation is text": _change(_setter("organisation", value="Helder")),
    "organisation name missing": _change(_dropper("organisation", "name")),
    "organisation name blank": _change(_setter("organisation", "name", value="   ")),
    "unknown time zone": _change(_setter("organisation", "time_zone", value="Europe/Atlantis")),
    "absolute time zone": _change(_setter("organisation", "time_zone", value="/etc/passwd")),
    "relative time zone": _change(_setter("organisation", "time_zone", value="../passwd")),
    "numeric time zone": _change(_setter("organisation", "time_zone", value=2)),
    "council missing": _change(_dropper("council")),
    "council is a list": _change(_setter("council", value=["sales"])),
    "seats missing": _change(_dropper("council", "seats")),
    "seats is a list": _change(_setter("council", "seats", value=["sales"])),
    "seat for unknown department": _change(_setter("council", "seats", "legal", value=1)),
    "seat count text": _change(_setter("council", "seats", "sales", value="one")),
    "seat count negative": _change(_setter("council", "seats", "sales", value=-1)),
    "seat count infinite": _change(_setter("council", "seats", "sales", value=float("inf"))),
    "no seats at all": _change(_setter("council", "seats", value={"sales": 0})),
    "term unit weeks": _change(_setter("council", "term_unit", value="weeks")),
    "term length zero": _change(_setter("council", "term_length", value=0)),
    "term length true": _change(_setter("council", "term_length", value=True)),
    "term length not a number": _change(_setter("council", "term_length", value=float("nan"))),
    "scoring is a list": _change(_setter("scoring", value=[0.4])),
    "scoring empty value": _change(_setter("scoring", value=None)),
    "negative weight": _change(_setter("scoring", "age", value=-0.1)),
    "weight text": _change(_setter("scoring", "age", value="high")),
    "unknown scoring key": _change(_setter("scoring", "mood", value=0.1)),
    "reach_full_at zero": _change(_setter("scoring", "reach_full_at", value=0)),
    "age_full_after_days fraction": _change(_setter("scoring", "age_full_after_days", value=1.5)),
    "id with spaces": _change(_setter("channels", 0, "id", value="phone line")),
    "id uppercase": _change(_setter("channels", 0, "id", value="Phone")),
    "id too long": _change(_setter("channels", 0, "id", value="p" * 41)),
    "database number": _change(_setter("database", value=42)),
    "database blank": _change(_setter("database", value=" ")),
    "demo_data text": _change(_setter("demo_data", value="yes")),
    "self_check empty": _change(_setter("self_check", value=[])),
    "self_check is text": _change(_setter("self_check", value="Do we know our customers?")),
    "self_check question missing": _change(_statements(_dropper("self_check", 0, "question"))),
    "self_check label missing": _change(_statements(_dropper("self_check", 0, "label"))),
    "self_check duplicate id": _change(_statements(_setter("self_check", 1, "id", value="know_customers"))),
    "self_check unknown key": _change(_statements(_setter("self_check", 0, "scale", value=10))),
}


@pytest.mark.parametrize("make_bad_file", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_raises_only_a_config_error_naming_the_file(tmp_path, make_bad_file):
    path = make_bad_file(tmp_path)

    try:
        load_config(path)
    except ConfigError as e:
        assert str(path) in e.message
    except Exception as e:
        pytest.fail(f"{type(e).__name__} escaped instead of a ConfigError: {e}")
    else:
        pytest.fail("the bad file loaded without complaint")


MAIL = {
    "enabled": True, "host": "smtp.example.org", "user": "council@example.org",
    "from": "CX Council <council@example.org>", "public_url": "https://council.example.org/",
}  # fmt: skip


def _with_mail(tmp_path: Path, **changes: Any) -> Path:
    return changed(tmp_path, lambda d: d.update(email={**MAIL, **changes}))


def test_mail_is_off_unless_the_file_turns_it_on(tmp_path: Path) -> None:
    assert not load_config(DEMO_CONFIG).email.enabled
    assert not load_config(_with_mail(tmp_path, enabled=False, host=None)).email.enabled


def test_a_mail_section_is_read_with_its_defaults(tmp_path: Path) -> None:
    mail = load_config(_with_mail(tmp_path, send_at="08:30")).email
    assert (mail.host, mail.port, mail.security, mail.user) == (
        "smtp.example.org",
        587,
        "starttls",
        "council@example.org",
    )
    assert (
        mail.public_url == "https://council.example.org"
        and mail.link("meetings", id=4) == "https://council.example.org/meetings?id=4"
    )
    assert (mail.remind_days_before, mail.digest_weekday, f"{mail.send_at:%H:%M}") == (3, "monday", "08:30")
    assert load_config(_with_mail(tmp_path, security="ssl")).email.port == 465


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        (
            {"password": "hunter2"},
            "email.password: never put the password in this file: set the environment variable COUNCIL_SMTP_PASSWORD",
        ),
        ({"security": "tls"}, "email.security: expected one of starttls, ssl, none, got 'tls'"),
        ({"from": "council at example"}, "email.from: expected an address like"),
        (
            {"public_url": "council.example.org"},
            "email.public_url: expected the workspace's address as people open it",
        ),
        ({"public_url": None}, "email.public_url: missing"),
        ({"host": None}, "email.host: missing"),
        ({"port": 70000}, "email.port: expected a port number up to 65535"),
        ({"digest_weekday": "someday"}, "email.digest_weekday: expected a day of the week"),
        ({"send_at": "7 am"}, 'email.send_at: expected a time of day like "14:00"'),
        ({"smtp": "x"}, "email.smtp: unknown key"),
    ],
)
def test_a_wrong_mail_setting_names_its_key(tmp_path: Path, changes: dict[str, Any], says: str) -> None:
    data = {**MAIL, **changes}
    path = changed(tmp_path, lambda d: d.update(email={k: v for k, v in data.items() if v is not None}))
    assert says in config_error(path)


def test_backups_go_beside_the_workspace_file_and_none_is_made_by_itself_unless_asked(tmp_path: Path) -> None:
    plain = load_config(DEMO_CONFIG)
    assert plain.backup.folder == DEMO_CONFIG.parent / "backups" and plain.backup.at is None
    assert plain.inbox.folder is None
    nightly = load_config(
        changed(tmp_path, lambda d: d.update(backup={"at": "02:30", "keep": 7}, inbox={"folder": "drop"}))
    )
    assert (f"{nightly.backup.at:%H:%M}", nightly.backup.keep) == ("02:30", 7)
    assert nightly.inbox.folder == tmp_path / "drop"


@pytest.mark.parametrize(
    ("section", "says"),
    [
        ({"backup": {"at": "2 am"}}, 'backup.at: expected a time of day like "14:00"'),
        ({"backup": {"keep": 0}}, "backup.keep: expected a whole number of at least 1"),
        ({"backup": {"every": "day"}}, "backup.every: unknown key"),
        ({"inbox": {}}, "inbox.folder: missing"),
    ],
)
def test_a_wrong_schedule_setting_names_its_key(tmp_path: Path, section: dict[str, Any], says: str) -> None:
    assert says in config_error(changed(tmp_path, lambda d: d.update(section)))
