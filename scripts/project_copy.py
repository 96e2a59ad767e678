"""Copy what a build reads into a scratch folder, and build it (tests and the
benchmark build copies, so they can break or grow a project without touching
this one)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["mkdocs.yml", "docs", "data", "includes", "scripts", "overrides"]


def copy_project(target: Path, root: Path = ROOT) -> Path:
    """A copy of ``root`` (this project) without .cache, so its charts are drawn afresh."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


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
