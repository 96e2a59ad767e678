"""Under `mkdocs serve` the PDF link works: the last printed edition, or a
one-page PDF that says in Dutch how to make it (never a 404)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import urllib.request

import pikepdf

from kinderwerk.serve_pdf import placeholder_pdf, served_pdf

PORT = 8643  # this range (8640-8649), not 8000
PDF_URL = f"http://127.0.0.1:{PORT}/kinderwerk/downloads/kennisbank-kinderwerk.pdf"


def test_placeholder_says_in_dutch_how_to_make_the_pdf():
    with pikepdf.open(io.BytesIO(placeholder_pdf())) as pdf:
        content = pdf.pages[0].Contents.read_bytes()
        assert b"(    make pdf) '" in content and b"Nog geen pdf-editie gebouwd" in content
        assert str(pdf.Root.Lang) == "nl"


def test_served_pdf_is_the_last_printed_edition(tmp_path):
    built = tmp_path / "kennisbank-kinderwerk.pdf"
    assert served_pdf(built) == placeholder_pdf()
    built.write_bytes(b"%PDF-1.7 editie")
    assert served_pdf(built) == b"%PDF-1.7 editie"


def _get(url: str, deadline: float) -> bytes:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_mkdocs_serve_offers_the_pdf(project_copy):
    """A fresh checkout (no site/): the placeholder, served at the link's
    address. (served_pdf's choice of the last edition is tested above.)"""
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{PORT}"],
        cwd=project_copy, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        body = _get(PDF_URL, time.monotonic() + 120)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert body == placeholder_pdf()
