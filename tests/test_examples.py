"""Practice examples: schema, safety checks, overview, tag pages, search and
links both ways.

Unit tests call ``kinderwerk.examples`` directly (no MkDocs); build tests run
`mkdocs build` in a throw-away copy of the project and check the message and
that nothing was written.
"""
from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from kinderwerk import examples as ex
from kinderwerk.datasets import load_all
from kinderwerk.search_index import read_documents
from project_copy import ROOT, copy_project, run_build

DOCS = ROOT / "docs"
FOLDER = DOCS / "praktijkvoorbeelden"
EXAMPLE_FILES = sorted(p for p in FOLDER.glob("*.md") if p.name not in ("index.md", "_sjabloon.md"))
TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def vocab() -> ex.Vocabulary:
    chapters = {p.stem: ex.chapter_title(p.read_text(encoding="utf-8"), p.stem)
                for p in sorted((DOCS / "hoofdstukken").glob("*.md"))}
    return ex.load_vocabulary(ROOT / "data", chapters)


def good_example(**changes) -> str:
    """A valid example file; ``changes`` replace (None: remove) front-matter fields."""
    meta = {
        "titel": "testvoorbeeld met de Speelkamer",
        "samenvatting": "Kinderwerkers in Speeldorp openen de Speelkamer voor alle kinderen uit de buurt.",
        "organisatie": "Testwelzijn",
        "gemeenten": ["Speeldorp"],  # made up: no real example can clash
        "provincie": ["Overijssel"],
        "periode": "schooljaar 2025-2026",
        "werkvormen": ["ambulant"],
        "leeftijd_van": 6,
        "leeftijd_tot": 12,
        "themas": ["andere_culturen"],
        "partners": ["scouting"],
        "andere_partners": ["bibliotheek"],
        "hoofdstukken": ["werkzaamheden"],
        "personen": [{"naam": "Test Persoon", "rol": "kinderwerker", "organisatie": "Testwelzijn",
                      "in_het_verhaal": "aan_het_woord"}],
        "bron": "Gesprek met de kinderwerker",
        "gecontroleerd": "2026-11-01",
    }
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    body = "\n".join(f"## {s}\n\nDe Speelkamerproject-tekst over {s.lower()}.\n" for s in ex.SECTIONS)
    return f"---\n{front}---\n\n{body}"


def parse(text: str, vocab) -> ex.Example:
    return ex.parse_example(text, "praktijkvoorbeelden/speeldorp-test.md", vocab, today=TODAY)


# ---------------------------------------------------------------------------
# The real examples and the template
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_is_valid(path, vocab):
    example = ex.parse_example(path.read_text(encoding="utf-8"), f"praktijkvoorbeelden/{path.name}", vocab)
    assert example.volledige_titel.startswith(example.plaats + ":")
    if "Kinderwerk anno 2021" in example.bron:  # a retelling of the report (not a contribution)
        assert any(p.aan_het_woord for p in example.personen), \
            "the report credits a practitioner by name, role and organisation"


def test_the_seven_examples_of_the_report_are_there():
    assert {p.stem for p in EXAMPLE_FILES} >= {
        "almere-de-schoor", "arnhem-rijnstad", "friesland-kearn-kooklab", "deventer-raster-welzijn",
        "tilburg-r-newt-kids", "stichting-kinderspel-huttendorpen", "den-haag-voor-welzijn"}


def test_template_validates(vocab):
    """The template is a valid example apart from its placeholders."""
    text = (FOLDER / "_sjabloon.md").read_text(encoding="utf-8")
    example = ex.parse_example(text, ex.TEMPLATE, vocab)
    assert example.titel
    _, problems = ex.check_example(text, "praktijkvoorbeelden/kopie.md", vocab,
                                   placeholders=ex.from_template(text))
    fields = {p.field for p in problems}
    assert {"titel", "samenvatting", "organisatie", "personen"} <= fields, problems
    assert len([p for p in problems if p.field is None]) == len(ex.SECTIONS), problems


def test_template_is_kept_out_of_the_site():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "praktijkvoorbeelden/_sjabloon.md" in config.split("exclude_docs:")[1].split("\n\n")[0]


def test_template_lists_every_allowed_value(vocab):
    """The template's comments are the contributors' reference: keep them complete."""
    text = (FOLDER / "_sjabloon.md").read_text(encoding="utf-8")
    for values in (vocab.werkvormen, vocab.themas, vocab.partners, vocab.hoofdstukken):
        for key in values:
            assert re.search(rf"\b{re.escape(key)}\b", text), key
    for name in vocab.provincies.values():
        assert name in text


def test_issue_form_offers_the_same_lists(vocab):
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/nieuw-praktijkvoorbeeld.yml").read_text("utf-8"))
    options = {item["id"]: item["attributes"]["options"] for item in form["body"]
               if item["type"] == "dropdown"}
    assert options["provincie"] == list(vocab.provincies.values())
    assert options["werkvormen"] == list(vocab.werkvormen.values())
    assert options["themas"] == list(vocab.themas.values())
    assert options["partners"] == list(vocab.partners.values())
    assert options["hoofdstukken"] == sorted(vocab.hoofdstukken.values())


def test_vocabularies_stay_out_of_the_survey_data_folder():
    """data/*.csv are survey data sets only (the data loader globs them)."""
    assert (ROOT / "data" / "woordenlijsten" / "werkvormen.csv").exists()
    assert not (ROOT / "data" / "werkvormen.csv").exists()
    assert "werkvormen" not in load_all(ROOT / "data")


# ---------------------------------------------------------------------------
# Bad front matter: each kind has its Dutch message with file, field, allowed values
# ---------------------------------------------------------------------------

BAD_FRONT_MATTER = {
    "missing-field": ({"organisatie": None},
                      ["veld 'organisatie': dit veld ontbreekt", "Verwacht: de naam van de organisatie"]),
    "unknown-thema": ({"themas": ["gezondheid"]},
                      ["veld 'themas'", "onbekende waarde 'gezondheid'", "Toegestaan:",
                       "gezonde_leefstijl (Een gezonde leefstijl ontwikkelen)"]),
    "unknown-provincie": ({"provincie": ["Noordholand"]},
                          ["veld 'provincie'", "onbekende waarde 'Noordholand'", "Bedoel je 'Noord-Holland'?",
                           "Zuid-Holland"]),
    "wrong-type": ({"gemeenten": "Speeldorp"},
                   ["veld 'gemeenten'", "moet een lijst zijn", "tekst 'Speeldorp'", "[Almere]"]),
    "bad-date": ({"gecontroleerd": "2026-02-31"},
                 ["veld 'gecontroleerd'", "'2026-02-31' is geen geldige datum", "JJJJ-MM-DD"]),
}
MORE_BAD_FRONT_MATTER = {
    "date-in-words": ({"gecontroleerd": "28 november 2026"}, ["geen geldige datum"]),
    "future-date": ({"gecontroleerd": "2099-01-01"}, ["ligt in de toekomst"]),
    "unknown-field": ({"thema": ["signaleren"]}, ["veld 'thema': onbekend veld", "Bedoel je 'themas'?"]),
    "empty-themas": ({"themas": []}, ["veld 'themas'", "de lijst is leeg", "Toegestaan:"]),
    "unknown-partner": ({"partners": ["bakkers"]}, ["veld 'partners'", "onbekende waarde 'bakkers'", "scouting"]),
    "unknown-werkvorm": ({"werkvormen": ["koken"]}, ["veld 'werkvormen'", "kookactiviteit (Koken met kinderen)"]),
    "unknown-chapter": ({"hoofdstukken": ["hoofdstuk-9"]}, ["veld 'hoofdstukken'", "werkzaamheden"]),
    "age-out-of-range": ({"leeftijd_tot": 150}, ["veld 'leeftijd_tot'", "0 tot en met 12"]),
    # An age over 12 says what to do (issue 16): 12 in the field, the older ones in the text.
    "age-of-a-teenager": ({"leeftijd_tot": 16}, ["veld 'leeftijd_tot'", "kinderwerk is voor kinderen tot en met 12",
                                                 "Vul dan bij leeftijd_tot 12 in", "in de tekst"]),
    "age-as-text": ({"leeftijd_van": "zes"}, ["veld 'leeftijd_van'", "tekst 'zes'"]),
    "ages-reversed": ({"leeftijd_van": 10, "leeftijd_tot": 8}, ["hoger dan leeftijd_tot"]),
    "two-sentences": ({"samenvatting": "Eerste zin. Tweede zin."}, ["veld 'samenvatting'", "één zin"]),
    "person-without-role": ({"personen": [{"naam": "A", "organisatie": "B"}]}, ["veld 'personen'", "'rol'"]),
    "boolean-title": ({"titel": True}, ["veld 'titel'", "ja/nee-waarde"]),
}


@pytest.mark.parametrize("changes,expected", list({**BAD_FRONT_MATTER, **MORE_BAD_FRONT_MATTER}.values()),
                         ids=list({**BAD_FRONT_MATTER, **MORE_BAD_FRONT_MATTER}))
def test_bad_front_matter_message(changes, expected, vocab):
    with pytest.raises(ex.ExampleError) as info:
        parse(good_example(**changes), vocab)
    message = str(info.value)
    assert message.startswith("docs/praktijkvoorbeelden/speeldorp-test.md")
    for part in expected:
        assert part in message


def test_good_example_passes(vocab):
    example = parse(good_example(), vocab)
    assert example.volledige_titel == "Speeldorp: testvoorbeeld met de Speelkamer"
    assert example.gecontroleerd == dt.date(2026, 11, 1)


def test_invalid_yaml_names_the_line(vocab):
    text = good_example().replace("organisatie: Testwelzijn", "organisatie: Test: welzijn: ja")
    with pytest.raises(ex.ExampleError, match=r"regel \d+: De gegevens bovenaan kloppen hier niet: er staat "
                                              r"een dubbele punt"):
        parse(text, vocab)


def test_missing_front_matter(vocab):
    with pytest.raises(ex.ExampleError, match="De gegevens bovenaan ontbreken"):
        parse("## Aanleiding\n\nTekst.\n", vocab)


@pytest.mark.parametrize("body,expected", [
    ("# Titel\n\n## Aanleiding\n", "een kop met één # is niet nodig"),
    ("## Aanleiding\n\n## Aanpak\n\n## Samenwerking\n\n## Wat het oplevert\n", "het kopje '## Tips' ontbreekt"),
    ("## Aanpak\n\n## Aanleiding\n\n## Samenwerking\n\n## Wat het oplevert\n\n## Tips\n", "volgorde"),
    ("## Aanleiding\n\n## Resultaten\n", "onbekend kopje '## Resultaten'"),
])
def test_body_sections(body, expected, vocab):
    text = good_example().split("\n## ")[0].rstrip() + "\n\n" + body
    with pytest.raises(ex.ExampleError, match=re.escape(expected)):
        parse(text, vocab)


# ---------------------------------------------------------------------------
# Forbidden constructs: template code and scripts
# ---------------------------------------------------------------------------

FORBIDDEN = {
    "jinja-expression": ("Zie {{ lipsum.__globals__['os'].popen('id').read() }}.", "sjablooncode"),
    "jinja-statement": ("{% for x in range(3) %}x{% endfor %}", "sjablooncode"),
    "script": ("<script>alert(1)</script>", "<script>-element"),
    "event-handler": ('<img src="x.png" alt="" onerror="alert(1)">', "event-handler"),
    "javascript-url": ("[klik](javascript:alert(1))", "javascript:-link"),
}
MORE_FORBIDDEN = {
    "attr-list-handler": ('[klik](https://example.org){ onclick="alert(1)" }', "event-handler"),
    "entity-javascript": ("[klik](&#106;avascript:alert(1))", "javascript:-link"),
    "split-javascript": ("<a href=\"java\nscript:alert(1)\">x</a>", "javascript:-link"),
    "iframe": ('<iframe src="https://example.org"></iframe>', "<iframe>"),
    "snippet": ('--8<-- "begrippen.md"', "--8<--"),
}


@pytest.mark.parametrize("snippet,expected", list({**FORBIDDEN, **MORE_FORBIDDEN}.values()),
                         ids=list({**FORBIDDEN, **MORE_FORBIDDEN}))
def test_forbidden_construct_message(snippet, expected, vocab):
    text = good_example().replace("De Speelkamerproject-tekst over aanpak.", snippet)
    with pytest.raises(ex.ExampleError) as info:
        parse(text, vocab)
    message = str(info.value)
    assert message.startswith("docs/praktijkvoorbeelden/speeldorp-test.md")
    assert expected in message and "niet toegestaan" in message


def test_forbidden_construct_in_front_matter(vocab):
    text = good_example(titel="test {{ 7 * 7 }}")
    with pytest.raises(ex.ExampleError, match=r"regel \d+: sjablooncode"):
        parse(text, vocab)


def test_ordinary_text_is_not_flagged(vocab):
    text = good_example().replace(
        "De Speelkamerproject-tekst over aanpak.",
        "Kinderen zijn online actief; de sessie=ok. Een lijst: [a](https://example.org/?optie=1). "
        "Een kop met id {#mijn-id} en een <br> mogen.")
    parse(text, vocab)


def test_render_off_is_the_last_front_matter_key():
    text = ex.with_render_off("---\ntitel: x\nrender_macros: true\n---\n\ntekst\n")
    meta = yaml.safe_load(ex.split_front_matter(text)[0])
    assert meta["render_macros"] is False
    assert ex.with_render_off("tekst\n").startswith("---\nrender_macros: false\n---\n")


# ---------------------------------------------------------------------------
# Collection logic
# ---------------------------------------------------------------------------

def test_related_examples_share_thema_or_partner(vocab):
    examples = [ex.parse_example(p.read_text(encoding="utf-8"), f"praktijkvoorbeelden/{p.name}", vocab)
                for p in EXAMPLE_FILES]
    collection = ex.Collection(examples, vocab)
    for example in collection.examples:
        for other, shared in collection.related(example):
            assert set(example.themas) & set(other.themas) or set(example.partners) & set(other.partners)
            assert shared
    facets = collection.facets()
    assert set(facets) == {"provincie", "gemeente", "thema", "partner", "werkvorm"}
    assert ("zuid-holland", "Zuid-Holland", 2) in facets["provincie"]


def test_duplicate_titles_are_refused(vocab):
    a = parse(good_example(), vocab)
    b = ex.parse_example(good_example(), "praktijkvoorbeelden/speeldorp-kopie.md", vocab, today=TODAY)
    with pytest.raises(ex.ExampleError, match="bestaat al"):
        ex.Collection([a, b], vocab)


# ---------------------------------------------------------------------------
# Builds in a copy of the project
# ---------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path, warm_cache) -> Path:
    return copy_project(tmp_path / "project", cache=warm_cache)  # charts drawn already


def assert_failed_cleanly(result, *expected):
    assert result.returncode != 0
    assert "Fout in een praktijkvoorbeeld" in result.output
    for part in expected:
        assert part in result.output, (part, result.output[-2000:])
    # The check runs in on_files, before any page is read: nothing is written.
    assert not (result.site / "index.html").exists()
    assert not result.site.exists() or not any(result.site.rglob("*.html"))


BUILD_CASES = {f"front-matter-{k}": (good_example(**changes), expected)
               for k, (changes, expected) in BAD_FRONT_MATTER.items()}
BUILD_CASES.update({f"forbidden-{k}": (good_example().replace("De Speelkamerproject-tekst over aanpak.", snippet),
                                       [expected, "niet toegestaan"])
                    for k, (snippet, expected) in FORBIDDEN.items()})


@pytest.mark.parametrize("text,expected", list(BUILD_CASES.values()), ids=list(BUILD_CASES))
def test_bad_example_stops_the_build(text, expected, project, tmp_path):
    (project / "docs" / "praktijkvoorbeelden" / "speeldorp-test.md").write_text(text, encoding="utf-8")
    result = run_build(project, tmp_path / "nieuwe-site")
    assert_failed_cleanly(result, "docs/praktijkvoorbeelden/speeldorp-test.md", *expected)


def test_bad_template_stops_the_build(project, tmp_path):
    template = project / "docs" / "praktijkvoorbeelden" / "_sjabloon.md"
    template.write_text(template.read_text(encoding="utf-8").replace("themas: [talentontwikkeling]",
                                                                     "themas: [talent]"), encoding="utf-8")
    result = run_build(project, tmp_path / "nieuwe-site")
    assert_failed_cleanly(result, "_sjabloon.md (het sjabloon)", "veld 'themas'", "onbekende waarde 'talent'")


def test_script_in_overview_stops_the_build(project, tmp_path):
    overview = project / "docs" / "praktijkvoorbeelden" / "index.md"
    overview.write_text(overview.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = run_build(project, tmp_path / "nieuwe-site")
    assert_failed_cleanly(result, "docs/praktijkvoorbeelden/index.md", "<script>-element")


def test_svg_file_is_refused_in_the_examples_folder(project, tmp_path):
    (project / "docs" / "praktijkvoorbeelden" / "foto.svg").write_text("<svg/>", encoding="utf-8")
    result = run_build(project, tmp_path / "nieuwe-site")
    assert_failed_cleanly(result, "docs/praktijkvoorbeelden/foto.svg", "dit soort bestand mag niet")


def test_example_text_is_never_run_as_a_template(project, tmp_path):
    """mkdocs-macros is off for the examples: an unclosed Jinja comment start,
    harmless in Markdown, does not break the build and stays as text."""
    text = good_example().replace("De Speelkamerproject-tekst over aanpak.", "Accolade en hekje: {# blijft staan")
    (project / "docs" / "praktijkvoorbeelden" / "speeldorp-test.md").write_text(text, encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    html = (tmp_path / "site" / "praktijkvoorbeelden" / "speeldorp-test" / "index.html").read_text("utf-8")
    assert "{# blijft staan" in unescape(html)


def test_new_example_appears_everywhere(project, tmp_path):
    """New files, no other edit: overview, filters, tag pages, search, chapter.
    A second contribution uses its own figure and names nobody."""
    (project / "docs" / "praktijkvoorbeelden" / "speeldorp-test-speelkamer.md").write_text(
        good_example(), encoding="utf-8")
    second = good_example(titel="zomerspeeltuin", gemeenten=["Dommeldal"], provincie=["fryslân"], personen=[],
                          partners=[]).replace("De Speelkamerproject-tekst over aanpak.",
                                               "Ruim 60% van de kinderen kwam terug.")
    (project / "docs" / "praktijkvoorbeelden" / "dommeldal-zomerspeeltuin.md").write_text(second, encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    assert "WARNING" not in result.output
    second_page = (tmp_path / "site" / "praktijkvoorbeelden" / "dommeldal-zomerspeeltuin" / "index.html")
    assert "Ruim 60% van de kinderen kwam terug." in second_page.read_text("utf-8")
    assert "Friesland" in second_page.read_text("utf-8")                 # normalised from 'fryslân'

    site = tmp_path / "site"
    url = "praktijkvoorbeelden/speeldorp-test-speelkamer/"

    page = (site / url / "index.html").read_text("utf-8")
    assert re.search(r"<h1[^>]*>Speeldorp: testvoorbeeld met de Speelkamer", page)
    assert 'href="../../hoofdstukken/werkzaamheden/"' in page           # its chapter
    assert 'href="../thema/andere-culturen/"' in page                   # its tag page
    figure = load_all(ROOT / "data")["doelstellingen"].text("andere_culturen")
    assert f"{figure} van de kinderwerkers" in unescape(page)          # the survey figure, from data

    overview = (site / "praktijkvoorbeelden" / "index.html").read_text("utf-8")
    assert 'id="voorbeeld-speeldorp-test-speelkamer"' in overview
    assert 'href="speeldorp-test-speelkamer/"' in overview
    assert '<option value="speeldorp">Speeldorp (1)</option>' in overview
    assert '<option value="andere_culturen">' in overview
    # The facet counts every example with that partner: ours plus whatever
    # examples the project already has (never a fixed number).
    folder = project / "docs" / "praktijkvoorbeelden"
    with_scouting = sum(
        "scouting" in (yaml.safe_load(ex.split_front_matter(p.read_text("utf-8"))[0]).get("partners") or [])
        for p in folder.glob("*.md") if p.name not in ("index.md", "_sjabloon.md"))
    assert with_scouting >= 1
    assert f'<option value="scouting">Scouting ({with_scouting})</option>' in overview
    card = re.search(r'<li class="kw-card" id="voorbeeld-speeldorp-test-speelkamer"[^>]*>', overview).group(0)
    assert 'data-gemeente="speeldorp"' in card and 'data-provincie="overijssel"' in card
    assert 'data-thema="andere_culturen"' in card and 'data-werkvorm="ambulant"' in card

    for tag in ("thema/andere-culturen", "partner/scouting"):
        tag_page = (site / "praktijkvoorbeelden" / tag / "index.html").read_text("utf-8")
        assert 'href="../../speeldorp-test-speelkamer/"' in tag_page, tag

    chapter = (site / "hoofdstukken" / "werkzaamheden" / "index.html").read_text("utf-8")
    assert "Praktijkvoorbeelden bij dit hoofdstuk" in chapter
    # Listed, or (when the project already has more examples for this chapter than
    # the block shows) counted in "En nog ... andere" with a link to the overview.
    assert ('href="../../praktijkvoorbeelden/speeldorp-test-speelkamer/"' in chapter
            or (re.search(r"En nog \d+ andere", chapter) and 'href="../../praktijkvoorbeelden/"' in chapter))

    docs = read_documents(site)  # the site's own search index (scripts/kinderwerk/search_index.py)
    own = [d for d in docs if d["location"].startswith(url)]
    assert own[0]["title"] == "Speeldorp: testvoorbeeld met de Speelkamer"
    assert any("Speelkamerproject" in d["text"] for d in own)


def test_add_your_example_button_opens_the_filled_in_template(built_site):
    """The button on Bijdragen and on the overview opens GitHub's new-file page
    in the examples folder with the template as its text."""
    from urllib.parse import parse_qs, urlsplit
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n# --- Theme")[0])
    template = (FOLDER / "_sjabloon.md").read_text(encoding="utf-8")
    for page in ("bijdragen/index.html", "praktijkvoorbeelden/index.html"):
        html = (built_site / page).read_text("utf-8")
        link = re.search(r'<a class="md-button md-button--primary" href="([^"]+)">Voeg je voorbeeld toe</a>', html)
        assert link, page
        url = urlsplit(unescape(link.group(1)))
        assert f"{url.scheme}://{url.netloc}{url.path}" == \
            f"{config['repo_url'].rstrip('/')}/new/main/docs/praktijkvoorbeelden"
        query = parse_qs(url.query)
        assert query["value"] == [template]
        assert query["filename"] == ["plaats-organisatie-onderwerp.md"]


@pytest.mark.parametrize("english,dutch", [
    ("Doc file 'praktijkvoorbeelden/a.md' contains an unrecognized relative link 'corona/', it was left as is. "
     "Did you mean '../hoofdstukken/corona.md'?",
     "docs/praktijkvoorbeelden/a.md: de link 'corona/' wijst naar een pagina die niet bestaat; gebruik "
     "../hoofdstukken/corona.md."),
    ("Doc file 'praktijkvoorbeelden/a.md' contains a link 'foto.JPG', but the target "
     "'praktijkvoorbeelden/foto.JPG' is not found among documentation files.",
     "docs/praktijkvoorbeelden/a.md: de afbeelding 'foto.JPG' bestaat niet."),
    ("Doc file 'praktijkvoorbeelden/a.md' contains a link '../begrippen.md#x', but the doc 'begrippen.md' "
     "does not contain an anchor '#x'.",
     "docs/praktijkvoorbeelden/a.md: de link '../begrippen.md#x' wijst naar een kopje dat niet bestaat."),
])
def test_mkdocs_link_warnings_on_example_pages_in_dutch(english, dutch):
    from kinderwerk.examples.messages import translate
    assert translate(english).startswith(dutch)
    assert translate(english.replace("praktijkvoorbeelden/a.md", "index.md")) is None


# ---------------------------------------------------------------------------
# The real site (one strict build per session, from conftest)
# ---------------------------------------------------------------------------

SEARCH_TERMS = {
    "KookLab": "friesland-kearn-kooklab",
    "kookactiviteit": "friesland-kearn-kooklab",
    "huttendorp": "stichting-kinderspel-huttendorpen",
    "Droomspeelbus": "almere-de-schoor",
    "dagarrangement": "almere-de-schoor",
    "wijkteam": "arnhem-rijnstad",
    "Kinderrechtendag": "tilburg-r-newt-kids",
}


@pytest.fixture(scope="module")
def search_docs(built_site):
    return read_documents(built_site)


@pytest.mark.parametrize("term,slug", SEARCH_TERMS.items())
def test_search_finds_the_example_by_its_key_term(term, slug, search_docs):
    url = f"praktijkvoorbeelden/{slug}/"
    hits = [d for d in search_docs if d["location"].startswith(url)
            and term.lower() in (d["title"] + " " + d["text"]).lower()]
    assert hits, f"{term} not indexed for {url}"


def test_search_result_titles_show_the_place(search_docs, vocab):
    for path in EXAMPLE_FILES:
        example = ex.parse_example(path.read_text(encoding="utf-8"), f"praktijkvoorbeelden/{path.name}", vocab)
        entry = next(d for d in search_docs if d["location"] == f"praktijkvoorbeelden/{path.stem}/")
        assert entry["title"].startswith(example.plaats + ":"), entry["title"]


def test_overview_lists_every_example_and_works_without_javascript(built_site):
    html = (built_site / "praktijkvoorbeelden" / "index.html").read_text("utf-8")
    cards = re.findall(r'<li class="kw-card" id="voorbeeld-([a-z0-9-]+)"', html)
    assert sorted(cards) == sorted(p.stem for p in EXAMPLE_FILES)
    assert re.search(r'<form id="kw-filter"[^>]*\bhidden\b', html)       # no dead controls without JS
    assert "javascripts/praktijkvoorbeelden.js" in html
    for facet in ("provincie", "gemeente", "thema", "partner", "werkvorm"):
        assert f'<select id="kw-filter-{facet}" name="{facet}" data-kw-facet="{facet}">' in html
    assert "../bijdragen/" in html


def test_tag_page_for_every_goal_and_partner(built_site, vocab):
    for kind, values in (("thema", vocab.themas), ("partner", vocab.partners)):
        for key in values:
            page = built_site / "praktijkvoorbeelden" / kind / key.replace("_", "-") / "index.html"
            assert page.exists(), page


def test_each_example_links_to_its_chapters_and_figures(built_site, vocab):
    data = load_all(ROOT / "data")
    for path in EXAMPLE_FILES:
        example = ex.parse_example(path.read_text(encoding="utf-8"), f"praktijkvoorbeelden/{path.name}", vocab)
        html = unescape((built_site / "praktijkvoorbeelden" / path.stem / "index.html").read_text("utf-8"))
        for chapter in example.hoofdstukken:
            assert f'href="../../hoofdstukken/{chapter}/' in html, (path.stem, chapter)
        for thema in example.themas:
            assert f"{data['doelstellingen'].text(thema)} van de kinderwerkers streeft dit doel na" in html
        for partner in example.partners:
            assert f"{data['samenwerkingspartners'].text(partner)} van de kinderwerkers werkt" in html
        assert "Verwante voorbeelden" in html


def test_each_chapter_lists_its_examples(built_site, vocab):
    examples = [ex.parse_example(p.read_text(encoding="utf-8"), f"praktijkvoorbeelden/{p.name}", vocab)
                for p in EXAMPLE_FILES]
    for chapter in vocab.hoofdstukken:
        html = (built_site / "hoofdstukken" / chapter / "index.html").read_text("utf-8")
        mine = [e for e in examples if chapter in e.hoofdstukken]
        if not mine:
            continue
        assert html.count('id="praktijkvoorbeelden-bij-dit-hoofdstuk"') == 1, chapter
        for e in mine:
            assert f'href="../../praktijkvoorbeelden/{e.slug}/"' in html, (chapter, e.slug)


def test_examples_for_macro_places_the_block_once(project, tmp_path):
    """A chapter may place the block itself; the hook then appends nothing."""
    chapter = project / "docs" / "hoofdstukken" / "werkzaamheden.md"
    chapter.write_text(chapter.read_text(encoding="utf-8")
                       + '\n\n{{ examples_for("werkzaamheden") }}\n\nSlotzin na het blok.\n', encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    html = (tmp_path / "site" / "hoofdstukken" / "werkzaamheden" / "index.html").read_text("utf-8")
    assert html.count('id="praktijkvoorbeelden-bij-dit-hoofdstuk"') == 1
    assert html.index('id="praktijkvoorbeelden-bij-dit-hoofdstuk"') < html.index("Slotzin na het blok.")
    assert 'href="../../praktijkvoorbeelden/almere-de-schoor/"' in html


def test_examples_for_unknown_chapter_fails(project, tmp_path):
    page = project / "docs" / "cijfers.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ examples_for("hoofdstuk-9") }}\n', encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/cijfers.md" in result.output and "onbekend hoofdstuk 'hoofdstuk-9'" in result.output


def test_mkdocs_link_warning_for_an_example_is_shown_in_dutch(project, tmp_path):
    """A link to a heading that does not exist passes the source check but not
    MkDocs' own; its warning appears in the same Dutch form."""
    text = good_example().replace("De Speelkamerproject-tekst over aanpak.",
                                  "Zie [begrippen](../begrippen.md#bestaat-niet).")
    (project / "docs" / "praktijkvoorbeelden" / "speeldorp-test.md").write_text(text, encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/praktijkvoorbeelden/speeldorp-test.md: de link '../begrippen.md#bestaat-niet' wijst naar een "
            "kopje dat niet bestaat") in result.output
    assert "does not contain an anchor" not in result.output
