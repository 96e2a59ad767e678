"""The data downloads open in the tools their readers use: Excel (read back
with openpyxl), LibreOffice (read back with odfpy), Dutch Excel's CSV dialect,
and a Frictionless data package that validates."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import zipfile

import openpyxl
import pytest

from kinderwerk import spreadsheets
from kinderwerk.blocks import CHART_DOWNLOADS, DATA_DOWNLOADS
from kinderwerk.datapackage import datapackage_json
from kinderwerk.datasets import load_all
from project_copy import ROOT

EDITION = dt.date(2031, 5, 17)  # a date no build writes by accident

META = """\
title: Testvraag uit Zwartewaterveen
question: Wat doe je in Zwartewaterveen?
question_verbatim: false
finding: "{lezen} leest"
base: Niet per vraag bekend.
multiple_answers: true
unit: percent
chapter: Hoofdstuk 9
source: Testbron.
notes: [Alleen voor de test.]
alt: Staafdiagram van een test, waaruit blijkt dat het werkt.
derived:
  zingen: round(100 / 2)
"""
ROWS = """\
id,label,value,precision,wording,phrase,note,derived
lezen,Lezen,56,exact,56 procent,,,
rekenen,Rekenen,9.2,about,ongeveer 9 procent,,een noot,
knutselen,Knutselen,,words_only,enkele,,,
zingen,Zingen,50,more_than,meer dan de helft,de helft,,true
"""
COUNT_META = (META.replace("derived:\n  zingen: round(100 / 2)\n", "").replace("unit: percent", "unit: count").replace("Testvraag", "Telvraag")
              .replace("{lezen} leest", "{leden} leden"))
COUNT_ROWS = "id,label,value,precision,wording\nleden,Leden,36372,exact,36.372 leden\nhalf,Half,2.5,about,ongeveer 2\n"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    (folder / "zwartewaterveen_test.meta.yml").write_text(META, encoding="utf-8")
    (folder / "zwartewaterveen_test.csv").write_text(ROWS, encoding="utf-8")
    (folder / "zwartewaterveen_tel.meta.yml").write_text(COUNT_META, encoding="utf-8")
    (folder / "zwartewaterveen_tel.csv").write_text(COUNT_ROWS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def datasets(data_dir):
    return load_all(data_dir)


@pytest.fixture(scope="module")
def files(datasets):
    return spreadsheets.downloads(datasets, EDITION)


def _table(ws):
    """(header row number, {column name: column letter index}) of a data sheet."""
    for row in ws.iter_rows():
        if row[0].value == "Antwoord":
            return row[0].row, {c.value: c.column for c in row if c.value}
    raise AssertionError("geen tabel met de kolom Antwoord")


# --- Excel ---------------------------------------------------------------------------

def test_xlsx_values_are_numbers_with_dutch_formats(files):
    ws = openpyxl.load_workbook(io.BytesIO(files["zwartewaterveen_test.xlsx"])).active
    top, cols = _table(ws)
    value = cols["Percentage"]
    cells = {ws.cell(r, cols["id"]).value: ws.cell(r, value) for r in range(top + 1, top + 5)}
    assert cells["lezen"].data_type == "n" and cells["lezen"].value == pytest.approx(0.56)
    assert cells["lezen"].number_format == "0%"          # Dutch Excel shows 56%
    assert cells["rekenen"].value == pytest.approx(0.092)
    assert cells["rekenen"].number_format == "0.0%"      # shows 9,2%
    assert cells["knutselen"].value is None              # words only: no number
    row = {name: ws.cell(top + 2, col).value for name, col in cols.items()}
    assert row["Precisie"] == "ongeveer" and row["Zo staat het in het rapport"] == "ongeveer 9 procent"
    assert row["Toelichting"] == "een noot"
    assert ws.cell(top + 4, cols["Afgeleid (niet in het rapport)"]).value == "ja"


def test_xlsx_header_rows_hold_question_base_and_source(files):
    ws = openpyxl.load_workbook(io.BytesIO(files["zwartewaterveen_test.xlsx"])).active
    header = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, 10)}
    assert header["Data set"] == "Testvraag uit Zwartewaterveen"
    assert header["Vraag"].startswith("Wat doe je in Zwartewaterveen?")
    assert header["Basis"] == "Niet per vraag bekend."
    assert header["Bron"] == "Testbron."
    assert header["Let op"] == "Alleen voor de test."


def test_xlsx_counts_have_a_thousands_separator_and_no_empty_columns(files):
    ws = openpyxl.load_workbook(io.BytesIO(files["zwartewaterveen_tel.xlsx"])).active
    top, cols = _table(ws)
    assert "Toelichting" not in cols and "Afgeleid (niet in het rapport)" not in cols
    leden, half = ws.cell(top + 1, cols["Aantal"]), ws.cell(top + 2, cols["Aantal"])
    assert (leden.value, leden.number_format) == (36372, "#,##0")   # 36.372
    assert (half.value, half.number_format) == (2.5, "#,##0.0")     # 2,5


def test_workbook_has_a_description_sheet_and_a_sheet_per_data_set(files, datasets):
    book = openpyxl.load_workbook(io.BytesIO(files["kinderwerk-anno-2021.xlsx"]))
    assert book.sheetnames == [spreadsheets.ABOUT_SHEET, *datasets]
    about = book[spreadsheets.ABOUT_SHEET]
    rows = list(about.iter_rows(values_only=True))
    assert rows[0][:3] == ("Blad", "Data set", "Vraag")
    assert [r[0] for r in rows[1:]] == list(datasets)
    assert book.properties.created.date() == EDITION and book.properties.modified.date() == EDITION


# --- LibreOffice ------------------------------------------------------------------------

def _ods_cells(data: bytes, sheet: str):
    """[(value type, value, data style element)] of the numeric cells of a sheet."""
    from odf.namespaces import OFFICENS, TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableCell
    doc = load(io.BytesIO(data))
    data_styles = {s.getAttribute("name"): s for s in doc.automaticstyles.childNodes
                   if s.qname[1] in ("number-style", "percentage-style")}
    cell_styles = {s.getAttribute("name"): s.getAttribute("datastylename")
                   for s in doc.automaticstyles.childNodes if s.qname[1] == "style"}
    table = next(t for t in doc.spreadsheet.getElementsByType(Table) if t.getAttribute("name") == sheet)
    found = []
    for cell in table.getElementsByType(TableCell):
        kind = cell.attributes.get((OFFICENS, "value-type"))
        if kind in ("percentage", "float"):
            style = data_styles[cell_styles[cell.attributes[(TABLENS, "style-name")]]]
            found.append((kind, float(cell.attributes[(OFFICENS, "value")]), style))
    return found


def test_ods_values_are_numbers_in_a_dutch_data_style(files):
    from odf.namespaces import NUMBERNS
    cells = _ods_cells(files["zwartewaterveen_test.ods"], "zwartewaterveen_test")
    assert [(k, round(v, 3)) for k, v, _ in cells] == [("percentage", 0.56), ("percentage", 0.092),
                                                       ("percentage", 0.5)]
    for _, value, style in cells:
        assert style.attributes[(NUMBERNS, "language")] == "nl"
        assert style.attributes[(NUMBERNS, "country")] == "NL"
        number = style.childNodes[0]
        decimals = number.attributes[(NUMBERNS, "decimal-places")]
        assert decimals == ("1" if round(value * 100, 6) % 1 else "0")
    counts = _ods_cells(files["zwartewaterveen_tel.ods"], "zwartewaterveen_tel")
    assert [(k, v) for k, v, _ in counts] == [("float", 36372.0), ("float", 2.5)]
    assert counts[0][2].childNodes[0].attributes[(NUMBERNS, "grouping")] == "true"


def test_ods_reads_back_in_pandas_with_the_same_table(files, datasets):
    import pandas as pd
    sheets = pd.read_excel(io.BytesIO(files["kinderwerk-anno-2021.ods"]), sheet_name=None, engine="odf")
    assert list(sheets) == [spreadsheets.ABOUT_SHEET, *datasets]
    raw = pd.read_excel(io.BytesIO(files["zwartewaterveen_test.ods"]), header=None, engine="odf")
    top = raw.index[raw[0] == "Antwoord"][0]
    table = raw.iloc[top + 1:, :2]
    assert list(table[0]) == ["Lezen", "Rekenen", "Knutselen", "Zingen"]
    assert list(table[1].astype(float).round(3).fillna(-1)) == [0.56, 0.092, -1, 0.5]


# --- CSV for Dutch Excel --------------------------------------------------------------

def test_excel_csv_is_semicolons_decimal_commas_and_a_bom(files, data_dir):
    data = files["zwartewaterveen_test-excel.csv"]
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    original = list(csv.DictReader(io.StringIO((data_dir / "zwartewaterveen_test.csv").read_text())))
    assert [r["value"] for r in rows] == ["56", "9,2", "", "50"]
    for row, source in zip(rows, original, strict=True):
        assert row["value"].replace(",", ".") == source["value"]
        assert {k: v for k, v in row.items() if k != "value"} == {k: v for k, v in source.items() if k != "value"}


def test_same_data_give_the_same_bytes(datasets, files):
    again = spreadsheets.downloads(datasets, EDITION)
    assert again == files
    for name in ("kinderwerk-anno-2021.xlsx", "kinderwerk-anno-2021.ods"):
        with zipfile.ZipFile(io.BytesIO(files[name])) as z:
            assert {i.date_time for i in z.infolist()} == {spreadsheets.ZIP_DATE}
            meta = z.read("meta.xml" if name.endswith(".ods") else "docProps/core.xml").decode()
            assert "creation-date" not in meta  # odfpy writes no date once its meta is emptied
            assert all(stamp.startswith(str(EDITION)) for stamp in re.findall(r"\d{4}-\d\d-\d\dT[^<]+", meta))


# --- the data package -------------------------------------------------------------------

def _package(folder, datasets, data_dir):
    for path in data_dir.glob("*.csv"):
        shutil.copy(path, folder / path.name)
    (folder / "datapackage.json").write_bytes(datapackage_json(datasets, "https://example.org/kw/", "2031-05-17"))
    return folder / "datapackage.json"


def test_datapackage_of_the_project_data_validates(tmp_path):
    from frictionless import validate
    project = load_all(ROOT / "data")
    report = validate(str(_package(tmp_path, project, ROOT / "data")))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert [r["path"] for r in package["resources"]] == [f"{i}.csv" for i in project]
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "Kinderwerk anno 2021" in package["citation"]


def test_datapackage_describes_fields_units_and_missing_values(tmp_path, datasets, data_dir):
    from frictionless import validate
    path = _package(tmp_path, datasets, data_dir)
    assert validate(str(path)).valid
    package = json.loads(path.read_text())
    test, tel = package["resources"][1], package["resources"][0]
    assert test["title"] == "Testvraag uit Zwartewaterveen" and "Niet per vraag bekend." in test["description"]
    fields = {f["name"]: f for f in test["schema"]["fields"]}
    assert list(fields) == ["id", "label", "value", "precision", "wording", "phrase", "note", "derived"]
    assert fields["value"]["type"] == "number" and fields["value"]["unit"] == "percent"
    assert fields["value"]["constraints"] == {"minimum": 0, "maximum": 100}
    assert test["schema"]["missingValues"] == [""]
    assert [f["name"] for f in tel["schema"]["fields"]] == ["id", "label", "value", "precision", "wording"]
    assert tel["schema"]["fields"][2]["unit"] == "count"


def test_datapackage_validation_catches_a_wrong_value(tmp_path, datasets, data_dir):
    """The test above could not fail if validate() looked at the JSON only."""
    from frictionless import validate
    path = _package(tmp_path, datasets, data_dir)
    bad = (tmp_path / "zwartewaterveen_test.csv").read_text().replace("9.2,about", "negen,about")
    (tmp_path / "zwartewaterveen_test.csv").write_text(bad)
    report = validate(str(path))
    assert not report.valid
    assert any(e[0] == "value" for e in report.flatten(["fieldName"]))


# --- the built site ---------------------------------------------------------------------

def test_built_site_offers_every_download_it_links(built_site):
    html = (built_site / "hoofdstukken" / "samenwerkingspartners" / "index.html").read_text()
    box = html[html.index('id="grafiek-samenwerkingspartners-toelichting"'):]
    box = box[:box.index("</dl>")]
    links = re.findall(r'<a href="\.\./\.\./downloads/([^"]+)" download>([^<]+)</a>', box)
    expected = [(f"samenwerkingspartners{suffix}", html_text)
                for suffix, html_text in DATA_DOWNLOADS + CHART_DOWNLOADS]
    assert [(f, t.replace("&#x27;", "'")) for f, t in links] == expected
    for name, _ in links:
        assert (built_site / "downloads" / name).stat().st_size > 0
    for name in ("kinderwerk-anno-2021.xlsx", "kinderwerk-anno-2021.ods", "datapackage.json"):
        assert (built_site / "downloads" / name).is_file()


def test_a_warm_build_reads_the_spreadsheets_from_the_cache(datasets, files, tmp_path, monkeypatch, data_dir):
    from kinderwerk import download_cache
    made, fresh = download_cache.spreadsheet_files(datasets, EDITION, tmp_path)
    assert fresh and made == files

    def fail(*args):
        raise AssertionError("opnieuw gemaakt terwijl er niets veranderde")
    monkeypatch.setattr(spreadsheets, "downloads", fail)
    again, fresh = download_cache.spreadsheet_files(datasets, EDITION, tmp_path)
    assert not fresh and again == files
    # Another edition date is another key: made again (and the old set removed).
    monkeypatch.undo()
    _, fresh = download_cache.spreadsheet_files(datasets, dt.date(2032, 1, 1), tmp_path)
    assert fresh and len(list(tmp_path.iterdir())) == 1
