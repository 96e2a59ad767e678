"""Search in Dutch, through Material's own search box in the browser: a word
form (singular, plural, compound) finds the right page first, and each
practice example is found first by its own title.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from kwbrowser import settle_simple

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "praktijkvoorbeelden"
STUB_WORDS = 80  # a page with fewer words than this is still a placeholder

# (what a reader types, the page that must come first)
QUERIES = [
    ("samenwerkingspartner", "hoofdstukken/samenwerkingspartners.md"),
    ("samenwerkingspartners", "hoofdstukken/samenwerkingspartners.md"),
    ("kookactiviteiten", "praktijkvoorbeelden/friesland-kearn-kooklab.md"),
    ("huttendorpen", "praktijkvoorbeelden/stichting-kinderspel-huttendorpen.md"),
    ("huttendorp", "praktijkvoorbeelden/stichting-kinderspel-huttendorpen.md"),
    ("wijkagenten", "praktijkvoorbeelden/den-haag-voor-welzijn.md"),
]


def split_front_matter(source: Path) -> tuple[dict, str]:
    text = source.read_text(encoding="utf-8")
    match = re.match(r"^---\s*\n(.*?)\n---\s*\n", text, re.S)
    if not match:
        return {}, text
    return (yaml.safe_load(match.group(1)) or {}), text[match.end():]


def stub_reason(source: Path) -> str | None:
    """Why a page cannot be searched for yet, or None when it can."""
    if not source.is_file():
        return f"docs/{source.relative_to(DOCS)} bestaat nog niet"
    meta, body = split_front_matter(source)
    words = len(re.findall(r"\w+", re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", body)))
    if words < STUB_WORDS and not meta.get("samenvatting"):
        return f"docs/{source.relative_to(DOCS)} is nog een placeholder ({words} woorden)"
    return None


def page_path(source_rel: str) -> str:
    """docs-relative .md -> path below the site root, as in the built site."""
    stem = source_rel.removesuffix(".md")
    if stem.endswith("index"):
        stem = stem.removesuffix("index").rstrip("/")
    return stem + "/" if stem else ""


def example_titles() -> list[tuple[str, str]]:
    cases = []
    for source in sorted(EXAMPLES.glob("*.md")):
        if source.name in ("index.md",) or source.name.startswith("_"):
            continue
        meta, _ = split_front_matter(source)
        title = meta.get("titel") or meta.get("title")
        cases.append((str(title) if title else "", f"praktijkvoorbeelden/{source.name}"))
    return cases


@pytest.fixture(scope="module")
def search_page(new_page):
    page = new_page()
    page.goto("")
    settle_simple(page)
    return page


@pytest.fixture(scope="module")
def new_page(chromium, base_url):  # module-scoped variant: one page for all searches
    contexts = []

    def make():
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def type_in_search(page, text: str) -> None:
    """Clear the search box, then enter ``text`` and release a key: Material
    searches on key events, and answering only the whole text (not each
    letter typed) keeps a slow answer for "s" from passing as the result."""
    box = page.locator(".md-search__input")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function("() => /typ om/i.test(document.querySelector('.md-search-result__meta').textContent)")
    box.fill(text)
    page.keyboard.press("End")


def search(page, base_url: str, query: str) -> list[str]:
    """Type ``query`` in the search box; the page paths of the results, best first."""
    type_in_search(page, query)
    page.wait_for_function(
        "() => /overeenkom/i.test(document.querySelector('.md-search-result__meta').textContent)")
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > li.md-search-result__item > a.md-search-result__link",
        "links => links.map((a) => a.href)")
    paths = []
    for href in hrefs:
        absolute = urlsplit(urljoin(page.url, href)).path
        paths.append(absolute.removeprefix(urlsplit(base_url).path))
    return paths


@pytest.mark.parametrize("query,target", QUERIES, ids=[q for q, _ in QUERIES])
def test_a_word_form_finds_the_right_page_first(search_page, base_url, query, target):
    reason = stub_reason(DOCS / target)
    if reason:
        pytest.skip(reason)
    results = search(search_page, base_url, query)
    assert results, f"'{query}' vindt niets"
    assert results[0] == page_path(target), f"'{query}': eerst {results[:3]}, verwacht {page_path(target)}"


@pytest.mark.parametrize("title,target", example_titles(), ids=[t for _, t in example_titles()])
def test_a_practice_example_is_found_first_by_its_title(search_page, base_url, title, target):
    reason = stub_reason(DOCS / target)
    if reason:
        pytest.skip(reason)
    if not title:
        pytest.fail(f"docs/{target}: geen titel in de front matter")
    results = search(search_page, base_url, title)
    assert results and results[0] == page_path(target), (
        f"'{title}': eerst {results[:3]}, verwacht {page_path(target)}")


def test_a_word_that_is_nowhere_finds_nothing(search_page, base_url):
    """The test above must be able to fail: nonsense finds no page."""
    page = search_page
    type_in_search(page, "xqzwvbnonsens")
    page.wait_for_function("() => /geen/i.test(document.querySelector('.md-search-result__meta').textContent)")
    assert page.locator(".md-search-result__item").count() == 0
