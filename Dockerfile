# Kuaiban: one image for the gateway, the three services and the migrate job.
#
#   docker build --build-arg VERSION=0.1.0 --build-arg REVISION=$(git rev-parse HEAD) -t kuaiban:local .
#   docker run --rm -e KUAIBAN_PROCESS_PORT=8001 kuaiban:local \
#       python -m services.common.serve services.intake.app:app --host 0.0.0.0 --port 8001
#   docker run --rm -e KUAIBAN_DATABASE_URL=... kuaiban:local alembic upgrade head
#
# docker-compose.yml wires them together (see the comment at its top); deploy/kubernetes/ does the same on a
# cluster. Runtime packages come from requirements.lock (`make lock`), checked against their hashes, so a
# build resolves nothing. The embedded PostgreSQL server of `make run` (the `embedded` extra) is not here.

ARG PYTHON_IMAGE=python:3.11-slim

# ---- build: a virtualenv with the locked runtime dependencies and the project (no extras) ----
FROM ${PYTHON_IMAGE} AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src

# Dependencies first, in their own layer: rebuilt only when the lock changes. Every package is pinned and
# hash-checked; --no-deps because the lock already lists every transitive one.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

# Then the project itself, as a regular (non-editable) install, again adding nothing the lock does not pin.
COPY pyproject.toml ./
COPY services/ services/
COPY gateway/ gateway/
RUN pip install --no-deps . \
    && pip check \
    && python -c "import gateway.app, services.intake.app, services.approval.app, services.finance.app"

# ---- runtime: the virtualenv, the migrations, a non-root user ----
FROM ${PYTHON_IMAGE} AS runtime

# OCI labels. VERSION, REVISION (the commit) and SOURCE (the repository's URL) come from the build; the project
# declares no licence yet, so there is no org.opencontainers.image.licenses.
ARG VERSION=0.1.0
ARG REVISION=""
ARG SOURCE=""
LABEL org.opencontainers.image.title="kuaiban" \
      org.opencontainers.image.description="Kuaiban (快办), a county's enterprise-service platform: the gateway, the intake, approval and finance services, and their migrations" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}"

# KUAIBAN_PROCESS_PORT: the port this container's process serves, which the HEALTHCHECK asks. Set it with the
# command when it is not the gateway's 8000 (compose and the Kubernetes manifests do).
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    KUAIBAN_PROCESS_PORT=8000

RUN groupadd --system --gid 10001 kuaiban \
    && useradd --system --uid 10001 --gid kuaiban --home-dir /app --no-create-home --shell /usr/sbin/nologin kuaiban

COPY --from=build /opt/venv /opt/venv

# `alembic upgrade head` runs from here: alembic.ini points at ./migrations; the code comes from the venv.
# /readyz also reads the migrations' head from here, so keep this the working directory.
WORKDIR /app
COPY alembic.ini ./
COPY migrations/ migrations/

# Documents' default folder when KUAIBAN_STORAGE_URL names no other (compose mounts a volume here); owned by
# the service user, so a named volume created from it is writable on a read-only root filesystem.
RUN mkdir -p /data/documents && chown 10001:10001 /data/documents

# Numeric, so Kubernetes runAsNonRoot can verify it.
USER 10001:10001

# gateway 8000; intake 8001, approval 8002, finance 8003 (only the gateway should be published)
EXPOSE 8000 8001 8002 8003

# Liveness only (/livez: the process answers); readiness (/readyz: database and migrations) is for the
# orchestrator to ask. A one-off command (the migrate job) should run with --no-healthcheck.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/livez' % os.environ.get('KUAIBAN_PROCESS_PORT', '8000'), timeout=4)"]

CMD ["python", "-m", "services.common.serve", "gateway.app:app", "--host", "0.0.0.0", "--port", "8000"]
