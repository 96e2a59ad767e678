"""Shared fixtures: one strict build of the real site per test session, shared
by every pytest-xdist worker, and throw-away copies of the project for builds
that are meant to fail.

A new test that needs the built site asks for ``built_site`` (the folder) or
``site_build`` (also the build's output); browser tests ask for ``site_dir``,
which is the same folder. Never build the real site yourself. A test that
builds a copy of the project makes it with ``project_copy`` (or
``copy_project(..., cache=warm_cache)``), so the copy starts with the charts
the session's build drew.

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

# pytest-xdist (`--dist loadgroup`) hands tests to workers one by one, so the
# tests of one module can land on both workers, and a costly module fixture
# (a build of a copy of the project, a browser pass over every page) would
# then run twice. So:
# - the tests that read the session's visit of every page (``crawl``) run in
#   one group, so the crawl happens once;
# - the tests that use a costly module- or session-wide fixture of their own
#   module (one that makes files or drives the browser: it asks, directly or
#   through other fixtures, for one of COSTLY) run in a group per module, and
#   so do all tests of a module in ONE_WORKER (its fixtures are looked up by
#   name at run time, which collection cannot see);
# - every other test goes wherever a worker is free.
CRAWL_GROUP = "crawl"
COSTLY = {"tmp_path_factory", "chromium", "new_page"}
ONE_WORKER = {"tests/browser/test_keyboard.py"}  # keyboard_results -> keyboard, keyboard_phone
SHARED_SCOPES = ("module", "package", "session")


def _costly(name: str, fixtures: dict, seen: set[str]) -> bool:
    if name in COSTLY:
        return True
    seen.add(name)
    return any(_costly(arg, fixtures, seen) for definition in fixtures.get(name, ())
               for arg in definition.argnames if arg not in seen)


def xdist_group(item) -> str | None:
    """The group ``item`` runs in under xdist, or None."""
    module = item.nodeid.split("::")[0]
    if "crawl" in getattr(item, "fixturenames", ()):
        return CRAWL_GROUP
    if module in ONE_WORKER:
        return module
    info = getattr(item, "_fixtureinfo", None)
    fixtures = info.name2fixturedefs if info else {}
    for name, definitions in fixtures.items():
        if any(d.scope in SHARED_SCOPES and d.baseid == module for d in definitions) \
                and _costly(name, fixtures, set()):
            return module
    return None


def _join_group(item, group: str) -> None:
    """Put ``@group`` after the test's id, the way `--dist loadgroup` finds
    groups. xdist 3.8 sets ``item._nodeid`` for this, which pytest 9.2 no
    longer reads (the id is ``item._id``, a NodeId): without this every group
    was silently ignored, and every worker crawled the site and built the
    copies itself."""
    grouped = f"{item.nodeid}@{group}"
    node_id = getattr(item, "_id", None)
    if node_id is not None and hasattr(node_id, "_str_cache"):
        node_id = type(node_id)(path=node_id.path, names=node_id.names, params=node_id.params)
        object.__setattr__(node_id, "_str_cache", grouped)  # the same id, shown with its group
        item._id = node_id
    else:
        item._nodeid = grouped


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    loadgroup = config.getoption("loadgroup", False)  # set in xdist's workers
    for item in items:
        group = xdist_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
            if loadgroup and "@" not in item.nodeid.rpartition("]")[2]:
                _join_group(item, group)


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


@pytest.fixture(scope="session")
def warm_cache(request) -> Path:
    """This project's .cache once the session's build has filled it: a copy
    made with ``copy_project(..., cache=warm_cache)`` draws no chart it has
    not changed (a cold copy spends about two thirds of its build drawing)."""
    if not os.environ.get("KINDERWERK_SITE"):
        request.getfixturevalue("site_build")
    return ROOT / ".cache"


@pytest.fixture
def project_copy(tmp_path, warm_cache) -> Path:
    return copy_project(tmp_path / "project", cache=warm_cache)


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
