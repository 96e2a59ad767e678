"""Per-page fragments of the search index, kept between builds (issues 18
and 20): what ``search_index.sections_of`` and ``Section.tokens`` make of a
page (its sections, their text for the snippets and their words per field)
depends only on the page's HTML, its title and the index code. A warm
build reads them from ``.cache/search/`` and parses only the pages that
changed; the index itself (scores, shards) is still made anew from all
pages, because every page's score depends on all the others (IDF, average
length).

The key of a fragment hashes the page's title and HTML with the code
version (the source of search_index.py and this file, and the stemmer's
version), so a change to the parser or the tokenizer throws every fragment
away. The cache is one JSON file, written whole to a temporary file and
renamed into place, and it keeps only the fragments of the last build.
"""
from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from . import search_index
from .search_index import SNIPPET_CHARS, Section

HERE = Path(__file__).resolve().parent
FILE_NAME = "fragmenten.json"


def code_version() -> str:
    digest = hashlib.sha256(version("snowballstemmer").encode())
    for name in ("search_index.py", "search_fragments.py"):
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:16]


class FragmentCache:
    """``get`` / ``put`` a page's fragment; ``save`` writes those used since
    it was opened. ``parsed`` and ``reused`` count the pages of this build."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / FILE_NAME
        self.version = code_version()
        self.old: dict[str, list] | None = None   # read on the first page, not before
        self.new: dict[str, list] = {}
        self.parsed = self.reused = 0

    def _load(self) -> dict[str, list]:
        if self.old is None:
            self.old = {}
            try:
                stored = json.loads(self.path.read_text(encoding="utf-8"))
                if stored.get("version") == self.version:
                    self.old = dict(stored["fragments"])
                    # the stems of the words seen before: Snowball is the slow part
                    search_index.STEMS.update({str(w): str(s) for w, s in stored.get("stems", {}).items()})
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                self.old = {}   # no cache, or a broken one: parse everything
        return self.old

    def _key(self, title: str, html: str) -> str:
        digest = hashlib.sha256(self.version.encode())
        for part in (title, html):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

    def get(self, title: str, html: str) -> tuple[list[Section], bool] | None:
        key = self._key(title, html)
        stored = self.new.get(key) or self._load().get(key)
        if stored is None:
            return None
        try:
            figure, rows = stored
            sections = []
            for anchor, section_title, level, snippet, originals, headings, facts, body, linked in rows:
                section = Section(anchor, section_title, level)
                # the cached properties, as the parser made them (the text only
                # as far as the index keeps it for snippets)
                section.__dict__.update(body=snippet, originals=originals, tokens=(headings, facts, body, linked))
                sections.append(section)
        except (TypeError, ValueError):
            return None
        self.new[key] = stored
        self.reused += 1
        return sections, bool(figure)

    def put(self, title: str, html: str, sections: list[Section], figure: bool) -> None:
        self.parsed += 1
        self.new[self._key(title, html)] = [
            figure, [[s.anchor, s.title, s.level, s.body[:SNIPPET_CHARS], s.originals, *s.tokens]
                     for s in sections]]

    def save(self) -> None:
        if self.new.keys() == self._load().keys():
            return   # nothing changed
        self.path.parent.mkdir(parents=True, exist_ok=True)
        stems = dict(sorted(search_index.STEMS.items()))   # the words of this build and their parts
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps({"version": self.version, "fragments": self.new, "stems": stems},
                                  ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        tmp.replace(self.path)
