"""`make check`: the contributor check. One command, no browser, a few seconds.

Checks every practice example (the same checks as the MkDocs build, from
``kinderwerk.examples.check_folder``), every data file, and that nothing in
docs/ or data/ is a symlink. Prints every problem on its own line, in Dutch,
with file, line, field and what to do; exits 1 if there is any.

Under GitHub Actions (GITHUB_ACTIONS=true) it also prints one
``::error file=...,line=...,title=...::...`` annotation per problem, so the
pull request shows each one on the changed file, and appends a short Dutch
summary to $GITHUB_STEP_SUMMARY.

It never shows a traceback: anything unexpected becomes a Dutch line that
names the file.
"""
from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HELP = "Kom je er niet uit? Schrijf een reactie in je pull request; de redactie helpt je."


def _problem(file: str, line: int | None, field: str | None, message: str):
    from kinderwerk.examples import Problem
    return Problem(file, line, field, message)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _from_message(text: str, root: Path):
    """A Problem from a message of the form 'file, regel N, kolom 'x': ...'."""
    text = text.replace(str(root) + os.sep, "")
    match = re.match(r"(?P<file>[^,:]+?)(?:, regel (?P<line>\d+))?(?:, (?:kolom|veld) '(?P<field>[^']+)')?: "
                     r"(?P<message>.*)", text, re.S)
    if not match:
        return _problem("data", None, None, text)
    line = int(match.group("line")) if match.group("line") else None
    message = match.group("message")
    if match.group("field") and ", kolom '" in text:
        message = f"kolom '{match.group('field')}': {message}"
        return _problem(match.group("file"), line, None, message)
    return _problem(match.group("file"), line, match.group("field"), message)


def check_unsafe(root: Path) -> list:
    from kinderwerk.textfile import find_unsafe_paths
    problems = []
    for folder in ("docs", "data", "includes"):
        if not (root / folder).exists():
            continue
        for path in find_unsafe_paths(root / folder, root):
            problems.append(_problem(f"{folder}/{path.as_posix()}", None, None,
                                     "dit is een snelkoppeling (symlink) of wijst naar een plek buiten het "
                                     "project. Zet het echte bestand hier neer."))
    return problems


def site_files(docs: Path) -> set[str]:
    """src_uri of every file in docs/ that is part of the site (as MkDocs sees it)."""
    from kinderwerk.examples import TEMPLATE
    found = set()
    for folder, dirs, files in os.walk(docs):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (Path(folder) / d).is_symlink()]
        for name in files:
            if name.startswith("."):
                continue
            found.add(_relative(Path(folder) / name, docs))
    return found - {TEMPLATE}


def check_examples(root: Path) -> tuple[list, int, list]:
    """(problems, number of examples checked, notices)."""
    from kinderwerk import examples as ex
    from kinderwerk.textfile import read_text
    docs = root / "docs"
    problems = []
    chapters = {}
    for path in sorted((docs / ex.CHAPTER_FOLDER).glob("*.md")):
        try:
            chapters[path.stem] = ex.chapter_title(read_text(path, _relative(path, root)), path.stem)
        except Exception as exc:  # noqa: BLE001 (reported, never a traceback)
            problems.append(_fallback(_relative(path, root), exc))
            chapters[path.stem] = path.stem
    try:
        vocab = ex.load_vocabulary(root / "data", chapters)
    except Exception as exc:  # noqa: BLE001
        return problems + [_from_message(str(exc), root)], 0, []
    sources = {}
    folder = docs / ex.FOLDER
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.suffix.lower() == ".md":
            src = _relative(path, docs)
            try:
                sources[src] = read_text(path, f"docs/{src}")
            except Exception as exc:  # noqa: BLE001 -- EncodingProblem or an unreadable file
                problems.append(_from_message(str(exc), root) if "UTF-8" in str(exc)
                                else _fallback(f"docs/{src}", exc))
    files = site_files(docs)
    try:
        result = ex.check_folder(sources, files, vocab, photo_files=photo_files(docs))
    except Exception:  # noqa: BLE001 -- one file at a time, to name the one that breaks the check
        result = ex.FolderResult()
        for src, text in sources.items():
            try:
                part = ex.check_folder({src: text}, {f for f in files if not f.startswith(ex.FOLDER + "/")}
                                       | {src}, vocab)
                result.problems += part.problems
                result.examples += part.examples
            except Exception as exc:  # noqa: BLE001
                result.problems.append(_fallback(f"docs/{src}", exc))
    examples = [s for s in sources if ex.is_example(s) and s.count("/") == 1]
    return problems + result.problems + remote_images(sources), len(examples), result.notices


def remote_images(sources: dict) -> list:
    """Images from other websites, named before any build (the build's
    allowlist refuses them on the rendered page)."""
    from kinderwerk import examples as ex
    from kinderwerk.examples import photos
    from kinderwerk.examples.frontmatter import split_front_matter
    found = []
    for src, text in sources.items():
        if ex.is_example(src):
            _, body, first_line = split_front_matter(text)
            found += photos.remote_problems(photos.photo_refs(body, src, first_line), f"docs/{src}")
    return found


def photo_files(docs: Path) -> dict:
    """src_uri -> path of every photo in the examples folder (kinderwerk.images reads its header)."""
    from kinderwerk import examples as ex
    from kinderwerk.examples.photos import is_photo
    folder = docs / ex.FOLDER
    return {_relative(p, docs): p for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink() and is_photo(p.name)}


def check_data(root: Path) -> tuple[list, int]:
    from kinderwerk.datasets import load_dataset
    data = root / "data"
    problems = []
    csvs = sorted(data.glob("*.csv"))
    for csv_path in csvs:
        try:
            load_dataset(csv_path)
        except Exception as exc:  # noqa: BLE001 -- DataError, EncodingProblem, anything else
            problems.append(_from_message(str(exc), root) if str(exc) else _fallback(_relative(csv_path, root), exc))
    for meta_path in sorted(data.glob("*.meta.yml")):
        if not meta_path.with_name(meta_path.name.removesuffix(".meta.yml") + ".csv").exists():
            problems.append(_problem(_relative(meta_path, root), None, None,
                                     f"metadata zonder CSV-bestand. Zet er "
                                     f"{meta_path.name.removesuffix('.meta.yml')}.csv naast, of haal dit "
                                     f"bestand weg."))
    if not csvs:
        problems.append(_problem("data", None, None, "geen data sets gevonden."))
    problems += check_synonyms(root)
    return problems, len(csvs)


def check_synonyms(root: Path) -> list:
    """The search's synonym list (data/zoeken/synoniemen.csv), if there is one."""
    from kinderwerk.search_synonyms import SynonymError, load_synonyms
    path = root / "data" / "zoeken" / "synoniemen.csv"
    if not path.exists():
        return []
    try:
        load_synonyms(path, _relative(path, root))
    except SynonymError as exc:
        return [_from_message(problem, root) for problem in exc.problems]
    return []


def _fallback(file: str, exc: BaseException):
    kind = type(exc).__name__
    return _problem(file, None, None, f"de controle kon dit bestand niet lezen ({kind}). Kijk of het een gewoon "
                                      f"tekstbestand is, opgeslagen als UTF-8. {HELP}")


# --- Output ---------------------------------------------------------------------

def escape_data(text: str) -> str:
    """GitHub workflow-command escaping for the message part."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub workflow-command escaping for a property (file=, title=)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem, level: str = "error") -> str:
    parts = [f"file={escape_property(problem.file.split(' (')[0])}"]
    if problem.line is not None:
        parts.append(f"line={problem.line}")
    title = problem.title if problem.field else (
        "Praktijkvoorbeeld" if problem.file.startswith("docs/") else
        "Data" if problem.file.startswith("data") else "Controle")
    parts.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(parts)}::{escape_data(problem.message)}"


def summary_markdown(problems: list, examples: int, datasets: int) -> str:
    if not problems:
        return (f"## Controle: alles in orde\n\n{examples} praktijkvoorbeelden en {datasets} data sets "
                f"gecontroleerd. Er is niets te verbeteren.\n")
    files = sorted({p.file for p in problems})
    lines = [f"## Controle: {len(problems)} {'probleem' if len(problems) == 1 else 'problemen'} in "
             f"{len(files)} {'bestand' if len(files) == 1 else 'bestanden'}", "",
             "Verbeter deze punten. De controle draait opnieuw zodra je je wijziging opslaat.", "",
             "| Bestand | Regel | Wat je moet doen |", "| --- | --- | --- |"]
    for p in problems:
        cell = p.message.replace("|", "\\|").replace("\n", " ")
        field = f"veld `{p.field}`: " if p.field else ""
        lines.append(f"| `{p.file}` | {p.line or ''} | {field}{cell} |")
    lines += ["", HELP, ""]
    return "\n".join(lines)


def run(root: Path = ROOT, out=sys.stdout) -> int:
    started = time.monotonic()
    problems: list = []
    notices: list = []   # worth fixing, not blocking (a photo that says where it was taken)
    examples = datasets = 0
    for step in (check_unsafe, check_examples, check_data):
        try:
            result = step(root)
        except Exception as exc:  # noqa: BLE001 -- never a traceback
            problems.append(_fallback(step.__name__.removeprefix("check_"), exc))
            continue
        if isinstance(result, tuple):
            found, count, *more = result
            notices += more[0] if more else []
            if step is check_examples:
                examples = count
            else:
                datasets = count
        else:
            found = result
        problems += found
    from kinderwerk.dutch import format_seconds
    took = format_seconds(time.monotonic() - started)  # '1,4 s'
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for p in problems:
        print(f"FOUT: {p}", file=out)
    for p in notices:
        print(f"LET OP: {p}", file=out)
    if github:
        for p in problems:
            print(annotation(p), file=out)
        for p in notices:
            print(annotation(p, "warning"), file=out)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            try:
                with open(summary, "a", encoding="utf-8") as handle:
                    handle.write(summary_markdown(problems, examples, datasets))
            except OSError:
                pass
    if problems:
        files = len({p.file for p in problems})
        print(f"\n{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'} in {files} "
              f"{'bestand' if files == 1 else 'bestanden'}. Verbeter ze en draai de controle opnieuw "
              f"({took}). {HELP}", file=out)
        return 1
    print(f"Alles in orde: {examples} praktijkvoorbeelden en {datasets} data sets gecontroleerd "
          f"({took}).", file=out)
    return 0


def main() -> int:
    try:
        return run()
    except KeyboardInterrupt:
        return 130
    except BaseException as exc:  # noqa: BLE001 -- the last line of defence, still Dutch
        print(f"FOUT: de controle liep vast ({type(exc).__name__}). {HELP}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
