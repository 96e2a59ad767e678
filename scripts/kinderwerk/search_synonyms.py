"""The curated synonym and translation list of the site search (issue 18):
``data/zoeken/synoniemen.csv``, data that editors extend without code.

Columns:

* ``zoekwoord``: what a reader types: a word or a short phrase (at most
  MAX_WORDS words), Dutch or English ("pandemie", "youth work");
* ``zoekt_ook``: the site's own words it also searches, separated by ``;``
  ("corona; coronatijd");
* ``soort``: ``synoniem``, ``breder`` (the site's word is broader),
  ``smaller`` (narrower) or ``engels``;
* ``toelichting``: optional, for editors.

A bad file stops the build with every problem at once, in Dutch, with file
and line (``SynonymError``). The worker ranks a synonym match below an exact
match and shows "ook gezocht op: ..." above the results.
"""
from __future__ import annotations

import re
from pathlib import Path

from .search_index import fold, words
from .textfile import CsvProblem, EncodingProblem, csv_records, read_text

COLUMNS = ["zoekwoord", "zoekt_ook", "soort", "toelichting"]
KINDS = ("synoniem", "breder", "smaller", "engels")
MAX_WORDS = 3         # words in a zoekwoord (the worker looks for phrases up to this length)
MAX_TARGETS = 6       # words a zoekwoord may also search
MAX_ROWS = 2000       # a bounded list: every row goes to every searcher
MAX_BYTES = 200_000
_CELL = re.compile(r"^[^\W_](?:[\w' -]*[^\W_])?$")


class SynonymError(ValueError):
    """Problems in the synonym list; ``str()`` lists them all, for people."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def load_synonyms(path: Path, shown_as: str | None = None) -> dict[str, list[str]]:
    """folded zoekwoord (words joined by one space) -> folded target words."""
    name = shown_as or str(path)
    if path.stat().st_size > MAX_BYTES:
        raise SynonymError([f"{name}: het bestand is groter dan {MAX_BYTES // 1000} kB; "
                            f"houd de lijst kort (hooguit {MAX_ROWS} regels)."])
    try:
        header, records = csv_records(read_text(path, name))
    except EncodingProblem as exc:
        raise SynonymError([str(exc)]) from None
    except CsvProblem as exc:
        raise SynonymError([f"{name}, {exc}"]) from None
    problems = []
    if header[:3] != COLUMNS[:3] or any(c not in COLUMNS for c in header):
        problems.append(f"{name}, regel 1: de kopregel moet '{','.join(COLUMNS)}' zijn "
                        f"(nu: '{','.join(header)}').")
        raise SynonymError(problems)
    if len(records) > MAX_ROWS:
        problems.append(f"{name}: {len(records)} regels; hooguit {MAX_ROWS}.")
    out: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    for line, row in records[:MAX_ROWS]:
        where = f"{name}, regel {line}"
        source = row["zoekwoord"].strip()
        key = " ".join(words(source))
        if not source or not _CELL.match(source) or not key:
            problems.append(f"{where}: 'zoekwoord' moet een woord of korte woordgroep zijn "
                            f"(letters, cijfers, spaties), niet '{source}'.")
        elif len(key.split()) > MAX_WORDS:
            problems.append(f"{where}: 'zoekwoord' heeft meer dan {MAX_WORDS} woorden.")
        elif key in seen:
            problems.append(f"{where}: '{source}' staat al op regel {seen[key]}; zet alles op één regel.")
        targets = [t.strip() for t in row["zoekt_ook"].split(";") if t.strip()]
        folded = [fold(t) for t in targets]
        bad = [t for t in targets if len(words(t)) != 1 or not _CELL.match(t)]
        if not targets:
            problems.append(f"{where}: 'zoekt_ook' is leeg; noem de woorden van de site, gescheiden door ';'.")
        elif bad:
            problems.append(f"{where}: 'zoekt_ook' mag alleen losse woorden hebben, gescheiden door ';' "
                            f"(niet: {', '.join(repr(b) for b in bad)}).")
        elif len(targets) > MAX_TARGETS:
            problems.append(f"{where}: hooguit {MAX_TARGETS} woorden in 'zoekt_ook'.")
        if row["soort"].strip() not in KINDS:
            problems.append(f"{where}: 'soort' moet een van {', '.join(KINDS)} zijn, niet '{row['soort']}'.")
        if key and key not in seen:
            seen[key] = line
            out[key] = folded
    if problems:
        raise SynonymError(problems)
    return out
