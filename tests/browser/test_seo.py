"""Search engines and sharing, on every page of the built site: language tag,
meta description (the page's own `description:`, else its first paragraph),
canonical address, and a sitemap that lists exactly the site's pages.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from kinderwerk.examples import page_meta

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs"


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.description, self.canonical, self.descriptions = None, None, None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta" and a.get("name") == "description":
            self.descriptions += 1
            self.description = a.get("content")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")


def head_of(page: Path) -> _Head:
    parser = _Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> dict[str, Path]:
    """Page path below the site root ('' is home) -> its index.html."""
    found = {}
    for index in sorted(site.rglob("index.html")):
        folder = index.parent.relative_to(site).as_posix()
        found["" if folder == "." else folder + "/"] = index
    return found


def front_matter(path: str) -> dict | None:
    """Front matter of the Markdown behind a page path, None if there is none."""
    stem = path.rstrip("/") or "index"
    for source in (DOCS / f"{stem}.md", DOCS / stem / "index.md"):
        if source.is_file():
            return page_meta(source.read_text(encoding="utf-8"), str(source))[0]
    return None  # a generated page


def first_paragraph(page: Path) -> str:
    article = page.read_text(encoding="utf-8")
    article = article[article.find("<article"):]
    parts = article.split("<p>", 1)
    if len(parts) < 2:
        return ""
    text = re.sub(r"<[^>]+>", "", parts[1].split("</p>", 1)[0])
    return " ".join(html.unescape(text).split())


def test_every_page_says_it_is_dutch(site_dir):
    wrong = [p or "/" for p, f in pages(site_dir).items() if head_of(f).lang != "nl"]
    wrong += ["404.html"] if head_of(site_dir / "404.html").lang != "nl" else []
    assert not wrong, f'zonder <html lang="nl">: {wrong}'


def test_every_page_has_its_own_meta_description(site_dir, site_config):
    problems, descriptions = [], {}
    for path, file in pages(site_dir).items():
        head = head_of(file)
        description = " ".join(html.unescape(head.description or "").split())
        if head.descriptions != 1 or not description:
            problems.append(f"{path or '/'}: {head.descriptions} meta descriptions, inhoud {description!r}")
            continue
        meta = front_matter(path)
        site_description = " ".join(site_config["site_description"].split())
        if meta and meta.get("description"):
            if description != " ".join(str(meta["description"]).split()):
                problems.append(f"{path or '/'}: niet de description uit de front matter: {description!r}")
        elif description == site_description and len(first_paragraph(file)) >= 50:
            # overrides/main.html falls back to the first paragraph (or a hook
            # sets one, as for the practice examples); the site's own
            # description is only for a page without any text.
            problems.append(f"{path or '/'}: alleen de description van de hele site")
        descriptions.setdefault(description, []).append(path or "/")
    shared = {d: p for d, p in descriptions.items() if len(p) > 1 and d != site_description}
    problems += [f"dezelfde description op {p}: {d!r}" for d, p in shared.items()]
    assert not problems, "\n".join(problems)


def test_every_page_has_a_canonical_address(site_dir, site_config):
    base = site_config["site_url"].rstrip("/") + "/"
    wrong = {p or "/": head_of(f).canonical for p, f in pages(site_dir).items()
             if head_of(f).canonical != base + p}
    assert not wrong, f"canonical niet {base}<pad>: {wrong}"


def test_sitemap_lists_every_page_and_nothing_else(site_dir, site_config):
    base = site_config["site_url"].rstrip("/") + "/"
    tree = ET.parse(site_dir / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text.strip() for loc in tree.getroot().findall("s:url/s:loc", namespace)}
    expected = {base + p for p in pages(site_dir)}
    assert listed == expected, (f"ontbreekt in sitemap: {sorted(expected - listed)}; "
                                f"staat er onterecht in: {sorted(listed - expected)}")


def test_the_description_fallback_uses_the_first_paragraph():
    """overrides/main.html itself: a page without `description:` gets its first
    paragraph, cut to 160 characters; see test_every_page_has_its_own_meta_description
    for the built site. Here the template alone, with a page that has none."""
    from jinja2 import DictLoader, Environment

    material = Path(__import__("material").__file__).parent / "templates"
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    base = "{% block site_meta %}<meta name=\"description\" content=\"{{ page.meta.description or config.site_description }}\">{% endblock %}"
    env = Environment(loader=DictLoader({"base.html": base, "main.html": template}))
    env.filters["url"] = lambda value: value  # MkDocs' own filter; not under test here
    assert material.is_dir()
    long_text = "Kinderwerkers werken met kinderen tot twaalf jaar in de wijk. " * 4

    class Page:
        def __init__(self, meta, content):
            self.meta, self.content = meta, content

    config = {"site_description": "SITE", "extra": {}, "plugins": {}, "theme": {"favicon": "icon.png"}}
    render = env.get_template("main.html").render
    with_own = render(page=Page({"description": "Eigen"}, f"<p>{long_text}</p>"), config=config)
    assert 'content="Eigen"' in with_own
    fallback = render(page=Page({}, f"<h1>Titel</h1><p>{long_text}</p>"), config=config)
    content = re.search(r'<meta name="description" content="([^"]*)"', fallback).group(1)
    assert content.startswith("Kinderwerkers werken met kinderen") and content.endswith("…")
    assert len(content) <= 160
    too_short = render(page=Page({}, "<p>Kort.</p>"), config=config)
    assert 'content="SITE"' in too_short
    # Front matter is text: a quote cannot close the attribute (SECURITY.md).
    hostile = render(page=Page({"description": 'Spelen "><img src=x onerror=alert(1)>'}, ""), config=config)
    assert "<img" not in hostile and 'content="Spelen &#34;&gt;&lt;img' in hostile
