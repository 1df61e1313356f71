"""Parallel approval where real processes matter: exactly one outcome when many officers decide at once
over separate connections, and the outbox delivering after intake really stops and starts again.

Everything else of approval runs in process (tests/api/approval), on the fake clock."""

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
import pytest

from launcher.system import System
from tests.helpers import approval_flows
from tests.helpers.approval_flows import DEPARTMENTS, fetch, new_enterprise, sql, submit
from tests.helpers.http import collect, make_account

MATERIALS = [
    {"code": "business_license_application", "name": "公司登记（备案）申请书", "waivable": False},
    {"code": "lease_contract", "name": "住所（经营场所）租赁合同", "waivable": True},
    {"code": "id_card", "name": "法定代表人身份证明", "waivable": False},
]
DELIVERY_SECONDS = 60


@dataclass
class Cast:
    """Admin, two officers per 企业开办 department, an enterprise."""

    admin: dict
    officers: dict[str, list[dict]]
    own: dict

    def officer(self, department: str) -> dict:
        return self.officers[department][0]


@pytest.fixture(scope="module")
def cast(gateway: httpx.Client, admin_headers: dict) -> Cast:
    return Cast(
        admin=admin_headers,
        officers={
            d: [make_account(gateway, admin_headers, "officer", department=d)[1] for _ in range(2)] for d in DEPARTMENTS
        },
        own=new_enterprise(gateway, admin_headers)[1],
    )


def make_matter(gateway: httpx.Client, cast: Cast, departments=DEPARTMENTS) -> dict:
    return approval_flows.make_matter(
        gateway,
        cast.admin,
        departments,
        materials=MATERIALS,
        prefix="QYKB",
        name="企业开办“一件事”",
        sla_working_days=3,
    )


def decide(gateway: httpx.Client, headers: dict, task_id: str, decision: str) -> httpx.Response:
    return gateway.post(f"/approval/tasks/{task_id}/decision", json={"decision": decision}, headers=headers)


def statuses(application: dict) -> dict[str, str]:
    return {t["department"]: t["status"] for t in application["tasks"]}


def events_of(gateway: httpx.Client, cast: Cast, enterprise_id: str, application_id: str) -> list[str]:
    """The kinds of the application's events on the enterprise timeline (all from the approval service)."""
    timeline = collect(gateway, f"/intake/enterprises/{enterprise_id}/timeline", cast.admin)
    mine = [item for item in timeline if item["ref_id"] == application_id]
    assert all(item["service"] == "approval" and item["at"].endswith("Z") for item in mine), mine
    return sorted(item["kind"] for item in mine)


# --- concurrent decisions -------------------------------------------------------------------------


def race(system: System, task_ids: dict[str, str], clicks: list[tuple[str, dict, str]]) -> list[tuple]:
    """Every click at once, each from its own connection: (department, decision, status, content type, body)."""
    barrier = threading.Barrier(len(clicks))

    def click(item: tuple[str, dict, str]) -> tuple[str, str, int, str, str]:
        department, headers, decision = item
        with httpx.Client(base_url=system.gateway_url, timeout=60) as client:
            barrier.wait(timeout=60)
            response = decide(client, headers, task_ids[department], decision)
            return department, decision, response.status_code, response.headers["content-type"], response.text

    with ThreadPoolExecutor(len(clicks)) as pool:
        return list(pool.map(click, clicks))


def test_concurrent_decisions_have_exactly_one_outcome(gateway: httpx.Client, cast: Cast, system: System):
    matter = make_matter(gateway, cast)
    rng = random.Random(20261127)
    outcomes = set()
    for round_number in range(12):
        application = submit(gateway, cast.own, matter)
        task_ids = {t["department"]: t["id"] for t in application["tasks"]}
        reject_share = 0.0 if round_number % 2 == 0 else 0.35
        clicks = [
            (d, rng.choice(cast.officers[d]), "reject" if rng.random() < reject_share else "approve")
            for d in DEPARTMENTS
            for _ in range(6)
        ]
        rng.shuffle(clicks)
        results = race(system, task_ids, clicks)

        assert all(status in (200, 409) for _, _, status, _, _ in results), [r for r in results if r[2] != 200]
        assert all(kind.startswith("application/problem+json") for _, _, status, kind, _ in results if status == 409)
        accepted: dict[str, str] = {}
        for department, decision, status, _, _ in results:
            if status == 200:
                assert department not in accepted, f"two decisions accepted for {department}: {results}"
                accepted[department] = decision
        final = fetch(gateway, cast.admin, application["id"])
        rejects = [d for d, decision in accepted.items() if decision == "reject"]
        assert len(rejects) <= 1, accepted
        if rejects:
            assert final["status"] == "rejected", (final, accepted)
            outcome = {"approve": "approved", "reject": "rejected"}
            expected = {d: outcome.get(accepted.get(d), "cancelled") for d in DEPARTMENTS}
        else:
            assert final["status"] == "approved", (final, accepted)
            assert set(accepted) == set(DEPARTMENTS), accepted
            expected = {d: "approved" for d in DEPARTMENTS}
            assert final["completed_at"] and final["elapsed_working_days"] is not None
        assert statuses(final) == expected, (final, accepted)
        assert sum(status == 200 for _, _, status, _, _ in results) == len(accepted)
        outcomes.add(final["status"])
    assert outcomes == {"approved", "rejected"}


# --- the outbox across a restart ------------------------------------------------------------------


def test_outbox_delivers_after_intake_restarts(gateway: httpx.Client, cast: Cast, system: System, database_url: str):
    enterprise_id, enterprise = new_enterprise(gateway, cast.admin)
    matter = make_matter(gateway, cast, ("market", "tax", "hrss"))
    application = submit(gateway, enterprise, matter)
    system.stop("intake")
    try:
        for task in application["tasks"]:
            response = decide(gateway, cast.officer(task["department"]), task["id"], "approve")
            assert response.status_code == 200, response.text
        assert response.json()["status"] == "approved"
    finally:
        system.start("intake")
        system.wait_healthy()

    kinds = ("application.submitted", "application.approved")
    deadline = time.monotonic() + DELIVERY_SECONDS
    query = "SELECT status FROM approval.outbox WHERE payload->>'ref_id' = %s"
    while (stored := [row[0] for row in sql(database_url, query, application["id"])]) != ["delivered"] * len(kinds):
        assert "dead" not in stored, stored  # a receiver that was away never makes a dead letter
        assert time.monotonic() < deadline, f"not delivered within {DELIVERY_SECONDS} s: {stored}"
        time.sleep(0.5)
    # every message is recorded as delivered, so none will be sent again: the timeline holds each once
    assert events_of(gateway, cast, enterprise_id, application["id"]) == sorted(kinds)
