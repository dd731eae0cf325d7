"""Benchmark: many people using the app at once. N browser sessions (Streamlit's own websocket
protocol, as the browser speaks it) each open every main page in turn, all at the same time; the
table shows how long a page takes to finish its run, for N = 1, 10 and 30.

    python bench/sessions.py [--url http://127.0.0.1:8501] [--sessions 1,10,30]

Without --url it starts the app itself on a fresh copy of the demo workspace (demo mode, where
each session acts as the secretary) and stops it afterwards. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "data" / "workspace.yaml"
PAGES = ("overview", "friction_points", "missing_connections", "blockers", "meetings", "decisions",
         "customer_voice", "council")  # fmt: skip
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


@dataclass
class Round:
    """The page runs of one round: seconds each took, and those that did not finish cleanly."""

    seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


async def _session(ws_url: str, origin: str, pages: tuple[str, ...], found: Round) -> None:
    async with websockets.connect(ws_url, subprotocols=["streamlit"], origin=origin, max_size=None) as ws:
        for page in pages:
            msg = BackMsg()
            msg.rerun_script.page_name = page
            msg.rerun_script.query_string = ""
            started = time.perf_counter()
            await ws.send(msg.SerializeToString())
            exception = False
            while True:
                reply = ForwardMsg()
                reply.ParseFromString(await ws.recv())
                kind = reply.WhichOneof("type")
                if kind == "delta" and reply.delta.new_element.WhichOneof("type") == "exception":
                    exception = True
                if kind == "script_finished":
                    break
            found.seconds.append(time.perf_counter() - started)
            if exception or reply.script_finished != FINISHED:
                found.failures.append(page)


async def _round(url: str, sessions: int) -> Round:
    found = Round()
    ws_url = url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
    # Each session starts on another page, so that the pages are not all opened in the same order.
    orders = [PAGES[n % len(PAGES) :] + PAGES[: n % len(PAGES)] for n in range(sessions)]
    await asyncio.gather(*(_session(ws_url, url, order, found) for order in orders))
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_app(folder: Path) -> tuple[subprocess.Popen, str]:
    from council.services.workspace import open_workspace  # only here: --url needs none of the app

    db = folder / "council.duckdb"
    open_workspace(CONFIG, db).db.close()  # the demo, built before the clock starts
    port = _free_port()
    env = os.environ | {"COUNCIL_CONFIG": str(CONFIG), "COUNCIL_DB": str(db)}
    app = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return app, url
        except OSError:
            time.sleep(0.5)
    app.kill()
    raise SystemExit(f"The app did not start:\n{app.stderr.read().decode()}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (default: start one on a copy of the demo)")
    parser.add_argument("--sessions", default="1,10,30", help="how many sessions at once, per round")
    args = parser.parse_args()
    rounds = [int(n) for n in args.sessions.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        app, url = (None, args.url) if args.url else _start_app(Path(folder))
        try:
            asyncio.run(_round(url, 1))  # warm-up: caches and imports, not counted
            print(f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}; "
                  f"{len(PAGES)} pages per session: {', '.join(PAGES)}")  # fmt: skip
            print(f"{'sessions':>8} | {'page runs':>9} | {'median ms':>9} | {'p95 ms':>7} | {'max ms':>7} | "
                  f"{'runs/s':>6} | failed")  # fmt: skip
            for sessions in rounds:
                started = time.perf_counter()
                found = asyncio.run(_round(url, sessions))
                took = time.perf_counter() - started
                times = sorted(found.seconds)
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                print(f"{sessions:>8} | {len(times):>9} | {_ms(statistics.median(times)):>9} | {_ms(p95):>7} | "
                      f"{_ms(times[-1]):>7} | {len(times) / took:>6.1f} | {len(found.failures)}")  # fmt: skip
        finally:
            if app is not None:
                app.kill()
                app.wait(timeout=30)


if __name__ == "__main__":
    main()
