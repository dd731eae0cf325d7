"""The app as `streamlit run` starts it, on a free port, and a browser session spoken to over
Streamlit's own websocket protocol: what the benchmarks that need a real server share.

A session opens pages and presses the widgets on them as the browser does: every run is a BackMsg
`rerun_script` with the page, its query string and the values of the widgets on screen
(`widget_states`; a pressed button's `trigger_value`), answered by the ForwardMsgs that draw the
page, the last of them `script_finished`."""

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
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "data" / "workspace.yaml"
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
# A run that ends so that another starts at once (the page called st.rerun()).
RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


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


@dataclass(frozen=True)
class Run:
    """One run of a page as the browser receives it."""

    seconds: float  # from sending the request to the run's end
    clean: bool  # it finished, with no exception shown
    elements: list[Element]

    def widgets(self) -> Iterator[Any]:
        """The widgets on the page (their protos: id, label, options, value…)."""
        for element in self.elements:
            proto = getattr(element, element.WhichOneof("type") or "empty")
            if "label" in proto.DESCRIPTOR.fields_by_name and getattr(proto, "id", ""):
                yield proto

    def widget(self, label: str) -> Any:
        """The widget with this label; stops the benchmark if the page has none."""
        found = next((w for w in self.widgets() if w.label == label), None)
        if found is None:
            raise SystemExit(
                f"No widget labelled {label!r} on the page; it has {[w.label for w in self.widgets()]}"
            )
        return found

    def shows(self, words: str) -> bool:
        """Whether the page shows `words` in a text, Markdown or message (read as written: Markdown's
        escapes taken out)."""
        kinds = ("markdown", "text", "alert", "heading")
        bodies = (getattr(e, kind).body for e in self.elements if (kind := e.WhichOneof("type")) in kinds)
        return any(words in body.replace("\\", "") for body in bodies)

    def alerts(self, kind: Alert.Format.ValueType) -> int:
        """How many messages of this kind (Alert.SUCCESS, Alert.ERROR…) the page shows."""
        return sum(1 for e in self.elements if e.WhichOneof("type") == "alert" and e.alert.format == kind)


class Session:
    """One browser session on the app. Like the browser, it sends the values it gave widgets with every
    run, for as long as those widgets are on the page; a pressed button is sent once."""

    def __init__(self, ws: websockets.ClientConnection) -> None:
        self._ws = ws
        self._values: dict[str, WidgetState] = {}
        # Fragments that ask to be rerun by themselves: their id, and every how many seconds.
        self.refreshing: dict[str, float] = {}

    async def open(
        self, page: str, query: str = "", typed: Mapping[str, str] | None = None, press: str | None = None
    ) -> Run:
        """Run `page` with `query`, after typing `typed` (widget id: the text of a text box, or the
        option a select box shows, as written) and pressing the button `press` (a widget id)."""
        self._values |= {wid: WidgetState(id=wid, string_value=text) for wid, text in (typed or {}).items()}
        msg = self._rerun(page, query)
        if press:
            msg.rerun_script.widget_states.widgets.add(id=press, trigger_value=True)
        run = await self._run(msg)
        on_page = {w.id for w in run.widgets()}
        self._values = {wid: v for wid, v in self._values.items() if wid in on_page}
        return run

    async def refresh(self, page: str, query: str, fragment: str) -> Run:
        """What the browser does for a fragment that refreshes itself: rerun that part of `page` alone."""
        msg = self._rerun(page, query)
        msg.rerun_script.fragment_id = fragment
        msg.rerun_script.is_auto_rerun = True
        return await self._run(msg)

    def _rerun(self, page: str, query: str) -> BackMsg:
        """A run of `page` with `query`, carrying the values this session gave its widgets."""
        msg = BackMsg()
        msg.rerun_script.page_name = page
        msg.rerun_script.query_string = query
        msg.rerun_script.widget_states.widgets.extend(self._values.values())
        return msg

    async def _run(self, msg: BackMsg) -> Run:
        started = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        elements: list[Element] = []
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await self._ws.recv())
            kind = reply.WhichOneof("type")
            if kind == "new_session":  # a run starts (again, after st.rerun): the page is drawn afresh
                elements = []
            elif kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                elements.append(reply.delta.new_element)
            elif kind == "auto_rerun":
                self.refreshing[reply.auto_rerun.fragment_id] = reply.auto_rerun.interval
            elif kind == "script_finished" and reply.script_finished != RERUN:
                break
        clean = reply.script_finished == FINISHED and all(
            e.WhichOneof("type") != "exception" for e in elements
        )
        return Run(time.perf_counter() - started, clean, elements)


@asynccontextmanager
async def session(app: RunningApp) -> AsyncIterator[Session]:
    """A browser session on `app`, over Streamlit's websocket, closed afterwards."""
    async with websockets.connect(
        app.stream, subprotocols=["streamlit"], origin=app.url, max_size=None
    ) as ws:
        yield Session(ws)


async def open_pages(app: RunningApp, pages: list[tuple[str, str]]) -> list[tuple[float, bool]]:
    """One browser session opening each (page name, query string) in turn: per page, the seconds its
    run took and whether it finished cleanly (no exception shown)."""
    found = []
    async with session(app) as browser:
        for page, query in pages:
            run = await browser.open(page, query)
            found.append((run.seconds, run.clean))
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


def cpu_seconds(pid: int) -> float:
    """The processor time a process has used so far, its own and the system's for it (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime


def _healthy(url: str) -> bool:
    try:
        return urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok"
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
