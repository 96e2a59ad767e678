"""`make check` (scripts/tools/check.py): every problem in one run, in Dutch, with
file, line and field; GitHub annotations and a step summary; no traceback,
whatever the input. Runs the script in a throw-away copy of the project with
made-up examples (no real town), so the live content never matters."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import check
from project_copy import ROOT, copy_project

FOLDER = Path("docs") / "praktijkvoorbeelden"


def example(town: str = "Speeldorp", **changes) -> str:
    """A valid example from a made-up town; ``changes`` replace (None: remove) fields."""
    meta = {
        "titel": f"zomerspeeltuin met de bibliotheek en de scouting ({town})",
        "samenvatting": "Zes weken lang was de speeltuin elke middag open, met voorlezen en spellen.",
        "organisatie": f"Stichting Speelwerk {town}",
        "gemeenten": [town],
        "provincie": ["Overijssel"],
        "periode": "zomervakantie 2025",
        "werkvormen": ["vakantieactiviteit", "sport_en_spel"],
        "leeftijd_van": 6,
        "leeftijd_tot": 12,
        "themas": ["activiteiten_toegankelijk"],
        "partners": ["scouting"],
        "andere_partners": ["bibliotheek"],
        "hoofdstukken": ["werkzaamheden"],
        "personen": [],
        "bron": "Gesprek met de kinderwerker, 2026",
        "gecontroleerd": "2026-11-01",
    }
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    body = ("## Aanleiding\n\nIn de zomer was er in de wijk weinig te doen voor kinderen.\n\n"
            "## Aanpak\n\nDe speeltuin was elke middag open. Ruim 60% van de kinderen kwam terug.\n\n"
            "## Samenwerking\n\nDe bibliotheek las voor en de scouting deed spellen. Zie ook "
            "[het hoofdstuk](../hoofdstukken/samenwerkingspartners.md).\n\n"
            "## Wat het oplevert\n\nOuders leerden elkaar kennen.\n\n"
            "## Tips\n\n- Begin op tijd met plannen.\n")
    return f"---\n{front}---\n\n{body}"


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def run_check(project: Path, github: bool = False, summary: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    if github:
        env["GITHUB_ACTIONS"] = "true"
        if summary:
            env["GITHUB_STEP_SUMMARY"] = str(summary)
    return subprocess.run([sys.executable, str(project / "scripts" / "tools" / "check.py")], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("FOUT: ")]


def annotations(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::error ")]


def write(project: Path, name: str, text: str | bytes) -> Path:
    path = project / FOLDER / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# --- Valid content passes ----------------------------------------------------------

def test_two_new_examples_from_towns_the_site_does_not_have_pass(project):
    write(project, "speeldorp-speelwerk-zomerspeeltuin.md", example("Speeldorp"))
    write(project, "dommeldal-speelwerk-zomerspeeltuin.md",
          example("Dommeldal", provincie=["fryslân"], partners=[],
                  personen=[{"naam": "Fatima Jansen", "rol": "kinderwerker", "organisatie": "Speelwerk Dommeldal",
                             "in_het_verhaal": "aan_het_woord"}]))
    done = run_check(project)
    assert done.returncode == 0, done.stdout + done.stderr
    live = len([p for p in (ROOT / FOLDER).glob("*.md") if p.name not in ("index.md", "_sjabloon.md")])
    assert f"Alles in orde: {live + 2} praktijkvoorbeelden" in done.stdout


def test_camera_photo_is_accepted(project):
    import fake_photos
    (project / FOLDER / "IMG_2041.JPG").write_bytes(fake_photos.phone_jpeg(400, 300, detail=False))
    text = example(toestemming_fotos="ja").replace("Ouders leerden elkaar kennen.",
                             "Ouders leerden elkaar kennen.\n\n![Kinderen spelen in de speeltuin](IMG_2041.JPG)")
    write(project, "speeldorp-speeltuin.md", text)
    done = run_check(project)
    assert done.returncode == 0, done.stdout + done.stderr


# --- Every problem in one run --------------------------------------------------------

def test_three_mistakes_over_two_files_in_one_run_with_annotations(project, tmp_path):
    write(project, "speeldorp-speeltuin.md", example(provincie=["Overijsel"], titel="Speeldorp: speeltuin"))
    write(project, "dommeldal-speeltuin.md", example("Dommeldal").replace(
        "## Tips\n\n- Begin op tijd met plannen.\n", "## Tips\n"))
    summary = tmp_path / "summary.md"
    done = run_check(project, github=True, summary=summary)
    assert done.returncode == 1
    found = errors(done.stdout)
    assert len(found) == 3, done.stdout
    assert any("speeldorp-speeltuin.md, regel 8, veld 'provincie': onbekende waarde 'Overijsel'. "
               "Bedoel je 'Overijssel'?" in line for line in found), found
    assert any("speeldorp-speeltuin.md, regel 2, veld 'titel': de titel begint met de plaats (Speeldorp)"
               in line for line in found), found
    assert any("dommeldal-speeltuin.md, regel" in line and "het kopje '## Tips' is leeg" in line
               for line in found), found
    notes = annotations(done.stdout)
    assert len(notes) == 3
    assert "::error file=docs/praktijkvoorbeelden/speeldorp-speeltuin.md,line=8,title=Veld provincie::" \
           "onbekende waarde 'Overijsel'." in "\n".join(notes)
    assert "3 problemen in 2 bestanden" in done.stdout
    text = summary.read_text(encoding="utf-8")
    assert "## Controle: 3 problemen in 2 bestanden" in text and "`docs/praktijkvoorbeelden/dommeldal-speeltuin.md`" in text
    assert "Traceback" not in done.stdout + done.stderr


def test_five_different_mistakes_in_one_file(project):
    text = example(titel="een heel erg lange titel over de zomerspeeltuin met de bibliotheek en de scouting "
                         "in de wijk",
                   themas=["gezondheid"], gecontroleerd="28-11-2026", organisatie="Naam van de organisatie")
    text = text.replace("Ouders leerden elkaar kennen.", "Ouders leerden elkaar kennen. Zie "
                        "[corona](../hoofdstukken/corona) en <script>alert(1)</script>.")
    write(project, "speeldorp-speeltuin.md", text)
    done = run_check(project)
    assert done.returncode == 1
    found = errors(done.stdout)
    expected = ["veld 'titel': de titel is te lang: 17 woorden en ",
                "veld 'organisatie': 'Naam van de organisatie' is de voorbeeldtekst uit het sjabloon",
                "veld 'themas': onbekende waarde 'gezondheid'",
                "veld 'gecontroleerd': '28-11-2026' is geen geldige datum",
                "de link '../hoofdstukken/corona' wijst naar een pagina die niet bestaat; gebruik "
                "../hoofdstukken/corona.md",
                "een <script>-element is niet toegestaan"]
    for part in expected:
        assert any(part in line for line in found), (part, done.stdout)
    assert len(found) == len(expected), done.stdout
    assert all(re.match(r"FOUT: docs/praktijkvoorbeelden/speeldorp-speeltuin\.md, regel \d+", line)
               for line in found), found


# --- Messages a real person needs ------------------------------------------------------

@pytest.mark.parametrize("change,expected", [
    (lambda t: t.replace("\nperiode:", "\n\tperiode:"), "regel 9: Regel 9 begint met een tab; gebruik spaties."),
    (lambda t: t.replace("bron: Gesprek met de kinderwerker, 2026", "bron: “Verslag: zomer 2025”"),
     'Gebruik rechte aanhalingstekens ("), geen “ ”.'),
    (lambda t: t.replace("gecontroleerd: '2026-11-01'\n---\n", "gecontroleerd: '2026-11-01'\n"),
     "De gegevens bovenaan zijn niet afgesloten: zet een regel met alleen --- onder gecontroleerd:."),
    (lambda t: t.replace("periode: zomervakantie 2025", "periode: zomer: 2025"),
     "De gegevens bovenaan kloppen hier niet: er staat een dubbele punt (:) in een tekst."),
    (lambda t: t.replace("In de zomer was er in de wijk weinig te doen voor kinderen.",
                         "Waarom begon dit? Welke vraag of welk probleem was er in de wijk? Schrijf korte\n"
                         "zinnen. Vertel in je eigen woorden wat mensen zeiden (\"Volgens ... \")."),
     "onder '## Aanleiding' staat nog de voorbeeldtekst uit het sjabloon"),
    (lambda t: t.replace("De bibliotheek las voor en de scouting deed spellen. Zie ook "
                         "[het hoofdstuk](../hoofdstukken/samenwerkingspartners.md).", "<!-- nog invullen -->"),
     "het kopje '## Samenwerking' is leeg. Schrijf er minstens één zin onder."),
    (lambda t: t.replace("personen: []", "personen:\n- naam: Voornaam Achternaam\n  rol: kinderwerker\n"
                                         "  organisatie: Speelwerk\n  in_het_verhaal: aan_het_woord"),
     "bij persoon 1 staat bij 'naam' nog de voorbeeldtekst uit het sjabloon"),
    (lambda t: t.replace("personen: []", "personen:\n- naam: An de Wit\n  rol: kinderwerker\n"
                                         "  organisatie: Speelwerk"),
     "bij persoon 1 ontbreekt 'in_het_verhaal'"),
    (lambda t: re.sub(r"^titel: .*$", lambda _: 'titel: "\\x3cscript>alert(1)\\x3c/script> speeltuin"', t,
                      flags=re.M),
     "veld 'titel': een <script>-element is niet toegestaan"),
])
def test_message_for_a_common_mistake(change, expected, project):
    write(project, "speeldorp-speeltuin.md", change(example()))
    done = run_check(project)
    assert done.returncode == 1
    assert any(expected in line for line in errors(done.stdout)), done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert not re.search(r"\b(?:mapping values|could not find|expected|found character)\b", done.stdout)


@pytest.mark.parametrize("name,expected", [
    ("IMG_2041.HEIC", "maar het is geen JPG-, PNG-, WEBP- of HEIC-foto"),
    ("foto.svg", "dit soort bestand mag niet in docs/praktijkvoorbeelden/"),
    ("Zwolle Speeltuin.md", "Noem het bestand zwolle-speeltuin.md."),
    ("WhatsApp Image 2025.jpeg", "Noem het bestand whatsapp-image-2025.jpeg."),
])
def test_file_names_and_kinds(name, expected, project):
    write(project, name, example() if name.endswith(".md") else b"\x00")
    done = run_check(project)
    assert done.returncode == 1
    assert any(expected in line and name in line for line in errors(done.stdout)), done.stdout


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff\xfe garbage \x89PNG\r\n", b"---\n---\n",
                                     b"---\n[[[\n---\n", "---\ntitel: caf\xe9\n---\n".encode("latin-1")])
def test_garbage_never_gives_a_traceback(content, project):
    write(project, "speeldorp-rommel.md", content)
    done = run_check(project)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    lines = errors(done.stdout)
    assert lines and all("docs/praktijkvoorbeelden/speeldorp-rommel.md" in line for line in lines), done.stdout


def test_broken_data_file_is_reported_with_its_line(project):
    path = project / "data" / "beroepen.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    rows[2] = re.sub(r"^([^,]*,[^,]*,)[^,]*", r"\1abc", rows[2])
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = run_check(project)
    assert done.returncode == 1
    assert any(line.startswith("FOUT: data/beroepen.csv, regel 3") and "'abc'" in line
               for line in errors(done.stdout)), done.stdout


def test_symlink_is_refused(project):
    (project / FOLDER / "link.md").symlink_to(project / "README-niet-er.md")
    done = run_check(project)
    assert done.returncode == 1
    assert any("link.md" in line and "snelkoppeling" in line for line in errors(done.stdout)), done.stdout


# --- Output format ---------------------------------------------------------------------

def test_annotation_escaping():
    from kinderwerk.examples import Problem
    problem = Problem("docs/a,b:c.md", 4, "titel", "50% van\nde regel\r")
    line = check.annotation(problem)
    assert line == "::error file=docs/a%2Cb%3Ac.md,line=4,title=Veld titel::50%25 van%0Ade regel%0D"


def test_check_is_fast_and_needs_no_browser(project):
    done = run_check(project)
    seconds = float(re.search(r"\((\d+,\d) s\)", done.stdout).group(1).replace(",", "."))  # '(1,3 s)'
    assert seconds < 30
    assert "playwright" not in (ROOT / "scripts" / "tools" / "check.py").read_text(encoding="utf-8").lower()


def test_makefile_runs_the_check_before_the_tests():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check: install\n\t\$\(PY\) scripts/tools/check\.py$", makefile, re.M)
    # lint (ruff, mypy) and the check both run before any test (issue 20, item 3)
    assert re.search(r"^test: install lint check browser$", makefile, re.M)
    assert re.search(r"^lint: install\n\t\$\(PY\) -m ruff check scripts tests\n\t\$\(PY\) -m mypy$", makefile, re.M)
    # .ci/run is the README's test command, which runs the check first.
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", run, re.M), run


def test_ci_runs_the_check_before_chromium():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert [s.get("run") for s in jobs["check"]["steps"] if "run" in s] == ["make check"]
    assert jobs["test"]["needs"] == "check"


def test_workflows_pass_zizmor():
    zizmor = Path(sys.executable).parent / "zizmor"
    done = subprocess.run([str(zizmor), "--offline", str(ROOT / ".github" / "workflows")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_build_reports_the_same_problems_as_the_check(project, tmp_path, warm_cache):
    """The MkDocs build runs the same checks: every problem of every example at
    once, the same lines as `make check`, and then it stops."""
    from project_copy import run_build, seed_cache
    seed_cache(project, warm_cache)
    write(project, "speeldorp-speeltuin.md", example(provincie=["Overijsel"], titel="Speeldorp: speeltuin"))
    write(project, "dommeldal-speeltuin.md", example("Dommeldal").replace(
        "## Tips\n\n- Begin op tijd met plannen.\n", "## Tips\n"))
    done = run_check(project)
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Fout in een praktijkvoorbeeld (3 problemen)" in result.output
    for line in errors(done.stdout):
        assert line.removeprefix("FOUT: ") in result.output, line
    assert not (tmp_path / "site" / "index.html").exists()


def test_preview_shoots_only_example_pages():
    import preview_examples
    assert preview_examples.example_pages([
        "docs/praktijkvoorbeelden/speeldorp-speeltuin.md", "docs/praktijkvoorbeelden/_sjabloon.md",
        "docs/praktijkvoorbeelden/index.md", "docs/praktijkvoorbeelden/IMG_2041.JPG", "docs/index.md",
        "docs/praktijkvoorbeelden/speeldorp-speeltuin.md"]) == ["praktijkvoorbeelden/speeldorp-speeltuin/"]
