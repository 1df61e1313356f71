"""The two figures every dashboard computes: a share and an average, None when there is nothing to count."""

import math
from collections.abc import Sequence


def rate(part: int, whole: int) -> float | None:
    """A share between 0 and 1, to four places."""
    return round(part / whole, 4) if whole else None


def mean(values: Sequence[float]) -> float | None:
    """An average to two places (working days, materials)."""
    return round(sum(values) / len(values), 2) if values else None


def percentile(weighted: Sequence[tuple[float, int]], q: float) -> float | None:
    """The nearest-rank q-quantile (0 < q <= 1) of values given with their counts, None when there are none."""
    ordered = sorted(weighted)
    total = sum(count for _, count in ordered)
    if not total:
        return None
    rank, seen = max(1, math.ceil(q * total)), 0
    for value, count in ordered:
        seen += count
        if seen >= rank:
            return value
    return ordered[-1][0]  # unreachable: the counts add up to total
