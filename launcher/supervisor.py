"""`make run` keeps the system up: a process that dies is restarted with backoff, a crash loop stops all.

Hand-written rather than supervisord or circus: those restart at once (supervisord) or need ZeroMQ and a
daemon of their own (circus), neither watches a PostgreSQL that `pg_ctl` started in the background, and
neither gives the "N crashes of one process in W seconds: stop everything" rule without plugins. What is
needed is a small loop: `RestartPolicy` (pure, unit-tested) decides, `Supervisor` applies it.
"""

import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, TextIO


class CrashLoop(RuntimeError):
    """One process crashed too often in too short a time: restarting it again would not help."""


@dataclass(frozen=True)
class RestartPolicy:
    """Backoff `first` s doubling to `longest` s; the `limit`-th crash of one process within `window` s ends it."""

    first: float = 0.5
    longest: float = 10.0
    limit: int = 5
    window: float = 60.0

    def delay(self, recent_crashes: int) -> float:
        """The wait before restarting a process that crashed `recent_crashes` times within the window."""
        return min(self.longest, self.first * 2 ** max(0, recent_crashes - 1))


@dataclass
class CrashHistory:
    """When one process crashed, kept for the policy's window."""

    policy: RestartPolicy
    times: deque[float] = field(default_factory=deque)

    def record(self, now: float) -> float:
        """Note a crash at `now`; the backoff before the restart, or CrashLoop at the policy's limit."""
        self.times.append(now)
        while self.times and self.times[0] <= now - self.policy.window:
            self.times.popleft()
        if len(self.times) >= self.policy.limit:
            raise CrashLoop(f"{len(self.times)} crashes within {self.policy.window:g} s")
        return self.policy.delay(len(self.times))


class Child(Protocol):
    """One supervised process: a service, the gateway or the embedded PostgreSQL."""

    name: str

    def exit_status(self) -> str | None:
        """None while it runs; once it is gone, how it ended (e.g. "exit code -9 (SIGKILL)")."""

    def restart(self) -> None:
        """Start it again (raises if that fails: it counts as one more crash)."""


@dataclass
class _Watch:
    child: Child
    history: CrashHistory
    restart_at: float | None = None


class Supervisor:
    """Restarts children that die, with the policy's backoff; `run` returns when asked to stop."""

    def __init__(
        self,
        children: list[Child],
        policy: RestartPolicy | None = None,
        *,
        log: TextIO = sys.stderr,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy = policy or RestartPolicy()
        self._watches = [_Watch(child, CrashHistory(policy)) for child in children]
        self._log = log
        self._clock = clock
        self._sleep = sleep
        self.stopping = False  # a plain flag: signal handlers set it (an Event could deadlock there)

    def check(self) -> None:
        """One round: notice deaths, restart those whose backoff is over; CrashLoop ends supervision."""
        now = self._clock()
        for watch in self._watches:
            if self.stopping:  # Ctrl-C reaches the children too: their exits then are no crashes
                return
            if watch.restart_at is None:
                status = watch.child.exit_status()
                if status is not None:
                    self._crashed(watch, status, now)
            elif now >= watch.restart_at:
                watch.restart_at = None
                try:
                    watch.child.restart()
                except Exception as exc:  # a start that fails is one more crash, with the next backoff
                    self._crashed(watch, f"failed to start ({exc})", now)
                else:
                    self._say(f"supervisor: {watch.child.name} restarted")

    def run(self, interval: float = 0.2, *, until: Callable[[], bool] = lambda: False) -> bool:
        """Check every `interval` s until `until()` is true (True) or `stopping` is set (False)."""
        while not self.stopping:
            self.check()
            if until():
                return True
            self._sleep(interval)
        return False

    def _crashed(self, watch: _Watch, status: str, now: float) -> None:
        name = watch.child.name
        try:
            delay = watch.history.record(now)
        except CrashLoop as loop:
            self._say(f"supervisor: {name} {status}; {loop}: a crash loop, giving up and stopping everything")
            raise CrashLoop(f"{name} is in a crash loop ({loop}); see its log") from None
        watch.restart_at = now + delay
        policy = self.policy
        recent = f"{len(watch.history.times)} crash(es) in {policy.window:g} s, {policy.limit} stop everything"
        self._say(f"supervisor: {name} {status}; restarting in {delay:g} s ({recent})")

    def _say(self, line: str) -> None:
        print(line, file=self._log, flush=True)
