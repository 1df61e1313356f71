"""The job worker beside the approval service, on procrastinate's in-memory connector (no database): it
starts again after an error, stops when cancelled (even mid-job or failing on the way out), and a sweep
still running when the service stops is cut short."""

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

import procrastinate
import pytest
from procrastinate.testing import InMemoryConnector

from services.approval import jobs
from services.common.settings import Settings

LOG = "kuaiban.approval.jobs"


@pytest.fixture
def app() -> procrastinate.App:
    return procrastinate.App(connector=InMemoryConnector())


@pytest.fixture(autouse=True)
def quick_restart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "RESTART_SECONDS", 0.01)


def messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == LOG]


async def test_the_worker_starts_again_after_an_error(
    app: procrastinate.App, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    ran = asyncio.Event()

    @app.task(name="probe", queue=jobs.QUEUE)
    async def probe() -> None:
        ran.set()

    real = app.run_worker_async
    calls: list[dict] = []

    async def fails_once(**options) -> None:
        calls.append(options)
        if len(calls) == 1:
            raise ConnectionError("the database went away")
        await real(**options)

    monkeypatch.setattr(app, "run_worker_async", fails_once)
    with caplog.at_level(logging.INFO, logger=LOG):
        async with app.open_async():
            await probe.defer_async()
            worker = asyncio.create_task(jobs.run_worker(app))
            await asyncio.wait_for(ran.wait(), 10)  # the second worker ran the job
            assert len(calls) == 2
            await jobs.stop(worker)
    assert worker.cancelled() and len(calls) == 2
    assert calls[0]["queues"] == [jobs.QUEUE] and calls[0]["install_signal_handlers"] is False
    assert calls[0]["delete_jobs"] == "successful" and calls[0]["shutdown_graceful_timeout"] == jobs.STOP_SECONDS
    assert messages(caplog) == ["job worker failed; starting again in 0 s"]
    [failure] = [record for record in caplog.records if record.name == LOG]
    assert failure.exc_info is not None and "the database went away" in str(failure.exc_info[1])


async def test_a_worker_that_stops_by_itself_is_started_again(
    app: procrastinate.App, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    third = asyncio.Event()
    calls = 0

    async def returns(**options) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            third.set()
            await asyncio.Event().wait()  # runs until cancelled

    monkeypatch.setattr(app, "run_worker_async", returns)
    with caplog.at_level(logging.INFO, logger=LOG):
        worker = asyncio.create_task(jobs.run_worker(app))
        await asyncio.wait_for(third.wait(), 10)
        await jobs.stop(worker)
    assert worker.cancelled() and calls == 3
    assert messages(caplog) == ["job worker stopped by itself; starting again in 0 s"] * 2


class Blocking:
    """Stands in for `run_worker_async`: runs until cancelled, then does `on_cancel` (fails, returns as if it had
    shut down gracefully, or keeps going); counts its runs and says when it runs."""

    def __init__(self, on_cancel: Callable[[], Awaitable[None]]) -> None:
        self.on_cancel = on_cancel
        self.calls = 0
        self.running = asyncio.Event()

    async def __call__(self, **options) -> None:
        self.calls += 1
        self.running.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            await self.on_cancel()


async def fail_on_the_way_out() -> None:
    raise RuntimeError("the pool closed under the worker") from None


async def swallow() -> None:
    return None  # as if the worker shut down gracefully and returned


@pytest.mark.parametrize(
    ("on_cancel", "logged"),
    [(fail_on_the_way_out, ["job worker failed while stopping"]), (swallow, [])],
    ids=["failing-while-it-stops", "swallowing-the-cancellation"],
)
async def test_a_worker_that_fails_or_returns_when_cancelled_stops_and_is_not_started_again(
    app: procrastinate.App,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    on_cancel: Callable[[], Awaitable[None]],
    logged: list[str],
):
    blocking = Blocking(on_cancel)
    monkeypatch.setattr(app, "run_worker_async", blocking)
    with caplog.at_level(logging.INFO, logger=LOG):
        worker = asyncio.create_task(jobs.run_worker(app))
        await asyncio.wait_for(blocking.running.wait(), 10)
        await jobs.stop(worker)
    assert worker.cancelled() and blocking.calls == 1
    assert messages(caplog) == logged


async def test_stop_gives_up_on_a_worker_that_does_not_stop(
    app: procrastinate.App, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    monkeypatch.setattr(jobs, "STOP_SECONDS", -4.9)  # stop() waits STOP_SECONDS + 5: a tenth of a second
    release = asyncio.Event()
    stubborn = Blocking(release.wait)  # keeps going after being told to stop
    monkeypatch.setattr(app, "run_worker_async", stubborn)
    worker = asyncio.create_task(jobs.run_worker(app))
    await asyncio.wait_for(stubborn.running.wait(), 10)
    with caplog.at_level(logging.INFO, logger=LOG):
        await jobs.stop(worker)
    assert not worker.done()
    assert messages(caplog) == ["job worker did not stop in time; leaving it"]
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await worker  # once it lets go it stops instead of starting again
    assert stubborn.calls == 1


async def test_stopping_the_worker_cuts_a_stuck_sweep_short(monkeypatch: pytest.MonkeyPatch):
    """A job still running when the service stops gets STOP_SECONDS, then is cancelled (aborted)."""
    monkeypatch.setattr(jobs, "STOP_SECONDS", 0.5)
    app = procrastinate.App(connector=InMemoryConnector())
    running = asyncio.Event()

    @app.task(name="stuck", queue=jobs.QUEUE)
    async def stuck() -> None:
        running.set()
        await asyncio.sleep(3600)

    async with app.open_async():
        await stuck.defer_async()
        worker = asyncio.create_task(jobs.run_worker(app))
        await asyncio.wait_for(running.wait(), 10)
        started = time.monotonic()
        await jobs.stop(worker)
        assert worker.done() and worker.cancelled()
        assert time.monotonic() - started < 3
        [job] = await app.job_manager.list_jobs_async()
        assert job.status == "aborted"


def test_the_job_app_schedules_the_sweep_on_the_configured_cron():
    settings = Settings(database_url="postgresql://kuaiban@localhost/kuaiban", sweep_cron="*/5 * * * *")
    app = jobs.build_job_app(settings, sessions=None)  # type: ignore[arg-type]  # never opened here
    task = app.tasks[jobs.SWEEP_TASK]
    assert task.queue == jobs.QUEUE and task.queueing_lock == jobs.SWEEP_TASK
    [periodic] = app.periodic_registry.periodic_tasks.values()
    assert periodic.cron == "*/5 * * * *" and periodic.task is task


@pytest.mark.parametrize("cron", ["every minute", "* * *", "61 * * * *"])
def test_a_bad_cron_stops_the_start_up(cron: str):
    settings = Settings(database_url="postgresql://kuaiban@localhost/kuaiban", sweep_cron=cron)
    with pytest.raises(RuntimeError, match="KUAIBAN_SWEEP_CRON"):
        jobs.build_job_app(settings, sessions=None)  # type: ignore[arg-type]
