"""Limits on what one example may cost (issue 17), checked on the raw file
before YAML, Markdown, the search index or the compound splitter see it.

Each limit is the largest real page of the site (December 2026) times a
generous factor; CONTRIBUTING.md lists them. Every scan here is one pass
over the text with ``str`` methods (no regex that can backtrack), so a file
that breaks every limit still costs milliseconds. ``check_limits`` returns
every problem at once; when it returns any, the caller skips the expensive
checks (they are what the limits protect).
"""
from __future__ import annotations

from collections.abc import Iterator

from .base import Problem

# The largest real page is 15.6 KB (docs/begrippen.md), the largest front
# matter 4.6 KB (the template, mostly comments), the longest line 840
# characters, the most distinct words 544, the longest word 27 letters and the
# deepest list 2 levels.
MAX_PAGE_BYTES = 200_000
MAX_FRONT_BYTES = 64_000
MAX_LINE_CHARS = 5_000
MAX_DEPTH = 8              # lists and quotes inside each other
MAX_DISTINCT_WORDS = 3_000
MAX_WORD_LETTERS = 60
# Python-Markdown's link, image and raw-HTML patterns take quadratic time in
# the number of '[' and '<' of one block (2,000 '![' in 4 KB: 4 s; 8,000: 54 s).
# The most in a real block is 15 '[' and 4 '<'.
MAX_PER_BLOCK = {"[": 100, "<": 40}
MAX_PROBLEMS_PER_KIND = 5  # a file with 10,000 long lines gets 5 messages and a count, not 10,000

FRONT_MARKERS = ("---", "...")


def _kb(size: int) -> str:
    return f"{size / 1000:.0f} KB"


def _n(number: int) -> str:
    """12345 -> '12.345', as Dutch writes it."""
    return f"{number:,}".replace(",", ".")


def _front_end(lines: list[str]) -> int | None:
    """Index of the closing --- of the front matter, or None."""
    if not lines or lines[0].rstrip(" \t") != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t") in FRONT_MARKERS:
            return index
    return None


def nesting_depth(line: str) -> int:
    """How many lists and quotes this line is inside, from its start:
    '> > - x' is 3, '        - x' (8 spaces) is 3 (two indents and a list)."""
    depth, i, n = 0, 0, len(line)
    while i < n:
        start = i
        while i < n and line[i] in " \t":
            i += 1
        indent = line[start:i].replace("\t", "    ")
        if i < n and line[i] == ">":
            depth += 1 + len(indent) // 4
            i += 1
            continue
        j = i
        while j < n and j - i < 9 and line[j].isdigit():
            j += 1
        marker = j < n and ((j == i and line[j] in "-*+") or (j > i and line[j] in ".)"))
        if marker and (j + 1 == n or line[j + 1] in " \t"):
            depth += 1 + len(indent) // 4
            i = j + 1
            continue
        break
    return depth


def unclosed_comment(text: str) -> int | None:
    """Offset of the first '<!--' with no '-->' after it, or None."""
    position = 0
    while True:
        start = text.find("<!--", position)
        if start == -1:
            return None
        end = text.find("-->", start + 4)
        if end == -1:
            return start
        position = end + 3


def blank_comments(text: str) -> str:
    """``text`` with every complete <!-- ... --> replaced by spaces (line
    breaks kept, so line numbers stay), in one pass."""
    out, position = [], 0
    while True:
        start = text.find("<!--", position)
        end = text.find("-->", start + 4) if start != -1 else -1
        if end == -1:
            out.append(text[position:])
            return "".join(out)
        out.append(text[position:start])
        out.append("".join(c if c == "\n" else " " for c in text[start:end + 3]))
        position = end + 3


def words(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) for every run of letters, lower case, in one pass."""
    start = None
    for index, char in enumerate(text):
        if char.isalpha():
            if start is None:
                start = index
        elif start is not None:
            yield start, text[start:index].lower()
            start = None
    if start is not None:
        yield start, text[start:].lower()


class _Lines:
    """Offset -> editor line, by bisection over the line starts."""

    def __init__(self, text: str):
        self.starts = [0]
        position = text.find("\n")
        while position != -1:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def line(self, offset: int) -> int:
        import bisect
        return bisect.bisect_right(self.starts, offset)


def check_limits(text: str, where: str) -> list[Problem]:
    """Every limit this file breaks, each with its line. ``text`` with
    newlines already normalised."""
    problems: list[Problem] = []
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_PAGE_BYTES:
        problems.append(Problem(where, 1, None,
                                f"het bestand is te groot ({_kb(size)}; een praktijkvoorbeeld mag hoogstens "
                                f"{_kb(MAX_PAGE_BYTES)} zijn). Maak het verhaal korter of verdeel het over twee "
                                f"praktijkvoorbeelden."))
        return problems  # the scans below are linear, but a page this size needs no more detail
    lines = text.split("\n")
    end = _front_end(lines)
    if end is not None:
        front = sum(len(line.encode("utf-8", "surrogatepass")) + 1 for line in lines[1:end])
        if front > MAX_FRONT_BYTES:
            problems.append(Problem(where, 1, None,
                                    f"de gegevens bovenaan (tussen de twee regels ---) zijn te groot "
                                    f"({_kb(front)}; hoogstens {_kb(MAX_FRONT_BYTES)}). Een veld is één "
                                    f"korte tekst of een korte lijst; het verhaal hoort onder de kopjes."))
    long_lines: list[int] = []
    deep: list[int] = []
    crowded: list[tuple[int | None, str, int]] = []
    body_start = (end + 1) if end is not None else 0
    block_start: int | None = None
    counts = dict.fromkeys(MAX_PER_BLOCK, 0)
    for index, line in enumerate(lines + [""]):
        if index >= body_start and not line.strip():   # a blank line ends a block
            for char, count in counts.items():
                if count > MAX_PER_BLOCK[char]:
                    crowded.append((block_start, char, count))
            block_start, counts = None, dict.fromkeys(MAX_PER_BLOCK, 0)
            continue
        if len(line) > MAX_LINE_CHARS:
            long_lines.append(index + 1)
        elif index >= body_start and nesting_depth(line) > MAX_DEPTH:
            deep.append(index + 1)
        if index >= body_start:
            block_start = block_start or index + 1
            for char in counts:
                counts[char] += line.count(char)
    for number in long_lines[:MAX_PROBLEMS_PER_KIND]:
        problems.append(Problem(where, number, None,
                                f"deze regel is te lang ({_n(len(lines[number - 1]))} tekens; hoogstens "
                                f"{_n(MAX_LINE_CHARS)}). Zet een lege regel tussen twee alinea's; een alinea "
                                f"mag ook over meer regels lopen."))
    for number in deep[:MAX_PROBLEMS_PER_KIND]:
        problems.append(Problem(where, number, None,
                                f"deze regel is te diep genest: lijsten of citaten (> en -) staan meer dan "
                                f"{MAX_DEPTH} lagen in elkaar. Gebruik hoogstens twee of drie lagen."))
    for name, found in (("regels", long_lines), ("diep geneste regels", deep)):
        if len(found) > MAX_PROBLEMS_PER_KIND:
            problems.append(Problem(where, found[MAX_PROBLEMS_PER_KIND], None,
                                    f"en nog {len(found) - MAX_PROBLEMS_PER_KIND} {name} zoals hierboven."))
    for block_line, char, count in crowded[:MAX_PROBLEMS_PER_KIND]:
        problems.append(Problem(where, block_line, None,
                                f"in de alinea die hier begint staan te veel tekens {char} ({_n(count)}; "
                                f"hoogstens {MAX_PER_BLOCK[char]} per alinea). Zoveel links, afbeeldingen of "
                                f"HTML-codes maken de site traag; zet een lege regel tussen alinea's en haal "
                                f"losse {char} weg."))
    body = "\n".join(lines[body_start:])
    offset = len(text) - len(body)
    lines_of = _Lines(text)
    start = unclosed_comment(body)
    if start is not None:
        problems.append(Problem(where, lines_of.line(offset + start), None,
                                "hier begint een opmerking (<!--) die nergens wordt afgesloten. Zet --> aan "
                                "het eind van de opmerking, of haal <!-- weg."))
    distinct: set[str] = set()
    too_long = []
    for position, word in words(body):
        if len(word) > MAX_WORD_LETTERS:
            too_long.append((position, word))
        elif len(distinct) <= MAX_DISTINCT_WORDS:
            distinct.add(word)
    for position, word in too_long[:MAX_PROBLEMS_PER_KIND]:
        problems.append(Problem(where, lines_of.line(offset + position), None,
                                f"hier staat een te lang woord ({_n(len(word))} letters; hoogstens "
                                f"{MAX_WORD_LETTERS}). Zet spaties of streepjes tussen de delen; een "
                                f"link schrijf je als [tekst](adres)."))
    if len(too_long) > MAX_PROBLEMS_PER_KIND:
        problems.append(Problem(where, lines_of.line(offset + too_long[MAX_PROBLEMS_PER_KIND][0]), None,
                                f"en nog {len(too_long) - MAX_PROBLEMS_PER_KIND} te lange woorden."))
    if len(distinct) > MAX_DISTINCT_WORDS:
        problems.append(Problem(where, body_start + 1, None,
                                f"de tekst heeft meer dan {_n(MAX_DISTINCT_WORDS)} verschillende woorden. Elk "
                                f"nieuw woord komt in de zoeklijst die elke bezoeker van de site laadt; "
                                f"maak het verhaal korter of verdeel het over twee praktijkvoorbeelden."))
    return problems
