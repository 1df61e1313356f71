"""docker-compose.yml: PostgreSQL of the embedded server's major version, limits on every container, secrets
as files that the settings read (never variables), healthchecks on /readyz at each process's own port, and
deploy/compose-secrets.sh writing exactly the files compose mounts. `docker compose config` runs too where
a compose client is installed (CI has none: no Docker engine either)."""

import os
import shutil
import stat
import subprocess

import pytest
import yaml
from sqlalchemy.engine import make_url

from services.common.settings import Settings
from tests.unit.deploy.conftest import COMPONENTS, ROOT, answering, run_check

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())  # merge keys (<<) resolved
SERVICES = COMPOSE["services"]
SECRET_WORDS = ("SECRET", "PASSWORD", "TOKEN")


def test_postgres_is_the_embedded_servers_major_version(embedded_postgres_major: int):
    image, _, tag = SERVICES["postgres"]["image"].partition(":")
    assert (image, int(tag.split(".")[0])) == ("postgres", embedded_postgres_major)
    # PostgreSQL 18 images keep their data in a versioned folder under /var/lib/postgresql
    assert any(volume.split(":")[1] == "/var/lib/postgresql" for volume in SERVICES["postgres"]["volumes"])


def test_every_container_has_cpu_and_memory_limits():
    for name, service in SERVICES.items():
        limits = service["deploy"]["resources"]["limits"]
        assert float(limits["cpus"]) > 0 and limits["memory"][-1] in "MG", name
    assert SERVICES["postgres"]["deploy"]["resources"]["limits"] == {"cpus": "2", "memory": "2G"}


def test_no_secret_is_a_variable():
    for name, service in SERVICES.items():
        for variable, value in service.get("environment", {}).items():
            named_a_secret = any(word in variable for word in SECRET_WORDS)
            assert not named_a_secret or variable.endswith("_FILE") or variable == "KUAIBAN_SECRETS_DIR", variable
            if variable == "KUAIBAN_DATABASE_URL":
                assert make_url(value).password is None, f"{name}: the password comes from a secret file"


def test_secrets_are_files_named_after_the_settings_they_give():
    settings = set(Settings.model_fields)
    for name, secret in COMPOSE["secrets"].items():
        assert secret["file"] == f"./secrets/{name}"
        assert name.startswith("kuaiban_") and name.removeprefix("kuaiban_") in settings, name
    used = {secret for service in SERVICES.values() for secret in service.get("secrets", [])}
    assert used == set(COMPOSE["secrets"])
    for component in (*COMPONENTS, "migrate"):
        service = SERVICES[component]
        assert service["environment"]["KUAIBAN_SECRETS_DIR"] == "/run/secrets"
        assert {"kuaiban_database_password"} <= set(service["secrets"])
    for component in COMPONENTS:
        assert "kuaiban_jwt_secret" in SERVICES[component]["secrets"]
    assert {"kuaiban_admin_password", "kuaiban_metrics_token"} <= set(SERVICES["gateway"]["secrets"])


def test_postgres_takes_its_password_from_the_same_secret_file():
    postgres = SERVICES["postgres"]
    assert "POSTGRES_PASSWORD" not in postgres["environment"]
    assert postgres["environment"]["POSTGRES_PASSWORD_FILE"] == "/run/secrets/kuaiban_database_password"
    assert postgres["secrets"] == ["kuaiban_database_password"]


def test_each_process_is_healthy_when_ready_on_its_own_port():
    for component in COMPONENTS:
        service = SERVICES[component]
        port = service["command"][service["command"].index("--port") + 1]
        assert service["environment"]["KUAIBAN_PROCESS_PORT"] == port
        command = service["healthcheck"]["test"]
        assert command[0] == "CMD" and "/readyz" in command[-1]
        with answering({"/readyz": 200}) as local:
            assert run_check(command[1:], {"KUAIBAN_PROCESS_PORT": str(local)}) == 0
        with answering({"/readyz": 503, "/livez": 200}) as local:
            assert run_check(command[1:], {"KUAIBAN_PROCESS_PORT": str(local)}) != 0
    assert SERVICES["migrate"]["healthcheck"] == {"disable": True}
    assert [name for name, service in SERVICES.items() if "ports" in service] == ["gateway"]


def test_the_kuaiban_containers_run_read_only_without_capabilities():
    for component in (*COMPONENTS, "migrate"):
        service = SERVICES[component]
        assert service["read_only"] is True and service["tmpfs"] == ["/tmp"] and service["cap_drop"] == ["ALL"]


def test_the_secrets_script_writes_the_files_compose_mounts(tmp_path):
    (tmp_path / "deploy").mkdir()
    shutil.copy(ROOT / "deploy" / "compose-secrets.sh", tmp_path / "deploy")
    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "kuaiban_admin_password").write_text("mine\n")
    subprocess.run(["sh", str(tmp_path / "deploy" / "compose-secrets.sh")], check=True, capture_output=True)
    written = {path.name: path for path in (tmp_path / "secrets").iterdir()}
    assert set(written) == set(COMPOSE["secrets"])
    assert written["kuaiban_admin_password"].read_text() == "mine\n"  # kept
    jwt = written["kuaiban_jwt_secret"].read_text().strip()
    assert len(jwt) == 48 and jwt != written["kuaiban_database_password"].read_text().strip()
    assert stat.S_IMODE((tmp_path / "secrets").stat().st_mode) == 0o700
    assert stat.S_IMODE(written["kuaiban_jwt_secret"].stat().st_mode) == 0o644  # the containers' uid reads it


def compose_client() -> list[str] | None:
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    return ["docker-compose"] if shutil.which("docker-compose") else None


@pytest.mark.skipif(compose_client() is None, reason="no docker compose client here")
def test_docker_compose_accepts_the_file(tmp_path):
    shutil.copy(ROOT / "docker-compose.yml", tmp_path)
    (tmp_path / "secrets").mkdir()
    for name in COMPOSE["secrets"]:
        (tmp_path / "secrets" / name).write_text("x" * 40)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("KUAIBAN_", "POSTGRES_"))}
    result = subprocess.run(
        [*compose_client(), "-f", "docker-compose.yml", "config", "-q"], cwd=tmp_path, env=env, capture_output=True
    )
    assert result.returncode == 0, result.stderr.decode()
