"""The two sides of every matching rule agree: the products' side (arrays in memory, for a need's matches and
near misses) and the needs' side (SQL, for a product's leads and near-miss counts) fail the same rules for
every product and need, boundaries included."""

import random
from datetime import date, timedelta

from sqlalchemy import case
from sqlalchemy import select as sa_select

from services.common.schemas import CreditRating, IndustrySection
from services.finance.models import Need, Product
from services.finance.service import matching, offers
from tests.helpers.finance_rows import need, offers_of, product, profile
from tests.helpers.inprocess import Kuaiban

ON = date(2026, 11, 29)
TOWNS = ["濉溪镇", "临涣镇", "韩村镇"]
COLLATERAL = ["credit", "mortgage", "guarantee", "pledge"]
RATINGS = [r.value for r in CreditRating]


def some(rng: random.Random, values: list[str]) -> list[str]:
    return sorted(rng.sample(values, rng.randint(0, len(values))))


def random_product(rng: random.Random) -> Product:
    low = rng.choice([100_000, 1_000_000, 5_000_000])
    return product(
        min_amount_yuan=low,
        max_amount_yuan=low * rng.choice([1, 4, 10]),
        term_months_min=(short := rng.choice([6, 12, 24])),
        term_months_max=short + rng.choice([0, 12, 36]),
        annual_rate_pct_min=(rate := rng.choice([2.8, 3.45, 4.35, 6.0])),
        annual_rate_pct_max=rate + 1,
        collateral_types=some(rng, COLLATERAL),
        industries=rng.choice([[], ["C"], ["C", "F"], ["A"]]),
        towns=rng.choice([[], TOWNS[:1], TOWNS[1:]]),
        min_years_in_business=rng.choice([0, 3, 5]),
        min_annual_revenue_yuan=rng.choice([0, 5_000_000, 30_000_000]),
        accepted_credit_ratings=some(rng, RATINGS),
        valid_until=rng.choice([None, ON, ON - timedelta(days=1)]),
    )


def random_need(rng: random.Random) -> Need:
    return need(
        amount_yuan=rng.choice([100_000, 1_000_000, 4_000_000, 5_000_000, 50_000_000]),
        term_months=rng.choice([6, 12, 24, 36, 60]),
        collateral_available=some(rng, COLLATERAL) or ["credit"],
        max_annual_rate_pct=rng.choice([None, 3.45, 4.35, 5.0]),
        industry=rng.choice([IndustrySection.A, IndustrySection.C, IndustrySection.F]),
        town=rng.choice(TOWNS),
        established_on=ON.replace(year=ON.year - 5) + timedelta(days=rng.choice([-1, 0, 1])),
        annual_revenue_yuan=rng.choice([0, 5_000_000, 29_999_999, 30_000_000]),
        credit_rating=rng.choice(list(CreditRating)),
    )


def assert_same_offers(held: offers.Offers, row_of: dict, built: offers.Offers, products: list[Product]) -> None:
    """What PostgreSQL packed for each product is what the product holds."""
    for index, p in enumerate(products):
        row = row_of[p.id]
        for field in ("min_amount", "max_amount", "term_min", "term_max", "rate_cents", "min_years", "min_revenue"):
            assert getattr(held, field)[row] == getattr(built, field)[index], (field, p)
        assert held.valid_until[row] == built.valid_until[index]
        for field in ("collateral", "industries", "towns", "ratings"):
            mine, theirs = getattr(held, field), getattr(built, field)
            assert mine.empty[row] == theirs.empty[index]
            assert {v for v, rows in mine.members.items() if rows[row]} == {
                v for v, rows in theirs.members.items() if rows[index]
            }


async def test_both_sides_of_each_rule_fail_the_same_pairs(kuaiban: Kuaiban):
    rng = random.Random(11)
    products = [random_product(rng) for _ in range(60)]
    needs = [random_need(rng) for _ in range(60)]
    async with kuaiban.runtimes["finance"].sessions() as session:
        session.add_all([*products, *needs])
        await session.flush()
        on_offer = {p.id for p in products if p.valid_until is None or p.valid_until >= ON}

        held = await offers.current(session)
        row_of = {held.product_id(row): row for row in range(held.size)}
        assert_same_offers(held, row_of, offers_of(products), products)
        in_memory: dict[tuple, set[str]] = {}
        for n in needs:
            facts = profile(
                industry=n.industry,
                town=n.town,
                established_on=n.established_on,
                annual_revenue_yuan=n.annual_revenue_yuan,
                credit_rating=n.credit_rating,
            )
            rules = matching._product_rules(held, n, facts, ON)
            for p in products:
                in_memory[p.id, n.id] = {code for code, passes in rules if not passes[row_of[p.id]]}
            fits = {held.product_id(int(row)) for row in matching.eligible_rows(held, n, facts, ON)}
            assert fits == {p.id for p in products if p.id in on_offer and not in_memory[p.id, n.id]}

        in_sql: dict[tuple, set[str]] = {}
        for p in products:
            rules = matching._need_rules(Need, p, ON)
            failed = [case((condition, None), else_=code) for code, condition in rules]
            query = sa_select(Need.id, *failed).where(Need.id.in_([n.id for n in needs]))
            for need_id, *codes in (await session.exec(query)).all():  # type: ignore[call-overload]
                in_sql[p.id, need_id] = {code for code in codes if code is not None}

    assert in_sql == in_memory
    assert sum(1 for codes in in_memory.values() if not codes) >= 10, "some pairs fit"
    assert sum(1 for codes in in_memory.values() if len(codes) == 1) > 20, "some pairs miss by one rule"
    assert {code for codes in in_memory.values() for code in codes} == {rule.code for rule in matching.RULES}
    assert len(on_offer) < len(products), "an expired product is among them"
