"""Building blocks for request and response bodies: strict bodies, safe text, shared vocabulary."""

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints


class RequestBody(BaseModel):
    """Request bodies reject unknown fields (no mass assignment)."""

    model_config = ConfigDict(extra="forbid")


class ResponseBody(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _printable(value: str) -> str:
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value) or "\x7f" in value:
        raise ValueError("must not contain control characters")
    return value


def text(max_length: int, *, min_length: int = 1, multiline: bool = False):
    """A trimmed string of bounded length without NUL or other control characters."""
    check = _printable if multiline else _single_line
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length),
        AfterValidator(check),
    ]


def _single_line(value: str) -> str:
    if "\n" in value or "\t" in value:
        raise ValueError("must be a single line")
    return _printable(value)


IndustrySection = StrEnum("IndustrySection", {ch: ch for ch in "ABCDEFGHIJKLMNOPQRST"})
"""GB/T 4754 industry sections A (agriculture) to T (international organisations)."""


class CreditRating(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


def _distinct(values: list) -> list:
    if len(set(values)) != len(values):
        raise ValueError("values must not repeat")
    return values


Distinct = AfterValidator(_distinct)
"""For list fields whose items must not repeat: `Annotated[list[X], Distinct]`."""
