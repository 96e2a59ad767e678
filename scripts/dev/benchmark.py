"""Build-speed and size benchmark (a script, not a test: these machines are noisy).

    python scripts/dev/benchmark.py [--pages 10 100 1000] [--repeat 2]

Everything runs in temporary copies of the project, and every ratio compares
builds from this one run. Prints:

* cold build (empty chart cache), warm build (nothing changed) and a baseline
  build of the same Markdown and theme without macros, hooks and charts, with
  the ratios to the baseline (targets: cold <= 2x, warm <= 1.25x);
* charts redrawn by the warm build (target 0);
* size of the largest page, of each chart (target <= 30 KB) and of the search index;
* peak memory of a build;
* build time with 10, 100 and 1,000 generated practice examples, per page;
* contributed photos, cold and warm, per photo, and what a phone downloads
  (scripts/dev/photo_benchmark.py, which also runs alone).
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kinderwerk.dutch import format_number, format_ratio, format_seconds, format_size
from project_copy import copy_project

EXAMPLE = "docs/praktijkvoorbeelden/almere-de-schoor.md"


def build(project: Path, site: Path) -> tuple[float, str]:
    """Seconds for one `mkdocs build` (not strict: generated pages are not in
    the nav) and its log."""
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
                          cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"de build faalde in {project}:\n{done.stderr[-3000:]}")
    return seconds, done.stderr + done.stdout


def make_baseline(project: Path) -> None:
    """Same Markdown and theme; no macros plugin, no hooks, no charts."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - macros:\n(?:      .*\n)+", "\n", config)
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", "", text, flags=re.S)
        page.write_text(text, encoding="utf-8")


def add_examples(project: Path, count: int) -> None:
    template = (project / EXAMPLE).read_text(encoding="utf-8")
    folder = project / "docs" / "praktijkvoorbeelden"
    for i in range(count):
        text = re.sub(r"^titel: .*$", f"titel: Gegenereerd voorbeeld {i:04d}", template, count=1, flags=re.M)
        (folder / f"benchmark-{i:04d}.md").write_text(text, encoding="utf-8")


def best(project: Path, site: Path, repeat: int, before=None) -> tuple[float, str]:
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(build(project, site))
    return min(runs, key=lambda r: r[0])


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def kb(size: int) -> str:
    """Dutch style, in KB even above 1.000 KB, so the lines compare at a glance."""
    return f"{format_number(size / 1000, 1)} KB"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=2, help="builds per measurement; the fastest counts")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kw-bench-") as tmp:
        tmp = Path(tmp)
        site_project = copy_project(tmp / "site-project")
        site = tmp / "site"
        cache = site_project / ".cache"

        cold, _ = best(site_project, site, args.repeat, before=lambda: shutil.rmtree(cache, ignore_errors=True))
        warm, warm_log = best(site_project, site, args.repeat)
        redrawn = re.search(r"(\d+) grafieken opnieuw getekend", warm_log)
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

        base_project = copy_project(tmp / "baseline-project")
        make_baseline(base_project)
        baseline, _ = best(base_project, tmp / "baseline-site", args.repeat)

        pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
        largest = pages[-1]
        charts = sorted((site / "downloads").glob("*.svg"))
        index = site / "search"  # Material's stub and our index in search/nl/ (issue 10)

        def secs(value: float) -> str:
            return format_seconds(value, 2).rjust(8)

        print("Kennisbank Kinderwerk: benchmark")
        print(f"  machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
              f"snelste van {args.repeat} builds")
        print(f"  basisbuild (zonder macro's, hooks, grafieken): {secs(baseline)}")
        print(f"  koude build (lege grafiekcache):               {secs(cold)}  = "
              f"{format_ratio(cold / baseline)} de basisbuild (doel <= 2)")
        print(f"  warme build (niets veranderd):                 {secs(warm)}  = "
              f"{format_ratio(warm / baseline)} de basisbuild (doel <= 1,25)")
        print(f"  grafieken opnieuw getekend door de warme build: {redrawn.group(1) if redrawn else '?'} (doel 0)")
        print(f"  piekgeheugen van een build:                    {format_size(peak_kb * 1024)}")
        print(f"  grootste pagina: {largest.relative_to(site)} {kb(largest.stat().st_size)}")
        print(f"  zoekindex: {kb(folder_size(index))}")
        for chart in charts:
            print(f"  grafiek {chart.name}: {kb(chart.stat().st_size)} (doel <= 30 KB)")

        previous = None
        for count in args.pages:
            project = copy_project(tmp / f"pages-{count}")
            shutil.copytree(cache, project / ".cache")  # warm: only the pages are new
            add_examples(project, count)
            seconds, _ = best(project, tmp / f"pages-{count}-site", 1)
            index = tmp / f"pages-{count}-site" / "search"
            line = (f"  +{format_number(count):>5} gemaakte voorbeelden: {secs(seconds)}, "
                    f"{format_number((seconds - warm) / count * 1000, 1):>6} ms per extra pagina, "
                    f"zoekindex {kb(folder_size(index))}")
            if previous:
                p_count, p_seconds = previous
                growth = (seconds - warm) / max(p_seconds - warm, 1e-9)
                line += f"; groei x{format_number(growth, 1)} bij x{format_number(count / p_count, 0)} pagina's"
            print(line)
            previous = (count, seconds)
            shutil.rmtree(project)
    import photo_benchmark
    photo_benchmark.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
