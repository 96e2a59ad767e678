"""Near-copies of the report: every text the site shows, checked with the
team's tool ``../shared/tools/overlap.py --near``, against an allow-list.

The tool reads Markdown and HTML, but not all text on the site is in
``docs/*.md`` bodies: chart boxes on Cijfers show the notes, questions and
findings of ``data/*.meta.yml`` and ``data/*.csv``; cards and headers show the
examples' front matter; tooltips come from ``includes/begrippen.md``. This
module writes each of those texts to a scratch folder as Markdown (one
paragraph per field, so the tool sees one sentence per field), runs the tool
on it, and compares what it flags with ``tests/near_copy_allowlist.yml``:
sentences we keep on purpose (an exact name, title or definition), each with
a reason.

    python scripts/dev/retelling_check.py        # prints every problem; exit 1 if any

The report and the tool live in ``shared/`` beside the repository, as on the
team's machines; ``KINDERWERK_SHARED=<folder>`` points elsewhere. They are not
part of the repository (the report is the source, not ours to publish), so a
bare clone, such as GitHub's CI, does not have them. Without them the check
cannot run and says so (exit 2); the tests that need them are skipped with
that reason, or fail when ``KINDERWERK_SHARED`` is set, because whoever sets it
means the check to run.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from kinderwerk.datasets import load_all

ROOT = Path(__file__).resolve().parents[2]
ALLOWLIST = ROOT / "tests" / "near_copy_allowlist.yml"
# The tool's own word pattern (overlap.py, WORD): sentences are compared as it prints them.
WORD = re.compile(r"[0-9a-zà-ÿ]+(?:['’][a-z]+)?")
NEAR_LINE = re.compile(r"^(?P<file>\S+): near-copy \((?P<share>\d+)% of its word pairs\): (?P<words>.*)$")
RUN_LINE = re.compile(r"^(?P<file>\S+): (?P<length>\d+) words: (?P<words>.*)$")


class SharedMissing(Exception):
    """The report or the overlap tool is not in ../shared (or KINDERWERK_SHARED)."""


def shared_required() -> bool:
    """Set KINDERWERK_SHARED and a missing report is an error, not a skip."""
    return bool(os.environ.get("KINDERWERK_SHARED"))


def shared_dir() -> Path:
    return Path(os.environ.get("KINDERWERK_SHARED") or ROOT.parent / "shared")


def shared_file(*parts: str) -> Path:
    path = shared_dir().joinpath(*parts)
    if not path.is_file():
        raise SharedMissing(
            f"{path} ontbreekt. De controles die de site met het rapport vergelijken (bijna letterlijke "
            f"zinnen, de formuleringen in data/) hebben het rapport en ../shared/tools/overlap.py nodig; "
            f"die horen niet bij de repository. Staat shared/ ergens anders, zet dan KINDERWERK_SHARED=<map>.")
    return path


def report_path() -> Path:
    return shared_file("source", "kinderwerk-anno-2021.txt")


def normalise(sentence: str) -> str:
    """A sentence as the tool prints it: macros out, lower case, words only."""
    return " ".join(WORD.findall(re.sub(r"\{\{.*?\}\}", " ", sentence).lower()))


# --- The texts the site shows ---------------------------------------------------

def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _paragraphs(texts: list[str]) -> str:
    """One paragraph per field: the tool splits sentences at blank lines."""
    return "\n\n".join(" ".join(t.split()) for t in texts if t and t.strip()) + "\n"


def site_texts(project: Path) -> dict[str, str]:
    """{name as the tool will print it: text} for every text the site shows."""
    texts: dict[str, str] = {}
    docs = project / "docs"
    for page in sorted(docs.rglob("*.md")):
        name = page.relative_to(project).as_posix()
        text = page.read_text(encoding="utf-8")
        texts[name] = text
        match = re.match(r"(?s)---\n(.*?)\n---\n", text)
        if match:
            meta = yaml.safe_load(match.group(1)) or {}
            texts[name.removesuffix(".md") + ".voorwerk.md"] = _paragraphs(_strings(meta))
    for dataset in load_all(project / "data").values():
        m = dataset.meta
        fields = [m.title, m.question, dataset.finding(), m.base or "", *m.notes, m.alt]
        fields += [t for o in dataset.options for t in (o.label, o.note or "")]
        texts[f"data/{dataset.id}.md"] = _paragraphs(fields)
    glossary = project / "includes" / "begrippen.md"
    if glossary.is_file():
        titles = [m.group(1) for m in re.finditer(r"^\*\[[^\]]+\]:\s*(.+)$",
                                                  glossary.read_text(encoding="utf-8"), re.M)]
        texts["includes/begrippen.md"] = _paragraphs(titles)
    return texts


# --- Running the tool -------------------------------------------------------------

@dataclass(frozen=True)
class Flag:
    file: str
    words: str    # the sentence (or run) as the tool prints it
    detail: str   # '62%' or '13 words'


@dataclass(frozen=True)
class Overlap:
    runs: list[Flag]
    near: list[Flag]
    summary: str


def run_overlap(texts: dict[str, str]) -> Overlap:
    tool = shared_file("tools", "overlap.py")
    report_path()  # a clear message if the report is missing, not the tool's traceback
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts.items():
            target = Path(tmp, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        folders = sorted({name.split("/", 1)[0] for name in texts})
        done = subprocess.run([sys.executable, str(tool), "--near", *folders], cwd=tmp,
                              capture_output=True, text=True, env={**os.environ, "PYTHONUTF8": "1"})
    lines = done.stdout.splitlines()
    if done.returncode not in (0, 1) or not lines or not lines[-1].startswith("overlap:"):
        raise RuntimeError(f"overlap.py gaf geen samenvatting (code {done.returncode}):\n"
                           f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
    runs, near = [], []
    for line in lines:
        if m := NEAR_LINE.match(line):
            near.append(Flag(m["file"], m["words"], m["share"] + "%"))
        elif m := RUN_LINE.match(line):
            runs.append(Flag(m["file"], m["words"], m["length"] + " words"))
    return Overlap(runs, near, lines[-1])


# --- The allow-list ---------------------------------------------------------------

def load_allowlist(path: Path = ALLOWLIST) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    problems = [f"{path.name}, regel {i + 1}: {entry!r}" for i, entry in enumerate(entries)
                if not isinstance(entry, dict) or set(entry) != {"file", "sentence", "reason"}
                or not all(isinstance(entry[k], str) and entry[k].strip() for k in entry)]
    if problems:
        raise ValueError("elke regel in de allow-list heeft precies file, sentence en reason "
                         "(alle drie ingevuld):\n" + "\n".join(problems))
    return entries


def problems(project: Path = ROOT, allowlist: Path = ALLOWLIST) -> tuple[list[str], Overlap]:
    """Every near-copy not in the allow-list, every run of 12+ words, and every
    allow-list entry that no longer matches a flagged sentence."""
    result = run_overlap(site_texts(project))
    allowed = {(e["file"], normalise(e["sentence"])): e for e in load_allowlist(allowlist)}
    found = [f"{r.file}: {r.detail} letterlijk uit het rapport: {r.words}" for r in result.runs]
    flagged = set()
    for flag in result.near:
        flagged.add((flag.file, flag.words))
        if (flag.file, flag.words) not in allowed:
            found.append(f"{flag.file}: bijna letterlijk uit het rapport ({flag.detail} van de woordparen): "
                         f"{flag.words}. Vertel het feit opnieuw, in een andere zinsbouw; of zet de zin "
                         f"met een reden in {allowlist.name} als het een naam of definitie is.")
    for key, entry in allowed.items():
        if key not in flagged:
            found.append(f"{allowlist.name}: '{entry['sentence']}' ({entry['file']}) wordt niet meer "
                         f"gemeld; haal hem uit de lijst")
    return found, result


def main() -> int:
    try:
        found, result = problems()
    except SharedMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    print("\n".join(found) if found else "Geen nieuwe (bijna) letterlijke zinnen uit het rapport.")
    print(result.summary)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
