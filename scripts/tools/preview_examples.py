"""The preview of the practice examples a pull request changes, built as far
as it can be, even when the check fails (workflow voorbeeld.yml).

    python scripts/tools/preview_examples.py --site site --out voorbeeld PATH ...

PATH are changed files (as `git diff --name-only` prints them); only example
pages are previewed. It runs the contributor check (scripts/tools/check.py) and:

* builds the site strictly (scripts/tools/build_site.py); when examples fail
  the check, it builds a copy of the project without them (and without the
  photos that only they show), so the rest of the site still builds;
* shoots every changed example that passed (phone and desktop, light and dark;
  scripts/tools/screenshots.py);
* for a changed example that failed, shoots in its place a page made by us
  (kinderwerk.preview.problem_page: the check's messages with file and line,
  every string escaped, nothing of the example rendered);
* writes ``voorbeeld.json`` (kinderwerk.preview: per example its state and
  problems) beside the screenshots, and a Dutch job summary.

Exit status 0 when the preview was made, also when the check failed: the
workflow fails the job itself after uploading (the preview is extra, never a
pass). The trusted workflow voorbeeld-publiceren.yml turns the folder into
the bot's comment (scripts/tools/preview_comment.py).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

import build_site
import check
from kinderwerk import examples as ex
from kinderwerk import preview
from kinderwerk.examples import photos
from kinderwerk.examples.frontmatter import split_front_matter
from kinderwerk.textfile import read_text

ROOT = Path(__file__).resolve().parents[2]
# What a build reads (as scripts/dev/project_copy.py copies it for the tests).
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "includes", "scripts", "overrides"]


def changed_examples(paths: list[str], shown: dict[str, set[str]] | None = None) -> list[str]:
    """'docs/praktijkvoorbeelden/x.md' -> 'praktijkvoorbeelden/x.md' for example pages, in order, once;
    a changed photo brings in every example that ``shown`` says shows it."""
    found: list[str] = []
    for path in paths:
        src = path.removeprefix("docs/")
        if not path.startswith("docs/"):
            continue
        if ex.is_example(src) and src.count("/") == 1:
            pages = [src]
        else:
            pages = sorted(e for e, files in (shown or {}).items() if src in files)
        found += [page for page in pages if page not in found]
    return found


def example_pages(paths: list[str]) -> list[str]:
    """'docs/praktijkvoorbeelden/x.md' -> 'praktijkvoorbeelden/x/' for example pages."""
    return [preview.page_path(preview.slug_for(src)) for src in changed_examples(paths)]


def _file_of(problem: ex.Problem) -> str:
    return problem.file.split(" (")[0]


def shown_photos(root: Path) -> dict[str, set[str]]:
    """Example src_uri -> the src_uri of every photo file its body shows."""
    shown: dict[str, set[str]] = {}
    for path in sorted((root / "docs" / ex.FOLDER).glob("*.md")):
        src = path.relative_to(root / "docs").as_posix()
        if not ex.is_example(src) or path.is_symlink():
            continue
        try:
            _, body, first_line = split_front_matter(read_text(path, f"docs/{src}"))
        except Exception:  # noqa: BLE001 (the check names this file already)
            shown[src] = set()
            continue
        shown[src] = {r.src for r in photos.photo_refs(body, src, first_line) if r.src}
    return shown


def failing_examples(problems: list, shown: dict[str, set[str]]) -> tuple[dict[str, list], list]:
    """(example src_uri -> its problems, the problems of no example). A
    problem in a photo file belongs to every example that shows the photo."""
    failing: dict[str, list] = {}
    rest = []
    for problem in problems:
        src = _file_of(problem).removeprefix("docs/")
        owners = [src] if src in shown else sorted(e for e, files in shown.items() if src in files)
        for owner in owners:
            failing.setdefault(owner, []).append(problem)
        if not owners:
            rest.append(problem)
    return failing, rest


def copy_without(root: Path, target: Path, failing: set[str], bad_files: set[str]) -> Path:
    """A copy of what the build reads, without the failing examples, the
    files with problems in the examples folder, and the photos that no
    remaining example shows."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    if (root / ".cache").is_dir():   # charts already drawn, photos already encoded
        shutil.copytree(root / ".cache", target / ".cache")
    docs = target / "docs"
    for src in failing | bad_files:
        if src.startswith(ex.FOLDER + "/") and src not in (ex.OVERVIEW, ex.TEMPLATE):
            (docs / src).unlink(missing_ok=True)
    kept = shown_photos(target)
    still_shown = set().union(*kept.values()) if kept else set()
    for src, path in check.photo_files(docs).items():
        if src not in still_shown:
            path.unlink()
    return target


def build(root: Path, site: Path, failing: dict[str, list], rest: list) -> bool:
    """The strict build of everything that passes; True when it succeeded."""
    if not failing and not rest:
        return build_site.build(site, root / "mkdocs.yml") == 0
    bad_files = {_file_of(p).removeprefix("docs/") for p in rest}
    with tempfile.TemporaryDirectory(prefix="kw-voorbeeld-") as tmp:
        project = copy_without(root, Path(tmp) / "project", set(failing), bad_files)
        return build_site.build(site, project / "mkdocs.yml") == 0


def make_report(changed: list[str], problems: list, failing: dict[str, list], site_built: bool
                ) -> preview.PreviewReport:
    pages: list[preview.PageReport] = []
    attached: set[int] = set()
    for src in changed:
        own = failing.get(src, [])
        attached.update(id(p) for p in own)
        pages.append(preview.PageReport(preview.slug_for(src), f"docs/{src}", not own, own))
    other = [p for p in problems if id(p) not in attached]
    return preview.PreviewReport(bool(problems), site_built, pages, other)


def shoot(site: Path, out: Path, pages: list[str]) -> None:
    if pages:
        import screenshots  # Playwright and Chromium: only when there is something to shoot
        screenshots.main(["--site", str(site), "--out", str(out), "--full", *pages])


def write_problem_pages(folder: Path, report: preview.PreviewReport) -> list[str]:
    """A page of messages for each changed example that failed; their paths."""
    written = []
    for page in report.pages:
        if not page.ok:
            path = folder / preview.page_path(page.slug) / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(preview.problem_page(page.file, page.problems), encoding="utf-8")
            written.append(preview.page_path(page.slug))
    return written


def summary(report: preview.PreviewReport, shots: list[str]) -> str:
    lines = ["## Voorbeeld van je pagina", ""]
    if not report.pages:
        return "\n".join(lines + ["Deze pull request verandert geen praktijkvoorbeeld; er zijn geen plaatjes "
                                  "gemaakt.", ""])
    lines.append("De bot zet de plaatjes in een reactie bij je pull request. Ze staan ook onder **Artifacts** "
                 "(het bestand `voorbeeld`).")
    lines.append("")
    for page in report.pages:
        state = "in orde" if page.ok else f"nog niet in orde ({len(page.problems)} meldingen)"
        if page.ok and not report.site_built:
            state = "in orde, maar de site kon niet gebouwd worden"
        lines.append(f"- `{page.file}`: {state}")
    if report.check_failed:
        lines += ["", "De controle is niet geslaagd: zie de stap `make check` hierboven voor alle meldingen."]
    lines += ["", f"{len(shots)} plaatjes gemaakt.", ""]
    return "\n".join(lines)


def run(root: Path, site: Path, out: Path, paths: list[str]) -> preview.PreviewReport:
    out.mkdir(parents=True, exist_ok=True)
    shown = shown_photos(root)
    changed = changed_examples(paths, shown)
    problems, _, _, _ = check.collect(root)
    failing, rest = failing_examples(problems, shown)
    site_built = bool(changed) and build(root, site, failing, rest)   # nothing to show: no build
    report = make_report(changed, problems, failing, site_built)
    if site_built:
        shoot(site, out, [preview.page_path(p.slug) for p in report.pages
                          if p.ok and (site / preview.page_path(p.slug) / "index.html").exists()])
    with tempfile.TemporaryDirectory(prefix="kw-meldingen-") as tmp:
        shoot(Path(tmp), out, write_problem_pages(Path(tmp), report))
    (out / preview.REPORT_NAME).write_text(preview.dump_report(report), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "voorbeeld")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)
    report = run(args.root.resolve(), args.site.resolve(), args.out, args.paths)
    shots = sorted(p.name for p in args.out.glob("*.png"))
    text = summary(report, shots)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
