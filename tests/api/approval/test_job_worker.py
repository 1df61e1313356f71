"""The sweep as a procrastinate job, on the test database: the job's body is a sweep in a unit of work of
its own, and the lifespan hook runs a worker (registered in procrastinate's tables) until shutdown."""

import asyncio
import logging
import time
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import text

from services.approval import jobs
from tests.api.approval._support import ADMIN, Cast, apply, at_cst, decide, fetch, make_matter, task_of
from tests.helpers.inprocess import Kuaiban

NEVER_SOON = "0 0 1 1 *"  # New Year's midnight: no tick while the test runs
DEADLINE_SECONDS = 20


async def worker_ids(kuaiban: Kuaiban) -> set[int]:
    rows = await kuaiban.connection.execute(text("SELECT id FROM procrastinate.procrastinate_workers"))
    return {row.id for row in rows}


async def test_the_sweep_job_sweeps_in_a_transaction_of_its_own(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, caplog: pytest.LogCaptureFixture
):
    runtime = kuaiban.runtimes["approval"]
    job_app = jobs.build_job_app(kuaiban.settings, sessions=runtime.sessions, clock=kuaiban.clock)
    sweep_job = job_app.tasks[jobs.SWEEP_TASK].func
    application = await apply(api, cast.own, (await make_matter(api, ("market", "tax"), deemed=True))["code"])
    assert (
        await decide(api, cast.officer("market"), task_of(application, "market")["id"], "approve")
    ).status_code == 200
    with caplog.at_level(logging.INFO, logger="kuaiban.approval.jobs"):
        assert await sweep_job(timestamp=int(time.time())) == {
            "deemed": 0,
            "terminated": 0,
            "overdue_commitments": 0,
            "reminders": 0,
        }
        kuaiban.clock.now = at_cst(2)  # Wednesday: the tax task was due on Tuesday
        assert await sweep_job(timestamp=int(time.time())) == {
            "deemed": 1,
            "terminated": 0,
            "overdue_commitments": 0,
            "reminders": 0,
        }
    assert [r.getMessage() for r in caplog.records if r.name == "kuaiban.approval.jobs"] == [
        "sweep: {'deemed': 1, 'terminated': 0, 'overdue_commitments': 0, 'reminders': 0}"
    ]
    swept = await fetch(api, application["id"])
    assert swept["status"] == "approved" and task_of(swept, "tax")["deemed"] is True
    deemed = task_of(swept, "tax")["id"]
    trail = await api.get("/approval/audit", params={"resource": f"task/{deemed}", "actor": "sla-sweep"}, headers=ADMIN)
    assert [(entry["actor_role"], entry["action"]) for entry in trail.json()["items"]] == [("system", jobs.SWEEP_TASK)]


async def test_the_hook_runs_a_worker_until_shutdown(kuaiban: Kuaiban):
    settings = kuaiban.settings.model_copy(update={"sweep_cron": NEVER_SOON})
    runtime = SimpleNamespace(settings=settings, sessions=kuaiban.runtimes["approval"].sessions, clock=kuaiban.clock)
    before = await worker_ids(kuaiban)
    async with jobs.jobs_hook(fetch_job_polling_interval=0.2)(runtime):
        deadline = time.monotonic() + DEADLINE_SECONDS
        while not (started := await worker_ids(kuaiban) - before):
            assert time.monotonic() < deadline, "no worker registered"
            await asyncio.sleep(0.05)
        assert len(started) == 1
    assert not started & await worker_ids(kuaiban), "the stopped worker did not unregister"
