"""PDF/UA-1 checks on the PDF edition (scripts/kinderwerk/pdf_ua.py), read
with pikepdf, structure tree included: XMP with the PDF/UA identifier,
running header and footer as artifacts, /Contents on every link, one figure
per chart, no empty table column, headings in reading order, bookmarks
left as they are."""
from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

import build_pdf
from kinderwerk import pdf_ua
from kinderwerk.citation import edition_from
from kinderwerk.datasets import load_all

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
HEADINGS = {f"/H{i}" for i in range(1, 7)}


@pytest.fixture(scope="module")
def pdf_bytes(site_dir, chromium, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("pdf-ua") / build_pdf.PDF_NAME
    return build_pdf.build(site_dir, out, ROOT / "mkdocs.yml", browser=chromium).read_bytes()


@pytest.fixture(scope="module")
def pdf(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as document:
        yield document


@pytest.fixture(scope="module")
def reader(pdf):
    return pdf_ua.TextReader(pdf)


@pytest.fixture(scope="module")
def edition():
    return edition_from(build_pdf.read_config(ROOT / "mkdocs.yml"))


def _words(text: str) -> str:
    return " ".join(str(text).split())


def test_xmp_has_the_pdf_ua_identifier_title_and_edition_dates(pdf, edition):
    with pdf.open_metadata() as meta:
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == f"Kennisbank Kinderwerk, editie {edition.date_nl}"
        for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            assert meta[key].startswith(edition.date.isoformat()), (key, meta[key])
    assert str(pdf.docinfo.Title) == f"Kennisbank Kinderwerk, editie {edition.date_nl}"
    assert str(pdf.Root.Lang) == "nl" and bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    assert bool(pdf.Root.MarkInfo.Marked)


def test_nothing_is_painted_outside_the_tags_or_artifacts(pdf):
    for number, page in enumerate(pdf.pages, start=1):
        depth = 0
        for instruction in pikepdf.parse_content_stream(page):
            op = str(instruction.operator)
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            assert depth >= 0, f"pagina {number}: EMC zonder begin"
            assert not (depth == 0 and op in pdf_ua.PAINT), f"pagina {number}: '{op}' buiten tags en artefacten"


def test_running_header_and_footer_are_artifacts(pdf, edition):
    count = len(pdf.pages)
    for number in (2, count // 2, count):
        texts = pdf_ua.mcid_texts(pdf.pages[number - 1])
        artifact = _words(texts.get(pdf_ua.ARTIFACT, ""))
        assert f"pagina {number} van {count}" in artifact, artifact[:200]
        assert f"Editie {edition.date_nl}" in artifact
        tagged = " ".join(t for k, t in texts.items() if k != pdf_ua.ARTIFACT)
        assert f"pagina {number} van" not in _words(tagged)


def test_every_link_annotation_has_its_link_text_as_contents(pdf, reader):
    annotations = [a for page in pdf.pages for a in page.get("/Annots", [])
                   if a.get("/Subtype") == "/Link"]
    assert len(annotations) > 300
    assert all(_words(a.get("/Contents", "")) for a in annotations)
    checked = 0
    for link in pdf_ua.elements(pdf, "/Link"):
        text = reader.text(link)
        for kid in pdf_ua.kids(link):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR" and text:
                assert str(kid.Obj.Contents) == text
                checked += 1
    assert checked > 300
    contents = {str(a.Contents) for a in annotations}
    assert "Wat is kinderwerk 3" in contents  # a line of the table of contents: title and page


def test_one_figure_per_chart_with_its_alt_once(pdf):
    figures = list(pdf_ua.elements(pdf, "/Figure"))
    for figure in figures:
        assert not [e for e in pdf_ua._descendants(figure) if e.get("/S") == "/Figure"]
        assert _words(figure.get("/Alt", "")), "figuur zonder alt-tekst"
    alts = [_words(f.Alt) for f in figures]
    for dataset in (d for d in load_all(ROOT / "data").values() if d.meta.chart):
        # each chart shows in its chapter and on Cijfers: twice, each time one
        # figure, named by its key finding and described by its alt text
        named = [a for a in alts if a.endswith(_words(dataset.meta.alt))]
        assert len(named) == 2, dataset.id
        assert all(a.lower().startswith(_words(dataset.finding())[:20].lower()) for a in named), named


def _rows(table) -> list[list]:
    rows, stack = [], list(reversed(pdf_ua.kids(table)))
    while stack:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.get("/S") == "/TR":
            rows.append([c for c in pdf_ua.kids(node) if isinstance(c, pikepdf.Dictionary)
                         and c.get("/S") in ("/TD", "/TH")])
        elif node.get("/S") in ("/THead", "/TBody", "/TFoot"):
            stack += list(reversed(pdf_ua.kids(node)))
    return rows


def test_no_table_column_is_empty(pdf, reader):
    tables = list(pdf_ua.elements(pdf, "/Table"))
    assert len(tables) >= 14
    for table in tables:
        rows = _rows(table)
        header, body = rows[0], rows[1:]
        assert body, "tabel zonder rijen"
        for column, th in enumerate(header):
            cells = [reader.text(r[column]) for r in body if column < len(r)]
            assert any(cells), f"lege kolom '{reader.text(th)}'"


def test_headings_follow_the_outline(pdf, reader):
    """The structure tree's headings, in order, hold the bookmarks in the
    same order: a screen reader meets them as the outline lists them."""
    headings = [_words(reader.text(h)) for h in pdf_ua.elements(pdf) if h.get("/S") in HEADINGS]
    with pdf.open_outline() as outline:
        titles = []
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            titles.append(_words(item.title))
            stack += list(reversed(item.children))
    assert len(titles) > 100
    assert all(headings), "een kop zonder tekst"
    position = 0
    for title in titles:
        squeezed = title.replace(" ", "")
        while position < len(headings) and headings[position].replace(" ", "") != squeezed:
            position += 1
        assert position < len(headings), f"bladwijzer '{title}' niet in de volgorde van de koppen"
        position += 1


def test_make_accessible_keeps_bookmarks_and_structure(pdf_bytes, edition):
    again = pdf_ua.make_accessible(pdf_bytes, title="t", author="a", subject="s", date=edition.date)
    with pikepdf.open(io.BytesIO(pdf_bytes)) as before, pikepdf.open(io.BytesIO(again)) as after:
        def outline(document):
            with document.open_outline() as o:
                return [i.title for i in o.root]
        assert outline(before) == outline(after)
        assert ([e.get("/S") for e in pdf_ua.elements(before)]
                == [e.get("/S") for e in pdf_ua.elements(after)])
