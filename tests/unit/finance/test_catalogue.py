"""Catalogue sync's pure rules: terms compared as stored, a change of terms is a new version, a batch keeps
its bad items as results, and whose catalogue each caller writes."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from services.common.auth import Principal, Role
from services.common.problems import Forbidden, Invalid
from services.finance import domain, policy
from services.finance.domain import ProductStatus
from services.finance.models import Product
from services.finance.schemas import BATCH_LIMIT, ProductBatch, ProductBatchItem, RejectedItem
from tests.helpers import finance_rows

NOW = datetime(2026, 4, 2, 2, 0, tzinfo=UTC)
BANK = uuid.UUID("9f1b6f5e-0c41-4a57-8d3e-3a5e2f0c0002")
TERMS = {
    "name": "濉溪快贷·制造业信用贷",
    "min_amount_yuan": 500_000,
    "max_amount_yuan": 10_000_000,
    "annual_rate_pct_min": 3.45,
    "annual_rate_pct_max": 4.35,
    "term_months_min": 6,
    "term_months_max": 36,
    "collateral_types": ["guarantee", "credit"],
    "industries": ["C"],
    "towns": ["韩村镇", "濉溪镇"],
    "min_years_in_business": 2,
    "min_annual_revenue_yuan": 5_000_000,
    "accepted_credit_ratings": ["B", "A"],
    "valid_until": date(2027, 6, 30),
}


def product(**changes) -> Product:
    return finance_rows.product(**{**TERMS, "bank_id": BANK, "version": 1, "updated_at": NOW, **changes})


def test_terms_are_compared_as_the_columns_keep_them():
    terms = domain.terms_of(product())
    assert terms["collateral_types"] == ["credit", "guarantee"] and terms["accepted_credit_ratings"] == ["A", "B"]
    assert terms["towns"] == sorted(["韩村镇", "濉溪镇"]) and terms["valid_until"] == "2027-06-30"
    assert domain.canonical_terms({**TERMS, "annual_rate_pct_min": 3.4500001}) == terms
    assert domain.terms_of(product(valid_until=None))["valid_until"] is None
    assert set(terms) == set(domain.TERM_FIELDS)


@pytest.mark.parametrize(("rate", "stored"), [(3.455, 3.46), (3.454, 3.45), (4.3, 4.3), (0.005, 0.01), (36, 36.0)])
def test_rates_are_kept_to_the_cent_half_away_from_zero_as_postgresql_rounds(rate: float, stored: float):
    assert domain.to_cent(rate) == stored


def test_the_same_terms_in_another_order_change_nothing():
    row = product()
    same = {**TERMS, "collateral_types": ["credit", "guarantee"], "towns": ["濉溪镇", "韩村镇"]}
    assert domain.revise(row, same, now=NOW + timedelta(hours=1)) is False
    assert (row.version, row.updated_at, row.towns) == (1, NOW, ["韩村镇", "濉溪镇"])


@pytest.mark.parametrize(
    "change",
    [
        {"annual_rate_pct_min": 3.2},
        {"name": "濉溪快贷"},
        {"towns": []},
        {"valid_until": None},
        {"accepted_credit_ratings": ["A"]},
    ],
)
def test_a_change_of_any_term_is_a_new_version(change: dict):
    row, later = product(), NOW + timedelta(hours=1)
    assert domain.revise(row, {**TERMS, **change}, now=later) is True
    assert (row.version, row.updated_at) == (2, later)
    assert domain.terms_of(row) == domain.canonical_terms({**TERMS, **change})
    assert domain.revise(row, {**TERMS, **change}, now=later + timedelta(hours=1)) is False


def test_a_revision_leaves_the_status_alone():
    row = product(status=ProductStatus.withdrawn)
    domain.revise(row, {**TERMS, "annual_rate_pct_max": 5.0}, now=NOW)
    assert row.status is ProductStatus.withdrawn


def item(**changes) -> dict:
    return {**TERMS, "valid_until": "2027-06-30", "external_ref": "SXRCB-001", **changes}


def test_a_batch_keeps_each_bad_item_as_a_result_instead_of_failing():
    batch = ProductBatch.model_validate(
        {"items": [item(), item(min_amount_yuan=-1), "not a product", item(external_ref="no spaces")]}
    )
    good, negative, text, spaced = batch.items
    assert isinstance(good, ProductBatchItem) and good.external_ref == "SXRCB-001"
    assert isinstance(negative, RejectedItem) and negative.external_ref == "SXRCB-001"
    assert [e["loc"] for e in negative.errors] == [("min_amount_yuan",)]
    assert isinstance(text, RejectedItem) and text.external_ref is None
    assert isinstance(spaced, RejectedItem) and [e["loc"] for e in spaced.errors] == [("external_ref",)]


def test_a_batch_is_limited_to_500_items_as_a_whole():
    ProductBatch.model_validate({"items": [item(external_ref=f"P{i}") for i in range(BATCH_LIMIT)]})
    with pytest.raises(ValueError, match="at most 500"):
        ProductBatch.model_validate({"items": [item(external_ref=f"P{i}") for i in range(BATCH_LIMIT + 1)]})


def caller(role: Role, **claims) -> Principal:
    return Principal(subject=str(uuid.uuid4()), username=role.value, role=role, **claims)


def test_a_bank_syncs_its_own_catalogue_and_admin_the_one_it_names():
    bank = caller(Role.bank, bank_id=BANK)
    assert policy.catalogue_of(bank, None) == BANK
    assert policy.catalogue_of(bank, BANK) == BANK
    with pytest.raises(Forbidden):
        policy.catalogue_of(bank, uuid.uuid4())
    other = uuid.uuid4()
    assert policy.catalogue_of(caller(Role.admin), other) == other
    with pytest.raises(Invalid) as missing:
        policy.catalogue_of(caller(Role.admin), None)
    assert missing.value.errors[0]["field"] == "bank_id"
