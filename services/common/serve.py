"""Run one Kuaiban app under uvicorn with JSON logs: `python -m services.common.serve gateway.app:app`."""

import argparse

import uvicorn

from services.common.logs import configure_logging
from services.common.settings import Settings


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
    uvicorn.run(
        args.app,
        host=args.host or settings.host,
        port=args.port,
        workers=args.workers or settings.workers,
        loop="uvloop",
        http="httptools",
        log_config=None,
        access_log=False,
        server_header=False,
        date_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=10,
        backlog=2048,
    )


if __name__ == "__main__":
    main()
