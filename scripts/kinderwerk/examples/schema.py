"""The example (front matter as a dataclass) and its schema: every field is
checked against its type and, for ``provincie``, ``werkvormen``, ``themas``,
``partners`` and ``hoofdstukken``, against a controlled list. Every fault is
recorded as a Problem whose Dutch message names the field, what is wrong and
what to type instead; one faulty field does not hide the others."""
from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NoReturn, TypeGuard

from .base import Problem
from .text import join_nl, slugify
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class Person:
    naam: str
    rol: str
    organisatie: str
    in_het_verhaal: str = "aan_het_woord"   # or "genoemd": only mentioned in the story

    @property
    def aan_het_woord(self) -> bool:
        return self.in_het_verhaal == "aan_het_woord"

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
    toegevoegd: dt.date | None = None  # when it came on the site; else the git history says
    toestemming_fotos: bool = False   # the contributor confirms consent for the photos (issue 16)
    fotos: tuple[str, ...] = ()       # src_uri of every photo the page shows (set by check_example)

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
            return "kinderen (de bron noemt geen leeftijd)"
        if van is None:
            return f"kinderen tot en met {tot} jaar"
        if tot is None:
            return f"kinderen vanaf {van} jaar"
        if van == tot:
            return f"kinderen van {van} jaar"
        return f"kinderen van {van} tot en met {tot} jaar"


def _is_text(value: Any) -> TypeGuard[str]:
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


# Limits, in characters and in words; the template states them too.
TITLE_MAX_CHARS, TITLE_MAX_WORDS = 90, 12
SUMMARY_MAX_CHARS, SUMMARY_MAX_WORDS = 250, 25

FIELDS: dict[str, Field] = {f.name: f for f in [
    Field("titel", f"een korte titel zonder plaatsnaam (de plaats komt er vanzelf voor), hooguit "
                   f"{TITLE_MAX_WORDS} woorden en {TITLE_MAX_CHARS} tekens"),
    Field("samenvatting", f"één zin die het voorbeeld samenvat, met een punt aan het eind, hooguit "
                          f"{SUMMARY_MAX_WORDS} woorden en {SUMMARY_MAX_CHARS} tekens"),
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
    Field("personen", "een lijst met personen, elk met naam, rol, organisatie en in_het_verhaal "
                      "(aan_het_woord of genoemd); [] als je niemand noemt"),
    Field("bron", "waar de informatie vandaan komt"),
    Field("gecontroleerd", "de datum waarop iemand het voorbeeld het laatst controleerde, als JJJJ-MM-DD"),
    Field("toegevoegd", "de datum waarop het voorbeeld op de site kwam, als JJJJ-MM-DD; laat het weg "
                        "en de site neemt de dag waarop het werd toegevoegd", required=False),
    Field("toestemming_fotos", "ja als de mensen op de foto's, en bij kinderen hun ouders of verzorgers, "
                               "toestemming gaven om de foto's op deze site te zetten; nee of weglaten als "
                               "er geen foto's bij staan", required=False),
]}
MAX_AGE = 12  # kinderwerk: children up to and including 12

ROLES = ("aan_het_woord", "genoemd")
PERSON_KEYS = ("naam", "rol", "organisatie", "in_het_verhaal")
# Other spellings of a provincie, by slug, mapped to the slug of the list's name.
PROVINCE_ALIASES = {"fryslan": "friesland", "frysland": "friesland", "brabant": "noord-brabant"}
# Fields whose template value means "not filled in yet"; see placeholders.py.
PLACEHOLDER_FIELDS = ("titel", "samenvatting", "organisatie")
PERSON_PLACEHOLDER_KEYS = ("naam", "organisatie")


def _allowed(values: dict[str, str], show_labels: bool = True) -> str:
    if show_labels:
        return ", ".join(f"{key} ({label})" for key, label in values.items())
    return ", ".join(values.values())


def _suggest(value: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f" Bedoel je '{close[0]}'?" if close else ""


def _words(text: str) -> int:
    return len(text.split())


def _key(text: str) -> str:
    """Loose form for matching a choice: lower case, no accents, hyphens."""
    return slugify(text)


class _Invalid(Exception):
    """One field failed; its problem is recorded already."""


class _Checker:
    """Checks one field after another and records a Problem for each fault;
    a faulty field does not stop the others."""

    def __init__(self, where: str, data: dict[str, Any], line: Callable[..., int | None],
                 problems: list[Problem], placeholders: dict[str, set[str]]):
        self.where = where
        self.data = data
        self.line = line
        self.problems = problems
        self.placeholders = placeholders

    def fail(self, name: str, problem: str, extra: str = "", at: tuple = (), expect: bool = True) -> NoReturn:
        message = problem
        message += f" Verwacht: {FIELDS[name].expected}." if name in FIELDS and expect else ""
        self.problems.append(Problem(self.where, self.line(name, *at), name, message + extra))
        raise _Invalid

    def run(self, check: Callable, name: str, *args, **kwargs) -> Any:
        try:
            return check(name, *args, **kwargs)
        except _Invalid:
            return _FAILED

    def not_placeholder(self, name: str, value: str) -> None:
        if value.casefold() in self.placeholders.get(name, ()):
            self.fail(name, f"'{value}' is de voorbeeldtekst uit het sjabloon. Vul hier je eigen tekst in.")

    def text(self, name: str) -> str:
        value = self.data.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "periode":
            value = str(value)  # "periode: 2020" reads as a number in YAML
        if not _is_text(value):
            self.fail(name, f"gevonden {_describe(value)}.")
        value = " ".join(value.split())
        if name in PLACEHOLDER_FIELDS:
            self.not_placeholder(name, value)
        return value

    def text_list(self, name: str, minimum: int = 0) -> tuple[str, ...]:
        value = self.data.get(name, [])
        if value is None:
            value = []
        if isinstance(value, str) and value.strip() == "[]":
            value = []
        if not isinstance(value, list):
            self.fail(name, f"moet een lijst zijn (tussen [ ] of met streepjes), gevonden {_describe(value)}. "
                            f"Zet de waarde tussen blokhaken, bijvoorbeeld [{value}].")
        items = []
        for index, item in enumerate(value):
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not _is_text(item):
                self.fail(name, f"elk onderdeel moet tekst zijn, gevonden {_describe(item)}.", at=(index,))
            item = " ".join(item.split())
            if item in items:
                self.fail(name, f"'{item}' staat er twee keer in. Haal er één weg.", at=(index,))
            items.append(item)
        if len(items) < minimum:
            self.fail(name, "de lijst is leeg.")
        return tuple(items)

    def choice_list(self, name: str, allowed: dict[str, str], minimum: int = 1, by_label: bool = False,
                    aliases: dict[str, str] | None = None) -> tuple[str, ...]:
        """Values from a controlled list. Found by id or by label, in any case
        (and without accents); stored as the id, or as the label if ``by_label``."""
        items = self.text_list(name, minimum=0)
        lookup: dict[str, str] = {}
        for key, label in allowed.items():
            lookup[_key(key)] = lookup[_key(label)] = label if by_label else key
        for alias, target in (aliases or {}).items():
            lookup.setdefault(alias, allowed[target] if by_label else target)
        shown = list(allowed.values()) if by_label else list(allowed)
        result: list[str] = []
        for index, item in enumerate(items):
            found = lookup.get(_key(item))
            if found is None:
                self.fail(name, f"onbekende waarde '{item}'.{_suggest(item, shown)}",
                          f" Toegestaan: {_allowed(allowed, show_labels=not by_label)}.", at=(index,))
            if found in result:
                self.fail(name, f"'{item}' staat er twee keer in. Haal er één weg.", at=(index,))
            result.append(found)
        if len(result) < minimum:
            self.fail(name, "de lijst is leeg.", f" Toegestaan: {_allowed(allowed, show_labels=not by_label)}.")
        return tuple(result)

    def age(self, name: str) -> int | None:
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and MAX_AGE < value <= 99:
            self.fail(name, older_children(name, value), expect=False)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AGE:
            self.fail(name, f"gevonden {_describe(value)}.")
        return value

    def consent(self, name: str) -> bool:
        """ja/nee (YAML's true/false too); whether photos need it is checked
        with the body (photos.consent_problems)."""
        if name not in self.data:
            return False
        value = self.data.get(name)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("ja", "nee"):
            return value.strip().lower() == "ja"
        self.fail(name, f"gevonden {_describe(value)}; schrijf ja of nee.")

    def date(self, name: str, today: dt.date) -> dt.date:
        value = self.data.get(name)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            text = value.strip()
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                    raise ValueError(text)
                value = dt.date.fromisoformat(text)
            except ValueError:
                dmy = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
                hint = (f" Schrijf jaar-maand-dag: {dmy.group(3)}-{int(dmy.group(2)):02d}-{int(dmy.group(1)):02d}."
                        if dmy else "")
                self.fail(name, f"'{text}' is geen geldige datum.{hint}")
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
        for index, item in enumerate(value):
            number = index + 1
            if not isinstance(item, dict):
                self.fail(name, f"persoon {number} moet de velden naam, rol, organisatie en in_het_verhaal "
                                f"hebben, gevonden {_describe(item)}.", at=(index,))
            for key in item:
                if key not in PERSON_KEYS:
                    self.fail(name, f"persoon {number} heeft een onbekend veld '{key}'."
                                    f"{_suggest(str(key), PERSON_KEYS)} Toegestaan: {', '.join(PERSON_KEYS)}.",
                              at=(index, key))
            for key in PERSON_KEYS:
                if not _is_text(item.get(key)):
                    hint = (" Schrijf in_het_verhaal: aan_het_woord (de persoon vertelt, of je vertelt wat "
                            "hij of zij zei) of in_het_verhaal: genoemd (de persoon wordt alleen genoemd)."
                            if key == "in_het_verhaal" else "")
                    self.fail(name, f"bij persoon {number} ontbreekt '{key}' of is leeg.{hint}",
                              at=(index, key))
            role = item["in_het_verhaal"].strip()
            if role not in ROLES:
                self.fail(name, f"persoon {number}: in_het_verhaal is '{role}'; kies aan_het_woord (de persoon "
                                f"vertelt, of je vertelt wat hij of zij zei) of genoemd (de persoon wordt "
                                f"alleen genoemd).", at=(index, "in_het_verhaal"))
            for key in PERSON_PLACEHOLDER_KEYS:
                if " ".join(item[key].split()).casefold() in self.placeholders.get(f"personen.{key}", ()):
                    self.fail(name, f"bij persoon {number} staat bij '{key}' nog de voorbeeldtekst uit het "
                                    f"sjabloon ('{item[key]}'). Vul de echte {key} in, of maak de lijst leeg: "
                                    f"personen: [].", at=(index, key))
            naam, rol, organisatie = (" ".join(item[k].split()) for k in PERSON_KEYS[:3])
            people.append(Person(naam, rol, organisatie, role))
        return tuple(people)

    def title(self, name: str) -> str:
        title = self.text(name)
        words, chars = _words(title), len(title)
        if words > TITLE_MAX_WORDS or chars > TITLE_MAX_CHARS:
            self.fail(name, f"de titel is te lang: {words} woorden en {chars} tekens; hooguit "
                            f"{TITLE_MAX_WORDS} woorden en {TITLE_MAX_CHARS} tekens. Maak hem korter; "
                            f"details horen in de samenvatting en de tekst.", expect=False)
        return title

    def summary(self, name: str) -> str:
        summary = self.text(name)
        words, chars = _words(summary), len(summary)
        if summary[-1] not in ".!?":
            self.fail(name, "de zin moet eindigen met een punt.")
        if re.search(r"[.!?]\s+[A-Z]", summary[:-1]):
            self.fail(name, "dit lijken meer zinnen; schrijf één zin.")
        if words > SUMMARY_MAX_WORDS or chars > SUMMARY_MAX_CHARS:
            self.fail(name, f"de zin is te lang: {words} woorden en {chars} tekens; hooguit "
                            f"{SUMMARY_MAX_WORDS} woorden en {SUMMARY_MAX_CHARS} tekens. Laat details weg; "
                            f"die staan in de tekst eronder.", expect=False)
        return summary


_FAILED = object()


def older_children(name: str, age: int) -> str:
    """What to do with an age above 12: the site is about kinderwerk, and
    older children fit in the text (CONTRIBUTING.md, 'Oudere kinderen')."""
    if name == "leeftijd_van":
        return (f"{age} jaar is ouder dan de kinderen waar deze site over gaat: kinderwerk is voor kinderen "
                f"tot en met {MAX_AGE} jaar; voor tieners is er het jongerenwerk. Deden er ook kinderen van "
                f"{MAX_AGE} jaar of jonger mee? Vul dan bij leeftijd_van de jongste leeftijd in (bijvoorbeeld "
                f"8) en bij leeftijd_tot {MAX_AGE}, en vertel in de tekst wie er verder meedeed.")
    return (f"{age} jaar is ouder dan de kinderen waar deze site over gaat: kinderwerk is voor kinderen tot en "
            f"met {MAX_AGE} jaar. Deden er ook oudere kinderen mee? Vul dan bij leeftijd_tot {MAX_AGE} in en "
            f"vertel in de tekst (bijvoorbeeld onder '## Aanpak') dat ook jongeren tot {age} jaar meededen. "
            f"Werkten jullie daarvoor samen met het jongerenwerk? Zet dat dan bij partners: jongerenwerk.")


def _starts_with_place(title: str, places: Iterable[str]) -> str | None:
    """The place a title starts with ('Zwolle' for 'Zwolle: speeltuin'), else None."""
    for place in places:
        if re.match(rf"{re.escape(place)}(?![\w-])", title, re.IGNORECASE):
            return place
    return None


def validate(data: Any, where: str, vocab: Vocabulary, src_uri: str, today: dt.date | None = None,
             line: Callable[..., int | None] | None = None,
             placeholders: dict[str, set[str]] | None = None,
             closing_line: int | None = None) -> tuple[Example | None, list[Problem]]:
    """The front matter ``data`` (parsed YAML) as an Example, with every
    problem found (the Example is None if there is any)."""
    today = today or dt.date.today()
    line = line or (lambda *path: None)
    problems: list[Problem] = []
    if not isinstance(data, dict):
        problems.append(Problem(where, 2, None, f"de gegevens bovenaan (tussen de twee regels ---) moeten velden "
                                                f"bevatten zoals 'titel: ...', gevonden {_describe(data)}. "
                                                f"Begin met een kopie van het sjabloon."))
        return None, problems
    known = list(FIELDS)
    for name in data:
        if str(name) not in FIELDS:
            problems.append(Problem(where, line(name), str(name),
                                    f"onbekend veld.{_suggest(str(name), known)} "
                                    f"Toegestane velden: {', '.join(known)}."))
    for name, spec in FIELDS.items():
        if spec.required and name not in data:
            problems.append(Problem(where, closing_line, name,
                                    f"dit veld ontbreekt. Zet het erbij, zoals in het sjabloon. "
                                    f"Verwacht: {spec.expected}."))
    c = _Checker(where, data, line, problems, placeholders or {})
    values: dict[str, Any] = {
        "titel": c.run(c.title, "titel") if "titel" in data else _FAILED,
        "samenvatting": c.run(c.summary, "samenvatting") if "samenvatting" in data else _FAILED,
    }
    for name, check, args in (
            ("organisatie", c.text, ()),
            ("gemeenten", c.text_list, ()),
            ("provincie", c.choice_list, (vocab.provincies, 1, True, PROVINCE_ALIASES)),
            ("periode", c.text, ()),
            ("werkvormen", c.choice_list, (vocab.werkvormen,)),
            ("leeftijd_van", c.age, ()),
            ("leeftijd_tot", c.age, ()),
            ("themas", c.choice_list, (vocab.themas,)),
            ("partners", c.choice_list, (vocab.partners, 0)),
            ("andere_partners", c.text_list, ()),
            ("hoofdstukken", c.choice_list, (vocab.hoofdstukken,)),
            ("personen", c.persons, ()),
            ("bron", c.text, ()),
            ("gecontroleerd", c.date, (today,)),
            ("toegevoegd", c.date, (today,)),
            ("toestemming_fotos", c.consent, ())):
        if name not in data and not FIELDS[name].required:
            continue  # optional and left out: the Example's default
        if name not in data and FIELDS[name].required:
            values[name] = _FAILED
        else:
            values[name] = c.run(check, name, *args)
    van, tot = values["leeftijd_van"], values["leeftijd_tot"]
    if isinstance(van, int) and isinstance(tot, int) and van > tot:
        c.run(lambda name: c.fail(name, f"{van} is hoger dan leeftijd_tot ({tot})."), "leeftijd_van")
    title = values["titel"]
    if isinstance(title, str):
        places = [p for p in (values["gemeenten"], values["provincie"]) if isinstance(p, tuple)]
        place = _starts_with_place(title, [x for group in places for x in group])
        if place:
            rest = title[len(place):].lstrip(" :,-–")
            c.run(lambda name: c.fail(
                name, f"de titel begint met de plaats ({place}). Laat de plaats weg: de site zet "
                      f"'{place}:' er zelf voor. Schrijf bijvoorbeeld: titel: {rest or '...'}", expect=False), "titel")
    if problems or any(v is _FAILED for v in values.values()):
        return None, problems
    values.setdefault("andere_partners", ())
    values.setdefault("toestemming_fotos", False)
    return Example(src_uri=src_uri, **values), problems
