"""The Atom feed of practice examples: built in a copy of the project with
made-up examples of our own, it lists every example with title (place
first), summary, absolute link and the example's own date, is announced on
every page, and is the same bytes on every build."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
import yaml

from kinderwerk.feed import FEED_PATH, atom_feed
from project_copy import ROOT, copy_project, run_build
from test_examples import good_example

A = "{http://www.w3.org/2005/Atom}"
MINE = {  # file -> changes to a valid example; places that are not real towns
    "speeldorp-speelkamer.md": {"titel": "de Speelkamer voor de hele buurt", "gemeenten": ["Speeldorp"],
                                "samenvatting": "In Speeldorp staat de Speelkamer open voor ieder kind uit de buurt.",
                                "gecontroleerd": "2025-03-04"},
    "knutselveen-ravotdag.md": {"titel": "een ravotdag met de scouting", "gemeenten": ["Knutselveen"],
                                "samenvatting": "Kinderwerkers in Knutselveen houden samen met de scouting één ravotdag per maand.",
                                "gecontroleerd": "2026-01-15"},
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The copy with our two examples added, built twice into two folders."""
    base = tmp_path_factory.mktemp("feed")
    project = copy_project(base / "project")
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", project / ".cache")
    folder = project / "docs" / "praktijkvoorbeelden"
    for name, changes in MINE.items():
        (folder / name).write_text(good_example(**changes), encoding="utf-8")
    sites = []
    for run in ("een", "twee"):
        result = run_build(project, base / f"site-{run}")
        assert result.returncode == 0, result.output[-3000:]
        sites.append(result.site)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    examples = sorted(p.stem for p in folder.glob("*.md") if p.name not in ("index.md", "_sjabloon.md"))
    return sites, config["site_url"], examples


@pytest.fixture(scope="module")
def feed(built):
    sites, _, _ = built
    return ET.parse(sites[0] / FEED_PATH).getroot()


def _entries(feed) -> dict[str, ET.Element]:
    return {e.find(f"{A}link").get("href"): e for e in feed.findall(f"{A}entry")}


def test_lists_every_example_of_the_project(feed, built):
    _, site_url, examples = built
    assert feed.tag == f"{A}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert sorted(_entries(feed)) == sorted(f"{site_url}praktijkvoorbeelden/{slug}/" for slug in examples)


def test_our_examples_with_title_place_summary_and_own_date(feed, built):
    _, site_url, _ = built
    entries = _entries(feed)
    for name, changes in MINE.items():
        entry = entries[f"{site_url}praktijkvoorbeelden/{name[:-3]}/"]
        place = changes["gemeenten"][0]
        assert entry.findtext(f"{A}title") == f"{place}: {changes['titel']}"
        assert entry.findtext(f"{A}summary") == changes["samenvatting"]
        assert entry.findtext(f"{A}updated") == f"{changes['gecontroleerd']}T00:00:00Z"
        assert entry.findtext(f"{A}id") == entry.find(f"{A}link").get("href")


def test_links_are_absolute_and_reach_built_pages(feed, built):
    sites, site_url, _ = built
    prefix = urlsplit(site_url).path
    for href in _entries(feed):
        assert href.startswith(site_url), href
        assert (sites[0] / urlsplit(href).path[len(prefix):] / "index.html").is_file(), href
    self_link = [l for l in feed.findall(f"{A}link") if l.get("rel") == "self"]
    assert self_link and self_link[0].get("href") == site_url + FEED_PATH


def test_feed_date_is_the_newest_example_not_the_build_time(feed):
    dates = [e.findtext(f"{A}updated") for e in feed.findall(f"{A}entry")]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert feed.findtext(f"{A}updated") == dates[0]


def test_same_examples_same_bytes(built):
    sites, _, _ = built
    assert (sites[0] / FEED_PATH).read_bytes() == (sites[1] / FEED_PATH).read_bytes()


def test_announced_on_every_page_and_linked_on_the_overview(built):
    sites, _, _ = built
    site = sites[0]
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
        assert len(links) == 1, page
        folder = page.parent.relative_to(site).as_posix()
        target = posixpath.normpath(posixpath.join(folder, links[0]))
        assert target == FEED_PATH, (page, links[0])
    # Material's script fetches sitemap.xml beside every <link rel="alternate">.
    assert (site / posixpath.dirname(FEED_PATH) / "sitemap.xml").is_file()
    overview = (site / "praktijkvoorbeelden" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../feed.xml">' in overview


@dataclass
class _Example:
    volledige_titel: str
    samenvatting: str
    organisatie: str
    gecontroleerd: dt.date


def test_text_is_escaped_and_order_does_not_matter():
    """Titles with markup characters stay text; input order does not change the bytes."""
    a = (_Example("Speeldorp: <b>vet</b> & \"zo\"", "Samen & <script>x</script>", "Org", dt.date(2025, 1, 2)),
         "https://voorbeeld.invalid/a/")
    b = (_Example("Knutselveen: rustig", "Kort.", "Org", dt.date(2025, 1, 2)), "https://voorbeeld.invalid/b/")
    one = atom_feed([a, b], "Site", "https://voorbeeld.invalid/")
    two = atom_feed([b, a], "Site", "https://voorbeeld.invalid/")
    assert one == two
    root = ET.fromstring(one)
    titles = [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]
    assert titles == ["Knutselveen: rustig", "Speeldorp: <b>vet</b> & \"zo\""]
    assert b"<script>" not in one and b"&lt;script&gt;" in one
