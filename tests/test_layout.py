"""The layout of scripts/ matches ARCHITECTURE.md (issue 20, item 2).

- every file in the three rooms outside the package is named there, and every
  scripts/ path it names exists;
- imports point one way: the package imports no room and no MkDocs; a room
  imports only the package and itself;
- nothing edits sys.path.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
ROOMS = ("adapters", "tools", "dev")
ARCHITECTURE = ROOT / "ARCHITECTURE.md"


def room_files(room: str) -> list[Path]:
    return sorted(p for p in (SCRIPTS / room).iterdir() if p.is_file() and p.suffix in {".py", ".js", ".css"})


def module_names(room: str) -> set[str]:
    return {p.stem for p in room_files(room) if p.suffix == ".py"}


def imported_tops(path: Path) -> set[str]:
    """The top-level names a file imports (relative imports excluded)."""
    tops = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            tops.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            tops.add(node.module.split(".")[0])
    return tops


def named_paths(text: str) -> set[str]:
    return set(re.findall(r"scripts/[A-Za-z0-9_./]+\.(?:py|js|css)", text))


def test_every_file_in_a_room_is_named_in_architecture_md():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    named = named_paths(text)
    missing = [str(p.relative_to(ROOT)) for room in ROOMS for p in room_files(room)
               if str(p.relative_to(ROOT)) not in named]
    assert not missing, f"ARCHITECTURE.md noemt deze bestanden niet: {missing}"


def test_every_path_architecture_md_names_exists():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    assert named_paths(text), "ARCHITECTURE.md noemt geen enkel pad in scripts/"
    gone = sorted(p for p in named_paths(text) if not (ROOT / p).is_file())
    assert not gone, f"ARCHITECTURE.md noemt bestanden die niet bestaan: {gone}"


def test_the_rooms_are_the_ones_architecture_md_describes():
    rooms = sorted(p.name for p in SCRIPTS.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert rooms == sorted(("kinderwerk", *ROOMS))


@pytest.mark.parametrize("path", sorted(p for p in (SCRIPTS / "kinderwerk").rglob("*.py")), ids=str)
def test_the_package_imports_no_room_and_no_mkdocs(path):
    forbidden = {"mkdocs", "material"} | {name for room in ROOMS for name in module_names(room)}
    assert not imported_tops(path) & forbidden


@pytest.mark.parametrize("room", ROOMS)
def test_a_room_imports_only_the_package_and_itself(room):
    others = {name for other in ROOMS if other != room for name in module_names(other)} - module_names(room)
    wrong = {str(p.relative_to(ROOT)): sorted(imported_tops(p) & others)
             for p in room_files(room) if p.suffix == ".py" and imported_tops(p) & others}
    assert not wrong


def test_the_import_rules_can_fail(tmp_path):
    """The checks above see a forbidden import (so they are not vacuous)."""
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f():\n    from mkdocs.config import base\n    import check\n", encoding="utf-8")
    assert {"mkdocs", "check"} <= imported_tops(sneaky)
    assert "check" in module_names("tools") and "project_copy" in module_names("dev")


def test_nothing_edits_sys_path():
    edits = [f"{p.relative_to(ROOT)}:{n}" for folder in (SCRIPTS, ROOT / "tests")
             for p in folder.rglob("*.py") if p.resolve() != Path(__file__).resolve()
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if "sys.path" in line]
    assert not edits
