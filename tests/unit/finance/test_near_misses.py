"""What would make a near miss fit, in both languages and with numbers: one text per rule of the one table that
matches, leads and near misses share."""

from datetime import date

import pytest

from services.common.schemas import CreditRating, IndustrySection
from services.finance.service import matching
from tests.helpers.finance_rows import need, offers_of, product, profile

ON = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("code", "product_fields", "need_fields", "profile_fields", "zh", "en"),
    [
        (
            "min_annual_revenue",
            {"min_annual_revenue_yuan": 5_000_000},
            {},
            {"annual_revenue_yuan": 4_200_000},
            "年营业收入需不低于 500 万元（当前 420 万元）",
            "Annual revenue must be at least 5,000,000 yuan (now 4,200,000 yuan)",
        ),
        (
            "credit_rating",
            {"accepted_credit_ratings": ["A"]},
            {},
            {"credit_rating": CreditRating.B},
            "信用等级需为 A（当前 B）",
            "The credit rating must be A (now B)",
        ),
        (
            "credit_rating",
            {"accepted_credit_ratings": ["B", "A"]},
            {},
            {"credit_rating": CreditRating.C},
            "信用等级需为 A、B 之一（当前 C）",
            "The credit rating must be one of A, B (now C)",
        ),
        (
            "amount",
            {"min_amount_yuan": 1_000_000, "max_amount_yuan": 10_000_000},
            {"amount_yuan": 20_000_000},
            {},
            "融资金额需在 100–1,000 万元之间（当前 2,000 万元）",
            "The amount must be between 1,000,000 yuan and 10,000,000 yuan (now 20,000,000 yuan)",
        ),
        (
            "term",
            {"term_months_min": 12, "term_months_max": 36},
            {"term_months": 60},
            {},
            "期限需在 12–36 个月之间（当前 60 个月）",
            "The term must be between 12 and 36 months (now 60 months)",
        ),
        (
            "collateral",
            {"collateral_types": ["mortgage", "pledge"]},
            {"collateral_available": ["credit", "guarantee"]},
            {},
            "担保方式需为 抵押、质押 之一（当前可提供 信用、保证）",
            "The collateral must be one of mortgage, pledge (now offered: credit, guarantee)",
        ),
        (
            "industry",
            {"industries": ["C", "E"]},
            {},
            {"industry": IndustrySection.A},
            "行业门类需为 C、E 之一（当前 A）",
            "The industry section must be one of C, E (now A)",
        ),
        (
            "town",
            {"towns": ["韩村镇"]},
            {},
            {"town": "濉溪镇"},
            "所在乡镇需为 韩村镇（当前 濉溪镇）",
            "The town must be 韩村镇 (now 濉溪镇)",
        ),
        (
            "min_years_in_business",
            {"min_years_in_business": 3},
            {},
            {"established_on": date(2025, 6, 1)},
            "成立年限需不少于 3 年（当前 1 年）",
            "Years in business must be at least 3 (now 1)",
        ),
        (
            "max_annual_rate",
            {"annual_rate_pct_min": 4.2},
            {"max_annual_rate_pct": 3.8},
            {},
            "可接受的年利率上限需不低于 4.2%（当前 3.8%）",
            "The highest annual rate accepted must be at least 4.2% (now 3.8%)",
        ),
    ],
)
def test_each_rule_says_what_would_make_it_fit_with_numbers(code, product_fields, need_fields, profile_fields, zh, en):
    text = matching.requirement(code, product(**product_fields), need(**need_fields), profile(**profile_fields), ON)
    assert (str(text), text.en) == (zh, en)


def test_every_rule_has_a_stable_code_a_label_and_both_sides():
    codes = [rule.code for rule in matching.RULES]
    assert codes == [
        "amount",
        "term",
        "collateral",
        "industry",
        "town",
        "min_years_in_business",
        "min_annual_revenue",
        "credit_rating",
        "max_annual_rate",
    ]
    assert all(rule.label and rule.label.en for rule in matching.RULES)


def test_a_rule_that_cannot_fail_is_left_out_on_each_side():
    """A need without a rate cap fails no product's rate; a product open to every industry and town fails no need
    on them."""
    open_product = product(industries=[], towns=[])
    need_rules = [code for code, _ in matching._need_rules(matching.Need, open_product, ON)]
    assert "industry" not in need_rules and "town" not in need_rules and "max_annual_rate" in need_rules
    uncapped = need(max_annual_rate_pct=None)
    offers = offers_of([product()])
    product_rules = [code for code, _ in matching._product_rules(offers, uncapped, profile(), ON)]
    assert "max_annual_rate" not in product_rules and len(product_rules) == len(matching.RULES) - 1
