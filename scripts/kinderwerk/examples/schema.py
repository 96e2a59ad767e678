"""The example (front matter as a dataclass) and its schema: every field is
checked against its type and, for ``provincie``, ``werkvormen``, ``themas``,
``partners`` and ``hoofdstukken``, against a controlled list; a fault raises
ExampleError whose Dutch message names the file, the field and the allowed
values."""
from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable

from .base import ExampleError
from .text import join_nl
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
    Field("personen", "een lijst met personen, elk met naam, rol, organisatie en in_het_verhaal "
                      "(aan_het_woord of genoemd); [] als je niemand noemt"),
    Field("bron", "waar de informatie vandaan komt"),
    Field("gecontroleerd", "de datum waarop iemand het voorbeeld het laatst controleerde, als JJJJ-MM-DD"),
]}


ROLES = ("aan_het_woord", "genoemd")


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
            keys = ("naam", "rol", "organisatie", "in_het_verhaal")
            if not isinstance(item, dict):
                self.fail(name, f"persoon {number} moet de velden naam, rol, organisatie en in_het_verhaal "
                                f"hebben, gevonden {_describe(item)}.")
            for key in item:
                if key not in keys:
                    self.fail(name, f"persoon {number} heeft een onbekend veld '{key}' "
                                    f"(toegestaan: naam, rol, organisatie, in_het_verhaal).")
            for key in keys:
                if not _is_text(item.get(key)):
                    self.fail(name, f"bij persoon {number} ontbreekt '{key}' of is leeg.")
            if item["in_het_verhaal"].strip() not in ROLES:
                self.fail(name, f"persoon {number}: in_het_verhaal is '{item['in_het_verhaal']}'; kies "
                                f"aan_het_woord (de persoon vertelt of wordt aangehaald) of genoemd "
                                f"(de persoon wordt alleen genoemd).")
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
