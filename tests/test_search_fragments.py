"""Per-page fragments of the search index kept between builds
(scripts/kinderwerk/search_fragments.py, issues 18 and 20): a warm build
parses only the pages that changed, and its index is the same as a cold
build's."""
from __future__ import annotations

import json

from kinderwerk import search_fragments as sf
from kinderwerk import search_index as si

PAGES = [
    ("a/", "Zwolberg", "<h1>Jeugdzorg in Zwolberg</h1><p>Kinderwerkers en de jeugdzorg.</p>"
                       '<h2 id="aanpak">Aanpak</h2><p>De school werkt mee. Ingrediënten.</p>'),
    ("b/", "Veldhoek", "<h1>Veldhoek</h1><p>De speeltuin in de wijk.</p><ul><li><a href='../a/'>Zwolberg</a>:"
                       " over de jeugdzorg.</li></ul>"),
    ("c/", "Cijfers", '<h1>Cijfers</h1><figure class="kw-chart"></figure><p>Signaleren: 86%.</p>'),
]


def build(pages, cache=None, synonyms=None):
    builder = si.IndexBuilder(synonyms or {"pandemie": ["jeugdzorg"]}, cache)
    for url, title, html in pages:
        builder.add_page(url, title, html)
    files = builder.build()
    if cache is not None:
        cache.save()
    return files


def test_a_warm_build_parses_only_the_page_that_changed_and_makes_the_same_index(tmp_path):
    cold = sf.FragmentCache(tmp_path)
    build(PAGES, cold)
    assert (cold.parsed, cold.reused) == (3, 0)
    assert (tmp_path / sf.FILE_NAME).is_file()

    edited = [PAGES[0], (PAGES[1][0], PAGES[1][1], PAGES[1][2].replace("speeltuin", "speelplek")), PAGES[2]]
    warm = sf.FragmentCache(tmp_path)
    files = build(edited, warm)
    assert (warm.parsed, warm.reused) == (1, 2)
    assert files == build(edited)            # the same bytes as without a cache
    again = sf.FragmentCache(tmp_path)
    build(edited, again)
    assert (again.parsed, again.reused) == (0, 3)
    # only the fragments of the last build are kept
    stored = json.loads((tmp_path / sf.FILE_NAME).read_text(encoding="utf-8"))
    assert len(stored["fragments"]) == 3


def test_the_same_html_under_another_title_is_parsed_again(tmp_path):
    build(PAGES, sf.FragmentCache(tmp_path))
    renamed = [(PAGES[0][0], "Andere titel", PAGES[0][2])] + PAGES[1:]
    warm = sf.FragmentCache(tmp_path)
    assert build(renamed, warm) == build(renamed)
    assert (warm.parsed, warm.reused) == (1, 2)


def test_other_index_code_or_a_broken_cache_means_parsing_everything(tmp_path, monkeypatch):
    build(PAGES, sf.FragmentCache(tmp_path))
    monkeypatch.setattr(sf, "code_version", lambda: "een-andere-versie")
    changed = sf.FragmentCache(tmp_path)
    assert build(PAGES, changed) == build(PAGES)
    assert (changed.parsed, changed.reused) == (3, 0)
    monkeypatch.undo()
    for broken in ("{niet json", json.dumps({"version": sf.code_version(), "fragments": {"x": 1}}),
                   json.dumps([1, 2])):
        (tmp_path / sf.FILE_NAME).write_text(broken, encoding="utf-8")
        cache = sf.FragmentCache(tmp_path)
        assert build(PAGES, cache) == build(PAGES)
        assert cache.parsed == 3
