"""The whole test suite in a copy of the project with one more practice
example, written from the template with all its comments kept (`make
test-sjabloon`). A valid contribution must never turn the suite red, so the
copy runs the contributor check and then pytest with the arguments given
(e.g. ``-n auto --dist loadgroup``). Exit code: the first that failed.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from project_copy import ROOT, copy_everything, write_template_example


def main(pytest_args: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="kinderwerk-sjabloon-") as tmp:
        project = copy_everything(Path(tmp) / ROOT.name)
        shared = ROOT.parent / "shared"  # the report text some tests read (../shared)
        if shared.is_dir():
            (Path(tmp) / "shared").symlink_to(shared)
        example = write_template_example(project)
        print(f"Kopie met een extra voorbeeld uit het sjabloon: {example.relative_to(project)}", flush=True)
        for command in ([sys.executable, "scripts/tools/check.py"], [sys.executable, "-m", "pytest", *pytest_args]):
            done = subprocess.run(command, cwd=project)
            if done.returncode:
                return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
