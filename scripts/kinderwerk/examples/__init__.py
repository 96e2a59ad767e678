"""Practice examples (praktijkvoorbeelden): schema, safety checks, and the
generated overview, tag pages and cross-links. Plain Python, no MkDocs import.

An example is a Markdown file in ``docs/praktijkvoorbeelden/`` with front
matter in Dutch field names (``schema.FIELDS``) and a body with fixed sections
(``SECTIONS``). Examples come from pull requests by non-programmers, so every
field is checked and raw text with template code or scripts stops the build.
Every check reports all problems at once (``Problem``: file, editor line,
field, Dutch message); ``checks.check_folder`` is what the build and
`make check` both run.

Modules: ``base`` (paths, names, Problem, ExampleError), ``text`` (slugs,
Dutch lists and dates), ``vocabulary`` (controlled lists), ``frontmatter``
(the data block and YAML, in Dutch), ``placeholders`` (the template's own
values), ``schema`` (the Example and its checks), ``source`` (the raw file,
safety, body, links), ``checks`` (the whole folder), ``collection`` (all
examples, related ones, facets), ``markup`` (generated Markdown and HTML),
``build_state`` (shared between the hooks and the macros). This module
re-exports the names the hooks, macros and tests use.
"""
from .base import (
                   ALLOWED_SUFFIXES,
                   CHAPTER_BLOCK_CLASS,
                   CHAPTER_FOLDER,
                   FOLDER,
                   IMAGE_SUFFIXES,
                   MARKER,
                   OVERVIEW,
                   SEARCH_BOOST,
                   SECTIONS,
                   TEMPLATE,
                   ExampleError,
                   Problem,
)
from .build_state import state
from .checks import FolderResult, check_file, check_folder, in_folder, is_example
from .collection import Collection
from .frontmatter import normalise_newlines, page_meta
from .markup import (
                   all_tag_pages,
                   browse_md,
                   chapter_block_md,
                   example_footer_md,
                   example_header_md,
                   find_chart_pages,
                   overview_md,
                   tag_page_md,
                   tag_src,
)
from .placeholders import Placeholders, from_template
from .schema import Example
from .source import (
                   check_example,
                   check_forbidden,
                   find_forbidden,
                   parse_example,
                   split_front_matter,
                   suggested_name,
                   with_render_off,
)
from .vocabulary import Vocabulary, chapter_title, load_vocabulary

__all__ = [
                   "ALLOWED_SUFFIXES",
                   "CHAPTER_BLOCK_CLASS",
                   "CHAPTER_FOLDER",
                   "FOLDER",
                   "IMAGE_SUFFIXES",
                   "MARKER",
                   "OVERVIEW",
                   "SEARCH_BOOST",
                   "SECTIONS",
                   "TEMPLATE",
                   "Collection",
                   "Example",
                   "ExampleError",
                   "FolderResult",
                   "Placeholders",
                   "Problem",
                   "Vocabulary",
                   "all_tag_pages",
                   "browse_md",
                   "chapter_block_md",
                   "chapter_title",
                   "check_example",
                   "check_file",
                   "check_folder",
                   "check_forbidden",
                   "example_footer_md",
                   "example_header_md",
                   "find_chart_pages",
                   "find_forbidden",
                   "from_template",
                   "in_folder",
                   "is_example",
                   "load_vocabulary",
                   "normalise_newlines",
                   "overview_md",
                   "page_meta",
                   "parse_example",
                   "split_front_matter",
                   "state",
                   "suggested_name",
                   "tag_page_md",
                   "tag_src",
                   "with_render_off",
]
