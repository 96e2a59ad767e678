"""The controlled lists an example chooses from, and chapter titles.

``themas`` and ``partners`` are the answer options of the survey questions
``doelstellingen`` and ``samenwerkingspartners``, so an example links to the
chart bar it illustrates. The vocabularies of ``werkvormen`` and ``provincie``
live in ``data/woordenlijsten/``; ``hoofdstukken`` are the chapter pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..textfile import CsvProblem, EncodingProblem, csv_records, read_text
from .base import PARTNER_DATASET, THEMA_DATASET, ExampleError


@dataclass(frozen=True)
class Vocabulary:
    """The allowed values, each as id -> label (ordered as in the source)."""

    themas: dict[str, str]
    partners: dict[str, str]
    werkvormen: dict[str, str]
    provincies: dict[str, str]      # id -> name; the front matter uses the name
    hoofdstukken: dict[str, str]    # chapter slug -> title ("2. Werkzaamheden")

    def provincie_id(self, name: str) -> str:
        return {label: key for key, label in self.provincies.items()}[name]


def read_id_label(path: Path) -> dict[str, str]:
    """A CSV with at least the columns id and label, as an ordered dict."""
    path = Path(path)
    try:
        text = read_text(path)
    except OSError as exc:
        raise ExampleError(f"{path}: woordenlijst niet te lezen ({exc.strerror})") from None
    except EncodingProblem as exc:
        raise ExampleError(str(exc)) from None
    try:
        _header, rows = csv_records(text)  # line numbers as an editor shows them
    except CsvProblem as exc:
        raise ExampleError(f"{path}, {exc}") from None
    result: dict[str, str] = {}
    for line, row in rows:
        key, label = (row.get("id") or "").strip(), (row.get("label") or "").strip()
        if not key or not label:
            raise ExampleError(f"{path}, regel {line}: verwacht de kolommen id en label, allebei gevuld")
        if key in result:
            raise ExampleError(f"{path}, regel {line}: id '{key}' staat er twee keer in")
        result[key] = label
    return result


def load_vocabulary(data_dir: Path, chapters: dict[str, str]) -> Vocabulary:
    """Read the controlled lists from ``data/`` (themas and partners from the
    survey CSVs, werkvormen and provincies from ``data/woordenlijsten/``)."""
    data_dir = Path(data_dir)
    words = data_dir / "woordenlijsten"
    return Vocabulary(
        themas=read_id_label(data_dir / f"{THEMA_DATASET}.csv"),
        partners=read_id_label(data_dir / f"{PARTNER_DATASET}.csv"),
        werkvormen=read_id_label(words / "werkvormen.csv"),
        provincies=read_id_label(words / "provincies.csv"),
        hoofdstukken=dict(chapters),
    )


def chapter_title(markdown: str, slug: str) -> str:
    """The first '# ' heading of a chapter file, else its slug."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
    return slug
