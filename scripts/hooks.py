"""MkDocs hooks: data and charts in, sandbox on, downloads out.

Small functions, one per MkDocs event; the work is done by ``kinderwerk``.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kinderwerk import registry  # noqa: E402
from kinderwerk.chart_cache import standalone_svg  # noqa: E402
from kinderwerk.datasets import DataError  # noqa: E402
from kinderwerk.sandbox import sandbox_like  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CACHE = ROOT / ".cache" / "charts"
log = logging.getLogger("mkdocs.hooks.kinderwerk")


def on_config(config):
    """Validate the data, draw changed charts, and sandbox the page templates."""
    try:
        registry.load(DATA, CACHE)
    except DataError as exc:
        raise PluginError(f"Fout in de data: {exc}") from None
    drawn = sum(1 for c in registry.charts.values() if c.rendered)
    log.info(f"kinderwerk: {len(registry.datasets)} data sets, {drawn} grafieken opnieuw getekend")
    macros = config.plugins.get("macros")
    if macros is None:
        raise PluginError("de plugin 'macros' ontbreekt in mkdocs.yml")
    # mkdocs-macros built a plain Jinja environment in its own on_config
    # (plugins run before hooks); replace it before any page is rendered.
    macros._env = sandbox_like(macros.env, registry.macros)
    return config


def on_files(files, config):
    """Offer every data set as CSV and every chart as SVG under downloads/."""
    for dataset in registry.datasets.values():
        files.append(File.generated(config, f"downloads/{dataset.id}.csv",
                                    content=dataset.csv_path.read_bytes()))
    for chart_id, chart in registry.charts.items():
        files.append(File.generated(config, f"downloads/{chart_id}.svg",
                                    content=standalone_svg(chart.svg).encode("utf-8")))
    return files


def on_serve(server, config, builder):
    """Rebuild when data or code changes, not only docs/."""
    for path in (DATA, ROOT / "scripts"):
        server.watch(str(path))
    return server
