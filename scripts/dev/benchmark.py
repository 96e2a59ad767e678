"""Build-speed and size benchmark (a script, not a test: these machines are noisy).

    python scripts/dev/benchmark.py [--pages 10 100 1000] [--repeat 2] [--pairs 7]
                                    [--reloads 5] [--against REF] [--only-warm]

Everything runs in temporary copies of the project, and every ratio compares
builds from this one run. Prints:

* warm strict build (what a second `make build` does) against a bare build of
  the same Markdown and theme without macros, hooks and charts, in alternating
  pairs: the median of the pair ratios, in wall-clock and in CPU seconds
  (CPU time moves less when other work shares the machine); target <= 1,5x;
* a live reload under `mkdocs serve`: from saving an edited example to the
  server handing out the new page (median of ``--reloads`` edits); target
  <= 1,5 s;
* with ``--against REF``: both for REF (from git archive, with its own
  ``kinderwerk``) and for this worktree, interleaved in the same run;
* cold build (empty chart cache), warm build (nothing changed) and a baseline
  build, fastest of ``--repeat``, with the ratios (target: cold <= 2x);
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
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from hostile_bench import export  # the project at another commit, from git archive
from kinderwerk.dutch import format_number, format_ratio, format_seconds, format_size
from project_copy import copy_project

EXAMPLE = "docs/praktijkvoorbeelden/almere-de-schoor.md"
PORTS = range(8630, 8640)  # this benchmark's own ports for `mkdocs serve`
WARM_TARGET, RELOAD_TARGET = 1.5, 1.5


def _env(project: Path) -> dict[str, str]:
    """The project's own package first: a copy of another commit (--against)
    must not run this worktree's installed `kinderwerk`. Python keeps its .pyc
    files, as it does on a contributor's machine (some shells switch that off)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed_build(project: Path, site: Path, strict: bool = False) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one `mkdocs build`, and its log."""
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)] + (["--strict"] if strict else [])
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, env=_env(project), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"de build faalde in {project}:\n{done.stderr[-3000:]}")
    return seconds, (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime), done.stderr + done.stdout


def build(project: Path, site: Path) -> tuple[float, str]:
    """Seconds for one `mkdocs build` (not strict: generated pages are not in
    the nav) and its log."""
    seconds, _, log = timed_build(project, site)
    return seconds, log


@dataclass
class Side:
    """One version of the project in the warm/bare comparison."""

    name: str
    project: Path
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    reloads: list[float] = field(default_factory=list)


def alternating_pairs(sides: list[Side], bare: Side, pairs: int, tmp: Path) -> None:
    """Warm strict builds of each side and the bare build, in turn; the order
    rotates every round, so a slow spell of the machine hits every side."""
    everyone = [bare, *sides]
    for project in everyone:  # fill the caches; the first build does not count
        timed_build(project.project, tmp / "warmup-site", strict=project is not bare)
    for round_ in range(pairs):
        order = everyone[round_ % len(everyone):] + everyone[:round_ % len(everyone)]
        for side in order:
            wall, cpu, _ = timed_build(side.project, tmp / "pair-site", strict=side is not bare)
            side.wall.append(wall)
            side.cpu.append(cpu)


def pair_ratio(side: Side, bare: Side, kind: str) -> float:
    """Median over the rounds of (this side / bare in the same round)."""
    mine, base = getattr(side, kind), getattr(bare, kind)
    return statistics.median(m / b for m, b in zip(mine, base, strict=True))


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, text: str, limit: float) -> float | None:
    """Seconds until the page at ``url`` holds ``text``, or None after ``limit``."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in _get(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    return None


def served_path(project: Path) -> str:
    """`mkdocs serve` serves under the path of site_url ('/kinderwerk/')."""
    found = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    path = urllib.parse.urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


def live_reloads(sides: list[Side], reloads: int) -> None:
    """Under `mkdocs serve`, append a sentence to one example and time from the
    save to the server handing out the page with it. Sides take turns."""
    servers = []
    try:
        for side, port in zip(sides, PORTS, strict=False):
            log = (side.project / "serve.log").open("w")
            process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                cwd=side.project, env=_env(side.project), stdout=log, stderr=subprocess.STDOUT)
            page_path = f"{served_path(side.project)}praktijkvoorbeelden/almere-de-schoor/"
            url = f"http://127.0.0.1:{port}{page_path}"
            servers.append((side, process, url, log))
        for side, _process, url, _ in servers:
            if _wait_for(url, "</html>", 300) is None:
                sys.exit(f"mkdocs serve kwam niet op in {side.project} (zie serve.log)")
        time.sleep(2)  # let the file watcher settle
        for number in range(reloads):
            for side, _process, url, _ in servers:
                page = side.project / EXAMPLE
                marker = f"Meetzin{number:03d}herladen"
                text = page.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n"
                start = time.perf_counter()
                page.write_text(text, encoding="utf-8")
                seen = _wait_for(url, marker, 120)
                if seen is None:
                    sys.exit(f"de nieuwe pagina kwam niet binnen 120 s ({side.name}; zie serve.log)")
                side.reloads.append(time.perf_counter() - start)
                time.sleep(1)
    finally:
        for _, process, _, log in servers:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()


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


def warm_against_bare(args, tmp: Path) -> None:
    sides = []
    if args.against:
        sides.append(Side(f"voor ({args.against})", export(args.against, tmp / "warm-voor")))
    sides.append(Side("na (deze tak)" if args.against else "deze tak", copy_project(tmp / "warm-na")))
    bare = Side("basis", copy_project(tmp / "warm-basis"))
    make_baseline(bare.project)
    load = os.getloadavg()
    alternating_pairs(sides, bare, args.pairs, tmp)
    if args.reloads:
        live_reloads([*sides, bare], args.reloads)
    load_after = os.getloadavg()

    def med(values: list[float]) -> str:
        return format_seconds(statistics.median(values), 2).rjust(7)

    print("Kennisbank Kinderwerk: warme build tegen de basisbuild")
    print(f"  machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; belasting (1 min) "
          f"{format_number(load[0], 1)} bij de start, {format_number(load_after[0], 1)} aan het eind")
    print(f"  {args.pairs} rondes, om de beurt (mediaan; verhouding = mediaan van de verhoudingen per ronde)")
    print(f"  basisbuild (zonder macro's, hooks, grafieken): {med(bare.wall)} klok, {med(bare.cpu)} CPU")
    for side in sides:
        print(f"  warme build --strict, {side.name}: {med(side.wall)} klok, {med(side.cpu)} CPU"
              f"  = {format_ratio(pair_ratio(side, bare, 'wall'))} klok, "
              f"{format_ratio(pair_ratio(side, bare, 'cpu'))} CPU (doel <= {format_number(WARM_TARGET, 1)})")
    for side in [*sides, bare]:
        if side.reloads:
            print(f"  live reload na een bewerkt voorbeeld, {side.name}: {med(side.reloads)} "
                  f"(mediaan van {len(side.reloads)}; doel <= {format_seconds(RELOAD_TARGET, 1)})")
    print()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=2, help="builds per measurement; the fastest counts")
    parser.add_argument("--pairs", type=int, default=7, help="rounds of warm and bare builds, in turn")
    parser.add_argument("--reloads", type=int, default=5, help="edits timed under mkdocs serve")
    parser.add_argument("--against", metavar="REF", help="also measure this commit (voor), interleaved")
    parser.add_argument("--only-warm", action="store_true",
                        help="only warm against bare and the live reload")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kw-bench-") as tmp:
        tmp = Path(tmp)
        warm_against_bare(args, tmp)
        if args.only_warm:
            return 0
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
              f"{format_ratio(warm / baseline)} de basisbuild (zie boven voor de mediaan)")
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
