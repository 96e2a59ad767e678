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

ROOT = Path(__file__).resolve().parents[2]
PARTS = ["mkdocs.yml", "docs", "data", "includes", "scripts", "overrides"]
# The build caches a copy may start with: charts and spreadsheets are keyed on
# the hash of their inputs (chart_cache.py, download_cache.py), so a copy
# whose data differs still redraws exactly what changed.
WARM_CACHES = ("charts", "spreadsheets")


def copy_project(target: Path, root: Path = ROOT, cache: Path | None = None) -> Path:
    """A copy of ``root`` (this project). Without ``cache`` it has no .cache, so
    its charts are drawn afresh (about two thirds of a build); with ``cache``
    (a .cache folder, e.g. this project's after a build) it starts with that
    folder's charts and spreadsheets."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    if cache:
        seed_cache(target, cache)
    return target


def seed_cache(project: Path, cache: Path) -> Path:
    """Give ``project`` the charts and spreadsheets of ``cache`` (a .cache
    folder), never its photos; ``project``."""
    for name in WARM_CACHES:
        if (cache / name).is_dir():
            shutil.copytree(cache / name, project / ".cache" / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("*.tmp"))
    return project


# Not part of the project: environments, caches, build output, git's own files.
NOT_PROJECT = (".git", ".venv", "site", ".cache", "__pycache__", ".pytest_cache", "screenshots",
               "node_modules", ".coverage*")


def copy_everything(target: Path) -> Path:
    """The whole project (tests, CI and contributor files too) without what
    NOT_PROJECT names, for running the test suite itself in a copy."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_PROJECT), symlinks=True)
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


# A valid example written from the template with every comment kept (its
# comments contain "---", which once broke a test's own front-matter split).
# Proefvelde is a made-up town, so it cannot clash with a real example.
TEMPLATE_EXAMPLE = "proefvelde-speelwerk-sjabloon.md"
TEMPLATE_VALUES = {
    "titel": "speelmiddag in het wijkpark met de bibliotheek",
    "samenvatting": "Elke woensdag speelden kinderen in het wijkpark, en de bibliotheek las voor.",
    "organisatie": "Stichting Speelwerk Proefvelde",
    "gemeenten": "[Proefvelde]",
    "periode": "voorjaar 2026",
    "bron": "Verslag van Speelwerk Proefvelde, 2026",
}
TEMPLATE_PERSON = {"naam": "Noor Testerink", "organisatie": "Stichting Speelwerk Proefvelde"}
TEMPLATE_BODY = """## Aanleiding

Op woensdagmiddag was er in het wijkpark niets te doen voor kinderen.

## Aanpak

Twee kinderwerkers zetten elke woensdag spellen klaar in het park.

## Samenwerking

De bibliotheek las voor; zie ook [het hoofdstuk](../hoofdstukken/samenwerkingspartners.md).

## Wat het oplevert

Kinderen uit verschillende straten speelden samen.

## Tips

- **Vaste dag.** Kies een vaste middag, dan weten kinderen waar ze aan toe zijn.
- **Samen lezen.** Vraag de bibliotheek om voor te lezen.

"""


def template_example(template: str) -> str:
    """The template with its placeholders replaced by a made-up example; every
    comment line (# ... in the data block, <!-- ... --> in the body) stays."""
    lines = template.split("\n")
    in_person = False
    for number, line in enumerate(lines):
        key = line.strip().removeprefix("- ").split(":", 1)[0]
        if not line.startswith(" "):  # a top-level field (or comment)
            in_person = (in_person and line.startswith("#")) or line.startswith("personen:")
            if key in TEMPLATE_VALUES:
                lines[number] = f"{key}: {TEMPLATE_VALUES[key]}"
        elif in_person and key in TEMPLATE_PERSON:
            lines[number] = line.split(":", 1)[0] + ": " + TEMPLATE_PERSON[key]
    text = "\n".join(lines)
    start = text.index("\n## Aanleiding")
    comment = text.rfind("<!--")
    return text[:start + 1] + TEMPLATE_BODY + (text[comment:] if comment > start else "")


def write_template_example(project: Path) -> Path:
    """Write ``template_example`` into ``project``'s examples folder; its path."""
    folder = project / "docs" / "praktijkvoorbeelden"
    path = folder / TEMPLATE_EXAMPLE
    path.write_text(template_example((folder / "_sjabloon.md").read_text(encoding="utf-8")), encoding="utf-8")
    return path
