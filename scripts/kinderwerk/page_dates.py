"""The dates the feed and the sitemap give: one source for both.

* A practice example was *published* on its ``toegevoegd`` date (front
  matter), else on the day git first saw its file, else on its
  ``gecontroleerd`` date. It was *updated* on the latest of its
  ``gecontroleerd`` date, its last change in git and its publication.
* Any other page changed when git last saw its source change; a page that
  lists examples (the overview, the tag pages, a chapter) also changed when
  one of them did. Without either, a page has no date (the sitemap leaves
  lastmod out rather than guess).

Never the build time: the same commit gives the same dates.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .examples import Collection, Example

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from .examples import CHAPTER_FOLDER, OVERVIEW, all_tag_pages, tag_src
from .history import FileDates

DOCS = "docs"  # the docs folder, relative to the repository's root


@dataclass(frozen=True)
class ExampleDates:
    published: dt.date
    updated: dt.date


def example_dates(example: Example, history: dict[str, FileDates], docs: str = DOCS) -> ExampleDates:
    git = history.get(posixpath.join(docs, example.src_uri))
    published = example.toegevoegd or (git.added if git else example.gecontroleerd)
    updated = max(example.gecontroleerd, published, git.changed if git else published)
    return ExampleDates(published, updated)


def _listed(collection: Collection) -> dict[str, list]:
    """src_uri of a page that lists examples -> those examples."""
    listed = {OVERVIEW: list(collection.examples)}
    for kind, key in all_tag_pages(collection):
        found = collection.with_thema(key) if kind == "thema" else collection.with_partner(key)
        listed[tag_src(kind, key)] = found
    for slug in collection.vocab.hoofdstukken:
        listed[f"{CHAPTER_FOLDER}/{slug}.md"] = collection.for_chapter(slug)
    return listed


def page_dates(src_uris: Iterable[str], history: dict[str, FileDates], collection: Collection | None,
               examples: dict[str, ExampleDates], docs: str = DOCS) -> dict[str, dt.date | None]:
    """src_uri -> the day the page last changed (None: unknown).
    ``examples``: src_uri of each example -> its dates."""
    listed = _listed(collection) if collection is not None else {}
    result: dict[str, dt.date | None] = {}
    for src in src_uris:
        if src in examples:
            result[src] = examples[src].updated
            continue
        own = history.get(posixpath.join(docs, src))
        days = [own.changed] if own else []
        days += [examples[e.src_uri].updated for e in listed.get(src, ()) if e.src_uri in examples]
        result[src] = max(days) if days else None
    return result
