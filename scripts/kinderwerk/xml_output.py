"""Every XML file the site publishes (the feed, the sitemap) is built and
serialised here, with lxml (libxml2).

Why lxml and not the standard library's ElementTree: ElementTree writes any
character it is given, so one form feed in a title would make the whole feed
unreadable (XML 1.0 forbids most C0 controls, lone surrogates and
U+FFFE/U+FFFF). lxml refuses such a string when it is set. Text is cleaned
before that (``clean``), so the build never stops on it: what XML forbids,
and the control and non-characters it discourages, become U+FFFD. The
contributor check (``make check``) reports such characters in a field by
name; this is the last line, on the output. lxml is pikepdf's dependency
too, so it costs the install nothing extra.
"""
from __future__ import annotations

import re

from lxml import etree

REPLACEMENT = "\ufffd"


def _allowed_ranges() -> str:
    # XML 1.0 (5th ed.) section 2.2 Char, less the "discouraged" characters:
    # DEL and the C1 controls, U+FDD0-U+FDEF, and U+nFFFE/U+nFFFF in every plane.
    ranges = ["\t\n\r", "\x20-\x7e", "\xa0-\ud7ff", "\ue000-\ufdcf", "\ufdf0-\ufffd"]
    for plane in range(1, 17):
        ranges.append(f"{chr(plane << 16)}-{chr((plane << 16) | 0xFFFD)}")
    return "".join(ranges)


_NOT_ALLOWED = re.compile(f"[^{_allowed_ranges()}]")


def clean(text: str) -> str:
    """``text`` with every character XML 1.0 forbids or discourages replaced by U+FFFD."""
    return _NOT_ALLOWED.sub(REPLACEMENT, text)


def element(tag: str, nsmap: dict | None = None, **attrs: str) -> etree._Element:
    return etree.Element(tag, {k: clean(v) for k, v in attrs.items()}, nsmap=nsmap)


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A child of ``parent``; ``text`` and attribute values are cleaned."""
    child = etree.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        child.text = clean(text)
    return child


def to_bytes(root: etree._Element) -> bytes:
    """UTF-8 with an XML declaration, indented, ending in a newline."""
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
