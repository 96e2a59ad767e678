"""Cost of contributed photos (part of `make bench`; a script, not a test).

    python scripts/dev/photo_benchmark.py [--photos 3]

Made-up phone photos (scripts/dev/fake_photos.py: 4032 x 3024, orientation 6,
GPS, about the size of a real one). Prints, measured in this one run:

* the pipeline per photo: cold (decode, turn, strip, encode every
  derivative) and warm (read from the cache);
* a build of the project with one example holding these photos: cold (empty
  photo cache) and warm, and the time per photo against the same build
  without photos;
* the weight of the example's photos: the originals (what main published
  before issue 16), every published file, and what a phone (390 px wide,
  DPR 3) picks from the srcset.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import fake_photos
from kinderwerk import images
from project_copy import ROOT, copy_project

PAGE = "docs/praktijkvoorbeelden/benchmark-fotos.md"
PHONE_CSS_WIDTH, PHONE_DPR, PHONE_MARGIN = 390, 3, 32   # the sizes rule below 960 px: 100vw - 32px


def _mb(size: int) -> str:
    return f"{size / 1e6:.2f} MB"


def add_photo_example(project: Path, photos: list[bytes]) -> list[str]:
    folder = project / "docs" / "praktijkvoorbeelden"
    names = []
    for number, data in enumerate(photos, start=1):
        name = f"benchmark-foto-{number}.jpg"
        (folder / name).write_bytes(data)
        names.append(name)
    text = (folder / "almere-de-schoor.md").read_text(encoding="utf-8")
    text = re.sub(r"^titel: .*$", "toestemming_fotos: ja\ntitel: fotobenchmark met telefoonfoto's", text,
                  count=1, flags=re.M)
    images_md = "\n\n".join(f"![Made-up scene {i}]({n})" for i, n in enumerate(names, start=1))
    text = text.replace("\n## Tips", f"\n{images_md}\n\n## Tips", 1)
    (project / PAGE).write_text(text, encoding="utf-8")
    return names


def build(project: Path, site: Path) -> float:
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode != 0:
        sys.exit(f"build failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def phone_pick(photo: images.Photo) -> images.Variant:
    """The WebP a phone takes from srcset: the narrowest at least as wide as
    the slot in device pixels (as Chromium does)."""
    need = (PHONE_CSS_WIDTH - PHONE_MARGIN) * PHONE_DPR
    return next((v for v in photo.webp if v.width >= need), photo.webp[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=3)
    args = parser.parse_args(argv)
    photos = [fake_photos.phone_jpeg(seed=n) for n in range(1, args.photos + 1)]
    with tempfile.TemporaryDirectory(prefix="kw-photo-bench-") as tmp:
        tmp = Path(tmp)
        cache = tmp / "cache"
        cold, warm, results = [], [], []
        for number, data in enumerate(photos):
            start = time.perf_counter()
            results.append(images.process_bytes(data, f"foto-{number}.jpg", cache))
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            images.process_bytes(data, f"foto-{number}.jpg", cache)
            warm.append(time.perf_counter() - start)

        project = copy_project(tmp / "project")
        if (ROOT / ".cache").is_dir():   # charts drawn already; never the photo cache
            shutil.copytree(ROOT / ".cache", project / ".cache", ignore=shutil.ignore_patterns("images"))
        build(project, tmp / "site")     # charts and the rest warm
        without = min(build(project, tmp / "site") for _ in range(2))
        add_photo_example(project, photos)
        build_cold = build(project, tmp / "site")
        build_warm = min(build(project, tmp / "site") for _ in range(2))

        originals = sum(len(p) for p in photos)
        published = sum(v.path.stat().st_size for r in results for v in r.variants)
        phone = sum(phone_pick(r).path.stat().st_size for r in results)
        print(f"Photos: {args.photos} made-up phone photos of 4032 x 3024, {_mb(originals / args.photos)} each")
        print(f"  pipeline per photo: cold {sum(cold) / len(cold):.2f} s, warm {sum(warm) / len(warm) * 1000:.1f} ms")
        print(f"  build without the photos:  {without:6.2f} s")
        for label, seconds in (("cold", build_cold), ("warm", build_warm)):
            print(f"  build, {label} photo cache:   {seconds:6.2f} s  = "
                  f"{(seconds - without) / args.photos:+.2f} s per photo")
        print(f"  originals (published as they were before issue 16): {_mb(originals)}")
        print(f"  published derivatives, all widths: {_mb(published)}")
        print(f"  phone 390 px, DPR 3 downloads: {_mb(phone)} (target < 1 MB for 3 photos)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
