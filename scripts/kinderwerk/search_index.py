"""The site's Dutch search index, built at build time (issues 10 and 18).

Plain Python, independent of MkDocs: ``scripts/adapters/hooks_search.py`` feeds it the
HTML of each page; ``write_index`` writes small files that the search worker
(docs/assets/javascripts/workers/zoeken-nl.js) loads only when a reader
searches, and only the pieces a query needs:

* ``kop.json`` (the head, loaded when the reader goes to the search box):
  where each page's sections start, which pages are reference or overview
  pages and which show a chart, where the vocabulary and postings shards
  start, and the curated synonym list (data/zoeken/synoniemen.csv);
* ``woorden/N.json``: the vocabulary in shards: every word (accents folded),
  its Snowball stem, its parts when it is a compound of other words on the
  site (jeugdzorg = jeugd + zorg), the number of sections it is in, and per
  stem the compounds elsewhere that have it as a part;
* ``postings/N.txt``: per word, the sections it is in with a BM25F score,
  marked when the word is in the page title (!) or a heading (.);
* ``teksten/N.json``: per page, its address and the title, anchor and text
  of its sections, for the results shown.

Words are numbered in (stem, word) order and both kinds of shards cut that
order into pieces, so all forms of one stem sit in one shard and a query
word's stem names the shard it needs.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import snowballstemmer

# Snowball's Dutch stop words (snowballstem.org, dutch/stop.txt), accents folded.
STOP_WORDS = frozenset("""
de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem
dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb
hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer
doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen
kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
""".split())

# Field scores: a word in the page title counts most, then a heading, then body text.
# A short heading that recurs on several pages (the sections every example
# has: Aanleiding, Samenwerking, Tips) says little about the page: it counts
# as body text.
TITLE, HEADING, TEMPLATE_HEADING = 10.0, 4.0, 1.0
TEMPLATE_PAGES = 3      # a short heading on this many pages or more is a template heading
TEMPLATE_WORDS = 3      # (a chart's title recurs too, on every page with the chart: not a template)
# The facts list of an example (organisation, place, themes, partners) names
# the example's place and people, but its theme and partner labels recur on
# many examples: a word there counts once, lightly.
FACT = 0.5
# BM25F (Robertson & Zaragoza 2009): per section, the weighted field counts
# are summed first (body length-normalised), then saturated once, so a word
# repeated all over one page cannot outweigh a word in another page's title.
# K1 is high for BM25 because the title weight is: a title match still
# counts about four times a single mention in the text.
BM25_K1, BM25_B = 4.0, 0.6
# A posting whose word is in the page's title ends in "!", one in a heading
# (of the section or inside it) in "." (the worker uses this to see a query
# is about a reference page).
TITLE_MARK, HEADING_MARK = "!", "."
SCORE_STEP = 10         # score * 10, rounded, stored as two base-36 digits (0..1295)
SNIPPET_CHARS = 500     # text kept per section for the result snippets
SHARD_BYTES = 6_000     # target size of one postings shard, uncompressed
VOCAB_SHARD_BYTES = 6_000  # target size of one vocabulary shard, uncompressed
MAX_POSTINGS = 400      # sections kept per word: the best-scoring ones
BOOST_POWER = 0.5      # Material's search boost (2 on examples), damped: it would drown the chapters
MIN_PART = 4            # shortest compound part (zorg, werk, wijk)
MAX_COMPOUND = 40       # longer words are not split (bounded cost; the worker has the same cap)
MAX_PARTS = 4           # at most this many parts
# What kind of page: the worker ranks reference and overview pages lower
# unless the query is about them (a query word in their title or a heading).
NORMAL, REFERENCE, OVERVIEW = 0, 1, 2

_stemmer = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _strip_marks(match: re.Match) -> str:
    decomposed = unicodedata.normalize("NFD", match.group())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case without accents: 'Ingrediënten' -> 'ingredienten'. Only
    the runs of non-ASCII characters are decomposed (most text has none)."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return unicodedata.normalize("NFC", _NON_ASCII.sub(_strip_marks, lowered))


_EER = re.compile(r"eert?$")


@functools.cache
def stem(word: str) -> str:
    """Snowball's Dutch stem of a folded word, plus one rule of our own:
    Snowball leaves verb forms in -eert/-eer alone while it stems their
    infinitive to -er (signaleert, signaleer / signaleren -> signaler), so
    -eer(t) becomes -er. The worker applies the same rule."""
    result = _stemmer.stemWord(word)
    if len(result) >= 7 and _EER.search(result):
        result = _EER.sub("er", result)
    return result


def words(text: str) -> list[str]:
    """Folded words of ``text``: letters and digits; anything else separates
    (hyphens too: 'R-Newt' -> 'r', 'newt')."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 or w.isdigit()]


def search_words(text: str) -> list[str]:
    """Words that count for search: no stop words."""
    return [w for w in words(text) if w not in STOP_WORDS]


# ---------------------------------------------------------------------------
# HTML -> sections
# ---------------------------------------------------------------------------

INLINE = frozenset("a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup "
                   "time u var del ins".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
SKIP = frozenset("script style svg template noscript button select option textarea".split())
SKIP_CLASSES = ("headerlink", "footnote-backref", "md-clipboard")


@dataclass
class Section:
    anchor: str                 # "" for the top of the page
    title: str
    level: int = 1
    heading_text: list[str] = field(default_factory=list)   # lower headings inside it
    text: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)  # the facts list of an example ("In het kort")

    @functools.cached_property
    def body(self) -> str:   # read only after the page is parsed; used several times
        return re.sub(r"\s+", " ", " ".join(self.text)).strip()


class _SectionParser(HTMLParser):
    """Split a page's content HTML into sections at h1-h3 with an id. Text
    in elements marked data-search-exclude, scripts, SVG (charts: their
    table carries the figures), permalinks and footnote back-links is left
    out; every tag that is not inline separates words, so table cells and
    captions do not run together."""

    def __init__(self, page_title: str):
        super().__init__(convert_charrefs=True)
        self.sections = [Section("", page_title)]
        self.stack: list[str] = []
        self.skip_depth: int | None = None
        self.heading: tuple[int, str | None, list[str]] | None = None
        self.abstract_depth: int | None = None   # inside an "abstract" admonition
        self.facts_depth: int | None = None      # inside its list of facts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in VOID:
            self._separate(tag)
            return
        self.stack.append(tag)
        if self.skip_depth is not None:
            return
        classes = (attributes.get("class") or "").split()
        if (tag in SKIP or "data-search-exclude" in attributes
                or any(c in SKIP_CLASSES for c in classes)):
            self.skip_depth = len(self.stack)
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = (int(tag[1]), attributes.get("id"), [])
        if "admonition" in classes and "abstract" in classes and self.abstract_depth is None:
            self.abstract_depth = len(self.stack)
        elif tag in ("ul", "dl") and self.abstract_depth is not None and self.facts_depth is None:
            self.facts_depth = len(self.stack)
        self._separate(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if self.skip_depth is not None and len(self.stack) < self.skip_depth:
                self.skip_depth = None
            if self.facts_depth is not None and len(self.stack) < self.facts_depth:
                self.facts_depth = None
            if self.abstract_depth is not None and len(self.stack) < self.abstract_depth:
                self.abstract_depth = None
            if open_tag == tag:
                break
        if self.skip_depth is not None:
            return
        if self.heading and re.fullmatch(r"h[1-6]", tag):
            level, anchor, parts = self.heading
            self.heading = None
            text = re.sub(r"\s+", " ", "".join(parts)).strip()
            if level == 1:
                if text:
                    self.sections[0].title = text
            elif level <= 3 and anchor:
                self.sections.append(Section(anchor, text, level))
            else:
                self.sections[-1].heading_text.append(text)
            return
        self._separate(tag)

    def _target(self) -> list[str]:
        if self.heading:
            return self.heading[2]
        return self.sections[-1].facts if self.facts_depth is not None else self.sections[-1].text

    def _separate(self, tag: str) -> None:
        if tag not in INLINE:
            self._target().append(" ")
            if self.facts_depth is not None and not self.heading:
                self.sections[-1].text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.skip_depth is not None:
            return
        self._target().append(data)
        if self.facts_depth is not None and not self.heading:
            self.sections[-1].text.append(data)   # shown in the snippet, scored apart


def sections_of(html: str, page_title: str) -> list[Section]:
    parser = _SectionParser(page_title)
    parser.feed(html)
    parser.close()
    return parser.sections


# ---------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------

@dataclass
class Page:
    url: str
    title: str
    sections: list[Section]
    boost: float = 1.0
    kind: int = NORMAL
    figure: bool = False        # the page shows a chart (figure questions lead here)


def split_compound(word: str, known: Callable[[str], bool],
                   known_last: Callable[[str], bool] | None = None) -> list[str]:
    """The compound splitter of the index and (ported line for line to
    zoeken-nl.js, splitWord) of the worker: ``word`` as two to MAX_PARTS
    parts for which ``known(part)`` is true, the longest first part first,
    or [] when there is none.

    Bounded: words longer than MAX_COMPOUND are not split, and the split of
    each tail is worked out once (memo), so a word costs at most
    MAX_COMPOUND**2 look-ups and the whole vocabulary costs linear time.
    ``known_last`` (default ``known``) judges the last part, which the
    worker also accepts by its stem (opvoedingsondersteuning: ondersteun-)."""
    known_last = known_last or known
    if len(word) < 2 * MIN_PART or len(word) > MAX_COMPOUND or not word.isalpha():
        return []
    memo: dict[str, list[str] | None] = {}

    def split(rest: str, whole_allowed: bool) -> list[str] | None:
        if whole_allowed and known_last(rest):
            return [rest]
        key = rest if whole_allowed else "!" + rest
        if key in memo:
            return memo[key]
        best = None
        for i in range(len(rest) - MIN_PART, MIN_PART - 1, -1):
            head, tail = rest[:i], rest[i:]
            for link in ("s", "en", "e", ""):
                if link and not head.endswith(link):
                    continue
                core = head[:len(head) - len(link)] if link else head
                if len(core) < MIN_PART or not known(core):
                    continue
                tail_parts = split(tail, True)
                if tail_parts and (best is None or len(tail_parts) + 1 < len(best)):
                    best = [core] + tail_parts
            if best:
                break
        memo[key] = best
        return best

    parts = split(word, False)
    return parts if parts and len(parts) <= MAX_PARTS else []


class IndexBuilder:
    def __init__(self, synonyms: dict[str, list[str]] | None = None):
        self.pages: list[Page] = []
        self.synonyms = synonyms or {}   # folded word or phrase -> words it also searches

    def add_page(self, url: str, title: str, html: str, boost: float = 1.0, kind: int = NORMAL) -> None:
        self.pages.append(Page(url, title, sections_of(html, title), boost, kind,
                               'class="kw-chart"' in html))

    # -- scoring ----------------------------------------------------------
    def _postings(self) -> tuple[dict[str, dict[int, float]], int]:
        """word -> {section id: score}, and the number of sections."""
        heading_pages: dict[str, int] = {}
        for page in self.pages:
            for heading in {fold(s.title) for s in page.sections[1:]}:
                heading_pages[heading] = heading_pages.get(heading, 0) + 1
        section_words, page_title = [], []
        for page in self.pages:
            for i, section in enumerate(page.sections):
                title = search_words(page.title if i == 0 else section.title)
                page_title.append(i == 0)
                if i == 0:  # the page's H1 can differ from its nav title
                    title += [w for w in search_words(section.title) if w not in title]
                    weight = TITLE
                else:
                    template = (heading_pages.get(fold(section.title), 0) >= TEMPLATE_PAGES
                                and len(words(section.title)) <= TEMPLATE_WORDS)
                    weight = TEMPLATE_HEADING if template else HEADING
                headings = search_words(" ".join(section.heading_text))
                facts = search_words(" ".join(section.facts))
                body = search_words(section.body)
                for w in facts:      # the facts are in the text too: count them once, lightly
                    body.remove(w)
                # Material's boost (2 for examples) would drown the chapters: damped.
                section_words.append((page.boost ** BOOST_POWER, title, weight, headings, facts, body))
        lengths = [len(b) for *_, b in section_words]
        average = max((sum(lengths) / len(lengths)) if lengths else 1.0, 1.0)
        postings: dict[str, dict[int, float]] = {}
        self.about: dict[tuple[str, int], str] = {}   # (word, section) -> mark
        for sid, (boost, title, title_weight, headings, facts, body) in enumerate(section_words):
            norm = 1 - BM25_B + BM25_B * len(body) / average
            weighted: dict[str, float] = {}
            for w in body:
                weighted[w] = weighted.get(w, 0.0) + 1 / norm
            for w in set(facts):
                weighted[w] = weighted.get(w, 0.0) + FACT
            for w in set(headings):
                weighted[w] = weighted.get(w, 0.0) + HEADING
                self.about.setdefault((w, sid), HEADING_MARK)
            for w in set(title):
                weighted[w] = weighted.get(w, 0.0) + title_weight
                if title_weight != TEMPLATE_HEADING:
                    self.about[(w, sid)] = TITLE_MARK if page_title[sid] else HEADING_MARK
            for w, tf in weighted.items():
                postings.setdefault(w, {})[sid] = tf * (BM25_K1 + 1) / (tf + BM25_K1) * boost
        return postings, len(section_words)

    # -- compounds ----------------------------------------------------------
    @staticmethod
    def compound_parts(word: str, vocabulary: set[str], stems: set[str] | None = None) -> list[str]:
        """Split ``word`` into two to four words that occur on the site on
        their own (a linking s, e or en between them is allowed), the
        longest first part first: 'jeugdzorg' -> ['jeugd', 'zorg'],
        'samenwerkingspartners' -> ['samenwerking', 'partners']. [] when it
        is no such compound. ``vocabulary`` may already hold the stems
        (``stems`` None): the build passes one set for all words."""
        known = vocabulary if stems is None else vocabulary | stems
        return split_compound(word, known.__contains__)

    # -- output -------------------------------------------------------------
    def build(self) -> dict[str, bytes]:
        """file name (relative to the index folder) -> contents."""
        postings, n_sections = self._postings()
        vocabulary = set(postings)
        stems_of = {w: stem(w) for w in vocabulary}
        stems = set(stems_of.values())
        order = sorted(vocabulary, key=lambda w: (stems_of[w], w))
        files: dict[str, bytes] = {}

        # postings shards
        shard_starts, size, shard = [0], 0, 0
        lines: list[str] = []
        for i, w in enumerate(order):
            entries: list[tuple[int, float]] = list(postings[w].items())
            if len(entries) > MAX_POSTINGS:
                # A word on very many sections (kinderen, wijk) says little
                # about each: its best sections only, so a query of common
                # words stays small at any size. df keeps the true count.
                entries = sorted(entries, key=lambda e: (-e[1], e[0]))[:MAX_POSTINGS]
            entries = sorted(entries)
            prev, tokens = 0, []
            for sid, score in entries:
                mark = self.about.get((w, sid), "")
                tokens.append(f"{_b36(sid - prev)}{_b36(min(1295, max(1, round(score * SCORE_STEP)))):0>2}{mark}")
                prev = sid
            line = ",".join(tokens)
            if lines and size + len(line) > SHARD_BYTES and stems_of[order[i - 1]] != stems_of[w]:
                files[f"postings/{shard}.txt"] = "\n".join(lines).encode()
                shard += 1
                shard_starts.append(i)
                lines, size = [], 0
            lines.append(line)
            size += len(line) + 1
        files[f"postings/{shard}.txt"] = "\n".join(lines).encode()

        originals = self._original_forms(vocabulary)
        df = [len(postings[w]) for w in order]
        stem_list = [stems_of[w] for w in order]
        parts: dict[int, list[str]] = {}
        compounds: dict[str, list[int]] = {}      # part stem -> compounds that have it
        known = vocabulary | stems
        for i, w in enumerate(order):
            split = split_compound(w, known.__contains__)
            if split:
                parts[i] = [stem(part) for part in split]
                for part in dict.fromkeys(parts[i]):
                    compounds.setdefault(part, []).append(i)

        # The vocabulary in shards, cut in the same (stem, word) order: a query
        # word's stem names its shard, so a search loads one or two of them.
        vocab_starts, vocab_first_stems, start, size = [0], [stem_list[0] if order else ""], 0, 0
        for i in range(len(order) + 1):
            if i == len(order) or (size > VOCAB_SHARD_BYTES and stem_list[i] != stem_list[i - 1]):
                if i > start:
                    k = len(vocab_starts) - 1
                    local = range(start, i)
                    shard_stems = set(stem_list[start:i])
                    files[f"woorden/{k}.json"] = _json({
                        "start": start,
                        "words": order[start:i],
                        "stems": [stem_list[j] if stem_list[j] != order[j] else "" for j in local],
                        "df": df[start:i],
                        "parts": {j - start: " ".join(parts[j]) for j in local if j in parts},
                        "original": {j - start: originals[order[j]] for j in local if order[j] in originals},
                        # compounds anywhere on the site that have a stem of this shard as a part
                        "compounds": {part: [[order[c], c, df[c]] for c in compounds[part]]
                                      for part in sorted(shard_stems) if part in compounds},
                    })
                if i < len(order):
                    vocab_starts.append(i)
                    vocab_first_stems.append(stem_list[i])
                start, size = i, 0
            if i < len(order):
                size += len(order[i]) + len(stem_list[i]) + 8
        first_page_stems = vocab_first_stems[:len(vocab_starts)]

        # The head, loaded when a reader goes to the search box: small and
        # about the size of the site's page count, not its vocabulary.
        head = {
            "sections": n_sections,
            "words": len(order),
            "counts": ",".join(_b36(len(page.sections)) for page in self.pages),
            "kind": {i: page.kind for i, page in enumerate(self.pages) if page.kind != NORMAL},
            "figure": [i for i, page in enumerate(self.pages) if page.figure],
            "vocab": first_page_stems,
            "postings": shard_starts,
            "synonyms": self._synonyms(vocabulary, stems),
        }
        files["kop.json"] = _json(head)
        for pid, page in enumerate(self.pages):
            files[f"teksten/{pid}.json"] = _json({"u": page.url, "s": [
                [s.anchor, s.title if i else page.title, s.body[:SNIPPET_CHARS]]
                for i, s in enumerate(page.sections)]})
        return files

    def _synonyms(self, vocabulary: set[str], stems: set[str]) -> dict[str, list[str]]:
        """The curated synonyms whose targets are on the site: folded word or
        phrase -> the site's words it also searches (a word the site has
        itself keeps its own matches; its synonyms come on top, ranked lower)."""
        out = {}
        for source, targets in sorted(self.synonyms.items()):
            present = [t for t in targets if t != source and (t in vocabulary or stem(t) in stems)]
            if present:
                out[source] = present
        return out

    def _original_forms(self, vocabulary: set[str]) -> dict[str, str]:
        """Folded word -> the form with accents as written, where they differ
        (for highlighting on the page itself)."""
        found: dict[str, str] = {}
        for page in self.pages:
            for s in page.sections:
                text = " ".join([s.title, s.body])
                if text.isascii():
                    continue
                for raw in _WORD.findall(text):
                    low = raw.lower()
                    if low.isascii():
                        continue
                    folded = fold(low)
                    if folded != low and folded in vocabulary:
                        found.setdefault(folded, low)
        return found


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_index(builder: IndexBuilder, folder: Path) -> str:
    """Write the index into ``folder`` (emptied first); returns its version,
    a hash of the contents that the worker adds to every address."""
    files = builder.build()
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name])
    if folder.exists():
        for old in sorted(folder.rglob("*"), reverse=True):
            old.unlink() if old.is_file() else old.rmdir()
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return digest.hexdigest()[:12]


def idf(df: int, n: int) -> float:
    """The same inverse document frequency as the worker."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def read_documents(site_dir: Path, folder: str = "search/nl") -> list[dict]:
    """The sections in a built site's index, shaped like Material's search
    documents ({location, title, text}, the page first, then its sections),
    for tests that look at what search can find."""
    base = Path(site_dir) / folder
    head = json.loads((base / "kop.json").read_text(encoding="utf-8"))
    docs = []
    for number in range(len(head["counts"].split(",")) if head["counts"] else 0):
        page = json.loads((base / "teksten" / f"{number}.json").read_text(encoding="utf-8"))
        for anchor, title, text in page["s"]:
            docs.append({"location": page["u"] + (f"#{anchor}" if anchor else ""), "title": title,
                         "text": text})
    return docs
