# Kuaiban: one image for the gateway, the three services and the migrate job.
#
#   docker build -t kuaiban:local .
#   docker run --rm kuaiban:local python -m services.common.serve services.intake.app:app --host 0.0.0.0 --port 8001
#   docker run --rm -e KUAIBAN_DATABASE_URL=... kuaiban:local alembic upgrade head
#
# docker-compose.yml wires them together; see the comment at its top.

ARG PYTHON_IMAGE=python:3.11-slim

# ---- build: a virtualenv with the runtime dependencies and the project (no dev extras) ----
FROM ${PYTHON_IMAGE} AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src

# Dependencies first, in their own layer: it is rebuilt only when pyproject.toml changes.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt

# Then the project itself, as a regular (non-editable) install into the virtualenv.
COPY services/ services/
COPY gateway/ gateway/
RUN pip install --no-deps . \
    && python -c "import gateway.app, services.intake.app, services.approval.app, services.finance.app"

# ---- runtime: the virtualenv, the migrations, a non-root user ----
FROM ${PYTHON_IMAGE} AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH

RUN groupadd --system --gid 10001 kuaiban \
    && useradd --system --uid 10001 --gid kuaiban --home-dir /app --no-create-home --shell /usr/sbin/nologin kuaiban

COPY --from=build /opt/venv /opt/venv

# `alembic upgrade head` runs from here: alembic.ini points at ./migrations; the code comes from the venv.
WORKDIR /app
COPY alembic.ini ./
COPY migrations/ migrations/

# Numeric, so Kubernetes runAsNonRoot can verify it.
USER 10001:10001

# gateway 8000; intake 8001, approval 8002, finance 8003 (only the gateway should be published)
EXPOSE 8000 8001 8002 8003

CMD ["python", "-m", "services.common.serve", "gateway.app:app", "--host", "0.0.0.0", "--port", "8000"]
