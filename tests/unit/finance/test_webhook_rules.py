"""The pure webhook rules: what an attempt leads to, and withdrawing a loan application."""

from datetime import UTC, datetime

import pytest

from services.common.problems import InvalidTransition
from services.common.settings import Settings, retry_delays
from services.finance.domain import DeliveryStatus, LoanStatus, after_attempt, withdraw
from tests.helpers.finance_rows import loan

DELAYS = (1.0, 2.0, 4.0)
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


def test_a_delivered_attempt_clears_the_endpoints_failures():
    outcome = after_attempt(delivered=True, tries=3, delays=DELAYS, endpoint_failures=4, disable_after=5)
    assert (outcome.status, outcome.retry_in, outcome.endpoint_failures, outcome.disable) == (
        DeliveryStatus.delivered,
        None,
        0,
        False,
    )


@pytest.mark.parametrize(("tries", "wait"), [(1, 1.0), (2, 2.0), (3, 4.0)])
def test_a_failure_waits_the_next_delay_of_the_schedule(tries: int, wait: float):
    outcome = after_attempt(delivered=False, tries=tries, delays=DELAYS, endpoint_failures=2, disable_after=5)
    assert (outcome.status, outcome.retry_in, outcome.endpoint_failures) == (DeliveryStatus.pending, wait, 2)


def test_when_the_schedule_runs_out_the_event_failed_and_enough_in_a_row_disable_the_endpoint():
    failed = after_attempt(delivered=False, tries=4, delays=DELAYS, endpoint_failures=3, disable_after=5)
    assert (failed.status, failed.endpoint_failures, failed.disable) == (DeliveryStatus.failed, 4, False)
    last = after_attempt(delivered=False, tries=4, delays=DELAYS, endpoint_failures=4, disable_after=5)
    assert (last.status, last.endpoint_failures, last.disable) == (DeliveryStatus.failed, 5, True)
    no_retry = after_attempt(delivered=False, tries=1, delays=(), endpoint_failures=0, disable_after=1)
    assert (no_retry.status, no_retry.disable) == (DeliveryStatus.failed, True)


def test_the_default_schedule_spans_more_than_a_day_and_bad_schedules_are_refused():
    assert sum(Settings().webhook_retry_delays) >= 24 * 3600
    assert retry_delays("0,0,0") == (0.0, 0.0, 0.0) and retry_delays("") == ()
    for bad in ("1,x", "-1", str(8 * 86_400)):
        with pytest.raises(ValueError):
            retry_delays(bad)


@pytest.mark.parametrize("status", [LoanStatus.submitted, LoanStatus.approved])
def test_an_open_application_can_be_withdrawn(status: LoanStatus):
    application = loan(status)
    later = NOW.replace(hour=9)
    assert withdraw(application, now=later)[0] == "application.withdrawn"
    assert (application.status, application.updated_at) == (LoanStatus.withdrawn, later)


@pytest.mark.parametrize("status", [LoanStatus.rejected, LoanStatus.signed, LoanStatus.withdrawn])
def test_a_closed_application_cannot_be_withdrawn(status: LoanStatus):
    application = loan(status)
    with pytest.raises(InvalidTransition):
        withdraw(application, now=NOW)
    assert application.status == status
