"""The data sets as spreadsheets for the tools their readers use. MkDocs-free.

For every data set, and for one workbook with a sheet per data set plus a
sheet that describes them:

* ``.xlsx`` (Excel): pandas ``to_excel`` with openpyxl;
* ``.ods`` (LibreOffice): written with odfpy, whose data styles carry the
  Dutch locale (pandas' ODS writer knows no number formats);
* ``-excel.csv``: the program CSV in Dutch Excel's own dialect: semicolon,
  decimal comma, UTF-8 with BOM (a double-click opens it in columns, with
  the accents intact).

Values are numeric cells: a percentage as a fraction with a percent format
(0,56 shows as 56%), a count with a thousands separator. Precision, the
report's wording and notes are their own columns; the question, base and
source are the rows above the table.

The same data give the same bytes: xlsx and ods are zip files, written here
with a fixed timestamp and no creation date.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .datasets import Dataset
from .dutch import PRECISION_NL

WORKBOOK_NAME = "kinderwerk-anno-2021"
ABOUT_SHEET = "Over deze data"
UNIT_NL = {"percent": "Percentage", "count": "Aantal"}
# The zip timestamp of every member (zip cannot go before 1980).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
DEFAULT_DATE = dt.date(2021, 2, 1)  # the report's month; the build passes the edition date


@dataclass(frozen=True)
class Sheet:
    """One data set as rows above a table, and the table as a frame."""

    name: str                       # sheet name (Excel: at most 31 characters)
    header: list[tuple[str, str]]   # (label, text): title, question, base, ...
    table: pd.DataFrame             # numbers as numbers, None where the report has words only
    value_column: str
    unit: str                       # "percent" | "count"


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def _answers(dataset: Dataset) -> str:
    m = dataset.meta
    if not m.multiple_answers:
        return "één antwoord per kinderwerker"
    if m.multiple_answers_in_report:
        return "meerdere antwoorden mogelijk (staat in het rapport); de percentages tellen niet op tot 100%"
    return ("waarschijnlijk meerdere antwoorden mogelijk: de percentages tellen op tot meer dan 100%; "
            "het rapport zegt het niet")


def header_rows(dataset: Dataset) -> list[tuple[str, str]]:
    m = dataset.meta
    rows = [("Data set", m.title),
            ("Vraag", m.question + (" (zoals gesteld)" if m.question_verbatim else " (in onze woorden)")),
            ("Basis", m.base or "niet van toepassing"),
            ("Antwoorden", _answers(dataset)),
            ("Eenheid", UNIT_NL[m.unit].lower()),
            ("Hoofdstuk", m.chapter),
            ("Bron", m.source)]
    rows += [("Let op", note) for note in m.notes]
    return rows


def sheet_for(dataset: Dataset, name: str | None = None) -> Sheet:
    """The table of one data set. A column that would stay empty (no notes,
    nothing derived) is left out."""
    value_column = UNIT_NL[dataset.meta.unit]
    scale = 100 if dataset.meta.unit == "percent" else 1
    columns: dict[str, list] = {
        "Antwoord": [o.label for o in dataset.options],
        value_column: [None if o.value is None else o.value / scale for o in dataset.options],
        "Precisie": [PRECISION_NL[o.precision] for o in dataset.options],
        "Zo staat het in het rapport": [o.wording for o in dataset.options],
    }
    if any(o.derived for o in dataset.options):
        columns["Afgeleid (niet in het rapport)"] = [_yes_no(o.derived) for o in dataset.options]
    if any(o.note for o in dataset.options):
        columns["Toelichting"] = [o.note or "" for o in dataset.options]
    columns["id"] = [o.id for o in dataset.options]
    table = pd.DataFrame(columns)
    table[value_column] = table[value_column].astype("float64")  # None -> NaN -> empty cell
    return Sheet((name or dataset.id)[:31], header_rows(dataset), table, value_column, dataset.meta.unit)


def number_format(value: float, unit: str) -> str:
    """Excel's format code (locale-neutral in the file: Dutch Excel shows
    '56%', '9,2%', '36.372')."""
    shown = value * 100 if unit == "percent" else value
    whole = round(shown, 6).is_integer()  # 0.56 * 100 is 56.00000000000001
    if unit == "percent":
        return "0%" if whole else "0.0%"
    return "#,##0" if whole else "#,##0.0"


def about_frame(datasets: list[Dataset]) -> pd.DataFrame:
    return pd.DataFrame({
        "Blad": [d.id[:31] for d in datasets],
        "Data set": [d.meta.title for d in datasets],
        "Vraag": [d.meta.question for d in datasets],
        "Basis": [d.meta.base or "niet van toepassing" for d in datasets],
        "Antwoorden": [_answers(d) for d in datasets],
        "Eenheid": [UNIT_NL[d.meta.unit].lower() for d in datasets],
        "Hoofdstuk": [d.meta.chapter for d in datasets],
        "Bron": [d.meta.source for d in datasets],
        "Let op": [" ".join(d.meta.notes) for d in datasets],
    })


def _fixed_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same zip with every member's timestamp fixed (same data, same bytes)
    and the members in ``replace`` replaced. The first member keeps its place
    and compression (ODS: 'mimetype', stored)."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, replace.get(info.filename) or src.read(info.filename))
    return out.getvalue()


def _xlsx_core(data: bytes, date: dt.date) -> bytes:
    """docProps/core.xml with the edition date as created and modified
    (openpyxl stamps the time of saving)."""
    from lxml import etree
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        root = etree.fromstring(src.read("docProps/core.xml"))
    stamp = f"{date.isoformat()}T00:00:00Z"
    for name in ("created", "modified"):
        for element in root.iter(f"{{http://purl.org/dc/terms/}}{name}"):
            element.text = stamp
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- xlsx (pandas + openpyxl) -------------------------------------------------

def _xlsx_sheet(writer: pd.ExcelWriter, sheet: Sheet) -> None:
    from openpyxl.styles import Font
    start = len(sheet.header) + 1  # a blank row between the header rows and the table
    sheet.table.to_excel(writer, sheet_name=sheet.name, index=False, startrow=start)
    ws = writer.sheets[sheet.name]
    for row, (label, text) in enumerate(sheet.header, start=1):
        ws.cell(row, 1, label).font = Font(bold=True)
        ws.cell(row, 2, text)
    col = sheet.table.columns.get_loc(sheet.value_column) + 1
    for offset, value in enumerate(sheet.table[sheet.value_column]):
        if pd.notna(value):
            ws.cell(start + 2 + offset, col).number_format = number_format(value, sheet.unit)
    ws.column_dimensions["A"].width = 34
    for letter in "BCDEFG":
        ws.column_dimensions[letter].width = 22
    ws.freeze_panes = ws.cell(start + 2, 1)


def xlsx(sheets: list[Sheet], about: pd.DataFrame | None = None, date: dt.date = DEFAULT_DATE) -> bytes:
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        if about is not None:
            about.to_excel(writer, sheet_name=ABOUT_SHEET, index=False)
            writer.sheets[ABOUT_SHEET].column_dimensions["B"].width = 40
        for sheet in sheets:
            _xlsx_sheet(writer, sheet)
        writer.book.properties.creator = writer.book.properties.lastModifiedBy = "Kennisbank Kinderwerk"
    data = out.getvalue()
    return _fixed_zip(data, {"docProps/core.xml": _xlsx_core(data, date)})


# --- ods (odfpy) ----------------------------------------------------------------

def _ods_styles(doc: Any) -> dict[str, Any]:
    """Data styles in Dutch (LibreOffice shows 56%, 9,2%, 36.372 whatever its
    own locale) and the cell styles that use them. Returns {format code: style}."""
    from odf.number import Number, NumberStyle, PercentageStyle, Text
    from odf.style import Style, TextProperties
    styles: dict[str, Style] = {}
    for code, percent, decimals, grouping in (("0%", True, 0, False), ("0.0%", True, 1, False),
                                              ("#,##0", False, 0, True), ("#,##0.0", False, 1, True)):
        name = "nl" + str(len(styles))
        kind = PercentageStyle if percent else NumberStyle
        data = kind(name=name, language="nl", country="NL")
        data.addElement(Number(decimalplaces=decimals, minintegerdigits=1, grouping=grouping))
        if percent:
            data.addElement(Text(text="%"))
        doc.automaticstyles.addElement(data)
        cell = Style(name=f"c{name}", family="table-cell", datastylename=name)
        doc.automaticstyles.addElement(cell)
        styles[code] = cell
    bold = Style(name="vet", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    styles["bold"] = bold
    return styles


def _ods_text_row(values: list[str], style: Any = None) -> Any:
    from odf.table import TableCell, TableRow
    from odf.text import P
    row = TableRow()
    for value in values:
        cell = TableCell(valuetype="string", stylename=style) if style else TableCell(valuetype="string")
        cell.addElement(P(text=value))
        row.addElement(cell)
    return row


def _ods_frame(table: Any, frame: pd.DataFrame, styles: dict[str, Any], sheet: Sheet | None = None) -> None:
    from odf.table import TableCell, TableRow
    from odf.text import P
    table.addElement(_ods_text_row([str(c) for c in frame.columns], styles["bold"]))
    for record in frame.itertuples(index=False):
        row = TableRow()
        for column, value in zip(frame.columns, record, strict=True):
            if sheet is not None and column == sheet.value_column:
                if pd.isna(value):
                    row.addElement(TableCell())
                    continue
                code = number_format(value, sheet.unit)
                kind = "percentage" if sheet.unit == "percent" else "float"
                cell = TableCell(valuetype=kind, value=repr(float(value)), stylename=styles[code])
                cell.addElement(P(text=_shown(value, sheet.unit)))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)


def _shown(value: float, unit: str) -> str:
    """The cached text of a numeric cell, as LibreOffice in Dutch shows it."""
    from .dutch import format_number
    return format_number(value * 100) + "%" if unit == "percent" else format_number(value)


def ods(sheets: list[Sheet], about: pd.DataFrame | None = None) -> bytes:
    from odf.element import Element
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableColumn, TableRow
    # odfpy collects the namespaces of every element ever made in one class-wide
    # dict and declares them all: start empty, so each file declares what it uses
    # and the same data give the same bytes in a fresh build and under `serve`.
    Element.namespaces.clear()
    doc = OpenDocumentSpreadsheet()
    styles = _ods_styles(doc)
    if about is not None:
        table = Table(name=ABOUT_SHEET)
        table.addElement(TableColumn(numbercolumnsrepeated=len(about.columns)))
        _ods_frame(table, about, styles)
        doc.spreadsheet.addElement(table)
    for sheet in sheets:
        table = Table(name=sheet.name)
        table.addElement(TableColumn(numbercolumnsrepeated=max(2, len(sheet.table.columns))))
        for label, text in sheet.header:
            row = _ods_text_row([label, text])
            table.addElement(row)
        table.addElement(TableRow())
        _ods_frame(table, sheet.table, styles, sheet)
        doc.spreadsheet.addElement(table)
    # No creation date or other metadata in meta.xml (odfpy adds its own name back).
    doc.meta.childNodes[:] = []
    out = io.BytesIO()
    doc.write(out)
    return _fixed_zip(out.getvalue())


# --- CSV for Dutch Excel -------------------------------------------------------------

def excel_csv(dataset: Dataset) -> bytes:
    """The program CSV's columns and rows, in Dutch Excel's dialect."""
    frame = pd.DataFrame({
        "id": [o.id for o in dataset.options],
        "label": [o.label for o in dataset.options],
        "value": [o.value for o in dataset.options],
        "precision": [o.precision.value for o in dataset.options],
        "wording": [o.wording for o in dataset.options],
        "phrase": [o.phrase or "" for o in dataset.options],
        "note": [o.note or "" for o in dataset.options],
    })
    if any(o.derived for o in dataset.options):
        frame["derived"] = ["true" if o.derived else "" for o in dataset.options]
    frame["value"] = frame["value"].astype("float64")
    text = frame.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n",
                        float_format=lambda v: f"{v:g}".replace(".", ","))
    return "\ufeff".encode("utf-8") + text.encode("utf-8")


# --- what the build publishes ----------------------------------------------------------

def downloads(datasets: dict[str, Dataset], date: dt.date = DEFAULT_DATE) -> dict[str, bytes]:
    """Path below downloads/ -> bytes, for every data set and the workbook.
    ``date``: the edition date, written as the spreadsheets' date."""
    files: dict[str, bytes] = {}
    sheets = []
    for dataset in datasets.values():
        sheet = sheet_for(dataset)
        sheets.append(sheet)
        files[f"{dataset.id}.xlsx"] = xlsx([sheet], date=date)
        files[f"{dataset.id}.ods"] = ods([sheet])
        files[f"{dataset.id}-excel.csv"] = excel_csv(dataset)
    about = about_frame(list(datasets.values()))
    files[f"{WORKBOOK_NAME}.xlsx"] = xlsx(sheets, about, date)
    files[f"{WORKBOOK_NAME}.ods"] = ods(sheets, about)
    return files
