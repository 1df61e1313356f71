"""A whole Kuaiban system as real processes for the end-to-end tests, on a database the test names."""

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from launcher.system import System, free_port_block
from services.common.settings import PORT_OFFSETS
from tests.helpers import inprocess
from tests.helpers.factories import ADMIN_PASSWORD, JWT_SECRET


def system_env(database_url: str, **overrides: str) -> dict[str, str]:
    """The environment of a test system: the test secrets, no request rate limit, cheap password hashing."""
    return {
        **os.environ,
        "KUAIBAN_DATABASE_URL": database_url,
        "KUAIBAN_JWT_SECRET": JWT_SECRET,
        "KUAIBAN_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "KUAIBAN_RATE_LIMIT_PER_MINUTE": "0",
        "KUAIBAN_LOG_LEVEL": "INFO",
        **{f"KUAIBAN_{name.upper()}": str(value) for name, value in inprocess.CHEAP_PASSWORDS.items()},
        "KUAIBAN_CALENDAR_TTL_SECONDS": "1",  # calendar changes reach every service within a second
        "KUAIBAN_WEBHOOK_ALLOW_HOSTS": "127.0.0.1",  # the tests' webhook receivers listen on loopback
        "KUAIBAN_WEBHOOK_RETRY_SCHEDULE": "1,2,4",
        **overrides,
    }


@contextmanager
def running_system(env: dict[str, str], log_dir: Path, *, replicas: int | None = None) -> Iterator[System]:
    """Gateway and three services as real processes on free ports, stopped on the way out; `replicas` processes
    of each service (default `KUAIBAN_TEST_REPLICAS`, 1: CI runs the concurrency tests again with 2)."""
    replicas = replicas or int(os.environ.get("KUAIBAN_TEST_REPLICAS") or 1)
    env = {"KUAIBAN_STORAGE_URL": str(log_dir / "documents"), **env}  # uploads beside the logs, not in the tree
    port = free_port_block(4 * replicas)
    running = System(port=port, env={**env, "KUAIBAN_PORT": str(port)}, log_dir=log_dir, replicas=replicas)
    try:
        running.start_all()
        running.wait_healthy()
        yield running
    finally:
        running.stop_all()


def kill(system: System, name: str) -> None:
    """SIGKILL a service process: no shutdown, no rollback from its side."""
    process = system.processes.pop(f"{name}:{system.port + PORT_OFFSETS[name]}")
    process.send_signal(signal.SIGKILL)
    process.wait(10)
