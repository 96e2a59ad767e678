"""kinderwerk.pdf_budget: a PDF edition over its limit names the page and the
photo file a contributor added (the source in docs/, not the derivative),
largest first. A made-up site folder; no browser."""
from __future__ import annotations

from kinderwerk.pdf_budget import heaviest, over_budget

BASE = "http://127.0.0.1:8611/kinderwerk/"


def test_largest_images_by_page_and_source_file(tmp_path):
    site = tmp_path / "site"
    files = {"praktijkvoorbeelden/speeldorp-hut.jpg.1600.jpg": 1_230_000,
             "praktijkvoorbeelden/IMG_2041.HEIC.1600.jpg": 2_410_000,
             "downloads/grafiek.svg": 20_000}
    for name, size in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(b"x" * size)
    pages = {
        "praktijkvoorbeelden/speeldorp-hutten/":
            f'<p><img src="{BASE}praktijkvoorbeelden/speeldorp-hut.jpg.1600.jpg" alt="a">'
            f'<img src="{BASE}praktijkvoorbeelden/IMG_2041.HEIC.1600.jpg" alt="b"></p>',
        "hoofdstukken/werkzaamheden/": f'<img src="{BASE}downloads/grafiek.svg" alt="c">'
                                       '<img src="https://elders.example/x.jpg" alt="d">',
    }
    rows = heaviest(pages, site, BASE)
    assert [(r.page, r.file, r.bytes) for r in rows] == [
        ("praktijkvoorbeelden/speeldorp-hutten/", "docs/praktijkvoorbeelden/IMG_2041.HEIC", 2_410_000),
        ("praktijkvoorbeelden/speeldorp-hutten/", "docs/praktijkvoorbeelden/speeldorp-hut.jpg", 1_230_000),
        ("hoofdstukken/werkzaamheden/", "site/downloads/grafiek.svg", 20_000),
    ]
    message = over_budget(6_300_000, 5_000_000, rows)
    lines = message.splitlines()
    assert lines[0] == "De pdf-editie is 6,3 MB, meer dan de grens van 5,0 MB."
    assert "  - praktijkvoorbeelden/speeldorp-hutten/: docs/praktijkvoorbeelden/IMG_2041.HEIC (2,4 MB)" in lines
    assert "  - hoofdstukken/werkzaamheden/: site/downloads/grafiek.svg (20 KB)" in lines
    assert "Haal foto's weg" in lines[-1]


def test_no_images_still_says_what_to_look_at():
    message = over_budget(5_100_000, 5_000_000, [])
    assert "5,1 MB" in message and "geen grote afbeeldingen" in message
