"""Settings read from `KUAIBAN_*` environment variables, built in each app's lifespan, never at import.

Secrets may come as files instead: with `KUAIBAN_SECRETS_DIR` set (compose mounts them at /run/secrets), a
file there named after the variable in lower case (`kuaiban_jwt_secret`) gives that setting; a variable still
wins. `KUAIBAN_DATABASE_PASSWORD` fills in the password of a database URL that carries none, so the URL can
stay a plain setting while the password alone is a secret.

Also the one definition of the port layout (the gateway's port, then intake, approval and finance on the
next three) and of the database URL in its two spellings (SQLAlchemy's and libpq's).
"""

import os
from functools import cached_property
from typing import Self

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SecretsSettingsSource, SettingsConfigDict
from sqlalchemy.engine import make_url

DEFAULT_PORT = 8000
PORT_OFFSETS = {"gateway": 0, "intake": 1, "approval": 2, "finance": 3}
SERVICE_NAMES = ("intake", "approval", "finance")
SECRETS_DIR_VARIABLE = "KUAIBAN_SECRETS_DIR"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KUAIBAN_", extra="ignore")

    database_url: str = ""
    database_password: str = ""  # put into database_url when that has no password (from a secret file, say)
    database_read_url: str = ""  # a read replica for stats, dashboards and metrics; empty: the primary
    jwt_secret: str = ""
    port: int = DEFAULT_PORT
    host: str = "127.0.0.1"
    admin_password: str = ""
    token_ttl_seconds: int = Field(default=3600, ge=60, le=86_400)
    client_token_ttl_seconds: int = Field(default=300, ge=30, le=3600)  # a bank system's (client credentials)
    rate_limit_per_minute: int = Field(default=600, ge=0)
    rate_limit_storage: str = "memory://"
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    upstream_timeout_seconds: float = Field(default=30.0, gt=0)
    calendar_ttl_seconds: float = Field(default=30.0, gt=0, le=3600)  # how stale a cached calendar may get
    db_pool_size: int = Field(default=8, ge=1)
    # uvicorn worker processes of a service; one service alone: KUAIBAN_APPROVAL__WORKERS=2 (see launcher.system)
    workers: int = Field(default=1, ge=1, le=64)
    log_level: str = "INFO"
    sweep_cron: str = "* * * * *"  # approval's SLA sweep (cron); an optional 6th, last field counts seconds
    access_check_seconds: float = Field(default=10.0, gt=0, le=30)  # how soon a revoked token stops working
    login_failures_per_minute: int = Field(default=5, ge=1, le=1000)  # per username; 10x that per client address
    argon2_time_cost: int = Field(default=3, ge=1, le=20)  # password hashing passes (the gateway)
    argon2_memory_kib: int = Field(default=65_536, ge=1024, le=4_194_304)  # and memory per hash
    outbox_max_attempts: int = Field(default=10, ge=1, le=1000)  # answered failures before a dead letter
    seed_demo: bool = False  # `make run` seeds a demo catalog; tests and production start empty
    trusted_proxies: str = ""  # addresses or CIDRs of the proxies in front (an ingress): their X-Forwarded-For counts
    metrics_token: str = ""  # a bearer token Prometheus presents to the gateway's /metrics (admin tokens work too)
    # Webhooks (finance): private targets allowed (hosts or CIDRs), retry delays in seconds, failed events in a
    # row before an endpoint is disabled. The default schedule spans 27.6 h: 8 attempts over more than a day.
    webhook_allow_hosts: str = ""
    webhook_retry_schedule: str = "5,300,1800,7200,18000,36000,36000"
    webhook_disable_after: int = Field(default=5, ge=1, le=1000)
    # Documents (services/common/storage.py): file:///path or s3://bucket/prefix, empty: <data_dir>/documents;
    # the largest upload; a clamd to scan uploads with (tcp://host:port or unix:///path), empty: not scanned
    storage_url: str = ""
    data_dir: str = ""  # KUAIBAN_DATA_DIR, as the launcher reads it; empty: .kuaiban in the working directory
    upload_max_bytes: int = Field(default=20_000_000, ge=1)
    clamd_url: str = ""
    # The orphan sweep (services/common/documents.py): how often, and how old an object without a row must be
    orphan_sweep_seconds: float = Field(default=3600.0, gt=0)
    orphan_grace_seconds: int = Field(default=3600, ge=0)
    # Window appointments (intake): how long before its start a booking may still be cancelled or moved, and how
    # often the reminders' job looks for appointments due a reminder the working day before
    appointment_cutoff_minutes: int = Field(default=120, ge=0, le=10_080)
    appointment_reminder_seconds: float = Field(default=60.0, gt=0)
    intake_url: str = ""
    approval_url: str = ""
    finance_url: str = ""
    gateway_url: str = ""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Arguments, then variables, then files in KUAIBAN_SECRETS_DIR (read when the settings are built)."""
        secrets_dir = os.environ.get(SECRETS_DIR_VARIABLE)
        if secrets_dir:
            file_secret_settings = SecretsSettingsSource(settings_cls, secrets_dir=secrets_dir)
        return init_settings, env_settings, dotenv_settings, file_secret_settings

    @model_validator(mode="after")
    def _password_into_url(self) -> Self:
        if self.database_password and self.database_url:
            url = make_url(self.database_url)
            if url.password:
                raise ValueError("the database password is given twice: in KUAIBAN_DATABASE_URL and on its own")
            self.database_url = url.set(password=self.database_password).render_as_string(hide_password=False)
        if self.database_password and self.database_read_url and not make_url(self.database_read_url).password:
            url = make_url(self.database_read_url).set(password=self.database_password)
            self.database_read_url = url.render_as_string(hide_password=False)
        return self

    @field_validator("webhook_retry_schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        retry_delays(value)
        return value

    @property
    def webhook_retry_delays(self) -> tuple[float, ...]:
        return retry_delays(self.webhook_retry_schedule)

    def service_url(self, name: str) -> str:
        """Base URL of a process (the first replica's): its explicit setting, else its port in the layout after
        the gateway's."""
        return self.service_urls(name)[0]

    def service_urls(self, name: str) -> list[str]:
        """Base URLs of every replica of a process: its setting may list several, comma-separated."""
        explicit = getattr(self, f"{name}_url")
        if explicit:
            return [url.strip().rstrip("/") for url in explicit.split(",") if url.strip()]
        return [f"http://127.0.0.1:{self.port + PORT_OFFSETS[name]}"]

    @cached_property
    def async_database_url(self) -> str:
        """The database URL with the async psycopg driver, whatever scheme the user gave."""
        return sqlalchemy_url(self.database_url)

    def require(self) -> "Settings":
        """Fail start-up with a clear message rather than at the first request."""
        missing = [name for name in ("database_url", "jwt_secret") if not getattr(self, name)]
        if missing:
            names = ", ".join(f"KUAIBAN_{n.upper()}" for n in missing)
            raise RuntimeError(f"{names} must be set (make run sets them for you)")
        if len(self.jwt_secret) < 32:
            raise RuntimeError("KUAIBAN_JWT_SECRET must be at least 32 characters")
        return self


def retry_delays(schedule: str) -> tuple[float, ...]:
    """`5,300,1800` as seconds; empty means no retry. Each delay 0 s to 7 days."""
    delays = tuple(float(part) for part in schedule.split(",") if part.strip())
    if len(delays) > 50 or not all(0 <= d <= 7 * 86_400 for d in delays):
        raise ValueError("webhook retry delays must be 0 s to 7 days each, at most 50 of them")
    return delays


def sqlalchemy_url(url: str) -> str:
    """Any PostgreSQL URL as SQLAlchemy's async psycopg URL."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def libpq_url(url: str) -> str:
    """Any PostgreSQL URL (any SQLAlchemy driver) as libpq and psycopg take it, password kept."""
    return make_url(sqlalchemy_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)
