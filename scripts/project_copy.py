"""Copy what a build reads into a scratch folder (tests and benchmark build
copies, so they can break or grow a project without touching this one)."""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["mkdocs.yml", "docs", "data", "includes", "scripts", "overrides"]


def copy_project(target: Path) -> Path:
    """A copy without .cache, so its charts are drawn afresh."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target
