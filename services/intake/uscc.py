"""Unified social credit codes (统一社会信用代码) and their check character, per GB 32100-2015."""

import secrets

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


def check_character(first17: str) -> str:
    """The 18th character that GB 32100-2015 derives from the first 17."""
    total = sum(_VALUE[ch] * weight for ch, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def uscc_error(code: str) -> str | None:
    """Why `code` is not a valid USCC, or None when it is."""
    if len(code) != 18:
        return "must be 18 characters"
    if bad := sorted({ch for ch in code if ch not in _VALUE}):
        return f"contains characters not allowed in a USCC: {''.join(bad)}"
    if not code[2:8].isdigit():
        return "characters 3-8 must be the administrative division code (digits)"
    if code[17] != check_character(code[:17]):
        return "check character does not match (GB 32100-2015)"
    return None


def random_uscc(*, division: str = "340621") -> str:
    """A valid code with a random organisation part (濉溪县's division code by default), for demo and test data."""
    body = "91" + division + "".join(secrets.choice(ALPHABET) for _ in range(9))
    return body + check_character(body)
