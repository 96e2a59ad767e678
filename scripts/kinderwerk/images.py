"""Contributed photos: recognised, bounded, upright, stripped and resized.

Every raster image a contributor adds (JPEG, PNG, WebP, HEIC/HEIF from an
iPhone) goes through ``process`` before anything of it is published:

1. Limits first. The file size is read from the file system and the pixel
   count from the header (Pillow's ``Image.open`` is lazy: ``.size`` is known
   before ``.load()`` decodes anything), so a 41 MB photo or a PNG of a few KB
   that declares 900 megapixels is refused without being decoded.
2. The format comes from the content, never from the file name: Pillow opens
   the file with only the four allowed decoders; anything else (an SVG or a
   web page renamed to .jpg) is refused with a Dutch message.
3. Decoded once (a JPEG at a reduced DCT scale when the largest derivative is
   at most half its size), turned upright (``ImageOps.exif_transpose``),
   converted to sRGB with its ICC profile (``ImageCms``), and everything in
   ``Image.info`` is dropped: the files are written with no EXIF, GPS, XMP,
   IPTC, maker notes, comments or colour profile (browsers assume sRGB).
4. Written as WebP at a few widths (for ``srcset``) and as one progressive
   JPEG that fits ``print_box``: the fallback ``src`` for browsers without
   WebP and the image in the PDF edition (Chromium embeds a JPEG as it is, but
   turns a WebP into raw pixels).
5. Cached under ``cache_dir`` by a key of the source bytes and the settings;
   a warm build reads the cache and encodes nothing.

The messages (``PhotoProblem``) are Dutch and name the file. Plain Python:
no MkDocs import.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import re
import threading
import warnings
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

try:  # HEIC/HEIF (iPhone photos); pinned in requirements.txt
    import pillow_heif
    pillow_heif.register_heif_opener()
    HEIF = True
except ImportError:  # pragma: no cover - the lock installs it
    HEIF = False

MAX_BYTES = 25_000_000      # 25 MB
MAX_PIXELS = 40_000_000     # 40 megapixels
MAX_WIDTH = 2000            # no published file is wider (the widths below stay under it)
# Pillow's decoder name -> what a contributor calls the format.
FORMATS = {"JPEG": "JPG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "HEIC"}
HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")
SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif")
# EXIF orientations that swap width and height (rotated by 90 or 270 degrees).
SIDEWAYS = {5, 6, 7, 8}
HOW_TO_SHRINK = ("Maak de foto kleiner: stuur hem bijvoorbeeld via WhatsApp of e-mail naar jezelf en kies "
                 "'gemiddeld' of 'klein', of sla hem op met een breedte van ongeveer 2000 pixels (in Windows: "
                 "open de foto in Paint en kies 'Formaat wijzigen'). Op de site is een foto nooit breder dan "
                 "1600 pixels, dus je ziet geen verschil.")
SAVE_AS_JPG = ("Sla de foto opnieuw op als JPG (bijvoorbeeld met 'Opslaan als' of 'Exporteren') en zet die "
               "hier neer.")


@dataclass(frozen=True)
class Settings:
    """Everything that shapes the published files (part of the cache key)."""

    widths: tuple[int, ...] = (480, 800, 1200, 1600)   # WebP for srcset; never above MAX_WIDTH
    webp_quality: int = 78
    print_box: tuple[int, int] = (1600, 1200)           # the JPEG: fallback src and PDF edition
    jpeg_quality: int = 80
    version: str = "1"                                   # bump when the code below changes the output

    def key(self) -> bytes:
        fields = dataclasses.asdict(self)
        fields["libraries"] = [version("pillow"), version("pillow-heif") if HEIF else ""]
        fields["limits"] = [MAX_BYTES, MAX_PIXELS, MAX_WIDTH]
        return json.dumps(fields, sort_keys=True).encode()


SETTINGS = Settings()


class PhotoProblem(Exception):
    """A photo that cannot be published: ``file`` as the contributor knows it,
    ``reason`` in Dutch (what is wrong and what to do)."""

    def __init__(self, file: str, reason: str):
        self.file, self.reason = file, reason
        super().__init__(f"{file}: {reason}")


@dataclass(frozen=True)
class Header:
    """What the header says, before any decoding."""

    format: str           # "JPG", "PNG", "WEBP" or "HEIC"
    width: int            # as shown (after the EXIF orientation)
    height: int
    bytes: int
    location: bool = False  # the source file says where it was taken (GPS in EXIF or XMP)


@dataclass(frozen=True)
class Variant:
    kind: str             # "webp" or "jpeg"
    width: int
    height: int
    path: Path            # in the cache

    @property
    def suffix(self) -> str:
        return "webp" if self.kind == "webp" else "jpg"


@dataclass(frozen=True)
class Photo:
    """The published files of one source photo."""

    key: str
    width: int            # of the widest WebP (for the width/height attributes)
    height: int
    webp: tuple[Variant, ...]
    jpeg: Variant
    encoded: int = 0      # files encoded for this call (0: all read from the cache)

    @property
    def variants(self) -> tuple[Variant, ...]:
        return self.webp + (self.jpeg,)


def megabytes(size: int) -> str:
    """'41,2 MB' (Dutch decimal comma)."""
    return f"{size / 1e6:.1f}".replace(".", ",") + " MB"


def _pixels_text(width: int, height: int) -> str:
    mp = width * height / 1e6
    shown = f"{mp:.0f}" if mp >= 10 else f"{mp:.1f}".replace(".", ",")
    return f"{shown} megapixel ({width:,} × {height:,} pixels)".replace(",", ".")


def _what_it_is(head: bytes) -> str:
    """A guess at what a refused file really is, for the message only."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for prefix, name in ((b"gif8", "een GIF-bestand"), (b"%pdf", "een pdf"), (b"pk\x03\x04", "een zip- of "
                         "Word-bestand"), (b"bm", "een BMP-bestand"), (b"ii*\x00", "een TIFF-bestand"),
                         (b"mm\x00*", "een TIFF-bestand")):
        if text.startswith(prefix):
            return name
    if text.startswith((b"<svg", b"<?xml")) or b"<svg" in text[:512]:
        return "een SVG-tekening (die kan code bevatten)"
    if text.startswith((b"<!doctype", b"<html", b"<")):
        return "een webpagina of ander tekstbestand"
    if head[4:12] in (b"ftypavif", b"ftypavis"):
        return "een AVIF-bestand"
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "een HEIC-foto (van een iPhone), maar deze computer kan HEIC niet lezen"
    if not head:
        return "een leeg bestand"
    return "geen foto die de site kan lezen"


def _open(data: bytes, shown_as: str) -> Image.Image:
    """Open lazily with only the allowed decoders; nothing is decoded yet."""
    formats = [f for f in FORMATS if f != "HEIF" or HEIF]
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own limit; ours is lower and checked next.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=formats)
    except Image.DecompressionBombError as exc:
        found = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = f"{int(found.group(1)) / 1e6:,.0f} megapixel".replace(",", ".") if found else "heel veel pixels"
        raise PhotoProblem(shown_as, f"dit bestand zegt dat de foto {pixels} groot is; de grens is "
                           f"{MAX_PIXELS // 1_000_000} megapixel. Zo'n bestand kan de computer die de site "
                           f"bouwt vastzetten; het wordt niet geopend. {HOW_TO_SHRINK}") from None
    except Exception:  # noqa: BLE001 -- any parser error on a hostile file is "not a photo", never a traceback
        if not HEIF and data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS:
            raise PhotoProblem(shown_as, "dit is een HEIC-foto van een iPhone, maar op deze computer ontbreekt "
                               "het onderdeel dat HEIC leest (pillow-heif; `make install` zet het erbij). Of: "
                               f"{SAVE_AS_JPG[0].lower()}{SAVE_AS_JPG[1:]} Op de iPhone zelf: Instellingen > "
                               "Camera > Formaten > 'Meest compatibel' maakt voortaan JPG.") from None
        suffix = Path(shown_as).suffix.lstrip(".") or "zonder extensie"
        raise PhotoProblem(shown_as, f"dit bestand heet .{suffix}, maar het is geen JPG-, PNG-, WEBP- of "
                           f"HEIC-foto: het is {_what_it_is(data[:1024])}. {SAVE_AS_JPG}") from None


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(0x0112, 1))
    except Exception:  # noqa: BLE001 -- a broken EXIF block is not a reason to refuse the photo
        return 1


def _has_location(image: Image.Image) -> bool:
    """GPS latitude or longitude in the EXIF or XMP of the source (for a notice:
    the published files never carry it)."""
    try:
        gps = image.getexif().get_ifd(0x8825)
    except Exception:  # noqa: BLE001
        gps = {}
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    xmp = xmp.encode("utf-8", "replace") if isinstance(xmp, str) else bytes(xmp)
    return bool({2, 4} & set(gps)) or b"GPSLatitude" in xmp or b"GPSLongitude" in xmp


def _header(image: Image.Image, size: int, shown_as: str) -> Header:
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise PhotoProblem(shown_as, f"deze foto heeft {_pixels_text(width, height)}; de grens is "
                           f"{MAX_PIXELS // 1_000_000} megapixel. {HOW_TO_SHRINK}")
    if _orientation(image) in SIDEWAYS:
        width, height = height, width
    return Header(FORMATS[image.format or ""], width, height, size, _has_location(image))


def _check_size(size: int, shown_as: str) -> None:
    if size > MAX_BYTES:
        raise PhotoProblem(shown_as, f"deze foto is {megabytes(size)}; de grens is "
                           f"{MAX_BYTES // 1_000_000} MB. {HOW_TO_SHRINK}")


def read_limited(path: Path, shown_as: str) -> bytes:
    """The file's bytes, after checking its size on disk (and again while reading)."""
    _check_size(path.stat().st_size, shown_as)
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    _check_size(len(data), shown_as)
    return data


def inspect_bytes(data: bytes, shown_as: str) -> Header:
    """Format and size from the header only; PhotoProblem if it cannot be published."""
    _check_size(len(data), shown_as)
    with _open(data, shown_as) as image:
        return _header(image, len(data), shown_as)


def inspect(path: Path, shown_as: str) -> Header:
    return inspect_bytes(read_limited(Path(path), shown_as), shown_as)


# --- Decoding and encoding ----------------------------------------------------------

def _to_srgb(image: Image.Image) -> Image.Image:
    """Pixels in sRGB (RGB or RGBA), whatever the mode and colour profile."""
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode == "PA" else "RGB")
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L", "LA"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            alpha = image.getchannel("A") if "A" in image.getbands() else None
            base = image.convert("RGB" if image.mode == "RGBA" else "L") if image.mode in ("RGBA", "LA") \
                else image
            converted = ImageCms.profileToProfile(base, source, ImageCms.createProfile("sRGB"),
                                                  outputMode="RGB")
            assert converted is not None  # None only with inPlace=True
            if alpha is not None:
                converted.putalpha(alpha)
            image = converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken profile: take the pixels as they are
    if image.mode in ("LA", "RGBA") or (image.mode != "RGB" and "A" in image.getbands()):
        image = image.convert("RGBA")
        if image.getchannel("A").getextrema()[0] == 255:  # fully opaque: no alpha needed
            image = image.convert("RGB")
    elif image.mode != "RGB":
        image = image.convert("RGB")
    return image


def _fit(width: int, height: int, box_w: int, box_h: int | None = None) -> tuple[int, int]:
    scale = min(1.0, box_w / width, (box_h / height) if box_h else 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))


def decode(data: bytes, shown_as: str, largest: tuple[int, int] | None = None) -> Image.Image:
    """Decoded, upright, in sRGB, with no metadata left in ``info``.

    ``largest``: the largest size (as shown) anything needs; a JPEG is then
    decoded at the smallest DCT scale that still covers it."""
    image = _open(data, shown_as)
    header = _header(image, len(data), shown_as)
    if largest and image.format == "JPEG":
        scale = max(largest[0] / header.width, largest[1] / header.height)
        stored = image.size
        image.draft(None, (max(1, int(stored[0] * scale)), max(1, int(stored[1] * scale))))
    try:
        image.load()  # of an animation, the first picture only
        image = ImageOps.exif_transpose(image)
        image = _to_srgb(image)
    except PhotoProblem:
        raise
    except Exception:  # noqa: BLE001 -- a truncated or broken file, whatever the decoder raises
        raise PhotoProblem(shown_as, f"deze foto is beschadigd of niet helemaal opgeslagen; de site kan hem "
                           f"niet lezen. Zet de foto opnieuw in de map, of {SAVE_AS_JPG[0].lower()}"
                           f"{SAVE_AS_JPG[1:]}") from None
    image.info = {}  # EXIF, GPS, XMP, IPTC, comments, ICC: nothing travels on
    return image


def _encode(image: Image.Image, kind: str, settings: Settings) -> bytes:
    image.info = {}
    out = io.BytesIO()
    if kind == "webp":
        image.save(out, "WEBP", quality=settings.webp_quality, method=4)
    else:
        if image.mode == "RGBA":  # JPEG has no transparency: on white, as on the page
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        image.save(out, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True)
    return out.getvalue()


def widths_for(width: int, settings: Settings = SETTINGS) -> list[int]:
    """The WebP widths for a photo ``width`` pixels wide: never wider than the
    photo itself, nor than the widest setting."""
    top = min(width, max(settings.widths), MAX_WIDTH)
    return [w for w in settings.widths if w < top] + [top]


def render(image: Image.Image, settings: Settings = SETTINGS) -> dict[tuple[str, int], tuple[int, int, bytes]]:
    """(kind, width) -> (width, height, encoded bytes) for every published file."""
    out = {}
    width, height = image.size
    current = image
    for w in sorted(widths_for(width, settings), reverse=True):  # each from the next larger: faster
        size = _fit(width, height, w)
        current = current.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0) if current.size != size else current
        out[("webp", size[0])] = (*size, _encode(current, "webp", settings))
    size = _fit(width, height, *settings.print_box)
    printed = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0) if image.size != size else image
    out[("jpeg", size[0])] = (*size, _encode(printed, "jpeg", settings))
    return out


def cache_key(data: bytes, settings: Settings = SETTINGS) -> str:
    digest = hashlib.sha256()
    for part in (settings.key(), data):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()[:24]


def _from_manifest(folder: Path, key: str) -> Photo | None:
    try:
        manifest = json.loads((folder / "photo.json").read_text(encoding="utf-8"))
        variants = [Variant(v["kind"], v["width"], v["height"], folder / v["file"]) for v in manifest["files"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not all(v.path.is_file() for v in variants):
        return None
    webp = tuple(v for v in variants if v.kind == "webp")
    jpeg = next((v for v in variants if v.kind == "jpeg"), None)
    if not webp or jpeg is None:
        return None
    return Photo(key, webp[-1].width, webp[-1].height, webp, jpeg)


def _write(path: Path, content: bytes) -> None:
    # Per process and thread: two files with the same bytes share a cache entry.
    tmp = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(content)
    tmp.replace(path)


def process(path: Path, shown_as: str, cache_dir: Path, settings: Settings = SETTINGS) -> Photo:
    """The published files of the photo at ``path``, from the cache when its
    bytes and the settings are unchanged; PhotoProblem (Dutch) if it cannot be
    published."""
    data = read_limited(Path(path), shown_as)
    return process_bytes(data, shown_as, cache_dir, settings)


def process_bytes(data: bytes, shown_as: str, cache_dir: Path, settings: Settings = SETTINGS) -> Photo:
    key = cache_key(data, settings)
    folder = Path(cache_dir) / key
    cached = _from_manifest(folder, key)
    if cached is not None:
        return cached
    header = inspect_bytes(data, shown_as)
    top = _fit(header.width, header.height, min(max(settings.widths), MAX_WIDTH))
    image = decode(data, shown_as, largest=top)
    files = render(image, settings)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = []
    for (kind, width), (w, h, content) in sorted(files.items()):
        name = f"{width}.{'webp' if kind == 'webp' else 'jpg'}"
        _write(folder / name, content)
        manifest.append({"kind": kind, "width": w, "height": h, "file": name})
    # The manifest goes last: a cache entry with a manifest is complete.
    _write(folder / "photo.json", json.dumps({"files": manifest}, indent=1).encode())
    photo = _from_manifest(folder, key)
    assert photo is not None
    return dataclasses.replace(photo, encoded=len(files))


def publishable_original(data: bytes, shown_as: str, longest: int = MAX_WIDTH) -> bytes:
    """A JPEG to commit in place of a submitted photo (the form route):
    upright, no metadata, at most ``longest`` pixels on its long side, so the
    repository never holds the location or the full-size original."""
    header = inspect_bytes(data, shown_as)
    size = _fit(header.width, header.height, longest, longest)
    image = decode(data, shown_as, largest=size)
    if image.size != size:
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return _encode(image, "jpeg", dataclasses.replace(SETTINGS, jpeg_quality=88))
