"""MkDocs hooks: data and charts in, sandbox on, downloads out.

Small functions, one per MkDocs event; the work is done by ``kinderwerk``.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from kinderwerk import examples, registry
from kinderwerk.chart_cache import standalone_svg
from kinderwerk.citation import Edition, edition_from
from kinderwerk.datapackage import datapackage_json
from kinderwerk.datasets import DataError
from kinderwerk.download_cache import spreadsheet_files
from kinderwerk.examples import find_chart_pages
from kinderwerk.feed import FEED_PATH, atom_feed
from kinderwerk.history import file_dates
from kinderwerk.page_dates import example_dates, page_dates
from kinderwerk.sandbox import sandbox_like
from kinderwerk.serve_pdf import served_pdf
from kinderwerk.sitemap import ROBOTS_PATH, SITEMAP_PATH, gzipped, robots_txt, sitemap_xml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CACHE = ROOT / ".cache" / "charts"
SHEETS_CACHE = ROOT / ".cache" / "spreadsheets"
CIJFERS = "cijfers.md"  # shows every chart
log = logging.getLogger("mkdocs.hooks.kinderwerk")
_sitemap: list[tuple[str, dt.date | None]] = []  # (address, date) of every page; on_nav -> on_post_build
PDF = "downloads/kennisbank-kinderwerk.pdf"  # written by `make pdf` (scripts/tools/build_pdf.py)
_command: list[str] = []  # "build" or "serve" (on_startup)


def _edition() -> Edition:
    """The edition on_config worked out (every later hook runs after it)."""
    if registry.edition is None:
        raise PluginError("kinderwerk: de editie is nog niet bepaald (on_config heeft niet gedraaid)")
    return registry.edition


def on_startup(command, dirty):
    _command[:] = [command]


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
    # One setting for the repository: its name is the path of repo_url
    # ("owner/name"), not MkDocs' default "GitHub".
    if config.get("repo_url"):
        config["repo_name"] = urlsplit(config["repo_url"]).path.strip("/").removesuffix(".git")
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
    """Offer every data set as CSV (for programs and for Dutch Excel), xlsx and
    ods, with one workbook and datapackage.json; every chart as SVG and PNG
    under downloads/; find the page each chart is cited with."""
    for dataset in registry.datasets.values():
        files.append(File.generated(config, f"downloads/{dataset.id}.csv",
                                    content=dataset.csv_path.read_bytes()))
    edition = _edition()
    sheets, made = spreadsheet_files(registry.datasets, edition.date, SHEETS_CACHE)
    if made:
        log.info(f"kinderwerk: {len(sheets)} spreadsheets opnieuw gemaakt")
    for name, content in sheets.items():
        files.append(File.generated(config, f"downloads/{name}", content=content))
    files.append(File.generated(config, "downloads/datapackage.json", content=datapackage_json(
        registry.datasets, edition.site_url, edition.date.isoformat())))
    for chart_id, chart in registry.charts.items():
        files.append(File.generated(config, f"downloads/{chart_id}.svg",
                                    content=standalone_svg(chart.svg).encode("utf-8")))
        files.append(File.generated(config, f"downloads/{chart_id}.png", content=chart.png))
    files.append(File.generated(config, ROBOTS_PATH, content=robots_txt(_edition().site_url)))
    if _command == ["serve"]:
        # `make pdf` prints after a build; under serve, offer the last edition
        # printed into site/ (or a page that says how to make it), not a 404.
        files.append(File.generated(config, PDF, content=served_pdf(ROOT / "site" / PDF)))
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
        registry.chart_urls[chart_id] = f"{_edition().site_url}{page.url}#{anchor}"


def on_nav(nav, config, files):
    """The Atom feed of the practice examples (scripts/adapters/hooks_examples.py has
    validated them in its on_files, which runs after ours) and the date of
    every page for the sitemap: both from git and the examples' own dates."""
    site_url = _edition().site_url
    history = file_dates(ROOT)
    docs = os.path.relpath(config.docs_dir, ROOT).replace(os.sep, "/")  # "docs"
    collection = examples.state.collection
    dates = {}
    if collection is not None:
        dates = {e.src_uri: example_dates(e, history, docs) for e in collection.examples}
        entries = [(e, site_url + files.get_file_from_path(e.src_uri).url, dates[e.src_uri])
                   for e in collection.examples]
        files.append(File.generated(config, FEED_PATH,
                                    content=atom_feed(entries, config["site_name"], site_url)))
    pages = files.documentation_pages()
    lastmod = page_dates([f.src_uri for f in pages], history, collection, dates, docs)
    _sitemap[:] = [(urljoin(site_url, f.url), lastmod[f.src_uri]) for f in pages]
    if not history:
        log.info("kinderwerk: geen git-geschiedenis; datums in feed en sitemap komen uit de voorbeelden zelf")
    return nav


FEED_LINK = ("Wil je weten wanneer er een nieuw voorbeeld bij komt? Zet dan "
             "[de feed van de praktijkvoorbeelden](../feed.xml) in je feedlezer (Atom).")


def on_page_markdown(markdown, page, config, files):
    """A visible link to the feed on the example overview, above the list."""
    if page.file.src_uri != examples.OVERVIEW:
        return markdown
    if examples.MARKER in markdown:
        return markdown.replace(examples.MARKER, f"{FEED_LINK}\n\n{examples.MARKER}", 1)
    return markdown.rstrip("\n") + f"\n\n{FEED_LINK}\n"


def on_post_build(config):
    """Our sitemap over MkDocs' own (whose lastmod is the day of the build)."""
    site = Path(config.site_dir)
    data = sitemap_xml(_sitemap)
    (site / SITEMAP_PATH).write_bytes(data)
    (site / f"{SITEMAP_PATH}.gz").write_bytes(gzipped(data))


def on_serve(server, config, builder):
    """Rebuild when data or code changes, not only docs/."""
    for path in (DATA, ROOT / "scripts"):
        server.watch(str(path))
    return server
