"""The county's department codes, shared by accounts, requests and approval tasks."""

from enum import StrEnum

from services.common.schemas import labelled


class Department(StrEnum):
    market = "market"  # 市场监管
    tax = "tax"  # 税务
    hrss = "hrss"  # 人社
    public_security = "public_security"  # 公安
    housing_fund = "housing_fund"  # 公积金
    power = "power"  # 供电
    water = "water"  # 供水
    gas = "gas"  # 燃气
    natural_resources = "natural_resources"  # 自然资源
    housing = "housing"  # 住建
    development_reform = "development_reform"  # 发改
    ecology = "ecology"  # 生态环境
    finance_office = "finance_office"  # 金融办
    data_bureau = "data_bureau"  # 数据资源局


labelled(
    Department,
    {
        "market": ("市场监管局", "Market regulation"),
        "tax": ("税务局", "Taxation"),
        "hrss": ("人社局", "Human resources and social security"),
        "public_security": ("公安局", "Public security"),
        "housing_fund": ("公积金中心", "Housing provident fund"),
        "power": ("供电公司", "Power supply"),
        "water": ("供水公司", "Water supply"),
        "gas": ("燃气公司", "Gas supply"),
        "natural_resources": ("自然资源和规划局", "Natural resources and planning"),
        "housing": ("住建局", "Housing and construction"),
        "development_reform": ("发改委", "Development and reform"),
        "ecology": ("生态环境分局", "Ecology and environment"),
        "finance_office": ("金融办", "Financial affairs office"),
        "data_bureau": ("数据资源局", "Data resources bureau"),
    },
)
