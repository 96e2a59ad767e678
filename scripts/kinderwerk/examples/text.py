"""Small text helpers: slugs, Dutch lists ('a, b en c') and Dutch dates."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


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
