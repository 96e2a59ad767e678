"""Lists of practice examples stay light when there are many (issue 10,
point 5): a copy of the project with generated examples (our own, in a
temporary folder) shows the first batch as cards and the rest as one-line
entries that the filters still cover, and a chapter shows a few examples
per bar with a link to the overview, already filtered."""
from __future__ import annotations

import re

import pytest

from kinderwerk.examples import markup
from project_copy import copy_project, run_build

TEMPLATE = "docs/praktijkvoorbeelden/_sjabloon.md"


def generate(project, count: int) -> None:
    """``count`` copies of a real example, each with its own title and place."""
    source = sorted((project / "docs" / "praktijkvoorbeelden").glob("[a-z]*.md"))
    source = next(p for p in source if p.name != "index.md").read_text(encoding="utf-8")
    for i in range(count):
        text = re.sub(r"^titel: .*$", f"titel: Proefvoorbeeld {i:03d} uit Zwolberg", source, count=1, flags=re.M)
        (project / "docs" / "praktijkvoorbeelden" / f"proef-{i:03d}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def many(tmp_path_factory, warm_cache):
    project = copy_project(tmp_path_factory.mktemp("many") / "project", cache=warm_cache)
    generate(project, markup.FIRST_BATCH + 12)
    result = run_build(project, project.parent / "site", strict=False)
    assert result.returncode == 0, result.output[-3000:]
    return result.site


def test_overview_shows_a_first_batch_of_cards_and_every_example_in_short(many):
    html = (many / "praktijkvoorbeelden" / "index.html").read_text(encoding="utf-8")
    full = re.findall(r'<li class="kw-card" id="voorbeeld-([a-z0-9-]+)"', html)
    short = re.findall(r'<li class="kw-card kw-card--kort" id="voorbeeld-([a-z0-9-]+)"([^>]*)>', html)
    assert len(full) == markup.FIRST_BATCH
    assert len(full) + len(short) == len(set(full) | {s for s, _ in short})  # no example twice
    generated = {f"proef-{i:03d}" for i in range(markup.FIRST_BATCH + 12)}
    assert generated <= set(full) | {s for s, _ in short}, "the overview misses examples"
    for _, attributes in short:  # the filters cover the short entries too
        for facet in ("provincie", "thema", "werkvorm"):
            assert f'data-{facet}="' in attributes
    assert 'id="kw-voorbeelden-meer"' in html and "Meer voorbeelden (" in html


def test_chapter_shows_a_few_per_bar_and_links_to_the_filtered_overview(many):
    pages = {p: p.read_text(encoding="utf-8") for p in (many / "hoofdstukken").glob("*/index.html")}
    links = [link for html in pages.values()
             for link in re.findall(r'href="([^"]*praktijkvoorbeelden/\?(?:thema|partner)=[a-z_]+#alle-voorbeelden)"'
                                    r'>alle (\d+) bekijken', html)]
    assert links, "no chapter links to the filtered overview"
    for html in pages.values():
        for block in re.findall(r'<div class="kw-chapter-examples.*?</div>', html, re.S):
            for item in re.findall(r"<li>(.*?)</li>", block, re.S):
                assert len(re.findall(r'href="[^"]*proef-\d{3}/"', item)) <= markup.CHAPTER_FIRST, item[:200]


def test_tag_page_is_batched_too(many):
    sizes = []
    for page in (many / "praktijkvoorbeelden" / "thema").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        full = re.findall(r'<li class="kw-card" id=', html)
        assert len(full) <= markup.FIRST_BATCH
        sizes.append(len(full) + len(re.findall(r'<li class="kw-card kw-card--kort"', html)))
    assert max(sizes) >= markup.FIRST_BATCH + 12
