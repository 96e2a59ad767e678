"""Build the site without ever publishing half of it.

    python scripts/tools/build_site.py [--site-dir site]

MkDocs writes into its output folder as it goes, and in --strict mode only
reports warnings at the very end. So we build with --strict into a fresh
folder next to the target and swap it in only when the build succeeded; on any
error the previous site stays as it was.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def stray_folders(site_dir: Path) -> list[Path]:
    """Staging and old folders an interrupted build left next to ``site_dir``."""
    parent, name = site_dir.parent, site_dir.name
    if not parent.is_dir():
        return []
    return sorted(p for p in parent.iterdir()
                  if p.is_dir() and not p.is_symlink()
                  and (p.name.startswith(f".{name}-nieuw-") or p.name == f".{name}-oud"))


def build(site_dir: Path, config: Path) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for stray in stray_folders(site_dir):  # left by an interrupted build
        shutil.rmtree(stray, ignore_errors=True)
        print(f"Opgeruimd: {stray} (overgebleven van een onderbroken build)")
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-nieuw-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # No --quiet: it hides warnings from --strict, which then passes a broken link.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(config), "--site-dir", str(staging)]
    try:
        result = subprocess.run(command, cwd=config.parent, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    output = result.stdout.splitlines()
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        # The build's own messages: every warning and error (the INFO lines only
        # when there is nothing else, so no message is ever lost).
        shown = [line for line in output if not line.startswith("INFO")] or output
        print("\n".join(shown), file=sys.stderr)
        print(f"De site is NIET bijgewerkt: de build faalde (zie de meldingen hierboven). "
              f"{site_dir} is ongewijzigd.", file=sys.stderr)
        return result.returncode
    old = site_dir.with_name(f".{site_dir.name}-oud")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Site gebouwd in {site_dir}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    return build(args.site_dir, args.config_file.resolve())


if __name__ == "__main__":
    sys.exit(main())
