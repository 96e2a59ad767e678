"""An Atom feed (RFC 4287) of the practice examples. Plain Python, standard library.

Written here rather than with mkdocs-rss-plugin: that plugin needs GitPython
and a git executable at build time, takes titles and dates from MkDocs pages
rather than from our checked front matter, and would be one more dependency
for some fifty lines. This module takes the examples from the collection the
build already validated.

Deterministic: every date is an example's own ``gecontroleerd`` date (the day
someone last checked it), never the build time, and the order is fixed, so
the same examples give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import Iterable

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# At the site root: Material's script fetches "sitemap.xml" next to every
# <link rel="alternate"> (its language switcher); there that file exists.
FEED_PATH = "feed.xml"
OVERVIEW_PATH = "praktijkvoorbeelden/"
FEED_TITLE = "Nieuwe praktijkvoorbeelden"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(entries: Iterable[tuple[object, str]], site_name: str, site_url: str) -> bytes:
    """``entries``: (example, absolute address of its page). ``site_url`` ends with '/'.

    An example needs ``volledige_titel`` (title with place), ``samenvatting``,
    ``organisatie`` and ``gecontroleerd`` (a date)."""
    entries = sorted(entries, key=lambda e: (-e[0].gecontroleerd.toordinal(),
                                             e[0].volledige_titel.lower(), e[1]))
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "nl"})
    feed_url = site_url + FEED_PATH
    _add(feed, "id", feed_url)
    _add(feed, "title", f"{FEED_TITLE} – {site_name}")
    _add(feed, "subtitle", "Voorbeelden van kinderwerk uit de praktijk: wat kinderwerkers "
                           "deden, met wie, en wat het opleverde.")
    _add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _add(feed, "link", rel="alternate", type="text/html",
         href=site_url + OVERVIEW_PATH)
    newest = max((e.gecontroleerd for e, _ in entries), default=dt.date(2021, 2, 1))
    _add(feed, "updated", _stamp(newest))
    author = _add(feed, "author")
    _add(author, "name", site_name)
    _add(author, "uri", site_url)
    for example, url in entries:
        entry = _add(feed, "entry")
        _add(entry, "id", url)
        _add(entry, "title", example.volledige_titel)
        _add(entry, "link", rel="alternate", type="text/html", href=url)
        _add(entry, "updated", _stamp(example.gecontroleerd))
        _add(entry, "summary", example.samenvatting)
        if getattr(example, "organisatie", None):
            contributor = _add(entry, "contributor")
            _add(contributor, "name", example.organisatie)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
