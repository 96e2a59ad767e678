"""site_url and repo_url in mkdocs.yml are the only place the site's
addresses are set: a copy with other addresses publishes no trace of the
old ones, and every output (pages, sitemap, robots.txt, feed, citations,
data package) uses the new."""
from __future__ import annotations

import json
import re

import pytest

from project_copy import run_build

NEW_SITE = "https://kennisbank.zwartewaterveen.example/kw/"
NEW_REPO = "https://git.zwartewaterveen.example/redactie/kennisbank"


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory, warm_cache):
    from project_copy import copy_project
    project = copy_project(tmp_path_factory.mktemp("verhuisd") / "project", cache=warm_cache)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    old_site = re.search(r"^site_url: (\S+)$", config, re.M).group(1)
    old_repo = re.search(r"^repo_url: (\S+)$", config, re.M).group(1)
    config = config.replace(f"site_url: {old_site}", f"site_url: {NEW_SITE}")
    config = config.replace(f"repo_url: {old_repo}", f"repo_url: {NEW_REPO}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.output[-3000:]
    return result.site, old_site, old_repo


def test_no_output_keeps_the_old_addresses(moved_site):
    site, old_site, old_repo = moved_site
    old_host = re.sub(r"^https?://", "", old_site).split("/")[0]
    old_repo_path = re.sub(r"^https?://[^/]+", "", old_repo)
    leaks = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".txt", ".json", ".svg", ".csv"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            if old_host in text or old_repo_path in text:
                leaks.append(str(path.relative_to(site)))
    assert not leaks, f"oude adressen in: {leaks[:10]}"


def test_every_output_uses_the_new_address(moved_site):
    site, _, _ = moved_site
    assert f"Sitemap: {NEW_SITE}sitemap.xml" in (site / "robots.txt").read_text()
    assert f"<loc>{NEW_SITE}</loc>" in (site / "sitemap.xml").read_text()
    assert f'href="{NEW_SITE}' in (site / "feed.xml").read_text()
    assert json.loads((site / "downloads" / "datapackage.json").read_text())["homepage"] == NEW_SITE
    chapter = (site / "hoofdstukken" / "samenwerkingspartners" / "index.html").read_text()
    assert f'<a class="kw-url" href="{NEW_SITE}hoofdstukken/samenwerkingspartners/#grafiek-' in chapter
    assert f'<link rel="canonical" href="{NEW_SITE}hoofdstukken/samenwerkingspartners/">' in chapter
    assert f'href="{NEW_REPO}"' in chapter  # Material's repository link
    assert "redactie/kennisbank" in chapter  # the repository's name, from its address
