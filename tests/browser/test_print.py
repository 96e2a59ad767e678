"""Printing (docs/stylesheets/print.css), in Chromium with print media
emulated, in both palettes: no navigation, a white page with dark text, and
each chart block shows its chart and then its table, never on top of each
other; links to other sites show their address."""
from __future__ import annotations

import re

import pytest
from kwbrowser import SCHEMES, parse_css_colour, ratio, settle_simple

pytestmark = pytest.mark.browser

PRINT_JS = r"""
() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, height: r.height, width: r.width}; };
  const seen = (el) => !!el && el.checkVisibility({checkVisibilityCSS: true}) && el.getBoundingClientRect().height > 0;
  const chrome = ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
                  '.md-search', '.md-top', '[data-md-component="palette"]', '.md-content__button'];
  const shown = chrome.filter((s) => [...document.querySelectorAll(s)].some(seen));
  const figures = [...document.querySelectorAll('figure.kw-chart')].map((fig) => {
    const svg = fig.querySelector('svg.kw-svg'), table = fig.querySelector('table.kw-table');
    return {id: fig.getAttribute('aria-labelledby'), chart: seen(svg), table: seen(table),
            chartBox: box(svg), tableBox: box(table),
            labels: seen(fig.querySelector('.tabbed-labels')),
            breakInside: getComputedStyle(svg).breakInside};
  });
  const p = document.querySelector('article p');
  return {scheme: document.body.getAttribute('data-md-color-scheme'), shown, figures,
          background: getComputedStyle(document.body).backgroundColor,
          text: getComputedStyle(p).color};
}
"""


@pytest.fixture(scope="module")
def chart_chapters(site_dir) -> list[str]:
    """Chapter pages with at least one chart (from the built HTML)."""
    found = [f"hoofdstukken/{p.parent.name}/" for p in sorted((site_dir / "hoofdstukken").glob("*/index.html"))
             if 'class="kw-chart"' in p.read_text(encoding="utf-8")]
    assert found, "geen hoofdstuk met een grafiek"
    return found


def _overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_printed_chapters_show_chart_then_table_on_white(new_page, chart_chapters, scheme):
    problems = []
    page = new_page(scheme=scheme)
    for path in chart_chapters:
        page.emulate_media(media="screen")
        page.goto(path)
        settle_simple(page)
        page.emulate_media(media="print")
        state = page.evaluate(PRINT_JS)
        if state["scheme"] != SCHEMES[scheme]:
            problems.append(f"{path}: palet {state['scheme']!r}, verwacht {SCHEMES[scheme]!r} (test zegt niets)")
        if state["shown"]:
            problems.append(f"{path}: zichtbaar bij afdrukken: {state['shown']}")
        if parse_css_colour(state["background"])[:3] != (255, 255, 255):
            problems.append(f"{path}: achtergrond {state['background']}, verwacht wit")
        if ratio(state["text"], "rgb(255, 255, 255)") < 4.5:
            problems.append(f"{path}: tekstkleur {state['text']} te licht op wit")
        for fig in state["figures"]:
            where = f"{path} {fig['id']}"
            if not (fig["chart"] and fig["table"]):
                problems.append(f"{where}: grafiek {fig['chart']}, tabel {fig['table']}: beide moeten zichtbaar zijn")
            elif _overlap(fig["chartBox"], fig["tableBox"]):
                problems.append(f"{where}: grafiek en tabel overlappen: {fig['chartBox']} / {fig['tableBox']}")
            elif fig["chartBox"]["bottom"] > fig["tableBox"]["top"]:
                problems.append(f"{where}: de tabel staat niet onder de grafiek")
            if fig["labels"]:
                problems.append(f"{where}: de tabnamen (Grafiek, Tabel) worden afgedrukt")
            if fig["breakInside"] != "avoid":
                problems.append(f"{where}: de grafiek kan over twee pagina's breken ({fig['breakInside']})")
    assert not problems, "\n".join(problems)


def test_on_screen_the_tabs_still_show_one_panel(new_page, chart_chapters):
    """The print rules stay out of the screen: there the table waits in its tab."""
    page = new_page()
    page.goto(chart_chapters[0])
    settle_simple(page)
    state = page.evaluate(PRINT_JS)
    assert state["figures"] and all(f["chart"] and not f["table"] for f in state["figures"]), state["figures"]
    assert ".md-header" in state["shown"]


def test_printed_links_show_their_address(new_page, site_dir):
    """Links to other sites get their address after them; the citation's
    link, whose text is the address already, does not."""
    page_path = next(f"{p.parent.relative_to(site_dir).as_posix()}/" for p in sorted(site_dir.rglob("index.html"))
                     if re.search(r'<article.*<a href="https://(?!kinderwerk-kennisbank)', p.read_text(encoding="utf-8"), re.S))
    page = new_page()
    page.goto(page_path)
    settle_simple(page)
    page.emulate_media(media="print")
    after = page.evaluate("""() => [...document.querySelectorAll('article a[href^="http"]')].map((a) =>
        ({href: a.getAttribute('href'), url: a.classList.contains('kw-url'),
          after: getComputedStyle(a, '::after').content}))""")
    external = [a for a in after if not a["url"]]
    assert external, page_path
    for link in external:
        assert link["after"] == '" (" attr(href) ")"' or link["href"] in link["after"], link
    page.emulate_media(media="screen")
    on_screen = page.evaluate("""() => getComputedStyle(document.querySelector('article a[href^="http"]'), '::after').content""")
    assert on_screen in ("none", "normal", '""') or "http" not in on_screen
