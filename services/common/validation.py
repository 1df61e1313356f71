"""Validation errors as people read them: pydantic's error types in Chinese and English, no library
prefixes, each as `{field, message, code}`."""

from collections.abc import Mapping
from typing import Any

from fastapi.exceptions import RequestValidationError

from services.common.texts import Text

# pydantic's error types as people read them; `{name}` is filled from the error's context.
_FIELD_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("此项必填", "This field is required"),
    "extra_forbidden": ("不接受此字段", "This field is not accepted"),
    "string_type": ("应为字符串", "Must be a string"),
    "string_too_short": ("至少 {min_length} 个字符", "Must have at least {min_length} characters"),
    "string_too_long": ("至多 {max_length} 个字符", "Must have at most {max_length} characters"),
    "string_pattern_mismatch": ("格式不符合 {pattern}", "Must match {pattern}"),
    "too_short": ("至少 {min_length} 项", "Must have at least {min_length} items"),
    "too_long": ("至多 {max_length} 项", "Must have at most {max_length} items"),
    "int_type": ("应为整数", "Must be an integer"),
    "int_parsing": ("应为整数", "Must be an integer"),
    "int_from_float": ("应为整数", "Must be an integer"),
    "float_type": ("应为数字", "Must be a number"),
    "float_parsing": ("应为数字", "Must be a number"),
    "decimal_type": ("应为数字", "Must be a number"),
    "decimal_parsing": ("应为数字", "Must be a number"),
    "decimal_max_digits": ("至多 {max_digits} 位数字", "Must have at most {max_digits} digits"),
    "decimal_max_places": ("至多 {decimal_places} 位小数", "Must have at most {decimal_places} decimal places"),
    "decimal_whole_digits": ("整数部分至多 {whole_digits} 位", "Must have at most {whole_digits} whole digits"),
    "greater_than": ("应大于 {gt}", "Must be greater than {gt}"),
    "greater_than_equal": ("应不小于 {ge}", "Must be at least {ge}"),
    "less_than": ("应小于 {lt}", "Must be less than {lt}"),
    "less_than_equal": ("应不大于 {le}", "Must be at most {le}"),
    "multiple_of": ("应为 {multiple_of} 的倍数", "Must be a multiple of {multiple_of}"),
    "finite_number": ("应为有限数", "Must be a finite number"),
    "bool_type": ("应为 true 或 false", "Must be true or false"),
    "bool_parsing": ("应为 true 或 false", "Must be true or false"),
    "uuid_type": ("应为 UUID", "Must be a UUID"),
    "uuid_parsing": ("应为 UUID", "Must be a UUID"),
    "date_type": ("应为日期（YYYY-MM-DD）", "Must be a date (YYYY-MM-DD)"),
    "date_parsing": ("应为日期（YYYY-MM-DD）", "Must be a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": ("应为日期（YYYY-MM-DD）", "Must be a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": ("应为日期，不带时间", "Must be a date without a time"),
    "datetime_type": ("应为 ISO 8601 日期时间", "Must be an ISO 8601 date-time"),
    "datetime_parsing": ("应为 ISO 8601 日期时间", "Must be an ISO 8601 date-time"),
    "datetime_from_date_parsing": ("应为 ISO 8601 日期时间", "Must be an ISO 8601 date-time"),
    "timezone_aware": ("须带时区", "Must carry a time zone"),
    "date_past": ("应为过去的日期", "Must be in the past"),
    "date_future": ("应为将来的日期", "Must be in the future"),
    "enum": ("应为以下之一：{expected}", "Must be one of {expected}"),
    "literal_error": ("应为以下之一：{expected}", "Must be one of {expected}"),
    "list_type": ("应为数组", "Must be an array"),
    "set_type": ("应为数组", "Must be an array"),
    "dict_type": ("应为对象", "Must be an object"),
    "model_type": ("应为对象", "Must be an object"),
    "model_attributes_type": ("应为对象", "Must be an object"),
    "json_invalid": ("不是有效的 JSON", "Not valid JSON"),
    "json_type": ("应为 JSON", "Must be JSON"),
    "url_parsing": ("应为网址", "Must be a URL"),
    "url_scheme": ("网址协议应为 {expected_schemes}", "The URL scheme must be {expected_schemes}"),
}
INVALID_VALUE = Text("取值无效", "Invalid value")
_VALIDATOR_TYPES = frozenset({"value_error", "assertion_error"})  # our own validators: their message is ours
_LOCATIONS = ("body", "query", "path", "header", "cookie")


def field_message(error: Mapping[str, Any]) -> Text:
    """One pydantic error as a message people read, without pydantic's wording or prefixes."""
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind in _VALIDATOR_TYPES and isinstance(context.get("error"), Exception):
        raised = context["error"]
        message = raised.args[0] if raised.args else str(raised)
        return message if isinstance(message, Text) else Text(str(message), str(message))
    if kind in _FIELD_MESSAGES:
        zh, en = _FIELD_MESSAGES[kind]
        try:
            return Text(zh.format(**_zh_context(context)), en.format(**context))
        except KeyError:  # a context this template does not know
            return INVALID_VALUE
    message = str(error.get("msg") or "")
    if not message:
        return INVALID_VALUE
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return Text(f"取值无效（{message}）", message)


def _zh_context(context: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value.replace(" or ", " 或 ") if isinstance(value, str) else value for name, value in context.items()}


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in _LOCATIONS]
    return ".".join(parts) or str(loc[0] if loc else "")


def _field_code(error: Mapping[str, Any]) -> str:
    kind = error.get("type") or "validation_failed"  # ProblemKind.validation_failed.code
    return "invalid_value" if kind in _VALIDATOR_TYPES else kind


def validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    """A validation error's `errors` entries, messages in both languages (`Text`)."""
    return [
        {"field": _field_name(tuple(e.get("loc", ()))), "message": field_message(e), "code": _field_code(e)}
        for e in exc.errors()
    ]
