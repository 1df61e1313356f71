"""Alembic environment: one history, one schema per service, serialised by an advisory lock."""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool, text

from migrations.metadata import include_name, metadata
from services.common.settings import Settings, sqlalchemy_url

MIGRATION_LOCK = 7_306_315_001  # pg_advisory_lock key: two migrate jobs never run at once

config = context.config
if config.config_file_name is not None and not config.attributes.get("skip_logging"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)
target_metadata = metadata


def database_url() -> str:
    # Settings: the variable, or a secret file, with KUAIBAN_DATABASE_PASSWORD filled in (see settings.py)
    url = config.attributes.get("database_url") or Settings().database_url
    if not url:
        raise RuntimeError("KUAIBAN_DATABASE_URL must be set to migrate")
    return sqlalchemy_url(url)


def run_migrations_offline() -> None:
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = create_engine(database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        connection.commit()
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                include_schemas=True,
                include_name=include_name,
                version_table_schema="public",
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
            connection.commit()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
