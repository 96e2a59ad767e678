"""The raw example file: front matter, forbidden constructs (template code,
scripts: such a page stops the build) and the body sections."""
from __future__ import annotations

import datetime as dt
import html
import re

import yaml

from .base import SECTIONS, TEMPLATE, ExampleError
from .schema import Example, validate
from .vocabulary import Vocabulary

# Same pattern as MkDocs (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

# (pattern, what it is); checked on every line, after decoding HTML entities.
FORBIDDEN: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\{\{|\{%"), "sjablooncode ({{ ... }} of {% ... %})"),
    (re.compile(r"<\s*/?\s*script\b", re.I), "een <script>-element"),
    (re.compile(r"<\s*(iframe|object|embed|style|form|base|meta|link|svg|math)\b", re.I),
     "het HTML-element <{0}>"),
    (re.compile(r"(?<![\w-])on[a-z]+\s*=", re.I), "een event-handler zoals onclick= ({0})"),
    (re.compile(r"(?:java|vb)script\s*:", re.I), "een javascript:-link"),
    (re.compile(r"data\s*:\s*text/html", re.I), "een data:text/html-link"),
    (re.compile(r"-{2}8<-{2}"), "het invoegen van een ander bestand (--8<--)"),
]


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that keeps dates as text, so the schema (not YAML) judges
    them and '2026-02-31' gets a message that names the field."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, line number where the body starts)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1), text[match.end():], text[:match.end()].count("\n") + 1


def check_forbidden(text: str, where: str) -> None:
    """Stop on template code, scripts, event handlers or script links."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, start=1):
        for line in ((raw, html.unescape(raw)) if "&" in raw else (raw,)):
            for pattern, what in FORBIDDEN:
                match = pattern.search(line)
                if match:
                    found = match.group(0).strip()
                    raise ExampleError(
                        f"{where}, regel {number}: {what.replace('{0}', match.group(match.lastindex or 0))} "
                        f"is niet toegestaan in een praktijkvoorbeeld. Een praktijkvoorbeeld is gewone "
                        f"tekst: geen sjablooncode, scripts of actieve HTML. Haal '{found}' weg "
                        f"(zie CONTRIBUTING.md).")
    # Browsers ignore tabs and line breaks inside a URL scheme: "java\nscript:".
    squeezed = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(text))
    if re.search(r"(?:java|vb)script:", squeezed, re.I):
        raise ExampleError(f"{where}: een javascript:-link (verspreid over meer regels) is niet "
                           f"toegestaan in een praktijkvoorbeeld (zie CONTRIBUTING.md).")


def check_body(body: str, where: str, first_line: int = 1) -> None:
    """The body has exactly the sections of SECTIONS, in order, and no '# ' title."""
    found: list[tuple[str, int]] = []
    fence = None
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        stripped = line.strip()
        marker = re.match(r"^(`{3,}|~{3,})", stripped)
        if marker:
            if fence is None:
                fence = marker.group(1)[0]
            elif stripped.startswith(fence * 3):
                fence = None
            continue
        if fence:
            continue
        if re.match(r"^#\s", line):
            raise ExampleError(f"{where}, regel {number}: een kop met één # is niet nodig; de titel komt "
                               f"uit het veld 'titel'. Begin met '## {SECTIONS[0]}'.")
        heading = re.match(r"^##\s+(.+?)\s*#*\s*$", line)
        if heading:
            found.append((heading.group(1), number))
    names = [name for name, _ in found]
    for name, number in found:
        if name not in SECTIONS:
            raise ExampleError(f"{where}, regel {number}: onbekend kopje '## {name}'. Een praktijkvoorbeeld "
                               f"heeft precies deze kopjes, in deze volgorde: "
                               f"{', '.join('## ' + s for s in SECTIONS)}. Gebruik ### voor een tussenkopje.")
    for section in SECTIONS:
        if section not in names:
            raise ExampleError(f"{where}: het kopje '## {section}' ontbreekt. Een praktijkvoorbeeld heeft "
                               f"precies deze kopjes, in deze volgorde: "
                               f"{', '.join('## ' + s for s in SECTIONS)}.")
    if names != list(SECTIONS):
        raise ExampleError(f"{where}: de kopjes staan niet in de goede volgorde of staan er dubbel in "
                           f"(gevonden: {', '.join(names)}). Verwacht: {', '.join(SECTIONS)}.")


def parse_example(text: str, src_uri: str, vocab: Vocabulary, where: str | None = None,
                  today: dt.date | None = None) -> Example:
    """Check one example file completely: forbidden constructs, front matter, body."""
    where = where or f"docs/{src_uri}"
    check_forbidden(text, where)
    meta, body, body_line = split_front_matter(text)
    if meta is None:
        raise ExampleError(f"{where}: de front matter ontbreekt. Een praktijkvoorbeeld begint met een "
                           f"regel ---, dan de velden (titel, samenvatting, ...), dan weer ---. "
                           f"Kopieer docs/{TEMPLATE} als begin.")
    try:
        data = yaml.load(meta, Loader=_FrontMatterLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", regel {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ExampleError(f"{where}{line}: de front matter is geen geldige YAML ({problem}). Let op "
                           f"dubbele punten in tekst: zet zo'n tekst tussen aanhalingstekens.") from None
    example = validate(data, where, vocab, src_uri, today)
    check_body(body, where, body_line)
    return example


def with_render_off(text: str) -> str:
    """The page source with ``render_macros: false`` as its last front-matter
    field, so mkdocs-macros leaves the page alone (the last key wins in YAML)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return "---\nrender_macros: false\n---\n" + text
    closing = text.rindex("\n", 0, match.end() - 1) + 1  # start of the closing '---' line
    return text[:closing] + "render_macros: false\n" + text[closing:]
