"""The filters on the practice-example overview: choosing a value narrows the
list to exactly the examples that carry it, the address reflects the choice
(so it can be shared or bookmarked), opening that address restores it, and
"Wis filters" brings everything back.

Markup (scripts/kinderwerk/examples.py): form#kw-filter with one
select[data-kw-facet] per facet; cards li.kw-card with data-<facet>="a b".
"""
from __future__ import annotations

import pytest
from kwbrowser import settle_simple
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

OVERVIEW = "praktijkvoorbeelden/"

STATE_JS = r"""
() => {
  const cards = [...document.querySelectorAll('#kw-voorbeelden > li.kw-card')];
  const shown = (el) => el.checkVisibility({checkVisibilityCSS: true}) && el.getBoundingClientRect().height > 0;
  const facets = {};
  for (const s of document.querySelectorAll('#kw-filter select[data-kw-facet]')) facets[s.dataset.kwFacet] = s.value;
  return {
    form: !!document.querySelector('#kw-filter') && shown(document.querySelector('#kw-filter')),
    facets,
    cards: cards.map((c) => ({id: c.id, shown: shown(c), data: {...c.dataset}})),
    url: location.search + location.hash,
  };
}
"""


def _address_shows(page, value: str, when: str, present: bool = True) -> None:
    try:
        page.wait_for_function("([v, present]) => (location.search + location.hash).includes(v) === present",
                               arg=[value, present], timeout=5000)
    except PlaywrightTimeout:
        pytest.fail(f"{when}: het adres {'toont' if present else 'houdt'} '{value}' "
                    f"{'niet' if present else 'nog'} ({page.url})")


def _overview(page):
    page.goto(OVERVIEW)
    settle_simple(page)
    if not page.locator("#kw-filter select[data-kw-facet]").count():
        pytest.skip(f"{OVERVIEW} heeft (nog) geen filters (form#kw-filter)")
    return page.evaluate(STATE_JS)


def _choice(state, page):
    """A facet value that some but not all examples carry, or None."""
    for facet in state["facets"]:
        values = page.eval_on_selector_all(f'#kw-filter select[data-kw-facet="{facet}"] option',
                                           "os => os.map((o) => o.value).filter(Boolean)")
        for value in values:
            having = [c for c in state["cards"] if value in c["data"].get(facet, "").split()]
            if 0 < len(having) < len(state["cards"]):
                return facet, value, {c["id"] for c in having}
    return None


def test_filters_narrow_the_list_and_the_address_remembers(new_page):
    page = new_page()
    start = _overview(page)
    assert start["form"], "het filterformulier is niet zichtbaar (JavaScript toont het)"
    assert start["cards"] and all(c["shown"] for c in start["cards"]), "zonder filter horen alle voorbeelden er te staan"
    choice = _choice(start, page)
    if choice is None:
        pytest.skip("geen filterwaarde die een deel van de voorbeelden kiest (te weinig voorbeelden)")
    facet, value, expected = choice

    page.select_option(f'#kw-filter select[data-kw-facet="{facet}"]', value)
    _address_shows(page, value, f"na de keuze {facet}={value}")
    narrowed = page.evaluate(STATE_JS)
    shown = {c["id"] for c in narrowed["cards"] if c["shown"]}
    assert shown == expected, f"filter {facet}={value}: getoond {sorted(shown)}, verwacht {sorted(expected)}"
    assert facet in narrowed["url"] and value in narrowed["url"], narrowed["url"]
    status = page.locator("#kw-filter-status").inner_text()
    assert str(len(expected)) in status, f"de status noemt het aantal niet: {status!r}"

    # The address restores the choice in a fresh page.
    shared = new_page()
    shared.goto(OVERVIEW + narrowed["url"])
    settle_simple(shared)
    shared.wait_for_function("([f, v]) => document.querySelector(`#kw-filter select[data-kw-facet=\"${f}\"]`).value === v",
                             arg=[facet, value], timeout=5000)
    restored = shared.evaluate(STATE_JS)
    assert {c["id"] for c in restored["cards"] if c["shown"]} == expected

    # "Wis filters" shows everything again and clears the address.
    page.click("#kw-filter-wis")
    _address_shows(page, value, "na 'Wis filters'", present=False)
    cleared = page.evaluate(STATE_JS)
    assert all(c["shown"] for c in cleared["cards"]) and not any(cleared["facets"].values())


def test_filters_work_with_the_keyboard(new_page):
    page = new_page()
    start = _overview(page)
    choice = _choice(start, page)
    if choice is None:
        pytest.skip("geen filterwaarde die een deel van de voorbeelden kiest")
    facet, value, expected = choice
    select = page.locator(f'#kw-filter select[data-kw-facet="{facet}"]')
    select.focus()
    options = page.eval_on_selector_all(f'#kw-filter select[data-kw-facet="{facet}"] option',
                                        "os => os.map((o) => o.value)")
    for _ in range(options.index(value)):
        page.keyboard.press("ArrowDown")
    _address_shows(page, value, f"na pijltjes in {facet}")
    shown = {c["id"] for c in page.evaluate(STATE_JS)["cards"] if c["shown"]}
    assert shown == expected
