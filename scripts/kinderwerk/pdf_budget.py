"""The PDF edition's size budget, in words a contributor can act on.

When the PDF is over its limit, the message lists the largest images it
holds: the page they are on, the photo file a contributor added (the source
in docs/, not the derivative the build made from it) and the bytes it adds,
so it always says which file to shrink or take out. Plain Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .images import megabytes

# A derivative written by scripts/adapters/hooks_images.py: 'foto.jpg.1600.jpg' -> 'foto.jpg'.
DERIVATIVE = re.compile(r"^(?P<source>.+)\.\d+\.(?:jpg|webp)$")


@dataclass(frozen=True)
class Heavy:
    page: str        # the page's folder below the site root ("praktijkvoorbeelden/speeldorp-x/")
    file: str        # the file a contributor can change ("docs/praktijkvoorbeelden/foto.jpg")
    bytes: int


class _Sources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            src = dict(attrs).get("src")
            if src:
                self.found.append(src)


def image_sources(body: str) -> list[str]:
    parser = _Sources()
    parser.feed(body)
    parser.close()
    return parser.found


def heaviest(pages: dict[str, str], site: Path, base_url: str, top: int = 8) -> list[Heavy]:
    """``pages``: page folder -> its HTML in the book, with image addresses
    below ``base_url`` (the local server of the built ``site``)."""
    base = urlsplit(base_url).path
    rows, seen = [], set()
    for page, body in pages.items():
        for src in image_sources(body):
            path = unquote(urlsplit(src).path)
            if not path.startswith(base):
                continue
            relative = path[len(base):].lstrip("/")
            file = site / relative
            if (page, relative) in seen or not file.is_file():
                continue
            seen.add((page, relative))
            match = DERIVATIVE.match(relative)
            rows.append(Heavy(page, f"docs/{match.group('source')}" if match else f"site/{relative}",
                              file.stat().st_size))
    return sorted(rows, key=lambda r: (-r.bytes, r.page, r.file))[:top]


def _size(size: int) -> str:
    return megabytes(size) if size >= 1_000_000 else f"{round(size / 1000)} KB"


def over_budget(size: int, limit: int, rows: list[Heavy]) -> str:
    """The Dutch message for a PDF of ``size`` bytes over ``limit``."""
    lines = [f"De pdf-editie is {megabytes(size)}, meer dan de grens van {megabytes(limit)}."]
    if rows:
        lines.append("De grootste afbeeldingen erin (pagina, bestand, grootte in de pdf):")
        lines += [f"  - {r.page}: {r.file} ({_size(r.bytes)})" for r in rows]
        lines.append("Elke foto staat er al verkleind in (hooguit 1600 pixels breed). Haal foto's weg uit de "
                     "voorbeelden hierboven (een voorbeeld heeft er zelden meer dan twee nodig), of vraag de "
                     "redactie de grens van de pdf te verhogen.")
    else:
        lines.append("Er staan geen grote afbeeldingen in; kijk welke pagina's er sinds de vorige editie bij "
                     "kwamen.")
    return "\n".join(lines)
