"""Shared fixtures: one strict build of the real site per session, and
throw-away copies of the project for builds that are meant to fail."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class BuildResult:
    returncode: int
    output: str      # stdout and stderr together
    site: Path


def run_build(project: Path, site: Path, strict: bool = True) -> BuildResult:
    """`mkdocs build` of ``project`` into ``site``; never raises on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    return BuildResult(done.returncode, done.stdout + done.stderr, site)


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
