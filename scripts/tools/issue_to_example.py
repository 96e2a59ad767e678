"""Turn a submitted issue form "Nieuw praktijkvoorbeeld" into an example page.

    python scripts/tools/issue_to_example.py BODY_FILE [--today JJJJ-MM-DD]

BODY_FILE holds the issue body as GitHub renders a form: "### <label>", a
blank line, the answer ("_No response_" when empty). The labels come from
.github/ISSUE_TEMPLATE/nieuw-praktijkvoorbeeld.yml, so form and script agree.

The answers are untrusted data: they are never used as a template or in a
shell; the front matter is written with yaml.safe_dump, and the page is
checked with the same checks as `make check` before it is written. Prints the
path of the new page; exits 1 with Dutch messages if the submission is
incomplete or not allowed (nothing is written then).
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

import yaml

from kinderwerk import examples as ex
from kinderwerk.examples import form_photos
from kinderwerk.examples.text import slugify

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "nieuw-praktijkvoorbeeld.yml"
NO_RESPONSE = "_No response_"
SECTION_FIELDS = dict(zip(("aanleiding", "aanpak", "samenwerking", "opbrengst", "tips"), ex.SECTIONS, strict=True))
LIST_FIELDS = ("gemeenten", "provincie", "werkvormen", "themas", "partners", "andere_partners", "hoofdstukken")
REQUIRED = ("titel", "samenvatting", "organisatie", "provincie", "periode", "werkvormen", "themas",
            "hoofdstukken", "bron", *SECTION_FIELDS)
MAX_BODY = 100_000


class Incomplete(Exception):
    """The submission cannot become a page; the message is Dutch."""


def form_labels(form: Path = FORM) -> dict[str, str]:
    """label -> field id, from the issue form."""
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    return {item["attributes"]["label"].strip(): item["id"]
            for item in data["body"] if item.get("id") and "label" in item.get("attributes", {})}


def parse_body(body: str, labels: dict[str, str]) -> dict[str, str]:
    """Field id -> answer text ('' for no answer).

    GitHub writes the questions in the order of the form. An answer may itself
    contain a line such as '### Bron', so each question's heading is the last
    one before the next question's heading (found from the end backwards)."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        match = re.match(r"^###\s+(.+?)\s*$", line)
        if match and match.group(1) in labels:
            headings.setdefault(match.group(1), []).append(index)
    result: dict[str, str] = {}
    end = len(lines)
    for label in reversed(list(labels)):
        before = [i for i in headings.get(label, []) if i < end]
        if not before:
            continue
        start = before[-1]
        text = "\n".join(lines[start + 1:end]).strip()
        result[labels[label]] = "" if text == NO_RESPONSE else text
        end = start
    return result


def _items(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\n]", text) if part.strip()]


def _age(text: str, label: str) -> int | None:
    if not text:
        return None
    match = re.fullmatch(r"\s*(\d{1,2})\s*(?:jaar)?\s*", text)
    if not match:
        raise Incomplete(f"'{label}' moet een getal zijn (bijvoorbeeld 6), niet '{text[:40]}'.")
    return int(match.group(1))


def _persons(text: str) -> list[dict[str, str]]:
    people = []
    for number, line in enumerate((line for line in text.split("\n") if line.strip()), start=1):
        parts = [p.strip() for p in (line.split(";") if ";" in line else line.split(","))]
        parts = [p.lstrip("-* ").strip() if i == 0 else p for i, p in enumerate(parts)]
        if len(parts) < 3 or not all(parts[:3]):
            raise Incomplete(f"persoon {number} ('{line.strip()[:60]}'): schrijf naam; rol; organisatie; "
                             f"aan het woord of genoemd, gescheiden door puntkomma's.")
        role = "genoemd" if len(parts) > 3 and "genoemd" in parts[3].lower() else "aan_het_woord"
        people.append({"naam": parts[0], "rol": parts[1], "organisatie": parts[2], "in_het_verhaal": role})
    return people


def build_page(answers: dict[str, str], today: dt.date) -> tuple[str, str, dict]:
    """(suggested file name, page text, front matter) from the answers."""
    missing = [key for key in REQUIRED if not answers.get(key)]
    if missing:
        raise Incomplete("het formulier mist een antwoord bij: " + ", ".join(missing) + ".")
    meta: dict = {
        "titel": " ".join(answers["titel"].split()),
        "samenvatting": " ".join(answers["samenvatting"].split()),
        "organisatie": " ".join(answers["organisatie"].split()),
    }
    for key in LIST_FIELDS:
        meta[key] = _items(answers.get(key, ""))
    meta["periode"] = " ".join(answers["periode"].split())
    meta["leeftijd_van"] = _age(answers.get("leeftijd_van", ""), "Leeftijd van")
    meta["leeftijd_tot"] = _age(answers.get("leeftijd_tot", ""), "Leeftijd tot en met")
    meta["personen"] = _persons(answers.get("personen", ""))
    meta["bron"] = " ".join(answers["bron"].split())
    meta["gecontroleerd"] = today.isoformat()
    order = ["titel", "samenvatting", "organisatie", "gemeenten", "provincie", "periode", "werkvormen",
             "leeftijd_van", "leeftijd_tot", "themas", "partners", "andere_partners", "hoofdstukken",
             "personen", "bron", "gecontroleerd"]
    meta = {k: meta[k] for k in order}
    body = "\n".join(f"## {heading}\n\n{answers[key].strip()}\n" for key, heading in SECTION_FIELDS.items())
    place = (meta["gemeenten"] or meta["provincie"] or ["voorbeeld"])[0]
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    slug = slugify(f"{place} {meta['titel']}")
    if len(slug) > 50:
        slug = slug[:51].rsplit("-", 1)[0]
    return f"{slug or 'voorbeeld'}.md", f"---\n{front}---\n\n{body}", meta


def page_text(meta: dict, body: str) -> str:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{front}---\n\n{body}"


def _vocabulary(root: Path) -> ex.Vocabulary:
    docs = root / "docs"
    chapters = {p.stem: ex.chapter_title(p.read_text(encoding="utf-8"), p.stem)
                for p in sorted((docs / ex.CHAPTER_FOLDER).glob("*.md"))}
    return ex.load_vocabulary(root / "data", chapters)


def convert(body: str, root: Path = ROOT, today: dt.date | None = None) -> tuple[Path, str]:
    """(path of the new page, its text), or Incomplete with every problem."""
    if len(body) > MAX_BODY:
        raise Incomplete("het formulier is te lang om automatisch een pagina van te maken.")
    today = today or dt.datetime.now(dt.UTC).date()
    answers = parse_body(body, form_labels(root / ".github" / "ISSUE_TEMPLATE" / FORM.name))
    if not answers:
        raise Incomplete("dit is geen ingevuld formulier 'Nieuw praktijkvoorbeeld' (geen vragen gevonden).")
    answers, _ = form_photos.take_out_images(answers)  # never an image from another address on a page
    answers, _ = form_photos.take_out_links(answers)   # nor a link out that no editor has seen
    name, text, meta = build_page(answers, today)
    folder = root / "docs" / ex.FOLDER
    path, number = folder / name, 2
    while path.exists():
        path, number = folder / f"{name[:-3]}-{number}.md", number + 1
    src_uri = f"{ex.FOLDER}/{path.name}"
    docs = root / "docs"
    known = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    template = folder / "_sjabloon.md"
    placeholders = ex.from_template(template.read_text(encoding="utf-8")) if template.exists() else None
    vocab = _vocabulary(root)
    example, problems = ex.check_example(text, src_uri, vocab, today=today, known_files=known,
                                         placeholders=placeholders)
    if problems:
        raise Incomplete("\n".join(_for_form(p) for p in problems))
    # The form offers labels ("Sport en spel"); the page uses the ids, as the template does.
    for key in ("provincie", "werkvormen", "themas", "partners", "hoofdstukken"):
        meta[key] = list(getattr(example, key))
    text = page_text(meta, text.split("\n---\n", 1)[1].lstrip("\n"))
    _, problems = ex.check_example(text, src_uri, vocab, today=today, known_files=known,
                                   placeholders=placeholders)
    if problems:  # cannot happen unless the two forms disagree; never write a page that fails
        raise Incomplete("\n".join(_for_form(p) for p in problems))
    return path, text


def photo_notes(body: str, root: Path = ROOT) -> list[str]:
    """Dutch lines for the pull request about each photo in the form: none is
    fetched or taken over, every one is named (by question, never by address);
    and one line for the links to other websites taken out of the answers."""
    labels = form_labels(root / ".github" / "ISSUE_TEMPLATE" / FORM.name)
    answers = parse_body(body[:MAX_BODY], labels)
    by_id = {field_id: label for label, field_id in labels.items()}
    without_images, removed = form_photos.take_out_images(answers)
    _, links = form_photos.take_out_links(without_images)
    return (form_photos.notes(answers, body[:MAX_BODY], by_id) + form_photos.removed_notes(removed, by_id)
            + form_photos.link_notes(links, by_id))


def _for_form(problem: ex.Problem) -> str:
    """A problem in the words of the form (no line numbers of a file that does not exist yet)."""
    field = f"bij '{problem.field}': " if problem.field else ""
    return f"{field}{problem.message}"


# --- The bot's comment (issue 17) ------------------------------------------------
# Everything the bot posts is the project speaking. Its comment holds its own
# Dutch text, and the check's messages only inside a code block, with links,
# @mentions and #references broken, invisible characters made visible, and
# capped in lines and length: a submitter cannot make the bot post a link,
# ping anyone or speak in the project's voice.
COMMENT_HEAD = ("Er kon nog geen pagina van dit formulier gemaakt worden. Dit ontbreekt of klopt niet "
                "(de meldingen van de controle, als code; links en vermeldingen van namen daarin zijn "
                "onschadelijk gemaakt):")
COMMENT_TAIL = ("Pas je antwoorden aan (via de drie puntjes > Edit). De redactie zet daarna het label "
                "`maak-pagina` opnieuw. Uitleg over de velden: CONTRIBUTING.md in deze repository.")
COMMENT_FAILED = ("Er kon nog geen pagina van dit formulier gemaakt worden, en de controle gaf geen meldingen. "
                  "De redactie kijkt ernaar.")
MAX_COMMENT_LINES = 40
MAX_COMMENT_LINE = 300


def neutralise(line: str) -> str:
    """One message line, safe to show inside a code block: no link, mention,
    issue reference, HTML or invisible character survives, even if GitHub
    rendered it outside the block."""
    from kinderwerk import unicode_policy
    for finding in reversed(unicode_policy.forbidden(line)):
        line = line[:finding.index] + f"<{finding.code}>" + line[finding.index + 1:]
    line = unicodedata.normalize("NFKC", line)  # fullwidth ＠ and ：／／ become @ and :// first
    line = re.sub(r"(?i)\b(h)(tt)(ps?)://", r"\1xx\3[:]//", line)
    line = re.sub(r"(?i)(?<![\w.])www\.", "www[.]", line)
    line = line.replace("://", "[:]//").replace("@", "[at]")
    line = re.sub(r"(?i)(#|\bgh-)(?=\d)", r"\1 ", line)   # '#12' and 'GH-12' would link an issue
    line = line.replace("<", "[").replace(">", "]").replace("`", "'")
    if len(line) > MAX_COMMENT_LINE:
        line = line[:MAX_COMMENT_LINE] + " ..."
    return line


def comment_body(problems: str) -> str:
    """The Markdown of the bot's comment for the messages in ``problems`` (the
    script's stderr)."""
    lines = [neutralise(line) for line in problems.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("Van dit formulier kan nog geen pagina")]
    if not lines:
        return COMMENT_FAILED
    if len(lines) > MAX_COMMENT_LINES:
        lines = lines[:MAX_COMMENT_LINES] + [f"(en nog {len(lines) - MAX_COMMENT_LINES} meldingen)"]
    return f"{COMMENT_HEAD}\n\n```text\n" + "\n".join(lines) + f"\n```\n\n{COMMENT_TAIL}"


def _write_comment(path: Path | None, problems: str) -> None:
    if path is not None:
        path.write_text(comment_body(problems), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een praktijkvoorbeeld van een ingevuld formulier.")
    parser.add_argument("body_file", type=Path)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--photo-notes", type=Path, default=None,
                        help="schrijf hierheen wat er met de foto's uit het formulier moet gebeuren")
    parser.add_argument("--comment", type=Path, default=None,
                        help="schrijf hierheen de reactie van de bot als er geen pagina gemaakt kan worden")
    args = parser.parse_args(argv)
    try:
        body = args.body_file.read_bytes().decode("utf-8", errors="replace")
        path, text = convert(body, ROOT, args.today)
    except Incomplete as exc:
        print("Van dit formulier kan nog geen pagina gemaakt worden:", file=sys.stderr)
        for line in str(exc).split("\n"):
            print(f"- {line}", file=sys.stderr)
        _write_comment(args.comment, "\n".join(f"- {line}" for line in str(exc).split("\n")))
        return 1
    except Exception as exc:  # noqa: BLE001 -- never a traceback for a contributor
        print(f"Van dit formulier kan nog geen pagina gemaakt worden ({type(exc).__name__}). "
              f"De redactie kijkt ernaar.", file=sys.stderr)
        _write_comment(args.comment, "")
        return 1
    path.write_text(text, encoding="utf-8")
    if args.photo_notes is not None:
        args.photo_notes.write_text("".join(f"- {line}\n" for line in photo_notes(body, ROOT)), encoding="utf-8")
    print(path.relative_to(ROOT).as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main())
