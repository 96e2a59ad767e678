"""Every chart block on the built site offers CSV, SVG and PNG, and an APA 7
citation with the edition date from mkdocs.yml and an absolute link whose
anchor exists on the page it points to."""
from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from kinderwerk.citation import Edition, edition_from, figure_apa
from kinderwerk.datasets import load_all

ROOT = Path(__file__).resolve().parent.parent
DATASETS = load_all(ROOT / "data")
FIGURE = re.compile(r'<figure class="kw-chart" aria-labelledby="grafiek-([a-z0-9_]+)">(.*?)</figure>', re.S)


@pytest.fixture(scope="module")
def site(request) -> Path:
    if os.environ.get("KINDERWERK_SITE"):
        return Path(os.environ["KINDERWERK_SITE"])
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="module")
def edition() -> Edition:
    return edition_from(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def figures(site) -> list[tuple[str, str, str]]:
    """(page folder, chart id, HTML of the figure) for every chart on the site."""
    found = []
    for index in sorted(site.rglob("index.html")):
        folder = index.parent.relative_to(site).as_posix()
        folder = "" if folder == "." else folder
        found += [(folder, m.group(1), m.group(2)) for m in FIGURE.finditer(index.read_text(encoding="utf-8"))]
    assert found
    return found


def test_every_charted_data_set_has_a_block_with_three_downloads(site, figures):
    charted = {d.id for d in DATASETS.values() if d.meta.chart}
    assert {chart for _, chart, _ in figures} == charted
    for folder, chart, html in figures:
        for ext in ("csv", "svg", "png"):
            hrefs = re.findall(rf'href="([^"]*/{chart}\.{ext})" download', html)
            assert len(hrefs) == 1, (folder, chart, ext)
            target = posixpath.normpath(posixpath.join(folder, hrefs[0]))
            assert (site / target).is_file(), (folder, target)


def test_every_chart_has_a_citation_whose_anchor_exists(site, figures, edition):
    prefix = urlsplit(edition.site_url).path
    for folder, chart, html in figures:
        cite = re.search(r'<span class="kw-cite">(.*?)</span></dd>', html, re.S)
        assert cite, (folder, chart)
        text = re.sub(r"<[^>]+>", "", cite.group(1))
        title = DATASETS[chart].meta.title
        assert text.startswith(f"{edition.site_name}. ({edition.date_apa}). {title} [Grafiek]. "), text
        href = re.search(r'<a class="kw-url" href="([^"]+)">', cite.group(1)).group(1)
        assert text.endswith(href)
        url = urlsplit(href)
        assert href.startswith(edition.site_url) and url.fragment == f"grafiek-{chart}", href
        page = site / url.path[len(prefix):] / "index.html"
        assert page.is_file(), href
        assert f'id="{url.fragment}"' in page.read_text(encoding="utf-8"), href


def test_apa_format():
    edition = Edition("Kennisbank Kinderwerk", "https://voorbeeld.invalid/kb/", dt.date(2027, 3, 9))
    assert figure_apa(edition, "Met wie", "https://voorbeeld.invalid/kb/x/#grafiek-y") == (
        "Kennisbank Kinderwerk. (2027, 9 maart). Met wie [Grafiek]. https://voorbeeld.invalid/kb/x/#grafiek-y")


@pytest.mark.parametrize("value", [None, "morgen", "2026-13-01"])
def test_edition_date_must_be_set(value):
    config = {"site_name": "X", "site_url": "https://voorbeeld.invalid/", "extra": {"edition_date": value}}
    with pytest.raises(ValueError, match="edition_date"):
        edition_from(config)
