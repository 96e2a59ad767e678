"""The PDF link under `mkdocs serve`. MkDocs-free.

The PDF edition is printed by `make pdf` after a build, so a served site has
none and its link would be a 404. Under `serve` the hooks offer the last
printed edition (site/downloads/ after `make pdf`) or, when there is none,
this one-page PDF that says in Dutch how to make it.
"""
from __future__ import annotations

import io
from pathlib import Path

import pikepdf

PLACEHOLDER_LINES = (
    "Nog geen pdf-editie gebouwd",
    "",
    "Dit is de lokale voorbeeldsite (make serve). De pdf-editie wordt",
    "gemaakt met:",
    "",
    "    make pdf",
    "",
    "Daarna staat hij in site/downloads/kennisbank-kinderwerk.pdf en",
    "toont make serve die versie op deze plek.",
)


def _pdf_text(text: str) -> bytes:
    """A PDF literal string in WinAnsi (the standard Helvetica's encoding)."""
    data = text.encode("cp1252", errors="replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def placeholder_pdf(lines: tuple[str, ...] = PLACEHOLDER_LINES) -> bytes:
    """An A4 page with ``lines`` (the first as a title), Dutch, titled."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    ops = [b"BT", b"/F1 18 Tf", b"72 770 Td", b"22 TL", _pdf_text(lines[0]) + b" Tj", b"/F1 11 Tf", b"16 TL"]
    ops += [_pdf_text(line) + b" '" for line in lines[1:]]
    ops.append(b"ET")
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=pdf.make_stream(b"\n".join(ops)))
    pdf.pages.append(pikepdf.Page(page))
    pdf.Root.Lang = pikepdf.String("nl")
    pdf.docinfo.Title = lines[0]
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def served_pdf(built: Path) -> bytes:
    """The last printed edition, else the placeholder."""
    return built.read_bytes() if built.is_file() else placeholder_pdf()
