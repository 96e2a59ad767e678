"""Draw every chart from data/ without MkDocs: `python scripts/tools/build_charts.py`.

Validates all data sets, renders the charts whose inputs changed into the
cache and, with --out, also writes each chart as a standalone SVG file.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kinderwerk.chart_cache import charts_for, standalone_svg
from kinderwerk.datasets import DataError, load_all
from kinderwerk.dutch import format_size

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "charts")
    parser.add_argument("--out", type=Path, help="write <id>.svg files here too")
    args = parser.parse_args(argv)
    try:
        datasets = load_all(args.data)
    except DataError as exc:
        print(f"Fout in de data: {exc}", file=sys.stderr)
        return 1
    results = charts_for(datasets, args.cache)
    for chart_id, result in results.items():
        state = "getekend" if result.rendered else "uit cache"
        print(f"{chart_id}: {state}, {format_size(len(result.svg.encode()))}")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{chart_id}.svg").write_text(standalone_svg(result.svg), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
