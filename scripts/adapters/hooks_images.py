"""MkDocs hooks for contributed photos (issue 16). The work is done by
``kinderwerk.images`` (the files) and ``kinderwerk.photo_markup`` (the HTML).

* on_files (after hooks_examples.py has checked every example, consent
  included): every photo in docs/praktijkvoorbeelden/ is taken out of the
  site, so no original is ever copied to site/. The photos that an example
  shows are published as the derivatives of ``kinderwerk.images.process``
  (cached in .cache/images/): WebP at several widths ('foto.jpg.800.webp')
  and one JPEG ('foto.jpg.1600.jpg'). The JPEG keeps the source's src_uri, so
  a Markdown image or link to 'foto.jpg' and MkDocs' link checks resolve to
  it; only its address on the site differs.
* on_page_content (after the allowlist of hooks_security.py): an <img> of a
  published photo becomes a <picture> with srcset, sizes, width, height,
  loading and decoding.
"""
from __future__ import annotations

import logging
import os
import posixpath
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from kinderwerk import examples as ex
from kinderwerk import images
from kinderwerk.examples.photos import is_photo
from kinderwerk.photo_markup import Picture, rewrite

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "images"
log = logging.getLogger("mkdocs.hooks.fotos")


@dataclass(frozen=True)
class Published:
    webp: tuple[tuple[str, int], ...]   # (URL below the site root, width)
    jpeg: str                           # its path below the site root (unquoted)
    width: int
    height: int


_published: dict[str, Published] = {}   # site path of the JPEG (unquoted) -> its files


def _derivative(config, source: str, variant: images.Variant) -> File:
    """A file of the site next to the source: 'foto.jpg' -> 'foto.jpg.800.webp'."""
    name = f"{source}.{variant.width}.{variant.suffix}"
    file = File.generated(config, source if variant.kind == "jpeg" else name, abs_src_path=str(variant.path))
    file.dest_uri = name
    return file


def on_files(files, config):
    collection = ex.state.collection
    shown = {src for e in collection.examples for src in e.fotos} if collection else set()
    _published.clear()
    photos = [f for f in files if f.src_uri.startswith(ex.FOLDER + "/") and is_photo(f.src_uri)
              and f.generated_by is None]
    for file in photos:
        files.remove(file)  # the original never reaches site/
    todo = [f for f in photos if f.src_uri in shown]

    def work(file: File):
        try:
            assert file.abs_src_path is not None  # a photo in docs/, never generated
            return file, images.process(Path(file.abs_src_path), f"docs/{file.src_uri}", CACHE)
        except images.PhotoProblem as exc:
            return file, exc

    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        results = list(pool.map(work, todo))
    problems = [str(r) for _, r in results if isinstance(r, images.PhotoProblem)]
    if problems:
        raise PluginError("Fout in een foto (niet gebouwd, niets geschreven):\n  - " + "\n  - ".join(problems))
    encoded = 0
    for file, photo in results:
        webp = []
        for variant in photo.variants:
            generated = _derivative(config, file.src_uri, variant)
            files.append(generated)
            if variant.kind == "webp":
                webp.append((generated.url, variant.width))
        jpeg = unquote(files.get_file_from_path(file.src_uri).url)
        _published[jpeg] = Published(tuple(webp), jpeg, photo.width, photo.height)
        encoded += photo.encoded
    log.info(f"foto's: {len(results)} gepubliceerd, {encoded} bestanden gemaakt "
             f"({len(results) - sum(1 for _, p in results if p.encoded)} foto's uit de cache)")
    return files


def _resolver(page):
    base = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"

    def resolve(src: str) -> Picture | None:
        if not src or re.match(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", src, re.I):
            return None
        path = posixpath.normpath(posixpath.join(base, unquote(src.split("#", 1)[0].split("?", 1)[0])))
        record = _published.get(path)
        if record is None:
            return None
        webp = tuple((get_relative_url(url, page.url), width) for url, width in record.webp)
        return Picture(webp, src, record.width, record.height)
    return resolve


@event_priority(-100)  # after the allowlist (hooks_security.py) and every other hook
def on_page_content(html, page, config, files):
    if not _published:
        return html
    html, _ = rewrite(html, _resolver(page))
    return html
