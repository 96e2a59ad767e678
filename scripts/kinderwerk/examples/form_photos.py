"""Photos in a submitted issue form (the form route, scripts/tools/issue_to_example.py).

A photo dragged into the form is stored by GitHub at an address on another
website. The converter never fetches it (nothing from outside reaches the
build) and never links it from the site: images are taken out of the text
answers, and every photo gets a Dutch line for the pull request that says
why it is not in it yet and how the editors add it (the same pipeline as
any photo then applies: kinderwerk.images, and ``toestemming_fotos``).

The lines count photos per question and use the form's own labels; they
never repeat an address or any other submitted text. Every pattern is
bounded and linear in the answer.
"""
from __future__ import annotations

import re

from .base import FOLDER
from .photos import CONSENT_FIELD

PHOTO_FIELD = "foto"
# Markdown image, HTML <img>, or a bare address (GitHub writes uploads as one of these).
IMAGE = re.compile(r"!\[[^\]\n]{0,1000}\]\([^)\n]{0,2000}\)|<img\b[^>]{0,4000}>", re.I)
REMOTE = re.compile(r"(?:https?:)?//", re.I)   # an image from another address (any other: the checks judge it)
ADDRESS = re.compile(r"\bhttps?://[^\s<>()\"']{1,2000}", re.I)
# A Markdown link or an autolink to another website (images are taken out before).
LINK = re.compile(r"\[([^\]\n]{0,1000})\]\((?:https?:)?//[^)\n]{0,2000}\)|<https?://[^>\s]{1,2000}>", re.I)
LINK_FIELDS_KEPT = (PHOTO_FIELD, "bron")   # bron is front-matter text: an address there is never a link
CONSENT_BOX = re.compile(r"^\s*-\s*\[[xX]\]\s*.{0,40}\bfoto\b", re.M)


def take_out_images(answers: dict[str, str],
                    keep: tuple[str, ...] = (PHOTO_FIELD,)) -> tuple[dict[str, str], dict[str, int]]:
    """(answers without images from other addresses, field id -> images taken
    out). An image of any other kind stays, for the checks to refuse. ``keep``: the
    fields left as they are (the photo question is not page text)."""
    out, removed = {}, {}
    for key, text in answers.items():
        if key in keep or not text:
            out[key] = text
            continue
        found = [m for m in IMAGE.findall(text) if REMOTE.search(m)]
        if found:
            removed[key] = len(found)
            text = IMAGE.sub(lambda m: "" if REMOTE.search(m.group(0)) else m.group(0), text)
            text = re.sub(r"\n{3,}", "\n\n", text).strip()
        out[key] = text
    return out, removed


def count_photos(text: str) -> int:
    """Images and bare addresses in the photo answer (an address inside an image counts once)."""
    images = IMAGE.findall(text)
    return len(images) + len(ADDRESS.findall(IMAGE.sub(" ", text)))


def _count(n: int) -> str:
    return "een foto" if n == 1 else f"{n} foto's"


def notes(answers: dict[str, str], body: str, labels: dict[str, str]) -> list[str]:
    """Dutch lines for the pull request about every photo in the form.

    ``labels``: field id -> the form's label; ``body``: the issue text (for
    the consent box)."""
    lines = []
    attached = count_photos(answers.get(PHOTO_FIELD, ""))
    label = labels.get(PHOTO_FIELD, "Foto")
    if attached:
        lines.append(
            f"Bij '{label}' {'staat' if attached == 1 else 'staan'} {_count(attached)}. "
            f"De workflow haalt nooit iets van een ander adres op, dus "
            f"{'die staat' if attached == 1 else 'die staan'} nog niet in deze pull request. Zo zet de redactie "
            f"een foto erbij: download hem uit het issue, zet hem in deze pull request in docs/{FOLDER}/ (Add "
            f"file > Upload files) en schrijf in de tekst ![wat er te zien is](naam-van-de-foto.jpg). De site "
            f"maakt er een kleinere kopie van zonder de plek en de tijd die een telefoon in een foto bewaart.")
        if CONSENT_BOX.search(body):
            lines.append(f"De inzender vinkte aan dat wie op de foto staat (bij kinderen: hun ouders) toestemming "
                         f"gaf. Zet bij de foto bovenaan de pagina {CONSENT_FIELD}: ja; zonder die regel keurt de "
                         f"controle de pagina af.")
        else:
            lines.append(f"Het vakje voor toestemming bij foto's is niet aangevinkt. Zet geen foto erbij "
                         f"zolang niet vaststaat dat wie erop staat (bij kinderen: hun ouders of verzorgers) "
                         f"toestemming gaf; pas dan {CONSENT_FIELD}: ja.")
    return lines


def removed_notes(removed: dict[str, int], labels: dict[str, str]) -> list[str]:
    """One line per answer whose images were taken out of the page text."""
    return [f"Bij '{labels.get(key, key)}' {'stond' if n == 1 else 'stonden'} {_count(n)} in de tekst. "
            f"{'Die is' if n == 1 else 'Die zijn'} uit de pagina gehaald: de site "
            f"toont nooit een afbeelding van een ander adres. Hoort de foto erbij? Zet hem dan als bestand in "
            f"docs/{FOLDER}/ in deze pull request, alleen met toestemming ({CONSENT_FIELD}: ja)."
            for key, n in sorted(removed.items())]


def take_out_links(answers: dict[str, str],
                   keep: tuple[str, ...] = LINK_FIELDS_KEPT) -> tuple[dict[str, str], dict[str, int]]:
    """(answers with links to other websites replaced by their text and bare
    addresses taken out, field id -> links taken out). The workflow never opens
    them and a page from the form never links out before an editor decides."""
    out, removed = {}, {}
    for key, text in answers.items():
        if key in keep or not text:
            out[key] = text
            continue
        count = 0

        def text_only(match: re.Match) -> str:
            nonlocal count
            count += 1
            return match.group(1) or ""
        text = LINK.sub(text_only, text)
        text, bare = ADDRESS.subn("", text)
        if count + bare:
            removed[key] = count + bare
        out[key] = text
    return out, removed


def link_notes(removed: dict[str, int], labels: dict[str, str]) -> list[str]:
    """One Dutch line for all links taken out of the answers (never the addresses)."""
    if not removed:
        return []
    total = sum(removed.values())
    where = ", ".join(f"'{labels.get(key, key)}'" for key in sorted(removed))
    return [f"In de antwoorden stond{'' if total == 1 else 'en'} {total} link{'' if total == 1 else 's'} naar "
            f"een andere website (bij {where}). De workflow opent links nooit en zet ze niet op de pagina; "
            f"alleen de tekst van een link blijft staan. Hoort een link erbij, dan zet de redactie hem er in "
            f"deze pull request zelf bij, na controle."]
