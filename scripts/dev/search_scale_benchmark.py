"""Search at scale (issue 18), side by side with an earlier commit (default:
main at a23993b, before issue 18). A script, not a test: timings are noisy.

    python scripts/dev/search_scale_benchmark.py [--examples 1000] [--base a23993b] [--runs 3]

Both versions get the same 1,000 varied generated examples
(scripts/dev/example_generator.py: own towns, names and activities, so the
vocabulary grows as with real contributions) and are built; then, in
Chromium with 4x CPU throttling (CDP) and slow 4G (150 ms, 1.6 Mbit/s, at
the server: scripts/dev/search_benchmark.py), a fresh phone visit per figure:

* focus: search bytes (gzip) downloaded between focusing the box and typing
  (the reader starts typing 1 s after focus) - target <= 20 KB;
* first query, a query of common words: bytes after typing - target <= 40 KB;
* anything of the index downloaded twice in one visit - target none;
* focus to first result when typing at once - target <= 1.2 s;
* time spent building the index (IndexBuilder.add_page + write_index,
  timed inside the build) - target <= 2 s.
"""
from __future__ import annotations

import argparse
import io
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from example_generator import add_varied_examples
from kinderwerk.browser import CHROMIUM, CHROMIUM_ARGS
from project_copy import ROOT, copy_project, run_build
from search_benchmark import first_search, kb, serve_slowly

BASE = "a23993b"
QUERIES = {"eerste zoekvraag": "huttendorpen", "gewone woorden": "kinderen in de wijk",
           "typefout": "samenwerkingspatners"}
PAUSE = 1000   # ms between focus and typing, for the focus figure

# Appended to the copied hooks_search.py of both versions: times the index
# inside the build and logs it (the hook itself stays as it is).
TIMER = '''

import time as _bench_time
_bench_spent = [0.0]
_bench_add = IndexBuilder.add_page
_bench_write = write_index


def _bench_timed_add(self, *args, **kwargs):
    start = _bench_time.perf_counter()
    try:
        return _bench_add(self, *args, **kwargs)
    finally:
        _bench_spent[0] += _bench_time.perf_counter() - start


def write_index(*args, **kwargs):  # noqa: F811 (on_post_build looks this name up when it runs)
    start = _bench_time.perf_counter()
    try:
        return _bench_write(*args, **kwargs)
    finally:
        _bench_spent[0] += _bench_time.perf_counter() - start
        log.info(f"benchmark: index in {_bench_spent[0]:.3f} s")
        _bench_spent[0] = 0.0


IndexBuilder.add_page = _bench_timed_add
'''


def export(commit: str, target: Path) -> Path:
    data = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return target


def build(project: Path, site: Path, examples: int) -> float:
    hooks = project / "scripts" / "adapters" / "hooks_search.py"
    hooks.write_text(hooks.read_text(encoding="utf-8") + TIMER, encoding="utf-8")
    add_varied_examples(project, examples)
    result = run_build(project, site, strict=False)
    if result.returncode != 0:
        sys.exit(f"build failed in {project}:\n{result.output[-3000:]}")
    found = re.findall(r"benchmark: index in ([\d.]+) s", result.output)
    return float(found[-1]) if found else float("nan")


def measure(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    prefix = urlsplit(config["site_url"]).path
    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for label, query in QUERIES.items():
                with serve_slowly(site, prefix) as base:
                    slow = [first_search(browser, base, query, PAUSE) for _ in range(runs)]
                    fast = [first_search(browser, base, query, 0) for _ in range(runs)]
                out[label] = {
                    "focus": statistics.median(r["focus"] for r in slow),
                    "query": statistics.median(r["after_typed"] for r in slow),
                    "twice": sorted({p for r in slow + fast for p in r["twice"]}),
                    "ms": statistics.median(r["ms_from_focus"] for r in fast),
                    "empty": any(r["empty"] for r in slow + fast),
                }
        finally:
            browser.close()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--base", default=BASE, help="the commit to compare with")
    parser.add_argument("--runs", type=int, default=3, help="visits per figure (median)")
    parser.add_argument("--only-branch", action="store_true", help="measure this branch only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kw-search-scale-") as tmp:
        tmp = Path(tmp)
        versions = {"deze branch": copy_project(tmp / "head")}
        if not args.only_branch:
            versions[f"main {args.base}"] = export(args.base, tmp / "base")
        figures = {}
        for name, project in versions.items():
            seconds = build(project, project / "site", args.examples)
            index = project / "site" / "search"
            size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
            figures[name] = {"index_s": seconds, "size": size, **measure(project / "site", args.runs)}
    names = list(figures)
    print(f"Zoeken bij {args.examples} gevarieerde gegenereerde voorbeelden (mediaan van {args.runs} bezoeken; "
          "4x tragere CPU, slow 4G)")
    print(f"  {'':44}" + "".join(f"{n:>22}" for n in names) + "   doel")
    rows = [("index bouwen (s)", lambda f: f"{f['index_s']:.2f}", "<= 2 s"),
            ("zoekbestanden op de server", lambda f: kb(f["size"]), "")]
    for label in QUERIES:
        rows += [(f"{label}: focus (gzip)", lambda f, q=label: kb(f[q]["focus"]), "<= 20 KB"),
                 (f"{label}: na het typen (gzip)", lambda f, q=label: kb(f[q]["query"]), "<= 40 KB"),
                 (f"{label}: focus tot eerste resultaat", lambda f, q=label: f"{f[q]['ms']:.0f} ms"
                  + (" LEEG" if f[q]["empty"] else ""), "<= 1200 ms"),
                 (f"{label}: twee keer geladen", lambda f, q=label: str(len(f[q]["twice"])), "0")]
    for title, value, target in rows:
        print(f"  {title:<44}" + "".join(f"{value(figures[n]):>22}" for n in names) + f"   {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
