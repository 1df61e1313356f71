from enum import StrEnum


class Chain(StrEnum):
    AGRI_FOOD = "agri_food"
    AUTO_PARTS_EQUIPMENT = "auto_parts_equipment"
    METALS_MATERIALS = "metals_materials"
    MODERN_SERVICES = "modern_services"
    NEW_ENERGY = "new_energy"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
