"""A valid example written from the template with all its comments kept (they
contain "---", which once crashed a test's own front-matter split) passes the
contributor check, the strict build and the tests that read pages.

In a throw-away copy of the whole project (scripts/dev/project_copy.py), with a
made-up town. `make test-sjabloon` runs the WHOLE suite with this example
present; here the page-reading tests run against it on every `make test`.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kinderwerk import examples as ex
from project_copy import (
    ROOT,
    TEMPLATE_EXAMPLE,
    TEMPLATE_VALUES,
    copy_everything,
    run_build,
    seed_cache,
    template_example,
    write_template_example,
)

TEMPLATE = ROOT / "docs" / ex.TEMPLATE
PAGE = "praktijkvoorbeelden/" + TEMPLATE_EXAMPLE.removesuffix(".md") + "/index.html"
# The tests that read the sources in docs/ and the pages of the built site.
PAGE_READING_TESTS = ["tests/test_exactness.py", "tests/test_content.py", "tests/browser/test_seo.py"]


def comments(text: str) -> list[str]:
    """The template's explanations: # lines in the data block, <!-- --> in the body."""
    meta, body, _ = ex.split_front_matter(text)
    return ([line for line in (meta or "").split("\n") if line.lstrip().startswith("#")] +
            re.findall(r"(?s)<!--.*?-->", body))


@pytest.fixture(scope="module")
def project(tmp_path_factory, warm_cache) -> Path:
    """The whole project (tests too) plus the example, with the charts the
    session drew; ../shared as next to the real one."""
    base = tmp_path_factory.mktemp("sjabloon")
    project = seed_cache(copy_everything(base / ROOT.name), warm_cache)
    if (ROOT.parent / "shared").is_dir():
        (base / "shared").symlink_to(ROOT.parent / "shared")
    write_template_example(project)
    return project


@pytest.fixture(scope="module")
def site(project) -> Path:
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.output
    return result.site


def test_the_example_keeps_every_comment_of_the_template():
    template = TEMPLATE.read_text(encoding="utf-8")
    written = template_example(template)
    kept = comments(template)
    assert len(kept) > 20, "het sjabloon heeft geen uitleg meer?"
    assert comments(written) == kept
    meta, _ = ex.page_meta(written)
    assert {key: meta[key] for key in ("titel", "samenvatting", "organisatie")} == \
        {key: TEMPLATE_VALUES[key] for key in ("titel", "samenvatting", "organisatie")}
    assert meta["gemeenten"] == ["Proefvelde"]


def test_the_check_accepts_it(project):
    done = subprocess.run([sys.executable, "scripts/tools/check.py"], cwd=project, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    # The project's own examples plus the template example (which a copy made by
    # `make test-sjabloon` already holds: never counted twice).
    live = len([p for p in (ROOT / "docs" / ex.FOLDER).glob("*.md")
                if ex.is_example(f"{ex.FOLDER}/{p.name}") and p.name != TEMPLATE_EXAMPLE])
    assert f"Alles in orde: {live + 1} praktijkvoorbeelden" in done.stdout, done.stdout


def test_the_strict_build_publishes_it(site):
    page = (site / PAGE).read_text(encoding="utf-8")
    assert "Proefvelde" in page and TEMPLATE_VALUES["samenvatting"] in page
    assert TEMPLATE_EXAMPLE.removesuffix(".md") in (site / "praktijkvoorbeelden" / "index.html").read_text("utf-8")


def test_the_page_reading_tests_pass_with_it(project, site):
    """Collected and run in the copy, against the site built from it."""
    env = {**os.environ, "KINDERWERK_SITE": str(site)}
    env.pop("PYTEST_XDIST_WORKER", None)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                           "-p", "no:cov", *PAGE_READING_TESTS], cwd=project, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert re.search(r"\d+ passed", done.stdout), done.stdout[-2000:]
