"""The copy button after each chart's citation (docs/javascripts/citeer.js):
reached with Tab right after the citation's link, visibly focused, copies
the citation, and says so through a live region. Without scripts there is
no button and the citation is plain text."""
from __future__ import annotations

import pytest
from kwbrowser import settle_simple

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chart_page(site_dir) -> str:
    for index in sorted((site_dir / "hoofdstukken").glob("*/index.html")):
        if 'class="kw-cite"' in index.read_text(encoding="utf-8"):
            return f"hoofdstukken/{index.parent.name}/"
    pytest.fail("geen pagina met een bronvermelding onder een grafiek")


def test_copy_button_by_keyboard(new_page, chart_page):
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(chart_page)
    settle_simple(page)
    cite = page.locator(".kw-cite").first
    expected = " ".join(cite.inner_text().split())
    page.keyboard.press("Shift+Tab")  # keyboard modality, so :focus-visible applies
    cite.locator("a.kw-url").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const el = document.activeElement, s = getComputedStyle(el);
        return {cls: el.className, name: el.getAttribute('aria-label'), tag: el.tagName,
                outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")
    assert focused["tag"] == "BUTTON" and "kw-cite-copy" in focused["cls"], focused
    assert focused["name"] == "Kopieer de bronvermelding"
    assert focused["outline"] != "none" and focused["width"] >= 2, focused
    status = cite.locator("xpath=following-sibling::*[@role='status'][1]")
    assert status.inner_text() == ""
    page.keyboard.press("Enter")
    page.wait_for_function("(el) => el.textContent.trim() !== ''", arg=status.element_handle(), timeout=3000)
    assert status.inner_text() == "Gekopieerd"
    assert " ".join(page.evaluate("navigator.clipboard.readText()").split()) == expected
    assert expected.startswith("Kennisbank Kinderwerk. (") and "[Grafiek]." in expected


def test_without_scripts_the_citation_is_plain_selectable_text(chromium, base_url, chart_page):
    context = chromium.new_context(java_script_enabled=False, base_url=base_url)
    try:
        page = context.new_page()
        page.goto(chart_page)
        assert page.locator(".kw-cite-copy").count() == 0
        cite = page.locator(".kw-cite").first
        assert "[Grafiek]" in cite.inner_text()
        assert cite.evaluate("(el) => getComputedStyle(el).userSelect") != "none"
    finally:
        context.close()
