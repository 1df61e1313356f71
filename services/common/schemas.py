"""Building blocks for request and response bodies: strict bodies, safe text, shared vocabulary."""

import re
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints

from services.common.texts import Text


class RequestBody(BaseModel):
    """Request bodies reject unknown fields (no mass assignment)."""

    model_config = ConfigDict(extra="forbid")


class ResponseBody(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _printable(value: str) -> str:
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value) or "\x7f" in value:
        raise ValueError(Text("不能含控制字符", "must not contain control characters"))
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
        raise ValueError(Text("应为单行文字", "must be a single line"))
    return _printable(value)


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError(Text("不能含 NUL 字符", "must not contain NUL"))
    return value


NoNul = AfterValidator(_no_nul)
"""For strings kept as sent (passwords, login names): `Annotated[str, NoNul]`; PostgreSQL cannot store NUL."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?P<zone>[Zz]|[+-]\d{2}:\d{2})?")


NOT_A_DATE = Text("应为 YYYY-MM-DD 格式的日期", "must be a date as YYYY-MM-DD")
NOT_A_DATETIME = Text(
    "应为带时区的 ISO 8601 日期时间（如 2026-03-02T09:30:00Z）",
    "must be an ISO 8601 date-time with a time zone (such as 2026-03-02T09:30:00Z)",
)


def _iso_date(value: object) -> object:
    """Only "YYYY-MM-DD" (or a `date` built in code): pydantic would read a number as a Unix timestamp."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError(NOT_A_DATE)


def _iso_datetime(value: object) -> object:
    """Only an ISO 8601 date-time with its time zone (or an aware `datetime` built in code)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    matched = _ISO_DATETIME.fullmatch(value) if isinstance(value, str) else None
    if matched is None or matched["zone"] is None:
        raise ValueError(NOT_A_DATETIME)
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
"""A date in a request (body or query): "YYYY-MM-DD" only, never a number or a date-time."""
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_datetime)]
"""A date-time in a request (body or query): ISO 8601 with `Z` or an offset, never a number or a naive time."""

E = TypeVar("E", bound=type[Enum])

ENUM_LABELS: dict[type[Enum], dict[str, tuple[str, str]]] = {}
"""Every labelled enum: value -> (Chinese label, English label); the OpenAPI document shows them."""


def labelled(enum: E, labels: dict[str, tuple[str, str]]) -> E:
    """Register the Chinese and English label of every value of `enum` (all of them, no more)."""
    values = [member.value for member in enum]
    if sorted(labels) != sorted(values):
        raise ValueError(f"labels of {enum.__name__} must cover exactly {values}")
    ENUM_LABELS[enum] = {value: labels[value] for value in values}
    return enum


def label_of(member: Enum, language: str = "zh") -> str:
    """The label of an enum value for people, in Chinese unless `language` is "en"."""
    zh, en = ENUM_LABELS[type(member)][member.value]
    return en if language == "en" else zh


IndustrySection = labelled(
    StrEnum("IndustrySection", {ch: ch for ch in "ABCDEFGHIJKLMNOPQRST"}),
    {
        "A": ("农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
        "B": ("采矿业", "Mining"),
        "C": ("制造业", "Manufacturing"),
        "D": ("电力、热力、燃气及水生产和供应业", "Electricity, heat, gas and water supply"),
        "E": ("建筑业", "Construction"),
        "F": ("批发和零售业", "Wholesale and retail trade"),
        "G": ("交通运输、仓储和邮政业", "Transport, storage and post"),
        "H": ("住宿和餐饮业", "Accommodation and catering"),
        "I": ("信息传输、软件和信息技术服务业", "Information transmission, software and IT services"),
        "J": ("金融业", "Finance"),
        "K": ("房地产业", "Real estate"),
        "L": ("租赁和商务服务业", "Leasing and business services"),
        "M": ("科学研究和技术服务业", "Scientific research and technical services"),
        "N": ("水利、环境和公共设施管理业", "Water, environment and public facilities management"),
        "O": ("居民服务、修理和其他服务业", "Resident services, repair and other services"),
        "P": ("教育", "Education"),
        "Q": ("卫生和社会工作", "Health and social work"),
        "R": ("文化、体育和娱乐业", "Culture, sports and entertainment"),
        "S": ("公共管理、社会保障和社会组织", "Public administration, social security and social organisations"),
        "T": ("国际组织", "International organisations"),
    },
)
"""GB/T 4754-2017 industry sections A (agriculture) to T (international organisations)."""


class CreditRating(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


labelled(
    CreditRating,
    {
        "A": ("A 级（信用优良）", "A (excellent)"),
        "B": ("B 级（信用良好）", "B (good)"),
        "C": ("C 级（信用一般）", "C (fair)"),
        "D": ("D 级（信用较差）", "D (poor)"),
    },
)


def _distinct(values: list) -> list:
    if len(set(values)) != len(values):
        raise ValueError(Text("取值不能重复", "values must not repeat"))
    return values


Distinct = AfterValidator(_distinct)
"""For list fields whose items must not repeat: `Annotated[list[X], Distinct]`."""
