"""Messages for people in two languages: Chinese by default, English for `Accept-Language: en`.

A `Text` is a Chinese string that also carries its English twin, so code that treats messages as plain
text still works; `localize` picks the language an answer is written in.
"""

from collections.abc import Iterable, Mapping
from typing import Any, Literal

Language = Literal["zh", "en"]
DEFAULT_LANGUAGE: Language = "zh"
CONTENT_LANGUAGE = {"zh": "zh-CN", "en": "en"}


class Text(str):
    """A message for people: the string itself is Chinese, `.en` is the English for `Accept-Language: en`."""

    en: str

    def __new__(cls, zh: str, en: str) -> "Text":
        text = super().__new__(cls, zh)
        text.en = en
        return text

    def __reduce__(self):  # keep `.en` across copy and pickle
        return Text, (str(self), self.en)


def localize(message: str, language: Language) -> str:
    """The message in `language`; plain strings have one language only and are returned as they are."""
    if language == "en" and isinstance(message, Text):
        return message.en
    return str(message)


def no_such(zh: str, en: str) -> Text:
    """The detail of a 404 or of an unknown reference: `no_such("申请", "application")`."""
    return Text(f"{zh}不存在。", f"No such {en}.")


def join(messages: Iterable[str]) -> Text:
    """Several messages as one detail, in both languages."""
    listed = list(messages)
    return Text("；".join(listed), "; ".join(getattr(m, "en", m) for m in listed))


def language_of(accept_language: str | None) -> Language:
    """The answer's language from an `Accept-Language` header: the preferred of zh and en, Chinese by default."""
    best_quality, best = 0.0, DEFAULT_LANGUAGE
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary != "zh" and primary != "en":
            continue
        quality = _quality(params) - position * 1e-6  # equal weights: the first listed wins
        if quality > best_quality:
            best_quality, best = quality, primary
    return best


def _quality(params: str) -> float:
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def language_of_scope(scope: Mapping[str, Any] | None) -> Language:
    """The answer's language for a raw ASGI request."""
    for name, value in (scope or {}).get("headers", ()):
        if name == b"accept-language":
            return language_of(value.decode("latin-1"))
    return DEFAULT_LANGUAGE
