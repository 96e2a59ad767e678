"""Lists pasted from Word: lines that start with a bullet character ("•",
"–", "▪" ...) are plain paragraphs in Markdown, not a list.

``word_bullets`` is the check for an example file: one message per file,
at the first such line, saying to type "- " instead. ``as_markdown_list``
turns them into a Markdown list, for the form route, which writes the file
itself (scripts/tools/issue_to_example.py).
"""
from __future__ import annotations

import re

from .base import Problem

# A bullet Word or a web page puts in front of a list item, then a space.
BULLET = re.compile(r"^(?P<indent>[ \t]{0,3})(?P<mark>[•◦▪▫■□●○‣⁃∙·–—])[ \t\u00a0]+(?=\S)")


def word_bullets(body: str, where: str, first_line: int = 1) -> list[Problem]:
    """One problem for the whole file: the first line and how many there are."""
    from .source import _body_lines  # here: source imports this module
    found = [(number, line) for number, line, in_code in _body_lines(body, first_line)
             if not in_code and BULLET.match(line)]
    if not found:
        return []
    number, line = found[0]
    first = BULLET.match(line)
    assert first is not None  # found holds matching lines only
    mark = first.group("mark")
    others = len(found) - 1
    more = f" (en {others} andere {'regel' if others == 1 else 'regels'})" if others else ""
    return [Problem(where, number, None,
                    f"deze regel{more} begint met '{mark}', zoals een lijstje uit Word. Op de site wordt dat "
                    f"geen lijst. Typ aan het begin van elke regel van de lijst een streepje en een spatie "
                    f"('- ') in plaats van '{mark}', en laat een lege regel boven de lijst.")]


def as_markdown_list(text: str) -> str:
    """Bullet lines become '- ' items; a blank line goes before a list that
    follows a paragraph, so Markdown sees a list."""
    out: list[str] = []
    for line in text.split("\n"):
        match = BULLET.match(line)
        if match:
            if out and out[-1].strip() and not out[-1].lstrip().startswith("- "):
                out.append("")
            line = "- " + line[match.end():]
        out.append(line)
    return "\n".join(out)
