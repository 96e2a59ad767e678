"""The whole test suite in a copy of the project with one more practice
example, written from the template with all its comments kept (`make
test-sjabloon`). A valid contribution must never turn the suite red, so the
copy runs the contributor check and then pytest with the arguments given
(e.g. ``-n auto --dist loadgroup``). Exit code: the first that failed.

    python scripts/dev/suite_with_template_example.py [--photo-examples N] [pytest arguments]

``--photo-examples N`` adds N more examples, also written from the template
(each with its own title and summary), with three made-up 4032 x 3024 phone
photos each (orientation 6, EXIF, XMP, IPTC; the GPS block taken out, as
CONTRIBUTING asks: the check warns about a photo with a location) and
``toestemming_fotos: ja`` (issue 16: "make test and make pdf stay green with
three such examples").
"""
from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

import fake_photos
from project_copy import ROOT, TEMPLATE_VALUES, copy_everything, template_example, write_template_example

GPS_IFD = 0x8825


def phone_photo_without_location(seed: int) -> bytes:
    """A phone photo with all its metadata but the GPS block."""
    with Image.open(io.BytesIO(fake_photos.phone_jpeg(seed=seed))) as image:
        exif = image.getexif()
        del exif[GPS_IFD]
        out = io.BytesIO()
        image.save(out, "JPEG", quality=92, exif=exif.tobytes(), comment=image.info.get("comment", b""))
    return out.getvalue()


def write_photo_example(project: Path, number: int) -> Path:
    """Example ``number`` from the template, with three phone photos and consent."""
    folder = project / "docs" / "praktijkvoorbeelden"
    text = template_example((folder / "_sjabloon.md").read_text(encoding="utf-8"))
    text = text.replace(TEMPLATE_VALUES["titel"], f"fotomiddag {number} in het wijkpark", 1)
    text = text.replace(TEMPLATE_VALUES["samenvatting"],
                        f"Op fotomiddag {number} maakten kinderen foto's van hun favoriete plek in het park.", 1)
    text = text.replace("toestemming_fotos: nee", "toestemming_fotos: ja", 1)
    names = []
    for index in range(1, 4):
        name = f"proefvelde-fotomiddag-{number}-foto-{index}.jpg"
        (folder / name).write_bytes(phone_photo_without_location(10 * number + index))
        names.append(f"![Kinderen op fotomiddag {number}, foto {index}, van achteren gezien]({name})")
    text = text.replace("\n## Tips", "\n" + "\n\n".join(names) + "\n\n## Tips", 1)
    path = folder / f"proefvelde-fotomiddag-{number}.md"
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    photo_examples = 0
    if argv[:1] == ["--photo-examples"]:
        photo_examples, argv = int(argv[1]), argv[2:]
    with tempfile.TemporaryDirectory(prefix="kinderwerk-sjabloon-") as tmp:
        project = copy_everything(Path(tmp) / ROOT.name)
        shared = ROOT.parent / "shared"  # the report text some tests read (../shared)
        if shared.is_dir():
            (Path(tmp) / "shared").symlink_to(shared)
        example = write_template_example(project)
        print(f"Kopie met een extra voorbeeld uit het sjabloon: {example.relative_to(project)}", flush=True)
        for number in range(1, photo_examples + 1):
            write_photo_example(project, number)
        if photo_examples:
            print(f"... en {photo_examples} voorbeelden met elk drie telefoonfoto's", flush=True)
        for command in ([sys.executable, "scripts/tools/check.py"], [sys.executable, "-m", "pytest", *argv]):
            done = subprocess.run(command, cwd=project)
            if done.returncode:
                return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
