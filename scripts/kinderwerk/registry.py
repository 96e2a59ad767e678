"""What one MkDocs build knows: data sets, charts and the page macros.

Filled by ``scripts/adapters/hooks.py`` (on_config) and read by ``scripts/adapters/macros.py``;
both load this one module, so they share one state per build.
"""
from __future__ import annotations

from pathlib import Path

from .chart_cache import ChartResult, charts_for
from .citation import Edition, figure_apa_html
from .datasets import Dataset, load_all

datasets: dict[str, Dataset] = {}
charts: dict[str, ChartResult] = {}
macros: list = []  # functions a page may call (see sandbox.py)
edition: Edition | None = None  # site, address and date of this edition (hooks.on_config)
chart_urls: dict[str, str] = {}  # dataset id -> absolute address of its chart (hooks.on_files)


def load(data_dir: Path, cache_dir: Path) -> None:
    """Validate every data set and draw the charts whose inputs changed."""
    new = load_all(data_dir)  # raises DataError before anything is replaced
    datasets.clear()
    datasets.update(new)
    charts.clear()
    charts.update(charts_for(new, cache_dir))


def dataset(dataset_id: str) -> Dataset:
    try:
        return datasets[dataset_id]
    except KeyError:
        known = ", ".join(sorted(datasets))
        raise KeyError(f"onbekende data set '{dataset_id}' (bekend: {known})") from None


def citation_html(dataset_id: str) -> str | None:
    """The APA citation of a chart, or None outside a MkDocs build."""
    if edition is None or dataset_id not in chart_urls:
        return None
    return figure_apa_html(edition, dataset(dataset_id).meta.title, chart_urls[dataset_id])
