"""Paths, names and fixed lists shared by the practice-example modules, the
Problem a check reports and the error that carries problems."""
from __future__ import annotations

from dataclasses import dataclass

FOLDER = "praktijkvoorbeelden"          # under docs/
OVERVIEW = f"{FOLDER}/index.md"
TEMPLATE = f"{FOLDER}/_sjabloon.md"     # copy-me template, excluded from the site
CHAPTER_FOLDER = "hoofdstukken"
MARKER = "<!-- praktijkvoorbeelden:overzicht -->"  # where the overview goes in index.md
CHAPTER_BLOCK_CLASS = "kw-chapter-examples"
CHAPTER_HEADING = "Praktijkvoorbeelden bij dit hoofdstuk"
SEARCH_BOOST = 2  # Material search: an example outranks a chapter or glossary entry that retells it
THEMA_DATASET = "doelstellingen"
PARTNER_DATASET = "samenwerkingspartners"
# Files a contributor may add to the folder (no SVG or HTML: they can carry scripts).
# Compared in lower case: a camera's IMG_2041.JPG is fine.
# Photos go through kinderwerk.images (HEIC from an iPhone too); the original is never published.
ALLOWED_SUFFIXES = (".md", ".png", ".jpg", ".jpeg", ".webp", ".heic", ".heif")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".heic", ".heif")
SECTIONS = ("Aanleiding", "Aanpak", "Samenwerking", "Wat het oplevert", "Tips")


@dataclass(frozen=True)
class Problem:
    """One thing a contributor has to fix. ``file`` as in the repository
    (docs/praktijkvoorbeelden/x.md), ``line`` as an editor shows it (1 = the
    first line, the opening ---), ``field`` a front-matter field or ``None``,
    ``message`` Dutch: what is wrong and what to type instead."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", regel {self.line}"
        if self.field:
            where += f", veld '{self.field}'"
        return f"{where}: {self.message}"

    @property
    def title(self) -> str:
        """A short title, e.g. for a GitHub annotation."""
        return f"Veld {self.field}" if self.field else "Praktijkvoorbeeld"


class ExampleError(Exception):
    """An example that breaks the rules. The message is for the contributor;
    ``problems`` holds every problem found (one per line in the message)."""

    def __init__(self, message: str | list[Problem]):
        if isinstance(message, list):
            self.problems = list(message)
            message = "\n".join(str(p) for p in self.problems)
        else:
            self.problems = []
        super().__init__(message)
