"""Content rules of the site, checked on the Markdown sources and on the built site.

* No survey percentage is typed by hand: every figure comes from a macro.
* Citations point at entries of the Bronnen page, and every entry is cited.
* Every glossary term (includes/begrippen.md) shows as an <abbr> tooltip.
* Every page shows the charts it asks for: an SVG with role="img" and a table.

The built site comes from the session fixture ``built_site`` (tests/conftest.py):
one strict build of the whole site.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BRONNEN = DOCS / "bronnen.md"
GLOSSARY = ROOT / "includes" / "begrippen.md"
# Kept out of the build by `exclude_docs` in mkdocs.yml; not a page of the site.
NOT_BUILT = {DOCS / "praktijkvoorbeelden" / "_sjabloon.md"}

# The anchors every page may cite (fixed in the helpers' brief), plus the report itself.
REQUIRED_ENTRIES = {
    "sociaal-werk-nederland-2021", "hajer-2017", "ince-2018", "de-groot-2012", "hajer-2021",
    "skj-2019", "politie-2019", "metz-2011", "engzell-2020", "maastricht-umc-2020",
    "kindertelefoon-2021", "iresearch-2020",
}


# --- Helpers ------------------------------------------------------------------

def markdown_files() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if p not in NOT_BUILT)


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def blank_out(text: str, pattern: str) -> str:
    """Replace every match by spaces, keeping newlines, so line numbers still hold."""
    return re.sub(pattern, lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


def _jinja_comment() -> str:
    """Regex for a Jinja comment with the markers set in mkdocs.yml ({## ... ##} here;
    plain {# ... #} would also match Markdown ids such as `{#anker}`)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

    def marker(key: str, default: str) -> str:
        m = re.search(rf"^\s*{key}:\s*[\"']?([^\"'\s]+)", config, re.M)
        return re.escape(m.group(1) if m else default)

    return marker("j2_comment_start_string", "{#") + ".*?" + marker("j2_comment_end_string", "#}")


JINJA_COMMENT = _jinja_comment()


def without_templates(text: str) -> str:
    """The page text minus Jinja: {{ ... }}, {% ... %} and comments."""
    return blank_out(text, r"\{\{.*?\}\}|\{%.*?%\}|" + JINJA_COMMENT)


def built_page(site: Path, source: Path) -> Path:
    """docs/a/b.md -> site/a/b/index.html; docs/a/index.md -> site/a/index.html."""
    relative = source.relative_to(DOCS).with_suffix("")
    if relative.name == "index":
        return site / relative.parent / "index.html"
    return site / relative / "index.html"


class _Elements(HTMLParser):
    """Collects (tag, attributes) of every start tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def elements(page: Path) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.elements


def visible_text(page_html: str) -> str:
    """Text of a built page: no scripts, styles, SVG or tags; entities decoded."""
    text = re.sub(r"(?is)<(script|style|svg)\b.*?</\1>", " ", page_html)
    text = re.sub(r"(?s)<[^>]+>", " ", text)
    return html.unescape(text)


# --- 1. No percentage typed by hand ------------------------------------------------

PERCENTAGE = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:%|procent\b|percent\b)", re.IGNORECASE)


def hand_typed_percentages(path: Path) -> list[str]:
    text = without_templates(path.read_text(encoding="utf-8"))
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in PERCENTAGE.finditer(line):
            found.append(f"{rel(path)}:{number}: '{match.group(0)}'")
    return found


def test_percentage_pattern_catches_the_forms_used_in_the_report():
    for sample in ["ruim 90%", "52 procent", "9,2 procent", "ongeveer 2,5 %", "40 percent"]:
        assert PERCENTAGE.search(sample), sample
    for sample in ["150 kinderen", "Top 10 beschermende factoren", "honderd procent",
                   "{{ pct('a', 'b') }}", "{## oud: 52 procent ##}"]:
        assert not PERCENTAGE.search(without_templates(sample)), sample
    # A Markdown id is not a Jinja comment: the percentage between two ids still counts.
    assert PERCENTAGE.search(without_templates("## A {#a}\n52 procent\n## B {#b}\n"))


EXAMPLES = DOCS / "praktijkvoorbeelden"
REPORT = "Kinderwerk anno 2021"


def is_report_page(path: Path, examples: Path = EXAMPLES) -> bool:
    """A page that retells the report: every page outside the examples folder,
    the overview, and the examples whose source (`bron`) is the report. A
    contributed example may state figures from its own practice ("ruim 60%
    kwam terug"), so the report-only rules do not apply to it."""
    if path == DOCS / "bijdragen.md":
        return False  # the contributors' guide: its example figure is a contributor's own
    if path.parent != examples or path.name == "index.md":
        return True
    if path.name.startswith("_"):
        return False  # the copy-me template is not a page
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^bron:\s*(.+)$", text, re.M)
    return bool(match and REPORT in match.group(1))


def test_report_pages_are_recognised():
    assert is_report_page(DOCS / "index.md")
    assert not is_report_page(DOCS / "bijdragen.md")
    assert is_report_page(EXAMPLES / "index.md")
    assert not is_report_page(EXAMPLES / "_sjabloon.md")
    retold = [p for p in EXAMPLES.glob("*.md") if p.name not in ("index.md", "_sjabloon.md")]
    assert all(is_report_page(p) == (REPORT in p.read_text(encoding="utf-8")) for p in retold)


def test_contributed_example_may_state_its_own_figure(tmp_path):
    folder = tmp_path / "docs" / "praktijkvoorbeelden"
    folder.mkdir(parents=True)
    page = folder / "speeldorp-speeltuin.md"
    page.write_text("---\nbron: Gesprek met de kinderwerker, 2026\n---\n\nRuim 60% kwam terug.\n",
                    encoding="utf-8")
    assert PERCENTAGE.search(page.read_text(encoding="utf-8"))   # the pattern sees it ...
    assert not is_report_page(page, folder)             # ... but the rule is for report pages only
    page.write_text(page.read_text(encoding="utf-8").replace("Gesprek met de kinderwerker, 2026",
                                                             f"Sociaal Werk Nederland (2021). {REPORT}"),
                    encoding="utf-8")
    assert is_report_page(page, folder)


def test_no_survey_percentage_typed_by_hand():
    """Every percentage on a page that retells the report comes from a macro
    such as {{ pct(...) }}. Contributed examples are out of scope: their
    figures come from their own practice."""
    found = [hit for path in sorted(DOCS.rglob("*.md")) if is_report_page(path)
             for hit in hand_typed_percentages(path)]
    assert not found, (
        "Percentage met de hand getypt; gebruik {{ pct(...) }}, {{ label(...) }} of "
        "{{ wording(...) }}:\n" + "\n".join(found))


# --- 2. Citations and the Bronnen page ---------------------------------------------

# Inline links [tekst](../bronnen.md#anker) and reference definitions [x]: bronnen.md#anker
CITATION = re.compile(
    r"\]\(\s*<?(?P<path>[^)\s>#]*bronnen\.md)#(?P<anchor>[^)\s>]+)"
    r"|^\s*\[[^\]]+\]:\s*<?(?P<refpath>\S*bronnen\.md)#(?P<refanchor>[^\s>]+)",
    re.MULTILINE)


def citations() -> list[tuple[Path, int, str, str]]:
    """(file, line, link path, anchor) for every link to bronnen.md#..., outside bronnen.md."""
    found = []
    for path in markdown_files():
        if path == BRONNEN:
            continue
        text = path.read_text(encoding="utf-8")
        for m in CITATION.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            found.append((path, line, m.group("path") or m.group("refpath"),
                          m.group("anchor") or m.group("refanchor")))
    return found


@pytest.fixture(scope="module")
def bronnen_page(built_site) -> list[tuple[str, dict[str, str]]]:
    return elements(built_site / "bronnen" / "index.html")


@pytest.fixture(scope="module")
def bronnen_entries(bronnen_page) -> set[str]:
    """Ids of the reference entries (<div class="kw-bron" id="...">)."""
    return {attrs["id"] for _, attrs in bronnen_page
            if "kw-bron" in attrs.get("class", "").split() and attrs.get("id")}


def test_bronnen_page_has_every_required_entry(bronnen_entries):
    missing = REQUIRED_ENTRIES - bronnen_entries
    assert not missing, f"docs/bronnen.md mist de bron(nen): {sorted(missing)}"


def test_every_citation_points_to_an_anchor_on_the_bronnen_page(bronnen_page):
    anchors = {attrs["id"] for _, attrs in bronnen_page if attrs.get("id")}
    problems = []
    for path, line, link, anchor in citations():
        if (path.parent / link).resolve() != BRONNEN.resolve():
            problems.append(f"{rel(path)}:{line}: '{link}' wijst niet naar docs/bronnen.md")
        elif anchor not in anchors:
            problems.append(f"{rel(path)}:{line}: anker '#{anchor}' staat niet op de pagina Bronnen")
    assert not problems, "\n".join(problems)


def test_every_bronnen_entry_is_cited_elsewhere(bronnen_entries):
    cited = {anchor for _, _, _, anchor in citations()}
    uncited = sorted(bronnen_entries - cited)
    assert not uncited, (
        "Deze bronnen staan op de pagina Bronnen maar worden nergens anders aangehaald "
        f"(link naar bronnen.md#anker): {uncited}")


# --- 3. Glossary terms as tooltips --------------------------------------------------

ABBR_LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ ]*(?P<title>.+)$")


def glossary() -> dict[str, str]:
    terms = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if m := ABBR_LINE.match(line):
            terms[m.group("term")] = m.group("title").strip()
    return terms


def test_glossary_file_is_well_formed():
    lines = [line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.strip()]
    bad = [line for line in lines if not ABBR_LINE.match(line)]
    assert not bad, f"{rel(GLOSSARY)}: regels die geen afkorting zijn: {bad}"
    terms = [ABBR_LINE.match(line).group("term") for line in lines]
    doubles = sorted({t for t in terms if terms.count(t) > 1})
    assert not doubles, f"{rel(GLOSSARY)}: dubbele termen: {doubles}"
    assert len(terms) >= 10, f"{rel(GLOSSARY)}: te weinig termen ({len(terms)})"
    long = [t for t, title in glossary().items()
            if len(title) > 140 or re.search(r"[.!?]\s+\S", title)]
    assert not long, f"tooltip langer dan één korte zin: {long}"


def test_begrippen_page_is_alphabetical_with_an_anchor_per_term():
    headings = re.findall(r"^## (.+)$", (DOCS / "begrippen.md").read_text(encoding="utf-8"), re.M)
    without_id = [h for h in headings if not re.search(r"\{#[\w-]+\}\s*$", h)]
    assert not without_id, f"docs/begrippen.md: begrip zonder anker {{#...}}: {without_id}"
    names = [re.sub(r"\s*\{#.*\}\s*$", "", h) for h in headings]
    assert names == sorted(names, key=str.casefold), "docs/begrippen.md: begrippen niet op alfabet"


@pytest.fixture(scope="module")
def built_pages(built_site) -> dict[str, str]:
    return {str(p.relative_to(built_site)): p.read_text(encoding="utf-8")
            for p in sorted(built_site.rglob("*.html"))}


@pytest.mark.parametrize("term", sorted(glossary()))
def test_glossary_term_renders_as_abbr(term, built_pages):
    title = glossary()[term]
    word = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
    abbr = re.compile(rf'<abbr title="(?P<title>[^"]*)">{re.escape(html.escape(term, quote=False))}</abbr>')
    occurs = [name for name, page in built_pages.items() if word.search(visible_text(page))]
    assert occurs, f"'{term}' staat in {rel(GLOSSARY)} maar op geen enkele pagina"
    shown = [name for name in occurs
             if any(html.unescape(m.group("title")) == title
                    for m in abbr.finditer(built_pages[name]))]
    assert shown, (f"'{term}' staat op {occurs[:5]} maar nergens als "
                   f'<abbr title="{title}">; werkt de snippet-include nog?')


# --- 4. Charts on the pages that ask for them -------------------------------------

CHART_CALL = re.compile(r"\{\{-?\s*chart\(\s*['\"](?P<id>[^'\"]+)['\"]")
SVG_IMG = re.compile(r"<svg\b[^>]*\brole=\"img\"")


def chart_calls(path: Path) -> list[str]:
    """Literal chart("id") calls, outside {% raw %} blocks and Jinja comments."""
    text = blank_out(path.read_text(encoding="utf-8"),
                     r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}|" + JINJA_COMMENT)
    return [m.group("id") for m in CHART_CALL.finditer(text)]


CHAPTERS = sorted((DOCS / "hoofdstukken").glob("*.md"))
PAGES_WITH_CHARTS = sorted(set(CHAPTERS) | {p for p in markdown_files() if chart_calls(p)})


def test_there_are_chapters():
    assert len(CHAPTERS) == 7, [rel(p) for p in CHAPTERS]


@pytest.mark.parametrize("source", PAGES_WITH_CHARTS, ids=lambda p: rel(p))
def test_page_shows_its_charts(source, built_site):
    page = built_page(built_site, source)
    assert page.is_file(), f"{rel(source)}: geen gebouwde pagina {page.relative_to(built_site)}"
    text = page.read_text(encoding="utf-8")
    wanted = chart_calls(source)
    problems = []
    for chart_id in wanted:
        m = re.search(rf'<figure class="kw-chart" aria-labelledby="grafiek-{re.escape(chart_id)}">'
                      r"(?P<body>.*?)</figure>", text, re.S)
        if not m:
            problems.append(f"grafiek '{chart_id}' ontbreekt")
            continue
        if not SVG_IMG.search(m.group("body")):
            problems.append(f"grafiek '{chart_id}': geen <svg role=\"img\">")
        if "<table" not in m.group("body"):
            problems.append(f"grafiek '{chart_id}': geen <table>")
    if len(SVG_IMG.findall(text)) < len(wanted):
        problems.append(f"{len(wanted)} chart()-aanroepen maar {len(SVG_IMG.findall(text))} grafieken")
    if text.count("<table") < len(wanted):
        problems.append(f"{len(wanted)} chart()-aanroepen maar {text.count('<table')} tabellen")
    assert not problems, f"{rel(source)}: " + "; ".join(problems)


# --- Colofon ------------------------------------------------------------------

def test_colofon_uses_the_addresses_from_mkdocs_yml(built_site):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = re.search(r"^site_url:\s*(\S+)", config, re.M).group(1)
    repo_url = re.search(r"^repo_url:\s*(\S+)", config, re.M).group(1)
    text = (built_site / "colofon" / "index.html").read_text(encoding="utf-8")
    assert site_url in text, "het colofon noemt site_url niet (hoe je de site als bron noemt)"
    assert f'href="{repo_url.rstrip("/")}/issues"' in text, "het colofon linkt niet naar de issues"
    assert (ROOT / "LICENSE").is_file(), "LICENSE ontbreekt"
