"""The markup of a published photo: ``<picture>`` with WebP at several widths
(``srcset`` and ``sizes``), the JPEG as fallback ``src``, ``width`` and
``height`` (no layout shift), ``loading="lazy"`` and ``decoding="async"``
except on the first photo of a page, and the contributor's alt text.

``rewrite`` runs on a page's HTML AFTER the allowlist (kinderwerk.sanitize)
has checked it: a contributor cannot write ``srcset``, ``sizes``, ``style``
or ``<picture>`` (the allowlist refuses them); only the build adds them, to
``<img>`` elements whose ``src`` is a photo the build published itself.

Plain Python, no MkDocs.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

# How wide a photo is shown, for the browser's choice from srcset (measured in
# Chromium on an example page, tests/browser/test_photos.py checks it): the
# text column of Material is about 690 px wide from 1220 px on (both
# sidebars), the window minus the table of contents (about 290 px) from 960
# px, and the window minus the margins (about 32 px) below that. Units in
# ``sizes`` are CSS pixels at the browser's default font size.
SIZES = "(min-width: 1220px) 690px, (min-width: 960px) calc(100vw - 290px), calc(100vw - 32px)"
# Attributes of the contributor's <img> that stay (the allowlist let them through).
KEPT = ("alt", "title", "id", "class")


@dataclass(frozen=True)
class Picture:
    """The files of one photo, as URLs relative to the page."""

    webp: tuple[tuple[str, int], ...]    # (url, width), narrowest first
    fallback: str                        # the JPEG
    width: int                           # of the widest WebP
    height: int


def picture_html(picture: Picture, attrs: dict[str, str], first: bool) -> str:
    """``attrs``: the contributor's <img> attributes (alt, title, width ...)."""
    esc = lambda value: html.escape(str(value), quote=True)  # noqa: E731
    width, height = picture.width, picture.height
    sizes = SIZES
    wanted = attrs.get("width", "")
    if wanted.isdigit() and 0 < int(wanted) < width:  # { width="300" } from attr_list: keep it
        height = max(1, round(height * int(wanted) / width))
        width = int(wanted)
        sizes = f"(min-width: {width + 32}px) {width}px, {SIZES.rsplit(', ', 1)[1]}"
    srcset = ", ".join(f"{url} {w}w" for url, w in picture.webp)
    img = [f'src="{esc(picture.fallback)}"', f'alt="{esc(attrs.get("alt", ""))}"']
    img += [f'{name}="{esc(attrs[name])}"' for name in KEPT[1:] if name in attrs]
    img += [f'width="{width}"', f'height="{height}"']
    if not first:
        img += ['loading="lazy"', 'decoding="async"']
    return (f'<picture><source type="image/webp" srcset="{esc(srcset)}" sizes="{esc(sizes)}">'
            f'<img {" ".join(img)}></picture>')


class _Images(HTMLParser):
    """Offsets and attributes of every <img> start tag."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, dict[str, str]]] = []
        self._line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self._line_starts.append(index + 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            return
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        raw = self.get_starttag_text() or ""
        self.found.append((start, start + len(raw), {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def rewrite(page_html: str, resolve: Callable[[str], Picture | None]) -> tuple[str, int]:
    """(the page with every published photo as a <picture>, how many).
    ``resolve(src)`` gives the Picture for an <img src>, or None (left alone)."""
    parser = _Images(page_html)
    parser.feed(page_html)
    parser.close()
    out, last, count = [], 0, 0
    for start, end, attrs in parser.found:
        picture = resolve(attrs.get("src", ""))
        if picture is None:
            continue
        out += [page_html[last:start], picture_html(picture, attrs, first=count == 0)]
        last, count = end, count + 1
    out.append(page_html[last:])
    return "".join(out), count
