"""The SLA sweep runs by itself on procrastinate's schedule, with no `POST /approval/sweep`, and an
approval process with a running job worker still stops at once on SIGTERM. (The worker's restarts and
stops without processes are tests/unit/approval/test_jobs.py.)

The sweeping process is an extra approval replica with a two-second cron (`KUAIBAN_SWEEP_CRON`),
started for this module only: the session's system keeps the default once-a-minute schedule, so tests
that sweep by hand at a chosen moment are not raced by a sweep every two seconds.
"""

import signal
import time
from collections.abc import Iterator

import httpx
import pytest

from launcher.system import System, free_port_block
from tests.helpers.approval_flows import make_matter, new_enterprise, sql, submit

FAST_CRON = "* * * * * */2"  # croniter (procrastinate's cron parser) takes seconds as the 6th, last field
DEADLINE_SECONDS = 30


@pytest.fixture(scope="module")
def sweeper(system: System) -> Iterator[int]:
    """An extra approval replica sweeping every two seconds; yields its port."""
    port = free_port_block(1)
    system.start("approval", port=port, extra_env={"KUAIBAN_SWEEP_CRON": FAST_CRON})
    try:
        system.wait_up("approval", port=port)
        yield port
    finally:
        system.stop("approval", port=port)


def test_overdue_tasks_are_deemed_approved_without_a_manual_sweep(
    gateway: httpx.Client, admin_headers: dict, database_url: str, sweeper: int
):
    matter = make_matter(gateway, admin_headers, ("market", "tax"), prefix="SWEEP", deemed_approval=True)
    _, owner = new_enterprise(gateway, admin_headers)
    submitted = submit(gateway, owner, matter)
    application_id = submitted["id"]
    assert submitted["status"] == "in_review"

    sql(
        database_url,
        "UPDATE approval.task SET due_date = current_date - 10 WHERE application_id = %s AND status = 'pending'",
        application_id,
    )
    started = time.monotonic()
    application: dict = {}
    while time.monotonic() - started < DEADLINE_SECONDS:
        response = gateway.get(f"/approval/applications/{application_id}", headers=admin_headers)
        assert response.status_code == 200, response.text
        application = response.json()
        if application["status"] == "approved":
            break
        time.sleep(0.5)
    assert application["status"] == "approved", f"not swept within {DEADLINE_SECONDS} s: {application}"
    assert [t["deemed"] for t in application["tasks"]] == [True, True]
    assert all(t["status"] == "approved" for t in application["tasks"])

    # procrastinate did it: its tables are in their own schema, and the periodic task was deferred there.
    schemas = sql(
        database_url,
        "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = %s",
        "procrastinate_jobs",
    )
    assert schemas == [("procrastinate",)]
    deferred = sql(
        database_url,
        "SELECT count(*) FROM procrastinate.procrastinate_periodic_defers WHERE task_name = %s",
        "approval.sweep",
    )
    assert deferred[0][0] >= 1
    failed = sql(
        database_url,
        "SELECT count(*) FROM procrastinate.procrastinate_jobs WHERE task_name = %s AND status = 'failed'",
        "approval.sweep",
    )
    assert failed == [(0,)]


def worker_ids(database_url: str) -> set[int]:
    return {row[0] for row in sql(database_url, "SELECT id FROM procrastinate.procrastinate_workers")}


def wait_for_a_tick(database_url: str, before: set[int], *, since: float) -> set[int]:
    """Until the replica's worker is registered and a sweep tick came after it started; its new worker ids."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        registered = worker_ids(database_url) - before
        ticks = sql(
            database_url,
            "SELECT count(*) FROM procrastinate.procrastinate_periodic_defers"
            " WHERE task_name = %s AND defer_timestamp >= %s",
            "approval.sweep",
            int(since),
        )[0][0]
        if registered and ticks:
            return registered
        assert time.monotonic() < deadline, f"no worker and tick within {DEADLINE_SECONDS} s: {registered}, {ticks}"
        time.sleep(0.2)


def test_a_replica_with_a_job_worker_stops_promptly(system: System, database_url: str):
    before = worker_ids(database_url)
    started_at = time.time()
    port = free_port_block(1)
    system.start("approval", port=port, extra_env={"KUAIBAN_SWEEP_CRON": FAST_CRON})
    process = system.processes[f"approval:{port}"]
    try:
        system.wait_up("approval", port=port)
        registered = wait_for_a_tick(database_url, before, since=started_at)
        assert len(registered) == 1, registered
    finally:
        started = time.monotonic()
        system.stop("approval", port=port, timeout=15)
        stopped_in = time.monotonic() - started
    # uvicorn re-raises the SIGTERM it caught once its graceful shutdown is done
    assert process.returncode in (0, -signal.SIGTERM), f"exit {process.returncode}; see {system.log_dir}"
    assert stopped_in < 5, f"took {stopped_in:.1f} s to stop"
    log = (system.log_dir / f"approval-{port}.log").read_text()
    assert "Application shutdown complete" in log and "Traceback" not in log
    assert not registered & worker_ids(database_url), "the stopped worker did not unregister"
