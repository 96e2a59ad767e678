"""The issue form's own words for the messages of the form route
(scripts/tools/issue_to_example.py).

A contributor who filled in the form knows its questions ("Leeftijd tot en
met (oudste kinderen)"), not the field names of a page (``leeftijd_tot``).
The labels are read from the form itself (.github/ISSUE_TEMPLATE/*.yml), so
there is one source of truth; ``for_form`` rewrites a check's Problem in them.
Plain Python, no MkDocs import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .base import Problem

# Page fields that the form does not ask for under their own name.
NOT_ASKED = {"toestemming_fotos": "akkoord"}   # the consent box is one of the 'Afspraken'
# Words of the page format that mean nothing on a form.
PLAIN = (("leeg (~)", "leeg"), ("; [] als", "; leeg als"), ("[] als", "leeg als"))
IDENTIFIER = re.compile(r"(?<![\w-])[a-z]+(?:_[a-z]+)+(?![\w-])")
CHOICE = re.compile(r"(?<![\w(])[a-z0-9_-]{1,40}(?: [a-z0-9_-]{1,40}){0,6} \(([^()\n]{1,80})\)(?=[,.]|$)")
PERSON_WORDS = {"in_het_verhaal": "aan het woord of genoemd", "aan_het_woord": "aan het woord"}


@dataclass(frozen=True)
class FormLabels:
    """field id -> label, the section headings of the page -> field id, and
    the label of the consent option."""

    labels: dict[str, str]
    consent_option: str = ""
    sections: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_form(cls, form: Path, sections: dict[str, str] | None = None) -> FormLabels:
        data: Any = yaml.safe_load(form.read_text(encoding="utf-8"))
        labels: dict[str, str] = {}
        consent = ""
        for item in data.get("body", []):
            attributes = item.get("attributes", {})
            if item.get("id") and "label" in attributes:
                labels[item["id"]] = " ".join(str(attributes["label"]).split())
            for option in attributes.get("options", []) if item.get("type") == "checkboxes" else []:
                if isinstance(option, dict) and re.search(r"\bfoto\b", str(option.get("label", ""))):
                    consent = " ".join(str(option["label"]).split())
        return cls(labels, consent, dict(sections or {}))

    def label(self, field_id: str) -> str:
        """The form's label of a page field (the id itself only if the form has none)."""
        return self.labels.get(NOT_ASKED.get(field_id, field_id), field_id)

    def in_text(self, message: str) -> str:
        """``message`` with every field name said as the form's label."""
        message = _FIELD_MENTION.sub(lambda m: self._mention(m), message) if self.labels else message
        for old, new in PLAIN:
            message = message.replace(old, new)
        # '## Aanpak' is a heading of the page; on the form it is a question.
        message = re.sub(r"'## ([^'\n]{1,40})'",
                         lambda m: f"'{self.label(self.sections.get(m.group(1), m.group(1)))}'", message)
        # "Toegestaan: sport_en_spel (Sport en spel), ...": the form shows the words only.
        head, sep, allowed = message.partition("Toegestaan: ")
        if sep:
            message = head + sep + CHOICE.sub(lambda m: m.group(1), allowed)
        # Whatever internal name is left (a choice id, a key of a person): plain words.
        return IDENTIFIER.sub(lambda m: PERSON_WORDS.get(m.group(0), m.group(0).replace("_", " ")), message)

    def _mention(self, match: re.Match[str]) -> str:
        name = match.group("name") or match.group("name2") or match.group("name3") or match.group("name4")
        if name not in self.labels and name not in NOT_ASKED:
            return match.group(0)
        return f"{match.group('before') or match.group('before2') or ''}'{self.label(name)}'"


# A field named in a check's message: always when it has an underscore (no
# Dutch word has one) or is 'themas'; otherwise only where it is clearly the
# field: "bij X", 'X', `X`, or "X:". Bounded, linear.
_NAMES = r"[a-z]{2,30}(?:_[a-z]{2,30}){0,3}"
_FIELD_MENTION = re.compile(
    rf"(?P<before>\bbij |\bveld )?['`](?P<name>{_NAMES})['`]"
    rf"|(?P<before2>\bbij |\bveld )(?P<name2>{_NAMES})(?![\w-])"
    rf"|(?<![\w'`-])(?P<name3>[a-z]{{2,30}}(?:_[a-z]{{2,30}}){{1,3}}|themas)(?![\w'`-])"
    rf"|(?<![\w'`-])(?P<name4>{_NAMES})(?=:)")


def for_form(problem: Problem, labels: FormLabels, page_text: str = "") -> str:
    """A Problem from the page check in the words of the form: the question
    it is about and the message, with no field names and no line numbers of a
    file the contributor has never seen."""
    field_id = problem.field
    if field_id is None and problem.line is not None and page_text:
        field_id = _section_at(page_text, problem.line, labels.sections)
    where = f"bij '{labels.label(field_id)}': " if field_id else ""
    return where + labels.in_text(problem.message)


def _section_at(page_text: str, line: int, sections: dict[str, str]) -> str | None:
    """The form field whose section of the page holds ``line`` (1 = the first line)."""
    current = None
    for number, text in enumerate(page_text.split("\n"), start=1):
        if number > line:
            break
        heading = re.match(r"^##\s+(.+?)\s*$", text)
        if heading:
            current = sections.get(heading.group(1))
    return current
