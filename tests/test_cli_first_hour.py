"""What a newcomer runs into on the command line in the first hour: one clear line instead of a traceback,
hints that can be copied as they are, and files where the README says they go."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from council.cli import main
from council.config import load_config
from council.services.workspace import database_path
from tests.conftest import DEMO_CONFIG, ROOT

# Slow: runs the command line as a new operator does, in processes of its own.
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def no_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNCIL_DB", raising=False)
    monkeypatch.delenv("COUNCIL_CONFIG", raising=False)


def _council(*words: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "council", *map(str, words)], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120, start_new_session=True)  # fmt: skip


def test_a_report_in_a_folder_that_does_not_exist_is_one_line(demo_copy: Path, tmp_path: Path) -> None:
    csv = tmp_path / "survey.csv"
    csv.write_text("date,score\n2026-12-01,11\n", encoding="utf-8")
    for report in (tmp_path / "no" / "such" / "folder" / "problems.csv", tmp_path):
        done = _council("import-feedback", csv, "--source", "S", "--dry-run", "--report", report,
                        "--config", DEMO_CONFIG, "--db", demo_copy)  # fmt: skip
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith(f"error: {report}") and "Check the path" in done.stderr


def test_set_password_without_a_terminal_or_input_says_what_to_do(demo_copy: Path) -> None:
    done = _council(
        "set-password", "inge.brouwer@helder.example", "--config", DEMO_CONFIG, "--db", demo_copy, stdin=""
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "--password-stdin" in done.stderr


def test_ctrl_c_stops_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from council.cli import workspace_commands

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(workspace_commands, "show_version", interrupted)
    assert main(["version"]) == 130
    assert capsys.readouterr().err.strip() == "Stopped; nothing more was done."


def test_the_next_step_hints_keep_the_workspace_they_were_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "acme.yaml"
    config.write_text(DEMO_CONFIG.read_text(encoding="utf-8").replace("demo_data: true", "demo_data: false"))
    db = tmp_path / "acme.duckdb"
    assert main(["init", "--config", str(config), "--db", str(db)]) == 0
    assert f"recovery-code --config {config} --db {db}`" in capsys.readouterr().out
    assert main(["add-person", "Sara Jansen", "--email", "sara@acme.example", "--roles", "secretary",
                 "--config", str(config), "--db", str(db)]) == 0  # fmt: skip
    assert (
        f"Next: python -m council set-password sara@acme.example --config {config} --db {db}"
        in capsys.readouterr().out
    )
    assert main(["accounts", "--config", str(config), "--db", str(db)]) == 0
    assert f"set-password EMAIL --config {config} --db {db}`" in capsys.readouterr().out
    assert main(["version", "--config", str(config), "--db", str(tmp_path / "missing.duckdb")]) == 1
    assert (
        f"`python -m council init --config {config} --db {tmp_path / 'missing.duckdb'}` creates it"
        in capsys.readouterr().err
    )


def test_without_a_database_setting_the_database_goes_beside_the_workspace_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = yaml.safe_load(DEMO_CONFIG.read_text(encoding="utf-8"))
    del data["database"]
    config = tmp_path / "acme" / "workspace.yaml"
    config.parent.mkdir()
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # wherever the command is run from
    assert database_path(load_config(config)) == config.parent / "council.duckdb"
    assert load_config(config).backup.folder == config.parent / "backups"


def test_the_demo_refuses_a_workspace_file_whose_ids_it_cannot_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "own.yaml"
    own.write_text(
        DEMO_CONFIG.read_text(encoding="utf-8").replace("{id: letter,", "{id: post,"), encoding="utf-8"
    )
    assert main(["demo", "--config", str(own), "--db", str(tmp_path / "demo.duckdb")]) == 1
    err = capsys.readouterr().err
    assert "does not fit" in err and "channels letter" in err and "--config data/workspace.yaml" in err
    assert not (tmp_path / "demo.duckdb").exists()


def test_a_date_column_named_with_map_reads_iso_dates(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "export.csv"
    csv.write_text("When,Score\n2026-11-30,9\n2026-12-01 14:05,6\n", encoding="utf-8")
    code = main(["import-feedback", str(csv), "--source", "Export", "--map", "date=When", "--map", "score=Score",
                 "--dry-run", "--config", str(DEMO_CONFIG), "--db", str(demo_copy)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and "2 rows: 2 good, 0 with a problem" in out, out


def test_a_day_that_does_not_exist_is_told_as_such(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "survey.csv"
    csv.write_text("date,score\n31-04-2026,9\n29-02-2026,7\n2026-13-45,8\nyesterday,5\n", encoding="utf-8")
    main(["import-feedback", str(csv), "--source", "S", "--dry-run", "--date-format", "day-first",
          "--config", str(DEMO_CONFIG), "--db", str(demo_copy)])  # fmt: skip
    out = capsys.readouterr().out
    assert out.count("is not a day that exists") == 3, out  # 31 April, 29 February 2026, month 13
    assert "'yesterday'" in out or "yesterday" in out
    assert out.count("is not a date written") == 1


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["RecordedDate", "Likelihood to recommend", "Remarks", "Customer journey", "Contact channel",
          "Customer group", "Survey name", "Response number"],
         {"received_at": "RecordedDate", "score": "Likelihood to recommend", "comment": "Remarks",
          "journey_stage": "Customer journey", "channel": "Contact channel", "segment": "Customer group",
          "source": "Survey name", "response_id": "Response number"}),
        (["Ontvangstdatum", "Rapportcijfer", "Reactie", "Klantfase", "Contactwijze", "Klantgroep", "Enquêtenaam",
          "Respondentnummer"],
         {"received_at": "Ontvangstdatum", "score": "Rapportcijfer", "comment": "Reactie", "journey_stage": "Klantfase",
          "channel": "Contactwijze", "segment": "Klantgroep", "source": "Enquêtenaam", "response_id": "Respondentnummer"}),
    ],
)  # fmt: skip
def test_the_usual_english_and_dutch_header_names_are_recognised(
    headers: list[str], expected: dict[str, str]
) -> None:
    from council.domain.feedback_import import guess_columns

    assert guess_columns(headers) == expected
