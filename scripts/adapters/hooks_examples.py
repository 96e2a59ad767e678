"""MkDocs hooks for the practice examples (praktijkvoorbeelden).

Small functions, one per MkDocs event; the work is done by
``kinderwerk.examples`` (plain Python, tested on its own).

* on_files: check every example (forbidden constructs, front matter, body
  sections) before any page is read, so a bad example stops the build before
  anything is written; add a tag page per thema and per partner.
* on_nav: examples are not listed one by one in the sidebar (that would not
  scale to hundreds); they hang under the Praktijkvoorbeelden section.
* on_page_read_source: switch mkdocs-macros off for pages in the examples
  folder, so contributed text is never run as a template.
* on_page_markdown (after mkdocs-macros): title and facts above an example,
  links to chapters, figures and related examples below it; the cards and
  filters on the overview; the examples at the end of each chapter.
"""
from __future__ import annotations

import logging
import posixpath
import unicodedata
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from kinderwerk import examples as ex
from kinderwerk import registry
from kinderwerk.examples import ExampleError, newfile
from kinderwerk.examples.markup import md_text
from kinderwerk.examples.messages import translate
from kinderwerk.examples.photos import is_photo
from kinderwerk.textfile import SAVE_AS

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
log = logging.getLogger("mkdocs.hooks.praktijkvoorbeelden")


class DutchLinkMessages(logging.Filter):
    """Rewrite MkDocs' link warnings about example pages into Dutch."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            dutch = translate(record.getMessage())
        except Exception:  # noqa: BLE001 -- never lose the original message
            return True
        if dutch:
            record.msg, record.args = dutch, ()
        return True


def _install_filter() -> None:
    pages_log = logging.getLogger("mkdocs.structure.pages")
    if not any(isinstance(f, DutchLinkMessages) for f in pages_log.filters):
        pages_log.addFilter(DutchLinkMessages())


_install_filter()


def _in_folder(file: File) -> bool:
    return file.src_uri.startswith(ex.FOLDER + "/") and file.generated_by is None


def _is_example(file: File) -> bool:
    return (_in_folder(file) and file.src_uri.endswith(".md") and file.src_uri != ex.OVERVIEW
            and not file.inclusion.is_excluded())


_checked: dict[str, str] = {}  # src_uri -> the text on_files validated


def _figure(dataset_id: str, option_id: str) -> str:
    """A survey figure for generated Markdown ('ruim 90%'), as plain text."""
    return md_text(registry.dataset(dataset_id).text(option_id))


def report(problems: list) -> str:
    """All problems, one per line, in Dutch (the same lines as `make check`)."""
    n = len(problems)
    head = (f"Fout in een praktijkvoorbeeld ({n} {'probleem' if n == 1 else 'problemen'}). "
            f"Verbeter ze allemaal; `make check` toont dezelfde lijst zonder de site te bouwen:")
    return head + "\n" + "\n".join(f"  - {p}" for p in problems)


def on_files(files, config):
    """Validate every example (all problems at once), then add the tag pages."""
    pages = list(files.documentation_pages())
    chapters = {posixpath.splitext(posixpath.basename(f.src_uri))[0]:
                ex.chapter_title(f.content_string, f.src_uri)
                for f in pages if posixpath.dirname(f.src_uri) == ex.CHAPTER_FOLDER}
    try:
        vocab = ex.load_vocabulary(DATA, chapters)
    except ExampleError as exc:
        raise PluginError(f"Fout in een woordenlijst: {exc}") from None
    site_files = {f.src_uri for f in files if not f.inclusion.is_excluded()}
    sources, unreadable = {}, []
    for f in files:
        if (_in_folder(f) and f.src_uri.lower().endswith(".md")
                and (not f.inclusion.is_excluded() or f.src_uri == ex.TEMPLATE)):
            try:
                sources[f.src_uri] = f.content_string
            except UnicodeDecodeError:
                unreadable.append(ex.Problem(f"docs/{f.src_uri}", None, None,
                                             f"dit bestand is niet opgeslagen als UTF-8. {SAVE_AS}"))
    photo_files = {f.src_uri: Path(f.abs_src_path) for f in files
                   if _in_folder(f) and is_photo(f.src_uri) and f.abs_src_path}
    result = ex.check_folder(sources, site_files, vocab, photo_files=photo_files)
    sources_in_folder = sources
    if unreadable or result.problems:
        raise PluginError(report(unreadable + result.problems))
    for notice in result.notices:  # not a warning: --strict would stop on it
        log.info(f"LET OP: {notice}")
    _checked.clear()
    for file in pages:
        if _is_example(file):
            file.inclusion = InclusionLevel.NOT_IN_NAV
            _checked[file.src_uri] = file.content_string
    collection = ex.Collection(result.examples, vocab)

    sources = {f.src_uri: f.content_string for f in pages if not _in_folder(f)}
    ex.state.collection = collection
    ex.state.figure = _figure
    ex.state.chart_src = ex.find_chart_pages(sources)
    ex.state.template = ex.normalise_newlines(sources_in_folder.get(ex.TEMPLATE, ""))

    tags = {}
    for kind, key in ex.all_tag_pages(collection):
        file = File.generated(config, ex.tag_src(kind, key), content="",
                              inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        tags[(kind, key)] = file

    def href(from_src: str, to_src: str) -> str:
        return get_relative_url(files.get_file_from_path(to_src).url,
                                files.get_file_from_path(from_src).url)

    for (kind, key), file in tags.items():
        file.content_string = ex.tag_page_md(kind, key, collection, _figure, ex.state.chart_src, href)
    log.info(f"praktijkvoorbeelden: {len(collection.examples)} voorbeelden, {len(tags)} tagpagina's")
    return files


def on_nav(nav, config, files):
    """Examples sit in the Praktijkvoorbeelden section without a sidebar entry each."""
    overview = files.get_file_from_path(ex.OVERVIEW)
    section = overview.page.parent if overview is not None and overview.page else None
    for file in files.documentation_pages():
        if file.page is not None and (_is_example(file) or (file.generated_by is not None
                                      and file.src_uri.startswith(ex.FOLDER + "/"))):
            file.page.parent = section
    return nav


def on_page_read_source(page, config):
    """Pages in the examples folder are never rendered as templates."""
    file = page.file
    if not _in_folder(file) or not file.src_uri.endswith(".md"):
        return None
    text = file.content_string
    if _checked.get(file.src_uri) != text:  # changed since on_files (or the overview)
        try:
            ex.check_forbidden(text, f"docs/{file.src_uri}")
        except ExampleError as exc:
            raise PluginError(f"Fout in een praktijkvoorbeeld: {exc}") from None
    return ex.with_render_off(unicodedata.normalize("NFC", text))  # one form per letter (issue 17)


def on_page_markdown(markdown, page, config, files):
    """Add the generated parts (this runs after mkdocs-macros)."""
    state, src = ex.state, page.file.src_uri
    if newfile.MARKER in markdown and state.template and config.repo_url:
        markdown = markdown.replace(newfile.MARKER, newfile.button_md(config.repo_url, state.template))
    collection = state.collection
    if collection is None:
        return markdown
    if src in collection.by_src:
        example = collection.by_src[src]
        page.meta.setdefault("description", example.samenvatting)
        # A reader searching an example's own words (KookLab, huttendorp) should
        # land on the example before the chapter that retells it.
        page.meta["search"] = {"boost": ex.SEARCH_BOOST}
        return (ex.example_header_md(example, collection) + markdown.lstrip("\n")
                + ex.example_footer_md(example, collection, state.figure, state.chart_src))
    if src == ex.OVERVIEW:
        def href(from_src: str, to_src: str) -> str:
            return get_relative_url(files.get_file_from_path(to_src).url, page.file.url)
        block = (ex.overview_md(collection, href) + "\n## Bladeren per thema of partner\n\n"
                 + ex.browse_md(collection))
        if ex.MARKER in markdown:
            return markdown.replace(ex.MARKER, block, 1)
        return markdown.rstrip("\n") + "\n\n" + block
    if posixpath.dirname(src) == ex.CHAPTER_FOLDER and ex.CHAPTER_BLOCK_CLASS not in markdown:
        slug = posixpath.splitext(posixpath.basename(src))[0]
        block = ex.chapter_block_md(slug, src, collection, state.figure, state.chart_src)
        if block:
            return markdown.rstrip("\n") + "\n\n" + block
    return markdown
