"""With many practice examples the overview shows them a batch at a time
(issue 10, point 5): first FIRST_BATCH, then "Toon er nog ..." adds the
next batch and moves the focus there; a filter from the address covers the
short entries too; without JavaScript every example is in view. On a copy
of the project with generated examples of our own (a temporary folder)."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from kwbrowser import settle_simple

from kinderwerk.examples import markup
from project_copy import copy_project, run_build
from test_example_paging import generate

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent

EXTRA = 12
VISIBLE_JS = """() => [...document.querySelectorAll('#kw-voorbeelden .kw-card, #kw-voorbeelden-meer .kw-card')]
  .filter((c) => c.checkVisibility()).map((c) => c.id)"""


@pytest.fixture(scope="module")
def many_url(tmp_path_factory, warm_cache):
    from kinderwerk.browser import serve
    project = copy_project(tmp_path_factory.mktemp("batches") / "project", cache=warm_cache)
    generate(project, markup.FIRST_BATCH + EXTRA)
    result = run_build(project, project.parent / "site", strict=False)
    assert result.returncode == 0, result.output[-3000:]
    prefix = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
    with serve(result.site, prefix) as url:
        yield url


def test_overview_shows_a_batch_then_more_on_request(chromium, many_url):
    context = chromium.new_context(base_url=many_url)
    page = context.new_page()
    page.goto("praktijkvoorbeelden/")
    settle_simple(page)
    total = page.locator(".kw-card").count()
    assert total >= markup.FIRST_BATCH + EXTRA
    assert len(page.evaluate(VISIBLE_JS)) == markup.FIRST_BATCH
    button = page.locator("button.kw-meer")
    assert button.is_visible(), "geen knop om meer voorbeelden te tonen"
    left = total - markup.FIRST_BATCH
    assert f"nog {min(left, markup.FIRST_BATCH)}" in button.text_content()
    button.click()
    assert len(page.evaluate(VISIBLE_JS)) == min(total, 2 * markup.FIRST_BATCH)
    focused = page.evaluate("document.activeElement.closest('.kw-card') && document.activeElement.closest('.kw-card').id")
    assert focused == page.evaluate(VISIBLE_JS)[markup.FIRST_BATCH], "de focus gaat niet naar het eerste nieuwe voorbeeld"
    context.close()


def test_a_filter_from_the_address_covers_the_short_entries(chromium, many_url):
    context = chromium.new_context(base_url=many_url)
    page = context.new_page()
    page.goto("praktijkvoorbeelden/")
    settle_simple(page)
    short = page.locator("#kw-voorbeelden-meer .kw-card").first
    thema = short.get_attribute("data-thema").split()[0]
    expected = page.evaluate(f"""() => [...document.querySelectorAll('.kw-card')]
        .filter((c) => c.dataset.thema.split(' ').includes('{thema}')).length""")
    page.goto(f"praktijkvoorbeelden/?thema={thema}#alle-voorbeelden")
    settle_simple(page)
    status = page.locator("#kw-filter-status").text_content()
    assert re.search(rf"\b{expected} van \d+", status), status
    context.close()


def test_without_javascript_every_example_is_in_view(chromium, many_url):
    context = chromium.new_context(base_url=many_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("praktijkvoorbeelden/")
    cards = page.locator(".kw-card")
    assert all(cards.nth(i).is_visible() for i in range(cards.count()))
    assert cards.count() >= markup.FIRST_BATCH + EXTRA
    context.close()
