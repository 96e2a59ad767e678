"""Screenshots of the practice-example pages a pull request changes, so a
contributor sees the page before it is merged (phone and desktop, light and dark).

    python scripts/tools/preview_examples.py --site site --out voorbeeld PATH ...

PATH are changed files (as `git diff --name-only` prints them); only example
pages are shot. Under GitHub Actions the list of images goes to the job
summary; the workflow uploads the folder as an artifact.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kinderwerk import examples as ex

ROOT = Path(__file__).resolve().parents[2]


def example_pages(paths: list[str]) -> list[str]:
    """'docs/praktijkvoorbeelden/x.md' -> 'praktijkvoorbeelden/x/' for example pages."""
    pages = []
    for path in paths:
        src = path.removeprefix("docs/")
        if path.startswith("docs/") and ex.is_example(src) and src.count("/") == 1 and src.endswith(".md"):
            page = src[:-3] + "/"
            if page not in pages:
                pages.append(page)
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "voorbeeld")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)
    pages = example_pages(args.paths)
    lines = ["## Voorbeeld van je pagina", ""]
    if not pages:
        lines.append("Deze pull request verandert geen praktijkvoorbeeld; er zijn geen plaatjes gemaakt.")
    else:
        missing = [p for p in pages if not (args.site / p / "index.html").exists()]
        pages = [p for p in pages if p not in missing]
        if pages:
            import screenshots  # Playwright and Chromium: only when there is something to shoot
            screenshots.main(["--site", str(args.site), "--out", str(args.out), "--full", *pages])
        lines.append("Download de plaatjes onder **Artifacts** (het bestand `voorbeeld`). Per pagina: "
                     "telefoon en computer, licht en donker.")
        lines.append("")
        for png in sorted(args.out.glob("*.png")):
            lines.append(f"- `{png.name}`")
        for page in missing:
            lines.append(f"- `{page}`: deze pagina is niet gebouwd (zie de controle \"check\").")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    text = "\n".join(lines) + "\n"
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
