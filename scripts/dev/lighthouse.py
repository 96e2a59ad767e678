"""Lighthouse benchmark of the built site: a script, not a test (the scores,
performance above all, vary from run to run).

    python scripts/dev/lighthouse.py [--site site] [--runs 3] [--markdown FILE]

Serves the built site on 127.0.0.1 (under the path of site_url, as published)
and runs Lighthouse 12 (npm, pinned below, installed into .cache/lighthouse on
first use) with Debian's Chromium, mobile and desktop, on four pages: the
home page, a chapter with charts, a practice example and the overview of the
examples. Prints the median of ``--runs`` runs per category and the targets.
With --markdown FILE, also writes the table between the markers
<!-- lighthouse:start --> and <!-- lighthouse:end --> in FILE.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from kinderwerk.browser import CHROMIUM, CHROMIUM_ARGS, serve
from kinderwerk.dutch import format_number

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_VERSION = "12.8.2"          # exact: scores change between versions
PREFIX = ROOT / ".cache" / "lighthouse"
BINARY = PREFIX / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
NAMES = {"performance": "Prestaties", "accessibility": "Toegankelijkheid",
         "best-practices": "Goede werkwijzen", "seo": "Vindbaarheid"}
# Targets (issue 5): 100 for accessibility, best practices and SEO; performance
# at least 95 on mobile.
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"


def pages(site: Path) -> dict[str, str]:
    """The four pages: home, a chapter with charts, an example, the overview."""
    examples = sorted(p.parent.name for p in (site / "praktijkvoorbeelden").glob("*/index.html")
                      if p.parent.name not in ("thema", "partner", "werkvorm", "provincie", "gemeente"))
    chosen = {"Home": "", "Hoofdstuk met grafieken": "hoofdstukken/samenwerkingspartners/",
              "Praktijkvoorbeelden (overzicht)": "praktijkvoorbeelden/"}
    if examples:
        preferred = "friesland-kearn-kooklab"
        chosen["Praktijkvoorbeeld"] = f"praktijkvoorbeelden/{preferred if preferred in examples else examples[0]}/"
    for path in chosen.values():
        if not (site / path / "index.html").exists():
            raise SystemExit(f"{site / path / 'index.html'} ontbreekt: eerst `make build`")
    return chosen


def ensure_lighthouse() -> Path:
    if BINARY.exists():
        installed = subprocess.run([str(BINARY), "--version"], capture_output=True, text=True).stdout.strip()
        if installed == LIGHTHOUSE_VERSION:
            return BINARY
    npm = shutil.which("npm")
    if not npm:
        raise SystemExit("npm ontbreekt: installeer Node.js 18 of nieuwer (Debian: apt-get install npm)")
    print(f"Lighthouse {LIGHTHOUSE_VERSION} installeren in {PREFIX.relative_to(ROOT)} ...", file=sys.stderr)
    PREFIX.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund", "--save-exact",
                    f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return BINARY


def chrome_flags() -> str:
    flags = []
    for arg in CHROMIUM_ARGS:
        if arg == "--headless":
            arg = "--headless=new"
        if "=" in arg and " " in arg:
            key, value = arg.split("=", 1)
            arg = f'{key}="{value}"'
        flags.append(arg)
    return " ".join(flags)


def run_once(binary: Path, url: str, form: str, workdir: Path) -> dict[str, float]:
    out = workdir / "report.json"
    command = [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={chrome_flags()}",
               "--max-wait-for-load=30000"]
    if form == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=workdir)
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse faalde op {url} ({form}):\n{done.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    failing = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{category}/{ref['id']} ({format_number(audit['score'], 2)})")
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["_failing"] = failing
    return scores


def measure(site: Path, runs: int, forms=("mobile", "desktop")) -> list[dict]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    prefix = urlsplit(config["site_url"]).path
    binary = ensure_lighthouse()
    rows = []
    # gzip, as on GitHub Pages: without it the slow mobile network of the test
    # weighs the uncompressed theme files (250 kB) and the score is not the site's.
    with serve(site, prefix, compress=True) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path in pages(site).items():
            for form in forms:
                results = []
                for i in range(runs):
                    results.append(run_once(binary, base + path, form, Path(tmp)))
                    print(f"  {name} ({'mobiel' if form == 'mobile' else form}) meting {i + 1}: "
                          + ", ".join(f"{NAMES[c]} {results[-1][c]}" for c in CATEGORIES), file=sys.stderr)
                median = {c: statistics.median(r[c] for r in results) for c in CATEGORIES}
                failing = sorted({f for r in results for f in r["_failing"]})
                rows.append({"page": name, "path": path, "form": form, **median, "failing": failing})
    return rows


def table(rows: list[dict], runs: int) -> str:
    header = "| Pagina | Apparaat | " + " | ".join(NAMES[c] for c in CATEGORIES) + " |"
    lines = [header, "|" + " --- |" * (2 + len(CATEGORIES))]
    for row in rows:
        form = "mobiel" if row["form"] == "mobile" else "desktop"
        lines.append(f"| {row['page']} | {form} | " + " | ".join(f"{row[c]:g}" for c in CATEGORIES) + " |")
    lines.append("")
    lines.append(f"Mediaan van {runs} metingen per pagina en apparaat, Lighthouse {LIGHTHOUSE_VERSION}, "
                 f"Chromium, {dt.date.today().isoformat()}. Doelen: 100 voor toegankelijkheid, goede "
                 f"werkwijzen (best practices) en vindbaarheid in zoekmachines (SEO); minstens 95 "
                 f"voor prestaties op een telefoon.")
    return "\n".join(lines)


def misses(rows: list[dict]) -> list[str]:
    out = []
    for row in rows:
        for c in CATEGORIES:
            if c == "performance" and row["form"] == "desktop":
                continue
            if row[c] < TARGETS[c]:
                out.append(f"{row['page']} ({row['form']}): {c} {row[c]:g} < {TARGETS[c]}")
    return out


def write_markdown(path: Path, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    if START not in content or END not in content:
        raise SystemExit(f"{path}: de markeringen {START} en {END} ontbreken")
    before, rest = content.split(START, 1)
    _, after = rest.split(END, 1)
    new = f"{before}{START}\n{text}\n{END}{after}"
    if new != content:
        path.write_text(new, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--markdown", type=Path, help="zet de tabel tussen de markeringen in dit bestand")
    parser.add_argument("--form", choices=["mobile", "desktop"], help="alleen mobiel of alleen desktop")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        raise SystemExit(f"{args.site}/index.html ontbreekt: eerst `make build`")
    rows = measure(args.site, args.runs, (args.form,) if args.form else ("mobile", "desktop"))
    text = table(rows, args.runs)
    print(text)
    failing = sorted({f for row in rows for f in row["failing"]})
    if failing:
        print("\nAudits onder de 100% (alle metingen samen):\n  " + "\n  ".join(failing))
    missed = misses(rows)
    print("\nAlle doelen gehaald." if not missed else "\nDoelen niet gehaald:\n  " + "\n  ".join(missed))
    if args.markdown:
        write_markdown(args.markdown, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
