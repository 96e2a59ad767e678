"""Photos in practice examples, end to end in a copy of the project with
made-up examples and photos made by the test (never docs/ as it is):

* `make check` and the build refuse a page with photos without
  ``toestemming_fotos: ja`` (missing, nee), and a photo no page shows;
* a disguised file, a bomb or an oversized photo is named in Dutch;
* the built site holds no original, no metadata, only derivatives of at most
  2000 px, and the markup a phone reader needs (srcset, sizes, width,
  height, lazy/async except the first photo, the alt text);
* a warm build encodes nothing.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

import fake_photos as fp
from project_copy import copy_project, run_build
from test_check import FOLDER, errors, example, run_check, write

PAGE = "speeldorp-hutten.md"
PHOTOS = ("speeldorp-hut.jpg", "speeldorp-verf.jpg")


def with_photos(consent=None, names=PHOTOS) -> str:
    fields = {} if consent is None else {"toestemming_fotos": consent}
    images = "\n\n".join(f"![Kinderen aan het werk, foto {i + 1}]({name})" for i, name in enumerate(names))
    return example(**fields).replace("Ouders leerden elkaar kennen.", f"Ouders leerden elkaar kennen.\n\n{images}")


@pytest.fixture
def project(tmp_path, warm_cache) -> Path:
    target = copy_project(tmp_path / "project", cache=warm_cache)  # charts drawn already; never the photo cache
    write(target, PHOTOS[0], fp.phone_jpeg(2000, 1500, detail=False, seed=1))           # GPS, orientation 6
    write(target, PHOTOS[1], fp.phone_jpeg(2000, 1500, orientation=1, detail=False, seed=2))
    return target


# --- The consent rule ---------------------------------------------------------------

@pytest.mark.parametrize("consent,expected", [
    (None, "de gegevens bovenaan zeggen niet dat er toestemming is"),
    ("nee", "bij toestemming_fotos staat nee"),
    (False, "bij toestemming_fotos staat nee"),
])
def test_check_refuses_photos_without_consent(consent, expected, project):
    write(project, PAGE, with_photos(consent))
    done = run_check(project)
    assert done.returncode == 1, done.stdout
    found = [line for line in errors(done.stdout) if PAGE in line and "toestemming_fotos" in line]
    assert len(found) == 1, done.stdout
    assert expected in found[0] and "AVG" in found[0] and "ouders of verzorgers" in found[0]
    assert "2 foto's" in found[0]
    assert "Traceback" not in done.stdout + done.stderr


def test_consent_ja_passes_and_gps_gets_a_notice(project):
    write(project, PAGE, with_photos("ja"))
    done = run_check(project)
    assert done.returncode == 0, done.stdout + done.stderr
    notices = [line for line in done.stdout.splitlines() if line.startswith("LET OP: ")]
    assert len(notices) == 2 and all("GPS" in n for n in notices), done.stdout


def test_consent_value_that_is_not_ja_or_nee(project):
    write(project, PAGE, with_photos("misschien"))
    done = run_check(project)
    assert done.returncode == 1
    assert any("toestemming_fotos" in line and "schrijf ja of nee" in line for line in errors(done.stdout))


def test_photo_that_no_page_shows_is_refused(project):
    write(project, PAGE, with_photos("ja", names=PHOTOS[:1]))
    done = run_check(project)
    assert done.returncode == 1
    found = errors(done.stdout)
    assert len(found) == 1 and PHOTOS[1] in found[0] and "in geen enkel praktijkvoorbeeld" in found[0], found


@pytest.mark.parametrize("content,expected", [
    (b"<html><body>geen foto</body></html>", "maar het is geen JPG-, PNG-, WEBP- of HEIC-foto"),
    (fp.bomb_png(30_000, 30_000), "900 megapixel"),
])
def test_check_names_a_disguised_file_or_a_bomb(content, expected, project):
    write(project, PHOTOS[1], content)
    write(project, PAGE, with_photos("ja"))
    done = run_check(project)
    assert done.returncode == 1
    assert any(PHOTOS[1] in line and expected in line for line in errors(done.stdout)), done.stdout


def test_check_names_an_image_on_another_website(project):
    write(project, PAGE, with_photos("ja", names=(PHOTOS[0],)).replace(
        "## Tips", "![Hut](https://host.example/hut.jpg)\n\n## Tips"))
    (project / FOLDER / PHOTOS[1]).unlink()
    done = run_check(project)
    assert done.returncode == 1
    assert any(PAGE in line and "andere website" in line for line in errors(done.stdout)), done.stdout


# --- The build ------------------------------------------------------------------------

def test_build_without_consent_stops_before_anything_is_written(project, tmp_path):
    write(project, PAGE, with_photos())
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/praktijkvoorbeelden/{PAGE}" in result.output and "toestemming_fotos" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").rglob("*.html"))
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").rglob("*.jpg"))


def test_built_page_publishes_derivatives_only_with_the_markup_a_phone_needs(project, tmp_path):
    # Photos the project's own examples already show (a contribution may have added some).
    from kinderwerk.examples.photos import is_photo
    already = sum(1 for f in (project / FOLDER).iterdir() if is_photo(f.name) and f.name not in PHOTOS)
    write(project, PAGE, with_photos("ja"))
    originals = {name: (project / FOLDER / name).read_bytes() for name in PHOTOS}
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    site = result.site
    counted = re.search(r"foto's: (\d+) gepubliceerd, (\d+) bestanden gemaakt", result.output)
    assert counted and int(counted.group(1)) == 2 + already, result.output[-2000:]
    assert int(counted.group(2)) >= 10   # 4 WebP widths and a JPEG for each of our 2 photos

    # No original: not by name, not by content, no metadata in anything published.
    files = [p for p in site.rglob("*") if p.is_file()]
    assert not [p for p in files if p.name in PHOTOS]
    for path in files:
        data = path.read_bytes()
        assert fp.SECRET.encode() not in data, path
        assert not any(original == data for original in originals.values()), path
    published = sorted(p for p in files if p.name.startswith(("speeldorp-hut.jpg.", "speeldorp-verf.jpg.")))
    assert len(published) == 10
    for path in published:
        with Image.open(path) as image:
            assert image.width <= 2000 and not image.getexif() and "icc_profile" not in image.info
            assert image.width > image.height, path   # upright: the phone stored the first one sideways

    page = (site / "praktijkvoorbeelden" / "speeldorp-hutten" / "index.html").read_text(encoding="utf-8")
    pictures = re.findall(r"<picture>(.*?)</picture>", page, re.S)
    assert len(pictures) == 2
    for number, picture in enumerate(pictures):
        source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', picture)
        assert source, picture
        widths = [int(w) for w in re.findall(r" (\d+)w", source.group(1))]
        assert widths == [480, 800, 1200, 1600]
        img = re.search(r"<img ([^>]+)>", picture).group(1)
        assert f'alt="Kinderen aan het werk, foto {number + 1}"' in img
        assert 'width="1600" height="1200"' in img
        lazy = 'loading="lazy"' in img and 'decoding="async"' in img
        assert lazy == (number > 0), img   # the first photo loads at once
        for url in re.findall(r'([^\s",]+\.(?:webp|jpg))', picture):
            assert (site / "praktijkvoorbeelden" / "speeldorp-hutten" / url).resolve().is_file(), url

    # Warm: the same photos, the cache answers, nothing is encoded again.
    again = run_build(project, tmp_path / "site2")
    assert again.returncode == 0
    total = 2 + already
    assert f"foto's: {total} gepubliceerd, 0 bestanden gemaakt ({total} foto's uit de cache)" in again.output
    for path in published:
        assert (tmp_path / "site2" / path.relative_to(site)).read_bytes() == path.read_bytes()


def test_contributors_own_srcset_or_picture_is_still_refused(project, tmp_path):
    text = with_photos("ja").replace(
        "## Tips", f'<img src="{PHOTOS[0]}" srcset="https://host.example/p.png 2x" alt="x">\n\n'
                   f'<picture><source srcset="{PHOTOS[1]}"></picture>\n\n## Tips')
    write(project, PAGE, text)
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "srcset" in result.output and PAGE in result.output
    assert not (tmp_path / "site").exists() or not (tmp_path / "site" / "index.html").exists()


def test_huge_photo_stops_the_build_naming_it(project, tmp_path):
    import os
    big = write(project, PHOTOS[1], fp.phone_jpeg(64, 48, detail=False))
    os.truncate(big, 26_000_000)
    write(project, PAGE, with_photos("ja"))
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/praktijkvoorbeelden/{PHOTOS[1]}" in result.output and "26,0 MB" in result.output
    assert "Traceback" not in result.output

