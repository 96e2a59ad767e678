"""The PDF edition (scripts/tools/build_pdf.py), printed once per session from the
built site: structure (tags, outline, language, title), content (every
chapter and example title, figures from data/), fonts, size, determinism,
and the site's links to it."""
from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

import build_pdf
from kinderwerk.citation import edition_from
from kinderwerk.datasets import load_all

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
CHART_DATA = [d for d in load_all(ROOT / "data").values() if d.meta.chart]


@pytest.fixture(scope="module")
def site(site_dir) -> Path:
    return site_dir


@pytest.fixture(scope="module")
def pdf_path(site, chromium, tmp_path_factory) -> Path:
    """Printed by the session's Chromium (a second Playwright in the same
    process would clash with its event loop)."""
    out = tmp_path_factory.mktemp("pdf") / build_pdf.PDF_NAME
    return build_pdf.build(site, out, ROOT / "mkdocs.yml", browser=chromium)


@pytest.fixture(scope="module")
def reader(pdf_path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="module")
def text(reader) -> str:
    """All text, with line breaks and runs of spaces as one space."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


class _Title(HTMLParser):
    """The <h1> of a built page."""
    def __init__(self):
        super().__init__()
        self.inside, self.title = False, ""

    def handle_starttag(self, tag, attrs):
        self.inside = self.inside or (tag == "h1" and not self.title)

    def handle_endtag(self, tag):
        if tag == "h1":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.title += data


def page_title(site: Path, folder: str) -> str:
    parser = _Title()
    parser.feed((site / folder / "index.html").read_text(encoding="utf-8"))
    return " ".join(parser.title.replace("¶", "").split())


@pytest.fixture(scope="module")
def titles(site) -> dict[str, list[str]]:
    """Chapter and example titles, as the built site shows them."""
    chapters = sorted(p.parent.name for p in (site / "hoofdstukken").glob("*/index.html"))
    examples = build_pdf.example_paths(site)
    assert len(chapters) == 7 and examples
    return {"chapters": [page_title(site, f"hoofdstukken/{c}") for c in chapters],
            "examples": [page_title(site, e) for e in examples]}


def _outline_titles(reader) -> list[str]:
    found = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append(item.title)
    walk(reader.outline)
    return found


def test_tagged_with_a_structure_tree(reader):
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    tree = root["/StructTreeRoot"].get_object()
    assert tree.get("/K"), "de structuurboom is leeg"


def test_language_and_title(reader):
    config = build_pdf.read_config(ROOT / "mkdocs.yml")
    edition = edition_from(config)
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.metadata.title == f"{config['site_name']}, editie {edition.date_nl}"


def test_outline_has_every_chapter_and_example(reader, titles):
    outline = _outline_titles(reader)
    missing = [t for t in titles["chapters"] + titles["examples"] if t not in outline]
    assert not missing, f"niet in de bladwijzers: {missing}"


def test_text_has_every_title_and_the_edition_date(text, titles):
    edition = edition_from(build_pdf.read_config(ROOT / "mkdocs.yml"))
    missing = [t for t in titles["chapters"] + titles["examples"] if t not in text]
    assert not missing, f"niet in de tekst: {missing}"
    assert f"Editie van {edition.date_nl}" in text


@pytest.mark.parametrize("dataset", CHART_DATA, ids=lambda d: d.id)
def test_figures_of_every_chart_are_text(text, dataset):
    """The first and last row of each chart's table: label and figure as on
    the site (from data/, not typed here)."""
    for option in (dataset.options[0], dataset.options[-1]):
        assert option.label in text, option.label
        assert dataset.label(option.id) in text, dataset.label(option.id)


def test_table_of_contents_page_numbers_are_right(reader, titles):
    """Each entry's number is the page its part starts on (outline = truth)."""
    toc = reader.pages[1].extract_text()
    starts = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                starts.setdefault(item.title, reader.get_destination_page_number(item) + 1)
    walk(reader.outline)
    toc_lines = " ".join(toc.split())
    checked = 0
    for title in titles["chapters"] + titles["examples"]:
        match = re.search(re.escape(title) + r"\s*\.*\s*(\d+)", toc_lines)
        assert match, f"{title} staat niet in de inhoudsopgave"
        assert int(match.group(1)) == starts[title], title
        checked += 1
    assert checked >= 8


def test_fonts_are_embedded(reader):
    seen = 0
    for number, page in enumerate(reader.pages, 1):
        fonts = page["/Resources"].get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            seen += 1
            if font["/Subtype"] == "/Type3":
                continue  # glyphs are drawn by the font itself
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), \
                f"pagina {number}: lettertype {font.get('/BaseFont')} niet ingebed"
    assert seen


def test_a4_and_under_5_mb(reader, pdf_path):
    assert pdf_path.stat().st_size < 5_000_000
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def contributed_photos(site: Path) -> list[tuple[int, int]]:
    """(width, height) of the photos that practice examples may carry."""
    from PIL import Image
    folder = site / "praktijkvoorbeelden"
    sizes = []
    for path in folder.rglob("*"):
        if path.suffix.lower() in (".png", ".jpg", ".jpeg", ".webp"):
            with Image.open(path) as image:
                sizes.append(image.size)
    return sizes


def test_charts_are_vectors_not_images(reader, site):
    """Charts print as vector paths and text, hatching included (Chromium
    turns an SVG pattern into a raster image): the only images in the file
    are the photos of practice examples, at their own size."""
    from pypdf.generic import StreamObject
    photos = contributed_photos(site)
    images = []
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
        except Exception:  # noqa: BLE001 -- free entries in the cross-reference table
            continue
        if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image":
            images.append((number, obj.get("/Width"), obj.get("/Height")))
    others = [i for i in images if (i[1], i[2]) not in photos]
    assert not others, f"afbeeldingen in de pdf die geen foto van een voorbeeld zijn: {others[:5]}"
    assert len(images) <= len(photos), images


def test_same_site_same_bytes(pdf_path, site, chromium, tmp_path):
    again = build_pdf.build(site, tmp_path / "opnieuw.pdf", ROOT / "mkdocs.yml", browser=chromium)
    assert again.read_bytes() == pdf_path.read_bytes()


def test_home_and_colofon_link_to_where_make_pdf_writes(site):
    """`make pdf` writes <site>/downloads/<PDF_NAME>; both pages link there."""
    for page in ("index.html", "colofon/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]+\.pdf)"', html)
        assert hrefs, f"{page}: geen link naar de pdf"
        for href in hrefs:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
            assert target == f"downloads/{build_pdf.PDF_NAME}", (page, href)


def test_internal_links_stay_inside_the_pdf(reader):
    """A link to a page that is in the PDF jumps inside it (a named
    destination), not to the web."""
    internal = external = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if "/Dest" in annot:
                internal += 1
            elif "/A" in annot and "/URI" in annot["/A"]:
                uri = str(annot["/A"]["/URI"])
                assert not uri.startswith("http://127.0.0.1"), uri
                external += 1
    assert internal > 20 and external > 0


def test_reading_order_is_the_nav(site):
    config = build_pdf.read_config(ROOT / "mkdocs.yml")
    parts = [p.path for p in build_pdf.reading_order(config, site)]
    assert parts[0] == "wat-is-kinderwerk/"
    chapters = [p for p in parts if p.startswith("hoofdstukken/")]
    assert len(chapters) == 7
    assert parts.index("praktijkvoorbeelden/") > parts.index(chapters[-1])
    assert parts[-4:] == ["cijfers/", "bronnen/", "begrippen/", "colofon/"]
    assert "bijdragen/" not in parts and "" not in parts

