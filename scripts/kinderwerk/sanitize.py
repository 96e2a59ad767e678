"""Allowlist check of the rendered HTML of a contributed page.

The rendered article of a practice example (its body, and the header and
footer the site generates from its front matter) must be exactly what an
allowlist sanitiser keeps: ``nh3``, the binding to Rust's ammonia, parses it
as a browser does and keeps only the elements, attributes and URLs that
Markdown with this site's extensions produces. Any difference means the page
holds something else (a script, an event handler, a style, an image or a
request to another host, a class the theme acts on): the build stops with a
Dutch message naming the file and what was found. Nothing is stripped
silently, so a reviewer sees it.

Callers publish ``clean()`` of the page (identical up to serialisation when
the check passes), so even a gap in the comparison cannot put anything into
the site that ammonia did not allow.

Plain Python, no MkDocs.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

# --- What Markdown (with the extensions in mkdocs.yml) and our generated
#     example header and footer produce. --------------------------------------
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd",
    "label", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
COMMON = {"id", "class", "title", "data-search-exclude"}
ATTRIBUTES = {
    "*": COMMON,
    "a": COMMON | {"href"},
    "img": COMMON | {"src", "alt", "width", "height"},
    "th": COMMON | {"style"},   # table alignment: style="text-align: left;"
    "td": COMMON | {"style"},
    "ol": COMMON | {"start"},
    "details": COMMON | {"open"},
    "div": COMMON | {"data-tabs"},                       # pymdownx.tabbed
    "input": COMMON | {"type", "name", "checked"},
    "label": COMMON | {"for"},
}
# Admonition types (Material), Markdown's own classes, pygments' token classes.
ADMONITIONS = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
    "fail", "missing", "danger", "error", "bug", "example", "quote", "cite", "inline", "end",
    "redactie",  # the site's own "Toelichting van de redactie" box (issue 11, docs/stylesheets/extra.css)
}
CLASSES = ADMONITIONS | {
    "admonition", "admonition-title", "headerlink", "footnote", "footnote-ref", "footnote-backref",
    "tabbed-set", "tabbed-alternate", "tabbed-labels", "tabbed-content", "tabbed-block",
    "highlight", "kw-example-source",
}
PYGMENTS_CLASS = re.compile(r"^[a-z][a-z0-9]{0,2}$")   # <span class="nb"> inside code
ID = re.compile(r"^(?!md-|kw-|_)[a-z0-9][a-z0-9_:.-]*$|^__tabbed_\d+_\d+$", re.I)
ALIGN = re.compile(r"^text-align: (?:left|right|center);$")
NUMBER = re.compile(r"^\d{1,4}$")
EXACT = {  # attribute -> pattern its whole value must match
    "id": ID, "for": ID, "name": re.compile(r"^__tabbed_\d+$"), "type": re.compile(r"^radio$"),
    "checked": re.compile(r"^(?:checked)?$"), "open": re.compile(r"^(?:open)?$"),
    "data-tabs": re.compile(r"^\d+:\d+$"), "data-search-exclude": re.compile(r"^$"),
    "style": ALIGN, "width": NUMBER, "height": NUMBER, "start": NUMBER,
}
URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)

# What each refused thing is, in a contributor's words.
WHY = {
    "style": "opmaak met style= (kleuren, achtergrond, url(...)) kan een andere website laten "
             "laden en hoort bij het thema",
    "class": "een class= die de site of het thema laat reageren (bijvoorbeeld mermaid of md-...)",
    "id": "een id= die de site of het thema zelf gebruikt",
    "href": "een link mag alleen naar een pagina van deze site of naar een https://-adres",
    "src": "een afbeelding moet een bestand in deze map zijn (geen internetadres)",
    "srcset": "srcset= laadt afbeeldingen van een ander adres",
    "ping": "ping= stuurt bij een klik een bericht naar een andere website",
}


def url_problem(value: str, kind: str) -> str | None:
    """Why a URL is refused, or None. ``kind`` is 'href' or 'src'.

    Browsers drop tabs and line breaks anywhere in a URL and spaces or control
    characters around it, and treat a backslash like a slash: check what the
    browser would load, after entity decoding (done by the parser)."""
    squeezed = re.sub(r"[\t\n\r]", "", value)
    squeezed = re.sub(r"^[\x00-\x20]+|[\x00-\x20]+$", "", squeezed)
    if squeezed.startswith(("/", "\\")):
        return ("een adres dat met / begint (zoals //andere-website) gaat buiten deze pagina's om; "
                "gebruik een relatieve link")
    scheme = URL_SCHEME.match(squeezed)
    if kind == "src":
        return "een afbeelding van een andere website" if scheme else None
    if scheme and scheme.group(1).lower() != "https":
        return f"een link met '{scheme.group(1)}:'; alleen https:// is toegestaan"
    return None


# Characters with a meaning in Markdown or its extensions anywhere in a line
# (emphasis, code, links, images, footnotes, abbreviations, attr_list braces,
# heading hashes, table pipes, HTML), and list or quote markers at its start.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]#|<>]|^[-+=]")
_MD_NUMBERED = re.compile(r"^(\d+)([.)])")   # '1. ' would start a numbered list


def plain_markdown(value: object) -> str:
    """A field's text for use in generated Markdown: plain text, always.

    Every character with a meaning in Markdown or HTML becomes a numeric
    character reference, which Markdown passes through and the browser shows
    as the character: no HTML, no emphasis, no links, and no attr_list braces
    (a title ending in '{: onclick=... }' stays text). Line breaks become
    spaces, so a value cannot start a new Markdown block."""
    text = re.sub(r"\s+", " ", str(value)).strip()
    text = text.replace("&", "&amp;")
    text = _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", text)
    return _MD_NUMBERED.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text)


@dataclass
class Finding:
    """One refused thing: what it is and a bit of the HTML around it."""

    what: str
    snippet: str

    def __str__(self) -> str:
        return f"{self.what} (in: {self.snippet})"


@dataclass
class Report:
    clean: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def _check_attribute(tag: str, name: str, value: str) -> str | None:
    """Why this allowed attribute's value is refused, or None."""
    if name in ("href", "src"):
        return url_problem(value, name)
    if name == "class":
        bad = [c for c in value.split() if c not in CLASSES
               and not (tag == "span" and PYGMENTS_CLASS.match(c))]
        return f"class=\"{' '.join(bad)}\": {WHY['class']}" if bad else None
    pattern = EXACT.get(name)
    if pattern is not None and not pattern.match(value):
        return f"{name}=\"{value}\": " + WHY.get(name, "deze waarde maakt Markdown niet")
    return None


def clean(html: str, problems: list | None = None) -> str:
    """``html`` as the allowlist keeps it. Refused attribute values are added
    to ``problems`` as (tag, attribute, value, why)."""
    def keep(tag: str, name: str, value: str) -> str | None:
        why = _check_attribute(tag, name, value)
        if why is None:
            return value
        if problems is not None:
            problems.append((tag, name, value, why))
        return None

    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, attribute_filter=keep,
                     url_schemes={"https"}, link_rel=None, strip_comments=True,
                     clean_content_tags={"script", "style", "template", "noscript", "xmp",
                                         "iframe", "noembed", "noframes", "plaintext", "object"})


class _Tokens(HTMLParser):
    """Start tags (with sorted attributes) and text, in order. End tags and
    comments are left out: they carry nothing ammonia removes on their own."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []
        self.raw: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("tag", tag, tuple(sorted((k, v or "") for k, v in attrs))))
        self.raw.append(self.get_starttag_text() or f"<{tag}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self.tokens and self.tokens[-1][0] == "text":  # entity boundaries split text
            self.tokens[-1] = ("text", self.tokens[-1][1] + data)
            self.raw[-1] += data
        else:
            self.tokens.append(("text", data))
            self.raw.append(data)

    def handle_pi(self, data: str) -> None:
        self.handle_data(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.handle_data(f"<![{data}]>")


def tokens(html: str) -> tuple[list[tuple], list[str]]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens, parser.raw


def _render(token: tuple) -> str:
    if token[0] == "text":
        return token[1]
    attrs = "".join(f' {k}="{v}"' for k, v in token[2])
    return f"<{token[1]}{attrs}>"


def _short(text: str, limit: int = 80) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _describe(before: tuple, after: tuple | None, raw: str, problems: list) -> list[Finding]:
    """What ammonia changed between one input token and its cleaned form."""
    snippet = _short(raw)
    if before[0] == "text":
        return [Finding("tekst die de browser als HTML leest (bijvoorbeeld <script>, <style> of "
                        "een commentaar dat code verbergt)", snippet)]
    tag, attrs = before[1], dict(before[2])
    if after is None or after[0] != "tag" or after[1] != tag:
        return [Finding(f"het HTML-element <{tag}> (niet toegestaan in een praktijkvoorbeeld)", snippet)]
    kept = dict(after[2])
    found = []
    for name in sorted(set(attrs) - set(kept)):
        why = next((p[3] for p in problems if p[0] == tag and p[1] == name and p[2] == attrs[name]), None)
        if why is None:
            why = WHY.get(name) or ("een event-handler (code die iets doet bij klikken, laden of "
                                    "fouten)" if name.startswith("on") else "dit attribuut maakt "
                                    "Markdown niet")
            why = f"{name}=: {why}"
        found.append(Finding(f"<{tag} {name}=...>: {why}", snippet))
    for name in sorted(set(kept) & set(attrs)):
        if kept[name] != attrs[name]:
            found.append(Finding(f"<{tag} {name}=\"{_short(attrs[name], 40)}\">: "
                                 f"{url_problem(attrs[name], name) or 'deze waarde is niet toegestaan'}",
                                 snippet))
    for name in sorted(set(kept) - set(attrs)):
        found.append(Finding(f"<{tag}>: het attribuut {name}= is er door de browser bij gekomen",
                             snippet))
    return found


def check(html: str) -> Report:
    """Compare ``html`` with its cleaned form; every difference is a Finding."""
    problems: list = []
    cleaned = clean(html, problems)
    before, raw = tokens(html)
    after, _ = tokens(cleaned)
    report = Report(cleaned)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 == i2 or all(before[k][0] == "text" for k in range(i1, i2)):
            # Text that became markup, or markup in the output only: the
            # browser reads this part differently from how it looks.
            report.findings.append(Finding(
                "HTML die de browser anders leest dan hij eruitziet (bijvoorbeeld een commentaar "
                "<!-- ... --> of een element dat niet goed is afgesloten)",
                _short("".join(_render(t) for t in after[j1:j2]) or "".join(raw[i1:i2]))))
            continue
        for k in range(i1, i2):
            partner = after[j1 + (k - i1)] if j1 + (k - i1) < j2 else None
            report.findings.extend(_describe(before[k], partner, raw[k], problems))
    # One line per distinct problem.
    seen, unique = set(), []
    for finding in report.findings:
        if finding.what not in seen:
            seen.add(finding.what)
            unique.append(finding)
    report.findings = unique
    return report


def message(where: str, report: Report) -> str:
    """The Dutch message for a refused page, listing every problem."""
    lines = "\n".join(f"  - {f}" for f in report.findings)
    return (f"{where}: deze pagina bevat HTML die niet is toegestaan in een praktijkvoorbeeld. "
            f"Een praktijkvoorbeeld is gewone tekst met Markdown-opmaak: geen scripts, geen opmaak "
            f"met style of class, geen afbeeldingen of andere inhoud van andere websites. "
            f"Haal dit weg (zie SECURITY.md, 'Wat mag er in een praktijkvoorbeeld?'):\n{lines}")


# What a page's <head> holds: the theme's and our templates' elements only.
HEAD_TAGS = {"meta", "link", "title", "script", "style", "base"}


def head_problems(page_html: str) -> list[str]:
    """Elements in the <head> of a built page that no template puts there,
    or a <title> that holds markup: a field that was not escaped."""
    head = page_html.split("</head>", 1)[0]
    found, _ = tokens(head)
    problems = [f"<{t[1]}>" for t in found if t[0] == "tag" and t[1] not in HEAD_TAGS | {"html", "head"}]
    titles = [t for t in found if t[0] == "tag" and t[1] == "title"]
    if len(titles) != 1:
        problems.append(f"{len(titles)} keer <title>")
    return problems
