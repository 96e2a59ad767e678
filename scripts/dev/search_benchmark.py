"""Search benchmark (issue 10): quality, transfer and latency of the site's
search, through Material's own search box in Chromium. A script, not a test.

    python scripts/dev/search_benchmark.py [--site DIR] [--examples 1000] [--queries FILE]

Without --site it builds the site (into a temporary folder). With
--examples N it builds a copy of the project with N varied generated
practice examples (scripts/dev/example_generator.py) and measures that.

Prints:
* hit@1, hit@3, MRR and the number of empty results over the queries in
  tests/search_queries.yml, per category and in total;
* gzipped bytes of search files downloaded before the reader touches the
  search box, and bytes downloaded for the first search;
* time to the first result, with 4x CPU throttling and a slow-4G profile
  (150 ms round trip, 1.6 Mbit/s shared by all requests, at the local server;
  CPU throttling through the Chrome DevTools Protocol):
  from focusing the search box, and from the start of the page load when the
  reader types as soon as the page has loaded.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from example_generator import add_varied_examples
from kinderwerk.browser import CHROMIUM, CHROMIUM_ARGS, serve
from kinderwerk.dutch import format_number
from project_copy import ROOT, copy_project, run_build

QUERIES = ROOT / "tests" / "search_queries.yml"
LATENCY_QUERIES = ["huttendorpen", "kinderen", "samenwerkingspatners"]
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
           "uploadThroughput": 750_000 / 8}
CPU_SLOWDOWN = 4
TYPING_PAUSE = 1000  # ms between focusing the box and the query being typed (second series)
RESULT_ITEMS = ".md-search-result__list > li.md-search-result__item"


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- Driving Material's search box (shared with tests/browser/test_search.py) --

def clear_search(page) -> None:
    box = page.locator(".md-search__input")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function(
        "() => /typ om/i.test(document.querySelector('.md-search-result__meta').textContent)")


def search(page, base_url: str, query: str, timeout: float = 15_000) -> list[str]:
    """Type ``query`` in Material's search box; the result pages, best first,
    as paths below ``base_url`` ("" is the home page)."""
    clear_search(page)
    page.locator(".md-search__input").fill(query)
    page.keyboard.press("End")  # Material searches on key events
    page.wait_for_function(
        "() => /overeenkom/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=timeout)
    # One entry per page: the first link of each result (the others are its sections).
    hrefs = page.eval_on_selector_all(
        RESULT_ITEMS, "items => items.map((li) => li.querySelector('a.md-search-result__link').href)")
    base = urlsplit(base_url).path
    return [urlsplit(urljoin(page.url, href)).path.removeprefix(base) for href in hrefs]


# --- Quality ------------------------------------------------------------------

def quality(browser, base_url: str, queries: list[dict]) -> list[dict]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    page = context.new_page()
    page.goto("")
    page.wait_for_load_state("load")
    rows = []
    for case in queries:
        results = search(page, base_url, str(case["query"]))
        rank = next((i + 1 for i, path in enumerate(results) if path in case["pages"]), None)
        rows.append({**case, "results": results[:3], "rank": rank, "count": len(results)})
    context.close()
    return rows


def summary(rows: list[dict]) -> dict:
    n = len(rows)
    return {"n": n,
            "hit1": sum(r["rank"] == 1 for r in rows),
            "hit3": sum(r["rank"] is not None and r["rank"] <= 3 for r in rows),
            "mrr": sum(1 / r["rank"] for r in rows if r["rank"]) / n if n else 0.0,
            "empty": sum(r["count"] == 0 for r in rows)}


# --- Transfer and latency -------------------------------------------------------

WATCH_JS = """() => {
  window.__kw = {focus: null, typed: null, result: null, empty: false};
  const box = document.querySelector('.md-search__input');
  box.addEventListener('focus', () => { window.__kw.focus = performance.now(); }, {once: true});
  box.addEventListener('keyup', () => {
    if (window.__kw.typed === null && box.value) window.__kw.typed = performance.now();
  });
  const output = document.querySelector('.md-search-result');
  const meta = output.querySelector('.md-search-result__meta');
  new MutationObserver(() => {
    if (window.__kw.result !== null) return;
    if (output.querySelector('.md-search-result__item')) {
      window.__kw.result = performance.now();
    } else if (/geen/i.test(meta.textContent) && box.value) {
      window.__kw.result = performance.now();  // an answer, but an empty one
      window.__kw.empty = true;
    }
  }).observe(output, {childList: true, subtree: true, characterData: true});
}"""


def is_search_file(url: str) -> bool:
    """The search index and everything the search loads, but not the theme's code."""
    return "/search/" in urlsplit(url).path


class _SlowLink:
    """A slow-4G link at the server: every answer waits one round trip, and
    all answers share 1.6 Mbit/s. Done at the server because Chromium's own
    network emulation (CDP) throttles the page's requests but not those of
    the search worker."""
    round_trip = SLOW_4G["latency"] / 1000
    bytes_per_second = SLOW_4G["downloadThroughput"]
    lock = threading.Lock()
    free_at = 0.0

    @classmethod
    def wait_for(cls, size: int) -> None:
        with cls.lock:
            start = max(time.monotonic(), cls.free_at)
            cls.free_at = start + size / cls.bytes_per_second
            until = cls.free_at
        time.sleep(max(0.0, until - time.monotonic()))


@contextlib.contextmanager
def serve_slowly(site: Path, prefix: str):
    """Like browser.serve (gzip on), through a _SlowLink."""
    from kinderwerk import browser as browser_module

    class Handler(browser_module._QuietHandler):
        def send_head(self):
            time.sleep(_SlowLink.round_trip)
            return super().send_head()

        def end_headers(self):
            self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages sends it
            super().end_headers()

        def copyfile(self, source, outputfile):
            while True:
                chunk = source.read(8192)
                if not chunk:
                    break
                _SlowLink.wait_for(len(chunk))
                outputfile.write(chunk)

    original = browser_module._QuietHandler
    browser_module._QuietHandler = Handler
    try:
        with serve(site, prefix, compress=True) as url:
            yield url
    finally:
        browser_module._QuietHandler = original


def first_search(browser, base_url: str, query: str, pause: int = 0) -> dict:
    """One fresh visit on a phone with a 4x slower CPU: load the home page,
    note what was downloaded, then focus the search box, wait ``pause`` ms
    (a reader starting to type) and type ``query`` at once. Transfer:
    encoded (gzip) body bytes, page and worker."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, base_url=base_url,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    done = []
    context.on("requestfinished", lambda r: done.append((r.url, r.sizes()["responseBodySize"])))
    page.goto("", wait_until="load")
    page.wait_for_timeout(2000)  # anything the page loads by itself after "load"
    before = list(done)
    page.evaluate(WATCH_JS)
    # On a phone the search box opens behind the magnifier in the header.
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():
        opener.click()
    box = page.locator(".md-search__input")
    box.focus()
    if pause:
        page.wait_for_timeout(pause)
    at_typed = len(done)
    box.fill(query)
    page.keyboard.press("End")
    page.wait_for_function("() => window.__kw.result !== null", timeout=60_000)
    page.wait_for_timeout(500)  # requests still finishing for this search
    timing = page.evaluate("() => window.__kw")
    after = done[len(before):]
    focus = done[len(before):at_typed]
    paths = [urlsplit(url).path for url, _ in done if is_search_file(url)]
    result = {
        "focus": sum(size for _, size in focus),
        "after_typed": sum(size for _, size in done[at_typed:]),
        "twice": sorted({p for p in paths if paths.count(p) > 1}),
        "query": query,
        "search_before_focus": sum(size for url, size in before if is_search_file(url)),
        "search_files_before_focus": sorted({urlsplit(url).path.rsplit("/search/", 1)[-1]
                                             for url, _ in before if is_search_file(url)}),
        "all_before_focus": sum(size for _, size in before),
        "first_search": sum(size for _, size in after),
        "requests_first_search": len(after),
        "pause": pause,
        "ms_from_focus": timing["result"] - timing["focus"],
        "ms_from_typed": timing["result"] - timing["typed"],
        "ms_from_navigation": timing["result"],
        "empty": timing["empty"],
    }
    context.close()
    return result


def measure_site(site: Path, queries: list[dict], latency_queries: list[str], runs: int) -> dict:
    from playwright.sync_api import sync_playwright
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    prefix = urlsplit(config["site_url"]).path
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with serve(site, prefix, compress=True) as base:
                rows = quality(browser, base, queries) if queries else []
            scale = []
            for pause in (0, TYPING_PAUSE):
                for query in latency_queries:
                    with serve_slowly(site, prefix) as base:
                        runs_ = [first_search(browser, base, query, pause) for _ in range(runs)]
                    best = dict(runs_[0])
                    for key in ("ms_from_focus", "ms_from_typed", "ms_from_navigation", "first_search"):
                        best[key] = statistics.median(r[key] for r in runs_)
                    scale.append(best)
        finally:
            browser.close()
    index = site / "search"
    index_bytes = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    return {"rows": rows, "scale": scale, "index_bytes": index_bytes}


def build_copy(tmp: Path, examples: int) -> Path:
    project = copy_project(tmp / "project")
    if examples:
        add_varied_examples(project, examples)
    result = run_build(project, tmp / "site", strict=False)
    if result.returncode != 0:
        sys.exit(f"de build mislukte:\n{result.output[-3000:]}")
    return result.site


def kb(n: float) -> str:
    return f"{format_number(n / 1024, 1)} KB"  # Dutch style: '1.234,5 KB'


def report(data: dict, label: str) -> str:
    lines = [f"Zoekbenchmark: {label}"]
    rows = data["rows"]
    if rows:
        s = summary(rows)
        share = format_number(100 * s["hit1"] / s["n"], 0)
        lines.append(f"  {s['n']} zoekvragen: hit@1 {s['hit1']}/{s['n']} ({share}%), "
                     f"hit@3 {s['hit3']}/{s['n']}, MRR {format_number(s['mrr'], 2)}, leeg {s['empty']}")
        for category in dict.fromkeys(r["category"] for r in rows):
            part = summary([r for r in rows if r["category"] == category])
            lines.append(f"    {category:<14} hit@1 {part['hit1']}/{part['n']}, MRR {format_number(part['mrr'], 2)}, "
                         f"leeg {part['empty']}")
        misses = [r for r in rows if r["rank"] != 1]
        if misses:
            lines.append("  Niet als eerste:")
            for r in misses:
                lines.append(f"    {r['query']!r}: rang {r['rank']}, eerst {r['results'][:3]} "
                             f"(verwacht {r['pages']})")
    lines.append(f"  zoekbestanden op de server: {kb(data['index_bytes'])} (ongecomprimeerd)")
    lines.append("  eerste zoekopdracht op een telefoon (4x tragere CPU, slow 4G: 150 ms, 1,6 Mbit/s), mediaan:")
    for s in data["scale"]:
        when = "meteen getypt" if not s["pause"] else f"getypt {s['pause']} ms na focus"
        lines.append(
            f"    {s['query']!r}, {when}: "
            f"voor focus {kb(s['search_before_focus'])} zoekbestanden {s['search_files_before_focus']}; "
            f"zoekopdracht {kb(s['first_search'])} gzip ({s['requests_first_search']} verzoeken); "
            f"eerste resultaat {format_number(s['ms_from_typed'], 0)} ms na het typen, "
            f"{format_number(s['ms_from_focus'], 0)} ms na focus"
            + (" (GEEN resultaat)" if s.get("empty") else ""))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--examples", type=int, default=0, help="generated examples to add (builds a copy)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--no-quality", action="store_true", help="only transfer and latency")
    parser.add_argument("--runs", type=int, default=3, help="visits per latency figure (median)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args(argv)
    queries = [] if args.no_quality else load_queries(args.queries)
    with tempfile.TemporaryDirectory(prefix="kw-search-") as tmp:
        if args.site:
            site = args.site
        else:
            site = build_copy(Path(tmp), args.examples)
        data = measure_site(site, queries, LATENCY_QUERIES, args.runs)
    label = f"{args.site or 'nieuwe build'}" + (f", +{args.examples} gegenereerde voorbeelden" if args.examples else "")
    print(report(data, label))
    if args.json:
        args.json.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    if queries:
        s = summary(data["rows"])
        return 0 if s["hit1"] >= 0.9 * s["n"] else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
