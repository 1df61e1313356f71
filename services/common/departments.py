"""The county's department codes, shared by accounts, requests and approval tasks."""

from enum import StrEnum


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
