"""Dates and date-times in requests are ISO 8601 strings only (API.md): a number, which pydantic would read
as a Unix timestamp, is refused everywhere, and so is a date-time without its time zone."""

from datetime import UTC, date, datetime
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from gateway import schemas as gateway_schemas
from services.approval import schemas as approval_schemas
from services.common.schemas import NOT_A_DATE, NOT_A_DATETIME, IsoDate, IsoDateTime, NoNul, RequestBody
from services.common.validation import field_message
from services.finance import schemas as finance_schemas
from services.intake import schemas as intake_schemas

SCHEMA_MODULES = {m.__name__ for m in (gateway_schemas, approval_schemas, finance_schemas, intake_schemas)}
TIMESTAMP = 1767225600  # 2026-01-01T00:00:00Z as a Unix timestamp


def request_bodies() -> list[type[RequestBody]]:
    """Every request body the services' and the gateway's schemas define."""
    found, todo = [], list(RequestBody.__subclasses__())
    while todo:
        model = todo.pop()
        todo += model.__subclasses__()
        if model.__module__ in SCHEMA_MODULES:
            found.append(model)
    return sorted(found, key=lambda model: model.__qualname__)


def date_fields(model: type[BaseModel]) -> list[tuple[str, str, bool]]:
    """(field, "date" or "date-time", whether it is a list) for every date-valued field of a body."""

    def formats(node: dict[str, Any]) -> list[tuple[str, bool]]:
        found = [(node["format"], False)] if node.get("format") in ("date", "date-time") else []
        for option in node.get("anyOf", []):
            found += formats(option)
        if isinstance(node.get("items"), dict):
            found += [(kind, True) for kind, _ in formats(node["items"])]
        return found

    properties = model.model_json_schema()["properties"]
    return [(name, kind, many) for name, node in properties.items() for kind, many in formats(node)]


DATE_FIELDS = [
    pytest.param(model, name, kind, many, id=f"{model.__name__}.{name}")
    for model in request_bodies()
    for name, kind, many in date_fields(model)
]


def test_every_date_field_of_a_request_body_is_found():
    """The scan below sees the fields it must (a renamed module would otherwise make it check nothing)."""
    names = {f"{model.__name__}.{name}" for model, name, *_ in (p.values for p in DATE_FIELDS)}
    assert {
        "EnterpriseCreate.established_on",
        "MeetingCreate.held_on",
        "CalendarYearWrite.holidays",
        "CalendarYearWrite.workdays",
        "Commitment.due_date",
        "ProductCreate.valid_until",
        "SignCreate.signed_on",
        "EventCreate.held_on",
    } <= names


@pytest.mark.parametrize(("model", "field", "kind", "many"), DATE_FIELDS)
@pytest.mark.parametrize("sent", [TIMESTAMP, str(TIMESTAMP), float(TIMESTAMP)], ids=["number", "digits", "float"])
def test_a_number_is_not_a_date_in_any_request_body(model: type[BaseModel], field: str, kind: str, many: bool, sent):
    with pytest.raises(ValidationError) as refused:
        model.model_validate({field: [sent] if many else sent})
    at_field = [e for e in refused.value.errors() if e["loc"][:1] == (field,)]
    assert [e["type"] for e in at_field] == ["value_error"], refused.value.errors()
    assert field_message(at_field[0]) == (NOT_A_DATE if kind == "date" else NOT_A_DATETIME)


@pytest.mark.parametrize(
    "sent",
    [TIMESTAMP, "1767225600", "2026-01-01T00:00:00Z", "2026-01-01 00:00", "20260101", "2026-1-1", " 2026-01-01", True],
)
def test_a_date_is_yyyy_mm_dd_only(sent):
    with pytest.raises(ValidationError) as refused:
        TypeAdapter(IsoDate).validate_python(sent)
    message = field_message(refused.value.errors()[0])
    assert message == "应为 YYYY-MM-DD 格式的日期" and message.en == "must be a date as YYYY-MM-DD"


def test_a_date_is_read_from_its_iso_string_or_taken_as_built():
    assert TypeAdapter(IsoDate).validate_python("2026-03-18") == date(2026, 3, 18)
    assert TypeAdapter(IsoDate).validate_json('"2026-03-18"') == date(2026, 3, 18)
    assert TypeAdapter(IsoDate).validate_python(date(2026, 3, 18)) == date(2026, 3, 18)  # a seed built in code
    with pytest.raises(ValidationError, match="date_from_datetime_parsing"):
        TypeAdapter(IsoDate).validate_python("2026-02-30")
    assert TypeAdapter(IsoDate | None).validate_python(None) is None
    assert TypeAdapter(IsoDate).json_schema() == {"type": "string", "format": "date"}


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("2026-03-02T01:30:00Z", datetime(2026, 3, 2, 1, 30, tzinfo=UTC)),
        ("2026-03-02t01:30:00.123456z", datetime(2026, 3, 2, 1, 30, 0, 123456, tzinfo=UTC)),
        ("2026-03-02T09:30+08:00", datetime(2026, 3, 2, 1, 30, tzinfo=UTC)),
        (datetime(2026, 3, 2, 1, 30, tzinfo=UTC), datetime(2026, 3, 2, 1, 30, tzinfo=UTC)),
    ],
)
def test_a_date_time_is_iso_8601_with_its_zone(sent, expected: datetime):
    assert TypeAdapter(IsoDateTime).validate_python(sent) == expected


@pytest.mark.parametrize(
    "sent",
    [
        TIMESTAMP,
        "1767225600",
        "2026-03-02",
        "2026-03-02 01:30:00Z",
        "2026-03-02T01:30:00",
        datetime(2026, 3, 2, 1, 30),
        None,
    ],
)
def test_a_date_time_without_a_zone_or_as_a_number_is_refused(sent):
    with pytest.raises(ValidationError) as refused:
        TypeAdapter(IsoDateTime).validate_python(sent)
    message = field_message(refused.value.errors()[0])
    assert "带时区的 ISO 8601" in message and "with a time zone" in message.en
    assert TypeAdapter(IsoDateTime).json_schema() == {"type": "string", "format": "date-time"}


def test_no_nul_keeps_the_string_as_sent_but_refuses_nul():
    from typing import Annotated

    kept = TypeAdapter(Annotated[str, NoNul])
    assert kept.validate_python(" pass word\t") == " pass word\t"
    with pytest.raises(ValidationError, match="不能含 NUL 字符") as refused:
        kept.validate_python("ad\x00min")
    assert field_message(refused.value.errors()[0]).en == "must not contain NUL"
