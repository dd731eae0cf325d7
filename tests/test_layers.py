"""The layer rules of DESIGN.md, checked by tools rather than by memory."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SQL = re.compile(
    r"\.execute\(|import duckdb|\bselect\b.+\bfrom\b|\binsert into\b|\bdelete from\b|\bupdate \w+ set\b", re.I
)


def test_import_contracts_hold() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_no_page_contains_sql() -> None:
    ui_files = [ROOT / "streamlit_app.py", *sorted((ROOT / "app_pages").glob("*.py"))]
    offenders = [f.name for f in ui_files if SQL.search(f.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_page_renders_html_unescaped() -> None:
    files = [ROOT / "streamlit_app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "council").rglob("*.py")]
    assert [f.name for f in files if "unsafe_allow_html" in f.read_text(encoding="utf-8")] == []
