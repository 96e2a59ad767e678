"""The generated Markdown and HTML: the overview with cards and filters, tag
pages, and the blocks on example and chapter pages.

The render functions return Markdown or HTML strings. Links in Markdown are
relative paths to ``.md`` files (MkDocs checks and rewrites them); links in
HTML come from an ``href(from_src, to_src)`` callable that the caller supplies.
"""
from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable

import yaml

from ..sanitize import plain_markdown
from .base import CHAPTER_BLOCK_CLASS, CHAPTER_FOLDER, CHAPTER_HEADING, FOLDER, OVERVIEW, PARTNER_DATASET, THEMA_DATASET
from .collection import Collection
from .schema import Example
from .text import date_nl, join_nl, slugify
from .vocabulary import Vocabulary

FILTERS = {  # facet -> (label of the control, text of the empty choice)
    "provincie": ("Provincie", "Alle provincies"),
    "gemeente": ("Gemeente", "Alle gemeenten"),
    "thema": ("Thema (doel uit het onderzoek)", "Alle thema's"),
    "partner": ("Partner (uit het onderzoek)", "Alle partners"),
    "werkvorm": ("Werkvorm", "Alle werkvormen"),
}

Href = Callable[[str, str], str]        # (from src_uri, to src_uri) -> href for HTML
Figure = Callable[[str, str], str]      # (dataset id, option id) -> "ruim 90%"


def tag_src(kind: str, key: str) -> str:
    """Source path of a generated tag page: kind 'thema' or 'partner'."""
    return f"{FOLDER}/{kind}/{key.replace('_', '-')}.md"


def md_link(from_src: str, to_src: str) -> str:
    """Relative path from one docs file to another, for a Markdown link."""
    target, _, anchor = to_src.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_src) or ".")
    return path + (f"#{anchor}" if anchor else "")


def md_text(value: str) -> str:
    """Front-matter text for use in Markdown: plain text, always (no HTML, no
    Markdown syntax, no attr_list braces; see sanitize.plain_markdown)."""
    return plain_markdown(value)


def card_html(example: Example, page_src: str, vocab: Vocabulary, href: Href, level: int = 3) -> str:
    e, esc = example, html.escape
    attrs = card_data_attrs(e, vocab)
    themas = "".join(
        f'<li><a class="kw-card__tag" href="{esc(href(page_src, tag_src("thema", t)))}">'
        f"{esc(vocab.themas[t])}</a></li>" for t in e.themas)
    where = esc(e.plaats)
    if e.gemeenten:
        where += f" <span class=\"kw-card__provincie\">({esc(join_nl(e.provincie))})</span>"
    return (
        f'<li class="kw-card" id="voorbeeld-{esc(e.slug)}" {attrs}>'
        f'<h{level} class="kw-card__title"><a href="{esc(href(page_src, e.src_uri))}">'
        f"{esc(e.volledige_titel)}</a></h{level}>"
        f'<p class="kw-card__meta"><span class="kw-card__plaats">{where}</span> · '
        f'<span class="kw-card__organisatie">{esc(e.organisatie)}</span></p>'
        f'<p class="kw-card__samenvatting">{esc(e.samenvatting)}</p>'
        f'<ul class="kw-card__themas" aria-label="Thema\'s">{themas}</ul>'
        "</li>")


# Lists of examples stay light at 1,000 examples (issue 10): the first
# FIRST_BATCH as full cards, every other one as a one-line entry with the
# same data attributes, so the filters still cover every example and the
# whole list works without JavaScript. With JavaScript
# (docs/javascripts/praktijkvoorbeelden.js) the short entries appear a batch
# at a time. A chapter shows CHAPTER_FIRST examples per bar.
FIRST_BATCH = 24
CHAPTER_FIRST = 5


def card_data_attrs(example: Example, vocab: Vocabulary) -> str:
    e = example
    data = {
        "provincie": " ".join(vocab.provincie_id(p) for p in e.provincie),
        "gemeente": " ".join(slugify(g) for g in e.gemeenten),
        "thema": " ".join(e.themas),
        "partner": " ".join(e.partners),
        "werkvorm": " ".join(e.werkvormen),
    }
    return " ".join(f'data-{key}="{html.escape(value)}"' for key, value in data.items())


def short_card_html(example: Example, page_src: str, vocab: Vocabulary, href: Href) -> str:
    """One line: title (a link), place and organisation."""
    e, esc = example, html.escape
    return (f'<li class="kw-card kw-card--kort" id="voorbeeld-{esc(e.slug)}" {card_data_attrs(e, vocab)}>'
            f'<a href="{esc(href(page_src, e.src_uri))}">{esc(e.volledige_titel)}</a> '
            f'<span class="kw-card__meta">{esc(e.organisatie)}</span></li>')


def cards_html(examples: list[Example], page_src: str, vocab: Vocabulary, href: Href,
               list_id: str | None = None, level: int = 3, first: int | None = None) -> str:
    """Cards for ``examples``; with ``first``, only that many as full cards
    and the others as short entries in a second list (id ``<list_id>-meer``)."""
    ident = f' id="{list_id}"' if list_id else ""
    full = examples if first is None else examples[:first]
    rest = [] if first is None else examples[first:]
    cards = "".join(card_html(e, page_src, vocab, href, level) for e in full)
    more = ""
    if rest:
        more_id = f' id="{list_id}-meer"' if list_id else ""
        more = (f'<p class="kw-cards__meer-kop" id="{list_id or "kw"}-meer-kop">Meer voorbeelden '
                f'({len(rest)}), kort:</p>'
                f'<ul class="kw-cards kw-cards--kort"{more_id} aria-labelledby="{list_id or "kw"}-meer-kop">'
                + "".join(short_card_html(e, page_src, vocab, href) for e in rest) + "</ul>")
    # Cards repeat text of the example pages: keep them out of the search index.
    # The marker sits on a <div> with no <div> inside: Material's search parser
    # compares elements by tag, so a nested <ul> would end an excluded <ul>.
    return (f'<div class="kw-cards-wrap" data-search-exclude><ul class="kw-cards"{ident}>{cards}</ul>'
            f'{more}</div>')


def filter_form_html(collection: Collection) -> str:
    """Filter controls. Hidden without JavaScript (they would do nothing);
    docs/javascripts/praktijkvoorbeelden.js shows and drives them."""
    esc = html.escape
    controls = []
    for facet, values in collection.facets().items():
        label, empty = FILTERS[facet]
        options = "".join(f'<option value="{esc(key)}">{esc(text)} ({n})</option>'
                          for key, text, n in values)
        controls.append(
            f'<div class="kw-filter__field">'
            f'<label for="kw-filter-{facet}">{esc(label)}</label>'
            f'<select id="kw-filter-{facet}" name="{facet}" data-kw-facet="{facet}">'
            f'<option value="">{esc(empty)}</option>{options}</select></div>')
    return (
        '<form id="kw-filter" class="kw-filter" role="search" aria-label="Praktijkvoorbeelden filteren" '
        'data-search-exclude hidden>'
        f'{"".join(controls)}'
        '<div class="kw-filter__actions">'
        '<button type="reset" id="kw-filter-wis" class="kw-filter__reset">Wis filters</button>'
        '<p id="kw-filter-status" class="kw-filter__status" role="status" aria-live="polite"></p>'
        "</div></form>")


def overview_md(collection: Collection, href: Href) -> str:
    """Filters, a heading, and every example as a card (Markdown with HTML blocks)."""
    total = len(collection.examples)
    noun = "praktijkvoorbeeld" if total == 1 else "praktijkvoorbeelden"
    cards = cards_html(collection.examples, OVERVIEW, collection.vocab, href, list_id="kw-voorbeelden",
                       first=FIRST_BATCH)
    return (
        f"{filter_form_html(collection)}\n\n"
        "## Alle voorbeelden { #alle-voorbeelden }\n\n"
        f'<p id="kw-filter-aantal" class="kw-overview__count" data-kw-total="{total}" data-search-exclude>'
        f"{total} {noun}, op volgorde van plaats.</p>\n\n"
        f"{cards}\n\n"
        '<p id="kw-filter-leeg" class="kw-filter__leeg" data-search-exclude hidden>Geen '
        'praktijkvoorbeelden met deze filters. Kies minder filters of <button type="reset" '
        'form="kw-filter" class="kw-linkbutton">wis alle filters</button>.</p>\n')


def browse_md(collection: Collection, from_src: str = OVERVIEW) -> str:
    """Links to the tag pages: browsing by thema or partner, without JavaScript."""
    vocab = collection.vocab

    def links(kind: str, values: dict[str, str], members: Callable[[str], list]) -> str:
        return " · ".join(f"[{md_text(label)}]({md_link(from_src, tag_src(kind, key))}) "
                          f"({len(members(key))})" for key, label in values.items())
    return (
        f"**Per doel uit het onderzoek:** {links('thema', vocab.themas, collection.with_thema)}\n\n"
        f"**Per partner uit het onderzoek:** {links('partner', vocab.partners, collection.with_partner)}\n")


def figure_sentence(kind: str, figure: str) -> str:
    if kind == "thema":
        return f"{figure} van de kinderwerkers streeft dit doel na"
    return f"{figure} van de kinderwerkers werkt met deze partner samen"


def example_header_md(example: Example, collection: Collection) -> str:
    """Title and 'In het kort' box, placed above the contributor's sections."""
    e, vocab, src = example, collection.vocab, example.src_uri
    plaats = md_text(join_nl(e.gemeenten)) + f" ({md_text(join_nl(e.provincie))})" if e.gemeenten \
        else f"provincie {md_text(join_nl(e.provincie))}"
    rows = [
        ("Organisatie", md_text(e.organisatie)),
        ("Plaats", plaats),
        ("Periode", md_text(e.periode)),
        ("Voor wie", md_text(e.leeftijd)),
        ("Werkvormen", ", ".join(md_text(vocab.werkvormen[w]) for w in e.werkvormen)),
        ("Thema's", ", ".join(f"[{md_text(vocab.themas[t])}]({md_link(src, tag_src('thema', t))})"
                              for t in e.themas)),
    ]
    if e.partners:
        rows.append(("Partners uit het onderzoek", ", ".join(
            f"[{md_text(vocab.partners[p])}]({md_link(src, tag_src('partner', p))})" for p in e.partners)))
    if e.andere_partners:
        rows.append(("Andere partners", ", ".join(md_text(p) for p in e.andere_partners)))
    speaking = [p for p in e.personen if p.aan_het_woord]
    mentioned = [p for p in e.personen if not p.aan_het_woord]
    if speaking:
        rows.append(("Aan het woord", "; ".join(md_text(p.credit()) for p in speaking)))
    if mentioned:
        rows.append(("Ook genoemd", "; ".join(md_text(p.credit()) for p in mentioned)))
    facts = "\n".join(f"    - **{name}:** {value}" for name, value in rows)
    return (f"# {md_text(e.volledige_titel)}\n\n"
            f'!!! abstract "In het kort"\n\n    {md_text(e.samenvatting)}\n\n{facts}\n\n')


def example_footer_md(example: Example, collection: Collection, figure: Figure,
                      chart_src: dict[str, str]) -> str:
    """Generated links: chapters, survey figures and related examples."""
    e, vocab, src = example, collection.vocab, example.src_uri
    out = ["", "## Dit voorbeeld in het onderzoek { #in-het-onderzoek data-search-exclude }", ""]
    chapters = ", ".join(f"[{md_text(vocab.hoofdstukken[h])}]({md_link(src, f'{CHAPTER_FOLDER}/{h}.md')})"
                         for h in e.hoofdstukken)
    out += [f"Dit voorbeeld hoort bij: {chapters}.", ""]
    for kind, dataset, keys, labels, heading in (
            ("thema", THEMA_DATASET, e.themas, vocab.themas, "Doelen uit het onderzoek"),
            ("partner", PARTNER_DATASET, e.partners, vocab.partners, "Partners uit het onderzoek")):
        if not keys:
            continue
        chart = f" ([grafiek]({md_link(src, chart_src[dataset])}))" if dataset in chart_src else ""
        out += [f"**{heading}**{chart}:", ""]
        for key in keys:
            what = "bij dit doel" if kind == "thema" else "met deze partner"
            out.append(f"- **{md_text(labels[key])}**: {figure_sentence(kind, figure(dataset, key))}. "
                       f"[Alle voorbeelden {what}]({md_link(src, tag_src(kind, key))})")
        out.append("")
    related = collection.related(e)
    out += ["### Verwante voorbeelden { #verwante-voorbeelden data-search-exclude }", ""]
    if related:
        for other, shared in related:
            out.append(f"- [{md_text(other.volledige_titel)}]({md_link(src, other.src_uri)}) "
                       f"(ook: {md_text('; '.join(shared))})")
    else:
        out.append(f"Nog geen ander voorbeeld met dezelfde thema's of partners. "
                   f"[Alle praktijkvoorbeelden]({md_link(src, OVERVIEW)})")
    out += ["", f'<p class="kw-example-source" data-search-exclude>Bron: {md_text(e.bron)}. '
            f"Laatst gecontroleerd op {date_nl(e.gecontroleerd)}.</p>", ""]
    return "\n".join(out)


def chapter_block_md(slug: str, page_src: str, collection: Collection, figure: Figure,
                     chart_src: dict[str, str], heading_level: int = 2) -> str:
    """The examples of one chapter, and, if this page holds the chart of the
    goals or partners, the examples per bar. '' when there are none."""
    vocab = collection.vocab
    examples = collection.for_chapter(slug)
    lines = []
    for e in examples[:CHAPTER_FIRST]:
        lines.append(f"- [{md_text(e.volledige_titel)}]({md_link(page_src, e.src_uri)}): "
                     f"{md_text(e.samenvatting)}")
    if len(examples) > CHAPTER_FIRST:
        lines.append(f"- En nog {len(examples) - CHAPTER_FIRST} andere: "
                     f"[alle praktijkvoorbeelden]({md_link(page_src, OVERVIEW)})")
    per_bar = []
    for kind, dataset, labels, members in (
            ("thema", THEMA_DATASET, vocab.themas, collection.with_thema),
            ("partner", PARTNER_DATASET, vocab.partners, collection.with_partner)):
        if chart_src.get(dataset, "").partition("#")[0] != page_src:
            continue
        for key, label in labels.items():
            found = members(key)
            if found:
                links = ", ".join(f"[{md_text(e.plaats)}]({md_link(page_src, e.src_uri)})"
                                  for e in found[:CHAPTER_FIRST])
                if len(found) > CHAPTER_FIRST:
                    # The overview reads its filter from the address (praktijkvoorbeelden.js).
                    links += (f" · [alle {len(found)} bekijken]"
                              f"({md_link(page_src, OVERVIEW)}?{kind}={key}#alle-voorbeelden)")
                per_bar.append(f"- [{md_text(label)}]({md_link(page_src, tag_src(kind, key))}) "
                               f"({figure(dataset, key)}): {links}")
    if not lines and not per_bar:
        return ""
    out = [f'<div class="{CHAPTER_BLOCK_CLASS}" markdown>', ""]
    if heading_level:
        out += [f"{'#' * heading_level} {CHAPTER_HEADING} "
                f"{{ #praktijkvoorbeelden-bij-dit-hoofdstuk data-search-exclude }}", ""]
    out += lines
    if per_bar:
        out += ["", "Voorbeelden per staaf uit de grafiek:", ""] + per_bar
    out += ["", f"[Alle praktijkvoorbeelden]({md_link(page_src, OVERVIEW)}) · "
                f"[Zelf een voorbeeld toevoegen]({md_link(page_src, 'bijdragen.md')})", "", "</div>", ""]
    return "\n".join(out)


def tag_page_md(kind: str, key: str, collection: Collection, figure: Figure,
                chart_src: dict[str, str], href: Href) -> str:
    """A generated page listing the examples of one thema or partner."""
    vocab = collection.vocab
    src = tag_src(kind, key)
    if kind == "thema":
        label, dataset, members, title = vocab.themas[key], THEMA_DATASET, collection.with_thema(key), "Thema"
    else:
        label, dataset, members, title = (vocab.partners[key], PARTNER_DATASET,
                                          collection.with_partner(key), "Partner")
    chart = f" ([grafiek]({md_link(src, chart_src[dataset])}))" if dataset in chart_src else ""
    description = (f"Praktijkvoorbeelden van kinderwerk bij {'het doel' if kind == 'thema' else 'de partner'} "
                   f"'{label}'.")
    front = yaml.safe_dump({"description": description, "render_macros": False,
                            "search": {"exclude": True}}, allow_unicode=True, sort_keys=True)
    n = len(members)
    body = [f"---\n{front}---", "", f"# {title}: {md_text(label)}", "",
            f"Uit het onderzoek *Kinderwerk anno 2021*: {figure_sentence(kind, figure(dataset, key))}"
            f"{chart}.", "", "## Praktijkvoorbeelden { #praktijkvoorbeelden }", ""]
    if members:
        body += [f"{n} {'praktijkvoorbeeld laat' if n == 1 else 'praktijkvoorbeelden laten'} zien hoe dat "
                 f"in de praktijk gaat.", "",
                 cards_html(members, src, vocab, href, list_id="kw-voorbeelden", first=FIRST_BATCH), ""]
    else:
        body += ["Er is nog geen praktijkvoorbeeld bij. "
                 f"[Voeg er een toe]({md_link(src, 'bijdragen.md')}).", ""]
    body += [f"[Alle praktijkvoorbeelden]({md_link(src, OVERVIEW)})", ""]
    return "\n".join(body)


def all_tag_pages(collection: Collection) -> list[tuple[str, str]]:
    """(kind, key) of every tag page: every survey goal and partner, also
    without examples, so a link from a chart never breaks."""
    return ([("thema", key) for key in collection.vocab.themas]
            + [("partner", key) for key in collection.vocab.partners])


def find_chart_pages(sources: dict[str, str]) -> dict[str, str]:
    """dataset id -> 'page.md#grafiek-<id>' for the first page that calls
    chart("<id>"), preferring chapter pages."""
    found: dict[str, str] = {}
    order = sorted(sources, key=lambda s: (not s.startswith(CHAPTER_FOLDER + "/"), s))
    for src in order:
        for dataset in re.findall(r"""\bchart\(\s*["']([a-z0-9_]+)["']""", sources[src]):
            found.setdefault(dataset, f"{src}#grafiek-{dataset}")
    return found
