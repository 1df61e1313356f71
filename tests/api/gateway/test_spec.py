"""The merged OpenAPI document is one a client generator can use as it is: unique camelCase operationIds,
descriptions and tags everywhere, labelled enums, examples, declared headers and every status the
gateway can answer; and the 201 answers carry the `Location` they declare."""

import re
from collections import Counter
from typing import Any

import httpx
import pytest

from gateway.config import ROUTES, UNLIMITED_PATHS
from tests.helpers.factories import ADMIN, unique_name
from tests.helpers.inprocess import Kuaiban

METHODS = ("get", "put", "post", "delete", "patch")
CAMEL_VERB = re.compile(
    r"^(get|list|create|submit|assign|reply|add|give|replace|decide|supplement|withdraw|run|sign"
    r"|redrive|login|update|change|rotate|revoke|delete|ping|redeliver|publish|confirm|attach|upload|download"
    r"|sweep|remove|precheck|book|cancel|reschedule|record|schedule)[A-Z][A-Za-z]*$|^login$|^logout$"
)
# Response fields whose values come from a fixed set: each must be typed as its (labelled) enum.
ENUM_FIELDS = {
    ("RequestRead", "status"): "RequestStatus",
    ("RequestRead", "category"): "Category",
    ("RequestRead", "channel"): "Channel",
    ("RequestRead", "lead_department"): "Department",
    ("RequestRead", "cooperating_departments"): "Department",
    ("EnterpriseRead", "industry"): "IndustrySection",
    ("EnterpriseRead", "credit_rating"): "CreditRating",
    ("ApplicationRead", "status"): "ApplicationStatus",
    ("TaskRead", "department"): "Department",
    ("TaskRead", "status"): "TaskStatus",
    ("AccountRead", "role"): "Role",
    ("AccountRead", "department"): "Department",
    ("TokenResponse", "role"): "Role",
    ("ProductRead", "collateral_types"): "Collateral",
    ("ProductRead", "industries"): "IndustrySection",
    ("ProductRead", "accepted_credit_ratings"): "CreditRating",
    ("ProductRead", "status"): "ProductStatus",
    ("NeedRead", "collateral_available"): "Collateral",
    ("NeedRead", "status"): "NeedStatus",
    ("Lead", "industry"): "IndustrySection",
    ("LoanApplicationRead", "status"): "LoanStatus",
    ("RequestEventRead", "actor_role"): "Role",
    ("TimelineItem", "service"): "TimelineService",
    ("Health", "status"): "HealthStatus",
    ("DecisionCreate", "decision"): "Decision",
    ("FinanceDecisionCreate", "decision"): "FinanceDecision",
}


@pytest.fixture
async def spec(gateway: httpx.AsyncClient) -> dict[str, Any]:
    response = await gateway.get("/openapi.json", headers={"Authorization": ""})
    assert response.status_code == 200
    return response.json()


def operations(spec: dict[str, Any]):
    for path, items in spec["paths"].items():
        for method in METHODS:
            if method in items:
                yield path, method, items[method]


def refs_in(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(refs_in(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(refs_in(item) for item in node))
    return set()


def enums_in(node: Any, where: str = ""):
    if isinstance(node, dict):
        if "enum" in node:
            yield where, node
        for key, value in node.items():
            yield from enums_in(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from enums_in(item, f"{where}/{index}")


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    section, name = node["$ref"].removeprefix("#/components/").split("/")
    return spec["components"][section][name]


async def test_operation_ids_are_camel_case_verbs_and_unique(spec: dict[str, Any]):
    ids = [operation["operationId"] for _, _, operation in operations(spec)]
    assert not [name for name, count in Counter(ids).items() if count > 1]
    assert not [name for name in ids if not CAMEL_VERB.match(name)]
    for expected in (
        "createRequest",
        "decideTask",
        "listMatches",
        "listLoanApplications",
        "listApprovalDeadLetters",
        "updateEnterprise",
        "listIntakeDeadLetters",
    ):
        assert expected in ids


async def test_every_operation_has_a_description_and_described_tags(spec: dict[str, Any]):
    tags = {tag["name"]: tag for tag in spec["tags"]}
    for path, method, operation in operations(spec):
        assert operation.get("description") and operation.get("summary"), (method, path)
        assert operation.get("tags"), (method, path)
        assert all(tags[tag].get("description") for tag in operation["tags"]), (method, path)
    assert spec["servers"] and spec["info"]["contact"]["name"] and spec["info"]["license"]["name"]


async def test_component_names_and_titles_are_unique_and_alike(spec: dict[str, Any]):
    schemas = spec["components"]["schemas"]
    titles = [schema.get("title", name) for name, schema in schemas.items()]
    assert not [title for title, count in Counter(titles).items() if count > 1]
    for name, schema in schemas.items():
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", name), name
        assert schema.get("title", name) == name
    assert {"ApplicationCreate", "FinanceApplicationCreate", "Decision", "FinanceDecision"} <= set(schemas)
    every_ref = refs_in(spec)
    assert not [ref for ref in every_ref if resolve(spec, {"$ref": ref}) is None]


async def test_every_enum_is_labelled_and_enum_fields_are_typed_as_enums(spec: dict[str, Any]):
    for where, node in enums_in(spec["components"]["schemas"]):
        assert len(node["x-enum-varnames"]) == len(node["enum"]), where
        descriptions = node["x-enum-descriptions"]
        assert len(descriptions) == len(node["enum"]) and all(descriptions), where
        assert all(re.search(r"[\u4e00-\u9fff]", label) for label in descriptions), where  # Chinese labels
        assert all(label in node["description"] for label in descriptions), where
    schemas = spec["components"]["schemas"]
    for (model, field), enum in ENUM_FIELDS.items():
        assert f"#/components/schemas/{enum}" in refs_in(schemas[model]["properties"][field]), (model, field)
        assert "x-enum-descriptions" in schemas[enum]
    departments = schemas["Department"]
    assert departments["x-enum-descriptions"][departments["enum"].index("market")].startswith("市场监管")
    sections = schemas["IndustrySection"]
    assert len(sections["enum"]) == 20 and sections["x-enum-descriptions"][0].startswith("农、林、牧、渔业")


async def test_every_request_and_response_schema_has_an_example(spec: dict[str, Any]):
    used = set()
    for _, _, operation in operations(spec):
        used |= refs_in(operation.get("requestBody", {})) | refs_in(operation["responses"])
    schemas = spec["components"]["schemas"]
    for name, schema in schemas.items():
        assert schema.get("examples"), name
        example = schema["examples"][0]
        if "properties" in schema:
            assert set(schema.get("required", [])) <= set(example), name
    assert {"#/components/schemas/RequestCreate", "#/components/schemas/LoanApplicationRead"} <= used
    assert schemas["EnterpriseCreate"]["examples"][0]["town"].endswith(("镇", "街道", "乡"))


async def test_headers_and_statuses_are_declared(spec: dict[str, Any]):
    headers = spec["components"]["headers"]
    assert {"X-Request-ID", "Idempotent-Replayed", "Retry-After", "Location"} <= set(headers)
    for path, method, operation in operations(spec):
        responses = operation["responses"]
        statuses = {int(code) for code in responses}
        service = path.strip("/").split("/")[0]
        expected = {503}
        if path not in UNLIMITED_PATHS:
            expected |= {429}
        if service in ROUTES:
            expected |= {401, 403, 502, 504}
        if "{" in path:
            expected |= {404}
        if "requestBody" in operation:
            expected |= {413, 422}
        upload = "multipart/form-data" in operation.get("requestBody", {}).get("content", {})
        if upload:  # idempotent by content: the same file again answers what is kept
            expected |= {413, 415}
            assert "Idempotency-Key" not in [p["name"] for p in operation.get("parameters", [])], path
        elif method == "post":
            expected |= {409, 422}
            names = [p["name"] for p in operation["parameters"] if p["in"] == "header"]
            assert "Idempotency-Key" in names, path
        assert expected <= statuses, (method, path, expected - statuses)
        for code, response in responses.items():
            answer = resolve(spec, response) if "$ref" in response else response
            assert "X-Request-ID" in answer["headers"], (method, path, code)
            if code == "201":
                assert "Location" in answer["headers"], (method, path)
            if code == "429":
                assert "Retry-After" in answer["headers"]
            if method == "post" and code.startswith("2") and not upload:
                assert "Idempotent-Replayed" in answer["headers"], (method, path, code)
            if "$ref" in response:
                assert "application/problem+json" in answer["content"], (method, path, code)


async def test_a_created_resource_is_where_location_says(kuaiban: Kuaiban):
    async with kuaiban.client("finance", ADMIN) as finance:
        created = await finance.post("/finance/banks", json={"code": unique_name("bank"), "name": "濉溪农村商业银行"})
        assert created.status_code == 201
        assert created.headers["location"] == f"/finance/banks/{created.json()['id']}"
        fetched = await finance.get(created.headers["location"])
    assert fetched.status_code == 200 and fetched.json() == created.json()
