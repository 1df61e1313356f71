"""The finishing every app's OpenAPI document gets, on a small app without a database."""

from enum import StrEnum
from types import SimpleNamespace

import pytest
from fastapi import APIRouter, Form, Response
from pydantic import BaseModel

from services.common.app import create_app
from services.common.openapi import PROBLEM_EXAMPLE, camel_case, created, example_of, fits, operation_id
from services.common.schemas import RequestBody, label_of, labelled


class Colour(StrEnum):
    red = "red"
    dark_blue = "dark_blue"


labelled(Colour, {"red": ("红色", "Red"), "dark_blue": ("深蓝", "Dark blue")})


class PaintCreate(RequestBody):
    colour: Colour
    town: str


class PaintRead(BaseModel):
    id: str
    colour: Colour
    shade: str | None


router = APIRouter(prefix="/paint", tags=["intake"])


@router.post("/pots", status_code=201, response_model=PaintRead, operation_id="createPot", summary="A pot")
async def create_pot(body: PaintCreate):
    """Mix a pot of paint."""


@router.get("/pots/{pot_id}", response_model=PaintRead)
async def get_pot(pot_id: str):
    """One pot."""


@pytest.fixture(scope="module")
def document() -> dict:
    return create_app(name="paint", title="Paint", routers=[router]).openapi()


def test_operation_ids_are_explicit_or_camel_case_with_the_service_named():
    assert operation_id("/approval/admin/dead-letters", "get", "list_dead_letters_approval_admin_dead_letters_get") == (
        "listApprovalDeadLetters"
    )
    assert operation_id("/intake/requests", "post", "createRequest") == "createRequest"
    assert camel_case("get_pot") == "getPot" and camel_case("post-/x") == "post/x"


def test_operations_get_ids_descriptions_tags_and_errors(document: dict):
    create = document["paths"]["/paint/pots"]["post"]
    read = document["paths"]["/paint/pots/{pot_id}"]["get"]
    assert create["operationId"] == "createPot" and read["operationId"] == "getPaintPot"
    assert create["description"] == "Mix a pot of paint."
    assert document["tags"] == [{"name": "intake", "description": document["tags"][0]["description"]}]
    assert "诉求" in document["tags"][0]["description"]
    assert read["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}
    assert read["responses"]["422"] == {"$ref": "#/components/responses/UnprocessableContent"}
    assert create["responses"]["409"] == {"$ref": "#/components/responses/Conflict"}
    not_found = document["components"]["responses"]["NotFound"]
    assert not_found["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert "Retry-After" in document["components"]["responses"]["TooManyRequests"]["headers"]
    assert "WWW-Authenticate" in document["components"]["responses"]["Unauthorized"]["headers"]


def test_posts_declare_the_idempotency_key_and_their_headers(document: dict):
    create = document["paths"]["/paint/pots"]["post"]
    [key] = [p for p in create["parameters"] if p["name"] == "Idempotency-Key"]
    assert key["in"] == "header" and key["schema"]["maxLength"] == 255 and not key["required"]
    assert set(create["responses"]["201"]["headers"]) == {"X-Request-ID", "Idempotent-Replayed", "Location"}
    read = document["paths"]["/paint/pots/{pot_id}"]["get"]
    assert "parameters" not in read or all(p["name"] != "Idempotency-Key" for p in read["parameters"])
    assert set(read["responses"]["200"]["headers"]) == {"X-Request-ID"}


def test_enums_carry_their_labels(document: dict):
    colour = document["components"]["schemas"]["Colour"]
    assert colour["x-enum-varnames"] == ["Red", "DarkBlue"]
    assert colour["x-enum-descriptions"] == ["红色 (Red)", "深蓝 (Dark blue)"]
    assert "`dark_blue`: 深蓝 (Dark blue)" in colour["description"]
    assert label_of(Colour.dark_blue) == "深蓝" and label_of(Colour.dark_blue, "en") == "Dark blue"


def test_labels_must_cover_every_value_exactly():
    with pytest.raises(ValueError, match="must cover exactly"):
        labelled(StrEnum("Half", {"a": "a", "b": "b"}), {"a": ("甲", "A")})


def test_every_schema_gets_an_example_from_realistic_field_values(document: dict):
    schemas = document["components"]["schemas"]
    assert schemas["PaintCreate"]["examples"] == [{"colour": "red", "town": "濉溪镇"}]
    read = schemas["PaintRead"]["examples"][0]
    assert read["colour"] == "red" and read["shade"] == "濉溪" and read["id"]
    assert example_of({"type": "array", "items": {"type": "string", "format": "date"}}, {}) == ["2026-03-02"]
    assert example_of({"type": "object", "additionalProperties": {"type": "integer", "minimum": 3}}, {}) == {"key": 3}
    assert example_of({"anyOf": [{"type": "null"}, {"type": "boolean"}]}, {}) is False
    assert example_of({"examples": [7]}, {}) == 7 and example_of({"example": 8}, {}) == 8


def test_public_operations_say_they_need_no_token(document: dict):
    assert document["paths"]["/paint/pots"]["post"]["security"] == []


def test_a_field_value_is_used_only_where_it_fits():
    schemas = {
        "Kind": {"type": "string", "enum": ["bad_request", "not_found"]},
        "Node": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "child": {"$ref": "#/components/schemas/Node"}},
        },
    }
    assert example_of({"$ref": "#/components/schemas/Kind"}, schemas, "code") == "bad_request"
    assert example_of({"type": "string"}, schemas, "code") == "SX-2026-0042"
    materials = {"type": "array", "items": {"type": "object", "properties": {"waivable": {"type": "boolean"}}}}
    assert example_of(materials, schemas, "materials") == [{"waivable": False}]
    assert example_of({"type": "integer"}, schemas, "annual_rate_pct") == 1
    assert example_of({"$ref": "#/components/schemas/Node"}, schemas) == {
        "name": "安徽濉溪经济开发区新材料有限公司",
        "child": None,
    }
    assert example_of({"anyOf": [{"type": "string", "pattern": "^password$"}, {"type": "null"}]}, schemas) == "password"
    assert example_of({"type": "string", "pattern": "^[a-z]+$"}, schemas) == "suixi"


def test_fits_checks_type_const_enum_pattern_items_and_properties():
    schemas = {"Day": {"type": "string", "format": "date"}}
    assert fits(3, {"type": "number"}, schemas) and not fits(True, {"type": "integer"}, schemas)
    assert not fits("a", {"const": "b"}, schemas) and not fits("c", {"enum": ["a"]}, schemas)
    assert not fits("A1", {"type": "string", "pattern": "^[a-z]+$"}, schemas)
    assert fits(["2026-03-02"], {"type": "array", "items": {"$ref": "#/components/schemas/Day"}}, schemas)
    assert not fits([1], {"type": "array", "items": {"type": "string"}}, schemas)
    assert not fits({"n": "x"}, {"type": "object", "properties": {"n": {"type": "integer"}}}, schemas)
    assert fits(None, {"anyOf": [{"type": "string"}, {"type": "null"}]}, schemas)
    assert not fits(1, {"allOf": [{"type": "integer"}, {"const": 2}]}, schemas)


def test_every_example_of_every_app_fits_its_schema():
    """What Redocly's no-invalid-schema-examples checks, without node: the problem example included."""
    from gateway.app import api
    from services.approval.app import app as approval
    from services.finance.app import app as finance
    from services.intake.app import app as intake

    for app in (api, intake, approval, finance):
        schemas = app.openapi()["components"]["schemas"]
        wrong = [name for name, schema in schemas.items() if not fits(schema["examples"][0], schema, schemas)]
        assert not wrong, f"{app.title}: {wrong}"
        assert schemas["Problem"]["examples"] == [PROBLEM_EXAMPLE]


def test_form_bodies_get_a_class_like_name():
    forms = APIRouter()

    @forms.post("/login", operation_id="login")
    async def login(username: str = Form(), password: str = Form()):
        """Log in."""

    schemas = create_app(name="forms", title="Forms", routers=[forms]).openapi()["components"]["schemas"]
    assert "LoginForm" in schemas and schemas["LoginForm"]["title"] == "LoginForm"
    assert not [name for name in schemas if name.startswith("Body_")]


def test_created_points_location_at_the_new_resource():
    response = Response()
    resource = SimpleNamespace(id="42")
    assert created(response, "/paint/pots", resource) is resource
    assert response.headers["location"] == "/paint/pots/42"
