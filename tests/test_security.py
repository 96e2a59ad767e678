"""Contributed pages can never harm a reader (issue 8, SECURITY.md).

Unit tests call kinderwerk.sanitize, .csp and .textfile directly (fast). Build
tests run `mkdocs build` (or scripts/tools/build_site.py) in a throw-away copy of
the project with a made-up example in Kwakkeldam (no real town), and check
either that the build stops with a Dutch message naming the file and what was
found, or that the payload reaches no page as markup.
"""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from kinderwerk import csp, sanitize
from kinderwerk.datasets import DataError, load_dataset
from kinderwerk.examples import ExampleError
from kinderwerk.examples.vocabulary import read_id_label
from kinderwerk.textfile import BOM, CsvProblem, EncodingProblem, csv_records, find_unsafe_paths, read_text
from project_copy import ROOT, copy_project, run_build

EXAMPLE = "docs/praktijkvoorbeelden/kwakkeldam-speelkamer.md"
SECTIONS = {
    "Aanleiding": "In de wijk Kwakkeldam-Oost speelden kinderen na school vooral binnen.",
    "Aanpak": "Twee kinderwerkers openden elke woensdag de Speelkamer in het buurthuis.",
    "Samenwerking": "De basisschool in de wijk deelde de uitnodigingen uit aan alle groepen.",
    "Wat het oplevert": "Elke week kwamen ongeveer twintig kinderen spelen en praten.",
    "Tips": "- **Begin klein.** Eén middag per week is genoeg om te starten.",
}


def front_matter(**fields: str) -> str:
    """The front matter of a valid example; values are YAML as written (so a
    test can use YAML escapes such as \\x3c)."""
    values = {
        "titel": "Speelkamer in het buurthuis",
        "samenvatting": "Kinderwerkers openen elke woensdag de Speelkamer voor alle kinderen uit de wijk.",
        "organisatie": "Welzijn Kwakkeldam",
        "gemeenten": "[Kwakkeldam]",
        "provincie": "[Utrecht]",
        "periode": "schooljaar 2025-2026",
        "werkvormen": "[activiteiten_wijk]",
        "leeftijd_van": "6",
        "leeftijd_tot": "12",
        "themas": "[talentontwikkeling]",
        "partners": "[basisscholen]",
        "andere_partners": "[bibliotheek]",
        "hoofdstukken": "[werkzaamheden]",
        "bron": "Gesprek met de kinderwerkers, 2026",
        "gecontroleerd": "2026-11-01",
    }
    values.update(fields)
    lines = [f"{key}: {value}" for key, value in values.items()]
    lines += ["personen:", "  - naam: Fenna Testerink", "    rol: kinderwerker",
              "    organisatie: Welzijn Kwakkeldam", "    in_het_verhaal: aan_het_woord"]
    return "---\n" + "\n".join(lines) + "\n---\n"


def example(extra_body: str = "", **fields: str) -> str:
    body = "\n".join(f"## {name}\n\n{text}\n" for name, text in SECTIONS.items())
    return front_matter(**fields) + "\n" + body + ("\n" + extra_body + "\n" if extra_body else "")


def write(project: Path, relative: str, text: str | bytes) -> Path:
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


class _Elements(HTMLParser):
    """Every element and attribute of a page, as a browser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def unescape_once(html: str) -> str:
    """Numeric character references as characters (what generated Markdown
    writes for Markdown syntax), named ones such as &amp;lt; left alone."""
    return re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), html)


def site_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def tree_digest(folder: Path) -> str:
    """One hash over every file's path and bytes: 'byte-identical' made checkable."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def project(tmp_path, warm_cache) -> Path:
    return copy_project(tmp_path / "project", cache=warm_cache)


# ---------------------------------------------------------------------------
# sanitize: the allowlist (unit)
# ---------------------------------------------------------------------------

MD = markdown.Markdown(
    extensions=["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
                "toc", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"],
    extension_configs={"toc": {"permalink": True, "permalink_title": "Link naar dit kopje"},
                       "pymdownx.tabbed": {"alternate_style": True}})

ORDINARY_MARKDOWN = """
## Aanleiding { #in-het-onderzoek data-search-exclude }

!!! abstract "In het kort"

    Tekst met *nadruk*, **vet**, `code` en een voetnoot[^1].

Een [link](../hoofdstukken/corona.md "Corona"), een [webadres](https://example.org/pad?a=1&b=2)
en een foto: ![Kinderen aan tafel](foto.png){ width="300" }

Term
:   Uitleg

| Wat | Hoeveel |
|:----|--------:|
| Kinderen | 20 |

??? note "Meer"
    Inhoud.

=== "Eerste"
    Een.

=== "Tweede"
    Twee.

```python
print("hallo")
```

> Een citaat met <br> een regel erin, <sub>klein</sub> en <kbd>Enter</kbd>.

1. een
2. twee

*[HTML]: HyperText

HTML staat hier.

[^1]: De voetnoot.
"""


def test_ordinary_markdown_passes_unchanged():
    MD.reset()
    html = MD.convert(ORDINARY_MARKDOWN)
    assert {"table", "details", "sup", "abbr", "img", "input", "label", "dl"} <= {t for t, _ in elements(html)}
    report = sanitize.check(html)
    assert report.ok, [str(f) for f in report.findings]
    # What is published is what ammonia kept: the same elements and attributes.
    assert elements(report.clean) == elements(html)


# (payload, words the Dutch message must contain)
REFUSED_HTML = [
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ('<IMG SRC="x" ONERROR="alert(1)">', "onerror"),
    ('<img src="x" onerror\n=alert(1)>', "onerror"),
    ('<img src="x"\tonerror=alert(1)>', "onerror"),
    ('<p onmouseover="alert(1)">tekst</p>', "onmouseover"),
    ('<h1 onclick="alert(1)">kop</h1>', "onclick"),
    ("<script>alert(1)</script>", "<script>"),
    ("<ScRiPt>alert(1)</sCrIpT>", "<script>"),
    ("<svg><script>alert(1)</script></svg>", "<svg>"),
    ("<svg onload=alert(1)>", "<svg>"),
    ('<iframe src="https://host.example/"></iframe>', "<iframe>"),
    ('<form action="https://host.example/"><input name="q"></form>', "<form>"),
    ('<object data="https://host.example/x.swf"></object>', "<object>"),
    ('<base href="https://host.example/">', "<base>"),
    ('<meta http-equiv="refresh" content="0;url=https://host.example/">', "<meta>"),
    ('<link rel="stylesheet" href="https://host.example/x.css">', "<link>"),
    ("<style>body{background:url(https://host.example/x.png)}</style>", "<style>"),
    ('<p style="background:url(//host.example/x.png)">a</p>', "style"),
    ('<p STYLE="color:red">a</p>', "style"),
    ('<td style="text-align: left; background: url(https://host.example/x)">a</td>', "style"),
    ('<img src="https://host.example/p.png">', "andere website"),
    ('<img src="HTTPS://host.example/p.png">', "andere website"),
    ('<img src="//host.example/p.png">', "begint"),
    ('<img src="/\\host.example/p.png">', "begint"),
    ('<img src=" //host.example/p.png">', "begint"),
    ('<img src="&#x2F;&#x2F;host.example/p.png">', "begint"),
    ('<img src="ht&#x09;tps://host.example/p.png">', "andere website"),
    ('<img src="ht\ntps://host.example/p.png">', "andere website"),
    ('<img src="foto.png" srcset="https://host.example/p.png 2x">', "srcset"),
    ('<a href="pagina.md" ping="https://host.example/log">a</a>', "ping"),
    ('<a href="javascript:alert(1)">a</a>', "https://"),
    ('<a href="JaVaScRiPt:alert(1)">a</a>', "https://"),
    ('<a href="java&#x09;script&#x3A;alert(1)">a</a>', "https://"),
    ('<a href="java\nscript:alert(1)">a</a>', "https://"),
    ('<a href="&#106;avascript:alert(1)">a</a>', "https://"),
    ('<a href="data:text/html,<script>alert(1)</script>">a</a>', "https://"),
    ('<a href="http://host.example/">a</a>', "https://"),
    ('<a href="//host.example/">a</a>', "begint"),
    ('<pre class="mermaid">graph TD; A--&gt;B</pre>', "mermaid"),
    ('<div class="MERMAID">graph</div>', "mermaid"),
    ('<p class="admonition md-typeset">a</p>', "md-typeset"),
    ('<div id="__drawer">a</div>', "__drawer"),
    ('<div id="kw-filter">a</div>', "kw-filter"),
    ('<div data-md-component="search">a</div>', "data-md-component"),
    ('<video src="film.mp4" poster="https://host.example/p.png"></video>', "<video>"),
    ('<audio src="https://host.example/a.mp3"></audio>', "<audio>"),
    ('<input type="image" src="https://host.example/p.png">', "type"),
    ('<!--><img src="x" onerror="alert(1)">-->', "commentaar"),
    ('<!-- a --!><img src="x" onerror="alert(1)">-->', "commentaar"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', "<noscript>"),
    ('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', "<math>"),
    ('<details open ontoggle="alert(1)"><summary>x</summary></details>', "ontoggle"),
    ('<a href="#" title="x" onfocus="alert(1)" autofocus>a</a>', "onfocus"),
]


@pytest.mark.parametrize("payload, words", REFUSED_HTML, ids=[p for p, _ in REFUSED_HTML])
def test_allowlist_refuses(payload, words):
    report = sanitize.check(f"<p>Gewone tekst.</p>\n{payload}\n<p>Meer tekst.</p>")
    assert not report.ok
    text = sanitize.message("docs/praktijkvoorbeelden/kwakkeldam-speelkamer.md", report)
    assert text.startswith("docs/praktijkvoorbeelden/kwakkeldam-speelkamer.md: ")
    assert words.lower() in text.lower(), text
    # And what would be published holds none of it.
    for tag, attrs in elements(report.clean):
        assert tag in sanitize.TAGS
        assert not any(name.startswith("on") or name in ("style", "srcset", "ping") for name in attrs)
        assert not re.match(r"\s*(//|[a-z]+:)", attrs.get("src", ""), re.I)


def test_message_lists_every_problem_once():
    report = sanitize.check('<img src="x" onerror="a()"><img src="y" onerror="a()">'
                            '<p style="color:red">a</p><pre class="mermaid">g</pre>')
    whats = [f.what for f in report.findings]
    assert len(whats) == len(set(whats)) == 3, whats


@pytest.mark.parametrize("url, kind, refused", [
    ("../hoofdstukken/corona/", "href", False), ("#aanpak", "href", False),
    ("https://example.org/", "href", False), ("foto.png", "src", False),
    ("mailto:iemand@example.org", "href", True), ("\x01javascript:alert(1)", "href", True),
    (" \\\\host.example/x", "href", True), ("https://example.org/p.png", "src", True),
    ("data:image/png;base64,AAAA", "src", True),
])
def test_url_rules(url, kind, refused):
    assert (sanitize.url_problem(url, kind) is not None) is refused


# ---------------------------------------------------------------------------
# Fields are text (unit): Markdown syntax in a field never becomes markup
# ---------------------------------------------------------------------------

FIELD_PAYLOADS = [
    "Speelplein {: onclick=alert(1) }",
    "Speelplein { onclick=alert(1) }",
    "Speelplein {: #__drawer .mermaid style='color:red' }",
    "Speelplein <img src=x onerror=alert(1)>",
    "Speelplein &lt;b&gt;vet&lt;/b&gt;",
    "*nadruk* __vet__ `code` [link](https://host.example/) ![foto](https://host.example/p.png)",
    "# kop\n\n<script>alert(1)</script>",
    "- lijst",
    "1. nummer",
    "> citaat",
    "| a | b |",
    "Titel[^1]\n\n[^1]: voetnoot",
    "*[Speelplein]: <img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("value", FIELD_PAYLOADS)
def test_plain_markdown_is_text_in_a_heading_and_a_box(value):
    MD.reset()
    text = sanitize.plain_markdown(value)
    html = MD.convert(f"# {text}\n\n!!! abstract \"In het kort\"\n\n    {text}\n\n- **Plaats:** {text}\n")
    tags = [t for t, _ in elements(html)]
    assert tags == ["h1", "a", "div", "p", "p", "ul", "li", "strong"], (tags, html)
    h1 = elements(html)[0][1]
    assert set(h1) == {"id"}, h1
    # The reader sees the value itself, whitespace aside.
    seen = re.sub(r"<[^>]+>", "", html.split("</h1>")[0])
    from html import unescape
    assert unescape(seen).replace("¶", "").strip() == re.sub(r"\s+", " ", value).strip()


# ---------------------------------------------------------------------------
# CSP (unit)
# ---------------------------------------------------------------------------

PAGE = """<!doctype html><html><head>
<meta charset="utf-8"><title>t</title>
<script>var a = 1;</script>
<script id="__config" type="application/json">{"x": 1}</script>
<script src="assets/x.js"></script>
<style>.a{color:red}</style>
</head><body><article class="md-content__inner"><p style="fill: #3b82c4">a</p>
<script>alert("in de inhoud")</script></article></body></html>"""


def test_policy_hashes_the_theme_scripts_only():
    policy = csp.policy(PAGE)
    assert csp.sha256("var a = 1;") in policy
    assert csp.sha256('{"x": 1}') not in policy            # data, not a script
    assert csp.sha256('alert("in de inhoud")') not in policy  # inside <article>: never allowed
    assert csp.sha256(".a{color:red}") in policy
    assert "'unsafe-hashes' " + csp.sha256("fill: #3b82c4") in policy
    assert "'unsafe-inline'" not in policy
    for directive in ("default-src 'none'", "object-src 'none'", "base-uri 'self'",
                      "form-action 'self'", "worker-src 'self'", "connect-src 'self'",
                      "img-src 'self' data:", "font-src 'self'"):
        assert directive in policy
    assert not re.search(r"https?:|\*", policy)
    assert csp.inline_parts(PAGE).content_scripts == ['alert("in de inhoud")']


def test_policy_sits_right_after_the_charset_and_is_replaced_not_doubled():
    once = csp.add_policy(PAGE)
    head = once.split("<head>", 1)[1]
    assert re.match(r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', head)
    twice = csp.add_policy(once.replace("var a = 1;", "var a = 2;"))
    assert twice.count("Content-Security-Policy") == 1
    assert csp.sha256("var a = 2;") in twice and csp.sha256("var a = 1;") not in twice


def test_markup_in_head_is_found():
    good = '<html><head><meta charset="utf-8"><title>Kwakkeldam &lt;b&gt;</title><script>x</script></head><body><img src=x>'
    assert sanitize.head_problems(good) == []
    bad = ('<html><head><meta name="description" content="a"><img src=x onerror=alert(1)>">'
           '<title>Kwakkeldam <b>vet</b></title></head>')
    assert sanitize.head_problems(bad) == ["<img>", "<b>"]


def test_inline_handlers_are_found():
    assert csp.inline_parts('<body onload="x()"><a onclick=y>').handlers == ["<body onload>", "<a onclick>"]


# ---------------------------------------------------------------------------
# Encodings and CSV rows (unit)
# ---------------------------------------------------------------------------

def test_read_text_accepts_utf8_with_and_without_bom(tmp_path):
    plain = write(tmp_path, "a.md", "Café\n".encode())
    bom = write(tmp_path, "b.md", BOM + "Café\n".encode())
    assert read_text(plain) == read_text(bom) == "Café\n"


@pytest.mark.parametrize("data, line", [
    (b"caf\xe9\n", 1),                        # Latin-1 / Windows-1252
    (b"regel een\nregel twee\n\ncaf\xe9\n", 4),
    (BOM + b"a\nb\n\x93aanhalingsteken\x94\n", 3),  # Word's curly quotes in cp1252
    (b"a\r\nb\r\n\xff\xfe", 3),
])
def test_other_encodings_name_file_and_line(tmp_path, data, line):
    path = write(tmp_path, "pagina.md", data)
    with pytest.raises(EncodingProblem) as info:
        read_text(path, shown_as="docs/pagina.md")
    assert info.value.line == line and isinstance(info.value, ValueError)
    assert str(info.value).startswith(f"docs/pagina.md, regel {line}: dit bestand is niet opgeslagen als UTF-8")
    assert "Sla het bestand op als UTF-8" in str(info.value)


def test_csv_rows_are_editor_lines():
    text = 'id,label\n\na,"twee\nregels"\n\n\nb,drie\r\nc,"x ""y"""\n'
    header, rows = csv_records(text)
    assert header == ["id", "label"]
    assert [(line, row["id"]) for line, row in rows] == [(3, "a"), (7, "b"), (8, "c")]
    assert rows[2][1]["label"] == 'x "y"'
    with pytest.raises(CsvProblem) as info:
        csv_records('id,label\na,b\nc,"niet gesloten\n')
    assert info.value.line == 3  # where the row with the open quote starts


def test_find_unsafe_paths(tmp_path):
    repo = tmp_path / "repo"
    write(repo, "docs/a.md", "a")
    outside = write(tmp_path, "geheim.txt", "geheim")
    (repo / "docs/environ.png").symlink_to("/proc/self/environ")
    (repo / "docs/geheim.png").symlink_to(outside)
    (repo / "docs/binnen.md").symlink_to(repo / "docs/a.md")  # a symlink, even inside
    (repo / "docs/map").symlink_to(tmp_path)                   # reported, not followed
    found = find_unsafe_paths(repo / "docs", repo)
    assert found == [Path("binnen.md"), Path("environ.png"), Path("geheim.png"), Path("map")]


DATA_HEADER = "id,label,value,precision,wording,phrase,note,derived\n"


def _dataset(tmp_path, csv: bytes, meta: bytes | None = None) -> Path:
    source = ROOT / "data" / "samenwerkingspartners.meta.yml"
    write(tmp_path, "samenwerkingspartners.meta.yml", meta if meta is not None else source.read_bytes())
    return write(tmp_path, "samenwerkingspartners.csv", csv)


def test_csv_with_bom_loads(tmp_path):
    path = _dataset(tmp_path, BOM + (ROOT / "data" / "samenwerkingspartners.csv").read_bytes())
    assert load_dataset(path).option("basisscholen").value == 90


def test_csv_row_numbers_after_blank_lines_and_multiline_cells(tmp_path):
    rows = (ROOT / "data" / "samenwerkingspartners.csv").read_text(encoding="utf-8").splitlines()[1:3]
    text = (DATA_HEADER + "\n" + rows[0] + "\n\n" + rows[1].rstrip(",") + ',"een toelichting\nover twee regels"\n'
            + "\nkapot,Kapot,veel,exact,veel,,\n")
    with pytest.raises(DataError) as info:
        load_dataset(_dataset(tmp_path, text.encode()))
    # header 1, blank 2, row 3, blank 4, row 5-6 (two lines), blank 7, bad row 8
    assert ", regel 8, kolom 'value'" in str(info.value), info.value


def test_latin1_csv_and_sidecar_name_file_and_line(tmp_path):
    good = (ROOT / "data" / "samenwerkingspartners.csv").read_bytes()
    with pytest.raises(DataError) as info:
        load_dataset(_dataset(tmp_path, good.replace(b"Basisscholen", b"Basisschol\xe9n", 1)))
    assert "samenwerkingspartners.csv, regel 2: dit bestand is niet opgeslagen als UTF-8" in str(info.value)
    meta = (ROOT / "data" / "samenwerkingspartners.meta.yml").read_bytes()
    with pytest.raises(DataError) as info:
        load_dataset(_dataset(tmp_path, good, meta.replace(b"samenwerken", b"samenw\xe9rken", 1)))
    assert re.search(r"samenwerkingspartners\.meta\.yml, regel \d+: dit bestand is niet opgeslagen als UTF-8",
                     str(info.value)), info.value


def test_vocabulary_csv_encoding_bom_and_rows(tmp_path):
    path = write(tmp_path, "werkvormen.csv", b"id,label\nspel,Sp\xe9l\n")
    with pytest.raises(ExampleError, match=r"werkvormen\.csv, regel 2: dit bestand is niet opgeslagen als UTF-8"):
        read_id_label(path)
    write(tmp_path, "werkvormen.csv", BOM + "id,label\nspel,Spél\n".encode())
    assert read_id_label(path) == {"spel": "Spél"}
    write(tmp_path, "werkvormen.csv", 'id,label\n\nspel,"Spel\nbuiten"\n\nspel,Dubbel\n')
    with pytest.raises(ExampleError, match=r"regel 6: id 'spel' staat er twee keer in"):
        read_id_label(path)


# ---------------------------------------------------------------------------
# Builds: refused
# ---------------------------------------------------------------------------

def assert_refused(result, *words: str) -> None:
    assert result.returncode != 0, result.output[-3000:]
    assert not result.site.exists() or not (result.site / "index.html").exists()
    assert "Traceback" not in result.output, result.output[-3000:]
    for word in words:
        assert word in result.output, f"{word!r} ontbreekt in:\n{result.output[-3000:]}"


# Raw HTML a source-level check lets through (no on...= on one line, no
# <script>, no javascript:): the allowlist on the rendered page is what stops it.
BODY_PAYLOADS = """
<img src="kwakkeldam-foto.png" onerror
=alert(1)>

<img src="kwakkeldam-foto.png" srcset="https://host.example/p.png 2x">

![Foto](https://host.example/p.png)

![Foto](//host.example/p.png)

<p style="background:url(//host.example/x.png)">Achtergrond</p>

<a href="kwakkeldam-foto.png" ping="https://host.example/log">Klik</a>

<img src="&#x2F;&#x2F;host.example/q.png">

<img src="ht&#x09;tps://host.example/r.png">

<pre class="mermaid">graph TD; A--&gt;B</pre>

## Aanpak { .md-button }
"""


def test_payloads_in_the_body_are_refused_all_at_once(project, tmp_path):
    import fake_photos
    write(project, "docs/praktijkvoorbeelden/kwakkeldam-foto.png", fake_photos.screenshot_png(60, 40))
    text = example(toestemming_fotos="ja").replace("## Tips\n", BODY_PAYLOADS.replace("## Aanpak", "### Nog iets") + "\n## Tips\n")
    write(project, EXAMPLE, text)
    result = run_build(project, tmp_path / "site")
    assert_refused(result, EXAMPLE, "srcset", "ping", "style", "mermaid", "md-button",
                   "andere website", "begint")


def test_attr_list_in_the_body_is_refused(project, tmp_path):
    write(project, EXAMPLE, example().replace(
        "## Samenwerking\n", "### Tussenkop { #__drawer .MerMaid data-md-component=search }\n\n"
                             "Tekst.\n{: title=x lang=en }\n\n## Samenwerking\n"))
    # A second refused page in the same build: both are reported in one run.
    second = EXAMPLE.replace(".md", "-twee.md")
    write(project, second, example(titel="Tweede speelmiddag in het dorp").replace(
        "## Tips\n", "<p style=\"color:red\">Rood</p>\n\n## Tips\n"))
    assert_refused(run_build(project, tmp_path / "site"), EXAMPLE, 'id="__drawer"',
                   'class="MerMaid"', "data-md-component", "lang", second, "style")


def test_symlinks_to_secrets_are_refused_before_anything_is_read(project, tmp_path):
    secret = write(tmp_path, "buiten/geheim.csv", "GEHEIM_WACHTWOORD=1234\n")
    (project / "docs/praktijkvoorbeelden/foto.png").symlink_to("/proc/self/environ")
    (project / "docs/praktijkvoorbeelden/geheim.md").symlink_to(secret)
    (project / "data/geheim.csv").symlink_to(secret)
    result = run_build(project, tmp_path / "site")
    assert_refused(result, "docs/praktijkvoorbeelden/foto.png", "docs/praktijkvoorbeelden/geheim.md",
                   "data/geheim.csv", "symlink")
    assert "GEHEIM_WACHTWOORD" not in result.output
    assert "HOME=" not in result.output and "PATH=" not in result.output


def test_other_encodings_are_refused_with_file_and_line(project, tmp_path):
    write(project, EXAMPLE, example().encode("utf-8").replace(b"Speelkamer in het buurthuis",
                                                              b"Speelkamer in het caf\xe9"))
    meta = project / "data/samenwerkingspartners.meta.yml"
    meta.write_bytes(meta.read_bytes().replace(b"partners", b"partn\xe9rs", 1))
    vocab = project / "data/woordenlijsten/werkvormen.csv"
    lines = vocab.read_bytes().split(b"\n")
    vocab.write_bytes(b"\n".join(lines[:3] + [lines[3] + b" \x96 extra"] + lines[4:]))
    page = project / "docs/colofon.md"
    page.write_bytes(BOM + page.read_bytes())  # a BOM alone is fine
    result = run_build(project, tmp_path / "site")
    assert_refused(result, "niet opgeslagen als UTF-8",
                   f"{EXAMPLE}, regel ", "data/samenwerkingspartners.meta.yml, regel ",
                   "data/woordenlijsten/werkvormen.csv, regel 4:")
    assert "UnicodeDecodeError" not in result.output and "colofon" not in result.output


# ---------------------------------------------------------------------------
# Builds: published harmlessly
# ---------------------------------------------------------------------------

def test_escaped_html_in_front_matter_is_refused(project, tmp_path):
    """YAML decodes \\x3c and \\u003c: the decoded value is what is checked."""
    write(project, EXAMPLE, example(
        titel=r'"Speelkamer \x3cimg src=x onerror\x3dalert(1)\x3e"',
        samenvatting=r'"Kinderen spelen \x22\x3e\x3cimg src=x onerror\x3dalert(2)\x3e elke woensdag in de Speelkamer."',
        organisatie=r'"Welzijn \u003cscript\u003ealert(3)\u003c/script\u003e"',
        andere_partners=r'["bibliotheek \x3ciframe src=https://host.example/\x3e"]',
        periode='"schooljaar &#60;img src=x one&#114;ror=alert(4)&#62;"',
    ))
    result = run_build(project, tmp_path / "site")
    assert_refused(result, EXAMPLE, "'titel'", "'samenvatting'", "'organisatie'", "'andere_partners'",
                   "regel 7")  # periode: entities, caught on the raw line


def test_field_and_data_payloads_are_published_as_text(project, tmp_path):
    write(project, EXAMPLE, example(
        titel=r'"Speelkamer \x26lt;b\x26gt;vet\x26lt;/b\x26gt; *ster* `code` {: data-x\x3d1 .mermaid #__drawer }"',
        samenvatting='"Kinderen spelen elke woensdag in de [Speelkamer](https://host.example/) {: .md-button }."',
        organisatie='"Welzijn __Kwakkeldam__ ![x](https://host.example/p.png)"',
        periode='"schooljaar 2025-2026 ](https://host.example/) {: #__drawer }"',
        andere_partners='["bibliotheek\n\n# kop", "- lijst", "1. nummer"]',
    ))
    meta = project / "data/samenwerkingspartners.meta.yml"
    data = yaml.safe_load(meta.read_text(encoding="utf-8"))
    data["finding"] = "<img src=x onerror=alert(4)> *Partners* {basisscholen} {: #x }"
    data["title"] = "Partners <b>vet</b> &amp; meer"
    data["question"] = "Met wie? <b onclick=alert(6)>klik</b>"
    meta.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    table = project / "data/samenwerkingspartners.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(
        "basisscholen,Basisscholen,90,more_than,meer dan 90 procent,,",
        'basisscholen,Basisscholen <img src=x onerror=alert(7)>,90,more_than,'
        '"meer dan 90 procent <svg onload=alert(8)>","ruim 90% <i>x</i>",'), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-4000:]
    pages = site_pages(result.site)
    shown = 0
    for name, html in pages.items():
        for tag, attrs in elements(html):
            assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
            assert tag not in ("iframe",), name
            assert attrs.get("src") != "x", name
            assert attrs.get("id") != "__drawer" or tag == "input", name
            assert "mermaid" not in attrs.get("class", ""), name
            assert "data-x" not in attrs, name
            assert not (tag == "a" and "host.example" in attrs.get("href", "")), name
            assert not (tag == "img" and "host.example" in attrs.get("src", "")), name
        for n in range(4, 9):
            assert f"<script>alert({n})" not in html, name
        shown += "Speelkamer &amp;lt;b&amp;gt;vet&amp;lt;/b&amp;gt; *ster* `code`" in unescape_once(html)
    page = pages["praktijkvoorbeelden/kwakkeldam-speelkamer/index.html"]
    head = page.split("</head>")[0]
    assert '<meta name="description" content="Kinderen spelen elke woensdag in de [Speelkamer]' in head, head
    title = re.search(r"<title>(.*?)</title>", head, re.S).group(1)
    assert "<" not in title and "&amp;lt;b&amp;gt;vet" in title and "{: data-x=1 .mermaid #__drawer }" in title, title
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert set(elements(h1.group(0))[0][1]) == {"id"}, h1.group(0)
    article = page.split("<article", 1)[1]
    assert "Speelkamer](https://host.example/) {: .md-button }." in unescape_once(article)
    assert "<em>ster</em>" not in article and "<strong>Kwakkeldam</strong>" not in article
    assert "<h1>kop" not in article and '<h1 id="kop"' not in article
    assert shown >= 3, "the title is shown as text on the example, overview and chapter pages"
    # Data texts: the chart heading, table and metadata show the markup as text.
    chapter = pages["hoofdstukken/samenwerkingspartners/index.html"]
    assert "&lt;img src=x onerror=alert(4)&gt;" in chapter or "&#60;img src=x onerror=alert(4)&#62;" in chapter
    assert "<caption" in chapter and "Partners &lt;b&gt;vet&lt;/b&gt; &amp;amp; meer</caption>" in chapter
    assert "Met wie? &lt;b onclick=alert(6)&gt;klik&lt;/b&gt;" in chapter
    assert "Basisscholen &lt;img src=x onerror=alert(7)&gt;" in chapter
    # Macros that put data text into a page (title(), finding(), wording(), pct()) give text too.
    for name, html in pages.items():
        assert "<b>vet</b>" not in html and "<i>x</i>" not in html, name
    assert ">Partners &#60;b&#62;vet&#60;/b&#62;" in pages["cijfers/index.html"]  # the heading from title()
    # Every page carries the policy.
    assert all('<meta http-equiv="Content-Security-Policy"' in html for html in pages.values())


# ---------------------------------------------------------------------------
# scripts/tools/build_site.py (make build): as strict as mkdocs build --strict
# ---------------------------------------------------------------------------

def build_site(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/tools/build_site.py", "--site-dir", str(site)],
                          cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_build_site_refuses_broken_links_and_orphans_and_keeps_the_site(project, tmp_path):
    site = tmp_path / "out" / "site"
    done = build_site(project, site)
    assert done.returncode == 0, done.stdout + done.stderr
    before = tree_digest(site)
    (tmp_path / "out" / ".site-nieuw-abc123").mkdir()   # left by an interrupted build
    (tmp_path / "out" / ".site-oud").mkdir()

    page = project / "docs/colofon.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n[kapotte link](bestaat-niet.md)\n", encoding="utf-8")
    done = build_site(project, site)
    assert done.returncode != 0
    assert "bestaat-niet.md" in done.stderr and "NIET bijgewerkt" in done.stderr, done.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["site"]  # strays cleaned

    page.write_text(original, encoding="utf-8")
    write(project, "docs/los-blaadje.md", "# Los blaadje\n\nDeze pagina staat niet in de navigatie.\n")
    done = build_site(project, site)
    assert done.returncode != 0
    assert "los-blaadje.md" in done.stderr and "NIET bijgewerkt" in done.stderr, done.stderr
    assert tree_digest(site) == before
