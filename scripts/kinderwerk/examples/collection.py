"""All examples together: sorted, indexed by thema and partner, related
examples and filter facets."""
from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

from .base import ExampleError, Problem
from .schema import Example
from .text import slugify
from .vocabulary import Vocabulary


def duplicate_titles(examples: list[Example]) -> list[Problem]:
    """One problem per example whose page title another example has already."""
    seen: dict[str, str] = {}
    problems = []
    for e in sorted(examples, key=lambda e: e.src_uri):
        key = e.volledige_titel.lower()
        if key in seen:
            problems.append(Problem(f"docs/{e.src_uri}", None, "titel",
                                    f"de titel '{e.volledige_titel}' bestaat al (docs/{seen[key]}). "
                                    f"Kies een andere titel."))
        else:
            seen[key] = e.src_uri
    return problems


@dataclass
class Collection:
    examples: list[Example]
    vocab: Vocabulary
    by_src: dict[str, Example] = field(init=False)

    def __post_init__(self):
        self.examples = sorted(self.examples, key=lambda e: (e.volledige_titel.lower(), e.src_uri))
        self.by_src = {e.src_uri: e for e in self.examples}
        self._order = {e.src_uri: i for i, e in enumerate(self.examples)}
        self._themas: dict[str, list[Example]] = {}
        self._partners: dict[str, list[Example]] = {}
        for e in self.examples:
            for key in e.themas:
                self._themas.setdefault(key, []).append(e)
            for key in e.partners:
                self._partners.setdefault(key, []).append(e)
        problems = duplicate_titles(self.examples)
        if problems:
            raise ExampleError(problems)

    def with_thema(self, key: str) -> list[Example]:
        return list(self._themas.get(key, ()))

    def with_partner(self, key: str) -> list[Example]:
        return list(self._partners.get(key, ()))

    def for_chapter(self, slug: str) -> list[Example]:
        return [e for e in self.examples if slug in e.hoofdstukken]

    def related(self, example: Example, limit: int = 5) -> list[tuple[Example, list[str]]]:
        """Examples sharing thema's or partners, most shared first; with the
        labels of what they share."""
        shared: dict[str, list[str]] = {}
        for keys, index, labels in ((example.themas, self._themas, self.vocab.themas),
                                    (example.partners, self._partners, self.vocab.partners)):
            for key in keys:
                for other in index.get(key, ()):
                    if other is not example:
                        shared.setdefault(other.src_uri, []).append(labels[key])
        best = heapq.nsmallest(limit, shared.items(),
                               key=lambda item: (-len(item[1]), self._order[item[0]]))
        return [(self.by_src[src], labels) for src, labels in best]

    def facets(self) -> dict[str, list[tuple[str, str, int]]]:
        """Per filter: (value id, label, number of examples), values that occur only."""
        def count(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, int]]:
            tally: dict[str, list] = {}
            for key, label in pairs:
                tally.setdefault(key, [label, 0])[1] += 1
            return sorted(((k, v[0], v[1]) for k, v in tally.items()), key=lambda t: t[1].lower())
        ex = self.examples
        return {
            "provincie": count((self.vocab.provincie_id(p), p) for e in ex for p in e.provincie),
            "gemeente": count((slugify(g), g) for e in ex for g in e.gemeenten),
            "thema": count((t, self.vocab.themas[t]) for e in ex for t in e.themas),
            "partner": count((p, self.vocab.partners[p]) for e in ex for p in e.partners),
            "werkvorm": count((w, self.vocab.werkvormen[w]) for e in ex for w in e.werkvormen),
        }
