"""The Content-Security-Policy of one built page, computed from its final HTML.

GitHub Pages sets no headers, so the policy is a ``<meta http-equiv>`` in the
page itself. It allows only the site's own files; the inline scripts and
styles the theme and our templates put in the page are allowed by their
SHA-256 hashes, computed here from the HTML as written, so the policy stays
exact when the theme changes. Plain Python, no MkDocs.
"""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

# Script types a browser runs (an empty type is JavaScript); anything else,
# such as Material's application/json configuration, is data and needs no hash.
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _Inline(HTMLParser):
    """Inline scripts, inline <style> elements and style="" attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attrs: list[str] = []
        self.handlers: list[str] = []
        self.content_scripts: list[str] = []  # inline scripts in the article: never allowed
        self._open: tuple[str, bool] | None = None  # (tag, counts) while inside script/style
        self._text: list[str] = []
        self._article = 0  # depth of <article>: the page's own content

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self._article += 1
        for name, value in attrs:
            if name == "style" and value is not None:
                self.style_attrs.append(value)
            elif name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
        if tag == "script":
            counts = "src" not in values and (values.get("type") or "").strip().lower() in JS_TYPES
            self._open, self._text = ("script", counts), []
        elif tag == "style":
            self._open, self._text = ("style", True), []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article:
            self._article -= 1
        if self._open and tag == self._open[0]:
            name, counts = self._open
            text = "".join(self._text)
            if counts and name == "script" and self._article:
                self.content_scripts.append(text)
            elif counts:
                (self.scripts if name == "script" else self.styles).append(text)
            self._open = None


def sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def inline_parts(html: str) -> _Inline:
    parser = _Inline()
    parser.feed(html)
    parser.close()
    return parser


def policy(html: str, parts: _Inline | None = None) -> str:
    """The policy for one page: only 'self', plus hashes of what is inline.

    Inline scripts inside <article> (the page's Markdown content) get no hash:
    if one ever got past the build, the browser still refuses to run it. The
    theme's and our templates' inline scripts sit outside it."""
    parts = parts or inline_parts(html)
    scripts = " ".join(_unique([sha256(s) for s in parts.scripts]))
    styles = _unique([sha256(s) for s in parts.styles])
    attrs = _unique([sha256(s) for s in parts.style_attrs])
    style_src = ["'self'", *styles]
    if attrs:  # style="" attributes (in the inline SVG charts) match only by exact hash
        style_src += ["'unsafe-hashes'", *attrs]
    directives = [
        "default-src 'none'",
        f"script-src 'self' {scripts}".strip(),
        f"style-src {' '.join(style_src)}",
        # Material's stylesheet draws its icons from data: SVGs (mask-image).
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


META = '<meta http-equiv="Content-Security-Policy" content="{}">'
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)


def add_policy(html: str, parts: _Inline | None = None) -> str:
    """``html`` with its policy as the first element after ``<meta charset>``
    (the charset must stay in the first 1024 bytes), else first in <head>.
    A page that already has a policy gets it replaced. ``parts``: the page's
    ``inline_parts`` if the caller already has them (parsing a page is the
    slow part of this module)."""
    html = re.sub(r"\s*<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", html)
    tag = META.format(policy(html, parts))
    match = _CHARSET.search(html) or _HEAD.search(html)
    if match is None:
        raise ValueError("geen <head> gevonden: de pagina kan geen beveiligingsbeleid (CSP) krijgen")
    return html[:match.end()] + "\n    " + tag + html[match.end():]
