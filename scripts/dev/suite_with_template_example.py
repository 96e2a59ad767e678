"""The whole test suite in a copy of the project with one more practice
example, written from the template with all its comments kept (`make
test-sjabloon`). A valid contribution must never turn the suite red, so the
copy runs the contributor check and then pytest with the arguments given
(e.g. ``-n auto --dist loadgroup``). Exit code: the first that failed.

    python scripts/dev/suite_with_template_example.py [--photo-examples N] [pytest arguments]

``--photo-examples N`` adds N more examples with three made-up 4032 x 3024
phone photos each (GPS, orientation 6; issue 16: "make test and make pdf stay
green with three such examples"). The photos are encoded once per build of
the copy, so give pytest a selection of tests when time is short.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import fake_photos
from photo_benchmark import add_photo_example
from project_copy import ROOT, copy_everything, write_template_example


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
            add_photo_example(project, [fake_photos.phone_jpeg(seed=10 * number + n) for n in range(1, 4)], number)
        if photo_examples:
            print(f"... en {photo_examples} voorbeelden met elk drie telefoonfoto's", flush=True)
        for command in ([sys.executable, "scripts/tools/check.py"], [sys.executable, "-m", "pytest", *argv]):
            done = subprocess.run(command, cwd=project)
            if done.returncode:
                return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
