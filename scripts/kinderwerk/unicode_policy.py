"""The Unicode policy for contributed text (issue 17): one module, used by
`make check`, the build and the form route on every front-matter field and
every body line. Plain Python, no MkDocs.

* ``normalise``: NFC, so 'Fryslân' typed on a Mac (a + combining circumflex)
  and on Windows (â) is one word, one town, one filter value.
* ``forbidden``: characters that are refused, each with a Dutch class name:
  C0 and C1 controls other than tab and newline, noncharacters and lone
  surrogates (XML 1.0 forbids most of them: one in a title makes the whole
  feed unreadable), bidi controls (a title then displays differently from
  the diff a reviewer read), zero-width and other invisible format
  characters (the same-looking word becomes a different word). A zero-width
  joiner inside an emoji sequence (👩‍👧), the tag characters of a flag
  (🏴 England) and a variation selector after an emoji (❤️) are part of the
  emoji and stay; other invisible marks (INVISIBLE) are refused.
* ``lookalike_words``: words that mix Latin letters with Cyrillic, Greek or
  another script (Kwakkeldаm with a Cyrillic а), and words written wholly in
  letters of another script that each look like a Latin one; from the Unicode
  confusables data via the kept library ``confusable-homoglyphs``.

Real Dutch and Frisian (ë, ï, é, ĳ, Fryslân, Ljouwert) and emoji pass.
One scan per text, with a single character class: linear in the text.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from confusable_homoglyphs import categories

# --- Classes, with their Dutch names --------------------------------------------

CONTROL, NONCHARACTER, SURROGATE, BIDI, ZERO_WIDTH, FORMAT = (
    "control", "noncharacter", "surrogate", "bidi", "zero_width", "format")

CLASS_NAMES = {
    CONTROL: "stuurteken",
    NONCHARACTER: "niet-teken (een code die nooit een teken mag zijn)",
    SURROGATE: "losse surrogaat (de helft van een tekenpaar, zonder de andere helft)",
    BIDI: "onzichtbaar richtingsteken",
    ZERO_WIDTH: "onzichtbaar teken zonder breedte",
    FORMAT: "onzichtbaar opmaakteken",
}

ADVICE = {
    CONTROL: "Zo'n teken maakt de feed voor elke lezer onleesbaar",
    NONCHARACTER: "Zo'n teken maakt de feed voor elke lezer onleesbaar",
    SURROGATE: "Zo'n teken maakt de feed voor elke lezer onleesbaar",
    BIDI: "Het laat de tekst op de site anders zien dan hij in de pull request staat",
    ZERO_WIDTH: "Het is onzichtbaar en maakt van een woord een ander woord dat er hetzelfde uitziet",
    FORMAT: "Het is onzichtbaar en maakt van een woord een ander woord dat er hetzelfde uitziet",
}

BIDI_CONTROLS = {
    0x202A: "begin links-naar-rechts-inbedding",
    0x202B: "begin rechts-naar-links-inbedding",
    0x202C: "einde van een inbedding of forcering",
    0x202D: "links-naar-rechts-forcering",
    0x202E: "rechts-naar-links-forcering",
    0x2066: "links-naar-rechts-isolatie",
    0x2067: "rechts-naar-links-isolatie",
    0x2068: "isolatie volgens de eerste sterke letter",
    0x2069: "einde van een isolatie",
    0x200E: "links-naar-rechts-markering",
    0x200F: "rechts-naar-links-markering",
    0x061C: "Arabische lettermarkering",
}
ZERO_WIDTH_CHARS = {
    0x200B: "spatie zonder breedte",
    0x200C: "niet-verbinder zonder breedte",
    0x200D: "verbinder zonder breedte",
    0x2060: "woordverbinder",
    0xFEFF: "byte-order mark (BOM) midden in de tekst",
    0x180E: "Mongoolse klinkerscheider",
}
OTHER_NAMES = {
    0x00: "nulteken", 0x08: "backspace", 0x0B: "verticale tab", 0x0C: "nieuwe pagina",
    0x0D: "regelterugloop (carriage return)", 0x1B: "escape", 0x7F: "wisteken (delete)",
    0x85: "volgende regel (NEL)", 0xAD: "zacht afbreekstreepje",
}
# Adjectives, as in "een Cyrillische letter".
SCRIPT_NAMES = {
    "CYRILLIC": "Cyrillische", "GREEK": "Griekse", "ARMENIAN": "Armeense", "CHEROKEE": "Cherokee-",
    "COPTIC": "Koptische", "GEORGIAN": "Georgische", "HEBREW": "Hebreeuwse", "ARABIC": "Arabische",
    "HAN": "Chinese", "LISU": "Lisu-",
}

# Invisible letters and marks that are not format characters (Cf), so the
# category test misses them: the combining grapheme joiner, Hangul fillers
# (they look like a space or nothing), Khmer and Mongolian invisible vowels and
# selectors, and variation selectors (VS15/VS16 only stay after an emoji).
INVISIBLE = {0x034F: "combinerende grafeemverbinder", 0x115F: "Hangul-vulteken", 0x1160: "Hangul-vulteken",
             0x17B4: "onzichtbare Khmer-klinker", 0x17B5: "onzichtbare Khmer-klinker",
             0x3164: "Hangul-vulteken", 0xFFA0: "Hangul-vulteken", 0x2800: "lege brailleletter",
             **dict.fromkeys(range(6155, 6160), "Mongoolse variantkiezer"),
             **dict.fromkeys((*range(65024, 65040), *range(917760, 918000)), "variantkiezer")}
ALLOWED_CONTROLS = {0x09, 0x0A}     # tab and newline
EMOJI_TAG_BASE = 0x1F3F4            # WAVING BLACK FLAG: tag characters after it spell a flag
VARIATION_SELECTOR_16, KEYCAP = 0xFE0F, 0x20E3


def kind_of(cp: int) -> str | None:
    """The class of a refused code point, or None (allowed)."""
    return _kind(cp)


def _kind(cp: int) -> str | None:
    if cp in ALLOWED_CONTROLS:
        return None
    if cp < 0x20 or 0x7F <= cp <= 0x9F:
        return CONTROL
    if 0xD800 <= cp <= 0xDFFF:
        return SURROGATE
    if 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE:
        return NONCHARACTER
    if cp in BIDI_CONTROLS:
        return BIDI
    if cp in ZERO_WIDTH_CHARS:
        return ZERO_WIDTH
    if cp in INVISIBLE or unicodedata.category(chr(cp)) == "Cf":
        return FORMAT
    return None


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """One character class with every refused code point, built once from
    unicodedata (Unicode 14 in Python 3.11: outside the BMP, format
    characters sit in U+11000-1DFFF and U+E0000-E00FF only)."""
    category = unicodedata.category
    candidates = [*range(0x10000), *range(0x11000, 0x1E000), *range(0xE0000, 0xE01F0)]
    points = {cp for cp in candidates if category(chr(cp)) == "Cf"}   # one C call each: ~20 ms
    points |= {*range(0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000), *range(0xFDD0, 0xFDF0)}
    points |= {*BIDI_CONTROLS, *ZERO_WIDTH_CHARS, *INVISIBLE}
    points |= {(plane << 16) | last for plane in range(17) for last in (0xFFFE, 0xFFFF)}
    ordered = sorted(points - ALLOWED_CONTROLS)
    ranges: list[str] = []
    start: int | None = None
    for i, cp in enumerate(ordered):
        if start is None:
            start = cp
        if i + 1 == len(ordered) or ordered[i + 1] != cp + 1:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(cp)) if cp != start else ""))
            start = None
    return re.compile("[" + "".join(ranges) + "]")


@dataclass(frozen=True)
class Finding:
    """One refused character: its position in the text (0-based) and class."""

    index: int
    char: str
    kind: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        """Dutch name where we have one, with the official Unicode name."""
        cp = ord(self.char)
        dutch = BIDI_CONTROLS.get(cp) or ZERO_WIDTH_CHARS.get(cp) or OTHER_NAMES.get(cp) or INVISIBLE.get(cp)
        official = unicodedata.name(self.char, "")
        parts = [p for p in (dutch, f"{self.code}{' ' + official if official else ''}") if p]
        return ", ".join(parts)

    def message(self, column: int | None = None) -> str:
        where = f"het {column}e teken van de regel" if column else "een teken in deze tekst"
        return (f"{where} is een {CLASS_NAMES[self.kind]} ({self.name}). {ADVICE[self.kind]}. "
                f"Haal het weg: typ het woord of de zin opnieuw, zonder het te kopiëren (staat er "
                f"\\x... of \\u... tussen aanhalingstekens, haal die dan weg).")


def _emoji_like(char: str) -> bool:
    cp = ord(char)
    return unicodedata.category(char) in ("So", "Sk") or 0x1F000 <= cp <= 0x1FAFF


def _in_emoji(text: str, index: int) -> bool:
    """A zero-width joiner between two emoji, a tag character of a flag, or
    VS15/VS16 after an emoji or a keycap base (❤️, 1️⃣)."""
    cp = ord(text[index])
    if cp in (0xFE0E, VARIATION_SELECTOR_16):
        return index > 0 and (_emoji_like(text[index - 1]) or text[index - 1] in "0123456789#*")
    if cp == 0x200D:
        before = index - 1
        while before >= 0 and (ord(text[before]) in (VARIATION_SELECTOR_16, KEYCAP)
                               or 0x1F3FB <= ord(text[before]) <= 0x1F3FF):
            before -= 1
        after = index + 1
        return before >= 0 and after < len(text) and _emoji_like(text[before]) and _emoji_like(text[after])
    if 0xE0020 <= cp <= 0xE007F:
        before = index - 1
        while before >= 0 and 0xE0020 <= ord(text[before]) <= 0xE007E:
            before -= 1
        return before >= 0 and ord(text[before]) == EMOJI_TAG_BASE
    return False


# Characters known to be allowed: printable ASCII, tab and newline to start
# with, and every character a text has shown to be allowed since. A text whose
# characters are all in here has nothing refused, so the pattern (about 20 ms
# to build from unicodedata) is only built when a text brings a character
# that needs looking at. Grows by at most the distinct characters of the input.
_allowed_seen: set[str] = {chr(cp) for cp in range(0x20, 0x7F)} | {chr(cp) for cp in ALLOWED_CONTROLS}


def forbidden(text: str) -> list[Finding]:
    """Every refused character in ``text``, in order."""
    unseen = set(text) - _allowed_seen
    if not unseen:
        return []
    if all(_kind(ord(char)) is None for char in unseen):
        _allowed_seen.update(unseen)
        return []
    found = []
    for match in _pattern().finditer(text):
        index = match.start()
        if _in_emoji(text, index):
            continue
        kind = _kind(ord(match.group()))
        assert kind is not None  # the pattern holds no allowed character
        found.append(Finding(index, match.group(), kind))
    return found


ESCAPE_DIGITS = {"x": 2, "u": 4, "U": 8}


def escaped_forbidden(line: str) -> list[Finding]:
    """Refused characters written as escapes (YAML's \\x01, \\uFFFE,
    \\uD800), found on the raw line, so also when YAML itself cannot read
    the value. ``index`` is the position of the backslash."""
    found = []
    position = line.find("\\")
    while position != -1:
        digits = ESCAPE_DIGITS.get(line[position + 1:position + 2])
        code = line[position + 2:position + 2 + digits] if digits else ""
        if digits and len(code) == digits and all(c in "0123456789abcdefABCDEF" for c in code):
            cp = int(code, 16)
            kind = _kind(cp) if cp <= 0x10FFFF else NONCHARACTER
            if kind:
                found.append(Finding(position, chr(min(cp, 0x10FFFF)), kind))
        position = line.find("\\", position + 2)
    return found


def normalise(text: str) -> str:
    """NFC: one form for every letter with an accent."""
    return unicodedata.normalize("NFC", text)


# --- Lookalike words -----------------------------------------------------------------

@dataclass(frozen=True)
class Lookalike:
    """A word with letters from another script than the rest, or wholly in
    letters that look Latin."""

    word: str
    char: str          # the first letter from another script
    script: str        # its script, as a Dutch adjective ("Cyrillische")
    looks_like: str    # the Latin letter it looks like, or ""
    whole_word: bool   # the whole word is in the other script

    def message(self) -> str:
        letter = unicodedata.name(self.char, f"U+{ord(self.char):04X}")
        like = f", die lijkt op de Latijnse '{self.looks_like}'" if self.looks_like else ""
        if self.whole_word:
            return (f"een woord is helemaal in {self.script} letters geschreven die op Latijnse "
                    f"lijken (de eerste is U+{ord(self.char):04X} {letter}{like}). Zo lijkt het een "
                    f"bestaand woord, maar het is een ander woord, bijvoorbeeld een tweede gemeente in de "
                    f"filters. Typ het woord opnieuw met gewone letters.")
        return (f"een woord mengt Latijnse letters met een {self.script} letter "
                f"(U+{ord(self.char):04X} {letter}{like}). Zo lijkt het een bestaand woord, maar het is "
                f"een ander woord, bijvoorbeeld een tweede gemeente in de filters. Typ het woord opnieuw "
                f"met gewone letters.")


_IGNORED_SCRIPTS = {"COMMON", "INHERITED", "Unknown"}
LATIN_END = "\u0250"  # below: Basic Latin, Latin-1 and Latin Extended-A/B (ĳ, â, ë)


def _letters(text: str):
    """(start, word) for every run of letters and combining marks."""
    start = None
    for i, char in enumerate(text + " "):
        letter = unicodedata.category(char)[0] in "LM"
        if letter and start is None:
            start = i
        elif not letter and start is not None:
            yield start, text[start:i]
            start = None


def _latin_twin(char: str) -> str:
    """The Latin letter ``char`` can be mistaken for, or ''."""
    from confusable_homoglyphs import confusables  # 900 KB of data: only when a word needs it
    for entry in confusables.confusables_data.get(char, ()):
        glyph = entry.get("c", "")
        if glyph and all(categories.alias(g) == "LATIN" for g in glyph):
            return glyph
    return ""


def lookalike_words(text: str) -> list[Lookalike]:
    """Words in ``text`` that look Latin but are not (see the module docstring)."""
    found: list[Lookalike] = []
    if not text or max(text) < LATIN_END:  # only Latin letters (and ASCII): nothing to compare
        return found
    for _, word in _letters(text):
        scripts: dict[str, str] = {}
        for char in word:
            if unicodedata.category(char)[0] == "L":
                scripts.setdefault(categories.alias(char), char)
        other = {s: c for s, c in scripts.items() if s not in _IGNORED_SCRIPTS | {"LATIN"}}
        if not other:
            continue
        script, char = next(iter(other.items()))
        name = SCRIPT_NAMES.get(script, script.title() + "-")
        if "LATIN" in scripts:
            found.append(Lookalike(word, char, name, _latin_twin(char), False))
        elif len(other) == 1 and all(_latin_twin(c) for c in word if unicodedata.category(c)[0] == "L"):
            found.append(Lookalike(word, char, name, _latin_twin(char), True))
    return found
