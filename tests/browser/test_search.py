"""Search in Dutch, through Material's own search box in the browser, with
our worker (docs/assets/javascripts/workers/zoeken-nl.js) and index
(scripts/adapters/hooks_search.py): regression queries from tests/search_queries.yml,
each practice example found first by its own title, nothing of the index
loaded before the reader uses the search box, highlighting, the fallback to
partial matches, and the Dutch strings.

Ranking depends on what else is on the site, so the searches run on a copy
of the project that holds the report's own pages and examples (maintainers'
content) plus two made-up examples, never the contributions that happen to
be in docs/: a valid new example cannot turn these tests red.

The worker depends on Material 9.8's search protocol (SETUP/READY/QUERY/
RESULT in src/templates/assets/javascripts/integrations/search/worker/
message) and on the "search" key of the page config (block `config` in
material/templates/base.html); the tests below fail and name that when
Material changes either.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from kwbrowser import settle_simple

from kinderwerk.examples import page_meta
from search_benchmark import clear_search
from search_benchmark import search as benchmark_search

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "praktijkvoorbeelden"
STUB_WORDS = 80  # a page with fewer words than this is still a placeholder
PROTOCOL = ("Material's zoekprotocol (src/templates/assets/javascripts/integrations/search/worker/message: "
            "SETUP/READY/QUERY/RESULT)")


def regression_queries() -> list[tuple[str, list[str]]]:
    """(what a reader types, the pages that may come first) from the benchmark set."""
    cases = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
    return [(str(c["query"]), c["pages"]) for c in cases if c.get("regression")]


QUERIES = regression_queries()


def source_of(site_path: str) -> Path:
    """Built page path -> its Markdown file in docs/."""
    if not site_path:
        return DOCS / "index.md"
    return DOCS / (site_path.rstrip("/") + ".md")


def split_front_matter(source: Path) -> tuple[dict, str]:
    """(data block, body), read by the project's own parser."""
    return page_meta(source.read_text(encoding="utf-8"), str(source))


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


# Two made-up examples (no real town) for the title test; their titles
# share words with the report's pages, so the title has to win.
MADE_UP = {
    "speeldorp-kookclub-buurthuis": ("Kookclub met ouders in het buurthuis", "Speeldorp"),
    "kwakkeldam-zomerspeeltuin-scouting": ("Zomerspeeltuin met de scouting en de bibliotheek", "Kwakkeldam"),
}
# A title with markup in it: a result shows it as text (issue 8, fields are text).
MARKUP_SLUG, MARKUP_TITLE = "kwakkeldam-speelmiddag-opmaak", "Speelmiddag <i>schuin</i> & <b>vet</b> {: .md-button }"


def example_titles() -> list[tuple[str, str]]:
    return [(title, f"praktijkvoorbeelden/{slug}.md") for slug, (title, _) in MADE_UP.items()]


def is_report_example(source: Path) -> bool:
    meta, _ = split_front_matter(source)
    return "Kinderwerk anno 2021" in str(meta.get("bron", ""))


@pytest.fixture(scope="module")
def search_url(tmp_path_factory, site_config, warm_cache):
    """The site built from a copy: report pages and the report's examples
    only, plus the made-up examples, served like the real site."""
    from kinderwerk.browser import serve
    from project_copy import copy_project, run_build
    from test_examples import good_example
    project = copy_project(tmp_path_factory.mktemp("zoeken") / "project", cache=warm_cache)
    folder = project / "docs" / "praktijkvoorbeelden"
    for source in folder.glob("*.md"):
        if source.name != "index.md" and not source.name.startswith("_") and not is_report_example(source):
            source.unlink()
    # A contributed example may bring photos: they go with their page, or the
    # build rightly refuses them as photos that no example shows.
    from kinderwerk.examples.photos import is_photo
    kept = "".join(source.read_text(encoding="utf-8") for source in folder.glob("*.md"))
    for photo in folder.iterdir():
        if is_photo(photo.name) and photo.name not in kept:
            photo.unlink()
    for slug, (title, place) in MADE_UP.items():
        (folder / f"{slug}.md").write_text(good_example(
            titel=title, gemeenten=[place],
            samenvatting=f"Kinderwerkers in {place} laten zien hoe het werkt, samen met buren.",
        ), encoding="utf-8")
    (folder / f"{MARKUP_SLUG}.md").write_text(good_example(
        titel=MARKUP_TITLE, gemeenten=["Kwakkeldam"],
        samenvatting="Kinderwerkers in Kwakkeldam houden een speelmiddag met opmaak in de titel."), encoding="utf-8")
    result = run_build(project, project.parent / "site")
    assert result.returncode == 0, result.output[-3000:]
    with serve(result.site, urlsplit(site_config["site_url"]).path) as url:
        yield url


@pytest.fixture(scope="module")
def search_page(new_page):
    page = new_page()
    page.goto("")
    settle_simple(page)
    return page


@pytest.fixture(scope="module")
def new_page(chromium, search_url):  # module-scoped variant: one page for all searches
    contexts = []

    def make():
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=search_url)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def type_in_search(page, text: str) -> None:
    clear_search(page)
    page.locator(".md-search__input").fill(text)
    page.keyboard.press("End")  # Material searches on key events


def search(page, base_url: str, query: str) -> list[str]:
    """Type ``query`` in the search box; the result pages, best first (one
    entry per page; the benchmark uses the same function)."""
    try:
        return benchmark_search(page, base_url, query)
    except Exception as error:  # Playwright's timeout: say what it likely means
        meta = page.locator(".md-search-result__meta").text_content()
        raise AssertionError(f"'{query}': geen antwoord van de zoekworker (melding: {meta!r}). "
                             f"Is {PROTOCOL} veranderd?") from error


@pytest.mark.parametrize("query,targets", QUERIES, ids=[q for q, _ in QUERIES])
def test_a_query_finds_the_right_page_first(search_page, search_url, query, targets):
    for target in targets:
        reason = stub_reason(source_of(target))
        if reason:
            pytest.skip(reason)
    results = search(search_page, search_url, query)
    assert results, f"'{query}' vindt niets"
    assert results[0] in targets, f"'{query}': eerst {results[:3]}, verwacht {targets}"


@pytest.mark.parametrize("title,target", example_titles(), ids=[t for _, t in example_titles()])
def test_a_practice_example_is_found_first_by_its_title(search_page, search_url, title, target):
    results = search(search_page, search_url, title)
    assert results and results[0] == page_path(target), (
        f"'{title}': eerst {results[:3]}, verwacht {page_path(target)}")


def test_a_word_that_is_nowhere_finds_nothing(search_page, search_url):
    """The test above must be able to fail: nonsense finds no page."""
    page = search_page
    type_in_search(page, "xqzwvbnonsens")
    page.wait_for_function("() => /geen/i.test(document.querySelector('.md-search-result__meta').textContent)")
    assert page.locator(".md-search-result__item").count() == 0


def page_config(site_dir: Path) -> dict:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    assert match, ("Material's paginaconfiguratie (<script id=\"__config\">, block `config` in "
                   "material/templates/base.html) ontbreekt: overrides/main.html moet opnieuw bekeken worden")
    return json.loads(match.group(1))


def test_material_starts_our_worker(site_dir):
    """overrides/main.html points the "search" key of Material's page config
    at our worker, without naming Material's own (hashed) file."""
    config = page_config(site_dir)
    assert str(config.get("search", "")).endswith("assets/javascripts/workers/zoeken-nl.js"), (
        f"Material start niet onze zoekworker maar {config.get('search')!r}: de sleutel \"search\" in "
        "block `config` van material/templates/base.html is veranderd; pas overrides/main.html aan")
    assert (site_dir / "assets" / "javascripts" / "workers" / "zoeken-nl.js").is_file()
    assert (site_dir / "assets" / "javascripts" / "workers" / "stemmer-nl.js").is_file()


def test_dutch_strings_for_one_and_more_results(site_dir):
    translations = page_config(site_dir)["translations"]
    assert translations["search.result.one"] == "1 overeenkomend document"
    assert translations["search.result.other"] == "# overeenkomende documenten"
    assert translations["search.result.none"] == "Geen overeenkomende documenten"


def test_nothing_of_the_index_is_loaded_before_the_search_box_is_used(new_page, site_dir):
    page = new_page()
    loaded = []
    page.context.on("requestfinished", lambda r: loaded.append((r.url, r.sizes()["responseBodySize"])))
    page.goto("hoofdstukken/corona/")
    settle_simple(page)
    page.wait_for_timeout(500)
    index = [(url, size) for url, size in loaded if "/search/" in urlsplit(url).path]
    assert not [url for url, _ in index if "/search/nl/" in url], f"index geladen voor het zoeken: {index}"
    # Material itself fetches search_index.json: only the stub, without pages.
    assert all(size < 1024 for _, size in index), index
    stub = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["kinderwerk"]["index"] == "nl/"
    results = search(page, page.url.split("hoofdstukken/")[0], "corona")
    assert results
    assert any("/search/nl/kop.json" in url for url, _ in loaded), "de zoekworker laadde de index niet"
    assert any("/search/nl/woorden/" in url for url, _ in loaded), "de zoekworker laadde geen woordenlijst"
    # Nothing of the index twice (the page once fetched it into the cache
    # while the worker fetched it too).
    paths = [urlsplit(url).path for url, _ in loaded if "/search/nl/" in url]
    assert len(paths) == len(set(paths)), sorted(paths)


def test_focusing_the_box_loads_only_the_head_of_the_index(new_page):
    page = new_page()
    loaded = []
    page.context.on("requestfinished", lambda r: loaded.append(urlsplit(r.url).path))
    page.goto("")
    settle_simple(page)
    page.locator(".md-search__input").focus()
    page.wait_for_function("() => true")
    page.wait_for_timeout(800)
    index = [path.split("/search/nl/", 1)[1] for path in loaded if "/search/nl/" in path]
    assert index == ["kop.json"], f"bij focus geladen: {index}"


def test_a_synonym_search_says_what_it_searched_as_well(search_page, search_url):
    """'pandemie' is not on the site; the synonym list (data/zoeken/) adds
    'corona', and the results say so in Dutch."""
    results = search(search_page, search_url, "pandemie")
    assert results and results[0] == "hoofdstukken/corona/", results[:3]
    line = search_page.locator(".kw-zoek-ook")
    line.wait_for(state="visible")
    assert line.text_content().startswith("ook gezocht op: corona")
    # Another query without synonyms hides the line again.
    search(search_page, search_url, "huttendorp")
    search_page.wait_for_function("() => document.querySelector('.kw-zoek-ook').hidden")


def test_matches_are_highlighted_and_missing_words_named(search_page, search_url):
    results = search(search_page, search_url, "samenwerkingspartners xqzwvbnonsens")
    assert results, "als niet elk woord past, horen de beste gedeeltelijke treffers te komen"
    first = search_page.locator(".md-search-result__item").first
    assert first.locator("mark").count() > 0, "geen <mark> in het eerste resultaat"
    assert "xqzwvbnonsens" in first.locator(".md-search-result__terms del").all_text_contents()[0], (
        "Material hoort het ontbrekende woord te noemen (Ontbreekt: ...)")
    link = first.locator("a.md-search-result__link").first.get_attribute("href")
    assert "h=" in link, "de link naar het resultaat draagt de gevonden woorden voor markering (?h=)"


def test_a_title_with_markup_is_shown_as_text(search_page, search_url):
    results = search(search_page, search_url, "speelmiddag schuin vet")
    assert results and results[0] == f"praktijkvoorbeelden/{MARKUP_SLUG}/", results[:3]
    title = search_page.locator(".md-search-result__item").first.locator("h1").first
    assert title.locator("i, b, img, a").count() == 0, title.inner_html()
    assert "<i>schuin</i> & <b>vet</b> {: .md-button }" in title.text_content()
