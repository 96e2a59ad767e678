"""The Content-Security-Policy of one built page, computed from its final HTML.

GitHub Pages sets no headers, so the policy is a ``<meta http-equiv>`` in the
page itself. It allows only the site's own files; the inline scripts and
styles the theme and our templates put in the page are allowed by their
SHA-256 hashes, computed here from the HTML as written, so the policy stays
exact when the theme changes. Plain Python, no MkDocs.

Parsing every page is the slow part; ``inline_parts`` can keep what it found
in a ``PageCache``, keyed on the page's exact HTML and this module's code.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .page_cache import PageCache

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


@dataclass
class Parts:
    """What ``_Inline`` found, as read back from the cache."""

    scripts: list[str]
    styles: list[str]
    style_attrs: list[str]
    handlers: list[str] = field(default_factory=list)
    content_scripts: list[str] = field(default_factory=list)


_CACHED = ("scripts", "styles", "style_attrs")


def _from_cache(html: str, payload: object) -> Parts | None:
    """The cached parts, if they are lists of texts that all occur in ``html``:
    an entry can never allow a hash of something the page does not hold."""
    if not isinstance(payload, dict) or set(payload) != set(_CACHED):
        return None
    lists = [payload[name] for name in _CACHED]
    if not all(isinstance(items, list) and all(isinstance(t, str) and t in html for t in items)
               for items in lists):
        return None
    return Parts(*lists)


def inline_parts(html: str, cache: PageCache | None = None, label: str = "") -> _Inline | Parts:
    """The page's inline scripts, styles, style attributes, event handlers and
    scripts inside <article>. With ``cache``: only pages without handlers and
    article scripts (the pages a build accepts) are stored, so a refused page
    is parsed again on every build."""
    key = cache.key(html) if cache is not None else ""
    if cache is not None:
        payload = cache.get(key, label)
        parts = _from_cache(html, payload) if payload is not None else None
        if parts is not None:
            return parts
        if payload is not None:
            cache.rejected(label)
    parser = _Inline()
    parser.feed(html)
    parser.close()
    if cache is not None and not parser.handlers and not parser.content_scripts:
        cache.put(key, {name: getattr(parser, name) for name in _CACHED})
    return parser


def policy(html: str, parts: _Inline | Parts | None = None) -> str:
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
_OLD_POLICY = re.compile(r"\s*<meta http-equiv=\"Content-Security-Policy\"[^>]*>")
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)


def add_policy(html: str, parts: _Inline | Parts | None = None) -> str:
    """``html`` with its policy as the first element after ``<meta charset>``
    (the charset must stay in the first 1024 bytes), else first in <head>.
    A page that already has a policy gets it replaced. ``parts``: the page's
    ``inline_parts`` if the caller already has them (parsing a page is the
    slow part of this module)."""
    if 'http-equiv="Content-Security-Policy"' in html:  # the regex is slow on a whole page
        html = _OLD_POLICY.sub("", html)
    tag = META.format(policy(html, parts))
    match = _CHARSET.search(html) or _HEAD.search(html)
    if match is None:
        raise ValueError("geen <head> gevonden: de pagina kan geen beveiligingsbeleid (CSP) krijgen")
    return html[:match.end()] + "\n    " + tag + html[match.end():]
