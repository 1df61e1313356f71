from enum import StrEnum


class Department(StrEnum):
    DATA_BUREAU = "data_bureau"
    DEVELOPMENT_REFORM = "development_reform"
    ECOLOGY = "ecology"
    FINANCE_OFFICE = "finance_office"
    GAS = "gas"
    HOUSING = "housing"
    HOUSING_FUND = "housing_fund"
    HRSS = "hrss"
    MARKET = "market"
    NATURAL_RESOURCES = "natural_resources"
    POWER = "power"
    PUBLIC_SECURITY = "public_security"
    TAX = "tax"
    WATER = "water"

    def __str__(self) -> str:
        return str(self.value)
