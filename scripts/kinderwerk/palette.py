"""Chart colours and the contrast arithmetic that proves they are readable.

Bars must reach 3:1 against the page in both Material palettes (WCAG 1.4.11,
non-text contrast); chart text takes the page's own text colour in the site and
``TEXT`` in a downloaded file.
"""
from __future__ import annotations

# Page backgrounds of Material for MkDocs 9.8: `default` is #fff, `slate` is
# hsla(225deg, 15%, 14%) which is #1e2129.
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}

# Bar fill: a blue from the Okabe-Ito family, darkened/lightened until it has
# 3:1 against both backgrounds. Blue stays distinct for all common forms of
# colour blindness; approximate values are told apart by hatching, not by hue.
BAR = "#3b82c4"
HATCH = "#ffffff"        # hatch lines on approximate bars
TEXT = "#1f1f1f"         # text in a downloaded SVG (light background)


def _channel(c: float) -> float:
    c = c / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.x) of '#rrggbb'."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """Contrast ratio between two colours, 1.0 to 21.0."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
