"""An example page with phone photos, as a phone reader gets it (issue 16):
on a copy of the project with a made-up example and made-up 4032 x 3024
phone photos (scripts/dev/fake_photos.py, about the size of real ones).

* On a phone (390 px wide, DPR 3) the page downloads the small WebP of each
  photo it shows, under 1 MB for three photos, never an original or the
  print JPEG; the photos further down wait (loading="lazy").
* No layout shift from the photos (width and height are set).
* No Content-Security-Policy violation.
* The photos show upright (the marked corner is top left).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from kwbrowser import CSP_LISTENER_JS

import fake_photos
from project_copy import copy_project, run_build
from test_photos import with_photos

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent

NAMES = ("speeldorp-hut.jpg", "speeldorp-verf.jpg", "speeldorp-plein.jpg")
PAGE = "praktijkvoorbeelden/speeldorp-hutten/"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True,
         "has_touch": True}
SHIFT_JS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 500);
})"""


@pytest.fixture(scope="module")
def photo_url(tmp_path_factory, warm_cache):
    from kinderwerk.browser import serve
    project = copy_project(tmp_path_factory.mktemp("photos") / "project", cache=warm_cache)  # never the photo cache
    folder = project / "docs" / "praktijkvoorbeelden"
    for seed, name in enumerate(NAMES, start=1):
        (folder / name).write_bytes(fake_photos.phone_jpeg(seed=seed, orientation=6 if seed == 1 else 1))
    # Three photos, far apart: the later ones are below the first screen.
    text = with_photos("ja", names=NAMES).replace(")\n\n![", ")\n\n" + "Een alinea tekst. " * 120 + "\n\n![")
    (folder / "speeldorp-hutten.md").write_text(text, encoding="utf-8")
    result = run_build(project, project.parent / "site")
    assert result.returncode == 0, result.output[-3000:]
    prefix = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
    with serve(result.site, prefix) as url:
        yield url, result.site


def visit(chromium, url: str, **context_options):
    context = chromium.new_context(base_url=url, **context_options)
    page = context.new_page()
    page.add_init_script(CSP_LISTENER_JS)
    loaded: dict[str, int] = {}

    def record(response):
        if response.request.resource_type == "image":
            body = response.body()
            loaded[urlsplit(response.url).path.rsplit("/", 1)[-1]] = len(body)
    page.on("response", record)
    page.goto(PAGE, wait_until="load")
    page.wait_for_timeout(300)
    return context, page, loaded


def test_phone_downloads_little_and_waits_for_photos_below(chromium, photo_url, tmp_path):
    url, _ = photo_url
    context, page, loaded = visit(chromium, url, **PHONE)
    photos = {name: size for name, size in loaded.items() if name.startswith("speeldorp-")}
    assert photos, loaded
    assert all(name.endswith(".webp") for name in photos), photos           # not the JPEG, not an original
    assert not [n for n in photos if n in NAMES]
    assert all(".1200.webp" in n or ".800.webp" in n for n in photos), photos  # 358 CSS px x 3
    first_screen = sum(photos.values())
    assert len(photos) < len(NAMES), f"lazy photos loaded at once: {photos}"
    # Scroll to the end: every photo now, still under 1 MB together.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(800)
    for img in page.locator("article picture img").all():
        img.scroll_into_view_if_needed()
        page.wait_for_function("(el) => el.complete && el.naturalWidth > 0", arg=img.element_handle())
    photos = {name: size for name, size in loaded.items() if name.startswith("speeldorp-")}
    assert len(photos) == len(NAMES), photos
    total = sum(photos.values())
    print(f"phone: {first_screen / 1e3:.0f} KB of photos on the first screen, {total / 1e3:.0f} KB for all "
          f"{len(NAMES)}")
    assert total < 1_000_000, photos
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("article picture img").first.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "telefoon.png"))
    assert page.evaluate("window.__kwCspViolations") == []
    context.close()


def test_photos_cause_no_layout_shift_and_show_upright(chromium, photo_url):
    url, _ = photo_url
    context, page, _ = visit(chromium, url, viewport={"width": 1280, "height": 900})
    assert page.evaluate(SHIFT_JS) < 0.01
    img = page.locator("article picture img").first
    box = img.bounding_box()
    assert box and box["width"] > box["height"]          # landscape, as the phone showed it
    shot = img.screenshot()
    from io import BytesIO

    from PIL import Image
    r, g, b = Image.open(BytesIO(shot)).convert("RGB").getpixel((4, 4))
    assert r > 180 and g < 60 and b < 60, (r, g, b)       # the marked corner is top left
    assert page.evaluate("window.__kwCspViolations") == []
    context.close()
