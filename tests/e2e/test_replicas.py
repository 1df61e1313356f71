"""Two processes of every service (issue 13), as `KUAIBAN_REPLICAS=2 make run` runs them: the gateway spreads
requests over both, and when one is killed, every request still succeeds on the other: forwarded ones, internal
calls (approval asks intake) and outbox deliveries. CI also runs the concurrency tests (decisions, idempotency
keys, outbox, webhooks, the sweep) against such a system (`KUAIBAN_TEST_REPLICAS=2` in .ci/run)."""

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from launcher.system import System
from tests.helpers.approval_flows import fetch, make_matter, new_enterprise, submit
from tests.helpers.factories import ADMIN_PASSWORD
from tests.helpers.http import collect, login
from tests.helpers.systems import running_system, system_env
from tests.helpers.waiting import wait_until


@pytest.fixture(scope="module")
def replicated(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    with running_system(system_env(database_url), tmp_path_factory.mktemp("replicas"), replicas=2) as system:
        yield system


def served_by(system: System, name: str, port: int, path: str) -> int:
    """Access lines of one replica for requests to `path`."""
    lines = (Path(system.log_dir) / f"{name}-{port}.log").read_text().splitlines()
    return sum(1 for line in lines if '"kuaiban.access"' in line and json.loads(line).get("path") == path)


def test_the_gateway_spreads_requests_and_survives_a_killed_replica(replicated: System):
    system = replicated
    first, second = system.ports("intake")
    with httpx.Client(base_url=system.gateway_url, timeout=15) as gateway:
        admin = {"Authorization": f"Bearer {login(gateway, 'admin', ADMIN_PASSWORD)}"}
        for _ in range(10):
            assert gateway.get("/intake/enterprises", headers=admin).status_code == 200
        assert served_by(system, "intake", first, "/intake/enterprises") >= 3
        assert served_by(system, "intake", second, "/intake/enterprises") >= 3

        os.kill(system.processes[f"intake:{first}"].pid, signal.SIGKILL)  # one intake gone for good
        system.processes[f"intake:{first}"].wait(10)
        enterprise_id, owner = new_enterprise(gateway, admin)  # POSTs through the gateway: the other replica
        for _ in range(6):
            assert gateway.get(f"/intake/enterprises/{enterprise_id}", headers=admin).status_code == 200
        matter = make_matter(gateway, admin)
        application = submit(gateway, owner, matter)  # approval asks intake for the profile: fails over
        assert fetch(gateway, owner, application["id"])["status"] == "in_review"

        def on_timeline() -> bool:  # approval's outbox delivers to the intake that is left
            timeline = collect(gateway, f"/intake/enterprises/{enterprise_id}/timeline", admin)
            return any(item["ref_id"] == application["id"] for item in timeline)

        wait_until(on_timeline, "the application's event on the timeline", timeout=15)
