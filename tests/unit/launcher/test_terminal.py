"""`make run`'s terminal lines: what a log line becomes, what is left out, and that neither a slow nor a broken
terminal ever holds up a process or its log file."""

import io
import os
import re
import threading
import time

import orjson
import pytest

from launcher.terminal import Terminal, pump, render

CLOCK = r"\d\d:\d\d:\d\d"


def line(**fields) -> bytes:
    record = {"at": "2026-03-02T04:03:04.123Z", "level": "INFO", "logger": "kuaiban.test", "message": "", **fields}
    return orjson.dumps({**record, "component": "finance", "request_id": fields.get("request_id", "")}) + b"\n"


def access(path: str = "/finance/needs", status: int = 201, **fields) -> bytes:
    return line(
        logger="kuaiban.access",
        message=f"POST {path} {status}",
        request_id="1f2e3d4c5b6a79880123456789abcdef",
        method="POST",
        path=path,
        status=status,
        duration_ms=12.34,
        **{"user": "qiye-1", "role": "enterprise", "client": "127.0.0.1", **fields},
    )


def test_an_access_line_is_one_short_line_with_the_caller():
    shown = render("finance", access())
    assert re.fullmatch(
        rf"{CLOCK} finance  POST /finance/needs 201 12\.3 ms  req=1f2e3d4c…  user=qiye-1 \(enterprise\)", shown
    )


def test_an_unauthenticated_request_names_no_user():
    shown = render("gateway", access(status=401, user=None, role=None))
    assert shown.endswith("401 12.3 ms  req=1f2e3d4c…") and "user" not in shown


def test_the_clock_is_local_time():
    shown = render("finance", access())
    local = time.strftime("%H:%M:%S", time.localtime(1772424184.123))  # 2026-03-02T04:03:04Z
    assert shown.startswith(local + " ")


def test_successful_probes_stay_in_the_files_only():
    assert render("intake", access("/healthz", 200)) is None
    assert render("intake", access("/readyz", 200)) is None
    assert "POST /readyz 503" in render("intake", access("/readyz", 503))  # a failing probe is news
    assert "/healthz 200" in render("intake", access("/healthz", 200), everything=True)


def test_warnings_and_errors_show_with_their_level_and_request():
    shown = render(
        "approval", line(level="WARNING", logger="kuaiban.sweep", message="sweep: 3 tasks overdue", request_id="abc")
    )
    assert re.fullmatch(rf"{CLOCK} approval WARNING sweep: 3 tasks overdue  req=abc", shown)
    failed = line(
        level="ERROR",
        message="Exception in ASGI application",
        exc_info="Traceback (most recent call last):\n  ...\nValueError: boom\n",
    )
    assert render("intake", failed).endswith("intake   ERROR Exception in ASGI application (ValueError: boom)")


def test_a_long_message_is_cut_on_the_terminal():
    shown = render("gateway", line(level="WARNING", message="x" * 1000))
    assert shown.endswith("WARNING " + "x" * 239 + "…")


def test_start_and_stop_lines_show_and_other_info_does_not():
    running = line(logger="uvicorn.error", message="Uvicorn running on http://127.0.0.1:8001 (Press CTRL+C to quit)")
    assert re.fullmatch(rf"{CLOCK} intake   Uvicorn running on http://127\.0\.0\.1:8001", render("intake", running))
    assert "Finished server process [42]" in render("intake", line(message="Finished server process [42]"))
    quiet = line(message="Waiting for application startup.")
    assert render("intake", quiet) is None
    assert render("intake", quiet, everything=True).endswith("intake   INFO Waiting for application startup.")


def test_odd_records_still_render():
    assert render("intake", orjson.dumps({"message": "hi", "request_id": 7}), everything=True).endswith(" hi  req=7")
    assert render("intake", orjson.dumps({"level": "NOISY", "message": "x"})) is None
    assert render("intake", b"[1, 2]\n").endswith("intake   [1, 2]")


def test_what_is_not_json_shows_as_printed():
    assert re.fullmatch(
        rf"{CLOCK} finance  Traceback \(most recent call last\):",
        render("finance", b"Traceback (most recent call last):\n"),
    )
    assert render("finance", b"\n") is None


def test_nothing_a_caller_sends_reaches_the_terminal_as_a_control_sequence():
    shown = render("gateway", access("/x\x1b]0;owned\x07\x1b[2J", 404))
    assert "\x1b" not in shown and "\x07" not in shown and "\\x07" in shown


def test_colours_only_when_asked():
    assert "\x1b" not in render("finance", access())
    coloured = render("finance", access(), colour=True)
    assert "\x1b[32m201\x1b[0m" in coloured
    assert "\x1b[31m500\x1b[0m" in render("finance", access(status=500), colour=True)


def test_the_setting_turns_it_off_or_shows_everything():
    assert Terminal.from_env({"KUAIBAN_TERMINAL_LOG": "off"}) is None
    every = Terminal.from_env({"KUAIBAN_TERMINAL_LOG": "all"}, io.StringIO())
    assert every.everything and not every.colour  # not a TTY: plain lines
    default = Terminal.from_env({}, io.StringIO())
    assert not default.everything and not default.colour
    for terminal in (every, default):
        terminal.close()
    with pytest.raises(ValueError, match="KUAIBAN_TERMINAL_LOG must be on, all or off"):
        Terminal.from_env({"KUAIBAN_TERMINAL_LOG": "of"})


class StuckStream(io.StringIO):
    """A terminal that stops taking output until released (a paused terminal, a reader that went away)."""

    def __init__(self) -> None:
        super().__init__()
        self.released = threading.Event()

    def write(self, text: str) -> int:
        self.released.wait()
        return super().write(text)


def test_a_stuck_terminal_drops_lines_instead_of_waiting_and_says_so():
    stream = StuckStream()
    terminal = Terminal(stream, capacity=10)
    started = time.monotonic()
    for _ in range(100):
        terminal.show("finance", access())
    terminal.say("Kuaiban is running.")
    for _ in range(5):
        terminal.show("finance", access())
    assert time.monotonic() - started < 1, "neither the processes' lines nor the launcher's wait for the terminal"
    stream.released.set()
    terminal.close()
    shown = stream.getvalue().splitlines()
    assert "Kuaiban is running." in shown, "the launcher's own lines are never dropped"
    notices = [text for text in shown if text.startswith("... ") and "log line(s) not shown" in text]
    assert notices and sum(int(text.split()[1]) for text in notices) == 105 - sum("POST /finance" in t for t in shown)
    assert 10 <= sum("POST /finance/needs" in text for text in shown) <= 11  # the queue's capacity, one being written


class BrokenStream(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError("the terminal went away")


def pumped(terminal: Terminal, lines: list[bytes], tmp_path) -> bytes:
    """Lines written by a 'child' into a pipe, pumped into a file; the file's bytes (fails if the child blocks)."""
    read_end, write_end = os.pipe()
    path = tmp_path / "finance-8003.log"
    reader = threading.Thread(
        target=pump,
        args=(os.fdopen(read_end, "rb"), open(path, "ab", buffering=0), "finance", terminal),  # noqa: SIM115 (the pump's)
    )
    reader.start()
    with os.fdopen(write_end, "wb") as child:
        for raw in lines:
            child.write(raw)
    reader.join(10)
    assert not reader.is_alive()
    return path.read_bytes()


def test_a_child_never_blocks_on_a_stuck_terminal_and_its_file_gets_every_line(tmp_path):
    stream = StuckStream()
    terminal = Terminal(stream, capacity=10)
    lines = [access(path=f"/finance/needs/{number}") for number in range(5000)]  # far more than a pipe holds
    assert pumped(terminal, lines, tmp_path) == b"".join(lines)
    stream.released.set()
    terminal.close()


def test_a_broken_terminal_is_given_up_and_the_file_goes_on(tmp_path):
    terminal = Terminal(BrokenStream())
    terminal.show("finance", access())
    deadline = time.monotonic() + 5
    while not terminal.broken and time.monotonic() < deadline:
        time.sleep(0.01)
    assert terminal.broken
    lines = [access(), b"not json\n", access(status=500)]
    assert pumped(terminal, lines, tmp_path) == b"".join(lines)
    terminal.close()


def test_pumped_lines_reach_the_terminal_in_order(tmp_path):
    stream = io.StringIO()
    terminal = Terminal(stream)
    lines = [
        line(logger="uvicorn.error", message="Uvicorn running on http://127.0.0.1:8003"),
        access(),
        access("/healthz", 200),
    ]
    assert pumped(terminal, lines, tmp_path) == b"".join(lines)
    terminal.say("stopped.")
    terminal.close()
    shown = stream.getvalue().splitlines()
    assert re.fullmatch(rf"{CLOCK} finance  Uvicorn running on http://127\.0\.0\.1:8003", shown[0])
    assert re.fullmatch(rf"{CLOCK} finance  POST /finance/needs 201 .*", shown[1])
    assert shown[2:] == ["stopped."], "the successful probe stays in the file"
