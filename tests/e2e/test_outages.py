"""Faults over real processes: PostgreSQL killed under load and brought back, a service killed in the middle
of an idempotent POST, and approval killed during a burst of decisions.

The module runs its own system on its own embedded PostgreSQL (in a tmp folder), so killing the database
or a service never disturbs the session's shared system. Its sweep runs every two seconds.
"""

import contextlib
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil
import psycopg
import pytest

from launcher.system import System, migrate, start_embedded_postgres
from services.common.settings import PORT_OFFSETS, libpq_url
from tests.helpers.approval_flows import DEPARTMENTS, MATERIALS, fetch, make_matter, new_enterprise, sql, submit
from tests.helpers.factories import ADMIN_PASSWORD, bearer, enterprise_payload, unique_name
from tests.helpers.http import login, make_account
from tests.helpers.problems import PROBLEM, assert_problem
from tests.helpers.systems import kill, running_system, system_env
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.faults  # kill -9 and outages over real processes: CI runs them (pytest -m faults)

FAST_CRON = "* * * * * */2"
QUICK_SECONDS = 3.0  # an answer during an outage comes within this
SETTLE_SECONDS = 30.0  # bound of every wait for the system to catch up


# --- the module's own database and system ---------------------------------------------------------


class Postgres:
    """The module's embedded PostgreSQL, which the tests may kill and start again."""

    def __init__(self, pgdata: Path) -> None:
        self.server, self.url = start_embedded_postgres(pgdata)

    def kill(self) -> None:
        """SIGKILL to the postmaster and every backend at once, as a crash or an OOM kill would."""
        postmaster = psutil.Process(self.server.get_pid())
        processes = [postmaster, *postmaster.children(recursive=True)]
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        _, alive = psutil.wait_procs(processes, timeout=10)
        assert not alive, alive

    def stop(self) -> None:
        """A clean fast shutdown (`pg_ctl stop`): open sessions are told the server is shutting down."""
        self.server.stop()

    def start(self) -> None:
        """Start it again on the same data folder and socket (crash recovery runs); returns once it is ready."""
        self.server.ensure_postgres_running()

    def sql(self, query: str, *params) -> list[tuple]:
        return sql(self.url, query, *params)


@pytest.fixture(scope="module")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Postgres]:
    database = Postgres(tmp_path_factory.mktemp("outage-pg") / "data")
    try:
        migrate(database.url)
        yield database
    finally:
        database.server.cleanup()


@pytest.fixture(scope="module")
def own_system(postgres: Postgres, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    env = system_env(postgres.url, KUAIBAN_SWEEP_CRON=FAST_CRON)
    with running_system(env, tmp_path_factory.mktemp("outage-logs")) as running:
        yield running


@pytest.fixture(scope="module")
def client(own_system: System) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=own_system.gateway_url, timeout=30) as http:
        yield http


@pytest.fixture(scope="module")
def admin(client: httpx.Client) -> dict[str, str]:
    return bearer(login(client, "admin", ADMIN_PASSWORD))


@pytest.fixture(autouse=True)
def healthy_again(postgres: Postgres, own_system: System) -> Iterator[None]:
    """Whatever a test broke (and even if it failed half-way), the next one finds everything running."""
    yield
    postgres.start()
    for name in ("intake", "approval", "finance", "gateway"):
        if f"{name}:{own_system.port + PORT_OFFSETS[name]}" not in own_system.processes:
            own_system.start(name)
    own_system.wait_healthy(timeout=SETTLE_SECONDS)


def restart(system: System, name: str) -> None:
    system.start(name)
    system.wait_healthy(timeout=SETTLE_SECONDS)


# --- a database outage under load -----------------------------------------------------------------


@dataclass
class Call:
    sent: float
    took: float
    status: int | None  # None: no answer at all
    content_type: str
    created: str | None


@dataclass
class Load:
    """Threads creating resources in each service through the gateway, one after another, until stopped."""

    base_url: str
    admin: dict[str, str]
    calls: dict[str, list[Call]] = field(default_factory=dict)
    stopping: threading.Event = field(default_factory=threading.Event)

    CREATES = {
        "intake": ("/intake/enterprises", lambda: enterprise_payload()),
        "approval": (
            "/approval/matters",
            lambda: {
                "code": unique_name("OUT").replace("_", "-"),
                "name": "停库测试事项",
                "departments": [{"department": "tax", "task_name": "税务登记", "sla_working_days": 1}],
                "materials": MATERIALS,
                "sla_working_days": 1,
            },
        ),
        "finance": ("/finance/banks", lambda: {"code": unique_name("bank"), "name": "停库测试银行"}),
    }

    def run(self, service: str) -> None:
        path, body = self.CREATES[service]
        calls = self.calls.setdefault(service, [])
        with httpx.Client(base_url=self.base_url, timeout=30) as http:
            while not self.stopping.is_set():
                sent = time.monotonic()
                try:
                    response = http.post(path, json=body(), headers=self.admin)
                except httpx.HTTPError:
                    calls.append(Call(sent, time.monotonic() - sent, None, "", None))
                    continue
                created = response.json()["id"] if response.status_code == 201 else None
                took = time.monotonic() - sent
                calls.append(Call(sent, took, response.status_code, response.headers.get("content-type", ""), created))
                if response.status_code != 201:
                    self.stopping.wait(0.05)  # pace the failures of an outage: a client retrying, not a flood

    def count(self, predicate: Callable[[Call], bool]) -> dict[str, int]:
        return {service: sum(1 for call in list(calls) if predicate(call)) for service, calls in self.calls.items()}

    def wait_for_each(self, predicate: Callable[[Call], bool], at_least: int, what: str) -> None:
        wait_until(
            lambda: len(self.calls) == len(self.CREATES) and min(self.count(predicate).values()) >= at_least,
            lambda: f"{what} ({self.summary()})",
            timeout=SETTLE_SECONDS,
        )

    def summary(self) -> dict[str, dict]:
        """How many calls answered each status and the slowest one, per service: for failure messages."""
        return {
            service: {
                "statuses": Counter(call.status for call in list(calls)),
                "slowest": max((call.took for call in list(calls)), default=0),
            }
            for service, calls in self.calls.items()
        }


TABLES = {"intake": "intake.enterprise", "approval": "approval.matter", "finance": "finance.bank"}


def test_a_database_outage_answers_503_quickly_and_loses_nothing(
    postgres: Postgres, own_system: System, admin: dict, client: httpx.Client
):
    before = {service: postgres.sql(f"SELECT count(*) FROM {table}")[0][0] for service, table in TABLES.items()}
    load = Load(own_system.gateway_url, admin)
    with ThreadPoolExecutor(len(Load.CREATES)) as pool:
        running = [pool.submit(load.run, service) for service in Load.CREATES]
        try:
            load.wait_for_each(lambda call: call.status == 201, 3, "creates before the outage")
            killed_at = time.monotonic()
            postgres.kill()
            load.wait_for_each(lambda call: call.sent > killed_at and call.status == 503, 3, "503s in the outage")
            asked = time.monotonic()
            health = client.get("/healthz")
            health_took = time.monotonic() - asked
            postgres.start()
            back_at = time.monotonic()
            load.wait_for_each(lambda call: call.sent > back_at and call.status == 201, 5, "creates after it")
        finally:
            load.stopping.set()
            for future in running:
                future.result()

    assert health.status_code == 503 and health.json()["status"] == "degraded", health.text
    assert health_took < QUICK_SECONDS, health_took
    calls = [call for service_calls in load.calls.values() for call in service_calls]
    assert all(call.status in (201, 503) for call in calls), sorted({call.status for call in calls}, key=str)
    slow = [call for call in calls if call.took >= QUICK_SECONDS]
    assert not slow, slow
    assert all(call.content_type.startswith(PROBLEM) for call in calls if call.status == 503)
    after_back = [call for call in calls if call.sent > back_at]
    assert all(call.status == 201 for call in after_back), [c for c in after_back if c.status != 201]

    for service, table in TABLES.items():
        acknowledged = [call.created for call in load.calls[service] if call.status == 201]
        stored = postgres.sql(f"SELECT count(*) FROM {table} WHERE id = ANY(%s)", [uuid.UUID(i) for i in acknowledged])
        assert stored == [(len(acknowledged),)], service
        total = postgres.sql(f"SELECT count(*) FROM {table}")[0][0]
        assert total >= before[service] + len(acknowledged), service

    # the background work came back by itself: the outbox relay delivers, the sweep sweeps
    _, owner = new_enterprise(client, admin)
    matter = make_matter(client, admin, ("market", "tax"), prefix="FAULT", deemed_approval=True)
    application = submit(client, owner, matter)
    postgres.sql("UPDATE approval.task SET due_date = current_date - 10 WHERE application_id = %s", application["id"])
    wait_until(
        lambda: fetch(client, admin, application["id"])["status"] == "approved",
        "the sweep after the outage",
        timeout=SETTLE_SECONDS,
    )
    query = "SELECT status FROM approval.outbox WHERE payload->>'ref_id' = %s"
    wait_until(
        lambda: [row[0] for row in postgres.sql(query, application["id"])] == ["delivered", "delivered"],
        "the outbox after the outage",
        timeout=SETTLE_SECONDS,
    )


@pytest.mark.parametrize("outage", ["kill", "stop"])
def test_the_first_requests_after_a_restart_succeed(postgres: Postgres, own_system: System, admin: dict, outage: str):
    """Pooled connections that died with the server while no request ran are replaced on checkout."""
    with httpx.Client(base_url=own_system.gateway_url, timeout=30) as http:
        for path, body in Load.CREATES.values():  # every service's pool holds a connection
            assert http.post(path, json=body(), headers=admin).status_code == 201
        getattr(postgres, outage)()
        postgres.start()
        first = {service: http.post(path, json=body(), headers=admin) for service, (path, body) in Load.CREATES.items()}
    assert {service: answer.status_code for service, answer in first.items()} == dict.fromkeys(Load.CREATES, 201)


# --- idempotency after a crash --------------------------------------------------------------------


def advisory_locks(postgres: Postgres) -> int:
    """Advisory locks held by intake's sessions (idempotency keys), the dead process's included."""
    query = (
        "SELECT count(*) FROM pg_locks JOIN pg_stat_activity USING (pid)"
        " WHERE locktype = 'advisory' AND application_name = 'kuaiban-intake'"
    )
    return postgres.sql(query)[0][0]


def waiting_on_a_lock(postgres: Postgres, application_name: str) -> int:
    query = "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s AND wait_event_type = 'Lock'"
    return postgres.sql(query, application_name)[0][0]


def test_a_dead_attempts_key_is_usable_again_at_once(postgres: Postgres, own_system: System, admin: dict):
    """The first attempt holds its key while it waits on a table lock; intake dies; a retry runs in < 10 s."""
    body = enterprise_payload()
    headers = {**admin, "Idempotency-Key": f"crash-{uuid.uuid4()}"}

    def post() -> httpx.Response | None:
        with httpx.Client(base_url=own_system.gateway_url, timeout=30) as http:
            try:
                return http.post("/intake/enterprises", json=body, headers=headers)
            except httpx.HTTPError:
                return None

    with (
        psycopg.connect(libpq_url(postgres.url)) as blocker,
        ThreadPoolExecutor(2) as pool,
    ):
        blocker.execute("LOCK TABLE intake.enterprise IN ACCESS EXCLUSIVE MODE")  # held until the block ends
        first = pool.submit(post)
        wait_until(
            lambda: waiting_on_a_lock(postgres, "kuaiban-intake"), "the first attempt waiting", timeout=SETTLE_SECONDS
        )
        assert advisory_locks(postgres) == 1
        concurrent = post()
        assert concurrent is not None
        assert_problem(concurrent, 409)  # never the same key twice at once
        assert concurrent.json()["code"] == "idempotency_key_in_use"

        killed_at = time.monotonic()
        kill(own_system, "intake")
        first_answer = first.result(timeout=SETTLE_SECONDS)
        assert first_answer is None or first_answer.status_code in (502, 503), first_answer
        restart(own_system, "intake")
        # the dead attempt's transaction ends though the table lock it waited for is still held
        wait_until(lambda: advisory_locks(postgres) == 0, "the dead attempt's key released", timeout=10)
        retry = pool.submit(post)
        wait_until(lambda: waiting_on_a_lock(postgres, "kuaiban-intake"), "the retry running", timeout=SETTLE_SECONDS)
        retried_in = time.monotonic() - killed_at
        blocker.rollback()
        answer = retry.result(timeout=SETTLE_SECONDS)
    assert answer is not None and answer.status_code == 201, answer and answer.text
    assert retried_in < 10, f"the retry ran {retried_in:.1f} s after the crash"
    assert "idempotent-replayed" not in answer.headers
    again = post()
    assert again is not None and again.status_code == 201 and again.json()["id"] == answer.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    stored = postgres.sql("SELECT count(*) FROM intake.enterprise WHERE uscc = %s", body["uscc"])
    assert stored == [(1,)]


# --- approval killed during a burst of decisions --------------------------------------------------


def test_a_crash_mid_burst_of_decisions_loses_no_acknowledged_decision(
    postgres: Postgres, own_system: System, admin: dict, client: httpx.Client
):
    officers = {d: make_account(client, admin, "officer", department=d)[1] for d in DEPARTMENTS}
    matter = make_matter(client, admin, prefix="FAULT")
    _, owner = new_enterprise(client, admin)
    applications = [submit(client, owner, matter) for _ in range(6)]
    decisions = [
        (task["id"], task["department"], "reject" if number % 3 == 2 and task["department"] == "tax" else "approve")
        for number, application in enumerate(applications)
        for task in application["tasks"]
    ]
    assert len(decisions) == 30
    barrier = threading.Barrier(len(decisions))
    first_acknowledged = threading.Event()

    def decide(decision: tuple[str, str, str]) -> tuple[int | None, str]:
        task_id, department, verdict = decision
        with httpx.Client(base_url=own_system.gateway_url, timeout=30) as http:
            barrier.wait(timeout=30)
            try:
                response = http.post(
                    f"/approval/tasks/{task_id}/decision", json={"decision": verdict}, headers=officers[department]
                )
            except httpx.HTTPError:
                return None, ""
            if response.status_code == 200:
                first_acknowledged.set()
            return response.status_code, response.headers.get("content-type", "")

    with ThreadPoolExecutor(len(decisions)) as pool:
        answers = pool.map(decide, decisions)
        assert first_acknowledged.wait(SETTLE_SECONDS)
        kill(own_system, "approval")
        results = list(answers)
    restart(own_system, "approval")

    statuses = [status for status, _ in results]
    assert 500 not in statuses and all(s in (None, 200, 409, 502, 503) for s in statuses), statuses
    assert all(kind.startswith(PROBLEM) for status, kind in results if status not in (None, 200))
    answered = zip(decisions, results, strict=True)
    acknowledged = {task_id: verdict for (task_id, _, verdict), (status, _) in answered if status == 200}
    assert acknowledged and len(acknowledged) < len(decisions), statuses  # the crash came mid-burst

    # the clients whose answer was lost try again; a decision taken before the crash answers 409
    for (task_id, department, verdict), (status, _) in zip(decisions, results, strict=True):
        if status != 200:
            again = client.post(
                f"/approval/tasks/{task_id}/decision", json={"decision": verdict}, headers=officers[department]
            )
            assert again.status_code in (200, 409), again.text
            if again.status_code == 200:
                acknowledged[task_id] = verdict

    outcome = {"approve": "approved", "reject": "rejected"}
    for application in applications:
        final = fetch(client, admin, application["id"])
        tasks = {task["id"]: task["status"] for task in final["tasks"]}
        for task_id, verdict in acknowledged.items():
            if task_id in tasks:
                assert tasks[task_id] == outcome[verdict], (final, acknowledged)
        # one outcome: a rejection (one task rejected, the others approved or cancelled) or all approved
        rejected = [status for status in tasks.values() if status == "rejected"]
        if final["status"] == "rejected":
            assert len(rejected) == 1 and set(tasks.values()) <= {"rejected", "approved", "cancelled"}, final
        else:
            assert final["status"] == "approved" and set(tasks.values()) == {"approved"}, final
        # a retry that found its decision already taken (409) may hide a rejection whose answer was lost
        planned = {task_id for task_id, _, verdict in decisions if verdict == "reject"}
        assert final["status"] == ("rejected" if planned & set(tasks) else "approved"), final
        terminal = postgres.sql(
            "SELECT payload->>'kind' FROM approval.outbox WHERE payload->>'ref_id' = %s"
            " AND payload->>'kind' IN ('application.approved', 'application.rejected')",
            application["id"],
        )
        assert terminal == [(final["status"].join(("application.", "")),)], terminal
