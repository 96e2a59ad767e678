"""HTML for one chart block: key finding, chart/table tabs, question, base,
source and downloads. Plain strings in, a string out; MkDocs-free.

The tab markup mirrors pymdownx.tabbed's "alternate" style so Material styles
it and its script links the tabs; it is written as HTML because a Markdown tab
cannot hold a raw SVG block.
"""
from __future__ import annotations

from html import escape

from .datasets import Dataset
from .dutch import PRECISION_NL, Precision, in_label, sentence_case
from .sanitize import plain_markdown

UNIT_HEADER = {"percent": "Percentage", "count": "Aantal"}


def table_html(dataset: Dataset, table_id: str, described_by: str) -> str:
    unit = dataset.meta.unit
    # No column that stays empty (a screen reader would announce it on every row).
    notes = any(o.note for o in dataset.options)
    rows = []
    for o in dataset.options:
        figure = dataset.label(o.id)
        # "> 90%" is spelled out for screen readers; "bijna" and "ca." already are words.
        symbol = o.precision in (Precision.MORE_THAN, Precision.LESS_THAN)
        precise = f' <span class="kw-precision">({PRECISION_NL[o.precision]})</span>' if symbol else ""
        if o.derived and figure != in_label(o.value, o.precision, unit):
            # The cell shows the report's words ('ca. twee derde'); only the bar's number is ours.
            bar = in_label(o.value, Precision.EXACT, unit)
            precise += f' <span class="kw-precision">(staaf op {escape(bar)}: afgeleid, niet in het rapport)</span>'
        elif o.derived:  # worked out by us from the report's words: say so in the cell
            precise += ' <span class="kw-precision">(afgeleid, niet in het rapport)</span>'
        rows.append(
            "<tr>"
            f'<th scope="row">{escape(o.label)}</th>'
            f'<td class="kw-num">{escape(figure)}{precise}</td>'
            f"<td>{escape(o.wording)}</td>"
            + (f"<td>{escape(o.note or '')}</td>" if notes else "")
            + "</tr>")
    # A focusable scroll region, so a narrow screen scrolls the table, not the page.
    return (
        f'<div class="kw-table-wrap" role="region" tabindex="0" aria-labelledby="{table_id}-bijschrift">'
        f'<table id="{table_id}" class="kw-table" aria-describedby="{described_by}">'
        f'<caption id="{table_id}-bijschrift">{escape(dataset.meta.title)}</caption>'
        "<thead><tr>"
        f'<th scope="col">Antwoord</th><th scope="col">{UNIT_HEADER[unit]}</th>'
        '<th scope="col">Zo staat het in het rapport</th>'
        + ('<th scope="col">Toelichting</th>' if notes else "")
        + "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>")


# The downloads of a data set, below downloads/: (file name after the id, link text).
DATA_DOWNLOADS = ((".xlsx", "Excel (xlsx)"), (".ods", "LibreOffice (ods)"),
                  ("-excel.csv", "CSV voor Excel"), (".csv", "CSV voor programma's"))
CHART_DOWNLOADS = ((".svg", "Grafiek (SVG)"), (".png", "Afbeelding (PNG)"))


def download_links(prefix: str, dataset_id: str, chart: bool) -> list[tuple[str, str]]:
    """[(link text, address)] of a data set's downloads; ``prefix`` is the
    address of downloads/ from the page ('../../downloads/')."""
    kinds = DATA_DOWNLOADS + (CHART_DOWNLOADS if chart else ())
    return [(text, f"{prefix}{dataset_id}{suffix}") for suffix, text in kinds]


def meta_html(dataset: Dataset, meta_id: str, downloads: list[tuple[str, str]],
              cite_html: str | None = None, same_question: Dataset | None = None) -> str:
    """The chart box. ``same_question`` is the data set named by the sidecar's
    ``same_question_as``: a single figure borrows its evidence for several answers."""
    m = dataset.meta
    question_kind = "vraag zoals gesteld" if m.question_verbatim else "vraag in onze woorden"
    items = [f"<dt>Vraag</dt><dd>{escape(m.question)} <span class=\"kw-muted\">({question_kind})</span></dd>"]
    if m.base:  # the sidecar says what the report does and does not say about the base
        items.append(f"<dt>Basis</dt><dd>{escape(m.base)}</dd>")
    if m.multiple_answers and m.multiple_answers_in_report:
        items.append("<dt>Antwoorden</dt><dd><strong>Meerdere antwoorden mogelijk</strong>: "
                     "dat staat in het rapport. De percentages tellen daarom niet op tot 100%.</dd>")
    elif m.multiple_answers and same_question is not None:
        items.append("<dt>Antwoorden</dt><dd><strong>Waarschijnlijk meerdere antwoorden mogelijk</strong>: "
                     f"dit is dezelfde vraag als bij <em>{escape(same_question.meta.title)}</em>. "
                     "Daar tellen de percentages samen op tot meer dan 100%. "
                     "Het rapport zegt niet of meer antwoorden mochten.</dd>")
    elif m.multiple_answers:
        items.append("<dt>Antwoorden</dt><dd><strong>Waarschijnlijk meerdere antwoorden mogelijk</strong>: "
                     "de percentages tellen samen op tot meer dan 100%. "
                     "Het rapport zegt niet of meer antwoorden mochten.</dd>")
    items.append(f"<dt>Bron</dt><dd>{escape(m.source)}</dd>")
    if m.notes:
        notes = "".join(f"<li>{escape(n)}</li>" for n in m.notes)
        items.append(f"<dt>Let op</dt><dd><ul>{notes}</ul></dd>")
    if downloads:
        links = " · ".join(f'<a href="{escape(href)}" download>{escape(text)}</a>' for text, href in downloads)
        items.append(f"<dt>Downloaden</dt><dd>{links}</dd>")
    if cite_html:
        # Selectable text; docs/javascripts/citeer.js adds a copy button.
        items.append(f'<dt>Citeer</dt><dd><span class="kw-cite">{cite_html}</span></dd>')
    return f'<dl id="{meta_id}" class="kw-chart-meta">{"".join(items)}</dl>'


def chart_block(dataset: Dataset, svg: str, downloads: list[tuple[str, str]],
                heading_level: int = 3, *, cite_html: str | None = None,
                same_question: Dataset | None = None) -> str:
    """Markdown: a heading with the key finding, then the figure as HTML."""
    base = f"grafiek-{dataset.id}"
    name = f"kw-tabs-{dataset.id}"
    table_id, meta_id = f"{base}-tabel", f"{base}-toelichting"
    # The finding is data text: plain text in the Markdown heading, never HTML.
    heading = f"{'#' * heading_level} {plain_markdown(sentence_case(dataset.finding()))} {{#{base}}}"
    html = (
        f'<figure class="kw-chart" aria-labelledby="{base}">'
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{dataset.id}:2">'
        f'<input checked="checked" id="{name}-1" name="{name}" type="radio">'
        f'<input id="{name}-2" name="{name}" type="radio">'
        f'<div class="tabbed-labels"><label for="{name}-1">Grafiek</label>'
        f'<label for="{name}-2">Tabel</label></div>'
        '<div class="tabbed-content">'
        f'<div class="tabbed-block">{svg.strip()}'
        f'<p class="kw-muted">Dezelfde cijfers staan in de tab Tabel.</p></div>'
        f'<div class="tabbed-block">{table_html(dataset, table_id, meta_id)}</div>'
        "</div></div>"
        f"{meta_html(dataset, meta_id, downloads, cite_html, same_question)}"
        "</figure>")
    # Blank lines around the HTML keep Markdown from wrapping it in a paragraph.
    return f"{heading}\n\n{html}\n"


def details_block(dataset: Dataset, downloads: list[tuple[str, str]],
                  same_question: Dataset | None = None) -> str:
    """For data sets without a chart (Cijfers page): table and metadata only."""
    meta_id = f"cijfers-{dataset.id}-toelichting"
    return (f'<div class="kw-chart">{table_html(dataset, f"cijfers-{dataset.id}-tabel", meta_id)}'
            f"{meta_html(dataset, meta_id, downloads, same_question=same_question)}</div>\n")
