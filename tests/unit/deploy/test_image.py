"""The Dockerfile (no Docker engine runs in CI, so its text is checked, and its HEALTHCHECK command run):
runtime packages from requirements.lock by hash and nothing resolved beside them, no embedded PostgreSQL
server, a HEALTHCHECK against /livez on the process's port, OCI labels, a numeric non-root user."""

import json
import re
import shlex

from tests.unit.deploy.conftest import ROOT, answering, run_check

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n(\s*#.*\n)*", " ", DOCKERFILE)
    pairs = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            pairs.append((keyword.upper(), rest.strip()))
    return pairs


def runs() -> list[str]:
    return [args for keyword, args in instructions() if keyword == "RUN"]


def pip_installs() -> list[list[str]]:
    """Each `pip install ...` of every RUN, as its words."""
    found = []
    for command in runs():
        for part in re.split(r"&&|;", command):
            words = shlex.split(part)
            if words[:2] == ["pip", "install"]:
                found.append(words)
    return found


def test_runtime_packages_come_from_the_lock_by_hash():
    installs = pip_installs()
    from_lock = [words for words in installs if "requirements.lock" in words]
    assert len(from_lock) == 1
    assert {"--require-hashes", "--no-deps", "-r"} <= set(from_lock[0])
    assert ("COPY", "requirements.lock ./") in instructions()


def test_nothing_else_is_resolved_at_build_time():
    """Every other install is the project itself with --no-deps, and `pip check` then finds nothing missing."""
    for words in pip_installs():
        assert "--no-deps" in words, words
    assert any("pip check" in command for command in runs())


def test_the_image_leaves_the_embedded_server_out():
    for words in pip_installs():
        text = " ".join(words)
        assert "pgserver" not in text and "embedded" not in text and "[" not in text, text  # no extras at all


def test_the_build_context_keeps_what_the_image_copies():
    ignored = {
        line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines() if line.strip()[:1] not in ("", "#")
    }
    copied = {
        args.split()[0].rstrip("/") for keyword, args in instructions() if keyword == "COPY" and "--from" not in args
    }
    assert copied == {"requirements.lock", "pyproject.toml", "services", "gateway", "alembic.ini", "migrations"}
    assert not copied & ignored
    assert {"secrets", ".env", ".venv", "tests"} <= ignored


def test_labels_user_and_ports():
    labels = dict(re.findall(r'(org\.opencontainers\.image\.\w+)="([^"]*)"', DOCKERFILE))
    assert {"title", "description", "version", "revision", "source"} <= {key.rsplit(".", 1)[1] for key in labels}
    assert labels["org.opencontainers.image.version"] == "${VERSION}"
    assert ("ARG", "VERSION=0.1.0") in instructions()
    users = [args for keyword, args in instructions() if keyword == "USER"]
    assert users == ["10001:10001"]  # numeric: runAsNonRoot can check it


def healthcheck_command() -> list[str]:
    [args] = [args for keyword, args in instructions() if keyword == "HEALTHCHECK"]
    assert "--interval=" in args and "--timeout=" in args
    return json.loads(args[args.index("CMD") + 3 :])


def test_the_healthcheck_asks_livez_on_the_port_in_kuaiban_process_port():
    command = healthcheck_command()
    assert any(keyword == "ENV" and "KUAIBAN_PROCESS_PORT=8000" in args for keyword, args in instructions())
    with answering({"/livez": 200, "/readyz": 503}) as port:
        assert run_check(command, {"KUAIBAN_PROCESS_PORT": str(port)}) == 0
    with answering({"/livez": 503}) as port:
        assert run_check(command, {"KUAIBAN_PROCESS_PORT": str(port)}) != 0
