"""Every page, light and dark: axe-core finds nothing, the browser fetches only
from the local server with no failure or console error, and every chart's
bars and labels have enough contrast against the background actually shown.

All pages come from one visit per page and palette (the `crawl` fixture); each
test reads its part and lists every page that fails, not just the first.
"""
from __future__ import annotations

import pytest
from kwbrowser import SCHEMES, chart_contrast_problems, describe_violations, is_local, is_wcag

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("scheme", list(SCHEMES))]


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{page or '/'}:\n  " + "\n  ".join(lines) for page, lines in problems.items())


def test_palette_is_the_one_asked_for(crawl, scheme):
    wrong = {v.path: [f"schema {v.shown_scheme!r}, verwacht {SCHEMES[scheme]!r}"]
             for v in crawl.by_scheme(scheme) if v.shown_scheme != SCHEMES[scheme]}
    assert not wrong, _report(wrong)


def test_axe_wcag_a_and_aa(crawl, scheme):
    problems = {v.path: describe_violations([x for x in v.violations if is_wcag(x)])
                for v in crawl.by_scheme(scheme)}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, "axe-core (WCAG 2.0/2.1/2.2 A+AA):\n" + _report(problems)


def test_axe_best_practices(crawl, scheme):
    problems = {v.path: describe_violations([x for x in v.violations if not is_wcag(x)])
                for v in crawl.by_scheme(scheme)}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, "axe-core (best practices):\n" + _report(problems)


def test_no_request_leaves_the_local_server(crawl, scheme):
    problems = {v.path: sorted({u for u in v.requests if not is_local(u, crawl.base_url)})
                for v in crawl.by_scheme(scheme)}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, "verzoeken naar andere hosts:\n" + _report(problems)


def test_no_failed_request(crawl, scheme):
    problems = {v.path: v.failed for v in crawl.by_scheme(scheme) if v.failed}
    assert not problems, _report(problems)


def test_no_console_error(crawl, scheme):
    problems = {v.path: v.console_errors for v in crawl.by_scheme(scheme) if v.console_errors}
    assert not problems, _report(problems)


def test_pages_load(crawl, scheme):
    problems = {v.path: [f"status {v.status}"] for v in crawl.by_scheme(scheme)
                if v.status != (404 if v.path == "bestaat-niet/" else 200)}
    assert not problems, _report(problems)


def test_charts_have_contrast_against_the_page(crawl, scheme):
    visits = crawl.by_scheme(scheme)
    assert any(v.charts for v in visits), "geen enkele grafiek gevonden op de site"
    problems = {v.path: chart_contrast_problems(v.charts) for v in visits}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, _report(problems)
