"""Practice examples (praktijkvoorbeelden): schema, safety checks, and the
generated overview, tag pages and cross-links. Plain Python, no MkDocs import.

An example is a Markdown file in ``docs/praktijkvoorbeelden/`` with front
matter in Dutch field names (see ``FIELDS``) and a body with fixed sections
(``SECTIONS``). Examples come from pull requests by non-programmers, so:

* every field is checked against its type and, for ``provincie``,
  ``werkvormen``, ``themas``, ``partners`` and ``hoofdstukken``, against a
  controlled list; a fault raises :class:`ExampleError` whose Dutch message
  names the file, the field and the allowed values;
* the raw text (front matter and body) may not contain template code or
  scripts (``FORBIDDEN``): such a page stops the build.

``themas`` and ``partners`` are the answer options of the survey questions
``doelstellingen`` and ``samenwerkingspartners``, so an example links to the
chart bar it illustrates. The vocabularies of ``werkvormen`` and ``provincie``
live in ``data/woordenlijsten/``.

The render functions return Markdown or HTML strings. Links in Markdown are
relative paths to ``.md`` files (MkDocs checks and rewrites them); links in
HTML come from an ``href(from_src, to_src)`` callable that the caller supplies.
"""
from __future__ import annotations

import csv
import datetime as dt
import difflib
import heapq
import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

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
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


class ExampleError(Exception):
    """An example that breaks the rules. The message is for the contributor."""


# --------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------

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
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise ExampleError(f"{path}: woordenlijst niet te lezen ({exc.strerror})") from None
    result: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
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


# --------------------------------------------------------------------------
# The example and its schema
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Person:
    naam: str
    rol: str
    organisatie: str

    def credit(self) -> str:
        return f"{self.naam}, {self.rol}, {self.organisatie}"


@dataclass(frozen=True)
class Example:
    src_uri: str                   # "praktijkvoorbeelden/almere-de-schoor.md"
    titel: str
    samenvatting: str
    organisatie: str
    gemeenten: tuple[str, ...]
    provincie: tuple[str, ...]     # names, as in provincies.csv
    periode: str
    werkvormen: tuple[str, ...]
    leeftijd_van: int | None
    leeftijd_tot: int | None
    themas: tuple[str, ...]
    partners: tuple[str, ...]
    andere_partners: tuple[str, ...]
    hoofdstukken: tuple[str, ...]
    personen: tuple[Person, ...]
    bron: str
    gecontroleerd: dt.date

    @property
    def slug(self) -> str:
        return posixpath.splitext(posixpath.basename(self.src_uri))[0]

    @cached_property
    def plaats(self) -> str:
        """Where it ran: the gemeenten, else the provincie."""
        return join_nl(self.gemeenten or self.provincie)

    @cached_property
    def volledige_titel(self) -> str:
        """The page title: place first, so search results show it."""
        if self.titel.lower().startswith(self.plaats.lower()):
            return self.titel
        return f"{self.plaats}: {self.titel}"

    @property
    def leeftijd(self) -> str:
        van, tot = self.leeftijd_van, self.leeftijd_tot
        if van is None and tot is None:
            return "kinderen tot 12 jaar (de bron noemt geen precieze leeftijd)"
        if van is None:
            return f"kinderen tot en met {tot} jaar"
        if tot is None:
            return f"kinderen vanaf {van} jaar"
        if van == tot:
            return f"kinderen van {van} jaar"
        return f"kinderen van {van} tot en met {tot} jaar"


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _describe(value: Any) -> str:
    """A found value, in the words of an error message."""
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return f"ja/nee-waarde '{str(value).lower()}'"
    if isinstance(value, str):
        return f"tekst '{value}'"
    if isinstance(value, (int, float)):
        return f"getal {value}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "velden (naam: waarde)"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"datum {value}"
    return type(value).__name__


@dataclass(frozen=True)
class Field:
    name: str
    expected: str          # what a valid value looks like, for messages
    required: bool = True


FIELDS: dict[str, Field] = {f.name: f for f in [
    Field("titel", "een korte titel zonder plaatsnaam (de plaats komt er vanzelf voor)"),
    Field("samenvatting", "één zin die het voorbeeld samenvat, met een punt aan het eind"),
    Field("organisatie", "de naam van de organisatie"),
    Field("gemeenten", "een lijst met gemeenten, bijvoorbeeld [Almere]; [] als de bron er geen noemt"),
    Field("provincie", "een lijst met één of meer provincies, bijvoorbeeld [Flevoland]"),
    Field("periode", "wanneer het voorbeeld liep, in woorden, bijvoorbeeld 'zomervakantie 2020'"),
    Field("werkvormen", "een lijst met één of meer werkvormen"),
    Field("leeftijd_van", "een leeftijd van 0 tot en met 12, of leeg (~) als de bron geen leeftijd noemt"),
    Field("leeftijd_tot", "een leeftijd van 0 tot en met 12, of leeg (~) als de bron geen leeftijd noemt"),
    Field("themas", "een lijst met één of meer doelen uit het onderzoek"),
    Field("partners", "een lijst met partners uit het onderzoek; [] als er geen bij past"),
    Field("andere_partners", "een lijst met andere partners in woorden, bijvoorbeeld [sociaal wijkteam]",
          required=False),
    Field("hoofdstukken", "een lijst met één of meer hoofdstukken waar het voorbeeld bij hoort"),
    Field("personen", "een lijst met personen, elk met naam, rol en organisatie; [] als de bron niemand noemt"),
    Field("bron", "waar de informatie vandaan komt"),
    Field("gecontroleerd", "de datum waarop iemand het voorbeeld het laatst controleerde, als JJJJ-MM-DD"),
]}


def _allowed(values: dict[str, str], show_labels: bool = True) -> str:
    if show_labels:
        return ", ".join(f"{key} ({label})" for key, label in values.items())
    return ", ".join(values.values())


def _suggest(value: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f" Bedoel je '{close[0]}'?" if close else ""


class _Checker:
    """Checks one field after another; the first fault raises ExampleError."""

    def __init__(self, where: str, data: dict[str, Any]):
        self.where = where
        self.data = data

    def fail(self, name: str, problem: str, extra: str = "") -> None:
        message = f"{self.where}: veld '{name}': {problem}"
        message += f" Verwacht: {FIELDS[name].expected}." if name in FIELDS else ""
        raise ExampleError(message + extra)

    def text(self, name: str) -> str:
        value = self.data.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "periode":
            value = str(value)  # "periode: 2020" reads as a number in YAML
        if not _is_text(value):
            self.fail(name, f"gevonden {_describe(value)}.")
        return " ".join(value.split())

    def text_list(self, name: str, minimum: int = 0) -> tuple[str, ...]:
        value = self.data.get(name, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            self.fail(name, f"moet een lijst zijn (tussen [ ] of met streepjes), gevonden {_describe(value)}.")
        items = []
        for item in value:
            if not _is_text(item):
                self.fail(name, f"elk onderdeel moet tekst zijn, gevonden {_describe(item)}.")
            item = " ".join(item.split())
            if item in items:
                self.fail(name, f"'{item}' staat er twee keer in.")
            items.append(item)
        if len(items) < minimum:
            self.fail(name, "de lijst is leeg.")
        return tuple(items)

    def choice_list(self, name: str, allowed: dict[str, str], minimum: int = 1,
                    by_label: bool = False) -> tuple[str, ...]:
        items = self.text_list(name, minimum=0)
        keys = list(allowed.values()) if by_label else list(allowed)
        for item in items:
            if item not in keys:
                self.fail(name, f"onbekende waarde '{item}'.{_suggest(item, keys)}",
                          f" Toegestaan: {_allowed(allowed, show_labels=not by_label)}.")
        if len(items) < minimum:
            self.fail(name, "de lijst is leeg.",
                      f" Toegestaan: {_allowed(allowed, show_labels=not by_label)}.")
        return items

    def age(self, name: str) -> int | None:
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 12:
            self.fail(name, f"gevonden {_describe(value)}.")
        return value

    def date(self, name: str, today: dt.date) -> dt.date:
        value = self.data.get(name)
        if isinstance(value, dt.datetime):
            value = value.date()
        elif isinstance(value, str):
            text = value.strip()
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                    raise ValueError(text)
                value = dt.date.fromisoformat(text)
            except ValueError:
                self.fail(name, f"'{text}' is geen geldige datum.")
        if not isinstance(value, dt.date):
            self.fail(name, f"gevonden {_describe(value)}.")
        if value > today:
            self.fail(name, f"{value.isoformat()} ligt in de toekomst.")
        return value

    def persons(self, name: str) -> tuple[Person, ...]:
        value = self.data.get(name)
        if value is None:
            value = []
        if not isinstance(value, list):
            self.fail(name, f"moet een lijst zijn, gevonden {_describe(value)}.")
        people = []
        for number, item in enumerate(value, start=1):
            keys = ("naam", "rol", "organisatie")
            if not isinstance(item, dict):
                self.fail(name, f"persoon {number} moet de velden naam, rol en organisatie hebben, "
                                f"gevonden {_describe(item)}.")
            for key in item:
                if key not in keys:
                    self.fail(name, f"persoon {number} heeft een onbekend veld '{key}' "
                                    f"(toegestaan: naam, rol, organisatie).")
            for key in keys:
                if not _is_text(item.get(key)):
                    self.fail(name, f"bij persoon {number} ontbreekt '{key}' of is leeg.")
            people.append(Person(*(" ".join(item[k].split()) for k in keys)))
        return tuple(people)


def _check_summary(checker: _Checker) -> str:
    summary = checker.text("samenvatting")
    if summary[-1] not in ".!?":
        checker.fail("samenvatting", "de zin moet eindigen met een punt.")
    if re.search(r"[.!?]\s+[A-Z]", summary[:-1]):
        checker.fail("samenvatting", "dit lijken meer zinnen; schrijf één zin.")
    if len(summary) > 250:
        checker.fail("samenvatting", f"de zin is te lang ({len(summary)} tekens; hooguit 250).")
    return summary


def validate(data: Any, where: str, vocab: Vocabulary, src_uri: str,
             today: dt.date | None = None) -> Example:
    """The front matter ``data`` (parsed YAML) as an Example, or ExampleError."""
    today = today or dt.date.today()
    if not isinstance(data, dict):
        raise ExampleError(f"{where}: de front matter (tussen de twee regels ---) moet velden bevatten "
                           f"zoals 'titel: ...', gevonden {_describe(data)}.")
    known = list(FIELDS)
    for name in data:
        if str(name) not in FIELDS:
            raise ExampleError(f"{where}: onbekend veld '{name}'.{_suggest(str(name), known)} "
                               f"Toegestane velden: {', '.join(known)}.")
    for name, spec in FIELDS.items():
        if spec.required and name not in data:
            raise ExampleError(f"{where}: veld '{name}' ontbreekt. Verwacht: {spec.expected}.")
    c = _Checker(where, data)
    titel = c.text("titel")
    if len(titel) > 90:
        c.fail("titel", f"de titel is te lang ({len(titel)} tekens; hooguit 90).")
    example = Example(
        src_uri=src_uri,
        titel=titel,
        samenvatting=_check_summary(c),
        organisatie=c.text("organisatie"),
        gemeenten=c.text_list("gemeenten"),
        provincie=c.choice_list("provincie", vocab.provincies, by_label=True),
        periode=c.text("periode"),
        werkvormen=c.choice_list("werkvormen", vocab.werkvormen),
        leeftijd_van=c.age("leeftijd_van"),
        leeftijd_tot=c.age("leeftijd_tot"),
        themas=c.choice_list("themas", vocab.themas),
        partners=c.choice_list("partners", vocab.partners, minimum=0),
        andere_partners=c.text_list("andere_partners"),
        hoofdstukken=c.choice_list("hoofdstukken", vocab.hoofdstukken, by_label=False),
        personen=c.persons("personen"),
        bron=c.text("bron"),
        gecontroleerd=c.date("gecontroleerd", today),
    )
    if (example.leeftijd_van is not None and example.leeftijd_tot is not None
            and example.leeftijd_van > example.leeftijd_tot):
        c.fail("leeftijd_van", f"{example.leeftijd_van} is hoger dan leeftijd_tot ({example.leeftijd_tot}).")
    return example


# --------------------------------------------------------------------------
# The raw file: front matter, forbidden constructs, body sections
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# The collection
# --------------------------------------------------------------------------

def slugify(text: str) -> str:
    """'Den Haag' -> 'den-haag'; 'Fryslân' -> 'fryslan'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def join_nl(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def date_nl(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def tag_src(kind: str, key: str) -> str:
    """Source path of a generated tag page: kind 'thema' or 'partner'."""
    return f"{FOLDER}/{kind}/{key.replace('_', '-')}.md"


@dataclass
class Collection:
    examples: list[Example]
    vocab: Vocabulary
    by_src: dict[str, Example] = field(init=False)

    def __post_init__(self):
        self.examples = sorted(self.examples, key=lambda e: (e.volledige_titel.lower(), e.src_uri))
        self.by_src = {e.src_uri: e for e in self.examples}
        self._order = {e.src_uri: i for i, e in enumerate(self.examples)}
        self._themas: dict[str, list[Example]] = {}
        self._partners: dict[str, list[Example]] = {}
        for e in self.examples:
            for key in e.themas:
                self._themas.setdefault(key, []).append(e)
            for key in e.partners:
                self._partners.setdefault(key, []).append(e)
        seen: dict[str, str] = {}
        for e in self.examples:
            key = e.volledige_titel.lower()
            if key in seen:
                raise ExampleError(f"docs/{e.src_uri}: veld 'titel': de titel '{e.volledige_titel}' "
                                   f"bestaat al (docs/{seen[key]}). Kies een andere titel.")
            seen[key] = e.src_uri

    def with_thema(self, key: str) -> list[Example]:
        return list(self._themas.get(key, ()))

    def with_partner(self, key: str) -> list[Example]:
        return list(self._partners.get(key, ()))

    def for_chapter(self, slug: str) -> list[Example]:
        return [e for e in self.examples if slug in e.hoofdstukken]

    def related(self, example: Example, limit: int = 5) -> list[tuple[Example, list[str]]]:
        """Examples sharing thema's or partners, most shared first; with the
        labels of what they share."""
        shared: dict[str, list[str]] = {}
        for keys, index, labels in ((example.themas, self._themas, self.vocab.themas),
                                    (example.partners, self._partners, self.vocab.partners)):
            for key in keys:
                for other in index.get(key, ()):
                    if other is not example:
                        shared.setdefault(other.src_uri, []).append(labels[key])
        best = heapq.nsmallest(limit, shared.items(),
                               key=lambda item: (-len(item[1]), self._order[item[0]]))
        return [(self.by_src[src], labels) for src, labels in best]

    def facets(self) -> dict[str, list[tuple[str, str, int]]]:
        """Per filter: (value id, label, number of examples), values that occur only."""
        def count(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, int]]:
            tally: dict[str, list] = {}
            for key, label in pairs:
                tally.setdefault(key, [label, 0])[1] += 1
            return sorted(((k, v[0], v[1]) for k, v in tally.items()), key=lambda t: t[1].lower())
        ex = self.examples
        return {
            "provincie": count((self.vocab.provincie_id(p), p) for e in ex for p in e.provincie),
            "gemeente": count((slugify(g), g) for e in ex for g in e.gemeenten),
            "thema": count((t, self.vocab.themas[t]) for e in ex for t in e.themas),
            "partner": count((p, self.vocab.partners[p]) for e in ex for p in e.partners),
            "werkvorm": count((w, self.vocab.werkvormen[w]) for e in ex for w in e.werkvormen),
        }


# --------------------------------------------------------------------------
# Rendering: the overview, cards, tag pages, blocks on example and chapter pages
# --------------------------------------------------------------------------

FILTERS = {  # facet -> (label of the control, text of the empty choice)
    "provincie": ("Provincie", "Alle provincies"),
    "gemeente": ("Gemeente", "Alle gemeenten"),
    "thema": ("Thema (doel uit het onderzoek)", "Alle thema's"),
    "partner": ("Partner (uit het onderzoek)", "Alle partners"),
    "werkvorm": ("Werkvorm", "Alle werkvormen"),
}

Href = Callable[[str, str], str]        # (from src_uri, to src_uri) -> href for HTML
Figure = Callable[[str, str], str]      # (dataset id, option id) -> "ruim 90%"


def md_link(from_src: str, to_src: str) -> str:
    """Relative path from one docs file to another, for a Markdown link."""
    target, _, anchor = to_src.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_src) or ".")
    return path + (f"#{anchor}" if anchor else "")


def md_text(value: str) -> str:
    """Front-matter text for use in Markdown: no HTML, no link syntax."""
    return html.escape(value, quote=False).replace("[", "&#91;").replace("]", "&#93;")


def card_html(example: Example, page_src: str, vocab: Vocabulary, href: Href, level: int = 3) -> str:
    e, esc = example, html.escape
    data = {
        "provincie": " ".join(vocab.provincie_id(p) for p in e.provincie),
        "gemeente": " ".join(slugify(g) for g in e.gemeenten),
        "thema": " ".join(e.themas),
        "partner": " ".join(e.partners),
        "werkvorm": " ".join(e.werkvormen),
    }
    attrs = " ".join(f'data-{key}="{esc(value)}"' for key, value in data.items())
    themas = "".join(
        f'<li><a class="kw-card__tag" href="{esc(href(page_src, tag_src("thema", t)))}">'
        f"{esc(vocab.themas[t])}</a></li>" for t in e.themas)
    where = esc(e.plaats)
    if e.gemeenten:
        where += f" <span class=\"kw-card__provincie\">({esc(join_nl(e.provincie))})</span>"
    return (
        f'<li class="kw-card" id="voorbeeld-{esc(e.slug)}" {attrs}>'
        f'<h{level} class="kw-card__title"><a href="{esc(href(page_src, e.src_uri))}">'
        f"{esc(e.volledige_titel)}</a></h{level}>"
        f'<p class="kw-card__meta"><span class="kw-card__plaats">{where}</span> · '
        f'<span class="kw-card__organisatie">{esc(e.organisatie)}</span></p>'
        f'<p class="kw-card__samenvatting">{esc(e.samenvatting)}</p>'
        f'<ul class="kw-card__themas" aria-label="Thema\'s">{themas}</ul>'
        "</li>")


def cards_html(examples: list[Example], page_src: str, vocab: Vocabulary, href: Href,
               list_id: str | None = None, level: int = 3) -> str:
    ident = f' id="{list_id}"' if list_id else ""
    cards = "".join(card_html(e, page_src, vocab, href, level) for e in examples)
    # Cards repeat text of the example pages: keep them out of the search index.
    # The marker sits on a <div> with no <div> inside: Material's search parser
    # compares elements by tag, so a nested <ul> would end an excluded <ul>.
    return f'<div class="kw-cards-wrap" data-search-exclude><ul class="kw-cards"{ident}>{cards}</ul></div>'


def filter_form_html(collection: Collection) -> str:
    """Filter controls. Hidden without JavaScript (they would do nothing);
    docs/javascripts/praktijkvoorbeelden.js shows and drives them."""
    esc = html.escape
    controls = []
    for facet, values in collection.facets().items():
        label, empty = FILTERS[facet]
        options = "".join(f'<option value="{esc(key)}">{esc(text)} ({n})</option>'
                          for key, text, n in values)
        controls.append(
            f'<div class="kw-filter__field">'
            f'<label for="kw-filter-{facet}">{esc(label)}</label>'
            f'<select id="kw-filter-{facet}" name="{facet}" data-kw-facet="{facet}">'
            f'<option value="">{esc(empty)}</option>{options}</select></div>')
    return (
        '<form id="kw-filter" class="kw-filter" role="search" aria-label="Praktijkvoorbeelden filteren" '
        'data-search-exclude hidden>'
        f'{"".join(controls)}'
        '<div class="kw-filter__actions">'
        '<button type="reset" id="kw-filter-wis" class="kw-filter__reset">Wis filters</button>'
        '<p id="kw-filter-status" class="kw-filter__status" role="status" aria-live="polite"></p>'
        "</div></form>")


def overview_md(collection: Collection, href: Href) -> str:
    """Filters, a heading, and every example as a card (Markdown with HTML blocks)."""
    total = len(collection.examples)
    noun = "praktijkvoorbeeld" if total == 1 else "praktijkvoorbeelden"
    return (
        f"{filter_form_html(collection)}\n\n"
        "## Alle voorbeelden { #alle-voorbeelden }\n\n"
        f'<p id="kw-filter-aantal" class="kw-overview__count" data-kw-total="{total}" data-search-exclude>'
        f"{total} {noun}, op volgorde van plaats.</p>\n\n"
        f"{cards_html(collection.examples, OVERVIEW, collection.vocab, href, list_id='kw-voorbeelden')}\n\n"
        '<p id="kw-filter-leeg" class="kw-filter__leeg" data-search-exclude hidden>Geen '
        'praktijkvoorbeelden met deze filters. Kies minder filters of <button type="reset" '
        'form="kw-filter" class="kw-linkbutton">wis alle filters</button>.</p>\n')


def browse_md(collection: Collection, from_src: str = OVERVIEW) -> str:
    """Links to the tag pages: browsing by thema or partner, without JavaScript."""
    vocab = collection.vocab

    def links(kind: str, values: dict[str, str], members: Callable[[str], list]) -> str:
        return " · ".join(f"[{md_text(label)}]({md_link(from_src, tag_src(kind, key))}) "
                          f"({len(members(key))})" for key, label in values.items())
    return (
        f"**Per doel uit het onderzoek:** {links('thema', vocab.themas, collection.with_thema)}\n\n"
        f"**Per partner uit het onderzoek:** {links('partner', vocab.partners, collection.with_partner)}\n")


def figure_sentence(kind: str, figure: str) -> str:
    if kind == "thema":
        return f"{figure} van de kinderwerkers streeft dit doel na"
    return f"{figure} van de kinderwerkers werkt met deze partner samen"


def example_header_md(example: Example, collection: Collection) -> str:
    """Title and 'In het kort' box, placed above the contributor's sections."""
    e, vocab, src = example, collection.vocab, example.src_uri
    plaats = md_text(join_nl(e.gemeenten)) + f" ({md_text(join_nl(e.provincie))})" if e.gemeenten \
        else f"provincie {md_text(join_nl(e.provincie))}"
    rows = [
        ("Organisatie", md_text(e.organisatie)),
        ("Plaats", plaats),
        ("Periode", md_text(e.periode)),
        ("Voor wie", md_text(e.leeftijd)),
        ("Werkvormen", ", ".join(md_text(vocab.werkvormen[w]) for w in e.werkvormen)),
        ("Thema's", ", ".join(f"[{md_text(vocab.themas[t])}]({md_link(src, tag_src('thema', t))})"
                              for t in e.themas)),
    ]
    if e.partners:
        rows.append(("Partners uit het onderzoek", ", ".join(
            f"[{md_text(vocab.partners[p])}]({md_link(src, tag_src('partner', p))})" for p in e.partners)))
    if e.andere_partners:
        rows.append(("Andere partners", ", ".join(md_text(p) for p in e.andere_partners)))
    if e.personen:
        rows.append(("Aan het woord", "; ".join(md_text(p.credit()) for p in e.personen)))
    facts = "\n".join(f"    - **{name}:** {value}" for name, value in rows)
    return (f"# {md_text(e.volledige_titel)}\n\n"
            f'!!! abstract "In het kort"\n\n    {md_text(e.samenvatting)}\n\n{facts}\n\n')


def example_footer_md(example: Example, collection: Collection, figure: Figure,
                      chart_src: dict[str, str]) -> str:
    """Generated links: chapters, survey figures and related examples."""
    e, vocab, src = example, collection.vocab, example.src_uri
    out = ["", "## Dit voorbeeld in het onderzoek { #in-het-onderzoek data-search-exclude }", ""]
    chapters = ", ".join(f"[{md_text(vocab.hoofdstukken[h])}]({md_link(src, f'{CHAPTER_FOLDER}/{h}.md')})"
                         for h in e.hoofdstukken)
    out += [f"Dit voorbeeld hoort bij: {chapters}.", ""]
    for kind, dataset, keys, labels, heading in (
            ("thema", THEMA_DATASET, e.themas, vocab.themas, "Doelen uit het onderzoek"),
            ("partner", PARTNER_DATASET, e.partners, vocab.partners, "Partners uit het onderzoek")):
        if not keys:
            continue
        chart = f" ([grafiek]({md_link(src, chart_src[dataset])}))" if dataset in chart_src else ""
        out += [f"**{heading}**{chart}:", ""]
        for key in keys:
            what = "bij dit doel" if kind == "thema" else "met deze partner"
            out.append(f"- **{md_text(labels[key])}**: {figure_sentence(kind, figure(dataset, key))}. "
                       f"[Alle voorbeelden {what}]({md_link(src, tag_src(kind, key))})")
        out.append("")
    related = collection.related(e)
    out += ["### Verwante voorbeelden { #verwante-voorbeelden data-search-exclude }", ""]
    if related:
        for other, shared in related:
            out.append(f"- [{md_text(other.volledige_titel)}]({md_link(src, other.src_uri)}) "
                       f"(ook: {md_text('; '.join(shared))})")
    else:
        out.append(f"Nog geen ander voorbeeld met dezelfde thema's of partners. "
                   f"[Alle praktijkvoorbeelden]({md_link(src, OVERVIEW)})")
    out += ["", f'<p class="kw-example-source" data-search-exclude>Bron: {md_text(e.bron)}. '
            f"Laatst gecontroleerd op {date_nl(e.gecontroleerd)}.</p>", ""]
    return "\n".join(out)


def chapter_block_md(slug: str, page_src: str, collection: Collection, figure: Figure,
                     chart_src: dict[str, str], heading_level: int = 2) -> str:
    """The examples of one chapter, and, if this page holds the chart of the
    goals or partners, the examples per bar. '' when there are none."""
    vocab = collection.vocab
    examples = collection.for_chapter(slug)
    lines = []
    for e in examples:
        lines.append(f"- [{md_text(e.volledige_titel)}]({md_link(page_src, e.src_uri)}): "
                     f"{md_text(e.samenvatting)}")
    per_bar = []
    for kind, dataset, labels, members in (
            ("thema", THEMA_DATASET, vocab.themas, collection.with_thema),
            ("partner", PARTNER_DATASET, vocab.partners, collection.with_partner)):
        if chart_src.get(dataset, "").partition("#")[0] != page_src:
            continue
        for key, label in labels.items():
            found = members(key)
            if found:
                links = ", ".join(f"[{md_text(e.plaats)}]({md_link(page_src, e.src_uri)})" for e in found)
                per_bar.append(f"- [{md_text(label)}]({md_link(page_src, tag_src(kind, key))}) "
                               f"({figure(dataset, key)}): {links}")
    if not lines and not per_bar:
        return ""
    out = [f'<div class="{CHAPTER_BLOCK_CLASS}" markdown>', ""]
    if heading_level:
        out += [f"{'#' * heading_level} {CHAPTER_HEADING} "
                f"{{ #praktijkvoorbeelden-bij-dit-hoofdstuk data-search-exclude }}", ""]
    out += lines
    if per_bar:
        out += ["", "Voorbeelden per staaf uit de grafiek:", ""] + per_bar
    out += ["", f"[Alle praktijkvoorbeelden]({md_link(page_src, OVERVIEW)}) · "
                f"[Zelf een voorbeeld toevoegen]({md_link(page_src, 'bijdragen.md')})", "", "</div>", ""]
    return "\n".join(out)


def tag_page_md(kind: str, key: str, collection: Collection, figure: Figure,
                chart_src: dict[str, str], href: Href) -> str:
    """A generated page listing the examples of one thema or partner."""
    vocab = collection.vocab
    src = tag_src(kind, key)
    if kind == "thema":
        label, dataset, members, title = vocab.themas[key], THEMA_DATASET, collection.with_thema(key), "Thema"
    else:
        label, dataset, members, title = (vocab.partners[key], PARTNER_DATASET,
                                          collection.with_partner(key), "Partner")
    chart = f" ([grafiek]({md_link(src, chart_src[dataset])}))" if dataset in chart_src else ""
    description = (f"Praktijkvoorbeelden van kinderwerk bij {'het doel' if kind == 'thema' else 'de partner'} "
                   f"'{label}'.")
    front = yaml.safe_dump({"description": description, "render_macros": False,
                            "search": {"exclude": True}}, allow_unicode=True, sort_keys=True)
    n = len(members)
    body = [f"---\n{front}---", "", f"# {title}: {md_text(label)}", "",
            f"Uit het onderzoek *Kinderwerk anno 2021*: {figure_sentence(kind, figure(dataset, key))}"
            f"{chart}.", "", "## Praktijkvoorbeelden { #praktijkvoorbeelden }", ""]
    if members:
        body += [f"{n} {'praktijkvoorbeeld laat' if n == 1 else 'praktijkvoorbeelden laten'} zien hoe dat "
                 f"in de praktijk gaat.", "",
                 cards_html(members, src, vocab, href, list_id="kw-voorbeelden"), ""]
    else:
        body += ["Er is nog geen praktijkvoorbeeld bij. "
                 f"[Voeg er een toe]({md_link(src, 'bijdragen.md')}).", ""]
    body += [f"[Alle praktijkvoorbeelden]({md_link(src, OVERVIEW)})", ""]
    return "\n".join(body)


def all_tag_pages(collection: Collection) -> list[tuple[str, str]]:
    """(kind, key) of every tag page: every survey goal and partner, also
    without examples, so a link from a chart never breaks."""
    return ([("thema", key) for key in collection.vocab.themas]
            + [("partner", key) for key in collection.vocab.partners])


def find_chart_pages(sources: dict[str, str]) -> dict[str, str]:
    """dataset id -> 'page.md#grafiek-<id>' for the first page that calls
    chart("<id>"), preferring chapter pages."""
    found: dict[str, str] = {}
    order = sorted(sources, key=lambda s: (not s.startswith(CHAPTER_FOLDER + "/"), s))
    for src in order:
        for dataset in re.findall(r"""\bchart\(\s*["']([a-z0-9_]+)["']""", sources[src]):
            found.setdefault(dataset, f"{src}#grafiek-{dataset}")
    return found


# --------------------------------------------------------------------------
# Build state, filled by scripts/hooks_examples.py and read by scripts/macros.py
# --------------------------------------------------------------------------

@dataclass
class State:
    collection: Collection | None = None
    figure: Figure | None = None
    chart_src: dict[str, str] = field(default_factory=dict)


state = State()
