"""kinderwerk.images: what is published of a contributed photo. Every photo
here is made by the test (scripts/dev/fake_photos.py), never one from docs/.

Asserted on the published bytes: no metadata (EXIF, GPS, XMP, IPTC,
comments, PNG text, colour profile), upright, never wider than 2000 px, in
sRGB; limits and format checked from the header, before any decoding; a warm
cache encodes nothing."""
from __future__ import annotations

import io
import os

import pytest
from PIL import Image

import fake_photos as fp
from kinderwerk import images

SECRET = fp.SECRET.encode()


def published(photo: images.Photo) -> list[bytes]:
    return [v.path.read_bytes() for v in photo.variants]


def assert_clean(data: bytes) -> None:
    """No metadata block of any kind in a published file."""
    assert SECRET not in data
    for marker in (b"Exif\x00\x00", b"http://ns.adobe.com/xap", b"xmpmeta", b"Photoshop 3.0", b"8BIM",
                   b"ICC_PROFILE", b"GPS", b"Telefoonmerk", b"Geheimstad", b"tEXt", b"zTXt", b"iTXt",
                   b"eXIf", b"Location", b"52.0952"):
        assert marker not in data, marker
    image = Image.open(io.BytesIO(data))
    assert not {"exif", "xmp", "icc_profile", "comment", "photoshop", "XML:com.adobe.xmp"} & set(image.info)
    assert len(image.getexif()) == 0
    assert image.mode in ("RGB", "RGBA")


def red_corner(data: bytes) -> bool:
    """The marked corner (fake_photos.marked) is top left: the photo is upright."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    r, g, b = image.getpixel((3, 3))
    return r > 200 and g < 40 and b < 40


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


def test_phone_photo_is_published_upright_small_and_without_metadata(cache):
    source = fp.phone_jpeg(detail=False)  # GPS, camera, time, maker note, comment, XMP, IPTC, ICC; orientation 6
    stored = Image.open(io.BytesIO(source))
    assert stored.size == (3024, 4032) and stored.getexif()[fp.ORIENTATION] == 6
    assert SECRET in source and b"8BIM" in source  # the source really carries them
    assert images.inspect_bytes(source, "x.jpg").location

    photo = images.process_bytes(source, "docs/praktijkvoorbeelden/x.jpg", cache)
    assert (photo.width, photo.height) == (1600, 1200)       # shown landscape, as the phone showed it
    assert [v.width for v in photo.webp] == [480, 800, 1200, 1600]
    assert photo.jpeg.width <= 1600 and photo.jpeg.kind == "jpeg"
    for variant, data in zip(photo.variants, published(photo), strict=True):
        assert_clean(data)
        assert red_corner(data), variant
        with Image.open(io.BytesIO(data)) as image:
            assert image.width <= images.MAX_WIDTH
            assert image.width > image.height                 # upright: landscape
            assert image.format == ("WEBP" if variant.kind == "webp" else "JPEG")
            assert image.size == (variant.width, variant.height)


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_every_orientation_shows_upright(orientation, cache):
    photo = images.process_bytes(fp.phone_jpeg(800, 600, orientation=orientation, detail=False),
                                 "o.jpg", cache)
    assert (photo.width, photo.height) == (800, 600)
    assert all(red_corner(d) for d in published(photo))


def test_png_with_text_chunks_xmp_and_exif_is_stripped(cache):
    source = fp.screenshot_png(600, 1300)
    assert SECRET in source and b"zTXt" in source and b"iTXt" in source and b"eXIf" in source
    header = images.inspect_bytes(source, "scherm.png")
    assert header.format == "PNG" and header.location   # GPS in its XMP
    for data in published(images.process_bytes(source, "scherm.png", cache)):
        assert_clean(data)


def test_heic_from_an_iphone_is_read_upright_and_stripped(cache):
    pytest.importorskip("pillow_heif")
    source = fp.heic(800, 600)
    header = images.inspect_bytes(source, "IMG_0001.HEIC")
    assert header.format == "HEIC" and (header.width, header.height) == (800, 600)
    photo = images.process_bytes(source, "IMG_0001.HEIC", cache)
    for data in published(photo):
        assert_clean(data)
        assert red_corner(data)


def test_colour_profile_and_cmyk_become_srgb(cache):
    cmyk = Image.new("CMYK", (400, 300), (0, 255, 255, 0))   # red in CMYK
    out = io.BytesIO()
    cmyk.save(out, "JPEG", quality=95)
    for data in published(images.process_bytes(out.getvalue(), "cmyk.jpg", cache)):
        assert_clean(data)
        r, g, b = Image.open(io.BytesIO(data)).convert("RGB").getpixel((200, 150))
        assert r > 200 and g < 60 and b < 60


def test_format_comes_from_the_content_not_the_name(cache):
    png = fp.screenshot_png(300, 200)
    header = images.inspect_bytes(png, "docs/praktijkvoorbeelden/vakantie.jpg")   # a PNG renamed to .jpg
    assert header.format == "PNG"
    assert images.process_bytes(png, "vakantie.jpg", cache).webp
    disguised = {
        "foto.jpg": (b"<!doctype html><script>alert(1)</script>", "webpagina"),
        "foto.png": (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>', "SVG"),
        "foto.webp": (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "GIF"),
        "foto.jpeg": (b"%PDF-1.7\n", "pdf"),
        "foto.heic": (b"", "leeg bestand"),
    }
    for name, (content, kind) in disguised.items():
        with pytest.raises(images.PhotoProblem) as caught:
            images.process_bytes(content, f"docs/praktijkvoorbeelden/{name}", cache)
        message = str(caught.value)
        assert message.startswith(f"docs/praktijkvoorbeelden/{name}: ") and kind in message, message
        assert "Sla de foto opnieuw op als JPG" in message
    assert len(list(cache.glob("*/photo.json"))) == 1   # only the renamed PNG was published


def never_decode(monkeypatch):
    """Any decoding from here on fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("gedecodeerd")
    monkeypatch.setattr(Image.Image, "load", refuse)
    monkeypatch.setattr(images, "decode", refuse)


@pytest.mark.parametrize("width,height,shown", [(30_000, 30_000, "900 megapixel"),
                                                (9_000, 5_000, "45 megapixel")])
def test_decompression_bomb_is_refused_from_its_header(width, height, shown, cache, monkeypatch):
    bomb = fp.bomb_png(width, height)
    assert len(bomb) < 10_000
    never_decode(monkeypatch)
    with pytest.raises(images.PhotoProblem) as caught:
        images.process_bytes(bomb, "docs/praktijkvoorbeelden/bom.png", cache)
    message = str(caught.value)
    assert "docs/praktijkvoorbeelden/bom.png" in message and shown in message and "40 megapixel" in message
    assert "kleiner" in message


def test_file_over_25_mb_is_refused_before_it_is_read(tmp_path, cache, monkeypatch):
    big = tmp_path / "IMG_9999.JPG"
    big.write_bytes(fp.phone_jpeg(64, 48, detail=False))
    os.truncate(big, 41_200_000)     # sparse: 41 MB on paper, nothing on disk
    never_decode(monkeypatch)
    monkeypatch.setattr(images, "cache_key", lambda *a: (_ for _ in ()).throw(AssertionError("gelezen")))
    with pytest.raises(images.PhotoProblem) as caught:
        images.process(big, "docs/praktijkvoorbeelden/IMG_9999.JPG", cache)
    message = str(caught.value)
    assert "IMG_9999.JPG" in message and "41,2 MB" in message and "25 MB" in message and "WhatsApp" in message


def test_photo_is_never_wider_than_2000_nor_enlarged(cache):
    small = images.process_bytes(fp.phone_jpeg(300, 200, orientation=1, detail=False), "klein.jpg", cache)
    assert [v.width for v in small.variants] == [300, 300]   # one WebP at its own width, and the JPEG
    wide = images.widths_for(6000, images.Settings(widths=(480, 3000)))
    assert max(wide) <= images.MAX_WIDTH


def test_warm_cache_encodes_nothing_and_settings_are_part_of_the_key(cache, monkeypatch):
    source = fp.phone_jpeg(1200, 900, detail=False)
    cold = images.process_bytes(source, "a.jpg", cache)
    assert cold.encoded == len(cold.variants) == 4   # WebP at 480, 800, 1200 and the JPEG
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*")}
    monkeypatch.setattr(images, "_encode", lambda *a: (_ for _ in ()).throw(AssertionError("opnieuw gemaakt")))
    monkeypatch.setattr(images, "decode", lambda *a, **k: (_ for _ in ()).throw(AssertionError("gedecodeerd")))
    warm = images.process_bytes(source, "a.jpg", cache)
    assert warm.encoded == 0 and warm.variants == cold.variants
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*")} == before
    other = images.Settings(webp_quality=60)
    assert images.cache_key(source, other) != images.cache_key(source)
    assert images.cache_key(source + b"\x00") != images.cache_key(source)


def test_incomplete_cache_entry_is_made_again(cache):
    source = fp.phone_jpeg(900, 600, orientation=1, detail=False)
    photo = images.process_bytes(source, "a.jpg", cache)
    photo.webp[0].path.unlink()   # a build stopped halfway
    again = images.process_bytes(source, "a.jpg", cache)
    assert again.encoded and again.webp[0].path.is_file()



def test_truncated_photo_gets_a_dutch_message(cache):
    cut = fp.phone_jpeg(800, 600, detail=False)[:4000]   # the header is fine, the picture is cut off
    with pytest.raises(images.PhotoProblem) as caught:
        images.process_bytes(cut, "docs/praktijkvoorbeelden/kapot.jpg", cache)
    assert "kapot.jpg" in str(caught.value) and "beschadigd" in str(caught.value)


def test_two_files_with_the_same_bytes_at_once(cache):
    from concurrent.futures import ThreadPoolExecutor
    data = fp.phone_jpeg(900, 600, orientation=1, detail=False)
    with ThreadPoolExecutor(4) as pool:
        photos = list(pool.map(lambda n: images.process_bytes(data, f"{n}.jpg", cache), range(4)))
    assert len({p.key for p in photos}) == 1 and all(v.path.is_file() for v in photos[0].variants)
