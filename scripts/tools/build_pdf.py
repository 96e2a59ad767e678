"""The PDF edition: the whole knowledge base as one tagged, A4 document.

    python scripts/tools/build_pdf.py [--site-dir site] [--out FILE]

Reads the BUILT site (run `make build` first; `make pdf` does both) and
prints it with the Chromium the browser tests use:

1. The pages in reading order (mkdocs.yml's nav; the practice examples in
   place of their overview) are taken from site/: the article of each page,
   with ids made unique per page and links rewritten: to a place inside the
   PDF where the target is in it, else to the published address (which the
   print stylesheet writes out after the link).
2. Cover (with the edition date from mkdocs.yml), table of contents, pages.
3. Printed twice: the first print tells on which page each part starts (from
   the PDF's named destinations), the second fills in those page numbers.

Tagged (structure tree), with an outline from the headings, A4, Dutch, the
document title set, fonts embedded (Chromium embeds subsets). Its dates are
the edition date, so the same site gives the same bytes (with the same
Chromium).

Why our own assembly and not mkdocs-print-site-plugin: the plugin adds a
print page to every build (searched, linked, checked by axe and lychee) and
one more pinned dependency; here `make build` stays as it was, and the
rewriting of ids and links is some sixty lines we test.
"""
from __future__ import annotations

import argparse
import contextlib
import html
import io
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from kinderwerk.citation import Edition, edition_from
from kinderwerk.dutch import format_seconds, format_size
from kinderwerk.pdf_budget import heaviest, over_budget
from kinderwerk.pdf_ua import make_accessible

ROOT = Path(__file__).resolve().parents[2]
PDF_NAME = "kennisbank-kinderwerk.pdf"
BOOK_CSS = Path(__file__).resolve().parent / "build_pdf.css"
EXAMPLES = "praktijkvoorbeelden/"
# Pages of the site that are about the site itself, not about kinderwerk.
LEFT_OUT = {"index.md", "bijdragen.md", "toegankelijkheid.md"}
MAX_BYTES = 5_000_000


@dataclass
class Part:
    path: str        # folder below the site root, e.g. "hoofdstukken/corona/"
    anchor: str      # id of the part in the book
    title: str = ""
    body: str = ""   # HTML of the article, rewritten
    level: int = 1   # heading level of the part's title in the book
    headings: list[str] = field(default_factory=list)  # text of every heading in it


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags (Material's extensions): ignore them."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _nav_files(nav) -> list[str]:
    """Every Markdown file in the nav, in order."""
    found = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += _nav_files(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def _folder(src: str) -> str:
    """'hoofdstukken/corona.md' -> 'hoofdstukken/corona/' (use_directory_urls)."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def _anchor(path: str) -> str:
    return "deel-" + (path.strip("/").replace("/", "-") or "home")


def example_paths(site: Path) -> list[str]:
    """The practice examples: every page directly below praktijkvoorbeelden/
    (the tag pages sit one level deeper, in thema/ and partner/)."""
    folder = site / EXAMPLES
    return sorted(f"{EXAMPLES}{p.parent.name}/" for p in folder.glob("*/index.html"))


def reading_order(config: dict, site: Path) -> list[Part]:
    parts = []
    for src in _nav_files(config.get("nav")):
        if src in LEFT_OUT:
            continue
        if src == EXAMPLES + "index.md":
            parts.append(Part(EXAMPLES, _anchor(EXAMPLES)))
            parts += [Part(p, _anchor(p), level=2) for p in example_paths(site)]
            continue
        parts.append(Part(_folder(src), _anchor(_folder(src))))
    return parts


# Runs in the browser on a parsed copy of one page (scripts never run there).
EXTRACT_JS = r"""
([source, pageUrl, localUrl, siteUrl, book, prefix, shift]) => {
  const doc = new DOMParser().parseFromString(source, 'text/html');
  const article = doc.querySelector('article.md-content__inner');
  if (!article) return null;
  article.querySelectorAll('.md-content__button, a.headerlink, script, form, noscript, '
    + '.kw-cite-copy, .kw-cite-status, .tabbed-labels, input[type=radio], .kw-filters')
    .forEach((el) => el.remove());
  const h1 = article.querySelector('h1');
  const title = h1 ? h1.textContent.trim() : '';
  // Ids: unique per page in the book; every reference to them follows.
  const local = (id) => `${prefix}--${id}`;
  article.querySelectorAll('[id]').forEach((el) => { el.id = local(el.id); });
  for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for', 'headers']) {
    article.querySelectorAll(`[${attr}]`).forEach((el) => {
      el.setAttribute(attr, el.getAttribute(attr).trim().split(/\s+/).map(local).join(' '));
    });
  }
  article.querySelectorAll('svg *').forEach((el) => {
    for (const a of [...el.attributes]) {
      if (a.value.includes('url(#')) el.setAttribute(a.name, a.value.replace(/url\(#([^)]+)\)/g, (m, id) => `url(#${local(id)})`));
      else if ((a.name === 'href' || a.name === 'xlink:href') && a.value.startsWith('#')) el.setAttribute(a.name, '#' + local(a.value.slice(1)));
    }
  });
  // Links: inside the book where the target is in it, else the published address.
  const site = new URL(siteUrl);
  article.querySelectorAll('a[href]').forEach((a) => {
    const raw = a.getAttribute('href');
    let url;
    try { url = new URL(raw, pageUrl); } catch (e) { return; }
    a.removeAttribute('download');
    if (url.origin === site.origin && url.pathname.startsWith(site.pathname)) {
      let path = url.pathname.slice(site.pathname.length);
      if (path.endsWith('index.html')) path = path.slice(0, -10);
      const target = book[path];
      if (target !== undefined) {
        const hash = decodeURIComponent(url.hash.slice(1));
        a.setAttribute('href', '#' + (hash ? `${target}--${hash}` : target));
        return;
      }
    }
    a.setAttribute('href', url.href);
    // A page of the site that is not in the book (a tag page, a download):
    // a link in the PDF, but its address is not written out.
    if (url.origin === site.origin && url.pathname.startsWith(site.pathname)) a.classList.add('kw-site');
  });
  // A photo prints its JPEG (kinderwerk.images: at most 1600 px): Chromium
  // embeds a JPEG as it is, a WebP from srcset as raw pixels. Never lazy.
  article.querySelectorAll('picture > source').forEach((s) => s.remove());
  article.querySelectorAll('img[src]').forEach((img) => {
    img.removeAttribute('loading');
    img.setAttribute('src', new URL(img.getAttribute('src'), localUrl).href);
  });
  // A part one level down (an example under Praktijkvoorbeelden): headings too.
  if (shift) {
    article.querySelectorAll('h1, h2, h3, h4, h5').forEach((h) => {
      const level = Math.min(6, Number(h.tagName[1]) + shift);
      const next = doc.createElement('h' + level);
      for (const a of h.attributes) next.setAttribute(a.name, a.value);
      next.append(...h.childNodes);
      h.replaceWith(next);
    });
  }
  const headings = [...article.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .map((h) => h.textContent.replace(/\s+/g, ' ').trim());
  return {title, body: article.innerHTML, headings};
}
"""


def extract(page, site: Path, part: Part, edition: Edition, local_url: str, book: dict) -> None:
    source = (site / part.path / "index.html").read_text(encoding="utf-8")
    result = page.evaluate(EXTRACT_JS, [source, edition.site_url + part.path, local_url + part.path,
                                        edition.site_url, book, part.anchor, part.level - 1])
    if result is None:
        raise SystemExit(f"{part.path}: geen <article> gevonden in de gebouwde pagina")
    part.title, part.body, part.headings = result["title"], result["body"], result["headings"]


def examples_intro(parts: list[Part], edition: Edition) -> str:
    count = sum(1 for p in parts if p.level == 2)
    url = html.escape(edition.site_url + EXAMPLES)
    return (f'<h1 id="{_anchor(EXAMPLES)}--titel">Praktijkvoorbeelden</h1>'
            f"<p>Hierna volgen {count} voorbeelden van kinderwerk uit de praktijk, op "
            f"alfabetische volgorde. Op de website kun je ze zoeken en filteren op thema, "
            f'partner en provincie: <a class="kw-url" href="{url}">{url}</a>.</p>')


def compose(parts: list[Part], edition: Edition, config: dict, assets: dict[str, str],
            local_url: str, numbers: dict[str, int] | None) -> str:
    """The whole book as one HTML document. ``numbers``: part anchor -> page."""
    name = html.escape(config["site_name"])
    toc = []
    for part in parts:
        number = str(numbers.get(part.anchor, "")) if numbers else "000"
        toc.append(f'<li class="kw-toc-level{part.level}"><a href="#{part.anchor}">'
                   f'<span class="kw-toc-title">{html.escape(part.title)}</span>'
                   f'<span class="kw-toc-page">{number}</span></a></li>')
    sections = []
    for part in parts:
        body = examples_intro(parts, edition) if part.path == EXAMPLES else part.body
        sections.append(f'<section id="{part.anchor}" class="kw-book-part kw-book-level{part.level}">'
                        f"{body}</section>")
    site = html.escape(edition.site_url)
    css = BOOK_CSS.read_text(encoding="utf-8").replace("__EDITIE__", edition.date_nl)
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<base href="{html.escape(local_url)}">
<title>{name}, editie {html.escape(edition.date_nl)}</title>
<link rel="stylesheet" href="assets/stylesheets/{assets['main']}">
<link rel="stylesheet" href="assets/stylesheets/{assets['palette']}">
<link rel="stylesheet" href="stylesheets/extra.css">
<link rel="stylesheet" href="stylesheets/toegankelijkheid.css">
<link rel="stylesheet" href="stylesheets/praktijkvoorbeelden.css">
<link rel="stylesheet" href="stylesheets/print.css">
<style>{css}</style>
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
<main class="md-typeset kw-book">
<section class="kw-cover" aria-label="Omslag">
<p class="kw-cover-kicker">Kinderwerk anno 2021, in eigen woorden</p>
<h1 id="omslag">{name}</h1>
<p class="kw-cover-sub">Wat kinderwerkers in Nederland doen, met wie en waarom: de bevindingen
van het onderzoek <em>Kinderwerk anno 2021</em> van Sociaal Werk Nederland, met cijfers,
grafieken en praktijkvoorbeelden.</p>
<p class="kw-cover-edition">Editie van {html.escape(edition.date_nl)}</p>
<p class="kw-cover-url">De actuele versie staat op <a class="kw-url" href="{site}">{site}</a>.</p>
<p class="kw-cover-licence">Tekst en data: CC BY 4.0. Gebaseerd op <em>Kinderwerk anno 2021</em>
(Sociaal Werk Nederland, februari 2021); geen uitgave van Sociaal Werk Nederland.</p>
</section>
<nav class="kw-toc" aria-labelledby="inhoud">
<h1 id="inhoud">Inhoud</h1>
<ol>{''.join(toc)}</ol>
</nav>
{''.join(sections)}
</main>
</body>
</html>
"""


def find_assets(site: Path) -> dict[str, str]:
    """Material's hashed stylesheet names, as in the built site."""
    assets = {}
    for kind in ("main", "palette"):
        found = sorted((site / "assets" / "stylesheets").glob(f"{kind}.*.min.css"))
        if not found:
            raise SystemExit(f"{site}: assets/stylesheets/{kind}.*.min.css ontbreekt; is de site gebouwd?")
        assets[kind] = found[0].name
    return assets


# Chromium prints an SVG pattern fill (the hatching of approximate bars) as a
# raster image. Draw each hatched bar as vectors instead: the pattern's tiles,
# clipped to the bar. Runs in the composed book, where the SVGs have a layout.
UNPATTERN_JS = r"""
() => {
  const NS = 'http://www.w3.org/2000/svg';
  let count = 0;
  for (const path of [...document.querySelectorAll('svg.kw-svg [style*="url(#"]')]) {
    const match = (path.getAttribute('style') || '').match(/fill:\s*url\(#([^)]+)\)/);
    const pattern = match && path.ownerSVGElement.querySelector(`pattern[id="${match[1]}"]`);
    if (!pattern || pattern.getAttribute('patternUnits') !== 'userSpaceOnUse') continue;
    const w = Number(pattern.getAttribute('width')), h = Number(pattern.getAttribute('height'));
    const x0 = Number(pattern.getAttribute('x') || 0), y0 = Number(pattern.getAttribute('y') || 0);
    const box = path.getBBox();
    const clip = document.createElementNS(NS, 'clipPath');
    clip.id = `kw-arcering-${count++}`;
    const shape = path.cloneNode();
    shape.removeAttribute('style');
    shape.removeAttribute('clip-path');
    clip.append(shape);
    pattern.parentNode.append(clip);
    const hatched = document.createElementNS(NS, 'g');
    hatched.setAttribute('clip-path', `url(#${clip.id})`);
    for (let x = x0 + Math.floor((box.x - x0) / w) * w; x < box.x + box.width; x += w) {
      for (let y = y0 + Math.floor((box.y - y0) / h) * h; y < box.y + box.height; y += h) {
        const tile = document.createElementNS(NS, 'g');
        tile.setAttribute('transform', `translate(${x} ${y})`);
        for (const child of pattern.children) tile.append(child.cloneNode(true));
        hatched.append(tile);
      }
    }
    const outer = document.createElementNS(NS, 'g');  // keeps the axes' own clip
    if (path.getAttribute('clip-path')) outer.setAttribute('clip-path', path.getAttribute('clip-path'));
    outer.append(hatched);
    path.replaceWith(outer);
  }
  return count;
}
"""


def print_pdf(page, book_html: str) -> bytes:
    page.set_content(book_html, wait_until="load")
    page.evaluate("document.fonts.ready")
    page.evaluate(UNPATTERN_JS)
    return page.pdf(format="A4", print_background=True, prefer_css_page_size=True,
                    tagged=True, outline=True, display_header_footer=False)


def part_pages(pdf: bytes, anchors: list[str]) -> dict[str, int]:
    """Part anchor -> page number (1-based), from the PDF's named destinations
    (Chromium writes one for every element a link points to)."""
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(pdf))
    # Chromium names them as PDF names: "/deel-voorwoord".
    destinations = {name.lstrip("/"): dest for name, dest in reader.named_destinations.items()}
    numbers = {}
    for anchor in anchors:
        if anchor not in destinations:
            raise SystemExit(f"PDF: geen bestemming voor {anchor} (inhoudsopgave)")
        number = reader.get_destination_page_number(destinations[anchor])
        if number is None:
            raise SystemExit(f"PDF: de bestemming {anchor} wijst naar geen pagina (inhoudsopgave)")
        numbers[anchor] = number + 1
    return numbers


def _fix_outline(writer, headings: list[str]) -> None:
    """Chromium builds the outline from the laid-out lines of each heading and
    joins them without a space ("werkt ermee" -> "werktermee"). Put back the
    heading's own text: the one that is equal apart from spaces."""
    from pypdf.generic import NameObject, TextStringObject
    by_letters = {h.replace(" ", ""): h for h in headings}
    outlines = writer._root_object.get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines else []
    while stack:
        item = stack.pop()
        if item is None:
            continue
        item = item.get_object()
        title = str(item.get("/Title", ""))
        fixed = by_letters.get(" ".join(title.split()).replace(" ", ""))
        if fixed and fixed != title:
            item[NameObject("/Title")] = TextStringObject(fixed)
        stack += [item.get("/Next"), item.get("/First")]


def finish(pdf: bytes, edition: Edition, config: dict, headings: list[str]) -> bytes:
    """Document language (set here in case Chromium leaves it out), outline
    titles and metadata. The dates are the edition's, so the same sources
    give the same file."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    _fix_outline(writer, headings)
    writer._root_object[NameObject("/Lang")] = TextStringObject("nl")
    out = io.BytesIO()
    writer.write(out)
    # PDF/UA: XMP, artifacts, link texts, one figure per chart (kinderwerk/pdf_ua.py).
    return make_accessible(out.getvalue(), title=f"{config['site_name']}, editie {edition.date_nl}",
                           author=config.get("site_author") or config["site_name"],
                           subject="Kinderwerk anno 2021 in eigen woorden, met cijfers en praktijkvoorbeelden",
                           date=edition.date)


@contextlib.contextmanager
def _chromium(browser=None):
    """The given browser, or Debian Chromium started (and closed) here."""
    if browser is not None:
        yield browser
        return
    from kinderwerk.browser import launch
    with launch() as own:
        yield own


def build(site: Path, out: Path, config_path: Path, browser=None) -> Path:
    """Print the edition of the built ``site`` to ``out``. ``browser``: a
    running Playwright Chromium to use (the test session's); else one is
    started here."""
    from kinderwerk.browser import serve

    config = read_config(config_path)
    edition = edition_from(config)
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} bevat geen gebouwde site: draai eerst `make build`")
    assets = find_assets(site)
    parts = reading_order(config, site)
    book = {part.path: part.anchor for part in parts}
    with serve(site, urlsplit(edition.site_url).path) as local_url, _chromium(browser) as browser:
        page = None
        try:
            # A blank page without the site's Content-Security-Policy (the book
            # has its own <style>); <base> points its stylesheets at the site.
            page = browser.new_page()
            for part in parts:
                if part.path != EXAMPLES:
                    extract(page, site, part, edition, local_url, book)
                else:
                    part.title = "Praktijkvoorbeelden"
            page.emulate_media(media="print")
            first = print_pdf(page, compose(parts, edition, config, assets, local_url, None))
            numbers = part_pages(first, [p.anchor for p in parts])
            pdf = print_pdf(page, compose(parts, edition, config, assets, local_url, numbers))
            if part_pages(pdf, [p.anchor for p in parts]) != numbers:
                raise SystemExit("PDF: de paginanummers veranderden bij de tweede keer afdrukken")
        finally:
            if page is not None:
                page.close()
    headings = [config["site_name"], "Inhoud", "Praktijkvoorbeelden"]
    headings += [h for part in parts for h in part.headings]
    pdf = finish(pdf, edition, config, headings)
    if len(pdf) > MAX_BYTES:
        raise SystemExit(over_budget(len(pdf), MAX_BYTES, heaviest({p.path: p.body for p in parts}, site,
                                                                   local_url)))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(pdf)
    tmp.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, help=f"standaard: <site>/downloads/{PDF_NAME}")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    out = args.out or args.site_dir / "downloads" / PDF_NAME
    start = time.monotonic()
    build(args.site_dir.resolve(), out, args.config_file)
    print(f"PDF geschreven: {out} ({format_size(out.stat().st_size)}, "
          f"{format_seconds(time.monotonic() - start, 0)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
