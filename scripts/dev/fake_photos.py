"""Photos as a phone makes them, made with Pillow, for the tests and the
benchmark (never a real photo of anyone): a JPEG with GPS, camera, time,
orientation, maker notes, a comment, XMP, IPTC and a colour profile; a PNG
with text chunks; a HEIC; a header-only decompression bomb.

    phone_jpeg(detail=True)   4032 x 3024 stored sideways (orientation 6), as a phone does
    bomb_png(30_000, 30_000)  a few hundred bytes that declare 900 megapixels

``detail=True`` draws a scene with texture at every scale (sizes of the
encoded files close to a real phone photo: about 4 MB, and 150-300 KB at 1600
pixels); ``detail=False`` is quick, for tests that only look at metadata.
"""
from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageCms, ImageDraw, ImageFilter, PngImagePlugin

GPS_NORTH, GPS_EAST = (52.0, 5.0, 42.0), (4.0, 56.0, 21.0)   # made up: a field near nowhere
SECRET = "KW-GEHEIM-LOCATIE"  # a marker in every metadata block; must never be published
ORIENTATION = 0x0112
XMP = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       f'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,5.7N" '
       f'exif:UserComment="{SECRET}"/></rdf:RDF></x:xmpmeta>').encode()


def exif_bytes(orientation: int = 6) -> bytes:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Telefoonmerk"             # Make
    exif[0x0110] = f"Model {SECRET}"          # Model
    exif[0x0132] = "2026:06:14 15:42:07"      # DateTime
    exif[0x013B] = "Artiest Geheim"           # Artist
    exif[0x8825] = {1: "N", 2: GPS_NORTH, 3: "E", 4: GPS_EAST, 6: 3.5}   # GPS IFD
    exif[0x8769] = {0x9003: "2026:06:14 15:42:07", 0x927C: SECRET.encode() * 4,   # DateTimeOriginal, MakerNote
                    0x9286: b"ASCII\x00\x00\x00" + SECRET.encode()}              # UserComment
    return exif.tobytes()


def scene(width: int, height: int, seed: int = 1, detail: bool = True) -> Image.Image:
    """A made-up scene: shapes with edges on a background with texture at
    every scale (1/f noise, like grass, trees and walls)."""
    import numpy as np
    rng = np.random.default_rng(seed)
    if detail:
        pixels = np.zeros((height, width, 3), np.float32)
        amplitude, size = 45.0, 4
        while size <= width:
            small = rng.normal(0, 1, (max(2, size * height // width), size, 3)).astype(np.float32)
            layer = Image.fromarray((small * 40 + 128).clip(0, 255).astype(np.uint8)).resize(
                (width, height), Image.BICUBIC)
            pixels += (np.asarray(layer, np.float32) - 128) / 40 * amplitude
            amplitude *= 0.8
            size *= 2
        pixels += np.array([120, 125, 110], np.float32)
        image = Image.fromarray(pixels.clip(0, 255).astype(np.uint8))
    else:
        image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for i in range(25):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        r = int(rng.integers(width // 60 + 1, width // 6 + 2))
        colour = tuple(int(c) for c in rng.integers(20, 235, 3))
        (draw.ellipse if i % 2 else draw.rectangle)((x - r, y - r // 2, x + r, y + r // 2), fill=colour)
    if detail:
        image = image.filter(ImageFilter.GaussianBlur(1.2))
        grain = rng.normal(0, 4, (height, width, 1)).astype(np.float32)
        image = Image.fromarray((np.asarray(image, np.float32) + grain).clip(0, 255).astype(np.uint8))
    return image


def marked(image: Image.Image) -> Image.Image:
    """A red block in the top-left corner of the picture as it should be SHOWN,
    so a test can tell upright from sideways."""
    image = image.copy()
    ImageDraw.Draw(image).rectangle((0, 0, image.width // 5, image.height // 8), fill=(230, 0, 0))
    return image


def _iptc_segment() -> bytes:
    """An APP13 Photoshop/IPTC block (Pillow writes none of its own)."""
    def dataset(number: int, value: bytes) -> bytes:
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value)) + value
    iptc = dataset(90, b"Geheimstad") + dataset(120, SECRET.encode())   # City, Caption
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    if len(iptc) % 2:
        resource += b"\x00"
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def phone_jpeg(width: int = 4032, height: int = 3024, orientation: int = 6, detail: bool = True,
               seed: int = 1, quality: int = 92) -> bytes:
    """A phone photo: the picture as shown is ``width`` x ``height`` with a red
    block top left; stored rotated, with ``orientation`` telling a viewer how
    to turn it (6: turn 90 degrees clockwise), and every kind of metadata."""
    shown = marked(scene(width, height, seed, detail))
    stored = {1: shown, 3: shown.transpose(Image.Transpose.ROTATE_180),
              6: shown.transpose(Image.Transpose.ROTATE_90),        # stored = shown turned back
              8: shown.transpose(Image.Transpose.ROTATE_270)}[orientation]
    out = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    stored.save(out, "JPEG", quality=quality, exif=exif_bytes(orientation), comment=SECRET.encode(),
                xmp=XMP, icc_profile=srgb)
    data = out.getvalue()
    return data[:2] + _iptc_segment() + data[2:]   # IPTC right after the start marker


def screenshot_png(width: int = 1170, height: int = 2532, seed: int = 3) -> bytes:
    """A phone screenshot as PNG, with text chunks (tEXt, zTXt, iTXt) and eXIf."""
    image = scene(width, height, seed, detail=False)
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET)
    info.add_text("Location", "52.0952 N 4.9392 E", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=exif_bytes(1))
    return out.getvalue()


def heic(width: int = 1200, height: int = 900, orientation: int = 6) -> bytes:
    """An iPhone-style HEIC (pillow-heif writes it), stored sideways with EXIF."""
    import pillow_heif
    pillow_heif.register_heif_opener()
    shown = marked(scene(width, height, 5, detail=False))
    stored = shown.transpose(Image.Transpose.ROTATE_90) if orientation == 6 else shown
    out = io.BytesIO()
    stored.save(out, "HEIF", quality=80, exif=exif_bytes(orientation))
    return out.getvalue()


def bomb_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A PNG header that declares ``width`` x ``height`` (900 megapixels by
    default) with a tiny, truncated body: decoding it would need gigabytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 4096)) + chunk(b"IEND", b""))
