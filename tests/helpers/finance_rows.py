"""Finance rows built in memory for the pure rules' unit tests: a need, a loan application, a product and the
enterprise's profile, each an eligible baseline that a test changes by keyword, and products as matching holds them."""

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime

import numpy as np

from services.common.schemas import CreditRating, IndustrySection
from services.finance.domain import LoanStatus, NeedStatus, ProductStatus
from services.finance.models import LoanApplication, Need, Product
from services.finance.service.offers import LIST_COLUMNS, NEVER, Membership, Offers, cents, mask
from services.intake.contract import EnterpriseProfile

BEFORE = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def need(**fields) -> Need:
    values = {
        "enterprise_id": uuid.uuid4(),
        "amount_yuan": 3_000_000,
        "term_months": 24,
        "purpose": "购置铝型材挤压生产线",
        "collateral_available": ["credit", "mortgage"],
        "max_annual_rate_pct": 6.0,
        "status": NeedStatus.open,
        "enterprise_name": "濉溪县测试铝业有限公司",
        "industry": IndustrySection.C,
        "town": "濉溪镇",
        "established_on": date(2018, 5, 20),
        "annual_revenue_yuan": 35_000_000,
        "credit_rating": CreditRating.A,
        "created_at": BEFORE,
        "updated_at": BEFORE,
    }
    return Need(**{**values, **fields})


def loan(status: LoanStatus = LoanStatus.submitted, **fields) -> LoanApplication:
    values = {
        "need_id": uuid.uuid4(),
        "product_id": uuid.uuid4(),
        "bank_id": uuid.uuid4(),
        "enterprise_id": uuid.uuid4(),
        "status": status,
        "created_at": BEFORE,
        "updated_at": BEFORE,
    }
    return LoanApplication(**{**values, **fields})


def product(**fields) -> Product:
    values = {
        "bank_id": uuid.uuid4(),
        "name": "濉溪快贷·制造业信用贷",
        "min_amount_yuan": 1_000_000,
        "max_amount_yuan": 10_000_000,
        "annual_rate_pct_min": 3.45,
        "annual_rate_pct_max": 4.35,
        "term_months_min": 12,
        "term_months_max": 36,
        "collateral_types": ["credit"],
        "industries": ["C"],
        "towns": ["濉溪镇"],
        "min_years_in_business": 3,
        "min_annual_revenue_yuan": 10_000_000,
        "accepted_credit_ratings": ["A", "B"],
        "status": ProductStatus.active,
        "created_at": BEFORE,
        "updated_at": BEFORE,
    }
    return Product(**{**values, **fields})


def profile(**fields) -> EnterpriseProfile:
    values = {
        "id": uuid.uuid4(),
        "uscc": "91340621MA2TEST00X",
        "name": "濉溪县测试铝业有限公司",
        "industry": "C",
        "town": "濉溪镇",
        "established_on": date(2018, 5, 20),
        "employees": 120,
        "annual_revenue_yuan": 35_000_000,
        "credit_rating": "A",
        "key_enterprise": True,
    }
    return EnterpriseProfile(**{**values, **fields})


def offers_of(products: Sequence[Product]) -> Offers:
    """The products as `offers.load` holds them, in their order, without the database."""
    size = len(products)

    def column(value, kind: type) -> np.ndarray:
        return np.array([value(p) for p in products], dtype=kind)

    def membership(name: str) -> Membership:
        lists = [getattr(p, name) for p in products]
        values = {value for values in lists for value in values}
        held = {value: mask([row for row, values in enumerate(lists) if value in values], size) for value in values}
        return Membership(size, held, mask([row for row, values in enumerate(lists) if not values], size))

    return Offers(
        size=size,
        id_high=column(lambda p: p.id.int >> 64, np.uint64),
        id_low=column(lambda p: p.id.int & 0xFFFF_FFFF_FFFF_FFFF, np.uint64),
        min_amount=column(lambda p: p.min_amount_yuan, np.int64),
        max_amount=column(lambda p: p.max_amount_yuan, np.int64),
        term_min=column(lambda p: p.term_months_min, np.int32),
        term_max=column(lambda p: p.term_months_max, np.int32),
        rate_cents=column(lambda p: cents(p.annual_rate_pct_min), np.int32),
        min_years=column(lambda p: p.min_years_in_business, np.int32),
        min_revenue=column(lambda p: p.min_annual_revenue_yuan, np.int64),
        valid_until=column(lambda p: NEVER if p.valid_until is None else p.valid_until.toordinal(), np.int32),
        **{field: membership(name) for field, name in LIST_COLUMNS.items()},
    )
