"""The app as `streamlit run` starts it, on a free port, and a browser session spoken to over
Streamlit's own websocket protocol: what the benchmarks that need a real server share."""

from __future__ import annotations

import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "data" / "workspace.yaml"
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


@dataclass(frozen=True)
class RunningApp:
    process: subprocess.Popen | None  # None: an app started elsewhere
    url: str

    @property
    def stream(self) -> str:
        return self.url.replace("http", "ws", 1) + "/_stcore/stream"


@contextmanager
def running_app(
    db: Path, config: Path | None = None, startup_seconds: float = 120, root: Path = ROOT
) -> Iterator[RunningApp]:
    """The app of the tree `root` (default: this one) serving `db`, started now and stopped afterwards;
    waits until it answers its health check. It runs that tree's own code, Streamlit settings and
    workspace file (unless `config` names another)."""
    port = _free_port()
    config = config or root / "data" / "workspace.yaml"
    env = _code_of(root) | {"COUNCIL_CONFIG": str(config), "COUNCIL_DB": str(db)}
    # The app's messages go to a file, not a pipe: a chatty app would fill a pipe and stall.
    with tempfile.TemporaryFile() as errors:
        app = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=errors,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + startup_seconds
            while not _healthy(url):
                if app.poll() is not None or time.monotonic() > deadline:
                    app.kill()
                    errors.seek(0)
                    raise SystemExit(f"The app did not start:\n{errors.read().decode(errors='replace')}")
                time.sleep(0.05)
            yield RunningApp(app, url)
        finally:
            app.kill()
            app.wait(timeout=30)


def fresh_demo(db: Path, root: Path = ROOT) -> Path:
    """A new copy of the demo workspace at `db`, built by the code of the tree `root` (another commit
    may have another schema and demo) before any clock starts."""
    build = "import sys; from council.services.workspace import open_workspace; open_workspace(*sys.argv[1:]).db.close()"
    subprocess.run([sys.executable, "-c", build, str(root / "data" / "workspace.yaml"), str(db)],
                   cwd=root, env=_code_of(root), check=True)  # fmt: skip
    return db


def _code_of(root: Path) -> dict[str, str]:
    """The environment that runs the package of the tree `root`: its folder comes first on the path, before
    the package installed (in editable mode) from this tree."""
    path = [str(root), *filter(None, [os.environ.get("PYTHONPATH")])]
    return os.environ | {"PYTHONPATH": os.pathsep.join(path)}


async def open_pages(app: RunningApp, pages: list[tuple[str, str]]) -> list[tuple[float, bool]]:
    """One browser session opening each (page name, query string) in turn: per page, the seconds its
    run took and whether it finished cleanly (no exception shown)."""
    found = []
    async with websockets.connect(
        app.stream, subprotocols=["streamlit"], origin=app.url, max_size=None
    ) as ws:
        for page, query in pages:
            msg = BackMsg()
            msg.rerun_script.page_name = page
            msg.rerun_script.query_string = query
            started = time.perf_counter()
            await ws.send(msg.SerializeToString())
            clean = True
            while True:
                reply = ForwardMsg()
                reply.ParseFromString(await ws.recv())
                kind = reply.WhichOneof("type")
                if kind == "delta" and reply.delta.new_element.WhichOneof("type") == "exception":
                    clean = False
                if kind == "script_finished":
                    break
            found.append((time.perf_counter() - started, clean and reply.script_finished == FINISHED))
    return found


def spread(seconds: list[float]) -> tuple[float, float, float]:
    """The median, the 95th percentile and the largest of some times."""
    times = sorted(seconds)
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], times[-1]


def machine() -> str:
    """The machine a benchmark ran on, for its header."""
    return f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}"


def memory_mib(pid: int) -> tuple[float, float]:
    """A process's resident memory now and at its peak, in MiB (Linux)."""
    status = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
    )
    return tuple(int(status[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))  # type: ignore[return-value]


def _healthy(url: str) -> bool:
    try:
        return urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok"
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
