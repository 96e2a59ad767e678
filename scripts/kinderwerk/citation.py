"""How to cite a chart (APA 7) and the edition it belongs to. Plain Python.

The edition date is ``extra.edition_date`` in mkdocs.yml: set by hand when a
new edition goes out, so the same sources always give the same citation (the
build time would change it on every build).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from .examples.text import MONTHS


@dataclass(frozen=True)
class Edition:
    site_name: str      # author and site: APA drops the site when they are the same
    site_url: str       # ends with "/"
    date: dt.date

    @property
    def date_apa(self) -> str:
        """'2026, 28 november': APA 7's (year, day month) for dated web content."""
        return f"{self.date.year}, {self.date.day} {MONTHS[self.date.month - 1]}"

    @property
    def date_nl(self) -> str:
        return f"{self.date.day} {MONTHS[self.date.month - 1]} {self.date.year}"


def edition_from(config: dict) -> Edition:
    """The edition of a MkDocs config: site_name, site_url, extra.edition_date."""
    raw = (config.get("extra") or {}).get("edition_date")
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, str):
        try:
            raw = dt.date.fromisoformat(raw)
        except ValueError:
            raw = None
    if not isinstance(raw, dt.date):
        raise ValueError("mkdocs.yml: zet extra.edition_date op de datum van deze editie, "
                         "als JJJJ-MM-DD (bijvoorbeeld 2026-11-28)")
    url = config.get("site_url") or ""
    if not url.startswith(("https://", "http://")):
        raise ValueError("mkdocs.yml: site_url ontbreekt; een bronvermelding heeft een vast adres nodig")
    return Edition(config["site_name"], url if url.endswith("/") else url + "/", raw)


def figure_apa(edition: Edition, title: str, url: str) -> str:
    """APA 7, figure on a web page, author = site: plain text."""
    return f"{edition.site_name}. ({edition.date_apa}). {title} [Grafiek]. {url}"


def figure_apa_html(edition: Edition, title: str, url: str) -> str:
    """The same citation as HTML: the title in italics, the address as a link."""
    return (f"{escape(edition.site_name)}. ({escape(edition.date_apa)}). "
            f"<em>{escape(title)}</em> [Grafiek]. "
            f'<a class="kw-url" href="{escape(url)}">{escape(url)}</a>')
