"""Browser fixtures: the built site served on 127.0.0.1 under the path of
``site_url``, one Debian Chromium per session, and one visit of every page in
both palettes whose findings several tests read (see ``crawl``).

Every test runs over ALL pages of the built site, found by globbing, so new
pages are covered the moment they exist.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from kwbrowser import MISSING_PAGE, Crawl, crawl_site, launch

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent



@pytest.fixture(scope="session")
def site_dir(request, tmp_path_factory) -> Path:
    """The site built once with --strict: the lead's `built_site` when there is one.
    KINDERWERK_SITE=<folder> tests an already built site instead (quicker while
    working on the tests; the suite itself always builds)."""
    if os.environ.get("KINDERWERK_SITE"):
        return Path(os.environ["KINDERWERK_SITE"])
    try:
        return request.getfixturevalue("built_site")
    except pytest.FixtureLookupError:
        import subprocess
        site = tmp_path_factory.mktemp("browser") / "site"
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        return site


@pytest.fixture(scope="session")
def site_config() -> dict:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def base_url(site_dir, site_config) -> str:
    """The site on 127.0.0.1, under the same path as on the web (404.html needs it)."""
    from kinderwerk.browser import serve
    prefix = urlsplit(site_config["site_url"]).path
    with serve(site_dir, prefix) as url:
        yield url


@pytest.fixture(scope="session")
def page_paths(site_dir) -> list[str]:
    """Every page of the built site, as a path below the base URL ('' is home)."""
    paths = []
    for index in sorted(site_dir.rglob("index.html")):
        folder = index.parent.relative_to(site_dir).as_posix()
        paths.append("" if folder == "." else folder + "/")
    assert paths, f"geen pagina's gevonden in {site_dir}"
    return paths


@pytest.fixture(scope="session")
def chromium():
    with launch() as browser:
        yield browser


@pytest.fixture
def new_page(chromium, base_url):
    """A page in a fresh context: new_page(scheme='light', width=1280, height=900)."""
    contexts = []

    def make(scheme: str = "light", width: int = 1280, height: int = 900):
        context = chromium.new_context(viewport={"width": width, "height": height},
                                       color_scheme=scheme, base_url=base_url)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def crawl(chromium, base_url, page_paths) -> Crawl:
    """Every page, plus a missing address (the 404 page), in both palettes."""
    return crawl_site(chromium, base_url, page_paths + [MISSING_PAGE])
