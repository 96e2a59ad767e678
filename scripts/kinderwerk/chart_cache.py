"""Render charts only when their inputs changed.

A chart's cache key is a hash of everything that shapes it: the CSV, the
sidecar, the drawing code's version and matplotlib's version. A warm build
(nothing changed) reads every chart from the cache and draws none.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from importlib.metadata import version

from .datasets import Dataset

# Bumped whenever the drawing code in charts.py changes, so cached charts are
# redrawn. Kept here so a warm build never imports matplotlib's pyplot.
CHART_VERSION = "5"


@dataclass
class ChartResult:
    svg: str
    rendered: bool  # False: read from the cache


def cache_key(dataset: Dataset) -> str:
    digest = hashlib.sha256()
    for part in (CHART_VERSION.encode(), version("matplotlib").encode(),
                 dataset.csv_path.read_bytes(), dataset.meta_path.read_bytes()):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()[:16]


def chart_for(dataset: Dataset, cache_dir: Path) -> ChartResult:
    cache_dir = Path(cache_dir)
    path = cache_dir / f"{dataset.id}-{cache_key(dataset)}.svg"
    if path.exists():
        return ChartResult(path.read_text(encoding="utf-8"), rendered=False)
    from .charts import render_svg  # only when a chart must be drawn
    svg = render_svg(dataset)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(f"{dataset.id}-*.svg"):
        stale.unlink()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(path)  # atomic: a crash never leaves half a chart in the cache
    return ChartResult(svg, rendered=True)


def charts_for(datasets: dict[str, Dataset], cache_dir: Path) -> dict[str, ChartResult]:
    return {d.id: chart_for(d, cache_dir) for d in datasets.values() if d.meta.chart}


def standalone_svg(svg: str) -> str:
    """An inline chart as a file someone downloads: with the XML prolog."""
    return '<?xml version="1.0" encoding="utf-8"?>\n' + svg
