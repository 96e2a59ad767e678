"""Hidden and lookalike text in an example (issue 17): the Unicode policy of
``kinderwerk.unicode_policy`` applied to every line of the file, to every
front-matter value as YAML decoded it ("\\u202E" in quotes is one character
after YAML) and to HTML character references (&#x202E;) in both. Names,
places and organisations are also checked for lookalike words (a Cyrillic а
in a town) and for letters that only look ordinary (𝐊, Ｋ: NFKC changes them).
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from .. import unicode_policy as policy
from .base import Problem
from .frontmatter import FIRST_LINE, FrontMatter

# Fields with names, places and organisations; ("personen", "naam") is the
# 'naam' of every person.
NAME_FIELDS = {("titel",), ("organisatie",), ("gemeenten",), ("andere_partners",),
               ("personen", "naam"), ("personen", "organisatie"), ("personen", "rol")}
MAX_MESSAGES = 10
# NFKC turns these into two letters; Dutch writes them as one (ĳsbeer, Ĳsselmonde).
DUTCH_LIGATURES = str.maketrans("", "", "ĳĲ")


def _strings(value: Any, path: tuple = (), keys: bool = True) -> Iterable[tuple[tuple, str]]:
    """Every text in parsed YAML (keys too, unless ``keys`` is false), with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if keys:
                yield path + (key,), str(key)
            yield from _strings(item, path + (key,), keys)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,), keys)


def _variants(text: str) -> Iterable[tuple[str, str]]:
    """The text, and its HTML character references decoded (as a browser does)."""
    yield text, ""
    if "&" in text:
        decoded = html.unescape(text)
        if decoded != text:
            yield decoded, " (geschreven als HTML-code met &...;)"


def _field(path: tuple) -> str | None:
    return str(path[0]) if path else None


def check_hidden(text: str, front: FrontMatter, where: str) -> list[Problem]:
    """Every refused character (file, line, column, Dutch name) and every
    lookalike name. ``text`` with newlines normalised."""
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()   # (line, character): one message each
    for problem in front.problems:       # YAML could not read the character: already named
        code = re.search(r"\bU\+([0-9A-F]{4,6})\b", problem.message) if problem.line else None
        if code and problem.line is not None:
            seen.add((problem.line, chr(int(code.group(1), 16))))
    total, first_left_off = 0, None

    def report(line: int, field: str | None, finding: policy.Finding, column: int | None, how: str) -> None:
        nonlocal total, first_left_off
        if (line, finding.char) in seen:
            return
        seen.add((line, finding.char))
        total += 1
        if total == MAX_MESSAGES + 1:
            first_left_off = line
        if total <= MAX_MESSAGES:
            problems.append(Problem(where, line, field, finding.message(column).rstrip(".") + how + "."
                                    if how else finding.message(column)))

    for number, line in enumerate(text.split("\n"), start=1):
        for variant, how in _variants(line):
            for finding in policy.forbidden(variant):
                report(number, None, finding, finding.index + 1 if not how else None, how)
    if front.closing_line:
        for number, line in enumerate(text.split("\n")[1:front.closing_line - 1], start=FIRST_LINE):
            for finding in policy.escaped_forbidden(line):
                report(number, None, finding, None, " (geschreven als YAML-code met \\x of \\u)")
    data = front.data if isinstance(front.data, dict) else None
    if data is not None:
        for path, value in _strings(data):
            at = front.line(*path) or FIRST_LINE
            for variant, how in _variants(value):
                for finding in policy.forbidden(variant):
                    report(at, _field(path), finding, None, how or " (geschreven met \\x of \\u)")
        problems += _lookalikes(data, front, where)
    if total > MAX_MESSAGES:
        problems.append(Problem(where, first_left_off, None,
                                f"en nog {total - MAX_MESSAGES} onzichtbare of verboden tekens zoals hierboven."))
    return problems


def _lookalikes(data: dict, front: FrontMatter, where: str) -> list[Problem]:
    problems = []
    for path, value in _strings(data, keys=False):
        shape = tuple(p for p in path if not isinstance(p, int))
        if shape not in NAME_FIELDS:
            continue
        line = front.line(*path)
        value = policy.normalise(value)
        found = policy.lookalike_words(value)
        if found:
            problems.append(Problem(where, line, _field(path), found[0].message()))
            continue
        plain = value.translate(DUTCH_LIGATURES)
        odd = next((c for c in plain if unicodedata.category(c)[0] == "L"  # m² and ½ stay
                    and unicodedata.normalize("NFKC", c) != c), None)
        if odd:
            problems.append(Problem(
                where, line, _field(path),
                f"hier staat een letter of teken dat op een gewone letter lijkt maar het niet is "
                f"(U+{ord(odd):04X} {unicodedata.name(odd, '')}, gewoon: "
                f"'{unicodedata.normalize('NFKC', odd)}'). Zo lijkt het een bestaande naam, maar het is een "
                f"andere, bijvoorbeeld een tweede gemeente in de filters. Typ de naam opnieuw met gewone letters."))
    return problems
