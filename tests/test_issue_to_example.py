"""scripts/tools/issue_to_example.py: a filled-in issue form becomes an example page
that passes the checks and builds; an incomplete or unsafe one is refused
with Dutch messages and writes nothing. Issue text is data, never code."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import issue_to_example
from kinderwerk import examples as ex
from project_copy import ROOT, copy_project, run_build

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "nieuw-praktijkvoorbeeld.yml"

ANSWERS = {
    "titel": "zomerspeeltuin met de bibliotheek en de scouting",
    "organisatie": "Stichting Speelwerk Dommeldal",
    "gemeenten": "Dommeldal",
    "provincie": "Overijssel",
    "periode": "zomervakantie 2025",
    "leeftijd_van": "6",
    "leeftijd_tot": "12",
    "werkvormen": "Vakantieactiviteit, Sport en spel",
    "themas": "Culturele en recreatieve activiteiten toegankelijk maken",
    "partners": "Scouting",
    "andere_partners": "bibliotheek",
    "hoofdstukken": "2. Werkzaamheden, 3. Samenwerkingspartners",
    "samenvatting": "Zes weken lang opende Speelwerk Dommeldal elke middag de speeltuin, met voorlezen en spellen.",
    "aanleiding": "In de zomer was er voor kinderen in de wijk weinig te doen.",
    "aanpak": "Elke middag van 13.00 tot 16.00 uur was de speeltuin open.\n\nRuim 60% van de kinderen kwam terug.",
    "samenwerking": "De bibliotheek las voor, de scouting deed spellen.",
    "opbrengst": "Ouders leerden elkaar kennen.",
    "tips": "- Begin op tijd met de planning.\n- Vraag de scouting om materiaal.",
    "personen": "Fatima Jansen; kinderwerker; Stichting Speelwerk Dommeldal; aan het woord\n"
                "Piet de Vries; hopman; Scouting Dommeldal; genoemd",
    "bron": "Gesprek met de kinderwerker, 2026",
    "foto": "",
}


def body(**changes) -> str:
    """An issue body as GitHub renders the form: '### label', blank line, answer."""
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    answers = {**ANSWERS, **changes}
    parts = []
    for item in form["body"]:
        if item["type"] == "markdown":
            continue
        label = item["attributes"]["label"]
        if item["type"] == "checkboxes":
            value = "\n".join(f"- [X] {o['label']}" for o in item["attributes"]["options"])
        else:
            value = answers.get(item["id"]) or "_No response_"
        parts.append(f"### {label}\n\n{value}")
    return "\n\n".join(parts) + "\n"


@pytest.fixture
def project(tmp_path) -> Path:
    target = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / ".github", target / ".github")
    return target


def run(project: Path, text: str, tmp_path: Path) -> subprocess.CompletedProcess:
    source = tmp_path / "issue-body.md"
    source.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, str(project / "scripts" / "tools" / "issue_to_example.py"), str(source),
                           "--today", "2026-11-28"], cwd=project, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def new_pages(project: Path) -> list[Path]:
    before = {p.name for p in (ROOT / "docs" / "praktijkvoorbeelden").glob("*.md")}
    return [p for p in (project / "docs" / "praktijkvoorbeelden").glob("*.md") if p.name not in before]


def test_filled_in_form_becomes_a_page_that_builds(project, tmp_path):
    done = run(project, body(), tmp_path)
    assert done.returncode == 0, done.stderr
    path = done.stdout.strip()
    assert path == "docs/praktijkvoorbeelden/dommeldal-zomerspeeltuin-met-de-bibliotheek-en-de.md"
    text = (project / path).read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["werkvormen"] == ["vakantieactiviteit", "sport_en_spel"]      # ids, as in the template
    assert meta["hoofdstukken"] == ["werkzaamheden", "samenwerkingspartners"]
    assert meta["personen"][1] == {"naam": "Piet de Vries", "rol": "hopman", "organisatie": "Scouting Dommeldal",
                                   "in_het_verhaal": "genoemd"}
    assert meta["leeftijd_van"] == 6 and meta["gecontroleerd"] == "2026-11-28"
    assert "Ruim 60% van de kinderen kwam terug." in text
    check = subprocess.run([sys.executable, "scripts/tools/check.py"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    page = tmp_path / "site" / "praktijkvoorbeelden" / Path(path).stem / "index.html"
    assert "Dommeldal: zomerspeeltuin met de bibliotheek en de scouting" in page.read_text(encoding="utf-8")


def test_incomplete_form_is_refused_in_dutch(project, tmp_path):
    done = run(project, body(organisatie="", tips="", themas="Gezondheid"), tmp_path)
    assert done.returncode == 1
    assert "Van dit formulier kan nog geen pagina gemaakt worden" in done.stderr
    assert "organisatie" in done.stderr and "tips" in done.stderr
    assert "Traceback" not in done.stderr
    assert new_pages(project) == []


def test_unknown_choice_is_refused_with_the_allowed_values(project, tmp_path):
    done = run(project, body(themas="Gezondheid"), tmp_path)
    assert done.returncode == 1
    assert "bij 'themas': onbekende waarde 'Gezondheid'" in done.stderr
    assert new_pages(project) == []


@pytest.mark.parametrize("changes,expected", [
    ({"aanpak": "Zie {{ lipsum.__globals__['os'].popen('touch PWNED').read() }}"}, "sjablooncode"),
    ({"tips": "<script>alert(1)</script>"}, "<script>-element"),
    ({"opbrengst": '<img src=x onerror="alert(1)">'}, "event-handler"),
])
def test_unsafe_form_is_refused_and_writes_nothing(changes, expected, project, tmp_path):
    done = run(project, body(**changes), tmp_path)
    assert done.returncode == 1, done.stdout
    assert expected in done.stderr
    assert new_pages(project) == []
    assert not (project / "PWNED").exists()


def test_form_text_is_data_not_yaml_or_shell(project, tmp_path):
    """YAML and shell syntax in answers stay literal text in the page."""
    tricky = 'speeltuin "met" #hekje: en $(touch PWNED) `id`'
    done = run(project, body(titel=tricky + "\n---\nrender_macros: true",
                             bron="gesprek: 'zomer' [2025], {x: 1}"), tmp_path)
    assert done.returncode == 0, done.stderr
    meta = ex.page_meta((project / done.stdout.strip()).read_text(encoding="utf-8"))[0]
    assert meta["titel"] == tricky + " --- render_macros: true"
    assert meta["bron"] == "gesprek: 'zomer' [2025], {x: 1}"
    assert "render_macros" not in meta
    assert not (project / "PWNED").exists()


def test_a_header_typed_inside_an_answer_does_not_start_a_field():
    labels = issue_to_example.form_labels(FORM)
    text = body(aanpak="Eerst dit.\n\n### Bron\n\nnep\n\n### Korte titel\n\nnep")
    answers = issue_to_example.parse_body(text, labels)
    assert answers["aanpak"].endswith("### Bron\n\nnep\n\n### Korte titel\n\nnep")
    assert answers["bron"] == ANSWERS["bron"] and answers["titel"] == ANSWERS["titel"]


def test_form_matches_the_schema(project):
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    assert {"hoofdstukken", "leeftijd_van", "leeftijd_tot", "personen", "foto"} <= ids
    consent = next(i for i in form["body"] if i.get("id") == "akkoord")["attributes"]["options"]
    assert any("foto" in o["label"] and o["required"] for o in consent)
    config = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config["contact_links"][0]["url"].startswith("mailto:")


# --- Photos in the form (issue 16) ---------------------------------------------------

ATTACHED = ("![IMG_2041](https://github.com/user-attachments/assets/0f3c-hut?@beheerder)\n"
            '<img width="300" alt="verf" src="https://github.com/user-attachments/assets/9a1b-verf">\n'
            "Kinderen bouwen een hut")


def test_attached_photos_are_listed_for_the_pull_request_never_fetched_or_echoed(project, tmp_path):
    source = tmp_path / "issue-body.md"
    source.write_text(body(foto=ATTACHED, aanpak="Zo deden we het.\n\n![hut](https://host.example/h.jpg)\n\nEinde."),
                      encoding="utf-8")
    notes_file = tmp_path / "photo-notes.md"
    done = subprocess.run([sys.executable, str(project / "scripts" / "tools" / "issue_to_example.py"), str(source),
                           "--today", "2026-11-28", "--photo-notes", str(notes_file)], cwd=project,
                          capture_output=True, text=True, timeout=120, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    notes = notes_file.read_text(encoding="utf-8")
    lines = notes.splitlines()
    assert len(lines) == 3, notes
    assert "Bij 'Foto (mag leeg blijven)' staan 2 foto's" in lines[0] and "docs/praktijkvoorbeelden/" in lines[0]
    assert "toestemming_fotos: ja" in lines[1]                       # the consent box was ticked
    assert "Bij 'Aanpak' stond een foto in de tekst" in lines[2]     # the form's label, not the field id
    for leaked in ("github.com", "host.example", "http", "@beheerder", "IMG_2041", "verf"):
        assert leaked not in notes, leaked                           # never an address or submitted text
    page = (project / done.stdout.strip()).read_text(encoding="utf-8")
    assert "host.example" not in page and "user-attachments" not in page and "Einde." in page
    assert "toestemming_fotos" not in page   # no photo on the page yet: the editors add it with consent


def test_links_in_answers_are_taken_out_and_reported_in_one_line(project, tmp_path):
    """Issue 17: a link to another website is not published from the form and
    not echoed; one Dutch line for the pull request says so."""
    aanpak = ("Kijk op [onze site](https://phish.example/login?@beheerder) of <https://evil.example/x>.\n\n"
              "Meer op https://bare.example/pad en [een pagina](//schema-loos.example/). Einde.")
    source = tmp_path / "issue-body.md"
    source.write_text(body(aanpak=aanpak, tips="Zie [hier](http://tips.example/)."), encoding="utf-8")
    notes_file = tmp_path / "notes.md"
    done = subprocess.run([sys.executable, str(project / "scripts" / "tools" / "issue_to_example.py"), str(source),
                           "--today", "2026-11-28", "--photo-notes", str(notes_file)], cwd=project,
                          capture_output=True, text=True, timeout=120, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    page = (project / done.stdout.strip()).read_text(encoding="utf-8")
    for host in ("phish.example", "evil.example", "bare.example", "schema-loos.example", "tips.example"):
        assert host not in page, host
    assert "Kijk op onze site" in page and "een pagina" in page and "Einde." in page
    notes = notes_file.read_text(encoding="utf-8").splitlines()
    assert len(notes) == 1, notes
    assert "5 links naar een andere website" in notes[0] and "'Aanpak'" in notes[0] and "'Tips voor andere kinderwerkers'" in notes[0]
    for leaked in ("http", "example", "@beheerder", "onze site"):
        assert leaked not in notes[0], leaked


def test_a_link_pattern_is_linear_on_hostile_input():
    from kinderwerk.examples import form_photos
    hostile = {"aanpak": "[" * 20000 + "](//" * 5000}
    out, removed = form_photos.take_out_links(hostile)   # bounded repeats: finishes at once
    assert removed == {} and out == hostile               # no closing ')': not a link, nothing taken out


def test_photo_without_the_consent_box_says_not_to_add_it():
    text = body(foto=ATTACHED).replace("- [X] Als ik een foto stuur", "- [ ] Als ik een foto stuur")
    notes = issue_to_example.photo_notes(text)
    assert len(notes) == 2 and "niet aangevinkt" in notes[1] and "Zet geen foto erbij" in notes[1]


def test_no_photo_no_notes():
    assert issue_to_example.photo_notes(body()) == []
