"""Turn a submitted issue form "Nieuw praktijkvoorbeeld" into an example page.

    python scripts/tools/issue_to_example.py BODY_FILE --fetch-photos DIR    (step 1: photos only)
    python scripts/tools/issue_to_example.py BODY_FILE [--photos DIR] [--today JJJJ-MM-DD]
                                             [--photo-notes FILE] [--comment FILE]

Step 1 (its own workflow step, no token) fetches the photos attached to the
form's photo question into DIR: only GitHub's own attachment addresses, only
when the consent box is ticked, bounded in number, bytes and time
(kinderwerk.examples.attachments). Step 2 writes the page and, for each
fetched photo, a cleaned copy beside it (kinderwerk.images: real format,
limits, upright, no metadata, sRGB, at most 2000 pixels), named after the
page (``<page>-foto-1.jpg``), never after anything the contributor typed.
It prints the page's path, then one line per photo file.

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
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kinderwerk import examples as ex
from kinderwerk import images
from kinderwerk.examples import attachments, form_photos
from kinderwerk.examples.form_labels import FormLabels, for_form
from kinderwerk.examples.photos import CONSENT_FIELD
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


def form_words(root: Path = ROOT) -> FormLabels:
    """The form's labels for messages (field id -> label), from the form itself."""
    return FormLabels.from_form(root / ".github" / "ISSUE_TEMPLATE" / FORM.name,
                                {heading: key for key, heading in SECTION_FIELDS.items()})


def consent_given(answers: dict[str, str], words: FormLabels) -> bool:
    """The form's photo-consent option is ticked: its exact label, ticked, in
    the answer to the checkboxes question (not anywhere in the text)."""
    if not words.consent_option:
        return False
    ticked = {" ".join(m.group(1).split()) for m in
              re.finditer(r"^\s*-\s*\[[xX]\]\s*(.{1,300}?)\s*$", answers.get("akkoord", ""), re.M)}
    return words.consent_option in ticked


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


def build_page(answers: dict[str, str], today: dt.date, words: FormLabels | None = None,
               photos: Sequence[tuple[str, str]] = ()) -> tuple[str, str, dict]:
    """(suggested file name, page text, front matter) from the answers;
    ``photos``: (file name, alt text) of each photo taken over, shown at the
    end of the section Aanpak."""
    label = words.label if words else (lambda key: key)
    missing = [key for key in REQUIRED if not answers.get(key)]
    if missing:
        raise Incomplete("het formulier mist een antwoord bij: " + ", ".join(f"'{label(k)}'" for k in missing)
                         + ".")
    meta: dict = {
        "titel": " ".join(answers["titel"].split()),
        "samenvatting": " ".join(answers["samenvatting"].split()),
        "organisatie": " ".join(answers["organisatie"].split()),
    }
    for key in LIST_FIELDS:
        meta[key] = _items(answers.get(key, ""))
    meta["periode"] = " ".join(answers["periode"].split())
    meta["leeftijd_van"] = _age(answers.get("leeftijd_van", ""), label("leeftijd_van"))
    meta["leeftijd_tot"] = _age(answers.get("leeftijd_tot", ""), label("leeftijd_tot"))
    meta["personen"] = _persons(answers.get("personen", ""))
    meta["bron"] = " ".join(answers["bron"].split())
    meta["gecontroleerd"] = today.isoformat()
    order = ["titel", "samenvatting", "organisatie", "gemeenten", "provincie", "periode", "werkvormen",
             "leeftijd_van", "leeftijd_tot", "themas", "partners", "andere_partners", "hoofdstukken",
             "personen", "bron", "gecontroleerd"]
    meta = {k: meta[k] for k in order}
    if photos:
        meta[CONSENT_FIELD] = "ja"   # only ever with the consent box ticked (no photo is fetched without)
    shown = "".join(f"\n![{alt}]({name})\n" for name, alt in photos)
    body = "\n".join(f"## {heading}\n\n{answers[key].strip()}\n" + (shown if key == "aanpak" else "")
                     for key, heading in SECTION_FIELDS.items())
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


@dataclass
class Conversion:
    """What the converter writes: the page, the cleaned photos beside it
    (path -> bytes), and the Dutch lines about the photos for the bot."""

    path: Path
    text: str
    photos: dict[Path, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# --- Step 1: fetch the attached photos (workflow step without any token) ---------

MANIFEST = "fotos.json"


def fetch_photos(body: str, into: Path, root: Path = ROOT,
                 fetcher: attachments.Fetcher | None = None) -> list[attachments.Outcome]:
    """Fetch the photos of the form's photo question into ``into`` as
    ``1.foto``, ``2.foto``, ... (numbers, never a submitted name) with a
    manifest of what happened to each; nothing without consent."""
    words = form_words(root)
    answers = parse_body(body[:MAX_BODY], form_labels(root / ".github" / "ISSUE_TEMPLATE" / FORM.name))
    found = attachments.find(answers.get(form_photos.PHOTO_FIELD, ""))
    outcomes = (fetcher or attachments.Fetcher()).fetch_all(found, consent_given(answers, words))
    into.mkdir(parents=True, exist_ok=True)
    manifest = []
    for outcome in outcomes:
        entry: dict = {"number": outcome.number}
        if outcome.data is not None:
            (into / f"{outcome.number}.foto").write_bytes(outcome.data)
            entry["file"] = f"{outcome.number}.foto"
        else:
            entry["reason"] = outcome.reason
        manifest.append(entry)
    (into / MANIFEST).write_text(json.dumps({"found": len(found), "photos": manifest}), encoding="utf-8")
    return outcomes


def _fetched(folder: Path, found: list[attachments.Found]) -> list[attachments.Outcome]:
    """What step 1 left in ``folder``, for the images ``found`` in this body
    (a manifest that does not match them counts as a failed download)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        entries = {int(e["number"]): e for e in manifest["photos"]}
        if manifest["found"] != len(found) or set(entries) != {f.number for f in found}:
            raise ValueError("manifest")
    except (OSError, ValueError, KeyError, TypeError):
        return [attachments.Outcome(f.number, reason=attachments.FAILED) for f in found]
    outcomes = []
    for item in found:
        entry = entries[item.number]
        if "file" in entry:
            try:
                data = images.read_limited(folder / f"{item.number}.foto", f"foto {item.number}")
                outcomes.append(attachments.Outcome(item.number, data=data))
            except images.PhotoProblem:
                outcomes.append(attachments.Outcome(item.number, reason=attachments.TOO_LARGE))
            except OSError:
                outcomes.append(attachments.Outcome(item.number, reason=attachments.FAILED))
        else:
            reason = entry.get("reason")
            outcomes.append(attachments.Outcome(item.number, reason=reason if reason in attachments.REASONS
                                                else attachments.FAILED))
    return outcomes


# --- Step 2: the page ---------------------------------------------------------------

def convert(body: str, root: Path = ROOT, today: dt.date | None = None,
            fetched: Path | None = None) -> Conversion:
    """The page (and the cleaned photos from ``fetched``, step 1's folder), or
    Incomplete with every problem. Without ``fetched`` no photo is taken over
    and the notes say how an editor adds them."""
    if len(body) > MAX_BODY:
        raise Incomplete("het formulier is te lang om automatisch een pagina van te maken.")
    today = today or dt.datetime.now(dt.UTC).date()
    words = form_words(root)
    raw = parse_body(body, form_labels(root / ".github" / "ISSUE_TEMPLATE" / FORM.name))
    if not raw:
        raise Incomplete("dit is geen ingevuld formulier 'Nieuw praktijkvoorbeeld' (geen vragen gevonden).")
    answers, _ = form_photos.take_out_images(raw)  # never an image from another address on a page
    answers, _ = form_photos.take_out_links(answers)   # nor a link out that no editor has seen
    name, text, meta = build_page(answers, today, words)
    folder = root / "docs" / ex.FOLDER
    path, number = folder / name, 2
    while path.exists():
        path, number = folder / f"{name[:-3]}-{number}.md", number + 1
    photos, notes = ({}, photo_notes(body, root)) if fetched is None else \
        _take_photos(raw, words, fetched, path)
    if photos:
        name, text, meta = build_page(answers, today, words,
                                      [(p.name, alt) for p, (_, alt) in photos.items()])
    src_uri = f"{ex.FOLDER}/{path.name}"
    docs = root / "docs"
    known = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    known |= {f"{ex.FOLDER}/{p.name}" for p in photos}
    template = folder / "_sjabloon.md"
    placeholders = ex.from_template(template.read_text(encoding="utf-8")) if template.exists() else None
    vocab = _vocabulary(root)
    example, problems = ex.check_example(text, src_uri, vocab, today=today, known_files=known,
                                         placeholders=placeholders)
    if problems:
        raise Incomplete("\n".join(for_form(p, words, text) for p in problems))
    # The form offers labels ("Sport en spel"); the page uses the ids, as the template does.
    for key in ("provincie", "werkvormen", "themas", "partners", "hoofdstukken"):
        meta[key] = list(getattr(example, key))
    text = page_text(meta, text.split("\n---\n", 1)[1].lstrip("\n"))
    _, problems = ex.check_example(text, src_uri, vocab, today=today, known_files=known,
                                   placeholders=placeholders)
    if problems:  # cannot happen unless the two forms disagree; never write a page that fails
        raise Incomplete("\n".join(for_form(p, words, text) for p in problems))
    return Conversion(path, text, {p: data for p, (data, _) in photos.items()}, notes)


def _take_photos(raw: dict[str, str], words: FormLabels, fetched: Path,
                 page: Path) -> tuple[dict[Path, tuple[bytes, str]], list[str]]:
    """(photo path -> (cleaned bytes, alt text), Dutch lines): every fetched
    photo through the image pipeline; a line for each one not taken over.
    ``raw``: the answers as submitted."""
    found = attachments.find(raw.get(form_photos.PHOTO_FIELD, ""))
    label = words.label(form_photos.PHOTO_FIELD)
    photos: dict[Path, tuple[bytes, str]] = {}
    placeholder: list[int] = []
    lines: list[str] = []
    outcomes = _fetched(fetched, found)
    if not consent_given(raw, words):   # step 1 fetched nothing then; and nothing is taken over regardless
        outcomes = [attachments.Outcome(o.number, reason=o.reason if o.data is None and o.reason ==
                                        attachments.NOT_ATTACHMENT else attachments.NO_CONSENT) for o in outcomes]
    more = form_photos.more_line(attachments.MAX_FOUND, label) if len(found) > attachments.MAX_FOUND else None
    found, outcomes = found[:attachments.MAX_FOUND], outcomes[:attachments.MAX_FOUND]
    for item, outcome in zip(found, outcomes, strict=True):
        if outcome.data is None:
            lines.append(form_photos.not_taken_line(item.number, label, outcome.reason or attachments.FAILED))
            continue
        try:
            cleaned = images.publishable_original(outcome.data, f"foto {item.number}")
        except images.PhotoProblem as exc:
            lines.append(form_photos.not_taken_line(item.number, label, exc.reason))
            continue
        target = _photo_name(page, len(photos) + 1, photos)
        alt = form_photos.alt_text(item.description)
        if alt == form_photos.ALT_PLACEHOLDER:
            placeholder.append(len(photos) + 1)
        photos[target] = (cleaned, alt)
    if more:
        lines.append(more)
    if photos:
        lines.insert(0, form_photos.taken_line([f"docs/{ex.FOLDER}/{p.name}" for p in photos], placeholder, label))
    without_images, removed = form_photos.take_out_images(raw)
    _, links = form_photos.take_out_links(without_images)
    by_id = words.labels
    return photos, lines + form_photos.removed_notes(removed, by_id) + form_photos.link_notes(links, by_id)


def _photo_name(page: Path, number: int, taken: dict[Path, tuple[bytes, str]]) -> Path:
    """``<page>-foto-<n>.jpg`` beside the page: from the page's name and a
    counter only, and never a file that is there already."""
    while True:
        target = page.with_name(f"{page.stem}-foto-{number}.jpg")
        if not target.exists() and target not in taken:
            return target
        number += 1


def photo_notes(body: str, root: Path = ROOT) -> list[str]:
    """Dutch lines for the pull request when no photo was fetched (run without
    --photos): every photo is named (by question, never by address), with how
    an editor adds it; and one line for the links taken out of the answers."""
    labels = form_labels(root / ".github" / "ISSUE_TEMPLATE" / FORM.name)
    answers = parse_body(body[:MAX_BODY], labels)
    by_id = {field_id: label for label, field_id in labels.items()}
    without_images, removed = form_photos.take_out_images(answers)
    _, links = form_photos.take_out_links(without_images)
    consent = consent_given(answers, form_words(root))
    return (form_photos.notes(answers, consent, by_id) + form_photos.removed_notes(removed, by_id)
            + form_photos.link_notes(links, by_id))


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


COMMENT_PHOTOS = ("De foto's uit het formulier zijn nog niet overgenomen: dat gebeurt pas als er een pagina van "
                  "gemaakt kan worden.")


def comment_body(problems: str, photos: int = 0) -> str:
    """The Markdown of the bot's comment for the messages in ``problems`` (the
    script's stderr); ``photos``: how many images the photo question holds."""
    lines = [neutralise(line) for line in problems.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("Van dit formulier kan nog geen pagina")]
    extra = f"\n\n{COMMENT_PHOTOS}" if photos else ""
    if not lines:
        return COMMENT_FAILED + extra
    if len(lines) > MAX_COMMENT_LINES:
        lines = lines[:MAX_COMMENT_LINES] + [f"(en nog {len(lines) - MAX_COMMENT_LINES} meldingen)"]
    return f"{COMMENT_HEAD}\n\n```text\n" + "\n".join(lines) + f"\n```\n\n{COMMENT_TAIL}{extra}"


def _photo_count(body: str) -> int:
    try:
        answers = parse_body(body[:MAX_BODY], form_labels(FORM))
    except Exception:  # noqa: BLE001 -- only for one sentence of the comment
        return 0
    return len(attachments.find(answers.get(form_photos.PHOTO_FIELD, "")))


def _write_comment(path: Path | None, problems: str, body: str = "") -> None:
    if path is not None:
        path.write_text(comment_body(problems, _photo_count(body)), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een praktijkvoorbeeld van een ingevuld formulier.")
    parser.add_argument("body_file", type=Path)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--fetch-photos", type=Path, default=None, metavar="MAP",
                        help="stap 1: haal alleen de foto's uit het formulier op, in deze map")
    parser.add_argument("--photos", type=Path, default=None, metavar="MAP",
                        help="stap 2: de map van stap 1; de foto's komen opgeschoond bij de pagina")
    parser.add_argument("--photo-notes", type=Path, default=None,
                        help="schrijf hierheen wat er met de foto's uit het formulier gebeurde")
    parser.add_argument("--comment", type=Path, default=None,
                        help="schrijf hierheen de reactie van de bot als er geen pagina gemaakt kan worden")
    args = parser.parse_args(argv)
    body = ""
    try:
        body = args.body_file.read_bytes().decode("utf-8", errors="replace")
        if args.fetch_photos is not None:
            outcomes = fetch_photos(body, args.fetch_photos, ROOT)
            print(f"{sum(o.data is not None for o in outcomes)} van {len(outcomes)} foto's opgehaald.")
            return 0
        result = convert(body, ROOT, args.today, args.photos)
    except Incomplete as exc:
        print("Van dit formulier kan nog geen pagina gemaakt worden:", file=sys.stderr)
        for line in str(exc).split("\n"):
            print(f"- {line}", file=sys.stderr)
        _write_comment(args.comment, "\n".join(f"- {line}" for line in str(exc).split("\n")), body)
        return 1
    except Exception as exc:  # noqa: BLE001 -- never a traceback for a contributor
        print(f"Van dit formulier kan nog geen pagina gemaakt worden ({type(exc).__name__}). "
              f"De redactie kijkt ernaar.", file=sys.stderr)
        _write_comment(args.comment, "", body)
        return 1
    for photo, data in result.photos.items():   # the photos first: a page never shows a missing file
        photo.write_bytes(data)
    result.path.write_text(result.text, encoding="utf-8")
    if args.photo_notes is not None:
        args.photo_notes.write_text("".join(f"- {line}\n" for line in result.notes), encoding="utf-8")
    for written in (result.path, *result.photos):
        print(written.relative_to(ROOT).as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main())
