"""The deployment files work: the systemd unit's command and the container's start script start an app that
answers its health check and stops cleanly; the Dockerfile builds where Docker runs."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from council.services.operator_link import link_file
from tests.conftest import DEMO_CONFIG, ROOT
from tests.mail_inbox import free_port

# Slow: starts the app as a service would.
pytestmark = pytest.mark.slow

UNIT = ROOT / "deploy" / "cx-council.service"


def _unit() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def _healthy(url: str, app: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert app.poll() is None, app.communicate()[1][-2000:]
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().decode().strip() == "ok":
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail("the app did not answer its health check")


def _stops_cleanly(app: subprocess.Popen, database: Path) -> None:
    app.send_signal(signal.SIGTERM)  # as systemd and docker stop it
    app.wait(timeout=30)
    assert not link_file(database).exists()  # it closed down in order: its key for the command line is gone


def test_the_systemd_units_command_starts_the_app_as_a_service(tmp_path: Path) -> None:
    unit = _unit()
    assert unit["User"] == ["council"] and "network-online.target" in unit["After"][0]
    config = tmp_path / "workspace.yaml"
    shutil.copy(DEMO_CONFIG, config)
    env_lines = dict(e.split("=", 1) for e in unit["Environment"])
    assert env_lines["COUNCIL_CONFIG"].endswith("workspace.yaml")
    words = shlex.split(unit["ExecStart"][0])
    assert words[0].endswith("/.venv/bin/streamlit") and words[1:3] == ["run", "app.py"]
    port = free_port()
    command = [sys.executable, "-m", "streamlit", *[str(port) if w == "8501" else w for w in words[1:]]]
    env = {**os.environ, **env_lines, "COUNCIL_CONFIG": str(config)}
    app = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        _healthy(f"http://127.0.0.1:{port}", app)
        _stops_cleanly(app, tmp_path / "council.duckdb")
    finally:
        app.kill()


def test_the_containers_start_script_makes_a_first_workspace_file_and_starts_the_app(tmp_path: Path) -> None:
    config = tmp_path / "workspace.yaml"
    port = free_port()
    env = {**os.environ, "COUNCIL_CONFIG": str(config), "COUNCIL_EXAMPLE_CONFIG": str(DEMO_CONFIG),
           "COUNCIL_PORT": str(port), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}  # fmt: skip
    app = subprocess.Popen([str(ROOT / "deploy" / "container-start.sh")], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        _healthy(f"http://127.0.0.1:{port}", app)
        written = config.read_text(encoding="utf-8")
        assert "sign_in: accounts" in written and "demo_data: false" in written
        _stops_cleanly(app, tmp_path / "council.duckdb")
    finally:
        app.kill()


def test_the_dockerfile_builds_and_its_container_answers(tmp_path: Path) -> None:
    if (
        shutil.which("docker") is None
        or subprocess.run(["docker", "info"], capture_output=True).returncode != 0
    ):
        pytest.skip("no Docker daemon on this machine (`docker info` fails): the image cannot be built here")
    tag = "cx-council-test"
    subprocess.run(["docker", "build", "-t", tag, "."], cwd=ROOT, check=True, timeout=900)
    port = free_port()
    started = subprocess.run(["docker", "run", "-d", "-p", f"127.0.0.1:{port}:8501", tag],
                             capture_output=True, text=True, check=True)  # fmt: skip
    container = started.stdout.strip()
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                    assert answer.read().decode().strip() == "ok"
                    break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("the container did not answer its health check")
        user = subprocess.run(["docker", "exec", container, "id", "-u"], capture_output=True, text=True)
        assert user.stdout.strip() == "10001"  # not root
    finally:
        subprocess.run(["docker", "rm", "-f", container], capture_output=True)
