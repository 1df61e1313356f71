"""The running system keeps the merged OpenAPI document: schemathesis sends generated requests, valid and
invalid, to every operation as each role, and no answer is a server error or departs from the statuses,
content types and schemas the document declares.

It runs on a system and database of its own, since it creates whatever the generated data says.
"""

from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from launcher.system import System, create_database, drop_database, migrate
from tests.helpers.factories import ADMIN_PASSWORD, bearer, enterprise_payload
from tests.helpers.http import login, make_account, make_bank
from tests.helpers.systems import running_system, system_env
from tests.helpers.waiting import wait_until

ROLES = ("admin", "officer", "enterprise", "bank")
EXAMPLES = 5  # per operation and mode (valid, invalid), each sent as every role
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def contract_system(server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    url = create_database(server_url, prefix="kuaiban_contract")
    try:
        migrate(url)
        with running_system(system_env(url), tmp_path_factory.mktemp("contract-logs")) as running:
            yield running
    finally:
        drop_database(url)


@pytest.fixture(scope="module")
def credentials(contract_system: System) -> dict[str, tuple[str, str]]:
    """A username and password per role, each a live account of the contract system."""
    with httpx.Client(base_url=contract_system.gateway_url, timeout=15) as client:
        admin = bearer(login(client, "admin", ADMIN_PASSWORD))
        enterprise = client.post("/intake/enterprises", json=enterprise_payload(), headers=admin).json()["id"]
        fields = {
            "officer": {"department": "market"},
            "enterprise": {"enterprise_id": enterprise},
            "bank": {"bank_id": make_bank(client, admin)},
        }
        logins = {"admin": ("admin", ADMIN_PASSWORD)}
        for role, extra in fields.items():
            account, _ = make_account(client, admin, role, **extra)
            logins[role] = (account["username"], "pw-" + account["username"])
    return logins


@pytest.fixture(scope="module")
def role_headers(contract_system: System, credentials: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    with httpx.Client(base_url=contract_system.gateway_url, timeout=15) as client:
        return {role: bearer(login(client, *pair)) for role, pair in credentials.items()}


@pytest.fixture(scope="module")
def merged_schema(contract_system: System):
    """The merged document once it is complete: under load a service may miss the gateway's 2 s to send its
    part, and the gateway then serves (without caching) what it has."""
    with httpx.Client(base_url=contract_system.gateway_url, timeout=15) as client:

        def complete() -> dict | None:
            document = client.get("/openapi.json").json()
            prefixes = {path.split("/")[1] for path in document["paths"]}
            return document if {"auth", "intake", "approval", "finance"} <= prefixes else None

        # Bounded, and a failure rather than a run on part of the document (the services are up and healthy).
        document = wait_until(complete, "the merged document complete", 60, every=0.5)
    return schemathesis.openapi.from_dict(document)


def test_every_operation_keeps_the_contract(
    merged_schema,
    contract_system: System,
    credentials: dict[str, tuple[str, str]],
    role_headers: dict[str, dict[str, str]],
):
    operations = [result.ok() for result in merged_schema.get_all_operations()]
    assert len(operations) >= 60, "the merged document lost operations"
    failures: list[str] = []
    for operation in operations:
        for mode in GenerationMode:
            try:
                exercise(operation, mode, contract_system, credentials, role_headers)
            except Unsatisfiable:  # nothing to send wrong: no parameters and no body
                assert mode is GenerationMode.NEGATIVE
            except (Exception, BaseExceptionGroup) as failure:  # every operation is tried; all are reported
                failures.append(f"{operation.label} ({mode.value} data): {failure}")
    assert not failures, f"{len(failures)} contract failures:\n\n" + "\n\n".join(failures)


def exercise(operation, mode: GenerationMode, system: System, credentials, role_headers) -> None:
    """`EXAMPLES` generated requests of one mode to one operation, each sent as every role."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,  # the same requests on every run: a failure in CI is a failure here
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def send_as_every_role(case) -> None:
        for role in ROLES:
            try:
                case.call_and_validate(base_url=system.gateway_url, headers=role_headers[role], checks=CHECKS)
            except (Exception, BaseExceptionGroup) as failure:
                failure.add_note(f"(sent as the {role} role)")
                raise
            finally:
                if case.path == "/auth/logout":  # it ended every token of the account: log in again
                    with httpx.Client(base_url=system.gateway_url, timeout=15) as client:
                        role_headers[role] = bearer(login(client, *credentials[role]))

    send_as_every_role()
