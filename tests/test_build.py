"""The whole site builds strictly; bad ids and bad data stop it cleanly."""
from __future__ import annotations

import re
import subprocess
import sys
from html import unescape as html_unescape

import pytest

from kinderwerk.datasets import load_all
from project_copy import ROOT, run_build


def test_strict_build_has_no_warnings(site_build):
    assert "WARNING" not in site_build.output
    assert (site_build.site / "index.html").exists()


def test_chapter_3_shows_chart_table_and_downloads(built_site):
    html = (built_site / "hoofdstukken" / "samenwerkingspartners" / "index.html").read_text()
    # The report does not say several partners could be chosen: the box says it is likely.
    assert 'role="img"' in html and "<table" in html and "Waarschijnlijk meerdere antwoorden mogelijk" in html
    assert 'href="../../downloads/samenwerkingspartners.csv"' in html
    assert 'href="../../downloads/samenwerkingspartners.svg"' in html
    csv = (built_site / "downloads" / "samenwerkingspartners.csv").read_text()
    assert csv == (ROOT / "data" / "samenwerkingspartners.csv").read_text()
    svg = (built_site / "downloads" / "samenwerkingspartners.svg").read_text()
    assert svg.startswith("<?xml") and 'role="img"' in svg


def test_table_holds_the_same_numbers_as_the_chart(built_site):
    html = (built_site / "hoofdstukken" / "samenwerkingspartners" / "index.html").read_text()
    table = html[html.index('id="grafiek-samenwerkingspartners-tabel"'):]
    table = table[:table.index("</table>")]
    cells = [html_unescape(c).strip() for c in re.findall(r'<td class="kw-num">([^<]+)', table)]
    data = load_all(ROOT / "data")["samenwerkingspartners"]
    assert cells == [data.label(o.id) for o in data.options]
    assert cells[0] == "> 90%"  # the report's "meer dan 90 procent"


def test_warm_build_redraws_no_chart(project_copy, tmp_path):
    # The copy starts with the session's charts; take two away (one whole, and
    # the PNG of another), so the first build must draw exactly those two.
    from kinderwerk.chart_cache import cache_key
    charted = [d for d in load_all(project_copy / "data").values() if d.meta.chart]
    first, second = (project_copy / ".cache" / "charts" / f"{d.id}-{cache_key(d)}" for d in charted[:2])
    for path in (first.with_suffix(".svg"), first.with_suffix(".png"), second.with_suffix(".png")):
        path.unlink()
    cold = run_build(project_copy, tmp_path / "a")
    warm = run_build(project_copy, tmp_path / "b")
    assert cold.returncode == warm.returncode == 0
    assert re.search(r"\b2 grafieken opnieuw getekend", cold.output), cold.output[-2000:]
    assert "0 grafieken opnieuw getekend" in warm.output
    assert first.with_suffix(".svg").exists() and second.with_suffix(".png").exists()


@pytest.mark.parametrize("page_name, call, bad_id, where", [
    ("cijfers.md", '{{ chart("samenwerkingspartnerz") }}', "samenwerkingspartnerz", "docs/cijfers.md"),
    ("index.md", '{{ pct("samenwerkingspartners", "bakkers") }}', "bakkers", "docs/index.md"),
    ("index.md", "{{ onbekende_variabele }}", "onbekende_variabele", "index.md"),
], ids=["unknown data set", "unknown option", "undefined variable"])
def test_unknown_id_stops_the_build_naming_page_and_id(project_copy, tmp_path, page_name, call,
                                                         bad_id, where):
    page = project_copy / "docs" / page_name
    page.write_text(page.read_text() + f"\n{call}\n")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert where in result.output and bad_id in result.output


def test_bad_csv_stops_the_build_and_keeps_the_old_site(project_copy):
    site = project_copy / "site"
    build = [sys.executable, "scripts/tools/build_site.py", "--site-dir", str(site)]
    first = subprocess.run(build, cwd=project_copy, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = (site / "index.html").read_bytes()
    csv = project_copy / "data" / "doelstellingen.csv"
    csv.write_text(csv.read_text().replace("talentontwikkeling,Talentontwikkeling,78,",
                                           "talentontwikkeling,Talentontwikkeling,780,"))
    second = subprocess.run(build, cwd=project_copy, capture_output=True, text=True)
    output = second.stdout + second.stderr
    assert second.returncode != 0
    assert "doelstellingen.csv, regel 3, kolom 'value'" in output
    assert "NIET bijgewerkt" in output
    assert (site / "index.html").read_bytes() == before
    assert not list(project_copy.glob(".site-nieuw-*"))


def test_dead_link_fails_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text() + "\n[weg](bestaat-niet.md)\n")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "bestaat-niet.md" in result.output
