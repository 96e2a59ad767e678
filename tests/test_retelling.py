"""No sentence of the report comes back reworded by a word or two (issue 21).

``scripts/dev/retelling_check.py`` runs the team's ``overlap.py --near`` on every
text the site shows (pages, front matter, data sidecars and CSV notes,
tooltips) and compares what it flags with ``tests/near_copy_allowlist.yml``.
The tool and the report are in ``../shared`` beside the clone, not in the
repository: without them these tests are skipped and say why (``pytest -ra``
lists the reason), and with ``KINDERWERK_SHARED`` set they fail instead.

The tests that add a near-copy do so in a copy of the project, on a made-up
page or note, so they do not depend on the pages that happen to be in docs/.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import retelling_check as rc
from project_copy import copy_project

# Report sentence (chapter 3): "Meer dan 90 procent van de deelnemers geeft aan
# samen te werken met basisscholen." Reworded by a word or two:
NEAR_COPY = "Meer dan 90 procent van de deelnemers zegt samen te werken met basisscholen."
# Chapter 5, word for word: a run of more than twelve words.
VERBATIM = ("Loes Groot Lipman is senior kinderwerker bij Raster Welzijn in Deventer. De afgelopen "
            "jaren heeft Raster hard gewerkt om de positie van het kinderwerk in die stad verder "
            "te verstevigen.")


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def add_page(project: Path, text: str) -> str:
    page = project / "docs" / "proef-knikkerveen.md"
    page.write_text(f"# Proef in Knikkerveen\n\n{text}\n", encoding="utf-8")
    return "docs/proef-knikkerveen.md"


def test_the_site_has_no_near_copy_outside_the_allowlist(shared):
    found, result = rc.problems()
    assert not found, "\n".join(found)
    assert result.summary.startswith("overlap: 0 runs of >= 12 words")


def test_every_allowlist_entry_has_a_reason():
    entries = rc.load_allowlist()
    assert entries, "de allow-list is leeg; dan hoort deze test anders"
    assert all(len(e["reason"].split()) >= 4 for e in entries), entries


def test_a_new_near_copy_on_a_page_fails(shared, project):
    name = add_page(project, f"Een proef met samenwerking.\n\n{NEAR_COPY}")
    found, _ = rc.problems(project)
    assert len(found) == 1, found
    assert found[0].startswith(f"{name}: bijna letterlijk uit het rapport")
    assert rc.normalise(NEAR_COPY) in found[0]


def test_a_run_of_twelve_words_fails(shared, project):
    name = add_page(project, VERBATIM)
    found, result = rc.problems(project)
    assert any(f.startswith(f"{name}: ") and "letterlijk uit het rapport" in f and "words" in f
               for f in found), found
    assert not result.summary.startswith("overlap: 0 runs")


def test_a_near_copy_in_a_data_note_fails(shared, project):
    """Notes in data/*.meta.yml show on the site (chart boxes, Cijfers), not in docs/."""
    sidecar = project / "data" / "samenwerkingspartners.meta.yml"
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(text.replace("notes:\n", f"notes:\n  - {NEAR_COPY}\n", 1), encoding="utf-8")
    found, _ = rc.problems(project)
    assert [f.split(":")[0] for f in found] == ["data/samenwerkingspartners.md"], found


def test_a_near_copy_in_front_matter_fails(shared, project):
    """A summary shows on cards and in the page header, not in the Markdown body."""
    page = project / "docs" / "proef-knikkerveen.md"
    page.write_text(f"---\ndescription: {NEAR_COPY}\n---\n# Proef in Knikkerveen\n\nTekst.\n",
                    encoding="utf-8")
    found, _ = rc.problems(project)
    assert [f.split(":")[0] for f in found] == ["docs/proef-knikkerveen.voorwerk.md"], found


def test_an_allowed_sentence_is_allowed_only_in_its_own_file(shared, project):
    entry = rc.load_allowlist()[0]
    name = add_page(project, entry["sentence"])
    found, _ = rc.problems(project)
    assert len(found) == 1 and found[0].startswith(f"{name}: bijna letterlijk"), found


def test_an_entry_that_no_longer_matches_is_reported(shared, tmp_path):
    allowlist = tmp_path / "allow.yml"
    allowlist.write_text(rc.ALLOWLIST.read_text(encoding="utf-8") + (
        "\n- file: docs/index.md\n  sentence: Een zin die nergens staat in Knikkerveen.\n"
        "  reason: Alleen voor deze test, om te zien dat hij gemeld wordt.\n"), encoding="utf-8")
    found, _ = rc.problems(allowlist=allowlist)
    assert len(found) == 1 and "wordt niet meer gemeld" in found[0], found


def test_an_entry_without_reason_is_refused(tmp_path):
    allowlist = tmp_path / "allow.yml"
    allowlist.write_text("- file: docs/index.md\n  sentence: Een zin.\n  reason: ''\n", encoding="utf-8")
    with pytest.raises(ValueError, match="regel 1"):
        rc.load_allowlist(allowlist)


def test_without_shared_the_check_says_what_is_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("KINDERWERK_SHARED", str(tmp_path))
    with pytest.raises(rc.SharedMissing) as info:
        rc.problems()
    message = str(info.value)
    assert str(tmp_path) in message and "KINDERWERK_SHARED" in message and "repository" in message


def test_site_texts_cover_what_pages_do_not_hold():
    texts = rc.site_texts(rc.ROOT)
    for dataset in rc.load_all(rc.ROOT / "data").values():
        shown = [*dataset.meta.notes, dataset.meta.alt, dataset.meta.question]
        shown += [o.note for o in dataset.options if o.note]
        assert all(" ".join(t.split()) in texts[f"data/{dataset.id}.md"] for t in shown), dataset.id
    tooltips = (rc.ROOT / "includes" / "begrippen.md").read_text(encoding="utf-8").splitlines()
    assert all(line.split("]:", 1)[1].strip() in texts["includes/begrippen.md"]
               for line in tooltips if line.strip())


def test_setting_kinderwerk_shared_turns_a_skip_into_a_failure(monkeypatch):
    """Unset (a bare clone): the report's tests are skipped; set: they must run."""
    monkeypatch.delenv("KINDERWERK_SHARED", raising=False)
    assert not rc.shared_required()
    monkeypatch.setenv("KINDERWERK_SHARED", "/ergens/anders")
    assert rc.shared_required() and rc.shared_dir() == Path("/ergens/anders")
