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


def vocabulary(files: dict) -> dict:
    """The vocabulary shards joined: words, stems, df, parts, original, compounds (global numbers)."""
    out = {"words": [], "stems": [], "df": [], "parts": {}, "original": {}, "compounds": {}}
    for k in range(len(files["kop.json"]["vocab"])):
        d = files[f"woorden/{k}.json"]
        assert d["start"] == len(out["words"])
        out["words"] += d["words"]
        out["stems"] += d["stems"]
        out["df"] += d["df"]
        out["parts"].update({d["start"] + int(j): v for j, v in d["parts"].items()})
        out["original"].update({d["start"] + int(j): v for j, v in d["original"].items()})
        out["compounds"].update(d["compounds"])
    return out


def postings(files: dict, word: str, marks: bool = False) -> dict:
    """section -> score for ``word`` (with ``marks``: (score, mark)), read
    back from the shards like the worker."""
    starts = files["kop.json"]["postings"]
    i = vocabulary(files)["words"].index(word)
    shard = max(k for k, start in enumerate(starts) if start <= i)
    line = files[f"postings/{shard}.txt"].split("\n")[i - starts[shard]]
    out, sid = {}, 0
    for token in line.split(","):
        mark = token[-1] if token[-1] in (si.TITLE_MARK, si.HEADING_MARK) else ""
        token = token[:len(token) - len(mark)]
        sid += int(token[:-2], 36)
        score = int(token[-2:], 36) / si.SCORE_STEP
        out[sid] = (score, mark) if marks else score
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
    # One light mention, saturated like any other (BM25F): far below a title word.
    zwolberg, titel = postings(files, "zwolberg")[0], postings(files, "titel")[0]
    expected = si.FACT * (si.BM25_K1 + 1) / (si.FACT + si.BM25_K1)
    assert zwolberg == pytest.approx(expected, abs=0.06) and titel > 4 * zwolberg


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
    assert body_a < aanpak < title_a


def test_repetition_saturates_and_long_sections_count_less():
    """BM25F: the tenth mention adds little, and one mention in a long
    section counts less than in a short one."""
    filler = " ".join(f"vulwoord{n}" for n in range(300))
    files = build([
        ("a/", "Een", "<h1>Een</h1><p>" + "speeltuin " * 10 + "</p>"),
        ("b/", "Twee", "<h1>Twee</h1><p>speeltuin speeltuin</p>"),
        ("c/", "Drie", f"<h1>Drie</h1><p>speeltuin {filler}</p>"),
        ("d/", "Vier", "<h1>Vier</h1><p>speeltuin kort</p>"),
    ])
    score = postings(files, "speeltuin")
    ten, two, long_one, short_one = score[0], score[1], score[2], score[3]
    assert ten < 2 * two, "tien keer hetzelfde woord hoort te verzadigen"
    assert ten < si.BM25_K1 + 1
    assert long_one < short_one


def test_title_and_heading_words_are_marked_for_the_page_prior():
    files = build(PAGES)
    assert postings(files, "jeugdzorg", marks=True)[0][1] == si.TITLE_MARK
    assert postings(files, "aanpak", marks=True)[1][1] == si.HEADING_MARK
    assert postings(files, "school", marks=True)[1][1] == ""


def test_dictionary_holds_stems_parts_and_accented_forms():
    files = build(PAGES + [("c/", "Geld", "<h1>Geld</h1><p>De financiën, de jeugd en de zorgen.</p>")])
    d = vocabulary(files)
    i = d["words"].index("jeugdzorg")
    assert d["parts"][i] == f"{si.stem('jeugd')} {si.stem('zorg')}"
    # the compound is listed with the stem of each part, for a query on the part
    assert ["jeugdzorg", i, d["df"][i]] in d["compounds"][si.stem("zorg")]
    assert d["words"].index("koken") not in d["parts"]
    j = d["words"].index("financien")
    assert d["original"][j] == "financiën"
    head = files["kop.json"]
    assert head["sections"] == 4 and len(d["df"]) == len(d["words"]) == head["words"]
    k = d["words"].index("zorgen")
    assert (d["stems"][k] or "zorgen") == si.stem("zorgen")
    assert head["counts"] == "2,1,1"       # sections per page, base 36
    teksten = files["teksten/0.json"]
    assert teksten["u"] == "a/" and teksten["s"][0][1] == "Jeugdzorg in Zwolberg"
    assert teksten["s"][1][0] == "aanpak" and "school werken samen" in teksten["s"][1][2]


def test_page_kinds_figures_and_synonyms_go_in_the_head():
    builder = si.IndexBuilder({"pandemie": ["corona"], "lockdown": ["nergensopdesite"]})
    builder.add_page("a/", "Corona", "<h1>Corona</h1><p>Over corona.</p>")
    builder.add_page("b/", "Begrippen", "<h1>Begrippen</h1><p>Woorden.</p>", kind=si.REFERENCE)
    builder.add_page("c/", "Cijfers", '<h1>Cijfers</h1><figure class="kw-chart"></figure><p>Tal.</p>')
    head = json.loads(builder.build()["kop.json"])
    assert head["kind"] == {"1": si.REFERENCE} and head["figure"] == [2]
    # a synonym whose words are not on the site is left out
    assert head["synonyms"] == {"pandemie": ["corona"]}


def test_shards_stay_small_and_keep_a_stem_together(monkeypatch):
    monkeypatch.setattr(si, "SHARD_BYTES", 60)
    monkeypatch.setattr(si, "VOCAB_SHARD_BYTES", 60)
    body = " ".join(f"woord{n}a woord{n}en" for n in range(40))
    files = build([("a/", "Veel", f"<h1>Veel</h1><p>{body} kind kinderen</p>")])
    head, d = files["kop.json"], vocabulary(files)
    assert len(head["postings"]) > 3 and len(head["vocab"]) > 3
    for starts in (head["postings"], [files[f"woorden/{k}.json"]["start"] for k in range(len(head["vocab"]))]):
        for n, start in enumerate(starts[1:], start=1):
            stems = [d["stems"][i] or d["words"][i] for i in (start - 1, start)]
            assert stems[0] != stems[1], f"shard {n} splits a stem"
    # the head names the first stem of each vocabulary shard, in order
    assert head["vocab"] == sorted(head["vocab"])
    for k, first in enumerate(head["vocab"]):
        shard = files[f"woorden/{k}.json"]
        assert (shard["stems"][0] or shard["words"][0]) == first


def test_write_index_writes_files_and_a_version(tmp_path):
    builder = si.IndexBuilder()
    for page in PAGES:
        builder.add_page(*page)
    version = si.write_index(builder, tmp_path / "nl")
    assert len(version) == 12
    assert (tmp_path / "nl" / "kop.json").exists() and (tmp_path / "nl" / "postings" / "0.txt").exists()
    assert (tmp_path / "nl" / "woorden" / "0.json").exists()
    size = len(gzip.compress((tmp_path / "nl" / "kop.json").read_bytes()))
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
    different = [(w, p, j) for w, p, j in zip(vocabulary, python, js, strict=True) if p != j]
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
    urls = list(dict.fromkeys(d["location"].split("#")[0] for d in si.read_documents(built_site)))
    assert "" in urls and "hoofdstukken/corona/" in urls
    # Tag pages say `search: exclude` in their front matter: not in the index.
    assert not [u for u in urls if u.startswith(("praktijkvoorbeelden/thema/", "praktijkvoorbeelden/partner/"))]
    # The overview's cards repeat the examples: left out (data-search-exclude).
    docs = si.read_documents(built_site)
    overview = " ".join(d["text"] for d in docs if d["location"].startswith("praktijkvoorbeelden/#")
                        or d["location"] == "praktijkvoorbeelden/")
    assert "kw-card" not in overview and "Wis filters" not in overview
