"""The Alembic history matches the models, and downgrades cleanly to an empty database."""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from launcher.system import ROOT, create_database, drop_database
from migrations.metadata import SCHEMAS, include_name, metadata
from services.common.settings import sqlalchemy_url


@pytest.fixture
def scratch_url(server_url: str):
    url = create_database(server_url, prefix="kuaiban_migrations")
    yield url
    drop_database(url)


def alembic_config(url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    config.attributes["skip_logging"] = True
    return config


def test_models_and_migrations_agree_and_downgrade_works(scratch_url: str):
    config = alembic_config(scratch_url)
    command.upgrade(config, "head")
    engine = create_engine(sqlalchemy_url(scratch_url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "include_schemas": True,
                    "include_name": include_name,
                    "compare_type": True,
                },
            )
            assert compare_metadata(context, metadata) == []
            schemas = conn.execute(text("SELECT nspname FROM pg_namespace")).scalars().all()
            assert set(SCHEMAS) <= set(schemas)

        command.downgrade(config, "base")
        with engine.connect() as conn:
            tables = conn.execute(
                text("SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = ANY(:s)"),
                {"s": list(SCHEMAS)},
            ).all()
            assert tables == []
        command.upgrade(config, "head")  # and back up again
    finally:
        engine.dispose()
