"""Hostile and odd contributor input, as small files (issue 17).

Each case is a practice example (or a change to one) that a pull request
could add. ``scripts/dev/hostile_bench.py`` runs `make check` and the strict
build on every case in a throw-away copy of the project and prints time,
peak memory and what happened; ``tests/test_hostile.py`` asserts that each
case is refused in Dutch with file and line.

The names are made up (Kwakkeldam, Stichting Speelwerk Kwakkeldam) so that
they can never clash with a real town or a real example.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

FOLDER = "docs/praktijkvoorbeelden"
TOWN = "Kwakkeldam"
NAME = f"{FOLDER}/kwakkeldam-speelwerk.md"

# One line per field, as a contributor writes them; a case replaces some.
FIELDS = {
    "titel": "titel: zomerspeeltuin met de bibliotheek",
    "samenvatting": "samenvatting: Zes weken lang was de speeltuin elke middag open, met voorlezen en spellen.",
    "organisatie": "organisatie: Stichting Speelwerk Kwakkeldam",
    "gemeenten": f"gemeenten: [{TOWN}]",
    "provincie": "provincie: [Overijssel]",
    "periode": "periode: zomervakantie 2025",
    "werkvormen": "werkvormen: [vakantieactiviteit, sport_en_spel]",
    "leeftijd_van": "leeftijd_van: 6",
    "leeftijd_tot": "leeftijd_tot: 12",
    "themas": "themas: [activiteiten_toegankelijk]",
    "partners": "partners: [scouting]",
    "andere_partners": "andere_partners: [bibliotheek]",
    "hoofdstukken": "hoofdstukken: [werkzaamheden]",
    "personen": "personen: []",
    "bron": "bron: Gesprek met de kinderwerker, 2026",
    "gecontroleerd": "gecontroleerd: 2026-11-01",
}

SECTIONS = {
    "Aanleiding": "In de zomer was er in de wijk weinig te doen voor kinderen.",
    "Aanpak": "De speeltuin was elke middag open. Ruim 60% van de kinderen kwam terug.",
    "Samenwerking": "De bibliotheek las voor en de scouting deed spellen.",
    "Wat het oplevert": "Ouders leerden elkaar kennen.",
    "Tips": "- Begin op tijd met plannen.",
}


def example(fields: dict[str, str | None] | None = None, extra_front: str = "",
            sections: dict[str, str] | None = None, extra_body: str = "") -> str:
    """A valid example from Kwakkeldam. ``fields``: field -> its whole line
    (None removes it); ``extra_front``: lines added at the end of the front
    matter; ``sections``: heading -> text; ``extra_body``: appended to Tips."""
    lines = {**FIELDS, **(fields or {})}
    front = "\n".join(line for line in lines.values() if line is not None)
    if extra_front:
        front += "\n" + extra_front.rstrip("\n")
    texts = {**SECTIONS, **(sections or {})}
    body = "\n\n".join(f"## {heading}\n\n{text}" for heading, text in texts.items())
    if extra_body:
        body += "\n\n" + extra_body
    return f"---\n{front}\n---\n\n{body}\n"


# --- Generators -----------------------------------------------------------------

def alias_bomb(field_name: str, levels: int = 9, width: int = 9) -> str:
    """A YAML 'billion laughs' inside one list field: width**levels items."""
    items = [f"&l0 {TOWN}"]
    for level in range(1, levels + 1):
        items.append(f"&l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return f"{field_name}: [" + ", ".join(items) + "]"


def made_up_words(count: int, seed: int = 17, length: int = 9) -> list[str]:
    """``count`` different words that no dictionary has (and no stem merges)."""
    rng = random.Random(seed)
    consonants, vowels = "bdfghklmnprstvwz", "aeiou"
    seen: set[str] = set()
    while len(seen) < count:
        word = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(length // 2)) + "x"
        seen.add(word)
    return sorted(seen)


def paragraphs_of(words: list[str], per_line: int = 12) -> str:
    return "\n".join(" ".join(words[i:i + per_line]) + "." for i in range(0, len(words), per_line))


def long_compound(parts: tuple[str, ...] = ("kinder", "werk", "speel", "tuin", "zorg"), size: int = 3000) -> str:
    """One word of about ``size`` letters glued from words that are on the site."""
    out, i = [], 0
    while sum(map(len, out)) < size:
        out.append(parts[i % len(parts)])
        i += 1
    return "".join(out)


def realistic_text(size: int, seed: int = 3) -> str:
    """Plain Dutch-looking paragraphs of about ``size`` bytes, from a small
    vocabulary (what a long but honest page looks like)."""
    rng = random.Random(seed)
    vocab = ("de kinderen in de wijk speelden elke middag buiten met de kinderwerker en hun ouders "
             "op het plein bij de school want de bibliotheek las voor en de scouting deed spellen "
             "zo leerden ouders elkaar kennen en kwamen kinderen vaker terug naar de speeltuin").split()
    lines, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(vocab) for _ in range(14)).capitalize() + "."
        line = " ".join([sentence] * 3)
        lines.append(line)
        lines.append("")
        total += len(line) + 2
    return "\n".join(lines)


# --- The cases ---------------------------------------------------------------------

@dataclass
class Case:
    name: str
    kind: str                           # the class of the issue
    what: str                           # one line, for the benchmark table
    files: Callable[[], dict[str, str]] = field(repr=False, default=dict)
    must_refuse: bool = True            # False: an honest page at a limit, that must build
    expect: tuple[str, ...] = ()        # words the Dutch message must contain (after the fix)


def _one(text: str, name: str = NAME) -> Callable[[], dict[str, str]]:
    return lambda: {name: text}


def _lazy(make: Callable[[], str], name: str = NAME) -> Callable[[], dict[str, str]]:
    return lambda: {name: make()}


CASES: list[Case] = [
    # Denial of service
    Case("yaml-alias-list", "kosten", "YAML-aliassen (9^9 items) in gemeenten",
         _lazy(lambda: example({"gemeenten": alias_bomb("gemeenten")})), expect=("anker",)),
    Case("yaml-alias-unknown", "kosten", "YAML-aliassen in een onbekend veld",
         _lazy(lambda: example(extra_front=alias_bomb("extra"))), expect=("anker",)),
    Case("many-words", "kosten", "10.000 verschillende verzonnen woorden (100 KB)",
         _lazy(lambda: example(sections={"Aanpak": paragraphs_of(made_up_words(10_000))})),
         expect=("verschillende woorden",)),
    Case("long-words", "kosten", "tien woorden van 3.000 letters uit woorden van de site",
         _lazy(lambda: example(sections={"Aanpak": "\n\n".join(long_compound(size=3000 + i) for i in range(10))})),
         expect=("lang woord",)),
    Case("unclosed-comments", "kosten", "20.000 keer <!-- zonder -->",
         _lazy(lambda: example(sections={"Aanpak": "Tekst. " + "<!-- " * 20_000})),
         expect=("<!--",)),
    Case("unclosed-comments-lines", "kosten", "20.000 keer <!-- zonder -->, 200 per regel",
         _lazy(lambda: example(sections={"Aanpak": "Tekst.\n" + "\n".join(["<!-- " * 200] * 100)})),
         expect=("<!--",)),
    Case("yaml-merge-key", "yaml", "samenvoeg-sleutel << in personen",
         _one(example({"personen": "personen:\n  - <<: {naam: Els, rol: kinderwerker}\n    organisatie: Speelwerk"})),
         expect=("samenvoeg",)),
    Case("yaml-tag", "yaml", "eigen YAML-type !!python/object in titel",
         _one(example({"titel": "titel: !!python/object:os.system zomerspeeltuin"})), expect=("YAML-type",)),
    Case("yaml-duplicate-nested", "yaml", "naam twee keer in een persoon, titel twee keer",
         _one(example({"personen": "personen:\n  - naam: Els\n    naam: Ans\n    rol: kinderwerker\n"
                                    "    organisatie: Speelwerk\n    in_het_verhaal: genoemd"},
                      extra_front="titel: nog een titel")), expect=("twee keer",)),
    Case("image-runs", "kosten", "een regel van 40.000 keer ![",
         _lazy(lambda: example(sections={"Aanpak": "Tekst " + "![" * 40_000})), expect=("regel",)),
    Case("image-runs-short-lines", "kosten", "2.000 regels van 40 keer ![ (één alinea)",
         _lazy(lambda: example(sections={"Aanpak": "\n".join(["![" * 40] * 2_000)})), expect=("te veel tekens [",)),
    Case("open-html", "kosten", "20.000 keer <a zonder > (60 KB)",
         _lazy(lambda: example(sections={"Aanpak": "Tekst " + "<a " * 20_000})), expect=("te veel tekens <",)),
    Case("deep-list", "kosten", "een lijst 2.000 lagen diep",
         _lazy(lambda: example(sections={"Aanpak": "- " * 2_000 + "diep"})), expect=("diep genest",)),
    Case("deep-quote", "kosten", "een citaat 2.000 lagen diep",
         _lazy(lambda: example(sections={"Aanpak": "> " * 2_000 + "diep"})), expect=("diep genest",)),
    Case("deep-indent", "kosten", "een lijst 300 lagen diep, met inspringen",
         _lazy(lambda: example(sections={"Aanpak": "\n".join(" " * (4 * i) + "- laag" for i in range(300))})),
         expect=("diep genest",)),
    Case("huge-page", "kosten", "een pagina van 2 MB gewone tekst",
         _lazy(lambda: example(sections={"Aanpak": realistic_text(2_000_000)})), expect=("te groot",)),
    Case("huge-front-matter", "kosten", "gegevens bovenaan van 100 KB (regels van 100 tekens)",
         _lazy(lambda: example(extra_front="\n".join([f"opmerking{i}: " + "x" * 90 for i in range(1_000)]))),
         expect=("gegevens bovenaan",)),
    Case("long-line", "kosten", "één regel van 100.000 tekens",
         _lazy(lambda: example(sections={"Aanpak": ("speeltuin " * 10_000)})), expect=("regel",)),
    # The feed
    Case("control-in-title", "feed", 'titel "\\x01" (YAML-escape)',
         _one(example({"titel": 'titel: "zomerspeeltuin\\x01 met de bibliotheek"'})), expect=("stuurteken",)),
    Case("nonchar-in-title", "feed", 'titel "\\uFFFE" (YAML-escape)',
         _one(example({"titel": 'titel: "zomerspeeltuin\\uFFFE met de bibliotheek"'})), expect=("niet-teken",)),
    Case("surrogate-in-summary", "feed", 'samenvatting met "\\uD800" (losse surrogaat)',
         _one(example({"samenvatting": 'samenvatting: "Zes weken lang was de speeltuin\\uD800 open."'})),
         expect=("surrogaat",)),
    # Hidden or lookalike text
    Case("bidi-in-title", "verborgen", "titel met RIGHT-TO-LEFT OVERRIDE (U+202E)",
         _one(example({"titel": "titel: zomerspeeltuin \u202emet de bibliotheek"})), expect=("richting",)),
    Case("isolate-in-organisation", "verborgen", "organisatie met FIRST STRONG ISOLATE (U+2068)",
         _one(example({"organisatie": "organisatie: Stichting \u2068Speelwerk\u2069 Kwakkeldam"})),
         expect=("richting",)),
    Case("zero-width-in-place", "verborgen", "gemeente met ZERO WIDTH SPACE (U+200B)",
         _one(example({"gemeenten": "gemeenten: [Kwakkel\u200bdam]"})), expect=("breedte",)),
    Case("zero-width-joiner-in-place", "verborgen", "gemeente met ZERO WIDTH JOINER (U+200D)",
         _one(example({"gemeenten": "gemeenten: [Kwakkel\u200ddam]"})), expect=("breedte",)),
    Case("bidi-in-body", "verborgen", "tekst met RIGHT-TO-LEFT OVERRIDE, ook als &#x202E;",
         _one(example(sections={"Aanpak": "De speeltuin \u202ewas open.\n\nOok &#x202E;zo."})),
         expect=("richting",)),
    Case("cyrillic-town", "verborgen", "Kwakkeldаm met een Cyrillische а (tweede 'gemeente')",
         lambda: {NAME: example(),
                  f"{FOLDER}/kwakkeldam-tweede.md": example({
                      "gemeenten": "gemeenten: [Kwakkeld\u0430m]",
                      "titel": "titel: kookclub in het buurthuis"})},
         expect=("Cyrillisch",)),
    Case("greek-in-organisation", "verborgen", "organisatie met een Griekse ο",
         _one(example({"organisatie": "organisatie: Stichting Speelwerk Kwakkeldam Ο\u03bfst"})),
         expect=("Grieks",)),
    # Snippets
    Case("snippet-one-dash", "snippets", '-8<- "begrippen.md" (één streepje)',
         _one(example(sections={"Aanpak": 'De speeltuin was open.\n\n-8<- "begrippen.md"'})),
         expect=("invoegen",)),
    Case("snippet-block", "snippets", "blok -8<- / begrippen.md / -8<-",
         _one(example(sections={"Aanpak": "De speeltuin was open.\n\n-8<-\nbegrippen.md\n-8<-"})),
         expect=("invoegen",)),
    Case("snippet-outside", "snippets", '--8<-- "../mkdocs.yml" (buiten de map)',
         _one(example(sections={"Aanpak": 'De speeltuin was open.\n\n--8<-- "../mkdocs.yml"'})),
         expect=("invoegen",)),
    Case("snippet-in-code", "snippets", "---8<--- in een codeblok",
         _one(example(sections={"Aanpak": 'De speeltuin was open.\n\n```\n---8<--- "begrippen.md"\n```'})),
         expect=("invoegen",)),
]


def by_name(name: str) -> Case:
    return next(case for case in CASES if case.name == name)

def at_the_limits() -> str:
    """An honest, long example just under every limit of
    kinderwerk.examples.limits: 190 KB, 2,900 distinct words, lines of 4,000
    characters, 90 links in one paragraph, lists 8 deep, a 60-letter word."""
    from kinderwerk.examples import limits
    words = made_up_words(2_900 - 120, seed=5)
    links = " ".join(f"[bron {i}](https://example.org/{i})" for i in range(limits.MAX_PER_BLOCK["["] - 10))
    nested = "\n".join("  " * i + "- laag" for i in range(limits.MAX_DEPTH))
    text = [paragraphs_of(words, per_line=10), links, nested, "kinderwerk" * 6, ""]
    body = "\n\n".join(text)
    filler = realistic_text(limits.MAX_PAGE_BYTES - 10_000 - len(body.encode()))
    line = (filler.split("\n")[0] + " ") * 30
    return example(sections={"Aanpak": body + line[:limits.MAX_LINE_CHARS - 1000] + "\n\n" + filler})


# Honest pages at the limits: they must pass and build.
LIMIT_CASES: list[Case] = [
    Case("at-the-limits", "grens", "eerlijke pagina net onder elke grens (190 KB)", _lazy(at_the_limits),
         must_refuse=False),
]
