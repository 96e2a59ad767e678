"""An Atom feed (RFC 4287) of the practice examples, serialised by lxml
(``xml_output``: no character that XML 1.0 forbids can reach the file).

Written here rather than with mkdocs-rss-plugin: that plugin needs GitPython
and a git executable at build time, takes titles and dates from MkDocs pages
rather than from our checked front matter, and would be one more dependency.
Not feedgen either: it is lxml underneath as well, adds a ``<generator>`` with
its version, defaults dates to the build time, and would cost a dependency
for some forty lines. This module takes the examples from the collection the
build already validated.

Dates (``page_dates``): ``published`` is the day an example came on the site,
``updated`` the day it last changed or was checked; never the build time, and
the order is fixed, so the same commit gives the same bytes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

from . import xml_output as xml
from .page_dates import ExampleDates

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# At the site root: Material's script fetches "sitemap.xml" next to every
# <link rel="alternate"> (its language switcher); there that file exists.
FEED_PATH = "feed.xml"
OVERVIEW_PATH = "praktijkvoorbeelden/"
FEED_TITLE = "Nieuwe praktijkvoorbeelden"
# The feed's own date when there are no examples: the report's month.
NO_EXAMPLES = dt.date(2021, 2, 1)


def stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    return xml.sub(parent, f"{{{ATOM}}}{tag}", text, **attrs)


class FeedExample(Protocol):
    """What the feed reads of an example (kinderwerk.examples.Example has it)."""
    @property
    def volledige_titel(self) -> str: ...
    @property
    def samenvatting(self) -> str: ...
    @property
    def organisatie(self) -> str: ...


def atom_feed(entries: Iterable[tuple[FeedExample, str, ExampleDates]], site_name: str,
              site_url: str) -> bytes:
    """``entries``: (example, absolute address of its page, its dates);
    ``site_url`` ends with '/'. Newest publication first.

    An example needs ``volledige_titel`` (title with place), ``samenvatting``
    and ``organisatie``."""
    entries = sorted(entries, key=lambda e: (-e[2].published.toordinal(), -e[2].updated.toordinal(),
                                             e[0].volledige_titel.lower(), e[1]))
    feed = xml.element(f"{{{ATOM}}}feed", nsmap={None: ATOM}, **{XML_LANG: "nl"})
    feed_url = site_url + FEED_PATH
    _add(feed, "id", feed_url)
    _add(feed, "title", f"{FEED_TITLE} – {site_name}")
    _add(feed, "subtitle", "Voorbeelden van kinderwerk uit de praktijk: wat kinderwerkers "
                           "deden, met wie, en wat het opleverde.")
    _add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _add(feed, "link", rel="alternate", type="text/html", href=site_url + OVERVIEW_PATH)
    _add(feed, "updated", stamp(max((d.updated for _, _, d in entries), default=NO_EXAMPLES)))
    author = _add(feed, "author")
    _add(author, "name", site_name)
    _add(author, "uri", site_url)
    for example, url, dates in entries:
        entry = _add(feed, "entry")
        _add(entry, "id", url)
        _add(entry, "title", example.volledige_titel)
        _add(entry, "link", rel="alternate", type="text/html", href=url)
        _add(entry, "published", stamp(dates.published))
        _add(entry, "updated", stamp(dates.updated))
        _add(entry, "summary", example.samenvatting)
        if getattr(example, "organisatie", None):
            contributor = _add(entry, "contributor")
            _add(contributor, "name", example.organisatie)
    return xml.to_bytes(feed)
