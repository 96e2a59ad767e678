"""Content-Security-Policy (issue 8, SECURITY.md): every page carries one,
Chromium enforces it with zero violations while a reader uses the site, the
crawl of test_pages.py sees a violation when there is one, and a malicious
page that somehow got past the build runs no script and contacts no other host.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from kwbrowser import CSP_LISTENER_JS, SCHEMES, crawl_site, csp_violations, is_local, settle_simple

from kinderwerk import csp
from kinderwerk.browser import serve

pytestmark = pytest.mark.browser

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_has_an_exact_policy(site_dir):
    """On every page (404 too), right after the charset, with the hashes of
    exactly the inline scripts and styles that page has."""
    problems = []
    for path in html_files(site_dir):
        html = path.read_text(encoding="utf-8")
        found = META.findall(html)
        name = path.relative_to(site_dir).as_posix()
        if len(found) != 1:
            problems.append(f"{name}: {len(found)} CSP-meta's")
            continue
        head = html.split("<head>", 1)[1]
        if not re.match(r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', head):
            problems.append(f"{name}: CSP staat niet direct na <meta charset>")
        without = META.sub("", html)
        if found[0] != csp.policy(without).replace('"', "&quot;"):
            problems.append(f"{name}: de hashes passen niet bij de inline scripts/styles van de pagina")
        if "unsafe-inline" in found[0] or "unsafe-eval" in found[0]:
            problems.append(f"{name}: unsafe-inline/unsafe-eval")
    assert len(html_files(site_dir)) > 10
    assert not problems, "\n".join(problems)


def _use_the_page(page, path: str) -> None:
    """What a reader does: palette toggle, chart tabs, filters, search."""
    toggle = page.locator("form[data-md-component=palette] label:visible")
    if toggle.count():
        toggle.first.click()
        page.wait_for_timeout(50)
    for label in page.locator(".tabbed-labels label:visible").all()[:4]:
        label.click()
    form = page.locator("#kw-filter select")
    if form.count():
        first = form.first
        values = first.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
        if values:
            first.select_option(values[0])
        page.locator("#kw-filter-wis").click()
    if path == "":
        page.keyboard.press("s")  # Material's shortcut opens search
        page.locator("input[data-md-component=search-query]").fill("kinderwerk")
        page.wait_for_timeout(300)
        page.keyboard.press("Escape")


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_violation_while_using_every_page(chromium, base_url, page_paths, scheme):
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_LISTENER_JS)
    problems, checked = {}, 0
    try:
        for path in page_paths + ["bestaat-niet/"]:
            page = context.new_page()
            messages, foreign = [], []
            page.on("console", lambda m, messages=messages: messages.append(m.text)
                    if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text else None)
            page.on("request", lambda r, foreign=foreign: foreign.append(r.url) if not is_local(r.url, base_url) else None)
            page.goto(base_url + path)
            settle_simple(page)
            _use_the_page(page, path)
            page.wait_for_timeout(100)
            found = csp_violations(page) + messages + [f"verzoek naar {u}" for u in foreign]
            if found:
                problems[path or "/"] = found
            checked += 1
            page.close()
    finally:
        context.close()
    assert checked == len(page_paths) + 1
    assert not problems, "\n".join(f"{p}: {v}" for p, v in problems.items())


# ---------------------------------------------------------------------------
# A page the build would have refused, put into a built copy of the site
# ---------------------------------------------------------------------------

PAYLOADS = """
<img src="x" onerror="alert('onerror')">
<script>alert('script')</script>
<svg onload="alert('svg')"><circle r="1"></circle></svg>
<p><a id="kw-js" href="javascript:alert('link')">link</a></p>
<p><a id="kw-ping" href="#kw-ping-doel" ping="https://host.example/ping">ping</a></p>
<img src="https://host.example/remote.png" alt="">
<img src="x.png" srcset="https://host.example/srcset.png 2x" alt="">
<p style="background:url(https://host.example/style.png)">stijl</p>
<link rel="stylesheet" href="https://host.example/sheet.css">
<iframe src="https://host.example/frame"></iframe>
<object data="https://host.example/object"></object>
<pre class="mermaid">graph TD; A--&gt;B</pre>
<form action="https://host.example/form"><button id="kw-submit">verstuur</button></form>
<div id="kw-ping-doel"></div>
"""


# One inline script and one image from another host: the page still works
# (the payloads above stop Material's own script when mermaid cannot load).
MILD = """<script>alert('script')</script><img src="https://host.example/remote.png" alt="">"""


@pytest.fixture(scope="module")
def bad_site(site_dir, tmp_path_factory):
    """A copy of the site with payloads in the article of two examples, their
    policy written again by the build's own writer (csp.add_policy).
    Returns (folder, path of the page with PAYLOADS, path of the one with MILD)."""
    copy = tmp_path_factory.mktemp("kwaadaardig") / "site"
    shutil.copytree(site_dir, copy)
    examples = [p for p in sorted((copy / "praktijkvoorbeelden").glob("*/index.html"))
                if p.parent.name not in ("thema", "partner")]
    paths = []
    for example, payload in zip(examples[:2], (PAYLOADS, MILD), strict=True):
        html = example.read_text(encoding="utf-8")
        marker = '<article class="md-content__inner md-typeset">'
        assert marker in html
        example.write_text(csp.add_policy(html.replace(marker, marker + payload, 1)), encoding="utf-8")
        paths.append(example.relative_to(copy).parent.as_posix() + "/")
    return copy, paths[0], paths[1]


def test_malicious_page_runs_nothing_and_contacts_no_other_host(chromium, site_config, bad_site):
    from urllib.parse import urlsplit
    site, path, _ = bad_site
    with serve(site, urlsplit(site_config["site_url"]).path) as url:
        context = chromium.new_context()
        context.add_init_script(CSP_LISTENER_JS)
        page = context.new_page()
        dialogs, foreign = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        attempts, blocked_by_csp = [], []
        # Chromium reports a request the policy blocked as a request that failed
        # with "csp" (ERR_BLOCKED_BY_CSP): it never reached the network. Anything else
        # (a response, a DNS failure) means the browser tried to contact the host.
        page.on("request", lambda r: attempts.append(r.url) if not is_local(r.url, url) else None)
        page.on("requestfailed", lambda r: blocked_by_csp.append(r.url)
                if (r.failure or "") in ("csp", "net::ERR_BLOCKED_BY_CSP") else None)
        page.goto(url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(1000)
        for target in ("kw-js", "kw-ping", "kw-submit"):  # a reader clicks each
            page.evaluate(f"document.getElementById('{target}').click()")
            page.wait_for_timeout(200)
        page.wait_for_timeout(500)
        foreign = [u for u in attempts if u not in blocked_by_csp]
        violations = csp_violations(page)
        still_here = page.url.startswith(url + path)
        context.close()
    assert dialogs == [], dialogs
    assert foreign == [], foreign
    assert attempts, "the payloads asked for other hosts; the policy must be what stopped them"
    assert still_here, "het formulier stuurde de lezer naar een andere site"
    # The policy did the blocking (so this test fails if the policy is gone).
    blocked = " ".join(violations)
    for directive in ("script-src", "img-src", "style-src", "frame-src", "object-src",
                      "connect-src", "form-action"):
        assert directive in blocked, (directive, violations)
    assert "unpkg.com" in blocked, "mermaid from unpkg is blocked by the policy"


def test_the_crawl_reports_a_violation(chromium, site_config, bad_site):
    """The console-error check of test_pages.py sees CSP violations."""
    from urllib.parse import urlsplit
    site, _, path = bad_site
    with serve(site, urlsplit(site_config["site_url"]).path) as url:
        result = crawl_site(chromium, url, [path])
    errors = [e for visit in result.visits for e in visit.console_errors]
    assert any(e.startswith("CSP: script-src") for e in errors), errors
    assert any("img-src" in e and "host.example" in e for e in errors), errors
