"""Building blocks of bodies: strict request bodies, trimmed safe text, lists without repeats; and the enum column."""

from enum import StrEnum
from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

from services.common.models import EnumText, utcnow
from services.common.schemas import Distinct, RequestBody, text
from services.common.stats import mean, rate


class Note(RequestBody):
    title: text(10)
    body: text(50, multiline=True) | None = None
    tags: Annotated[list[str], Distinct] = []


class Colour(StrEnum):
    red = "red"
    green = "green"


def test_text_is_trimmed_and_bounded():
    assert Note(title="  濉溪  ").title == "濉溪"
    for title in ("", "   ", "长" * 11):
        with pytest.raises(ValidationError):
            Note(title=title)


@pytest.mark.parametrize("title", ["a\x00b", "a\nb", "a\tb", "a\x7fb", "a\x1bb"])
def test_single_line_text_refuses_control_characters_and_line_breaks(title: str):
    with pytest.raises(ValidationError):
        Note(title=title)


def test_multiline_text_keeps_line_breaks_and_tabs_but_no_other_control_character():
    assert Note(title="t", body="第一行\n\t第二行").body == "第一行\n\t第二行"
    for body in ("a\x00b", "a\x7f", "a\rb"):
        with pytest.raises(ValidationError):
            Note(title="t", body=body)


def test_request_bodies_refuse_unknown_fields():
    with pytest.raises(ValidationError, match="extra"):
        Note(title="t", is_admin=True)


def test_distinct_lists_refuse_repeats():
    assert Note(title="t", tags=["a", "b"]).tags == ["a", "b"]
    with pytest.raises(ValidationError) as refused:
        Note(title="t", tags=["a", "a"])
    message = refused.value.errors()[0]["ctx"]["error"].args[0]
    assert (message, message.en) == ("取值不能重复", "values must not repeat")


def test_an_enum_column_stores_text_and_reads_the_member():
    column = EnumText(Colour, 8)
    assert column.impl.length == 8
    assert column.process_bind_param(Colour.red, None) == "red"
    assert column.process_bind_param("green", None) == "green"
    assert column.process_bind_param(None, None) is None
    assert column.process_result_value("green", None) is Colour.green
    assert column.process_result_value(None, None) is None
    with pytest.raises(ValueError):
        column.process_bind_param("blue", None)


def test_utcnow_is_aware():
    assert utcnow().utcoffset() is not None and utcnow().utcoffset().total_seconds() == 0


def test_rates_and_means_are_none_when_there_is_nothing_to_count():
    assert rate(1, 3) == 0.3333 and rate(0, 5) == 0.0 and rate(0, 0) is None
    assert mean([1.0, 2.0, 2.0]) == 1.67 and mean([]) is None


def test_a_plain_model_is_not_strict():
    class Loose(BaseModel):
        title: text(5)

    assert Loose(title="t", extra=1).title == "t"
