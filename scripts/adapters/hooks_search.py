"""MkDocs hooks for the site search (issue 10).

Material's search box stays; what it searches is ours:

* on_page_content: the HTML of every page that is not excluded from search
  (front matter ``search: {exclude: true}``) goes into the Dutch index of
  ``kinderwerk.search_index`` (plain Python, tested on its own);
* on_post_build: the index is written to ``search/nl/``, and Material's
  ``search/search_index.json``, which every page fetches when it loads, is
  replaced by a stub without pages: it only tells the worker
  (docs/assets/javascripts/workers/zoeken-nl.js) where the index is and
  which version. The worker loads the index when a reader searches.
"""
from __future__ import annotations

import json
import logging
from html import unescape
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from kinderwerk.search_index import NORMAL, OVERVIEW, REFERENCE, IndexBuilder, write_index
from kinderwerk.search_synonyms import SynonymError, load_synonyms

log = logging.getLogger("mkdocs.hooks.zoeken")
INDEX_FOLDER = "search/nl"
SYNONYMS = Path("data") / "zoeken" / "synoniemen.csv"
# Pages about the site and the report rather than about kinderwerk: they
# mention every topic in passing, so they come first only when the query is
# about them (issue 18). Overview pages (home, the list of examples) a bit less so.
REFERENCE_PAGES = frozenset({"bijdragen/", "begrippen/", "bronnen/", "cijfers/", "toegankelijkheid/",
                             "colofon/"})
OVERVIEW_PAGES = frozenset({"", "praktijkvoorbeelden/"})
_builder = IndexBuilder()


def on_config(config):
    global _builder
    path = Path(config.config_file_path).parent / SYNONYMS
    try:
        synonyms = load_synonyms(path, str(SYNONYMS)) if path.exists() else {}
    except SynonymError as exc:
        raise PluginError(f"Fout in de lijst met zoekwoorden:\n{exc}") from None
    _builder = IndexBuilder(synonyms)
    return config


def page_kind(url: str) -> int:
    if url in REFERENCE_PAGES:
        return REFERENCE
    return OVERVIEW if url in OVERVIEW_PAGES else NORMAL


def on_page_content(html, page, config, files):
    search = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    if search.get("exclude"):
        return html
    try:  # Material's `search.boost` (2 on the examples); damped in the index
        boost = float(search.get("boost", 1.0))
    except (TypeError, ValueError):
        boost = 1.0
    # MkDocs' page.title is HTML text (character references stay); the index
    # holds plain text, which the worker escapes when it shows a result.
    _builder.add_page(page.url, unescape(page.title or config.site_name), html, boost, page_kind(page.url))
    return html


def on_post_build(config):
    site = Path(config.site_dir)
    version = write_index(_builder, site / INDEX_FOLDER)
    stub_path = site / "search" / "search_index.json"
    stub: dict[str, Any] = {"config": {"lang": ["nl"], "separator": r"[\s\-]+", "pipeline": [],
                       "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
                       "kinderwerk": {"index": "nl/", "version": version}},
            "docs": []}
    if stub_path.exists():  # keep Material's settings (separator for highlighting)
        try:
            stub["config"] = {**json.loads(stub_path.read_text(encoding="utf-8"))["config"],
                              "kinderwerk": stub["config"]["kinderwerk"]}
        except (ValueError, KeyError):
            pass
    stub_path.parent.mkdir(parents=True, exist_ok=True)
    stub_path.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    log.info(f"zoeken: {len(_builder.pages)} pagina's in {INDEX_FOLDER}/ (versie {version})")
