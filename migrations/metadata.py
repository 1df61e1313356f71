"""Every table of every schema on one metadata, for Alembic and for the models-match-migrations test."""

from sqlmodel import SQLModel

import gateway.models
import services.approval.models
import services.finance.models
import services.intake.models  # noqa: F401

SCHEMAS = (gateway.models.SCHEMA, "intake", "approval", "finance")
metadata = SQLModel.metadata


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Autogenerate looks only at Kuaiban's schemas."""
    return name in SCHEMAS if type_ == "schema" else True
