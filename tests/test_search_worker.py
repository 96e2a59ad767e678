"""The search worker's ranking (docs/assets/javascripts/workers/zoeken-nl.js,
issue 18), run in Node on small made-up indexes (scripts/dev/search_node.js):
synonyms below the word itself, coverage instead of every-word-or-nothing,
query compounds, the reference-page prior and figure questions. Plus the
compound splitter: bounded, and the same in Python and JavaScript."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kinderwerk import search_index as si
from search_quality import run_worker

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js ontbreekt")

ROOT = Path(__file__).resolve().parent.parent
WORKER = ROOT / "docs" / "assets" / "javascripts" / "workers" / "zoeken-nl.js"


def make_site(tmp_path: Path, pages, synonyms=None) -> Path:
    """A site folder with only the search index of ``pages`` ((url, title, html[, kind]))."""
    builder = si.IndexBuilder(synonyms or {})
    for url, title, html, *kind in pages:
        builder.add_page(url, title, html, kind=kind[0] if kind else si.NORMAL)
    site = tmp_path / "site"
    version = si.write_index(builder, site / "search" / "nl")
    stub = {"config": {"kinderwerk": {"index": "nl/", "version": version}}, "docs": []}
    (site / "search" / "search_index.json").write_text(json.dumps(stub), encoding="utf-8")
    return site


def page(url, title, *paragraphs, kind=si.NORMAL, extra=""):
    return (url, title, f"<h1>{title}</h1>{extra}" + "".join(f"<p>{p}</p>" for p in paragraphs), kind)


FILLER = "Een middag in de wijk met spelletjes, limonade en een kring aan het eind."


def test_a_synonym_finds_the_page_but_ranks_below_the_word_itself(tmp_path):
    site = make_site(tmp_path, [page("a/", "Alfa", f"Over corona en de scholen. {FILLER}"),
                                page("b/", "Beta", f"Over de pandemie en de scholen. {FILLER}")],
                     {"pandemie": ["corona"]})
    pandemie, corona = run_worker(site, ["pandemie", "corona"])
    assert pandemie["pages"] == ["b/", "a/"], pandemie
    assert pandemie["note"] == "ook gezocht op: corona"
    assert corona["pages"] == ["a/"] and corona["note"] is None   # one way only


def test_one_unknown_word_does_not_empty_the_results(tmp_path):
    site = make_site(tmp_path, [page("a/", "Alfa", f"De speeltuin in de wijk. {FILLER}"),
                                page("b/", "Beta", FILLER)])
    answer, = run_worker(site, ["speeltuin xqzwvbnonsens"])
    assert answer["pages"][:1] == ["a/"]


def test_a_page_with_every_word_comes_first(tmp_path):
    site = make_site(tmp_path, [
        page("a/", "Alfa", f"De speeltuin en de vrijwilligers. {FILLER}"),
        page("b/", "Speeltuin", "Speeltuin speeltuin speeltuin, de speeltuin van de speeltuin.", FILLER),
    ])
    answer, = run_worker(site, ["speeltuin vrijwilligers"])
    assert answer["pages"][0] == "a/", answer


def test_an_unknown_compound_is_split_into_the_sites_words(tmp_path):
    site = make_site(tmp_path, [
        page("a/", "Alfa", f"Kinderwerkers ondersteunen ouders bij de opvoeding. {FILLER}"),
        page("b/", "Beta", f"De opvoeding thuis. {FILLER}", "Ondersteunen doen ze ook, elders."),
        page("c/", "Gamma", FILLER),
    ])
    answer, = run_worker(site, ["opvoedingsondersteuning"])
    assert answer["pages"][:2] == ["a/", "b/"], answer   # parts together in one section first


def test_reference_pages_win_only_when_the_query_is_about_them(tmp_path):
    site = make_site(tmp_path, [
        page("begrippen/", "Begrippen", "Een kinderraad is een groep kinderen die meepraat.",
             "Kinderraad, jeugdraad, kinderraad: woorden en hun betekenis.", kind=si.REFERENCE),
        page("h/", "Hoofdstuk", f"In de wijk praat een kinderraad mee over het speelplein. {FILLER}"),
    ])
    topic, about = run_worker(site, ["kinderraad", "begrippen"])
    assert topic["pages"][0] == "h/", topic
    assert about["pages"][0] == "begrippen/", about


def test_a_question_for_a_number_leads_to_the_page_with_the_figure(tmp_path):
    chart = '<figure class="kw-chart"><table><tr><td>Signaleren</td><td>86%</td></tr></table></figure>'
    site = make_site(tmp_path, [
        page("a/", "Doelen", f"Signaleren staat bovenaan. {FILLER}", extra=chart),
        page("b/", "Verhaal", "Signaleren, signaleren: dat doen kinderwerkers in de wijk."),
    ])
    topic, figure = run_worker(site, ["signaleren", "hoeveel signaleren"])
    assert topic["pages"][0] == "b/", topic
    assert figure["pages"][0] == "a/", figure


@pytest.mark.parametrize("right, wrong, query", [
    # a separable verb spread over a question
    ("Kinderwerkers samenwerken met de school.", "Kinderwerkers werken hard, en samen met kinderen.",
     "met wie werken kinderwerkers samen"),
    # two words typed apart that the site writes as one
    ("De opvoedadviseur van het gezondheidscentrum.", "Een adviseur vertelt over opvoeden.", "opvoed adviseur"),
])
def test_words_apart_are_searched_as_the_one_word_the_site_has(tmp_path, right, wrong, query):
    site = make_site(tmp_path, [page("a/", "Alfa", f"{right} {FILLER}"), page("b/", "Beta", f"{wrong} {FILLER}")])
    answer, = run_worker(site, [query])
    assert answer["pages"][0] == "a/", answer


def test_question_fillers_and_english_function_words_pull_no_page(tmp_path):
    """'eigenlijk' and 'about' are on one page each: as the filler of a
    question they must not bring that page into the results."""
    site = make_site(tmp_path, [
        page("a/", "Speeltuin", f"De speeltuin in de wijk. {FILLER}"),
        page("b/", "Beta", f"Wat doen ze eigenlijk? Iets about nothing. {FILLER}"),
    ])
    dutch, english = run_worker(site, ["wat is een speeltuin eigenlijk", "about the speeltuin"])
    assert dutch["pages"] == ["a/"], dutch
    assert english["pages"] == ["a/"], english


def test_a_synonym_phrase_of_the_sites_own_words_keeps_those_words_first(tmp_path):
    site = make_site(tmp_path, [
        page("a/", "Alfa", f"Gezond eten op school. {FILLER}"),
        page("b/", "Kooklab", f"Het kooklab in de wijk. {FILLER}"),
    ], {"gezond eten": ["kooklab"], "healthy food": ["kooklab"]})
    dutch, english = run_worker(site, ["gezond eten", "healthy food"])
    assert dutch["pages"] == ["a/", "b/"] and dutch["note"] == "ook gezocht op: kooklab", dutch
    assert english["pages"] == ["b/"] and english["note"] == "ook gezocht op: kooklab", english


def test_an_unknown_word_in_the_list_is_searched_as_the_list_says_not_split(tmp_path):
    site = make_site(tmp_path, [
        page("a/", "Werkzaamheden", f"Wat kinderwerkers doen. {FILLER}"),
        page("b/", "Beta", f"Het werk van een dag. {FILLER}"),
    ], {"werkdag": ["werkzaamheden"]})
    answer, = run_worker(site, ["werkdag"])
    assert answer["pages"][0] == "a/", answer


def test_derived_forms_and_the_last_part_of_an_unknown_compound_find_a_page(tmp_path):
    site = make_site(tmp_path, [
        page("a/", "Alfa", f"Er is flink bezuinigd. {FILLER}"),
        page("b/", "Beta", f"De bezoeken aan de praktijk. {FILLER}"),
    ])
    derived, tail = run_worker(site, ["bezuinigingen", "huisbezoeken"])
    assert derived["pages"][:1] == ["a/"], derived
    assert tail["pages"][:1] == ["b/"], tail


def test_a_section_with_more_of_the_lists_words_comes_first(tmp_path):
    site = make_site(tmp_path, [
        page("a/", "Alfa", "Zelfstandig werken in de wijk, met de buren en de school in de stad."),
        page("b/", "Beta", f"Een zelfstandig ondernemer in de wijk. {FILLER}"),
        page("c/", "Gamma", f"Een ondernemer. {FILLER}"),
    ], {"zzp": ["zelfstandig", "ondernemer"]})
    answer, = run_worker(site, ["zzp"])
    assert answer["pages"][0] == "b/", answer


def test_synonyms_are_found_in_whichever_shard_holds_them(tmp_path, monkeypatch):
    """The list travels with the vocabulary shards (not the head): an entry
    in a late shard is still found, and a phrase by its first real word."""
    monkeypatch.setattr(si, "VOCAB_SHARD_BYTES", 40)
    words = " ".join(f"{c}{c}woord{c}" for c in "abcdefghijklmnopqrstuvwxy")
    site = make_site(tmp_path, [page("a/", "Alfa", words), page("z/", "Zeta", "Een zelfstandig ondernemer.")],
                     {"zzp": ["zelfstandig"], "op afstand": ["ondernemer"]})
    head = json.loads((site / "search" / "nl" / "kop.json").read_text(encoding="utf-8"))
    assert len(head["vocab"]) > 3 and "synonyms" not in head
    zzp, phrase = run_worker(site, ["zzp", "op afstand"])
    assert zzp["pages"] == ["z/"] and zzp["note"] == "ook gezocht op: zelfstandig", zzp
    assert phrase["pages"] == ["z/"], phrase


def test_lines_about_other_pages_count_less_than_the_pages_own_text(tmp_path):
    links = ('<h2 id="verder-lezen">Verder lezen</h2><ul><li><a href="../a/">Alfa</a>: over de wijkagent '
             'en de buurt.</li><li><a href="../c/">Gamma</a>: over iets anders.</li></ul>')
    site = make_site(tmp_path, [
        page("a/", "Alfa", f"Samen met de wijkagent door de buurt, een lang verhaal. {FILLER} {FILLER}"),
        ("b/", "Beta", f"<h1>Beta</h1><p>{FILLER}</p>{links}"),
    ])
    answer, = run_worker(site, ["wijkagent"])
    assert answer["pages"] == ["a/", "b/"], answer


# --- the compound splitter ------------------------------------------------------

VOCABULARY = {"jeugd", "zorg", "samenwerking", "partners", "opvoeding", "ondersteun", "kind", "kinder",
              "werk", "speel", "tuin", "speeltuin", "vrijwilliger", "droom", "buurt", "huis", "bezoek"}
WORDS = ["jeugdzorg", "samenwerkingspartners", "opvoedingsondersteun", "speeltuinvrijwilliger",
         "droomspeeltuin", "buurthuisbezoek", "kinderwerk", "jeugdzorgspeeltuinbuurthuis", "eigenlijk",
         "zorg", "a" * 41, "jeugd" * 8]


def test_python_and_javascript_split_compounds_alike():
    script = f"""
const fs = require("fs"), vm = require("vm");
const ctx = {{self: {{}}, importScripts: () => {{}}, addEventListener: () => {{}}, console}};
ctx.self = ctx; vm.createContext(ctx);
vm.runInContext(fs.readFileSync({json.dumps(str(WORKER))}, "utf8"), ctx);
const known = new Set({json.dumps(sorted(VOCABULARY))});
const has = (x) => known.has(x);
console.log(JSON.stringify({json.dumps(WORDS)}.map((w) => ctx.splitWord(w, has, has))));
"""
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    javascript = json.loads(done.stdout)
    python = [si.split_compound(w, VOCABULARY.__contains__) for w in WORDS]
    assert javascript == python
    assert python[0] == ["jeugd", "zorg"] and python[1] == ["samenwerking", "partners"]
    assert python[WORDS.index("eigenlijk")] == [] and python[WORDS.index("zorg")] == []
    assert python[WORDS.index("a" * 41)] == []                       # longer than MAX_COMPOUND


def test_the_splitter_is_bounded_on_a_hostile_word():
    """Every prefix of 'aaaa...' is a known word: without the memo the
    splitter would try exponentially many splits. With it, each tail is
    split once: at most MAX_COMPOUND**2 x 4 look-ups."""
    calls = []

    def known(part):
        calls.append(part)
        return True

    parts = si.split_compound("a" * si.MAX_COMPOUND, known)
    assert len(parts) == 2 and "".join(parts) == "a" * si.MAX_COMPOUND
    assert len(calls) <= si.MAX_COMPOUND ** 2 * 4
    calls.clear()

    def only_short(part):   # nothing but 4-letter words: the longest search there is
        calls.append(part)
        return len(part) == si.MIN_PART

    si.split_compound("b" * si.MAX_COMPOUND, only_short)
    assert len(calls) <= si.MAX_COMPOUND ** 2 * 4
