"""The varied example generator for the benchmarks (scripts/dev/example_generator.py,
issue 18): its examples pass the contributor check, differ from each other
(own towns, people, words), and the same count gives the same files."""
from __future__ import annotations

import re
import subprocess
import sys

from example_generator import add_varied_examples, write_examples
from kinderwerk.search_index import words


def test_generated_examples_pass_the_check_and_differ(project_copy, tmp_path):
    written = add_varied_examples(project_copy, 12)
    done = subprocess.run([sys.executable, "scripts/tools/check.py"], cwd=project_copy, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    texts = [p.read_text(encoding="utf-8") for p in written]
    towns = [re.search(r"^gemeenten:\n- (.+)$", t, re.M).group(1) for t in texts]
    assert len(set(towns)) == len(towns)
    # Every example brings words of its own: the vocabulary grows with them.
    own = [set(words(t)) - set().union(*(set(words(o)) for o in texts if o is not t)) for t in texts]
    assert all(len(o) >= 3 for o in own), [len(o) for o in own]
    again = write_examples(project_copy, tmp_path / "again", 12)
    assert [p.read_text(encoding="utf-8") for p in again] == texts
