"""The shared figures: shares, averages and weighted percentiles (nearest rank), None when nothing is counted."""

from services.common.stats import percentile


def test_a_weighted_percentile_takes_the_nearest_rank():
    days = [(3.0, 1), (1.0, 8), (2.0, 1)]  # ten grants: eight paid in 1 working day, one in 2, one in 3
    assert percentile(days, 0.5) == 1.0
    assert percentile(days, 0.9) == 2.0
    assert percentile(days, 1.0) == 3.0
    assert percentile([(4.5, 1)], 0.5) == percentile([(4.5, 1)], 0.9) == 4.5


def test_no_values_give_no_percentile():
    assert percentile([], 0.5) is None
    assert percentile([(1.0, 0)], 0.9) is None
