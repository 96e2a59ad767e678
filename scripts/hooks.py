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
from kinderwerk.citation import edition_from  # noqa: E402
from kinderwerk.datasets import DataError  # noqa: E402
from kinderwerk.examples import find_chart_pages  # noqa: E402
from kinderwerk.sandbox import sandbox_like  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CACHE = ROOT / ".cache" / "charts"
CIJFERS = "cijfers.md"  # shows every chart
log = logging.getLogger("mkdocs.hooks.kinderwerk")


def on_config(config):
    """Validate the data, draw changed charts, and sandbox the page templates."""
    try:
        registry.load(DATA, CACHE)
    except DataError as exc:
        raise PluginError(f"Fout in de data: {exc}") from None
    try:
        registry.edition = edition_from(config)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
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
    """Offer every data set as CSV and every chart as SVG and PNG under
    downloads/; find the page each chart is cited with."""
    for dataset in registry.datasets.values():
        files.append(File.generated(config, f"downloads/{dataset.id}.csv",
                                    content=dataset.csv_path.read_bytes()))
    for chart_id, chart in registry.charts.items():
        files.append(File.generated(config, f"downloads/{chart_id}.svg",
                                    content=standalone_svg(chart.svg).encode("utf-8")))
        files.append(File.generated(config, f"downloads/{chart_id}.png", content=chart.png))
    _find_chart_urls(files)
    return files


def _find_chart_urls(files) -> None:
    """A chart's citation links to the chapter that shows it (else Cijfers,
    which shows every chart) at the chart's own anchor."""
    sources = {f.src_uri: f.content_string for f in files.documentation_pages()
               if not f.src_uri.startswith("praktijkvoorbeelden/")}
    found = find_chart_pages(sources)
    registry.chart_urls.clear()
    for chart_id in registry.charts:
        src, _, anchor = found.get(chart_id, f"{CIJFERS}#grafiek-{chart_id}").partition("#")
        page = files.get_file_from_path(src)
        if page is None:
            raise PluginError(f"grafiek '{chart_id}': pagina {src} voor de bronvermelding ontbreekt")
        registry.chart_urls[chart_id] = f"{registry.edition.site_url}{page.url}#{anchor}"


def on_serve(server, config, builder):
    """Rebuild when data or code changes, not only docs/."""
    for path in (DATA, ROOT / "scripts"):
        server.watch(str(path))
    return server
