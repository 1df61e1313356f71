"""The approval service's background jobs on procrastinate (PostgreSQL-backed): the periodic SLA sweep.

Every replica runs a worker. Procrastinate defers a periodic task once per cron tick whichever replica
gets there first (its `procrastinate_periodic_defers` table is unique per tick), the queueing lock keeps
at most one sweep waiting, and one worker fetches each job (SKIP LOCKED); the sweep itself claims rows
SKIP LOCKED too, so a tick that overlaps a manual `POST /approval/sweep` is harmless.

The job tables live in the PostgreSQL schema `procrastinate` (migration 0005); procrastinate's SQL
names nothing by schema, so its connections put that schema on their search path.
"""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import croniter  # procrastinate's own cron parser (a dependency of it)
import procrastinate

from services.approval import config
from services.approval.service import sweep as sla
from services.common.app import Runtime
from services.common.audit import bind_actor
from services.common.db import Sessions
from services.common.models import utcnow
from services.common.settings import Settings, libpq_url

log = logging.getLogger("kuaiban.approval.jobs")

SCHEMA = "procrastinate"
QUEUE = "approval"  # this service's workers fetch only its own jobs
SWEEP_TASK = "approval.sweep"
STOP_SECONDS = 5.0  # how long a stopping worker lets a running sweep finish before cancelling it
RESTART_SECONDS = 5.0  # a worker that stopped on an error (database away) starts again after this


def build_job_app(
    settings: Settings, *, sessions: Sessions, clock: Callable[[], datetime] = utcnow
) -> procrastinate.App:
    """The procrastinate app with the sweep scheduled on `settings.sweep_cron`; not opened yet.

    A sweep is a unit of work of its own; its timeline messages wake the outbox relay on commit."""
    if not croniter.croniter.is_valid(settings.sweep_cron):
        raise RuntimeError(f"KUAIBAN_SWEEP_CRON is not a valid cron expression: {settings.sweep_cron!r}")
    connector = procrastinate.PsycopgConnector(
        conninfo=libpq_url(settings.database_url),
        min_size=1,
        max_size=4,
        name=f"kuaiban-{config.NAME}-jobs",
        kwargs={"application_name": f"kuaiban-{config.NAME}-jobs", "options": f"-c search_path={SCHEMA}"},
    )
    app = procrastinate.App(connector=connector)

    @app.periodic(cron=settings.sweep_cron, periodic_id="sla")
    @app.task(name=SWEEP_TASK, queue=QUEUE, queueing_lock=SWEEP_TASK)
    async def sweep(timestamp: int) -> dict[str, int]:
        """Deemed approvals and terminations due now, in a session of the service's own pool."""
        async with sessions.begin() as session:
            bind_actor(session, "sla-sweep", SWEEP_TASK)
            result = await sla.sweep(session, now=clock())
        if any(result.values()):
            log.info("sweep: %s", result)
        return result

    return app


async def run_worker(app: procrastinate.App, **options: Any) -> None:
    """Run the worker until cancelled; when it stops on its own (an error), start it again."""
    while True:
        try:
            await app.run_worker_async(
                queues=[QUEUE],
                name=config.NAME,
                concurrency=1,
                wait=True,
                install_signal_handlers=False,  # uvicorn owns the signals; the lifespan cancels this
                delete_jobs="successful",  # failed jobs stay in procrastinate_jobs for inspection
                shutdown_graceful_timeout=STOP_SECONDS,
                **options,
            )
        except asyncio.CancelledError:
            raise
        except Exception:
            if _stopping():
                log.warning("job worker failed while stopping", exc_info=True)
                raise asyncio.CancelledError from None
            log.exception("job worker failed; starting again in %.0f s", RESTART_SECONDS)
        else:
            if _stopping():  # it swallowed the cancellation: stopping all the same, not restarting
                raise asyncio.CancelledError
            log.warning("job worker stopped by itself; starting again in %.0f s", RESTART_SECONDS)
        await asyncio.sleep(RESTART_SECONDS)


def _stopping() -> bool:
    """Whether this task has been asked to stop (cancelled), even if the worker swallowed the request."""
    current = asyncio.current_task()
    return current is not None and current.cancelling() > 0


def jobs_hook(**worker_options: Any):
    """A lifespan hook: the job app opened and its worker running beside the service, stopped on shutdown."""

    @asynccontextmanager
    async def hook(runtime: Runtime) -> AsyncIterator[None]:
        if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
            logging.getLogger("procrastinate").setLevel(logging.WARNING)  # not three lines per tick
        job_app = build_job_app(runtime.settings, sessions=runtime.sessions, clock=runtime.clock)
        async with job_app.open_async():
            worker = asyncio.create_task(run_worker(job_app, **worker_options), name="approval-jobs")
            try:
                yield
            finally:
                await stop(worker)

    return hook


async def stop(worker: asyncio.Task[None]) -> None:
    """Cancel the worker and wait for it (it lets a running sweep finish for up to STOP_SECONDS)."""
    worker.cancel()
    done, _ = await asyncio.wait({worker}, timeout=STOP_SECONDS + 5)
    if not done:
        log.warning("job worker did not stop in time; leaving it")
        return
    with contextlib.suppress(asyncio.CancelledError):
        worker.result()
