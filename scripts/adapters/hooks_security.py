"""MkDocs hooks for security: nothing from outside the repository, only UTF-8
text, contributed pages checked against an allowlist, and a
Content-Security-Policy on every page. See SECURITY.md.

* on_config (first of all hooks): refuse symlinks and files that resolve
  outside the repository in docs/, data/ and includes/, before anything reads
  them; refuse pages that are not UTF-8, with a Dutch message per file.
* on_page_content / on_env: the rendered article of every practice example
  (body plus the generated header and footer) must pass ``kinderwerk.sanitize``;
  every refused page is listed at once, before MkDocs writes any page.
* on_post_page / on_post_template: the policy of ``kinderwerk.csp``, with the
  hashes of that page's own inline scripts and styles.

Both keep per-page results in .cache/paginas/ (``kinderwerk.page_cache``),
keyed on the page's exact HTML and the code; the build logs how many pages
each computed afresh ("kinderwerk-cache: ..."), which the tests count.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kinderwerk import csp, page_cache, sanitize
from kinderwerk import examples as ex
from kinderwerk.page_cache import PageCache, code_version
from kinderwerk.textfile import EncodingProblem, find_unsafe_paths, read_text

ROOT = Path(__file__).resolve().parents[2]
CHECKED_FOLDERS = ("docs", "data", "includes", "overrides")
TEXT_SUFFIXES = (".md", ".csv", ".yml", ".yaml", ".txt")
log = logging.getLogger("mkdocs.hooks.security")
PAGE_CACHE = ROOT / ".cache" / "paginas"
ALLOWLIST = PageCache(PAGE_CACHE, "allowlist", code_version([sanitize, page_cache], ("nh3",)))
POLICY = PageCache(PAGE_CACHE, "csp", code_version([csp, page_cache]))


def _repository(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def unsafe_paths(repository: Path) -> list[str]:
    """Dutch lines for every symlink or outside file in the checked folders."""
    lines = []
    for folder in CHECKED_FOLDERS:
        base = repository / folder
        if not base.exists() and not base.is_symlink():
            continue
        for path in find_unsafe_paths(base, repository):
            name = f"{folder}/{path}" if str(path) != "." else folder
            lines.append(f"{name}: dit is een snelkoppeling (symlink) of verwijst naar een bestand "
                         f"buiten de repository. Zet het bestand zelf in de map, niet een verwijzing.")
    return lines


def encoding_problems(repository: Path) -> list[str]:
    lines = []
    for folder in CHECKED_FOLDERS[:3]:
        base = repository / folder
        for path in sorted(base.rglob("*")) if base.is_dir() else []:
            if path.suffix in TEXT_SUFFIXES and path.is_file() and not path.is_symlink():
                try:
                    read_text(path, shown_as=path.relative_to(repository).as_posix())
                except EncodingProblem as exc:
                    lines.append(str(exc))
    return lines


@event_priority(100)  # before hooks.py reads data/ in its own on_config
def on_config(config):
    repository = _repository(config)
    problems = unsafe_paths(repository)
    if problems:  # stop before reading anything: a symlink may point to a secret
        raise PluginError("Niet gebouwd: bestanden van buiten de repository.\n  - " + "\n  - ".join(problems))
    problems = encoding_problems(repository)
    if problems:
        raise PluginError("Niet gebouwd: bestanden die niet als UTF-8 zijn opgeslagen.\n  - "
                          + "\n  - ".join(problems))
    return config


def _is_example(page) -> bool:
    collection = ex.state.collection
    return collection is not None and page.file.src_uri in collection.by_src


_refused: list[str] = []  # allowlist messages of this build, one per example page


def on_pre_build(config):
    _refused.clear()
    for cache in (ALLOWLIST, POLICY):
        cache.reset_counts()


def on_page_content(html, page, config, files):
    """Contributed examples: refuse anything the allowlist would remove.
    Problems are collected and reported together in on_env, which MkDocs
    calls after every page is rendered and before any page is written."""
    if not _is_example(page):
        return html
    report = sanitize.check(html, ALLOWLIST, label=f"docs/{page.file.src_uri}")
    if not report.ok:
        _refused.append(sanitize.message(f"docs/{page.file.src_uri}", report))
    return report.clean  # what ammonia kept: the same page, serialised by a browser-grade parser


def on_env(env, config, files):
    if _refused:
        raise PluginError("Fout in een praktijkvoorbeeld (niet gebouwd, niets geschreven):\n  - "
                          + "\n  - ".join(_refused))
    return env


def _with_policy(output: str, where: str) -> str:
    parts = csp.inline_parts(output, POLICY, label=where)
    if parts.content_scripts:
        raise PluginError(f"{where}: een <script> in de tekst van een pagina krijgt geen toestemming "
                          f"van de Content-Security-Policy en zou niet werken; zet het script in een "
                          f"bestand onder docs/javascripts/ en noem het in mkdocs.yml.")
    if parts.handlers:
        raise PluginError(f"{where}: inline event-handlers ({', '.join(sorted(set(parts.handlers)))}) "
                          f"werken niet onder de Content-Security-Policy; gebruik een script-bestand.")
    return csp.add_policy(output, parts)


def on_post_page(output, page, config):
    where = f"docs/{page.file.src_uri}"
    problems = sanitize.head_problems(output)
    if problems:  # a front-matter field reached <head> as markup: the template must escape it
        raise PluginError(f"{where}: onverwachte HTML in <head> ({', '.join(problems)}); een veld is "
                          f"niet als tekst geschreven (zie SECURITY.md).")
    return _with_policy(output, where)


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):
        return _with_policy(output_content, template_name)
    return output_content


def on_post_build(config):
    """Log what was computed afresh; drop entries of pages that are gone or changed."""
    for cache in (ALLOWLIST, POLICY):
        cache.prune()
    log.info("kinderwerk-cache: " + "; ".join(c.summary() for c in (ALLOWLIST, POLICY)))
