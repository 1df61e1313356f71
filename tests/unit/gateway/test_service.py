"""Gateway rules without a database: the merged OpenAPI document, health, passwords, principals."""

import copy
import logging
import time
import uuid
from types import SimpleNamespace

import pytest

from gateway import service
from gateway.config import OPENAPI_CACHE_SECONDS
from gateway.models import Account
from gateway.service import merge_openapi
from services.common.auth import Role
from services.common.settings import SERVICE_NAMES


def test_merge_openapi_renames_conflicting_schemas():
    own = {"openapi": "3.1.0", "paths": {"/auth/me": {}}, "components": {"schemas": {"Item": {"type": "string"}}}}
    service_doc = {
        "paths": {"/intake/x": {"get": {"responses": {"200": {"$ref": "#/components/schemas/Item"}}}}},
        "components": {"schemas": {"Item": {"type": "integer"}, "Problem": {"type": "object"}}},
    }
    merged = merge_openapi(own, {"intake": service_doc})
    schemas = merged["components"]["schemas"]
    assert schemas["Item"] == {"type": "string"}
    assert schemas["IntakeItem"] == {"type": "integer", "title": "IntakeItem"}  # titles stay unique too
    assert merged["paths"]["/intake/x"]["get"]["responses"]["200"]["$ref"] == "#/components/schemas/IntakeItem"
    assert set(merged["paths"]) == {"/auth/me", "/intake/x"}


def test_identical_schemas_are_kept_once_and_every_component_section_merges():
    problem = {"type": "object", "properties": {"status": {"type": "integer"}}}
    bearer = {"type": "http", "scheme": "bearer"}
    own = {
        "openapi": "3.1.0",
        "paths": {"/auth/me": {}},
        "tags": [{"name": "auth"}],
        "components": {"schemas": {"Problem": problem}, "securitySchemes": {"HTTPBearer": bearer}},
    }
    intake = {
        "paths": {"/intake/enterprises": {}},
        "tags": [{"name": "enterprises", "description": "The registry"}],
        "components": {
            "schemas": {"Problem": copy.deepcopy(problem)},
            "securitySchemes": {"HTTPBearer": bearer},
            "responses": {"Gone": {"description": "gone"}},
        },
    }
    finance = {"paths": {"/finance/banks": {}}}  # no tags, no components
    merged = merge_openapi(own, {"intake": intake, "finance": finance})
    assert set(merged["components"]["schemas"]) == {"Problem"}
    assert merged["components"]["securitySchemes"] == {"HTTPBearer": bearer}
    assert merged["components"]["responses"] == {"Gone": {"description": "gone"}}
    assert merged["tags"] == [
        {"name": "auth"},
        {"name": "enterprises", "description": "The registry"},
        {"name": "finance"},
    ]
    assert set(merged["paths"]) == {"/auth/me", "/intake/enterprises", "/finance/banks"}


def test_a_schema_that_refers_to_a_renamed_one_is_renamed_too():
    own = {
        "components": {
            "schemas": {
                "Item": {"type": "string"},
                "Page": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
            }
        }
    }
    approval = {
        "paths": {"/approval/page": {"get": {"responses": {"200": {"$ref": "#/components/schemas/Page"}}}}},
        "components": {
            "schemas": {
                "Item": {"type": "integer"},
                "Page": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},  # same text, other Item
            }
        },
    }
    merged = merge_openapi(own, {"approval": approval})
    schemas = merged["components"]["schemas"]
    assert schemas["Page"] == own["components"]["schemas"]["Page"]
    assert schemas["ApprovalPage"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/ApprovalItem"},
        "title": "ApprovalPage",
    }
    assert merged["paths"]["/approval/page"]["get"]["responses"]["200"]["$ref"] == "#/components/schemas/ApprovalPage"


def test_only_schema_references_are_renamed():
    own = {"components": {"schemas": {"NotFound": {"type": "string"}}}}
    finance = {
        "paths": {
            "/finance/x": {
                "get": {
                    "responses": {
                        "404": {"$ref": "#/components/responses/NotFound"},
                        "200": {"$ref": "#/components/schemas/NotFound"},
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "NotFound": {"type": "object"},
                "Report": {"type": "object", "properties": {"schemas": {"type": "string"}}},
            },
            "responses": {"NotFound": {"description": "No such thing"}},
        },
    }
    merged = merge_openapi(own, {"finance": finance})
    responses = merged["paths"]["/finance/x"]["get"]["responses"]
    assert responses["404"] == {"$ref": "#/components/responses/NotFound"}
    assert responses["200"] == {"$ref": "#/components/schemas/FinanceNotFound"}
    assert merged["components"]["schemas"]["Report"] == finance["components"]["schemas"]["Report"]
    assert merged["components"]["responses"] == {"NotFound": {"description": "No such thing"}}


def test_a_renamed_schema_never_takes_a_name_in_use_and_a_described_tag_wins():
    own = {
        "tags": [{"name": "finance"}],
        "components": {"schemas": {"Item": {"type": "string"}, "FinanceItem": {"type": "boolean"}}},
    }
    finance = {
        "tags": [{"name": "finance", "description": "银企对接"}],
        "components": {"schemas": {"Item": {"type": "integer"}}},
    }
    merged = merge_openapi(own, {"finance": finance})
    assert merged["components"]["schemas"]["FinanceItem2"] == {"type": "integer", "title": "FinanceItem2"}
    assert merged["components"]["schemas"]["FinanceItem"] == {"type": "boolean"}
    assert merged["tags"] == [{"name": "finance", "description": "银企对接"}]
    assert merged["servers"] and merged["info"]["license"]["name"]


def test_the_edge_answers_are_declared_where_the_edge_can_give_them():
    responses = {"TooManyRequests": {}, "ContentTooLarge": {}, "BadGateway": {}, "GatewayTimeout": {}}
    own = {
        "paths": {
            "/auth/me": {"get": {"responses": {"200": {}}}},
            "/healthz": {"get": {"responses": {"200": {}, "503": {"description": "degraded"}}}},
        },
        "components": {"responses": responses | {"ServiceUnavailable": {}}},
    }
    intake = {"paths": {"/intake/x": {"post": {"requestBody": {}, "responses": {"201": {}}}}}}
    paths = merge_openapi(own, {"intake": intake})["paths"]
    assert set(paths["/auth/me"]["get"]["responses"]) == {"200", "429", "503"}
    assert paths["/healthz"]["get"]["responses"] == {"200": {}, "503": {"description": "degraded"}}
    assert set(paths["/intake/x"]["post"]["responses"]) == {"201", "413", "429", "502", "503", "504"}
    assert paths["/intake/x"]["post"]["responses"]["504"] == {"$ref": "#/components/responses/GatewayTimeout"}


def test_problem_responses_no_operation_refers_to_are_dropped():
    """Every app brings all of them; the merged document keeps the used ones (and any other response)."""
    unauthorized = {"$ref": "#/components/responses/Unauthorized"}
    own = {
        "paths": {"/auth/me": {"get": {"responses": {"401": unauthorized}}}},
        "components": {"responses": {"Unauthorized": {}, "BadRequest": {}, "InternalServerError": {}, "Gone": {}}},
    }
    merged = merge_openapi(own, {})
    assert set(merged["components"]["responses"]) == {"Unauthorized", "Gone"}


def test_merging_leaves_the_gateways_own_document_as_it_was():
    own = {"paths": {"/auth/me": {}}, "components": {"schemas": {"Item": {"type": "string"}}}}
    before = copy.deepcopy(own)
    merge_openapi(own, {"intake": {"paths": {"/intake/x": {}}, "components": {"schemas": {"Item": {}}}}})
    assert own == before


class FakeServices:
    """Answers health and OpenAPI like ServicesClient; `down` services answer neither."""

    def __init__(self, *down: str) -> None:
        self.down = set(down)
        self.openapi_calls: list[str] = []

    async def healthy(self, name: str) -> bool:
        return name not in self.down

    async def openapi(self, name: str) -> dict | None:
        self.openapi_calls.append(name)
        return None if name in self.down else {"paths": {f"/{name}/things": {}}}


async def test_health_names_every_service_and_which_are_down():
    assert await service.health(FakeServices()) == dict.fromkeys(SERVICE_NAMES, "ok")
    assert await service.health(FakeServices("approval")) == {"intake": "ok", "approval": "down", "finance": "ok"}


async def test_merged_openapi_is_kept_only_when_complete():
    runtime = SimpleNamespace(merged_openapi=None)
    own = {"paths": {"/auth/me": {}}}

    partial = await service.merged_openapi(runtime, FakeServices("finance"), own)
    assert set(partial["paths"]) == {"/auth/me", "/intake/things", "/approval/things"}
    assert runtime.merged_openapi is None  # a document missing a service is not kept

    services = FakeServices()
    complete = await service.merged_openapi(runtime, services, own)
    assert set(complete["paths"]) == {"/auth/me", "/intake/things", "/approval/things", "/finance/things"}
    assert runtime.merged_openapi[1] is complete

    again = await service.merged_openapi(runtime, services, own)
    assert again is complete and services.openapi_calls == list(SERVICE_NAMES)  # served from the cache

    runtime.merged_openapi = (time.monotonic() - OPENAPI_CACHE_SECONDS - 1, complete)
    refreshed = await service.merged_openapi(runtime, services, own)
    assert refreshed is not complete and services.openapi_calls == list(SERVICE_NAMES) * 2


async def test_without_a_configured_password_the_admin_is_left_alone(caplog: pytest.LogCaptureFixture):
    with caplog.at_level(logging.WARNING, logger="kuaiban.gateway"):
        await service.ensure_admin(None, password="", passwords=None)  # returns before it needs either
    assert "KUAIBAN_ADMIN_PASSWORD is not set" in caplog.text


@pytest.mark.parametrize(
    ("role", "fields"),
    [
        ("admin", {}),
        ("officer", {"department": "tax"}),
        ("enterprise", {"enterprise_id": uuid.uuid4()}),
        ("bank", {"bank_id": uuid.uuid4()}),
    ],
)
def test_a_token_carries_the_accounts_role_and_organisation(role: str, fields: dict):
    account = Account(id=uuid.uuid4(), username=f"{role}-1", password_hash="x", role=role, **fields)
    principal = service.principal_of(account)
    assert principal.subject == str(account.id) and principal.username == account.username
    assert principal.role is Role(role)
    for claim in ("department", "enterprise_id", "bank_id"):
        assert getattr(principal, claim) == fields.get(claim)
