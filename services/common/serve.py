"""Run one Kuaiban app under uvicorn with JSON logs: `python -m services.common.serve gateway.app:app`."""

import argparse
import atexit
import contextlib
import ctypes
import multiprocessing
import os
import shutil
import signal
import tempfile
from pathlib import Path

import uvicorn

from services.common.logs import configure_logging, logging_config
from services.common.settings import Settings

PR_SET_PDEATHSIG = 1  # linux/prctl.h
PR_SET_CHILD_SUBREAPER = 36


def prctl(option: int, value: int) -> None:
    """Linux's prctl(2); elsewhere a no-op."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(option, value)


def die_with_parent() -> None:
    """Get SIGTERM when the parent process dies, even by SIGKILL: no orphans."""
    prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def follow_worker_parent() -> None:
    """In a uvicorn worker (`--workers` > 1), end with the master: a master killed by SIGKILL would otherwise leave
    its workers serving its port, and its restart could not bind it."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    die_with_parent()
    if os.getppid() != parent.pid:  # the master died before the line above
        os.kill(os.getpid(), signal.SIGTERM)


def metrics_folder(component: str, port: int) -> Path:
    """A fresh folder for prometheus_client's multiprocess files, shared by this process's uvicorn workers
    (set before the app, and so prometheus_client, is imported); removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix=f"kuaiban-metrics-{component}-{port}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("app", help="import path, e.g. services.intake.app:app")
    parser.add_argument("--host", default=None)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default KUAIBAN_WORKERS, 1)")
    args = parser.parse_args()
    settings = Settings()
    component = args.app.split(":")[0].removesuffix(".app").rsplit(".", 1)[-1]
    configure_logging(component, settings.log_level)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_folder(component, args.port))  # before prometheus_client
    uvicorn.run(
        args.app,
        host=args.host or settings.host,
        port=args.port,
        workers=args.workers or settings.workers,
        loop="uvloop",
        http="httptools",
        log_config=logging_config(component, settings.log_level),  # applied again in each spawned worker
        access_log=False,
        server_header=False,
        date_header=False,
        # behind a load balancer or ingress (KUAIBAN_TRUSTED_PROXIES), the client is X-Forwarded-For's address as
        # they give it: rate limits, login throttling and access lines then name the real caller, not the proxy
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=settings.trusted_proxies or None,
        timeout_graceful_shutdown=10,
        backlog=2048,
    )


if __name__ == "__main__":
    main()
