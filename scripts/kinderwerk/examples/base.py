"""Paths, names and fixed lists shared by the practice-example modules, and
the error they raise."""
from __future__ import annotations

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
ALLOWED_SUFFIXES = (".md", ".png", ".jpg", ".jpeg", ".webp")
SECTIONS = ("Aanleiding", "Aanpak", "Samenwerking", "Wat het oplevert", "Tips")


class ExampleError(Exception):
    """An example that breaks the rules. The message is for the contributor."""
