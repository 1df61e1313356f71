"""The supervisor's rules without processes: backoff, the crash-loop window, restarts that fail, stopping."""

import io
import signal

import pytest

from launcher.supervisor import CrashHistory, CrashLoop, RestartPolicy, Supervisor
from launcher.system import describe_exit, process_overrides


class FakeChild:
    """A child whose death and restarts the test decides."""

    def __init__(self, name: str = "finance", *, failing_starts: int = 0) -> None:
        self.name = name
        self.status: str | None = None
        self.restarts = 0
        self.failing_starts = failing_starts

    def exit_status(self) -> str | None:
        return self.status

    def restart(self) -> None:
        if self.failing_starts:
            self.failing_starts -= 1
            raise RuntimeError("port in use")
        self.restarts += 1
        self.status = None


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def supervised(*children: FakeChild, policy: RestartPolicy | None = None):
    clock, log = FakeClock(), io.StringIO()
    return Supervisor(list(children), policy, log=log, clock=clock, sleep=lambda _s: None), clock, log


def test_backoff_doubles_from_half_a_second_up_to_ten():
    policy = RestartPolicy()
    assert [policy.delay(n) for n in range(1, 8)] == [0.5, 1, 2, 4, 8, 10, 10]


def test_the_fifth_crash_within_a_minute_is_a_crash_loop():
    history = CrashHistory(RestartPolicy())
    assert [history.record(t) for t in (0, 1, 2, 3)] == [0.5, 1, 2, 4]
    with pytest.raises(CrashLoop, match="5 crashes within 60 s"):
        history.record(59.9)


def test_crashes_older_than_the_window_are_forgotten():
    history = CrashHistory(RestartPolicy())
    for t in (0, 1, 2, 3):
        history.record(t)
    assert history.record(60.5) == 4, "the crash at 0 s left the window: 4 recent ones"
    assert history.record(200) == 0.5, "a process that ran long enough starts again from the first backoff"


def test_a_dead_child_is_restarted_after_its_backoff_and_each_step_is_logged():
    child = FakeChild()
    supervisor, clock, log = supervised(child)
    supervisor.check()
    assert child.restarts == 0 and log.getvalue() == ""

    child.status = "was killed by SIGKILL (exit code -9)"
    supervisor.check()
    clock.now += 0.4
    supervisor.check()
    assert child.restarts == 0, "not before the backoff is over"
    clock.now += 0.1
    supervisor.check()
    assert child.restarts == 1
    assert log.getvalue().splitlines() == [
        "supervisor: finance was killed by SIGKILL (exit code -9); restarting in 0.5 s "
        "(1 crash(es) in 60 s, 5 stop everything)",
        "supervisor: finance restarted",
    ]


def test_a_restart_that_fails_counts_as_a_crash_with_the_next_backoff():
    child = FakeChild("postgresql", failing_starts=1)
    supervisor, clock, log = supervised(child)
    child.status = "(postmaster pid 7) is gone"
    supervisor.check()
    clock.now += 0.5
    supervisor.check()
    assert "postgresql failed to start (port in use); restarting in 1 s (2 crash(es)" in log.getvalue()
    clock.now += 1
    supervisor.check()
    assert child.restarts == 1


def test_a_crash_loop_gives_up_saying_which_process():
    child, other = FakeChild(), FakeChild("intake")
    supervisor, clock, log = supervised(child, other, policy=RestartPolicy(limit=3, window=10))
    with pytest.raises(CrashLoop, match=r"finance is in a crash loop \(3 crashes within 10 s\)"):
        for _ in range(10):
            child.status = "exited with code 3"
            supervisor.check()
            clock.now += 2  # past each backoff (0.5 s, then 1 s), well inside the 10 s window
            supervisor.check()
    assert child.restarts == 2 and other.restarts == 0
    assert log.getvalue().splitlines()[-1] == (
        "supervisor: finance exited with code 3; 3 crashes within 10 s: a crash loop, giving up and stopping everything"
    )


def test_once_stopping_exits_are_no_crashes_and_run_returns():
    child = FakeChild()
    supervisor, _clock, log = supervised(child)
    supervisor.stopping = True
    child.status = "exited with code 0"
    assert supervisor.run() is False
    supervisor.check()
    assert log.getvalue() == "" and child.restarts == 0


def test_run_supervises_until_the_condition_holds():
    child = FakeChild()
    rounds: list[int] = []
    supervisor, clock, _log = supervised(child)
    child.status = "exited with code 1"

    def restarted() -> bool:
        rounds.append(1)
        clock.now += 0.3
        return child.restarts == 1

    assert supervisor.run(until=restarted) is True
    assert len(rounds) == 3, "dead at the first round, restarted after the 0.5 s backoff at the third"


def test_settings_for_one_process_only():
    env = {"KUAIBAN_FINANCE__LOG_LEVEL": "DEBUG", "KUAIBAN_FINANCE_URL": "http://x", "KUAIBAN_INTAKE__PORT": "1"}
    assert process_overrides(env, "finance") == {"KUAIBAN_LOG_LEVEL": "DEBUG"}
    assert process_overrides(env, "approval") == {}


def test_exits_are_described_by_signal_or_code():
    assert describe_exit(-signal.SIGKILL) == "was killed by SIGKILL (exit code -9)"
    assert describe_exit(3) == "exited with code 3"
    assert describe_exit(-99) == "exited with code -99"
