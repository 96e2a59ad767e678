"""Search ranking on query sets, without a browser (issue 18): runs the
site's search worker in Node (scripts/dev/search_node.js) on a built site and
prints hit@1, hit@3, MRR and empty results per class. Quick enough to run
after every change; scripts/dev/search_benchmark.py measures the same in
Chromium through Material's search box (and the cost).

    python scripts/dev/search_quality.py [--site DIR] [--queries FILE ...] [--sealed] [--misses]

Without --site it builds the site first (into a temporary folder). The
sealed set (tests/search_queries_sealed.yml, written before the tuning and
never changed) is measured with --sealed; its misses are not listed.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SETS = {"afstemset": ROOT / "tests" / "search_queries.yml",
        "ontwikkelset": ROOT / "tests" / "search_queries_dev.yml"}
SEALED = ROOT / "tests" / "search_queries_sealed.yml"


def run_worker(site: Path, queries: list[str]) -> list[dict]:
    """{query, pages (best first), note} per query, from the worker in Node."""
    done = subprocess.run(["node", str(ROOT / "scripts" / "dev" / "search_node.js"), str(site)],
                          input="\n".join(queries) + "\n", capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def run_queries(site: Path, queries: list[str]) -> list[list[str]]:
    return [a["pages"] for a in run_worker(site, queries)]


def evaluate(site: Path, cases: list[dict]) -> list[dict]:
    results = run_queries(site, [str(c["query"]) for c in cases])
    rows = []
    for case, pages in zip(cases, results, strict=True):
        rank = next((i + 1 for i, p in enumerate(pages) if p in case["pages"]), None)
        rows.append({**case, "results": pages[:3], "rank": rank, "count": len(pages)})
    return rows


def summary(rows: list[dict]) -> dict:
    n = len(rows)
    return {"n": n, "hit1": sum(r["rank"] == 1 for r in rows),
            "hit3": sum(r["rank"] is not None and r["rank"] <= 3 for r in rows),
            "mrr": sum(1 / r["rank"] for r in rows if r["rank"]) / n if n else 0.0,
            "empty": sum(r["count"] == 0 for r in rows)}


def table(name: str, rows: list[dict], misses: bool = False) -> str:
    s = summary(rows)
    lines = [f"{name}: {s['n']} zoekvragen: hit@1 {s['hit1']}/{s['n']} ({s['hit1'] / s['n']:.0%}), "
             f"hit@3 {s['hit3']}/{s['n']} ({s['hit3'] / s['n']:.0%}), MRR {s['mrr']:.2f}, leeg {s['empty']}"]
    for category in dict.fromkeys(r["category"] for r in rows):
        p = summary([r for r in rows if r["category"] == category])
        lines.append(f"  {category:<14} hit@1 {p['hit1']}/{p['n']}  hit@3 {p['hit3']}/{p['n']}  "
                     f"MRR {p['mrr']:.2f}  leeg {p['empty']}")
    if misses:
        for r in rows:
            if r["rank"] != 1:
                lines.append(f"    {r['query']!r}: rang {r['rank']}, eerst {r['results']} (verwacht {r['pages']})")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--queries", type=Path, nargs="*", help="default: tuning and dev set")
    parser.add_argument("--sealed", action="store_true", help="also the sealed set (measure, never tune)")
    parser.add_argument("--misses", action="store_true", help="list the queries not right at rank 1")
    args = parser.parse_args(argv)
    sets = {p.stem: p for p in args.queries} if args.queries else dict(SETS)
    if args.sealed:
        sets["verzegelde set"] = SEALED
    with tempfile.TemporaryDirectory(prefix="kw-quality-") as tmp:
        site = args.site
        if site is None:
            from project_copy import copy_project, run_build
            result = run_build(copy_project(Path(tmp) / "project"), Path(tmp) / "site", strict=False)
            if result.returncode != 0:
                sys.exit(f"build failed:\n{result.output[-3000:]}")
            site = result.site
        for name, path in sets.items():
            cases = yaml.safe_load(path.read_text(encoding="utf-8"))
            print(table(name, evaluate(site, cases), args.misses and name != "verzegelde set"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
