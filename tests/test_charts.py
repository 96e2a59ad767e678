"""Charts: accessible SVG, text as text, deterministic, small, readable colours."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kinderwerk.chart_cache import chart_for
from kinderwerk.charts import render_svg
from kinderwerk.datasets import load_all
from kinderwerk.dutch import sentence_case
from kinderwerk.palette import BACKGROUNDS, BAR, contrast

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
CHARTED = [d for d in load_all(ROOT / "data").values() if d.meta.chart]


@pytest.fixture(scope="module")
def svgs():
    return {d.id: render_svg(d) for d in CHARTED}


@pytest.mark.parametrize("dataset", CHARTED, ids=lambda d: d.id)
def test_root_has_role_title_and_desc(svgs, dataset):
    root = ET.fromstring(svgs[dataset.id])
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == sentence_case(dataset.finding())  # as the heading
    assert desc is not None and desc.text.startswith("Staafdiagram van")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.get("width") is None and root.get("viewBox")


@pytest.mark.parametrize("dataset", CHARTED, ids=lambda d: d.id)
def test_labels_and_values_are_text(svgs, dataset):
    root = ET.fromstring(svgs[dataset.id])
    texts = " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    texts = " ".join(texts.split())
    for option in dataset.options:
        assert dataset.label(option.id) in texts, option.id
        assert option.label.split()[0] in texts, option.id


def test_approximate_values_are_marked(svgs):
    text = svgs["samenwerkingspartners"]
    assert "&gt; 90%" in text and "Gearceerd" in text
    assert "url(#samenwerkingspartners-h" in text  # the hatch pattern on approximate bars


def test_same_data_same_bytes_across_processes(svgs):
    code = ("import sys;"
            "from kinderwerk.datasets import load_all; from kinderwerk.charts import render_svg;"
            "sys.stdout.write(render_svg(load_all('data')['doelstellingen']))")
    other = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                           env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"}, check=True).stdout
    assert other == svgs["doelstellingen"]


def test_ids_are_unique_across_charts(svgs):
    ids = []
    for svg in svgs.values():
        ids += [el.get("id") for el in ET.fromstring(svg).iter() if el.get("id")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("dataset", CHARTED, ids=lambda d: d.id)
def test_chart_is_at_most_30_kb(svgs, dataset):
    assert len(svgs[dataset.id].encode()) <= 30_000


@pytest.mark.parametrize("scheme", BACKGROUNDS)
def test_bar_colour_has_3_to_1_against_both_palettes(scheme):
    assert contrast(BAR, BACKGROUNDS[scheme]) >= 3.0


def test_contrast_arithmetic():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_bars_use_only_the_palette(svgs):
    for svg in svgs.values():
        fills = {f.lower() for f in __import__("re").findall(r"fill: (#[0-9a-fA-F]{6})", svg)}
        assert fills <= {BAR.lower(), "#ffffff", "#1f1f1f"}, fills


def functietitels_copy(tmp_path):
    """(data folder, chart cache, data set) for one data set copied to tmp_path."""
    import shutil
    data = tmp_path / "data"
    data.mkdir()
    for name in ("functietitels.csv", "functietitels.meta.yml"):
        shutil.copy(ROOT / "data" / name, data / name)
    return data, tmp_path / "cache", load_all(data)["functietitels"]


def test_cache_redraws_only_changed_charts(tmp_path):
    data, cache, dataset = functietitels_copy(tmp_path)
    assert chart_for(dataset, cache).rendered is True
    assert chart_for(dataset, cache).rendered is False
    csv = data / "functietitels.csv"
    csv.write_text(csv.read_text().replace("40,exact,40 procent", "41,exact,41 procent"))
    changed = load_all(data)["functietitels"]
    result = chart_for(changed, cache)
    assert result.rendered is True and "41%" in result.svg
    assert len(list(cache.glob("functietitels-*.svg"))) == 1  # the stale one is gone


def test_no_hatching_legend_without_hatched_bars(svgs):
    # functietitels has only exact figures: nothing is hatched, so no legend.
    assert "Gearceerd" not in svgs["functietitels"]
    # beroepen has one estimate (jongerenwerkers, 'about'): hatched, with the legend;
    # the words-only row shows its words instead of a bar.
    assert "Gearceerd" in svgs["beroepen"]
    assert "enkele honderden" in svgs["beroepen"]


# ---- PNG for slides and documents (issue 12) ---------------------------------

@pytest.fixture(scope="module")
def pngs():
    from kinderwerk.charts import render_png
    return {d.id: render_png(d) for d in CHARTED}


@pytest.mark.parametrize("dataset", CHARTED, ids=lambda d: d.id)
def test_png_is_twice_the_svg_resolution_on_white(svgs, pngs, dataset):
    from io import BytesIO

    from PIL import Image
    image = Image.open(BytesIO(pngs[dataset.id]))
    # The SVG is in points (1/72 inch) and drawn at 100 dpi; the PNG has twice
    # that, and is taller: a title above and the source below the same chart.
    _, _, width_pt, height_pt = (float(v) for v in ET.fromstring(svgs[dataset.id]).get("viewBox").split())
    assert image.width == round(width_pt / 72 * 200)
    assert image.height > round(height_pt / 72 * 200) + 100
    assert round(image.info["dpi"][0]) == 200
    rgba = image.convert("RGBA")
    assert rgba.getchannel("A").getextrema() == (255, 255), "doorzichtige pixels"
    for corner in ((0, 0), (rgba.width - 1, 0), (0, rgba.height - 1), (rgba.width - 1, rgba.height - 1)):
        assert rgba.getpixel(corner) == (255, 255, 255, 255), corner
    assert rgba.convert("L").getextrema()[0] <= 0x30, "geen donkere tekst"
    assert "Software" not in image.info and "Date" not in str(image.info)


def test_png_same_data_same_bytes_across_processes(pngs):
    code = ("import sys;"
            "from kinderwerk.datasets import load_all; from kinderwerk.charts import render_png;"
            "sys.stdout.buffer.write(render_png(load_all('data')['doelstellingen']))")
    other = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                           env={"PYTHONHASHSEED": "7", "PATH": "/usr/bin:/bin"}, check=True).stdout
    assert other == pngs["doelstellingen"]


def test_cache_keeps_the_png_beside_the_svg(tmp_path):
    _data, cache, dataset = functietitels_copy(tmp_path)
    first = chart_for(dataset, cache)
    warm = chart_for(dataset, cache)
    assert first.rendered and not warm.rendered
    assert warm.png == first.png and warm.png.startswith(b"\x89PNG")
    # A cache from before the PNG (SVG only) is drawn again, not served without a PNG.
    next(cache.glob("functietitels-*.png")).unlink()
    assert chart_for(dataset, cache).rendered is True
    assert len(list(cache.glob("functietitels-*.png"))) == 1
