"""The Dutch search index (scripts/kinderwerk/search_index.py), on its own:
stemming, accent folding, compounds, tokenisation of tables and headings,
what is left out, and the files the worker reads. Plus the JavaScript port
of the stemmer against Python's, word for word."""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kinderwerk import search_index as si

ROOT = Path(__file__).resolve().parent.parent
STEMMER_JS = ROOT / "docs" / "assets" / "javascripts" / "workers" / "stemmer-nl.js"


def build(pages: list[tuple[str, str, str]]) -> dict:
    builder = si.IndexBuilder()
    for url, title, html in pages:
        builder.add_page(url, title, html)
    files = builder.build()
    return {name: (json.loads(data) if name.endswith(".json") else data.decode()) for name, data in files.items()}


def postings(files: dict, word: str) -> dict[int, float]:
    """section -> score for ``word``, read back from the shards like the worker."""
    d = files["woorden.json"]
    i = d["words"].index(word)
    shard = max(k for k, start in enumerate(d["shards"]) if start <= i)
    line = files[f"postings/{shard}.txt"].split("\n")[i - d["shards"][shard]]
    out, sid = {}, 0
    for token in line.split(","):
        sid += int(token[:-2], 36)
        out[sid] = int(token[-2:], 36) / si.SCORE_STEP
    return out


# --- words -----------------------------------------------------------------

def test_folding_removes_accents_and_case():
    assert si.fold("Ingrediënten, FINANCIËN, café") == "ingredienten, financien, cafe"


def test_stemming_joins_singular_plural_and_verb_forms():
    assert si.stem("basisscholen") == si.stem("basisschool")
    assert si.stem("huttendorpen") == si.stem("huttendorp")
    assert si.stem("samengewerkt") == si.stem("samenwerken")
    # Our rule on top of Snowball: -eert/-eer like the infinitive.
    assert si.stem("signaleert") == si.stem("signaleren") == si.stem("gesignaleerd")
    assert si.stem("kinderen") != si.stem("kinderwerk")


def test_words_split_on_hyphens_and_drop_stop_words():
    assert si.words("R-Newt Kids in Tilburg") == ["newt", "kids", "in", "tilburg"]  # one letter: no word
    assert si.search_words("Wat is kinderwerk?") == ["kinderwerk"]


def test_compounds_split_against_the_sites_own_words():
    vocabulary = {"jeugd", "zorg", "jeugdzorg", "samenwerking", "partners", "samenwerkingspartners",
                  "kinderwerk", "eigenlijk"}
    stems = {si.stem(w) for w in vocabulary}
    assert si.IndexBuilder.compound_parts("jeugdzorg", vocabulary, stems) == ["jeugd", "zorg"]
    assert si.IndexBuilder.compound_parts("samenwerkingspartners", vocabulary, stems) == [
        "samenwerking", "partners"]
    # Not a compound of site words: no parts.
    assert si.IndexBuilder.compound_parts("kinderwerk", vocabulary, stems) == []
    assert si.IndexBuilder.compound_parts("eigenlijk", vocabulary, stems) == []


# --- HTML ----------------------------------------------------------------------

TABLE = """<h1>Cijfers</h1><p>Intro.</p>
<h2 id="grafiek">Partners<a class="headerlink" href="#grafiek">&para;</a></h2>
<table><caption>Partners in procenten</caption><tr><th>Antwoord</th><th>Percentage</th></tr>
<tr><td>Jeugdzorg</td><td>50%</td></tr></table>
<svg><title>Staafdiagram met veel woorden</title><text>Gluedlabel</text></svg>"""


def test_table_cells_captions_and_headings_are_separate_words():
    sections = si.sections_of(TABLE, "Cijfers")
    assert [s.anchor for s in sections] == ["", "grafiek"]
    body = sections[1].body
    tokens = si.words(body)
    assert {"procenten", "antwoord", "percentage", "jeugdzorg", "50"} <= set(tokens)
    assert "procentenantwoord" not in tokens and "percentagejeugdzorg" not in tokens
    assert "staafdiagram" not in tokens and "gluedlabel" not in tokens   # chart SVG left out
    assert sections[1].title == "Partners"                                # no pilcrow


def test_excluded_blocks_scripts_and_footnote_links_are_left_out():
    html = ('<h1>T</h1><p>Zichtbaar woord.</p><div data-search-exclude><ul><li>Kaartjeswoord</li>'
            '</ul><p>Nogeenwoord</p></div><p>Daarna <a class="footnote-backref" href="#x">terugwoord</a>'
            ' weer.</p><script>scriptwoord()</script>')
    body = si.sections_of(html, "T")[0].body
    assert "Zichtbaar woord." in body and "Daarna" in body and "weer." in body
    for hidden in ("Kaartjeswoord", "Nogeenwoord", "terugwoord", "scriptwoord"):
        assert hidden not in body


def test_facts_of_an_example_count_lightly_but_are_found():
    html = ('<h1>Plaats: titel</h1><div class="admonition abstract"><p>Samenvatting over koken.</p>'
            '<ul><li><strong>Partners:</strong> Basisscholen</li><li><strong>Plaats:</strong> Zwolberg</li>'
            '</ul></div><p>Basisscholen doen mee aan het koken.</p>')
    files = build([("a/", "Plaats: titel", html)])
    section = si.sections_of(html, "t")[0]
    assert "zwolberg" in si.words(" ".join(section.facts))
    assert "Zwolberg" in section.body                          # in the snippet text as well
    assert postings(files, "zwolberg")[0] == pytest.approx(si.FACT, abs=0.05)


# --- the index files ------------------------------------------------------------

PAGES = [
    ("a/", "Jeugdzorg in Zwolberg", "<h1>Jeugdzorg in Zwolberg</h1><p>Over de zorg voor kinderen.</p>"
     '<h2 id="aanpak">Aanpak</h2><p>De jeugdzorg en de school werken samen.</p>'),
    ("b/", "Koken", "<h1>Koken</h1><p>Een heel lang verhaal over koken met kinderen, waarin de jeugdzorg "
     "een keer genoemd wordt.</p>"),
]


def test_title_counts_more_than_a_heading_and_a_heading_more_than_text():
    files = build(PAGES)
    jeugdzorg = postings(files, "jeugdzorg")
    title_a, body_a, body_b = jeugdzorg[0], jeugdzorg[1], jeugdzorg[2]
    assert title_a > body_a and title_a > body_b
    aanpak = postings(files, "aanpak")[1]
    assert aanpak >= si.HEADING and aanpak < si.TITLE


def test_dictionary_holds_stems_parts_and_accented_forms():
    files = build(PAGES + [("c/", "Geld", "<h1>Geld</h1><p>De financiën, de jeugd en de zorgen.</p>")])
    d = files["woorden.json"]
    i = d["words"].index("jeugdzorg")
    assert d["parts"][str(i)] == f"{si.stem('jeugd')} {si.stem('zorg')}"
    assert str(d["words"].index("koken")) not in d["parts"]
    j = d["words"].index("financien")
    assert d["original"][str(j)] == "financiën"
    assert d["sections"] == 4 and len(d["df"]) == len(d["words"])
    k = d["words"].index("zorgen")
    assert (d["stems"][k] or "zorgen") == si.stem("zorgen")
    pages = files["paginas.json"]
    assert pages["pages"][0] == ["a/", "Jeugdzorg in Zwolberg"] and pages["first"] == [0, 2, 3]
    teksten = files["teksten/0.json"]["s"]
    assert teksten[1][0] == "aanpak" and "school werken samen" in teksten[1][2]


def test_shards_stay_small_and_keep_a_stem_together(monkeypatch):
    monkeypatch.setattr(si, "SHARD_BYTES", 60)
    body = " ".join(f"woord{n}a woord{n}en" for n in range(40))
    files = build([("a/", "Veel", f"<h1>Veel</h1><p>{body} kind kinderen</p>")])
    d = files["woorden.json"]
    assert len(d["shards"]) > 3
    for n, start in enumerate(d["shards"][1:], start=1):
        stems = [d["stems"][i] or d["words"][i] for i in (start - 1, start)]
        assert stems[0] != stems[1], f"shard {n} splits a stem"


def test_write_index_writes_files_and_a_version(tmp_path):
    builder = si.IndexBuilder()
    for page in PAGES:
        builder.add_page(*page)
    version = si.write_index(builder, tmp_path / "nl")
    assert len(version) == 12
    assert (tmp_path / "nl" / "woorden.json").exists() and (tmp_path / "nl" / "postings" / "0.txt").exists()
    size = len(gzip.compress((tmp_path / "nl" / "woorden.json").read_bytes()))
    assert size < 2000


# --- the stemmer in JavaScript ----------------------------------------------------

def site_vocabulary() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    source = ROOT.parent / "shared" / "source" / "kinderwerk-anno-2021.txt"
    if source.exists():
        text += " " + source.read_text(encoding="utf-8")
    return sorted({w for w in si.words(text) if w.isalpha()})


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js ontbreekt")
def test_javascript_stemmer_matches_python_on_every_word_of_the_site(tmp_path):
    vocabulary = site_vocabulary()
    assert len(vocabulary) > 1000
    (tmp_path / "words.json").write_text(json.dumps(vocabulary), encoding="utf-8")
    script = ("require(process.argv[1]); const fs = require('fs');"
              "const words = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));"
              "process.stdout.write(JSON.stringify(words.map(stemNl)));")
    done = subprocess.run(["node", "-e", script, str(STEMMER_JS), str(tmp_path / "words.json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    js = json.loads(done.stdout)
    python = [si._stemmer.stemWord(w) for w in vocabulary]
    different = [(w, p, j) for w, p, j in zip(vocabulary, python, js) if p != j]
    assert not different, f"{len(different)} woorden anders gestemd in JavaScript, bv. {different[:5]}"


def test_javascript_stemmer_is_generated_from_the_installed_snowballstemmer():
    from kinderwerk.search_stemmer_port import javascript
    assert STEMMER_JS.read_text(encoding="utf-8") == javascript(), (
        "docs/assets/javascripts/workers/stemmer-nl.js hoort bij een andere snowballstemmer: maak hem opnieuw "
        "met `python scripts/kinderwerk/search_stemmer_port.py > docs/assets/javascripts/workers/stemmer-nl.js`")


# --- the hook, on the real build -------------------------------------------------

def test_build_writes_the_index_and_leaves_material_a_stub(built_site):
    stub = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [], "Material's index would be loaded on every page"
    settings = stub["config"]["kinderwerk"]
    assert settings["index"] == "nl/" and len(settings["version"]) == 12
    assert stub["config"]["lang"] == ["nl"] and stub["config"]["separator"]  # Material highlights with it
    urls = [url for url, _ in json.loads((built_site / "search" / "nl" / "paginas.json").read_text("utf-8"))["pages"]]
    assert "" in urls and "hoofdstukken/corona/" in urls
    # Tag pages say `search: exclude` in their front matter: not in the index.
    assert not [u for u in urls if u.startswith(("praktijkvoorbeelden/thema/", "praktijkvoorbeelden/partner/"))]
    # The overview's cards repeat the examples: left out (data-search-exclude).
    docs = si.read_documents(built_site)
    overview = " ".join(d["text"] for d in docs if d["location"].startswith("praktijkvoorbeelden/#")
                        or d["location"] == "praktijkvoorbeelden/")
    assert "kw-card" not in overview and "Wis filters" not in overview
