"""Every chart on every page: the Grafiek/Tabel tabs switch with the mouse and
with the keyboard, and the table shows the same numbers as data/*.csv.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from kwbrowser import settle_simple

from kinderwerk.datasets import load_all

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent

# State of one chart block: which tab is checked and what can be seen.
STATE_JS = r"""
(id) => {
  const fig = document.querySelector(`figure.kw-chart[aria-labelledby="grafiek-${id}"]`);
  const seen = (el) => !!el && el.checkVisibility({checkVisibilityCSS: true}) && el.getBoundingClientRect().height > 0;
  const radios = [...fig.querySelectorAll('.tabbed-set > input[type=radio]')];
  return {checked: radios.findIndex((r) => r.checked), focused: radios.indexOf(document.activeElement),
          chart: seen(fig.querySelector('svg.kw-svg')), table: seen(fig.querySelector('table.kw-table'))};
}
"""

ROWS_JS = r"""
(id) => {
  const table = document.querySelector(`figure.kw-chart[aria-labelledby="grafiek-${id}"] table.kw-table`);
  return [...table.tBodies[0].rows].map((row) => {
    const cell = row.querySelector('td.kw-num');
    return [row.querySelector('th').innerText.trim(), (cell.firstChild ? cell.firstChild.textContent : '').trim()];
  });
}
"""


@pytest.fixture(scope="session")
def datasets():
    return load_all(ROOT / "data")


@pytest.fixture(scope="session")
def chart_pages(site_dir, page_paths) -> dict[str, list[str]]:
    """Page path -> ids of the charts on it (from the built HTML)."""
    import re
    found = {}
    for path in page_paths:
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        ids = re.findall(r'<figure class="kw-chart" aria-labelledby="grafiek-([a-z0-9_]+)"', html)
        if ids:
            found[path] = ids
    return found


def _state(page, chart_id):
    return page.evaluate(STATE_JS, chart_id)


def test_there_are_charts(chart_pages):
    assert chart_pages, "geen enkele grafiek op de site"


def test_tabs_switch_with_the_mouse(new_page, chart_pages):
    problems = []
    page = new_page()
    for path, ids in chart_pages.items():
        page.goto(path)
        settle_simple(page)
        for chart_id in ids:
            figure = page.locator(f'figure.kw-chart[aria-labelledby="grafiek-{chart_id}"]')
            start = _state(page, chart_id)
            if not (start["checked"] == 0 and start["chart"] and not start["table"]):
                problems.append(f"{path}{chart_id}: begint niet op Grafiek: {start}")
            figure.locator(".tabbed-labels > label", has_text="Tabel").click()
            table = _state(page, chart_id)
            figure.locator(".tabbed-labels > label", has_text="Grafiek").click()
            back = _state(page, chart_id)
            if not (table["table"] and not table["chart"]):
                problems.append(f"{path}{chart_id}: klik op Tabel toont de tabel niet: {table}")
            if not (back["chart"] and not back["table"]):
                problems.append(f"{path}{chart_id}: klik op Grafiek toont de grafiek niet: {back}")
    assert not problems, "\n".join(problems)


def test_tabs_switch_with_the_keyboard(new_page, chart_pages):
    """Tab from the chart's heading lands on the tabs; the arrow keys switch."""
    problems = []
    page = new_page()
    for path, ids in chart_pages.items():
        page.goto(path)
        settle_simple(page)
        for chart_id in ids:
            page.keyboard.press("Shift+Tab")  # keyboard modality
            page.locator(f"#grafiek-{chart_id} > a.headerlink").focus()
            page.keyboard.press("Tab")
            on_tabs = _state(page, chart_id)
            page.keyboard.press("ArrowRight")
            table = _state(page, chart_id)
            page.keyboard.press("ArrowLeft")
            back = _state(page, chart_id)
            if on_tabs["focused"] != 0:
                problems.append(f"{path}{chart_id}: Tab na de kop komt niet op de tab Grafiek: {on_tabs}")
            elif not (table["checked"] == 1 and table["table"] and not table["chart"]):
                problems.append(f"{path}{chart_id}: pijl rechts toont de tabel niet: {table}")
            elif not (back["checked"] == 0 and back["chart"] and not back["table"]):
                problems.append(f"{path}{chart_id}: pijl links toont de grafiek niet: {back}")
    assert not problems, "\n".join(problems)


def test_tables_hold_the_numbers_of_the_data(new_page, chart_pages, datasets):
    problems, checked = [], 0
    page = new_page()
    for path, ids in chart_pages.items():
        page.goto(path)
        settle_simple(page)
        for chart_id in ids:
            page.locator(f'figure.kw-chart[aria-labelledby="grafiek-{chart_id}"] .tabbed-labels > label',
                         has_text="Tabel").click()
            shown = page.evaluate(ROWS_JS, chart_id)
            data = datasets[chart_id]
            expected = [[o.label, data.label(o.id)] for o in data.options]
            if shown != expected:
                problems.append(f"{path}{chart_id}:\n  tabel: {shown}\n  data:  {expected}")
            checked += 1
    assert checked and not problems, "\n".join(problems)
