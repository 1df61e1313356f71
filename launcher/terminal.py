"""What `make run` shows on the terminal: one short line per request and per notable event of every process.

Each service process writes its JSON log lines into a pipe. `pump`, a thread per process, appends every line to
that process's log file whole and unchanged (the files stay as complete as before), then hands a short human
rendering to the `Terminal`, whose own thread writes them. The file never waits for the terminal: when the
terminal falls behind (a slow or paused one), lines meant for it are dropped and counted, so a child never blocks
on a full pipe; when writing to it fails, it is given up and the files go on.

Shown: every access line, except successful probes (`/healthz`, `/livez`, `/readyz`, `/metrics`); every record at
WARNING or above; uvicorn's start and stop lines; anything a process printed that is not a JSON line (a traceback
from before logging was set up). `KUAIBAN_TERMINAL_LOG=all` shows every line, `off` none.
"""

import contextlib
import logging
import queue
import re
import sys
import threading
import time
from collections.abc import Mapping
from datetime import datetime
from typing import BinaryIO, TextIO

import orjson

from services.common.logs import strip_ansi

TERMINAL_LOG = "KUAIBAN_TERMINAL_LOG"
MODES = {"on": "on", "1": "on", "true": "on", "yes": "on", "all": "all", "off": "off", "0": "off", "false": "off"}
PROBES = frozenset({"/healthz", "/livez", "/readyz", "/metrics"})
STARTS_AND_STOPS = (
    "Uvicorn running on",
    "Started parent process",
    "Child process",
    "Stopping parent process",
    "Finished server process",
)
LABEL_WIDTH = 8  # "approval"
MESSAGE_WIDTH = 240  # a longer message is cut on the terminal (the file has it whole)

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # a path or message could carry escapes meant for the terminal
_RESET, _DIM, _RED, _GREEN, _YELLOW, _CYAN = "\x1b[0m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[36m"


def _clean(value: object) -> str:
    return _UNPRINTABLE.sub(lambda match: f"\\x{ord(match.group()):02x}", strip_ansi(str(value)))


def _paint(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def _status_colour(status: object) -> str:
    if not isinstance(status, int) or status >= 500:
        return _RED
    return _YELLOW if status >= 400 else _CYAN if status >= 300 else _GREEN


def _clock(at: object) -> str:
    """The record's time as local HH:MM:SS (its `at` is UTC); now, for a line without one."""
    if isinstance(at, str):
        with contextlib.suppress(ValueError):
            return datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone().strftime("%H:%M:%S")
    return time.strftime("%H:%M:%S")


def _duration(ms: object) -> str:
    if not isinstance(ms, int | float):
        return "?"
    return f"{ms:.1f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def _short_id(request_id: str) -> str:
    return request_id if len(request_id) <= 12 else request_id[:8] + "…"


def _cut(text: str) -> str:
    return text if len(text) <= MESSAGE_WIDTH else text[: MESSAGE_WIDTH - 1] + "…"


def _last_line(text: object) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[-1] if lines else ""


def render(label: str, raw: bytes, *, everything: bool = False, colour: bool = False) -> str | None:
    """The terminal line of one log line of process `label`, or None when it is not for the terminal."""
    text = raw.decode("utf-8", "replace").rstrip("\r\n")
    if not text.strip():
        return None
    try:
        record = orjson.loads(text)
    except orjson.JSONDecodeError:
        record = None
    head = f"{label:<{LABEL_WIDTH}}"
    if not isinstance(record, dict):  # printed outside logging: a crash before logging was set up, say
        return f"{_paint(time.strftime('%H:%M:%S'), _DIM, colour)} {head} {_cut(_clean(text))}"
    clock = _paint(_clock(record.get("at")), _DIM, colour)
    request_id = record.get("request_id")
    tail = f"  {_paint('req=' + _clean(_short_id(str(request_id))), _DIM, colour)}" if request_id else ""
    if record.get("logger") == "kuaiban.access" and "status" in record:
        status, path = record.get("status"), record.get("path")
        if not everything and path in PROBES and isinstance(status, int) and status < 400:
            return None
        said = f"{_clean(record.get('method'))} {_clean(path)} {_paint(_clean(status), _status_colour(status), colour)}"
        who = ""
        if user := record.get("user"):
            who = f"  user={_clean(user)}" + (f" ({_clean(record['role'])})" if record.get("role") else "")
        return f"{clock} {head} {said} {_duration(record.get('duration_ms'))}{tail}{who}"
    level = str(record.get("level", ""))
    number = logging.getLevelName(level)
    message = str(record.get("message", ""))
    notable = isinstance(number, int) and number >= logging.WARNING
    if not (notable or everything or message.startswith(STARTS_AND_STOPS)):
        return None
    message = _cut(_clean(message.removesuffix(" (Press CTRL+C to quit)")))  # the launcher takes Ctrl-C
    if record.get("exc_info"):
        message += f" ({_cut(_clean(_last_line(record['exc_info'])))})"
    if notable:
        message = f"{_paint(_clean(level), _RED if number >= logging.ERROR else _YELLOW, colour)} {message}"
    elif everything:
        message = f"{_clean(level)} {message}"
    return f"{clock} {head} {message}{tail}"


class Terminal:
    """Writes lines to `stream` from a thread of its own, so no process's log waits for it.

    At most `capacity` of the processes' lines wait for it; past that they are dropped (and counted). The launcher's
    own lines (URLs, the login, stopping) are never dropped and never wait."""

    def __init__(self, stream: TextIO, *, everything: bool = False, colour: bool = False, capacity: int = 10_000):
        self.stream = stream
        self.everything = everything
        self.colour = colour
        self.broken = False  # writing failed once: the terminal is given up, the files go on
        self.capacity = capacity
        self._lines: queue.SimpleQueue[tuple[str, bool] | None] = queue.SimpleQueue()
        self._waiting = 0  # the processes' lines in `_lines`
        self._dropped = 0
        self._lock = threading.Lock()
        self._writer = threading.Thread(target=self._write, name="terminal", daemon=True)
        self._writer.start()

    @classmethod
    def from_env(cls, env: Mapping[str, str], stream: TextIO | None = None) -> "Terminal | None":
        """As `KUAIBAN_TERMINAL_LOG` says (on, all or off); colours only on a TTY, and never with NO_COLOR."""
        value = env.get(TERMINAL_LOG) or "on"
        mode = MODES.get(value.strip().lower())
        if mode is None:
            raise ValueError(f"{TERMINAL_LOG} must be on, all or off, not {value!r}")
        if mode == "off":
            return None
        stream = stream or sys.stdout
        tty = False
        with contextlib.suppress(AttributeError, ValueError, OSError):
            tty = stream.isatty()
        colour = tty and not env.get("NO_COLOR") and env.get("TERM") != "dumb"
        return cls(stream, everything=mode == "all", colour=colour)

    def show(self, label: str, raw: bytes) -> None:
        """Offer one raw log line of process `label`; dropped, not waited for, when the terminal is behind."""
        if self.broken:
            return
        try:
            line = render(label, raw, everything=self.everything, colour=self.colour)
        except Exception:  # a rendering bug must not stop the pump, which writes the file
            line = f"{label:<{LABEL_WIDTH}} {_clean(raw.decode('utf-8', 'replace').rstrip())}"
        if line is None:
            return
        with self._lock:
            if self._waiting >= self.capacity:
                self._dropped += 1
                return
            self._waiting += 1
        self._lines.put((line, True))

    def say(self, text: str) -> None:
        """The launcher's own lines (URLs, login, stopping), in order with the rest."""
        if not self.broken:
            self._lines.put((text, False))

    def close(self, timeout: float = 3.0) -> None:
        """Write what is queued, then stop the writer (given up after `timeout` s on a stuck terminal)."""
        self._lines.put(None)
        self._writer.join(timeout)

    def _write(self) -> None:
        while True:
            item = self._lines.get()
            with self._lock:
                if item is not None and item[1]:
                    self._waiting -= 1
                dropped, self._dropped = self._dropped, 0
            if self.broken:
                if item is None:
                    return
                continue  # drained all the same, so a dead terminal holds no memory
            try:
                if dropped:
                    self._put(f"... {dropped} log line(s) not shown: the terminal fell behind (see the log files)")
                if item is None:
                    self.stream.flush()
                    return
                self._put(item[0])
                if self._lines.empty():
                    self.stream.flush()
            except (OSError, ValueError):  # closed, a broken pipe: the files keep everything
                self.broken = True
                if item is None:
                    return

    def _put(self, line: str) -> None:
        try:
            self.stream.write(line + "\n")
        except UnicodeEncodeError:  # a terminal that cannot show Chinese, say: escaped rather than lost
            self.stream.write(line.encode("ascii", "backslashreplace").decode("ascii") + "\n")


def pump(pipe: BinaryIO, file: BinaryIO, label: str, terminal: Terminal) -> None:
    """Until the process and its workers close `pipe`: each line appended to `file` (unbuffered, owned here) as it
    came, then offered to the terminal. Reading goes on whatever happens to either, so the writer never blocks."""
    failed = False
    with pipe, file:
        for raw in iter(pipe.readline, b""):
            try:
                file.write(raw)
            except OSError as exc:  # a full disk: the terminal still shows what it can
                if not failed:
                    terminal.say(f"launcher: cannot write {file.name}: {exc}")
                failed = True
            terminal.show(label, raw)
