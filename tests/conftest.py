"""Shared fixtures: one strict build of the real site per test session, shared
by every pytest-xdist worker, and throw-away copies of the project for builds
that are meant to fail.

A new test that needs the built site asks for ``built_site`` (the folder) or
``site_build`` (also the build's output); browser tests ask for ``site_dir``,
which is the same folder. Never build the real site yourself.

``KINDERWERK_SITE=<folder>`` tests an already built site instead of building
(quicker while working on tests; `make test` always builds); the tests that
read the build's own output (``site_build``) are then skipped.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
from pathlib import Path

import pytest

from project_copy import ROOT, BuildResult, copy_project, run_build
from retelling_check import SharedMissing, report_path, shared_dir, shared_file, shared_required

# Browser tests stay together on one xdist worker (`--dist loadgroup`): they
# share the session's visit of every page (``crawl``), which would otherwise be
# repeated on every worker. A file whose costly session fixtures no other file
# uses gets a group of its own, so it can run beside them.
BROWSER_GROUP = "browser"
OWN_GROUP = {"test_keyboard.py"}  # the fixtures keyboard and keyboard_phone


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("browser"):
            name = item.path.name
            group = f"{BROWSER_GROUP}-{item.path.stem}" if name in OWN_GROUP else BROWSER_GROUP
            item.add_marker(pytest.mark.xdist_group(group))


def session_dir(tmp_path_factory) -> Path:
    """A folder all workers of this session share (the parent of each worker's
    temporary folder under xdist; the session's own one without it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def _locked(path: Path):
    """An exclusive lock between worker processes (flock: released if a worker dies)."""
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_once(tmp_path_factory, name: str, make) -> Path:
    """``make(folder)`` once per session across all workers; its folder.
    The first worker makes it under a lock, the others wait and reuse it."""
    base = session_dir(tmp_path_factory)
    folder, done = base / name, base / f"{name}.done"
    with _locked(base / f"{name}.lock"):
        if not done.exists():
            folder.mkdir(exist_ok=True)
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> BuildResult:
    """The real site, built once per session with --strict."""
    if os.environ.get("KINDERWERK_SITE"):
        pytest.skip("KINDERWERK_SITE is gezet: er is geen build-uitvoer om na te kijken")

    def build(folder: Path) -> None:
        result = run_build(ROOT, folder / "site")
        (folder / "result.json").write_text(json.dumps([result.returncode, result.output]), encoding="utf-8")

    folder = shared_once(tmp_path_factory, "real-site", build)
    returncode, output = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    result = BuildResult(returncode, output, folder / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    if os.environ.get("KINDERWERK_SITE"):
        return Path(os.environ["KINDERWERK_SITE"])
    return request.getfixturevalue("site_build").site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the clone, with the report and overlap.py (not in the
    repository). Missing: the test is skipped and says where it looked (pytest
    -ra lists it); with KINDERWERK_SHARED set it fails instead."""
    try:
        report_path()
        shared_file("tools", "overlap.py")
    except SharedMissing as exc:
        if shared_required():
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    return shared_dir()


@pytest.fixture(scope="session")
def report_text(shared) -> str:
    return report_path().read_text(encoding="utf-8")
