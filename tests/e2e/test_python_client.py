"""The generated Python client (clients/python, from clients/openapi.json) against the real processes: the
spec it was generated from describes what the gateway really answers, successes and problems alike."""

import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "clients" / "python"))  # importable uninstalled

from collections.abc import Iterator

import pytest
from kuaiban_client import AuthenticatedClient, Client
from kuaiban_client.api.auth import create_account, login
from kuaiban_client.api.intake import create_enterprise, create_request, get_request
from kuaiban_client.models import (
    AccountCreate,
    AccountCreateRole,
    AccountRead,
    Category,
    Channel,
    EnterpriseCreate,
    EnterpriseRead,
    LoginForm,
    Problem,
    ProblemCode,
    RequestCreate,
    RequestDetail,
    RequestRead,
    RequestStatus,
    Role,
    TokenResponse,
)

from launcher.system import System
from tests.helpers.factories import ADMIN_PASSWORD, enterprise_payload, unique_name


@pytest.fixture(scope="module")
def anonymous(system: System) -> Iterator[Client]:
    with Client(base_url=system.gateway_url, timeout=None, raise_on_unexpected_status=True) as client:
        yield client


def log_in(client: Client, username: str, password: str) -> TokenResponse:
    answer = login.sync(client=client, body=LoginForm(username=username, password=password))
    assert isinstance(answer, TokenResponse), answer
    return answer


def authenticated(system: System, token: TokenResponse) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=system.gateway_url, token=token.access_token, raise_on_unexpected_status=True)


def test_an_enterprise_raises_a_request_through_the_client(system: System, anonymous: Client):
    admin_token = log_in(anonymous, "admin", ADMIN_PASSWORD)
    assert admin_token.role == Role.ADMIN
    assert admin_token.expires_in > 0
    with authenticated(system, admin_token) as admin:
        body = EnterpriseCreate.from_dict(enterprise_payload())
        registered = create_enterprise.sync_detailed(client=admin, body=body)
        assert registered.status_code == 201, registered.content
        enterprise = registered.parsed
        assert isinstance(enterprise, EnterpriseRead)
        assert registered.headers["Location"].endswith(f"/intake/enterprises/{enterprise.id}")

        username, password = unique_name("client"), "Suixi-2026-secure"
        account = create_account.sync(
            client=admin,
            body=AccountCreate(
                username=username, password=password, role=AccountCreateRole.ENTERPRISE, enterprise_id=enterprise.id
            ),
        )
        assert isinstance(account, AccountRead), account
        assert (account.username, account.role, account.enterprise_id) == (username, Role.ENTERPRISE, enterprise.id)

    enterprise_token = log_in(anonymous, username, password)
    assert enterprise_token.role == Role.ENTERPRISE
    with authenticated(system, enterprise_token) as owner:
        raised = create_request.sync(
            client=owner,
            body=RequestCreate(
                title="新建厂房电力增容",
                description="百善镇新建铝基材料厂房需增容 800 千伏安，请协调供电部门尽快接入。",
                category=Category.POWER,
                channel=Channel.ONLINE,
            ),
            idempotency_key=str(uuid.uuid4()),
        )
        assert isinstance(raised, RequestRead), raised
        assert (raised.enterprise_id, raised.status, raised.category) == (
            enterprise.id,
            RequestStatus.RECEIVED,
            Category.POWER,
        )

        detail = get_request.sync(client=owner, request_id=raised.id)
        assert isinstance(detail, RequestDetail), detail
        assert (detail.id, detail.title, detail.status) == (raised.id, "新建厂房电力增容", RequestStatus.RECEIVED)
        assert [(event.action, event.actor, event.actor_role) for event in detail.events] == [
            ("received", username, Role.ENTERPRISE)
        ]
        assert detail.events[0].details.to_dict() == {"channel": "online"}


def test_problems_come_back_typed_with_their_code(system: System, anonymous: Client):
    refused = login.sync_detailed(client=anonymous, body=LoginForm(username="admin", password="not-the-password"))
    assert refused.status_code == 401
    assert isinstance(refused.parsed, Problem)
    assert refused.parsed.code == ProblemCode.INVALID_CREDENTIALS

    payload = enterprise_payload()
    with authenticated(system, log_in(anonymous, "admin", ADMIN_PASSWORD)) as admin:
        first = create_enterprise.sync(client=admin, body=EnterpriseCreate.from_dict(payload))
        assert isinstance(first, EnterpriseRead), first
        again = create_enterprise.sync_detailed(
            client=admin, body=EnterpriseCreate.from_dict(payload | {"name": payload["name"] + "二厂"})
        )
    assert again.status_code == 409
    problem = again.parsed
    assert isinstance(problem, Problem), again.content
    assert (problem.code, problem.status) == (ProblemCode.DUPLICATE_USCC, 409)
    assert problem.type_ == "https://kuaiban.example/problems/duplicate-uscc"
    assert payload["uscc"] in problem.detail
