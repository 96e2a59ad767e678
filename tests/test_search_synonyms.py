"""The synonym and translation list of the search (data/zoeken/synoniemen.csv,
scripts/kinderwerk/search_synonyms.py): the list loads, a bad list names
every problem with file and line in Dutch, in `make check` and in the build."""
from __future__ import annotations

from pathlib import Path

import pytest

from check import check_synonyms
from kinderwerk import search_synonyms as ss
from project_copy import run_build

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "data" / "zoeken" / "synoniemen.csv"

BAD = """zoekwoord,zoekt_ook,soort,toelichting
pandemie,corona,synoniem,
<script>,corona,synoniem,
lockdown,,synoniem,
budget,financiering,soortgelijk,
Pandemie,coronatijd,synoniem,dubbel
youth work,jongeren werk,engels,
een heel lange woordgroep,corona,synoniem,
"""


def test_the_sites_list_loads_and_folds_its_words():
    synonyms = ss.load_synonyms(LIST)
    assert len(synonyms) >= 50
    for source, targets in synonyms.items():
        assert source == " ".join(ss.words(source)) and targets
        assert all(t == ss.fold(t) and " " not in t for t in targets)


def test_a_bad_list_names_every_problem_with_its_line(tmp_path):
    path = tmp_path / "synoniemen.csv"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(ss.SynonymError) as caught:
        ss.load_synonyms(path, "data/zoeken/synoniemen.csv")
    problems = caught.value.problems
    expected = {3: "'zoekwoord'", 4: "'zoekt_ook' is leeg", 5: "'soort'", 6: "staat al op regel 2",
                7: "alleen losse woorden", 8: "meer dan 3 woorden"}
    for line, text in expected.items():
        assert any(f"data/zoeken/synoniemen.csv, regel {line}:" in p and text in p for p in problems), (
            line, problems)
    assert len(problems) == len(expected)
    assert "Traceback" not in str(caught.value)


def test_a_bad_header_and_a_huge_file_are_refused(tmp_path):
    path = tmp_path / "synoniemen.csv"
    path.write_text("woord,doel\npandemie,corona\n", encoding="utf-8")
    with pytest.raises(ss.SynonymError, match="regel 1: de kopregel"):
        ss.load_synonyms(path)
    path.write_text("zoekwoord,zoekt_ook,soort\n" + "a,b,synoniem\n" * (ss.MAX_BYTES // 10), encoding="utf-8")
    with pytest.raises(ss.SynonymError, match="groter dan"):
        ss.load_synonyms(path)


def test_make_check_and_the_build_stop_on_a_bad_list(project_copy, tmp_path):
    (project_copy / "data" / "zoeken" / "synoniemen.csv").write_text(BAD, encoding="utf-8")
    problems = check_synonyms(project_copy)
    assert {(p.file, p.line) for p in problems} >= {("data/zoeken/synoniemen.csv", 3),
                                                     ("data/zoeken/synoniemen.csv", 8)}
    result = run_build(project_copy, tmp_path / "out", strict=False)
    assert result.returncode != 0
    assert "data/zoeken/synoniemen.csv, regel 5: 'soort'" in result.output
    assert "Traceback" not in result.output
