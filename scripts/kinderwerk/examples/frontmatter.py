"""The data block at the top of an example (the "front matter" between two
lines ---): friendly checks before YAML (tabs, curly quotes, a missing closing
line), YAML parsing with the line of every field, and YAML errors in Dutch.

Every problem comes back as a ``Problem``; nothing here raises for a fault in
the file. Line numbers are the ones an editor shows: line 1 is the opening ---.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from .base import SECTIONS, TEMPLATE, Problem

# Same pattern as MkDocs (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
OPENING = re.compile(r"^-{3}[ \t]*\n")
FIRST_LINE = 2  # the YAML text starts on the line after the opening ---

# A curly quote where YAML expects a quote: at the start of a value or a list item.
CURLY_OPEN = re.compile(r"(?:^[A-Za-z_]+:\s*|^\s*-\s+|[\[,]\s*)([“”‘’„‚«»])")
KEY_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # C loader if built
    """SafeLoader that keeps dates as text, so the schema (not YAML) judges
    them and '2026-02-31' gets a message that names the field."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatter:
    """The parsed block. ``data`` is None when the block could not be read;
    ``lines`` maps a path such as ("titel",), ("themas", 0) or
    ("personen", 1, "naam") to the editor line of that value."""

    data: Any = None
    lines: dict[tuple, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    closing_line: int | None = None
    problems: list[Problem] = field(default_factory=list)

    def line(self, *path) -> int | None:
        """The line of the value at ``path``, else of its nearest parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def normalise_newlines(text: str) -> str:
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, line number where the body starts)."""
    text = normalise_newlines(text)
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1), text[match.end():], text[:match.end()].count("\n") + 1


def _unclosed(text: str, where: str) -> Problem:
    """The opening --- has no closing line: say under which field to put it."""
    lines = text.split("\n")
    last_key, last_line = None, 1
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith("#") and re.match(r"^#{1,6}\s", line) and any(s in line for s in SECTIONS):
            break  # the first section heading: the data block ended before it
        match = KEY_LINE.match(line)
        if match:
            last_key, last_line = match.group(1), number
    if last_key:
        return Problem(where, last_line, None,
                       f"De gegevens bovenaan zijn niet afgesloten: zet een regel met alleen --- "
                       f"onder {last_key}:.")
    return Problem(where, 1, None, "De gegevens bovenaan zijn niet afgesloten: zet een regel met alleen "
                                   "--- onder het laatste veld (meestal gecontroleerd:).")


def _pre_checks(meta: str, where: str) -> list[Problem]:
    """Tabs at the start of a line and curly quotes, with the editor line."""
    problems = []
    for number, line in enumerate(meta.split("\n"), start=FIRST_LINE):
        if line.lstrip(" ").startswith("\t"):
            problems.append(Problem(where, number, None,
                                    f"Regel {number} begint met een tab; gebruik spaties."))
        if line.lstrip().startswith("#"):
            continue  # a comment line
        match = CURLY_OPEN.search(line)
        if match:
            key = KEY_LINE.match(line)
            problems.append(Problem(where, number, key.group(1) if key else None,
                                    'Gebruik rechte aanhalingstekens ("), geen “ ”. Een tekstverwerker '
                                    "zoals Word maakt ze krom; typ ze opnieuw in een gewone editor."))
    return problems


# Known YAML parser problems, in Dutch. (English text, Dutch explanation)
YAML_MESSAGES: list[tuple[str, str]] = [
    ("mapping values are not allowed",
     "er staat een dubbele punt (:) in een tekst. Zet de hele tekst tussen rechte aanhalingstekens, "
     'bijvoorbeeld: bron: "Verslag: zomer 2025".'),
    ("cannot start any token",
     "er staat een teken dat hier niet mag, zoals een tab, @ of ` aan het begin van een tekst. "
     "Gebruik spaties in plaats van tabs, en zet de tekst tussen rechte aanhalingstekens (\")."),
    ("found unexpected end of stream",
     "een aanhalingsteken is niet gesloten. Zet aan het eind van de tekst ook een \"."),
    ("expected ',' or ']'",
     "een lijst tussen [ ] is niet goed afgesloten. Zet ] aan het eind, en zet een tekst met een "
     'komma erin tussen rechte aanhalingstekens: ["Jansen, Pietersen"].'),
    ("expected ',' or '}'",
     "een { is niet afgesloten. Gebruik { } niet in de gegevens bovenaan."),
    ("could not find expected ':'",
     "na een veldnaam ontbreekt de dubbele punt, of een tekst loopt door op de volgende regel. "
     "Schrijf elk veld als naam: waarde, op één regel."),
    ("did not find expected key",
     "de regels staan niet goed onder elkaar. Velden beginnen helemaal links; bij personen "
     "begint een persoon met twee spaties en een streepje (  - naam: ...), de rest met vier spaties."),
    ("did not find expected '-' indicator",
     "de regels van een lijst staan niet goed onder elkaar. Begin elke regel van de lijst met "
     "evenveel spaties en een streepje."),
    ("expected <block end>",
     "de regels staan niet goed onder elkaar. Velden beginnen helemaal links; kijk hoe het in het "
     "sjabloon staat."),
    ("found undefined alias",
     "een tekst begint met *. Zet de tekst tussen rechte aanhalingstekens (\")."),
    ("found unknown escape character",
     "er staat een \\ in een tekst tussen aanhalingstekens. Haal de \\ weg, of gebruik enkele "
     "aanhalingstekens (')."),
    ("expected alphabetic or numeric character",
     "een tekst begint met & of *. Zet de tekst tussen rechte aanhalingstekens (\")."),
    ("found character that cannot start any token",
     "er staat een teken dat hier niet mag. Zet de tekst tussen rechte aanhalingstekens (\")."),
]


def _yaml_problem(exc: yaml.YAMLError, where: str, meta: str = "") -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML cannot read (a control character)
        from .. import unicode_policy
        at = meta[:exc.position].count("\n") + FIRST_LINE
        kind = unicode_policy.CLASS_NAMES.get(unicode_policy.kind_of(exc.character) or "", "teken dat niet mag")
        return Problem(where, at, None, f"hier staat een teken dat niet in de gegevens bovenaan mag "
                                          f"(U+{exc.character:04X}, een {kind}). Haal het weg.")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + FIRST_LINE if mark is not None else None
    english = " ".join(str(getattr(exc, part, "") or "") for part in ("context", "problem"))
    explanation = next((dutch for key, dutch in YAML_MESSAGES if key in english),
                       "deze regel volgt de vorm van de gegevens niet. Vergelijk hem met het sjabloon: "
                       "naam: waarde, lijsten tussen [ ], tekst met : of # tussen aanhalingstekens.")
    return Problem(where, line, None, "De gegevens bovenaan kloppen hier niet: " + explanation)


# --- YAML without surprises (issue 17) ---------------------------------------------
# Read from the parser's events, before a node or an object exists: an alias
# bomb of a few hundred bytes never expands. Contributors need none of this.
MAX_YAML_DEPTH = 6        # the template nests 3 deep (personen: - naam:)
MAX_YAML_EVENTS = 20_000  # 64 KB of front matter (the size limit) stays far below this

_FEATURES = {
    "anchor": ("er staat een anker (&{0}). YAML-ankers en -verwijzingen (& en *) zijn niet toegestaan in "
               "de gegevens bovenaan: schrijf elke waarde voluit, en zet een tekst die met & begint tussen "
               'rechte aanhalingstekens ("&...").'),
    "alias": ("er staat een verwijzing naar een anker (*{0}). YAML-ankers en -verwijzingen (& en *) zijn "
              "niet toegestaan in de gegevens bovenaan: schrijf elke waarde voluit, en zet een tekst die met "
              '* begint tussen rechte aanhalingstekens ("*...").'),
    "merge": ("er staat een samenvoeg-sleutel (<<). Die is niet toegestaan in de gegevens bovenaan: schrijf "
              "elk veld voluit."),
    "tag": ("er staat een YAML-type ({0}). Dat is niet toegestaan in de gegevens bovenaan: haal het weg, en "
            'zet een tekst die met ! begint tussen rechte aanhalingstekens ("!...").'),
    "complex": "een veldnaam moet een gewoon woord zijn, geen lijst of blok. Vergelijk de regel met het sjabloon.",
    "depth": (f"de gegevens bovenaan zijn te diep genest (meer dan {MAX_YAML_DEPTH} lagen lijsten in "
              f"elkaar). Vergelijk ze met het sjabloon."),
    "events": "de gegevens bovenaan hebben te veel losse waarden. Een veld is één korte tekst of een korte lijst.",
}


def _feature_problems(meta: str, where: str) -> tuple[list[Problem], bool]:
    """(problems, whether it is safe to build objects): anchors, aliases,
    merge keys, tags, keys that are not text, too deep or too many values
    (refused, nothing is built), and duplicate keys at any depth (reported;
    building is safe). A YAML syntax error stops the scan: the loader that
    runs next reports it in Dutch."""
    problems: list[Problem] = []
    unsafe = False
    # One frame per open mapping or list: [is a mapping, expecting a key, keys seen]
    stack: list[list] = []

    reported: set[tuple[str, int]] = set()

    def add(kind: str, mark: yaml.Mark, detail: str = "", field: str | None = None) -> None:
        """One message per kind and line (an alias bomb is one line)."""
        nonlocal unsafe
        unsafe = True
        line = mark.line + FIRST_LINE
        if (kind, line) not in reported and len(reported) < 20:
            reported.add((kind, line))
            detail = detail if len(detail) <= 30 else detail[:30] + "..."
            problems.append(Problem(where, line, field, _FEATURES[kind].format(detail)))

    loader = None
    count = 0
    top_key: str | None = None
    try:
        loader = _FrontMatterLoader(meta)
        while loader.check_event():
            event = loader.get_event()
            count += 1
            if count > MAX_YAML_EVENTS:
                add("events", event.start_mark)
                break
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentStartEvent,
                                  yaml.StreamEndEvent, yaml.DocumentEndEvent)):
                continue
            frame = stack[-1] if stack else None
            is_key = bool(frame and frame[0] and frame[1])
            if frame and frame[0]:
                frame[1] = not frame[1]
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            if isinstance(event, yaml.AliasEvent):
                add("alias", event.start_mark, event.anchor, top_key)
                continue
            if event.anchor:
                add("anchor", event.start_mark, event.anchor, top_key)
            if event.tag is not None:
                add("tag", event.start_mark, event.tag.replace("tag:yaml.org,2002:", "!!"), top_key)
            if isinstance(event, yaml.ScalarEvent):
                if is_key and frame is not None:
                    if event.value == "<<" and not event.style:  # plain (C parser: '', Python: None)
                        add("merge", event.start_mark, field=top_key)
                    elif event.value in frame[2]:
                        problems.append(Problem(where, event.start_mark.line + FIRST_LINE,
                                                event.value if len(stack) == 1 else top_key,
                                                f"het veld '{event.value}' staat er twee keer in. Haal één "
                                                f"van de twee weg." if len(stack) > 1 else
                                                "dit veld staat er twee keer in. Haal één van de twee weg."))
                    frame[2].add(event.value)
                    if len(stack) == 1:
                        top_key = event.value
                continue
            # The start of a mapping or a list.
            if is_key:
                add("complex", event.start_mark, field=top_key)
            stack.append([isinstance(event, yaml.MappingStartEvent), True, set()])
            if len(stack) > MAX_YAML_DEPTH:
                add("depth", event.start_mark, field=top_key)
                break
    except yaml.YAMLError:
        pass
    except UnicodeEncodeError:  # a lone surrogate: the Unicode policy names it; build nothing
        unsafe = True
    finally:
        if loader is not None:
            loader.dispose()
    return problems, not unsafe


def _nfc(value: Any) -> Any:
    """Every text in NFC (issue 17): 'Fryslân' typed as a + combining ^ and as â is one town."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(key): _nfc(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    return value


def _record_lines(node: yaml.Node, path: tuple, lines: dict[tuple, int]) -> None:
    lines[path] = node.start_mark.line + FIRST_LINE
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            _record_lines(value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + FIRST_LINE
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines)


def read_front_matter(text: str, where: str) -> FrontMatter:
    """The front matter of an example file, with every problem found."""
    text = normalise_newlines(text)
    result = FrontMatter(body=text)
    match = FRONT_MATTER.match(text)
    if not match:
        if OPENING.match(text):
            result.problems.append(_unclosed(text, where))
        else:
            result.problems.append(Problem(
                where, 1, None,
                "De gegevens bovenaan ontbreken. Een praktijkvoorbeeld begint met een regel met alleen ---, "
                f"dan de velden (titel:, samenvatting:, ...), dan weer een regel ---. Begin met een kopie van "
                f"docs/{TEMPLATE}."))
        return result
    meta = match.group(1)
    result.body = text[match.end():]
    result.body_line = text[:match.end()].count("\n") + 1
    result.closing_line = result.body_line - 1
    pre = _pre_checks(meta, where)
    result.problems.extend(pre)
    features, safe = _feature_problems(meta, where)
    result.problems.extend(features)
    if not safe:
        return result
    loader = _FrontMatterLoader(meta)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        problem = _yaml_problem(exc, where, meta)
        explained = {p.line for p in pre}
        # A refused character written as an escape ("\uD800") is the cause: name it instead.
        from .. import unicode_policy
        for number, line in enumerate(meta.split("\n"), start=FIRST_LINE):
            escaped = unicode_policy.escaped_forbidden(line) if "\\" in line else []
            if escaped:
                problem = Problem(where, number, None, escaped[0].message() + " (geschreven als YAML-code).")
                break
        # A tab or curly quote on that line (or a tab anywhere) is the cause: its message says more.
        if problem.line not in explained and not any("tab" in p.message for p in pre):
            result.problems.append(problem)
        return result
    except RecursionError:
        result.problems.append(Problem(where, None, None, "De gegevens bovenaan zijn te diep genest. "
                                                          "Vergelijk ze met het sjabloon."))
        return result
    finally:
        loader.dispose()
    if node is not None:
        _record_lines(node, (), result.lines)
    result.data = _nfc(data)
    return result


def page_meta(text: str, where: str = "pagina") -> tuple[dict, str]:
    """(front matter as a dict, body) of any page: the same block MkDocs and the
    checks read, so a template with --- in its comments reads right. A page
    without a block gives ({}, text). For tests and tools, not contributors:
    an unreadable block raises ValueError with the Dutch problems."""
    text = normalise_newlines(text)
    if not FRONT_MATTER.match(text):
        return {}, text
    front = read_front_matter(text, where)
    if front.data is None and front.problems:
        raise ValueError("; ".join(f"{p.file}:{p.line}: {p.message}" for p in front.problems))
    if not isinstance(front.data, (dict, type(None))):
        raise ValueError(f"{where}: de gegevens bovenaan zijn geen lijst van velden")
    return front.data or {}, front.body
