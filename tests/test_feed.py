"""The Atom feed, the sitemap and robots.txt.

Built in a copy of the project that is a git repository of its own, with
commits on dates we choose and made-up examples: each entry says when the
example came on the site (``published``: front matter, else git, else its
``gecontroleerd`` date) and when it last changed (``updated``); the sitemap
gives every page the same dates, and two builds of the same commit give the
same bytes even when the clock says otherwise. Hostile text in every field
still gives a feed and a sitemap that XML parsers and feedparser read."""
from __future__ import annotations

import datetime as dt
import gzip
import os
import posixpath
import re
import subprocess
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml
from lxml import etree

from kinderwerk import xml_output
from kinderwerk.feed import FEED_PATH, atom_feed
from kinderwerk.page_dates import ExampleDates
from kinderwerk.sitemap import ROBOTS_PATH, SITEMAP_PATH, sitemap_xml
from project_copy import copy_project, run_build
from test_examples import good_example, parse, vocab  # noqa: F401 (vocab: a fixture)

A = "{http://www.w3.org/2005/Atom}"
S = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FIRST, ADDED, EDITED = "2025-05-06", "2026-01-20", "2026-02-14"  # commit days
MINE = {  # file -> changes to a valid example; places that are not real towns
    # committed on ADDED, its text changed on EDITED
    "speeldorp-speelkamer.md": {"titel": "de Speelkamer voor de hele buurt", "gemeenten": ["Speeldorp"],
                                "samenvatting": "In Speeldorp staat de Speelkamer open voor ieder kind uit de buurt.",
                                "gecontroleerd": "2025-03-04"},
    # committed on ADDED, but its front matter says when it first came on the site
    "knutselveen-ravotdag.md": {"titel": "een ravotdag met de scouting", "gemeenten": ["Knutselveen"],
                                "samenvatting": "Kinderwerkers in Knutselveen houden samen met de scouting één ravotdag per maand.",
                                "gecontroleerd": "2026-01-15", "toegevoegd": "2024-09-10"},
    # never committed: its own gecontroleerd date is all there is
    "ravotstad-speelbus.md": {"titel": "de speelbus rijdt uit", "gemeenten": ["Ravotstad"],
                              "samenvatting": "In Ravotstad rijdt de speelbus elke woensdag naar een ander plein.",
                              "gecontroleerd": "2025-12-01"},
}
EXPECTED = {  # slug -> (published, updated)
    "speeldorp-speelkamer": (ADDED, EDITED),
    "knutselveen-ravotdag": ("2024-09-10", ADDED),
    "ravotstad-speelbus": ("2025-12-01", "2025-12-01"),
}


def git(project, *args, day=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@voorbeeld.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@voorbeeld.invalid"}
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=project, env=env, check=True, capture_output=True)


@contextmanager
def clock(epoch: int):
    """MkDocs dates its own sitemap by SOURCE_DATE_EPOCH, else by the clock."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


@pytest.fixture(scope="module")
def built(tmp_path_factory, warm_cache):
    """The copy as a git repository with our examples, built twice (the
    second time with the clock ten years on) into two folders."""
    base = tmp_path_factory.mktemp("feed")
    project = copy_project(base / "project", cache=warm_cache)
    (project / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    folder = project / "docs" / "praktijkvoorbeelden"
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "begin", day=FIRST)
    for name, changes in MINE.items():
        (folder / name).write_text(good_example(**changes), encoding="utf-8")
    git(project, "add", "docs/praktijkvoorbeelden/speeldorp-speelkamer.md",
        "docs/praktijkvoorbeelden/knutselveen-ravotdag.md")
    git(project, "commit", "-q", "-m", "twee voorbeelden", day=ADDED)
    page = folder / "speeldorp-speelkamer.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")
    git(project, "commit", "-q", "-a", "-m", "zin erbij", day=EDITED)
    sites = []
    for run, epoch in (("een", 1_800_000_000), ("twee", 2_115_000_000)):
        with clock(epoch):
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


@pytest.fixture(scope="module")
def sitemap(built) -> dict[str, str | None]:
    sites, _, _ = built
    root = ET.parse(sites[0] / SITEMAP_PATH).getroot()
    return {u.findtext(f"{S}loc"): u.findtext(f"{S}lastmod") for u in root.findall(f"{S}url")}


def _entries(feed) -> dict[str, ET.Element]:
    return {e.find(f"{A}link").get("href"): e for e in feed.findall(f"{A}entry")}


def test_lists_every_example_of_the_project(feed, built):
    _, site_url, examples = built
    assert feed.tag == f"{A}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert sorted(_entries(feed)) == sorted(f"{site_url}praktijkvoorbeelden/{slug}/" for slug in examples)


def test_our_examples_with_title_place_and_summary(feed, built):
    _, site_url, _ = built
    entries = _entries(feed)
    for name, changes in MINE.items():
        entry = entries[f"{site_url}praktijkvoorbeelden/{name[:-3]}/"]
        place = changes["gemeenten"][0]
        assert entry.findtext(f"{A}title") == f"{place}: {changes['titel']}"
        assert entry.findtext(f"{A}summary") == changes["samenvatting"]
        assert entry.findtext(f"{A}id") == entry.find(f"{A}link").get("href")


def test_published_and_updated_from_front_matter_git_and_own_date(feed, built):
    _, site_url, _ = built
    entries = _entries(feed)
    for slug, (published, updated) in EXPECTED.items():
        entry = entries[f"{site_url}praktijkvoorbeelden/{slug}/"]
        assert entry.findtext(f"{A}published") == f"{published}T00:00:00Z", slug
        assert entry.findtext(f"{A}updated") == f"{updated}T00:00:00Z", slug


def test_the_projects_own_examples_count_from_their_commit(feed, built):
    """Examples in the first commit: published that day, updated on their
    gecontroleerd date when it is later."""
    _, site_url, _ = built
    ours = {f"{site_url}praktijkvoorbeelden/{slug}/" for slug in EXPECTED}
    others = [e for url, e in _entries(feed).items() if url not in ours]
    assert others
    for entry in others:
        assert entry.findtext(f"{A}published") == f"{FIRST}T00:00:00Z"
        assert entry.findtext(f"{A}updated") >= entry.findtext(f"{A}published")


def test_feed_parses_in_feedparser_with_its_dates(built):
    sites, _, _ = built
    parsed = feedparser.parse((sites[0] / FEED_PATH).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.language == "nl"
    by_link = {e.link: e for e in parsed.entries}
    for slug, (published, updated) in EXPECTED.items():
        entry = next(e for link, e in by_link.items() if link.endswith(f"/{slug}/"))
        assert dt.date(*entry.published_parsed[:3]).isoformat() == published
        assert dt.date(*entry.updated_parsed[:3]).isoformat() == updated


def test_links_are_absolute_and_reach_built_pages(feed, built):
    sites, site_url, _ = built
    prefix = urlsplit(site_url).path
    for href in _entries(feed):
        assert href.startswith(site_url), href
        assert (sites[0] / urlsplit(href).path[len(prefix):] / "index.html").is_file(), href
    self_link = [link for link in feed.findall(f"{A}link") if link.get("rel") == "self"]
    assert self_link and self_link[0].get("href") == site_url + FEED_PATH


def test_feed_date_is_the_newest_change_not_the_build_time(feed):
    published = [e.findtext(f"{A}published") for e in feed.findall(f"{A}entry")]
    assert published == sorted(published, reverse=True)  # newest first
    assert feed.findtext(f"{A}updated") == max(e.findtext(f"{A}updated") for e in feed.findall(f"{A}entry"))


def test_sitemap_dates_are_the_feeds(sitemap, feed, built):
    """An example's lastmod is its feed entry's updated; a page in the first
    commit dates from it; a tag page without examples has no date."""
    _, site_url, _ = built
    for url, entry in _entries(feed).items():
        assert sitemap[url] + "T00:00:00Z" == entry.findtext(f"{A}updated"), url
    assert sitemap[f"{site_url}bijdragen/"] == FIRST
    newest = max(v for k, v in sitemap.items() if "/praktijkvoorbeelden/" in k and v)
    assert sitemap[f"{site_url}praktijkvoorbeelden/"] == newest  # it lists them all
    undated = [url for url, day in sitemap.items() if day is None]
    assert undated and all("/praktijkvoorbeelden/thema/" in u or "/praktijkvoorbeelden/partner/" in u
                           for u in undated), undated


def test_sitemap_lists_every_page_once_with_absolute_addresses(sitemap, built):
    sites, site_url, _ = built
    pages = sorted(sites[0].rglob("index.html"))
    expected = set()
    for page in pages:
        folder = page.parent.relative_to(sites[0]).as_posix()
        if folder not in (".", "404"):
            expected.add(f"{site_url}{folder}/")
    expected.add(site_url)
    assert set(sitemap) == expected


def test_two_builds_of_one_commit_give_the_same_bytes(built):
    """The second build ran with the clock ten years on: MkDocs' own sitemap
    would differ in every lastmod."""
    sites, _, _ = built
    for name in (SITEMAP_PATH, f"{SITEMAP_PATH}.gz", FEED_PATH, ROBOTS_PATH):
        assert (sites[0] / name).read_bytes() == (sites[1] / name).read_bytes(), name
    assert gzip.decompress((sites[0] / f"{SITEMAP_PATH}.gz").read_bytes()) == \
        (sites[0] / SITEMAP_PATH).read_bytes()


def test_robots_txt_names_the_sitemap(built):
    sites, site_url, _ = built
    lines = (sites[0] / ROBOTS_PATH).read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and "Disallow:" in lines
    assert f"Sitemap: {site_url}{SITEMAP_PATH}" in lines


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


def test_toegevoegd_is_optional_and_checked(vocab):  # noqa: F811 -- the fixture imported above
    from kinderwerk.examples import ExampleError
    assert parse(good_example(), vocab).toegevoegd is None
    assert parse(good_example(toegevoegd="2024-09-10"), vocab).toegevoegd == dt.date(2024, 9, 10)
    for bad, words in (("2099-01-01", "ligt in de toekomst"), ("10-09-2024", "Schrijf jaar-maand-dag: 2024-09-10")):
        with pytest.raises(ExampleError) as info:
            parse(good_example(toegevoegd=bad), vocab)
        assert "veld 'toegevoegd'" in str(info.value) and words in str(info.value)


# ---------------------------------------------------------------------------
# Hostile text: no character XML 1.0 forbids ever reaches a file
# ---------------------------------------------------------------------------

def hostile_strings() -> list[str]:
    """Every C0 and C1 control, DEL, non-characters, lone and reversed
    surrogates, bidi and zero-width characters, and markup that tries to
    end or open a construct."""
    controls = [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
    odd = ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff", "\ud800", "\udfff",
           "\udc00\ud800", "\ud83d"]
    bidi = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200b", "\ufeff", "\u061c"]
    markup = ["<script>alert(1)</script>", "]]>", "<![CDATA[x]]>", "&amp;", "&#0;", "&#x1;",
              "<?xml version='1.0'?>", "<!DOCTYPE x [<!ENTITY a 'b'>]>&a;", "\"'<>&", "<!-- -->"]
    strings = [f"Speeldorp {c} kinderwerk" for c in controls + odd + bidi + markup]
    strings.append("".join(controls + odd + bidi + markup))  # everything at once
    return strings


def allowed_in_xml(text: str) -> bool:
    return all(c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
               or 0x10000 <= ord(c) <= 0x10FFFF for c in text)


@dataclass
class _Example:
    volledige_titel: str
    samenvatting: str
    organisatie: str


def test_clean_keeps_what_is_allowed_and_replaces_the_rest():
    kept = "Zuid-Holland ĳs 🙂 中文 \u202e\u200b tab\there"
    assert xml_output.clean(kept) == kept
    for text in hostile_strings():
        cleaned = xml_output.clean(text)
        assert allowed_in_xml(cleaned)
        assert not any(0x7F <= ord(c) <= 0x9F for c in cleaned)  # discouraged: replaced too
        assert len(cleaned) == len(text) and xml_output.clean(cleaned) == cleaned


def test_hostile_text_gives_a_feed_that_parsers_read():
    strings = hostile_strings()
    day = ExampleDates(dt.date(2025, 1, 2), dt.date(2025, 1, 3))
    entries = [(_Example(s, s, s), f"https://voorbeeld.invalid/{i}/?q={s}", day)
               for i, s in enumerate(strings)]
    data = atom_feed(entries, "Site " + strings[-1], "https://voorbeeld.invalid/")
    assert allowed_in_xml(data.decode("utf-8"))
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    ET.fromstring(data)  # the standard library's parser too
    titles = sorted(e.findtext(f"{A}title") for e in root.iter(f"{A}entry"))
    assert titles == sorted(xml_output.clean(s) for s in strings)
    assert all(e.find(f"{A}contributor/{A}name").text == e.findtext(f"{A}title")
               for e in root.iter(f"{A}entry"))
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == len(strings)
    assert sorted(e.title for e in parsed.entries) == titles


def test_hostile_addresses_give_a_sitemap_that_parsers_read():
    strings = hostile_strings()
    pages = [(f"https://voorbeeld.invalid/{i}/{s}", dt.date(2025, 1, 2)) for i, s in enumerate(strings)]
    data = sitemap_xml(pages)
    assert allowed_in_xml(data.decode("utf-8"))
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    locs = sorted(u.findtext(f"{S}loc") for u in root)
    assert locs == sorted(xml_output.clean(url) for url, _ in pages)


def test_lxml_refuses_what_clean_would_have_replaced():
    """The second guarantee: set unclean text on an element and lxml refuses it."""
    element = etree.Element("x")
    for bad in ("\x01", "\ufffe", "\x0b"):
        with pytest.raises(ValueError):
            element.text = f"a{bad}b"


def test_text_is_escaped_and_order_does_not_matter():
    """Titles with markup characters stay text; input order does not change the bytes."""
    day = ExampleDates(dt.date(2025, 1, 2), dt.date(2025, 1, 2))
    a = (_Example("Speeldorp: <b>vet</b> & \"zo\"", "Samen & <script>x</script>", "Org"),
         "https://voorbeeld.invalid/a/", day)
    b = (_Example("Knutselveen: rustig", "Kort.", "Org"), "https://voorbeeld.invalid/b/", day)
    one = atom_feed([a, b], "Site", "https://voorbeeld.invalid/")
    two = atom_feed([b, a], "Site", "https://voorbeeld.invalid/")
    assert one == two
    root = ET.fromstring(one)
    titles = [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]
    assert titles == ["Knutselveen: rustig", "Speeldorp: <b>vet</b> & \"zo\""]
    assert b"<script>" not in one and b"&lt;script&gt;" in one
