"""The template's own values ("Naam van de organisatie", "Voornaam
Achternaam", its example sentences): an example that still has them is not
filled in yet. Read from the template itself, so the rule follows the file."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .base import TEMPLATE

ROOT = Path(__file__).resolve().parents[3]
FIELDS = ("titel", "samenvatting", "organisatie")
PERSON_KEYS = ("naam", "organisatie")


@dataclass(frozen=True)
class Placeholders:
    fields: dict[str, set[str]] = field(default_factory=dict)   # field -> casefolded values
    paragraphs: set[str] = field(default_factory=set)           # casefolded body paragraphs


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def from_template(text: str) -> Placeholders:
    """The placeholder values of a template text (empty if it cannot be read)."""
    from .frontmatter import split_front_matter  # here: frontmatter imports nothing from us
    meta, body, _ = split_front_matter(text)
    try:
        data = yaml.safe_load(meta or "") or {}
    except yaml.YAMLError:
        data = {}
    values: dict[str, set[str]] = {}
    if isinstance(data, dict):
        for name in FIELDS:
            if isinstance(data.get(name), str):
                values.setdefault(name, set()).add(_norm(data[name]))
        for person in data.get("personen") or []:
            if isinstance(person, dict):
                for key in PERSON_KEYS:
                    if isinstance(person.get(key), str):
                        values.setdefault(f"personen.{key}", set()).add(_norm(person[key]))
        if isinstance(data.get("organisatie"), str):  # the same placeholder in a person
            values.setdefault("personen.organisatie", set()).add(_norm(data["organisatie"]))
    paragraphs = set()
    for block in re.split(r"\n\s*\n", re.sub(r"<!--.*?-->", "", body, flags=re.S)):
        block = block.strip()
        if block and not block.startswith("#"):
            paragraphs.add(_norm(block))
            for line in block.splitlines():  # a tip line of the template's list
                if line.strip().startswith(("- ", "* ")):
                    paragraphs.add(_norm(line))
    return Placeholders(values, paragraphs)


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Placeholders:
    return from_template(Path(path).read_text(encoding="utf-8-sig"))


def default_placeholders(root: Path = ROOT) -> Placeholders:
    """The placeholders of docs/praktijkvoorbeelden/_sjabloon.md in ``root``."""
    path = Path(root) / "docs" / TEMPLATE
    try:
        return _cached(str(path), path.stat().st_mtime)
    except (OSError, UnicodeDecodeError):
        return Placeholders()
