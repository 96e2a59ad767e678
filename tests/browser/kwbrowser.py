"""Helpers for the browser tests: launch Chromium, visit every page once per
palette, run axe-core, and measure the colours a reader actually sees.

Plain functions; the fixtures that use them are in conftest.py.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT

from kinderwerk.browser import launch  # noqa: F401 (re-exported for the tests)
from kinderwerk.palette import contrast

# Emulated prefers-color-scheme -> the Material scheme the page must then show.
SCHEMES = {"light": "default", "dark": "slate"}
DESKTOP = {"width": 1280, "height": 900}

# axe-core tags: WCAG 2.0, 2.1 and 2.2, levels A and AA. Best practices are run
# too (Lighthouse scores several of them) and reported separately.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS + ["best-practice"]},
               "resultTypes": ["violations"]}
# The rules whose outcome depends on the palette (the others read the DOM).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_COLOUR_OPTIONS = {"runOnly": {"type": "rule", "values": COLOUR_RULES},
                      "resultTypes": ["violations"]}

# WCAG 1.4.11 (bars, hatching) and 1.4.3 (chart text is small text).
MIN_GRAPHIC_CONTRAST = 3.0
MIN_TEXT_CONTRAST = 4.5

# Every Content-Security-Policy violation, as the page sees it (Chromium also
# logs one as a console error; this catches those it does not log). Runs in
# every page before its own scripts; read and emptied by csp_violations().
CSP_LISTENER_JS = """
window.__kwCspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__kwCspViolations.push(
    `CSP: ${e.violatedDirective} blokkeerde ${e.blockedURI || 'inline'}` +
    (e.sample ? ` (${e.sample.slice(0, 60)})` : '') +
    (e.sourceFile ? ` in ${e.sourceFile}:${e.lineNumber}` : ''));
}, true);
"""


def csp_violations(page) -> list[str]:
    """The CSP violations the page saw since the last call (CSP_LISTENER_JS)."""
    return page.evaluate("() => (window.__kwCspViolations || []).splice(0)")


MISSING_PAGE = "bestaat-niet/"
QUIET_SECONDS = 0.15
# Material's search shows this text until its worker has built the index.
SEARCH_READY_JS = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return !meta || !/initialiseren/i.test(meta.textContent);
}"""


# ---------------------------------------------------------------------------
# Colours
# ---------------------------------------------------------------------------

_RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")


def parse_css_colour(text: str) -> tuple[float, float, float, float]:
    """'rgb(1, 2, 3)' / 'rgba(1, 2, 3, 0.5)' / '#rrggbb' -> (r, g, b, alpha)."""
    text = text.strip()
    if text.startswith("#") and len(text) == 7:
        return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16), 1.0)
    match = _RGB.fullmatch(text)
    if not match:
        raise ValueError(f"kleur niet te lezen: {text!r}")
    r, g, b, a = match.groups()
    alpha = 1.0 if a is None else (float(a[:-1]) / 100 if a.endswith("%") else float(a))
    return (float(r), float(g), float(b), alpha)


def over(colour: str, background: str) -> str:
    """``colour`` painted over an opaque ``background``, as '#rrggbb'."""
    r, g, b, a = parse_css_colour(colour)
    br, bg, bb, _ = parse_css_colour(background)
    mix = [round(a * c + (1 - a) * d) for c, d in ((r, br), (g, bg), (b, bb))]
    return "#" + "".join(f"{max(0, min(255, c)):02x}" for c in mix)


def ratio(colour: str, background: str) -> float:
    """Contrast of a (possibly translucent) colour against an opaque background."""
    return contrast(over(colour, background), over(background, "#ffffff"))


# What the page shows behind each chart, and the colours inside it. Runs in the page.
CHART_COLOURS_JS = r"""
() => {
  const opaque = (c) => c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (opaque(c)) return c;
    }
    return 'rgb(255, 255, 255)';  // the canvas
  };
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  return [...document.querySelectorAll('svg.kw-svg')].map((svg) => {
    const bg = background(svg);
    const bars = [];
    for (const path of svg.querySelectorAll('[id*="patch_"] path')) {
      const fill = getComputedStyle(path).fill;
      if (!fill || fill === 'none') continue;
      const url = fill.match(/url\("?#([^")]+)"?\)/);
      if (url) {
        const pattern = svg.getElementById ? svg.getElementById(url[1]) : document.getElementById(url[1]);
        if (!pattern) { bars.push({missing: url[1]}); continue; }
        const parts = [...pattern.children].map((c) => {
          const s = getComputedStyle(c);
          return {tag: c.tagName, fill: s.fill, stroke: s.stroke};
        });
        bars.push({pattern: url[1], parts});
      } else {
        bars.push({fill});
      }
    }
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
      .map((t) => ({text: t.textContent.trim(), fill: getComputedStyle(t).fill,
                    opacity: getComputedStyle(t).opacity}));
    const figure = svg.closest('figure');
    return {chart: figure ? figure.getAttribute('aria-labelledby') : svg.id,
            visible: visible(svg), background: bg, bars, texts};
  });
}
"""


def chart_contrast_problems(charts: list[dict]) -> list[str]:
    """Every bar, hatch and label below its minimum contrast, as readable lines."""
    problems = []
    for chart in charts:
        name, bg = chart["chart"], chart["background"]
        if not chart["visible"]:
            problems.append(f"{name}: grafiek niet zichtbaar (tab Grafiek hoort open te staan)")
            continue
        if not chart["bars"]:
            problems.append(f"{name}: geen staven gevonden")
        for bar in chart["bars"]:
            if "missing" in bar:
                problems.append(f"{name}: patroon #{bar['missing']} ontbreekt")
                continue
            if "fill" in bar:
                fills, hatches = [bar["fill"]], []
            else:
                # A hatched bar: the pattern's rect is the bar, its path the hatching.
                fills = [p["fill"] for p in bar["parts"] if p["tag"] == "rect" and p["fill"] != "none"]
                hatches = [p["stroke"] for p in bar["parts"] if p["tag"] == "path" and p["stroke"] != "none"]
                if not fills:
                    problems.append(f"{name}: patroon {bar['pattern']} zonder vlak")
            for fill in fills:
                r = ratio(fill, bg)
                if r < MIN_GRAPHIC_CONTRAST:
                    problems.append(f"{name}: staaf {fill} op achtergrond {bg}: {r:.2f}:1 < 3:1")
                for hatch in hatches:
                    h = ratio(hatch, over(fill, bg))
                    if h < MIN_GRAPHIC_CONTRAST:
                        problems.append(f"{name}: arcering {hatch} op staaf {fill}: {h:.2f}:1 < 3:1")
        if not chart["texts"]:
            problems.append(f"{name}: geen tekst in de grafiek")
        for text in chart["texts"]:
            fill = text["fill"]
            if float(text["opacity"]) < 1:
                r_, g_, b_, a_ = parse_css_colour(fill)
                fill = f"rgba({r_}, {g_}, {b_}, {a_ * float(text['opacity'])})"
            r = ratio(fill, bg)
            if r < MIN_TEXT_CONTRAST:
                problems.append(f"{name}: tekst '{text['text']}' {text['fill']} op {bg}: "
                                f"{r:.2f}:1 < {MIN_TEXT_CONTRAST}:1")
    return problems


# ---------------------------------------------------------------------------
# One visit per page and palette
# ---------------------------------------------------------------------------

@dataclass
class Visit:
    path: str
    scheme: str
    shown_scheme: str = ""
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)
    charts: list[dict] = field(default_factory=list)


@dataclass
class Crawl:
    base_url: str
    visits: list[Visit]

    def by_scheme(self, scheme: str) -> list[Visit]:
        return [v for v in self.visits if v.scheme == scheme]


def is_local(url: str, base_url: str) -> bool:
    parts, base = urlsplit(url), urlsplit(base_url)
    if parts.scheme in ("data", "blob", "about"):
        return True  # not a network request
    return parts.scheme in ("http", "https") and parts.hostname == base.hostname


class _Visitor:
    """One page in a new tab (so a new sessionStorage, where Material caches
    what it fetched once), recording every request, failure and console error.

    The page loads once, in the light palette, and gets every check. Then the
    browser's colour scheme turns dark: Material's automatic palette switches
    the page to slate by itself (that is checked too), and the checks whose
    outcome depends on colour run again: axe's colour rules and the chart
    contrast. The rest of axe looks at the DOM, which the palette leaves alone."""

    def __init__(self, context, base_url: str, path: str):
        self.path = path
        self.results = {scheme: Visit(path, scheme) for scheme in SCHEMES}
        self.current = self.results["light"]
        self.url = url = base_url + path
        self.page = page = context.new_page()
        expected = 404 if path == MISSING_PAGE else 200

        def on_response(response):
            if response.status >= 400 and not (response.url == url and response.status == expected):
                self.current.failed.append(f"{response.status} {response.url}")

        def on_console(message):
            if message.type != "error":
                return
            where = message.location.get("url", "")
            if path == MISSING_PAGE and where == url and "404" in message.text:
                return  # Chromium logs the expected 404 of the missing page itself
            self.current.console_errors.append(f"{message.text} ({where})")

        self.inflight, self.last_activity = 0, time.monotonic()

        def on_request(request):
            self.current.requests.append(request.url)
            self.inflight += 1
            self.last_activity = time.monotonic()

        def on_done(request):
            self.inflight -= 1
            self.last_activity = time.monotonic()

        def on_failed(request):
            self.current.failed.append(f"{request.failure} {request.url}")
            on_done(request)

        page.on("request", on_request)
        page.on("requestfinished", on_done)
        page.on("requestfailed", on_failed)
        page.on("response", on_response)
        page.on("console", on_console)
        page.on("pageerror", lambda error: self.current.console_errors.append(f"uncaught: {error}"))

    def start(self):
        response = self.page.goto(self.url, wait_until="commit")
        for result in self.results.values():
            result.status = response.status if response else None

    def _check(self, result: Visit, axe_options: dict) -> None:
        page = self.page
        result.console_errors += csp_violations(page)
        result.shown_scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        result.violations = page.evaluate("options => axe.run(document, options)",
                                          axe_options)["violations"]
        result.charts = page.evaluate(CHART_COLOURS_JS)

    def finish(self) -> list[Visit]:
        page = self.page
        light, dark = self.results["light"], self.results["dark"]
        try:
            settle(page, self)
            page.evaluate(AXE_SCRIPT)
            self._check(light, AXE_OPTIONS)
            # Everything before the switch counts for both palettes.
            dark.requests, dark.failed, dark.console_errors = (
                list(light.requests), list(light.failed), list(light.console_errors))
            self.current = dark
            page.emulate_media(color_scheme="dark")
            try:
                page.wait_for_function(
                    f"() => document.body.getAttribute('data-md-color-scheme') === '{SCHEMES['dark']}'",
                    timeout=3000)
            except Exception:  # noqa: BLE001 -- reported by test_palette_is_the_one_asked_for
                pass
            page.wait_for_timeout(50)  # Material's colour transitions
            self._check(dark, AXE_COLOUR_OPTIONS)
        finally:
            page.close()
        return [light, dark]


def settle(page, tracker, quiet: float = QUIET_SECONDS, timeout: float = 15.0) -> None:
    """Wait until the page has loaded, search is ready (its worker answered;
    it loads no index until the reader searches) and no request has been open for ``quiet``
    seconds. Like Playwright's "networkidle", which always waits 0.5 s."""
    page.wait_for_load_state("load")
    page.wait_for_function(SEARCH_READY_JS, timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    while tracker.inflight > 0 or time.monotonic() - tracker.last_activity < quiet:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page.url}: het netwerk wordt niet stil")
        page.wait_for_timeout(25)


def settle_simple(page, timeout: float = 15.0) -> None:
    """Loaded, and search ready (its worker no longer changes the page)."""
    page.wait_for_load_state("load")
    page.wait_for_function(SEARCH_READY_JS, timeout=timeout * 1000)


def crawl_site(browser, base_url: str, paths: list[str]) -> Crawl:
    """Visit every path, in both palettes, one tab after the other (a tab in
    the background gets no animation frames, so loading several at once is
    slower, not faster)."""
    visits = []
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    context.add_init_script(CSP_LISTENER_JS)
    try:
        for path in paths:
            visitor = _Visitor(context, base_url, path)
            visitor.start()
            visits += visitor.finish()
    finally:
        context.close()
    return Crawl(base_url, visits)


def describe_violations(violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        nodes = v["nodes"]
        where = "; ".join(", ".join(n["target"]) if isinstance(n["target"][0], str)
                          else str(n["target"]) for n in nodes[:3])
        more = f" (+{len(nodes) - 3})" if len(nodes) > 3 else ""
        summary = nodes[0].get("failureSummary", "").replace("\n", " ")[:200] if nodes else ""
        lines.append(f"{v['id']} [{v['impact']}]: {v['help']} -> {where}{more}. {summary}")
    return lines


def is_wcag(violation: dict) -> bool:
    return any(tag in WCAG_TAGS for tag in violation.get("tags", []))
