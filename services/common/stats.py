"""The two figures every dashboard computes: a share and an average, None when there is nothing to count."""

from collections.abc import Sequence


def rate(part: int, whole: int) -> float | None:
    """A share between 0 and 1, to four places."""
    return round(part / whole, 4) if whole else None


def mean(values: Sequence[float]) -> float | None:
    """An average to two places (working days, materials)."""
    return round(sum(values) / len(values), 2) if values else None
