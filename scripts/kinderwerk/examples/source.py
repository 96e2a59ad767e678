"""The raw example file: forbidden constructs (template code, scripts), the
body sections, links and images, and ``check_example``, which runs every
check on one file and returns all problems at once.

These source-level checks give friendly messages; the guarantee that no
script reaches a reader is the allowlist sanitiser on the rendered HTML.
"""
from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote

from .base import FOLDER, IMAGE_SUFFIXES, SECTIONS, TEMPLATE, ExampleError, Problem
from .frontmatter import FRONT_MATTER, FrontMatter, normalise_newlines, read_front_matter, split_front_matter
from .hidden import check_hidden
from .limits import blank_comments, check_limits
from .placeholders import Placeholders, default_placeholders
from .schema import Example, validate
from .text import slugify
from .vocabulary import Vocabulary

__all__ = ["FRONT_MATTER", "check_body", "check_example", "check_forbidden", "find_forbidden",
           "parse_example", "split_front_matter", "with_render_off"]

# (pattern, what it is); checked on every line, after decoding HTML entities.
FORBIDDEN: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\{\{|\{%"), "sjablooncode ({{ ... }} of {% ... %})"),
    (re.compile(r"<\s*/?\s*script\b", re.I), "een <script>-element"),
    (re.compile(r"<\s*(iframe|object|embed|style|form|base|meta|link|svg|math)\b", re.I),
     "het HTML-element <{0}>"),
    (re.compile(r"(?<![\w-])on[a-z]+\s*=", re.I), "een event-handler zoals onclick= ({0})"),
    (re.compile(r"(?:java|vb)script\s*:", re.I), "een javascript:-link"),
    (re.compile(r"data\s*:\s*text/html", re.I), "een data:text/html-link"),
    # pymdownx.snippets honours any number of dashes (-8<-, ---8<---), also in code blocks.
    (re.compile(r"-+8<-+"), "het invoegen van een ander bestand (--8<--)"),
]
FORBIDDEN_HINT = ("Een praktijkvoorbeeld is gewone tekst: geen sjablooncode, scripts of actieve HTML "
                  "(zie SECURITY.md, 'Wat mag er in een praktijkvoorbeeld?').")


def find_forbidden(text: str, where: str, first_line: int = 1, field: str | None = None,
                   line_of: list[int] | None = None) -> list[Problem]:
    """Template code, scripts, event handlers or script links, one problem
    per line. ``line_of`` maps the lines of ``text`` to editor lines."""
    problems = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, raw in enumerate(lines):
        number = line_of[min(index, len(line_of) - 1)] if line_of else first_line + index
        for line in ((raw, html.unescape(raw)) if "&" in raw else (raw,)):
            hit = next(((p, what) for p, what in FORBIDDEN if p.search(line)), None)
            if hit:
                pattern, what = hit
                match = pattern.search(line)
                assert match is not None  # it matched just above
                found = match.group(0).strip()
                what = what.replace("{0}", match.group(match.lastindex or 0))
                problems.append(Problem(where, number, field,
                                        f"{what} is niet toegestaan in een praktijkvoorbeeld. Haal '{found}' "
                                        f"weg. {FORBIDDEN_HINT}"))
                break
    # Browsers ignore tabs and line breaks inside a URL scheme: "java\nscript:".
    if not problems:
        squeezed = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(text))
        if re.search(r"(?:java|vb)script:", squeezed, re.I):
            problems.append(Problem(where, line_of[0] if line_of else first_line, field,
                                    f"een javascript:-link (verspreid over meer regels) is niet toegestaan in "
                                    f"een praktijkvoorbeeld. {FORBIDDEN_HINT}"))
    return problems


def check_forbidden(text: str, where: str) -> None:
    """Raise ExampleError on template code, scripts, event handlers or script links."""
    problems = find_forbidden(text, where)
    if problems:
        raise ExampleError(problems)


def _strings(value: Any, path: tuple = ()) -> Iterable[tuple[tuple, str]]:
    """Every text in parsed YAML, with its path (for the line number)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(str(key), path + (key,))
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def _forbidden_in_values(front: FrontMatter, where: str) -> list[Problem]:
    """The forbidden-construct check on the decoded values: YAML turns
    "\\x3cscript" into "<script", which a check of the raw text misses."""
    problems = []
    for path, value in _strings(front.data):
        field = str(path[0]) if path else None
        line = front.line(*path)
        problems += find_forbidden(value, where, line or 1, field=field,
                                   line_of=[line or 1] * (value.count("\n") + 1))
    return problems


# --- Body ---------------------------------------------------------------------

def _body_lines(body: str, first_line: int) -> Iterable[tuple[int, str, bool]]:
    """(editor line, line, inside a code block) for every body line."""
    fence = None
    for offset, line in enumerate(body.split("\n")):
        stripped = line.strip()
        marker = re.match(r"^(`{3,}|~{3,})", stripped)
        if marker:
            if fence is None:
                fence = marker.group(1)[0]
            elif stripped.startswith(fence * 3):
                fence = None
            yield first_line + offset, line, True
            continue
        yield first_line + offset, line, fence is not None


def _has_text(lines: list[str]) -> bool:
    return bool(blank_comments("\n".join(lines)).strip())


def check_body(body: str, where: str, first_line: int = 1,
               placeholders: Placeholders | None = None) -> list[Problem]:
    """The body has exactly the sections of SECTIONS, in order, each with text
    of its own (not the template's), and no '# ' title."""
    problems: list[Problem] = []
    found: list[tuple[str, int]] = []
    content: dict[int, list[tuple[int, str]]] = {}   # heading line -> its lines
    current = None
    for number, line, in_code in _body_lines(body, first_line):
        if not in_code and re.match(r"^#\s", line):
            problems.append(Problem(where, number, None,
                                    f"een kop met één # is niet nodig; de titel komt uit het veld 'titel'. "
                                    f"Haal deze regel weg en begin met '## {SECTIONS[0]}'."))
            continue
        heading = None if in_code else _heading(line)
        if heading:
            found.append((heading, number))
            current = number
            content[current] = []
        elif current is not None:
            content[current].append((number, line))
    names = [name for name, _ in found]
    sections = ", ".join("## " + s for s in SECTIONS)
    for name, number in found:
        if name not in SECTIONS:
            close = [s for s in SECTIONS if s.lower() == name.lower().rstrip(":")]
            hint = f" Schrijf '## {close[0]}'." if close else " Gebruik ### voor een tussenkopje."
            problems.append(Problem(where, number, None,
                                    f"onbekend kopje '## {name}'. Een praktijkvoorbeeld heeft precies deze "
                                    f"kopjes, in deze volgorde: {sections}.{hint}"))
    missing = [s for s in SECTIONS if s not in names]
    for section in missing:
        problems.append(Problem(where, None, None,
                                f"het kopje '## {section}' ontbreekt. Een praktijkvoorbeeld heeft precies deze "
                                f"kopjes, in deze volgorde: {sections}."))
    known = [n for n in names if n in SECTIONS]
    if not missing and known != list(SECTIONS):
        problems.append(Problem(where, found[0][1] if found else None, None,
                                f"de kopjes staan niet in de goede volgorde of staan er dubbel in "
                                f"(gevonden: {', '.join(names)}). Verwacht: {', '.join(SECTIONS)}."))
    paragraphs = placeholders.paragraphs if placeholders else set()
    for name, number in found:
        if name not in SECTIONS:
            continue
        lines = content.get(number, [])
        if not _has_text([line for _, line in lines]):
            problems.append(Problem(where, number, None,
                                    f"het kopje '## {name}' is leeg. Schrijf er minstens één zin onder."))
            continue
        for line_number, paragraph in _paragraphs(lines):
            if " ".join(paragraph.split()).casefold() in paragraphs:
                problems.append(Problem(where, line_number, None,
                                        f"onder '## {name}' staat nog de voorbeeldtekst uit het sjabloon "
                                        f"('{_short(paragraph)}'). Vervang die door je eigen tekst."))
                break
    return problems


def _heading(line: str) -> str | None:
    """The text of a '## ' heading without closing #s, or None. A scanner,
    not the regex ^##\\s+(.+?)\\s*#*\\s*$, which is quadratic on '## # # # ...'."""
    if not line.startswith("##") or len(line) < 3 or not line[2].isspace():
        return None
    text = line[2:].strip()
    return text.rstrip("#").rstrip() or text[:1] or None  # '## ##' is the heading '#', as before


def _paragraphs(lines: list[tuple[int, str]]) -> Iterable[tuple[int, str]]:
    start: int | None = None
    block: list[str] = []
    for number, line in lines + [(0, "")]:
        if line.strip().startswith(("- ", "* ")):
            yield number, line.strip()  # one tip of a list, on its own
        if line.strip():
            start = start or number
            block.append(line.strip())
        elif block:
            assert start is not None  # set with the block's first line
            yield start, " ".join(block)
            start, block = None, []


def _short(text: str, size: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size].rstrip() + " ..."


# --- Links and images -----------------------------------------------------------

# No part may cross a bracket: each try from a '[' ends by the next one, so a
# line of 40,000 '![' costs linear time (issue 17), not quadratic.
LINK = re.compile(r"(?P<image>!?)\[(?P<text>[^\[\]\n]*)\]\(\s*(?P<target><[^<>\[\]\n]*>|[^)\s\[\]]+)"
                  r"(?:\s+(?:\"[^\"\n\[\]]*\"|'[^'\n\[\]]*'))?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*(?P<target><[^>\n]*>|\S+)")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)


def _suggest_target(target: str, src_uri: str, known: set[str]) -> str:
    """What to type instead of a link that does not resolve."""
    folder = posixpath.dirname(src_uri)
    base = posixpath.basename(target.rstrip("/")) or "index"
    stem = posixpath.splitext(base)[0]
    pages = sorted(k for k in known if k.endswith(".md"))
    same_name = [k for k in pages if posixpath.splitext(posixpath.basename(k))[0] == stem]
    if same_name:
        return posixpath.relpath(same_name[0], folder)
    import difflib
    close = difflib.get_close_matches(stem, [posixpath.splitext(posixpath.basename(k))[0] for k in pages],
                                      n=1, cutoff=0.6)
    if close:
        match = next(k for k in pages if posixpath.splitext(posixpath.basename(k))[0] == close[0])
        return posixpath.relpath(match, folder)
    return "../hoofdstukken/naam.md"


def check_links(body: str, where: str, src_uri: str, known: set[str], first_line: int = 1) -> list[Problem]:
    """Relative links and images must point at a file in docs/; images need
    a description (alt text)."""
    problems = []
    folder = posixpath.dirname(src_uri)
    body = blank_comments(body)
    for number, line, in_code in _body_lines(body, first_line):
        if in_code:
            continue
        targets = [(m.group("image") == "!", m.group("text"), m.group("target")) for m in LINK.finditer(line)]
        reference = REFERENCE.match(line)
        if reference:
            targets.append((False, "x", reference.group("target")))
        for is_image, text, target in targets:
            target = target.strip("<>").strip()
            if is_image and not text.strip():
                problems.append(Problem(where, number, None,
                                        f"de afbeelding '{target}' heeft geen beschrijving. Zet tussen de [ ] "
                                        f"in een paar woorden wat er te zien is, bijvoorbeeld "
                                        f"![Kinderen bouwen een hut]({target})."))
            if EXTERNAL.match(target):
                continue
            path = unquote(target.split("#", 1)[0].split("?", 1)[0])
            if not path:
                continue
            if path.startswith("/"):
                resolved = None
            else:
                resolved = posixpath.normpath(posixpath.join(folder, path))
            if resolved in known:
                continue
            if is_image:
                advice = (f"Zet de foto in docs/{FOLDER}/ en schrijf de naam precies zo, met dezelfde "
                          f"hoofdletters: ![beschrijving](naam-van-de-foto.jpg).")
                problems.append(Problem(where, number, None,
                                        f"de afbeelding '{target}' bestaat niet. {advice}"))
            else:
                problems.append(Problem(where, number, None,
                                        f"de link '{target}' wijst naar een pagina die niet bestaat; gebruik "
                                        f"{_suggest_target(path, src_uri, known)}. Een link naar een andere "
                                        f"pagina van de site is de naam van het .md-bestand, vanaf deze map."))
    return problems


# --- The whole file --------------------------------------------------------------

def check_example(text: str, src_uri: str, vocab: Vocabulary, where: str | None = None,
                  today: dt.date | None = None, known_files: set[str] | None = None,
                  placeholders: Placeholders | None = None) -> tuple[Example | None, list[Problem]]:
    """Every check on one example file: (the Example or None, all problems).

    ``known_files`` (src_uri of every file in docs/) turns the link and image
    checks on; ``placeholders`` defaults to the values of the template, and
    the template itself is exempt."""
    where = where or f"docs/{src_uri}"
    is_template = src_uri == TEMPLATE
    if placeholders is None and not is_template:
        placeholders = default_placeholders()
    if is_template:
        placeholders = Placeholders()
    assert placeholders is not None  # one of the two above
    # Issue 17: every cost bounded before YAML and Markdown; then hidden text.
    limits = check_limits(normalise_newlines(text), where)
    if limits:
        return None, limits
    problems = find_forbidden(text, where)
    front = read_front_matter(text, where)
    problems += front.problems
    problems += check_hidden(normalise_newlines(text), front, where)
    example = None
    if front.data is not None or not front.problems:
        example, schema_problems = validate(front.data, where, vocab, src_uri, today, line=front.line,
                                            placeholders=placeholders.fields, closing_line=front.closing_line)
        problems += schema_problems
        problems += [p for p in _forbidden_in_values(front, where) if p not in problems
                     and not any(q.line == p.line and "niet toegestaan" in q.message for q in problems)]
    if front.closing_line is not None or not front.problems:
        problems += check_body(front.body, where, front.body_line, placeholders)
        if known_files is not None:
            problems += check_links(front.body, where, src_uri, known_files, front.body_line)
        example, more = _photos_and_lists(front, src_uri, where, example)
        problems += more
    problems.sort(key=lambda p: (p.line is not None, p.line or 0))
    return (example if not problems else None), problems


def _photos_and_lists(front: FrontMatter, src_uri: str, where: str,
                      example: Example | None) -> tuple[Example | None, list[Problem]]:
    """Photos (consent) and lists pasted from Word (issue 16). Images from
    other websites are refused by the allowlist on the rendered page (and
    named early by `make check`, photos.remote_problems)."""
    from dataclasses import replace

    from . import lists, photos
    refs = photos.photo_refs(front.body, src_uri, front.body_line)
    problems = lists.word_bullets(front.body, where, front.body_line)
    if front.data is not None:
        problems += photos.consent_problems(front.data, refs, where)
    if example is not None:
        shown = tuple(dict.fromkeys(r.src for r in refs if r.src is not None and photos.is_photo(r.src)))
        example = replace(example, fotos=shown)
    return example, problems


def parse_example(text: str, src_uri: str, vocab: Vocabulary, where: str | None = None,
                  today: dt.date | None = None, known_files: set[str] | None = None) -> Example:
    """Check one example file completely; raise ExampleError with every problem."""
    example, problems = check_example(text, src_uri, vocab, where, today, known_files)
    if problems or example is None:
        raise ExampleError(problems)
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


def suggested_name(name: str) -> str:
    """A file name that follows the rule: 'Zwolle Speeltuin.MD' -> 'zwolle-speeltuin.md'."""
    stem, suffix = posixpath.splitext(name)
    return (slugify(stem) or "voorbeeld") + suffix.lower()


def image_suffix(name: str) -> bool:
    return posixpath.splitext(name)[1].lower() in IMAGE_SUFFIXES
