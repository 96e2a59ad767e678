"""PDF/UA repairs on Chromium's tagged PDF, with pikepdf. MkDocs-free.

Chromium prints a tagged PDF (structure tree, /Lang, outline) that fails
PDF/UA-1 on a few points; ``make_accessible`` mends them:

* XMP metadata with ``pdfuaid:part`` 1, the title and the edition's dates
  (no build time: the same sources give the same bytes);
* content outside the structure tree (running header and footer from the
  @page margin boxes, page background, borders, icons) marked as
  ``/Artifact``, so a screen reader does not read it on every page;
* every link annotation gets ``/Contents``: the text of its ``Link``
  element in the structure tree (else its address);
* a chart is one figure: the ``<figure>`` around the chart's SVG becomes a
  grouping ``Div`` (without its own alt), so the chart's alt is read once.

The structure tree's order and the outline (bookmarks) are left as they are.
``mcid_texts`` and ``element_text`` read the text of structure elements back
(via each font's ToUnicode map); the tests use them too.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator

PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "Tj", "TJ", "'", '"', "INLINE IMAGE"}
PATH = {"m", "l", "c", "v", "y", "h", "re"}
TEXT_SHOW = {"Tj", "TJ", "'", '"'}


# --- reading text back ---------------------------------------------------------

def _hex(text: bytes) -> bytes:
    return bytes.fromhex(text.decode("ascii"))


def _utf16(data: bytes) -> str:
    return data.decode("utf-16-be", errors="replace")


def to_unicode(font: pikepdf.Object) -> tuple[dict[bytes, str], int]:
    """(code -> text, bytes per code) of a font, from its ToUnicode CMap."""
    width = 2 if font.get("/Subtype") == "/Type0" else 1
    mapping: dict[bytes, str] = {}
    stream = font.get("/ToUnicode")
    if not isinstance(stream, pikepdf.Stream):
        return mapping, width
    cmap = stream.read_bytes()
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[_hex(src)] = _utf16(_hex(dst))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, rest in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", block):
            low, high, size = int(lo, 16), int(hi, 16), len(lo) // 2
            if high - low > 0xFFFF:
                continue  # not a range a printer writes; skip rather than loop
            if rest.startswith(b"["):
                targets = [_utf16(_hex(t)) for t in re.findall(rb"<([0-9A-Fa-f]*)>", rest)]
                for offset, target in enumerate(targets[:high - low + 1]):
                    mapping[(low + offset).to_bytes(size, "big")] = target
            else:
                start = _hex(rest[1:-1])
                base = int.from_bytes(start, "big")
                for offset in range(high - low + 1):
                    mapping[(low + offset).to_bytes(size, "big")] = _utf16(
                        (base + offset).to_bytes(len(start), "big"))
    return mapping, width


def _decode(data: bytes, font_map: tuple[dict[bytes, str], int]) -> str:
    mapping, width = font_map
    return "".join(mapping.get(data[i:i + width], "") for i in range(0, len(data), width))


ARTIFACT = "artifact"


def mcid_texts(page: pikepdf.Page) -> dict[int | str, str]:
    """MCID -> text shown inside that marked-content sequence on ``page``;
    under ``ARTIFACT`` the text shown inside /Artifact sequences."""
    fonts = page.Resources.get("/Font", Dictionary())
    cache: dict[str, tuple[dict[bytes, str], int]] = {}
    texts: dict[int | str, list[str]] = {}
    stack: list[int | str | None] = []
    font_map: tuple[dict[bytes, str], int] = ({}, 1)
    for instruction in pikepdf.parse_content_stream(page):
        op, operands = str(instruction.operator), instruction.operands
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            mcid = props.get("/MCID") if isinstance(props, Dictionary) else None
            outer = stack[-1] if stack else None
            if outer == ARTIFACT or operands[0] == Name.Artifact:
                stack.append(ARTIFACT)
            else:
                stack.append(int(mcid) if mcid is not None else outer)
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op == "Tf":
            name = str(operands[0])
            if name not in cache:
                font = fonts.get(name)
                cache[name] = to_unicode(font) if font is not None else ({}, 1)
            font_map = cache[name]
        elif op in TEXT_SHOW and stack and stack[-1] is not None:
            parts = operands[-1] if op != "TJ" else operands[0]
            strings = ([parts] if isinstance(parts, pikepdf.String)
                       else [p for p in parts if isinstance(p, pikepdf.String)])
            texts.setdefault(stack[-1], []).extend(_decode(bytes(s), font_map) for s in strings)
    return {mcid: "".join(parts) for mcid, parts in texts.items()}


def kids(element: pikepdf.Object) -> list:
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, Array) else [k]


class TextReader:
    """The text of structure elements, each page's content parsed once."""

    def __init__(self, pdf: pikepdf.Pdf):
        self._pages = {page.objgen: page for page in pdf.pages}
        self._texts: dict[tuple[int, int], dict[int | str, str]] = {}

    def _page_texts(self, page_ref: Any) -> dict[int | str, str]:
        key = page_ref.objgen
        if key not in self._texts:
            self._texts[key] = mcid_texts(pikepdf.Page(self._pages[key].obj)) if key in self._pages else {}
        return self._texts[key]

    def text(self, element: pikepdf.Object, page_ref: Any = None) -> str:
        """All text below a structure element, in structure order (iterative:
        a deep tree does not hit Python's recursion limit)."""
        out: list[str] = []
        # a node is a structure element, or an int: a marked-content id on a page
        stack: list[tuple[Any, Any]] = [(element, page_ref)]
        while stack:
            node, page = stack.pop()
            if isinstance(node, int):
                if page is not None:
                    out.append(self._page_texts(page).get(node, ""))
                continue
            if not isinstance(node, Dictionary):
                continue
            if node.get("/Type") == "/OBJR":
                continue
            page = node.get("/Pg", page)
            if node.get("/Type") == "/MCR":
                stack.append((int(node.MCID), page))
                continue
            stack += [(child, page) for child in reversed(kids(node))]
        return " ".join(" ".join(out).split())


def elements(pdf: pikepdf.Pdf, role: str | None = None) -> Iterator[pikepdf.Dictionary]:
    """Every structure element in document order (optionally of one role)."""
    root = pdf.Root.get("/StructTreeRoot")
    stack = list(reversed(kids(root))) if root is not None else []
    seen: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if not isinstance(node, Dictionary) or node.get("/Type") in ("/OBJR", "/MCR"):
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if role is None or node.get("/S") == role:
            yield node
        stack += list(reversed(kids(node)))


# --- repairs ----------------------------------------------------------------------

def one_figure_per_chart(pdf: pikepdf.Pdf) -> int:
    """A Figure holding another Figure becomes a Div without alt. Returns how many."""
    changed = 0
    for figure in list(elements(pdf, "/Figure")):
        inner = [e for e in _descendants(figure) if e.get("/S") == "/Figure"]
        if inner:
            figure.S = Name.Div
            for key in ("/Alt", "/ActualText"):
                if key in figure:
                    del figure[key]
            changed += 1
    return changed


def _descendants(element: pikepdf.Object) -> Iterator[pikepdf.Object]:
    stack = list(kids(element))
    while stack:
        node = stack.pop()
        if isinstance(node, Dictionary) and node.get("/Type") not in ("/OBJR", "/MCR"):
            yield node
            stack += kids(node)


def _link_fallback(annot: pikepdf.Object) -> str:
    action = annot.get("/A")
    if isinstance(action, Dictionary) and action.get("/URI") is not None:
        return f"Link naar {bytes(action.URI).decode('utf-8', 'replace')}"
    return "Link naar een andere plek in dit document"


def link_contents(pdf: pikepdf.Pdf, reader: TextReader) -> int:
    """/Contents on every link annotation: its Link element's text. Returns how many."""
    done = set()
    for link in elements(pdf, "/Link"):
        text = reader.text(link)
        for kid in kids(link):
            if isinstance(kid, Dictionary) and kid.get("/Type") == "/OBJR":
                annot = kid.Obj
                annot.Contents = pikepdf.String(text or _link_fallback(annot))
                done.add(annot.objgen)
    for page in pdf.pages:
        for annot in page.get("/Annots", Array()):
            if annot.get("/Subtype") == "/Link" and annot.objgen not in done:
                annot.Contents = pikepdf.String(_link_fallback(annot))
                done.add(annot.objgen)
    return len(done)


def _artifact_spans(run: list) -> list[tuple[int, int]]:
    """(first, last) index of each stretch of painting in ``run`` that can be
    wrapped: a painting operator with the path it paints, stretches joined
    unless a q or Q lies between (marked content and q/Q stay nested)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end: int | None = None
    path_start: int | None = None
    for i, instruction in enumerate(run):
        op = str(instruction.operator)
        if op in PATH:
            path_start = i if path_start is None else path_start
        elif op in PAINT:
            first = path_start if path_start is not None else i
            start = first if start is None else start
            end, path_start = i, None
        elif op in ("q", "Q"):
            if start is not None and end is not None:
                spans.append((start, end))
            start, path_start = None, None
        elif op == "n":
            path_start = None
    if start is not None and end is not None:
        spans.append((start, end))
    return spans


def _wrap(run: list, out: list) -> int:
    spans = _artifact_spans(run)
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    for i, instruction in enumerate(run):
        if i in starts:
            out.append(pikepdf.ContentStreamInstruction([Name.Artifact], Operator("BMC")))
        out.append(instruction)
        if i in ends:
            out.append(pikepdf.ContentStreamInstruction([], Operator("EMC")))
    return len(spans)


def mark_artifacts(pdf: pikepdf.Pdf) -> int:
    """Wrap every painting outside marked content in /Artifact BMC ... EMC.
    Text objects split the runs, so an artifact never straddles BT or ET."""
    total = 0
    for page in pdf.pages:
        out: list = []
        run: list = []
        depth = 0
        for instruction in pikepdf.parse_content_stream(page):
            op = str(instruction.operator)
            if depth > 0:
                out.append(instruction)
                depth += 1 if op in ("BDC", "BMC") else -1 if op == "EMC" else 0
                continue
            if op in ("BDC", "BMC", "BT", "ET"):
                total += _wrap(run, out)
                run = []
                out.append(instruction)
                depth += 1 if op in ("BDC", "BMC") else 0
                continue
            run.append(instruction)
        total += _wrap(run, out)
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
    return total


def set_xmp(pdf: pikepdf.Pdf, title: str, author: str, subject: str, date: dt.date) -> None:
    """XMP with the PDF/UA identifier, title and the edition's dates; the
    document information dictionary says the same."""
    stamp = f"{date.isoformat()}T00:00:00+00:00"
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["dc:title"] = title
        meta["dc:creator"] = [author]
        meta["dc:description"] = subject
        meta["dc:language"] = ["nl"]
        meta["pdfuaid:part"] = "1"
        meta["xmp:CreateDate"] = stamp
        meta["xmp:ModifyDate"] = stamp
        meta["xmp:MetadataDate"] = stamp
        meta["pdf:Producer"] = "Chromium, pypdf, pikepdf"
    # update_docinfo wrote the docinfo from the XMP; keep the dates the edition's.
    pdf.docinfo.CreationDate = pdf.docinfo.ModDate = date.strftime("D:%Y%m%d000000Z")


def make_accessible(data: bytes, *, title: str, author: str, subject: str, date: dt.date) -> bytes:
    """The PDF with the repairs above, saved with a deterministic /ID."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        one_figure_per_chart(pdf)
        link_contents(pdf, TextReader(pdf))
        mark_artifacts(pdf)
        set_xmp(pdf, title, author, subject, date)
        pdf.Root.MarkInfo = Dictionary(Marked=True)
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        pdf.Root.Lang = pikepdf.String("nl")
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
