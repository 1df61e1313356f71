"""Settings from `KUAIBAN_*` variables: the port layout, the two spellings of the database URL, start-up checks."""

import os

import pytest
from pydantic import ValidationError
from sqlalchemy.engine import make_url

from services.common.settings import Settings, libpq_url, sqlalchemy_url


@pytest.fixture(autouse=True)
def no_kuaiban_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks below are about missing settings: the runner's own `KUAIBAN_*` variables must not fill them."""
    for name in list(os.environ):
        if name.startswith("KUAIBAN_"):
            monkeypatch.delenv(name)


def test_settings_derive_urls_and_require_secrets():
    settings = Settings(port=9000, database_url="postgresql://u@h/db", jwt_secret="s" * 32)
    assert settings.service_url("approval") == "http://127.0.0.1:9002"
    assert settings.async_database_url == "postgresql+psycopg://u@h/db"
    assert Settings(intake_url="http://intake:8001/").service_url("intake") == "http://intake:8001"
    assert sqlalchemy_url("postgres://x/y") == "postgresql+psycopg://x/y"
    with pytest.raises(RuntimeError, match="KUAIBAN_JWT_SECRET"):
        Settings(database_url="postgresql://u@h/db", jwt_secret="short").require()
    with pytest.raises(RuntimeError, match="KUAIBAN_DATABASE_URL"):
        Settings(jwt_secret="s" * 40).require()


def test_the_port_layout_puts_the_gateway_first():
    settings = Settings(port=9000)
    ports = [settings.service_url(name) for name in ("gateway", "intake", "approval", "finance")]
    assert ports == [f"http://127.0.0.1:{9000 + offset}" for offset in range(4)]


def test_complete_settings_pass_the_start_up_check():
    settings = Settings(database_url="postgresql://u@h/db", jwt_secret="s" * 32)
    assert settings.require() is settings


def test_both_secrets_missing_are_named_together():
    with pytest.raises(RuntimeError, match="KUAIBAN_DATABASE_URL, KUAIBAN_JWT_SECRET"):
        Settings().require()


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KUAIBAN_PORT", "9100")
    monkeypatch.setenv("KUAIBAN_OUTBOX_MAX_ATTEMPTS", "3")
    settings = Settings()
    assert (settings.port, settings.outbox_max_attempts) == (9100, 3)


@pytest.mark.parametrize(
    "field", [{"token_ttl_seconds": 59}, {"outbox_max_attempts": 0}, {"calendar_ttl_seconds": 0}, {"db_pool_size": 0}]
)
def test_out_of_range_settings_are_refused(field: dict):
    with pytest.raises(ValidationError):
        Settings(**field)


@pytest.mark.parametrize(
    ("url", "async_url"),
    [
        ("postgresql+psycopg://u:p@h:5432/db", "postgresql+psycopg://u:p@h:5432/db"),
        ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_any_postgres_url_becomes_the_async_driver_url(url: str, async_url: str):
    assert sqlalchemy_url(url) == async_url


def test_the_libpq_url_keeps_the_password():
    assert libpq_url("postgresql+psycopg://u:secret@h:5432/db") == "postgresql://u:secret@h:5432/db"
    assert libpq_url("postgres://u:secret@h/db") == "postgresql://u:secret@h/db"


def test_secrets_come_from_files_in_the_secrets_dir(monkeypatch: pytest.MonkeyPatch, tmp_path):
    """Compose's secrets: one file per setting at /run/secrets, named after the variable; a variable still wins."""
    (tmp_path / "kuaiban_jwt_secret").write_text("j" * 40 + "\n")  # the newline `echo > file` leaves is dropped
    (tmp_path / "kuaiban_admin_password").write_text("from-a-file")
    (tmp_path / "kuaiban_metrics_token").write_text("scrape-me")
    monkeypatch.setenv("KUAIBAN_SECRETS_DIR", str(tmp_path))
    monkeypatch.setenv("KUAIBAN_ADMIN_PASSWORD", "from-a-variable")
    settings = Settings()
    assert (settings.jwt_secret, settings.admin_password, settings.metrics_token) == (
        "j" * 40,
        "from-a-variable",
        "scrape-me",
    )


def test_files_are_read_only_from_a_named_secrets_dir(monkeypatch: pytest.MonkeyPatch, tmp_path):
    (tmp_path / "kuaiban_jwt_secret").write_text("j" * 40)
    monkeypatch.chdir(tmp_path)
    assert Settings().jwt_secret == ""


def test_the_database_password_goes_into_a_url_without_one(monkeypatch: pytest.MonkeyPatch, tmp_path):
    (tmp_path / "kuaiban_database_password").write_text("p@ss:w/rd%\n")
    monkeypatch.setenv("KUAIBAN_SECRETS_DIR", str(tmp_path))
    monkeypatch.setenv("KUAIBAN_DATABASE_URL", "postgresql://kuaiban@postgres:5432/kuaiban?sslmode=prefer")
    settings = Settings()
    assert settings.database_url == "postgresql://kuaiban:p%40ss%3Aw%2Frd%25@postgres:5432/kuaiban?sslmode=prefer"
    assert make_url(settings.async_database_url).password == "p@ss:w/rd%"
    assert make_url(libpq_url(settings.database_url)).password == "p@ss:w/rd%"
    monkeypatch.delenv("KUAIBAN_DATABASE_URL")
    assert Settings().database_url == ""  # no URL: nothing to fill in


def test_a_database_password_given_twice_is_refused():
    with pytest.raises(ValidationError, match="given twice"):
        Settings(database_url="postgresql://u:one@h/db", database_password="two")
