"""Shared fixtures: one strict build of the real site per session, and
throw-away copies of the project for builds that are meant to fail."""
from __future__ import annotations

from pathlib import Path

import pytest

from project_copy import ROOT, BuildResult, copy_project, run_build
from retelling_check import SharedMissing, report_path, shared_dir, shared_file, shared_required


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> BuildResult:
    """The real site, built once with --strict."""
    result = run_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    return site_build.site


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
