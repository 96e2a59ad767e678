"""The preview of a pull request's practice examples: what the untrusted
build (scripts/tools/preview_examples.py, workflow voorbeeld.yml) hands to the
trusted one (scripts/tools/preview_comment.py, workflow voorbeeld-publiceren.yml).

Both sides use this module, so they agree on:

* the names of the screenshots (``SHOT``: ``praktijkvoorbeelden_<slug>-<size>-<scheme>.png``,
  as scripts/tools/screenshots.py names a page), and nothing else is taken over;
* the report ``voorbeeld.json``: per changed example whether it passed the
  check, and its problems (file, line, field, Dutch message);
* the page shown in place of an example that failed the check: made by us,
  every string escaped, nothing of the contributor's markup rendered.

The trusted side reads the report with ``load_report``, which bounds and
type-checks everything: the artifact was made by code from the pull request.
Plain Python, no MkDocs import.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from .examples.base import FOLDER, Problem

REPORT_NAME = "voorbeeld.json"
SIZES = ("telefoon", "desktop")           # scripts/tools/screenshots.py SIZES
SCHEMES = ("licht", "donker")             # scripts/tools/screenshots.py SCHEMES
SLUG = re.compile(r"[a-z0-9]{1,60}(?:-[a-z0-9]{1,60}){0,15}")
SHOT = re.compile(r"praktijkvoorbeelden_(?P<slug>[a-z0-9]{1,60}(?:-[a-z0-9]{1,60}){0,15})"
                  r"-(?P<size>telefoon|desktop)-(?P<scheme>licht|donker)\.png")
MAX_SLUG = 120
MAX_PAGES = 20            # changed examples in one preview
MAX_PROBLEMS = 50         # per example, and for the other files together
MAX_MESSAGE = 600         # characters of one message
MAX_FILE = 200            # characters of a file name
MAX_REPORT_BYTES = 512_000


class PreviewDataError(ValueError):
    """The report is not what our own build writes (so it is not used)."""


def slug_for(src_uri: str) -> str:
    """The page folder of an example (``praktijkvoorbeelden/x.md`` -> ``x``); a
    name that breaks the naming rule gets a stable made-up one, so a screenshot
    never carries a contributor's file name."""
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    if len(stem) <= MAX_SLUG and SLUG.fullmatch(stem):
        return stem
    return "bestand-" + hashlib.sha256(src_uri.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def page_path(slug: str) -> str:
    return f"{FOLDER}/{slug}/"


def shot_name(slug: str, size: str, scheme: str) -> str:
    return f"{FOLDER}_{slug}-{size}-{scheme}.png"


@dataclass
class PageReport:
    """One changed example: ``file`` as in the repository, ``ok`` when it
    passed the check (then its own page was shot)."""

    slug: str
    file: str
    ok: bool
    problems: list[Problem] = field(default_factory=list)


@dataclass
class PreviewReport:
    check_failed: bool
    site_built: bool
    pages: list[PageReport] = field(default_factory=list)
    other: list[Problem] = field(default_factory=list)   # problems outside the changed examples


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + " ..."


def _problem_dict(p: Problem) -> dict[str, Any]:
    """As the trusted side reads it back (so our own report is never refused as too big)."""
    return {"file": _cut(p.file, MAX_FILE), "line": p.line, "field": p.field and _cut(p.field, 60),
            "message": _cut(p.message, MAX_MESSAGE)}


def dump_report(report: PreviewReport) -> str:
    data = {"versie": 1, "check_failed": report.check_failed, "site_built": report.site_built,
            "pages": [{"slug": p.slug, "file": p.file, "ok": p.ok,
                       "problems": [_problem_dict(x) for x in p.problems[:MAX_PROBLEMS]]}
                      for p in report.pages[:MAX_PAGES]],
            "other": [_problem_dict(x) for x in report.other[:MAX_PROBLEMS]]}
    return json.dumps(data, ensure_ascii=False, indent=1)


def _text(value: Any, limit: int, what: str) -> str:
    if not isinstance(value, str):
        raise PreviewDataError(f"{what} is geen tekst")
    return _cut(value, limit)


def _problem(value: Any) -> Problem:
    if not isinstance(value, dict):
        raise PreviewDataError("een melding is geen object")
    line = value.get("line")
    if line is not None and (type(line) is not int or not 0 < line < 10_000_000):
        raise PreviewDataError("een regelnummer is geen getal")
    field_name = value.get("field")
    return Problem(_text(value.get("file"), MAX_FILE, "bestand"), line,
                   None if field_name is None else _text(field_name, 60, "veld"),
                   _text(value.get("message"), MAX_MESSAGE, "melding"))


def _problems(value: Any) -> list[Problem]:
    if not isinstance(value, list):
        raise PreviewDataError("de meldingen zijn geen lijst")
    return [_problem(v) for v in value[:MAX_PROBLEMS]]


def load_report(raw: bytes) -> PreviewReport:
    """The report from the artifact, bounded and type-checked; raises
    PreviewDataError for anything our own build would not write."""
    if len(raw) > MAX_REPORT_BYTES:
        raise PreviewDataError("het rapport is te groot")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PreviewDataError("het rapport is geen JSON") from exc
    if not isinstance(data, dict) or data.get("versie") != 1:
        raise PreviewDataError("onbekende versie van het rapport")
    if type(data.get("check_failed")) is not bool or type(data.get("site_built")) is not bool:
        raise PreviewDataError("check_failed of site_built is geen ja/nee")
    pages, seen = [], set()
    raw_pages = data.get("pages")
    if not isinstance(raw_pages, list):
        raise PreviewDataError("pages is geen lijst")
    for item in raw_pages[:MAX_PAGES]:
        if not isinstance(item, dict) or type(item.get("ok")) is not bool:
            raise PreviewDataError("een pagina is geen object met ok")
        slug = item.get("slug")
        if not isinstance(slug, str) or len(slug) > MAX_SLUG or not SLUG.fullmatch(slug) or slug in seen:
            raise PreviewDataError("een pagina heeft een onverwachte naam")
        seen.add(slug)
        file = _text(item.get("file"), MAX_FILE, "bestand")
        if not file.startswith(f"docs/{FOLDER}/"):
            raise PreviewDataError("een pagina staat niet in de map met praktijkvoorbeelden")
        pages.append(PageReport(slug, file, item["ok"], _problems(item.get("problems", []))))
    return PreviewReport(data["check_failed"], data["site_built"], pages, _problems(data.get("other", [])))


# --- The page in place of an example that failed the check ---------------------------

_STYLE = """
body { font: 17px/1.5 system-ui, sans-serif; margin: 0; background: #fff; color: #1d1d1f; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .75rem; }
.kop { border-left: .4rem solid #b3261e; padding: .25rem 0 .25rem .9rem; margin-bottom: 1.25rem; }
ol { padding-left: 1.4rem; } li { margin: 0 0 .9rem; overflow-wrap: anywhere; }
.waar { font-weight: 600; display: block; } code { font-size: .95em; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) {
  body { background: #1e2129; color: #e8e8ec; } .kop { border-left-color: #ff8a80; }
}
"""
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
# Only our own style block may apply: no script, no image, no font, no frame, no form.
PROBLEM_PAGE_CSP = f"default-src 'none'; style-src '{STYLE_HASH}'; base-uri 'none'; form-action 'none'"


def _where(p: Problem, page_file: str) -> str:
    """'regel 8, veld provincie'; the file too when it is another one (a photo)."""
    parts = [] if p.file == page_file else [p.file]
    parts += [f"regel {p.line}"] if p.line is not None else []
    parts += [f"veld {p.field}"] if p.field else []
    return ", ".join(parts) or p.file


def problem_page(file: str, problems: list[Problem]) -> str:
    """A whole HTML page that lists the check's messages for one example.
    Every string goes through html.escape; nothing of the example is rendered."""
    e = html.escape
    count = len(problems)
    items = "\n".join(f'<li><span class="waar">{e(_where(p, file))}</span>{e(p.message)}</li>'
                      for p in problems[:MAX_PROBLEMS])
    more = (f"<p>En nog {count - MAX_PROBLEMS} meldingen: draai <code>make check</code> voor de hele lijst.</p>"
            if count > MAX_PROBLEMS else "")
    noun = "probleem" if count == 1 else "problemen"
    return (f'<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{PROBLEM_PAGE_CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="robots" content="noindex">\n'
            f"<title>Nog niet in orde: {e(file)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
            f'<div class="kop"><h1>Deze pagina is nog niet in orde</h1>\n'
            f"<p>De controle vond {count} {noun} in <code>{e(file)}</code>. Zolang die er zijn, laat de site "
            f"dit voorbeeld weg. Verbeter ze en sla je wijziging op: dan komt hier je pagina.</p></div>\n"
            f"<ol>\n{items}\n</ol>\n{more}</main>\n</body>\n</html>\n")
