"""sitemap.xml (sitemaps.org 0.9) and robots.txt.

MkDocs' own sitemap gives every page the day of the build as lastmod, so two
builds of the same sources differ and search engines hear that every page
changed. Ours takes each page's date from ``page_dates`` (git and the
examples' own dates), leaves lastmod out where no date is known, sorts by
address, and gzips without a timestamp: the same commit, the same bytes.
"""
from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterable

from . import xml_output as xml

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_PATH = "sitemap.xml"
ROBOTS_PATH = "robots.txt"


def sitemap_xml(pages: Iterable[tuple[str, dt.date | None]]) -> bytes:
    """``pages``: (absolute address, day of the last change or None)."""
    root = xml.element(f"{{{SITEMAP}}}urlset", nsmap={None: SITEMAP})
    for url, day in sorted(set(pages)):
        entry = xml.sub(root, f"{{{SITEMAP}}}url")
        xml.sub(entry, f"{{{SITEMAP}}}loc", url)
        if day is not None:
            xml.sub(entry, f"{{{SITEMAP}}}lastmod", day.isoformat())
    return xml.to_bytes(root)


def gzipped(data: bytes) -> bytes:
    """gzip without a file name or time in its header (sitemap.xml.gz)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def robots_txt(site_url: str) -> str:
    """Everything may be read; the sitemap is named. ``site_url`` ends with '/'.

    Crawlers read robots.txt only at the root of a host: under a path (a
    GitHub project page such as https://owner.github.io/repo/) it is ignored
    until the site has a domain of its own (see README, "Adres van de site")."""
    return ("# Kennisbank Kinderwerk: alle pagina's mogen worden gelezen.\n"
            "User-agent: *\n"
            "Disallow:\n"
            f"Sitemap: {site_url}{SITEMAP_PATH}\n")
