"""MkDocs' own warnings about links on example pages, in the same Dutch form
as the checks ("docs/praktijkvoorbeelden/x.md: de link ... wijst naar een
pagina die niet bestaat; gebruik ../hoofdstukken/naam.md"). Plain text in,
text out: the logging filter in scripts/adapters/hooks_examples.py applies it."""
from __future__ import annotations

import posixpath
import re

from .base import FOLDER, IMAGE_SUFFIXES

_DOC = r"Doc file '(?P<src>[^']+)' contains "
PATTERNS = [
    ("unrecognized", re.compile(_DOC + r"an unrecognized relative link '(?P<url>[^']*)', it was left as is\."
                                r"(?: Did you mean '(?P<hint>[^']*)'\?)?$")),
    ("not_found", re.compile(_DOC + r"a link '(?P<url>[^']*)', but the target(?: '[^']*')? is not found among "
                             r"documentation files\.(?: Did you mean '(?P<hint>[^']*)'\?)?$")),
    ("absolute", re.compile(_DOC + r"an absolute link '(?P<url>[^']*)', it was left as is\."
                            r"(?: Did you mean '(?P<hint>[^']*)'\?)?$")),
    ("anchor", re.compile(_DOC + r"a link '(?P<url>[^']*)', but (?:the doc '[^']*' does not contain an anchor "
                          r"'#[^']*'|there is no such anchor on this page)\.")),
]


def translate(message: str) -> str | None:
    """The Dutch form of a MkDocs link warning about an example page, or None
    (another page, or a message we do not know)."""
    for kind, pattern in PATTERNS:
        match = pattern.match(message)
        if not match:
            continue
        src = match.group("src")
        if not src.startswith(FOLDER + "/"):
            return None
        url = match.group("url")
        hint = match.groupdict().get("hint") or "../hoofdstukken/naam.md"
        where = f"docs/{src}"
        if kind == "anchor":
            return (f"{where}: de link '{url}' wijst naar een kopje dat niet bestaat. Kijk op die pagina welk "
                    f"anker het kopje heeft (het deel na # in het adres), of laat #... weg.")
        if posixpath.splitext(url.split("#")[0])[1].lower() in IMAGE_SUFFIXES:
            return (f"{where}: de afbeelding '{url}' bestaat niet. Zet de foto in docs/{FOLDER}/ en schrijf de "
                    f"naam precies zo, met dezelfde hoofdletters.")
        if kind == "absolute":
            return (f"{where}: de link '{url}' begint met /; dat werkt niet op de site. Gebruik {hint}: de naam "
                    f"van het .md-bestand, vanaf deze map.")
        return (f"{where}: de link '{url}' wijst naar een pagina die niet bestaat; gebruik {hint}. Een link "
                f"naar een andere pagina van de site is de naam van het .md-bestand, vanaf deze map.")
    return None
