"""The command line speaks the workspace's language once it has read the workspace file; before that (its help,
a file it cannot read) the language the environment asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from council.cli import main
from council.i18n import current_language
from tests.conftest import DEMO_CONFIG

# Slow: runs the command line in processes of its own.
pytestmark = pytest.mark.slow


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNCIL_DB", raising=False)
    monkeypatch.delenv("COUNCIL_CONFIG", raising=False)


def _workspace_file(tmp_path: Path, language: str) -> Path:
    config = tmp_path / "workspace.yaml"
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    config.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: {language}\n"), encoding="utf-8")
    return config


def test_a_dutch_workspace_is_answered_in_dutch(
    dutch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config, db = _workspace_file(tmp_path, "nl"), tmp_path / "council.duckdb"
    assert main(["init", "--config", str(config), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"{db} gemaakt (schemaversie" in out and "Herstelcode: " in out
    assert main(["version", "--config", str(config), "--db", str(db)]) == 0
    assert "(deze app kent versies tot en met" in capsys.readouterr().out
    assert main(["backup", "--config", str(config), "--db", str(tmp_path / "none.duckdb")]) == 1
    assert capsys.readouterr().err.startswith("fout: ") and current_language() == "en"  # the caller's, after


def test_an_english_workspace_is_answered_in_english_whatever_the_environment(
    dutch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    config, db = _workspace_file(tmp_path, "en"), tmp_path / "council.duckdb"
    assert main(["init", "--config", str(config), "--db", str(db)]) == 0
    assert f"Created {db} (schema version" in capsys.readouterr().out


def test_before_the_workspace_file_is_read_the_environment_chooses(
    dutch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    missing = tmp_path / "nowhere.yaml"
    assert main(["version", "--config", str(missing)]) == 1
    assert capsys.readouterr().err.startswith(f"fout: {missing}: bestand niet gevonden.")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "een lege werkruimte maken" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["version", "--config", str(missing)]) == 1
    assert capsys.readouterr().err.startswith(f"error: {missing}: file not found.")
