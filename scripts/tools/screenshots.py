"""Save screenshots of the main pages in both palettes, phone and desktop.

    python scripts/tools/screenshots.py [--site site] [--out screenshots] [PAGE ...]

Builds nothing: run `make build` first. A reviewer can look at the PNGs
without building the site.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Literal

from playwright.sync_api import sync_playwright

from kinderwerk.browser import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["", "hoofdstukken/samenwerkingspartners/", "cijfers/"]
SIZES = {"telefoon": (390, 844), "desktop": (1280, 900)}
SCHEMES: dict[str, Literal["light", "dark"]] = {"licht": "light", "donker": "dark"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--full", action="store_true", help="whole page, not just the first screen")
    parser.add_argument("pages", nargs="*", default=PAGES)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size_name, (width, height) in SIZES.items():
            for scheme_name, scheme in SCHEMES.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              color_scheme=scheme)
                page = context.new_page()
                for path in args.pages:
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    name = (path.strip("/").replace("/", "_") or "home")
                    target = args.out / f"{name}-{size_name}-{scheme_name}.png"
                    page.screenshot(path=str(target), full_page=args.full)
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
