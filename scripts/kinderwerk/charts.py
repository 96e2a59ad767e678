"""Turn a data set into an accessible, deterministic SVG bar chart.

* Text stays text (``svg.fonttype: none``) so it is searchable, scales, and
  takes the page's text colour through CSS in either palette.
* The root ``<svg>`` gets ``role="img"``, a ``<title>`` and a ``<desc>``.
* Same data, same bytes: fixed hash salt, no date, no creator string.
* A PNG of the same chart for slides and documents: twice the resolution,
  a white background and dark text, whatever the reader's palette, with the
  key finding as title and the source below (it travels without the page).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

import html
import re
import textwrap
from io import BytesIO, StringIO
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on build machines
import matplotlib.pyplot as plt

from .datasets import Dataset
from .dutch import is_approximate, sentence_case
from .palette import BAR, HATCH, TEXT

RC: dict[Any, Any] = {  # matplotlib types its keys as a Literal of every rc name
    "svg.fonttype": "none",
    "svg.hashsalt": "kinderwerk",
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "text.color": TEXT,
    "axes.edgecolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "hatch.color": HATCH,
    "hatch.linewidth": 1.2,
}
FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def _wrap(label: str, width: int = 32) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


# The SVG is drawn at 100 dpi; the PNG at twice that (sharp when pasted or zoomed).
PNG_DPI = 200


def _draw(dataset: Dataset):
    """The matplotlib figure of ``dataset`` (the caller closes it)."""
    options = dataset.options
    n = len(options)
    percent = dataset.meta.unit == "percent"
    values = [o.value or 0 for o in options]
    top = 100 if percent else max(values)
    # The legend explains hatching, so only where a hatched bar is drawn.
    approximate = any(is_approximate(o.precision) and o.value is not None for o in options)

    height = 0.5 * n + (0.75 if approximate else 0.4)
    fig, ax = plt.subplots(figsize=(7.2, height), dpi=100)
    y = list(range(n))
    for yi, option, value in zip(y, options, values, strict=True):
        if option.value is None:
            continue  # words only: no bar, the label says it
        ax.barh(yi, value, color=BAR, height=0.66,
                hatch="///" if is_approximate(option.precision) else None,
                edgecolor=BAR, linewidth=0)
    for yi, option, value in zip(y, options, values, strict=True):
        text = dataset.label(option.id)
        ax.text(value + top * 0.012, yi, text, va="center", ha="left",
                fontsize=11, fontweight="bold",
                fontstyle="italic" if option.value is None else "normal")
    ax.set_yticks(y, [_wrap(o.label) for o in options])
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.16)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0, pad=6)
    if approximate:
        fig.text(0.01, 0.02, "Gearceerd: het rapport geeft een benaderd getal "
                 "(ca. = ongeveer, > = meer dan).", fontsize=9)
    fig.tight_layout(rect=(0, 0.1 if approximate else 0, 1, 1))
    return fig


def _svg(dataset: Dataset) -> str:
    fig = _draw(dataset)
    buffer = StringIO()
    # Transparent: the page's own background (light or dark) shows through.
    fig.savefig(buffer, format="svg", transparent=True,
                metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return buffer.getvalue()


def _frame_for_slides(fig: Figure, dataset: Dataset) -> None:
    """A PNG travels alone (a slide, a report): give it the key finding as
    its title and the source as its last line. Sizes in inches."""
    width, height = fig.get_size_inches()
    had_legend = bool(fig.texts)  # the hatching legend, in fractions of the old height
    title = textwrap.wrap(sentence_case(dataset.finding()), 60)  # as the heading on the site
    source = textwrap.wrap(f"Bron: {dataset.meta.source} Grafiek: Kennisbank Kinderwerk, CC BY 4.0.", 100)
    top, bottom = 0.2 + 0.24 * len(title), 0.12 + 0.17 * len(source)
    total = height + top + bottom
    fig.set_size_inches(width, total)
    for text in fig.texts:
        x, y = text.get_position()
        text.set_position((x, (bottom + y * height) / total))
    fig.text(0.01, 1 - 0.12 / total, "\n".join(title), va="top", ha="left",
             fontsize=13, fontweight="bold")
    fig.text(0.01, 0.08 / total, "\n".join(source), va="bottom", ha="left", fontsize=8.5)
    legend = 0.1 * height if had_legend else 0
    fig.tight_layout(rect=(0, (bottom + legend) / total, 1, 1 - top / total))


def _png(dataset: Dataset) -> bytes:
    fig = _draw(dataset)
    _frame_for_slides(fig, dataset)
    buffer = BytesIO()
    # Opaque white and the dark TEXT colour: readable on any slide or page.
    # No "Software" text chunk, so the bytes depend on the data only.
    fig.savefig(buffer, format="png", dpi=PNG_DPI, facecolor="#ffffff",
                transparent=False, metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _make_accessible(svg: str, dataset: Dataset) -> str:
    """Add role, title and desc; drop fixed size and matplotlib's metadata."""
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and DOCTYPE
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    # Several charts share a page: give every id the data set as prefix.
    prefix = f"{dataset.id}-"
    svg = re.sub(r'id="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{prefix}{m.group(1)}"', svg)
    title_id = f"grafiek-{dataset.id}-titel"
    desc_id = f"grafiek-{dataset.id}-beschrijving"
    svg = svg.replace(
        "<svg", f'<svg class="kw-svg" role="img" aria-labelledby="{title_id} {desc_id}"', 1)
    svg = re.sub(r"(<svg[^>]*>)", lambda m: (
        f'{m.group(1)}<title id="{title_id}">{html.escape(sentence_case(dataset.finding()))}</title>'
        f'<desc id="{desc_id}">{html.escape(dataset.meta.alt)}</desc>'), svg, count=1)
    svg = svg.replace("'DejaVu Sans'", FONT_STACK)
    # Matplotlib indents with spaces; collapsing them saves about a fifth.
    svg = re.sub(r"\n\s+", "\n", svg)
    return svg


def render_svg(dataset: Dataset) -> str:
    """The chart of ``dataset`` as SVG text (no XML prolog, ready to inline)."""
    if not dataset.meta.chart:
        raise ValueError(f"data set '{dataset.id}' heeft geen grafiek (chart: false)")
    with matplotlib.rc_context(RC):
        svg = _svg(dataset)
    return _make_accessible(svg, dataset) + "\n"


def render_png(dataset: Dataset) -> bytes:
    """The chart of ``dataset`` as PNG bytes: 2x resolution, white background."""
    if not dataset.meta.chart:
        raise ValueError(f"data set '{dataset.id}' heeft geen grafiek (chart: false)")
    with matplotlib.rc_context(RC):
        return _png(dataset)
