"""Render charts only when their inputs changed.

A chart's cache key is a hash of everything that shapes it: the CSV, the
sidecar, the drawing code's version and matplotlib's version. Each chart is
cached twice under that key: the SVG for the page and a PNG for download. A
warm build (nothing changed) reads every chart from the cache and draws none.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from .datasets import Dataset

# Bumped whenever the drawing code in charts.py changes, so cached charts are
# redrawn. Kept here so a warm build never imports matplotlib's pyplot.
CHART_VERSION = "8"  # 6: PNG beside the SVG; 7: PNG with title and source; 8: SVG title with a capital


@dataclass
class ChartResult:
    svg: str
    png: bytes
    rendered: bool  # False: read from the cache


@cache
def _matplotlib_version() -> str:
    """Looked up once per process: importlib.metadata scans every installed
    distribution on each call."""
    return version("matplotlib")


def cache_key(dataset: Dataset) -> str:
    digest = hashlib.sha256()
    for part in (CHART_VERSION.encode(), _matplotlib_version().encode(),
                 dataset.csv_path.read_bytes(), dataset.meta_path.read_bytes()):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()[:16]


def chart_for(dataset: Dataset, cache_dir: Path) -> ChartResult:
    cache_dir = Path(cache_dir)
    path = cache_dir / f"{dataset.id}-{cache_key(dataset)}.svg"
    png_path = path.with_suffix(".png")
    if path.exists() and png_path.exists():
        return ChartResult(path.read_text(encoding="utf-8"), png_path.read_bytes(), rendered=False)
    from .charts import render_png, render_svg  # only when a chart must be drawn
    svg, png = render_svg(dataset), render_png(dataset)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("svg", "png"):
        for stale in cache_dir.glob(f"{dataset.id}-*.{suffix}"):
            stale.unlink()
    # Atomic: a crash never leaves half a chart in the cache. The SVG goes
    # last, so a cached SVG always has its PNG.
    for target, content in ((png_path, png), (path, svg.encode("utf-8"))):
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(content)
        tmp.replace(target)
    return ChartResult(svg, png, rendered=True)


def charts_for(datasets: dict[str, Dataset], cache_dir: Path) -> dict[str, ChartResult]:
    return {d.id: chart_for(d, cache_dir) for d in datasets.values() if d.meta.chart}


def standalone_svg(svg: str) -> str:
    """An inline chart as a file someone downloads: with the XML prolog."""
    return '<?xml version="1.0" encoding="utf-8"?>\n' + svg
