"""Every check on the examples folder at once: file names and kinds, each
example, the template, the overview and duplicate titles. The MkDocs hook
(scripts/adapters/hooks_examples.py) and `make check` (scripts/tools/check.py) both call
``check_folder``, so they never disagree."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import photos
from .base import ALLOWED_SUFFIXES, FOLDER, OVERVIEW, TEMPLATE, Problem
from .collection import duplicate_titles
from .frontmatter import split_front_matter
from .markup import tag_src
from .placeholders import Placeholders, from_template
from .schema import Example
from .source import check_example, find_forbidden, suggested_name
from .vocabulary import Vocabulary

NAME_RULE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.md")
SPECIAL = (OVERVIEW, TEMPLATE)


@dataclass
class FolderResult:
    examples: list[Example] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)   # worth fixing, not blocking


def in_folder(src_uri: str) -> bool:
    return src_uri.startswith(FOLDER + "/")


def is_example(src_uri: str) -> bool:
    """A practice-example page (not the overview or the template)."""
    return in_folder(src_uri) and src_uri.lower().endswith(".md") and src_uri not in SPECIAL


def check_file(src_uri: str) -> list[Problem]:
    """The kind and name of one file in the examples folder."""
    where = f"docs/{src_uri}"
    name = posixpath.basename(src_uri)
    suffix = posixpath.splitext(name)[1].lower()
    if suffix not in ALLOWED_SUFFIXES:
        return [Problem(where, None, None,
                        f"dit soort bestand mag niet in docs/{FOLDER}/. Toegestaan: "
                        f"{', '.join(ALLOWED_SUFFIXES)} (hoofdletters mogen ook, zoals .JPG).")]
    if suffix == ".md" and src_uri.count("/") > 1:
        return [Problem(where, None, None,
                        f"zet een praktijkvoorbeeld direct in docs/{FOLDER}/, niet in een submap.")]
    if suffix == ".md" and src_uri not in SPECIAL and not NAME_RULE.fullmatch(name):
        return [Problem(where, None, None,
                        f"de bestandsnaam '{name}' volgt de regel niet: kleine letters, cijfers en streepjes, "
                        f"geen spaties, en .md aan het eind. Noem het bestand {suggested_name(name)}.")]
    if suffix != ".md" and re.search(r"\s", name):
        return [Problem(where, None, None,
                        f"de naam van de foto heeft spaties; een link naar de foto werkt dan niet. Noem het "
                        f"bestand {suggested_name(name)}.")]
    return []


def check_folder(sources: Mapping[str, str], files: set[str], vocab: Vocabulary,
                 today: dt.date | None = None, photo_files: Mapping[str, Path] | None = None) -> FolderResult:
    """``sources``: src_uri -> text of every Markdown file in the examples
    folder (the template included); ``files``: src_uri of every file in docs/
    that is part of the site (for file and link checks); ``photo_files``:
    src_uri -> path of every photo in the folder (format, limits, and whether
    an example shows it; see photos.py)."""
    result = FolderResult()
    known = set(files) | {tag_src(kind, key) for kind, values in (("thema", vocab.themas),
                                                                  ("partner", vocab.partners))
                          for key in values}
    for src_uri in sorted(f for f in files | set(sources) if in_folder(f)):
        result.problems += check_file(src_uri)
    template = sources.get(TEMPLATE)
    placeholders = from_template(template) if template is not None else Placeholders()
    for src_uri in sorted(sources):
        text = sources[src_uri]
        if src_uri == OVERVIEW:
            result.problems += find_forbidden(text, f"docs/{src_uri}")
        elif src_uri == TEMPLATE:
            _, problems = check_example(text, src_uri, vocab, where=f"docs/{TEMPLATE} (het sjabloon)",
                                        today=today, known_files=known)
            result.problems += problems
        elif is_example(src_uri) and src_uri.count("/") == 1:
            example, problems = check_example(text, src_uri, vocab, today=today, known_files=known,
                                              placeholders=placeholders)
            result.problems += problems
            if example is not None:
                result.examples.append(example)
    result.problems += duplicate_titles(result.examples)
    if photo_files is not None:
        _check_photo_files(sources, photo_files, result)
    return result


def _check_photo_files(sources: Mapping[str, str], photo_files: Mapping[str, Path], result: FolderResult) -> None:
    """Every photo file, and whether any example shows it (valid or not: a
    page with another mistake still counts, so its photos get no second message)."""
    shown: set[str] = set()
    for src_uri, text in sources.items():
        if is_example(src_uri):
            _, body, first_line = split_front_matter(text)
            shown.update(r.src for r in photos.photo_refs(body, src_uri, first_line) if r.src)
    report = photos.file_problems(photo_files, shown)
    result.problems += report.problems
    result.notices += report.notices
