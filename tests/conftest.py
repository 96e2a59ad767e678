"""Shared fixtures: one strict build of the real site per session, and
throw-away copies of the project for builds that are meant to fail."""
from __future__ import annotations

from pathlib import Path

import pytest

from project_copy import ROOT, BuildResult, copy_project, run_build


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
