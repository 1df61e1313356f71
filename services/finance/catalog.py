"""Demo banks and loan products that `make run` seeds, so a new user can try matching at once.

Modelled on 濉溪县's bank-enterprise matchmaking (银企融资对接): local banks offering credit loans to
manufacturers, tax-record loans (税融通) and mortgage loans for expansion.
"""

from services.finance.schemas import ProductCreate

TOWNS = ["濉溪镇", "韩村镇", "刘桥镇", "百善镇", "临涣镇", "南坪镇", "铁佛镇", "孙疃镇", "双堆集镇", "五沟镇", "四铺镇"]

CATALOG = {
    ("SXRCB", "淮北农村商业银行濉溪支行"): [
        {
            "name": "濉溪快贷·制造业信用贷",
            "min_amount_yuan": 500_000,
            "max_amount_yuan": 10_000_000,
            "annual_rate_pct_min": 3.45,
            "annual_rate_pct_max": 4.35,
            "term_months_min": 6,
            "term_months_max": 36,
            "collateral_types": ["credit"],
            "industries": ["C"],
            "towns": [],
            "min_years_in_business": 2,
            "min_annual_revenue_yuan": 5_000_000,
            "accepted_credit_ratings": ["A", "B"],
        },
        {
            "name": "乡村振兴贷",
            "min_amount_yuan": 100_000,
            "max_amount_yuan": 3_000_000,
            "annual_rate_pct_min": 3.85,
            "annual_rate_pct_max": 4.9,
            "term_months_min": 12,
            "term_months_max": 36,
            "collateral_types": ["credit", "guarantee"],
            "industries": ["A"],
            "towns": TOWNS[1:],
            "min_years_in_business": 1,
            "min_annual_revenue_yuan": 0,
            "accepted_credit_ratings": ["A", "B", "C"],
        },
    ],
    ("ICBC-SX", "中国工商银行濉溪支行"): [
        {
            "name": "经营快贷（税融通）",
            "min_amount_yuan": 300_000,
            "max_amount_yuan": 5_000_000,
            "annual_rate_pct_min": 3.1,
            "annual_rate_pct_max": 3.9,
            "term_months_min": 12,
            "term_months_max": 24,
            "collateral_types": ["credit"],
            "industries": [],
            "towns": [],
            "min_years_in_business": 2,
            "min_annual_revenue_yuan": 3_000_000,
            "accepted_credit_ratings": ["A"],
        },
    ],
    ("HSB-SX", "徽商银行濉溪支行"): [
        {
            "name": "厂房抵押扩产贷",
            "min_amount_yuan": 2_000_000,
            "max_amount_yuan": 50_000_000,
            "annual_rate_pct_min": 3.6,
            "annual_rate_pct_max": 4.6,
            "term_months_min": 12,
            "term_months_max": 60,
            "collateral_types": ["mortgage", "pledge"],
            "industries": [],
            "towns": [],
            "min_years_in_business": 3,
            "min_annual_revenue_yuan": 10_000_000,
            "accepted_credit_ratings": ["A", "B"],
        },
    ],
}


def banks() -> dict[tuple[str, str], list[ProductCreate]]:
    return {bank: [ProductCreate.model_validate(p) for p in products] for bank, products in CATALOG.items()}
