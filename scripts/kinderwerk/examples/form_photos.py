"""Photos in a submitted issue form (the form route, scripts/tools/issue_to_example.py).

A photo dragged into the form's photo question is stored by GitHub as an
attachment. The workflow fetches only those (attachments.py: GitHub's own
addresses, with consent, bounded), and the converter commits a cleaned copy
of each (kinderwerk.images: upright, no metadata, at most 2000 pixels). Images
in any other answer, and any image from another address, are never fetched
and never shown or linked by the site: they are taken out of the answers.

Every photo that is not taken over gets one Dutch line for the bot's comment
that says why. The lines name a photo by its number and the form's own label;
they never repeat an address or any other submitted text. Every pattern is
bounded and linear in the answer.
"""
from __future__ import annotations

import re

from .. import images
from . import attachments
from .base import FOLDER
from .photos import ALT_PLACEHOLDER, CONSENT_FIELD

PHOTO_FIELD = "foto"
# Markdown image, HTML <img>, or a bare address (GitHub writes uploads as one of these).
IMAGE = re.compile(r"!\[[^\]\n]{0,1000}\]\([^)\n]{0,2000}\)|<img\b[^>]{0,4000}>", re.I)
REMOTE = re.compile(r"(?:https?:)?//", re.I)   # an image from another address (any other: the checks judge it)
ADDRESS = re.compile(r"\bhttps?://[^\s<>()\"']{1,2000}", re.I)
# A Markdown link or an autolink to another website (images are taken out before).
LINK = re.compile(r"\[([^\]\n]{0,1000})\]\((?:https?:)?//[^)\n]{0,2000}\)|<https?://[^>\s]{1,2000}>", re.I)
LINK_FIELDS_KEPT = (PHOTO_FIELD, "bron")   # bron is front-matter text: an address there is never a link


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


def _count(n: int) -> str:
    return "een foto" if n == 1 else f"{n} foto's"


def notes(answers: dict[str, str], consent: bool, labels: dict[str, str]) -> list[str]:
    """Dutch lines for the pull request when the converter ran without the
    fetched photos (no --photos): how many there are and how the editors add
    them. ``labels``: field id -> the form's label; ``consent``: the form's
    consent option is ticked."""
    lines = []
    attached = len(attachments.find(answers.get(PHOTO_FIELD, "")))
    label = labels.get(PHOTO_FIELD, "Foto")
    if attached:
        lines.append(
            f"Bij '{label}' {'staat' if attached == 1 else 'staan'} {_count(attached)}. De pagina is gemaakt "
            f"zonder de foto's op te halen, dus {'die staat' if attached == 1 else 'die staan'} nog niet in deze "
            f"pull request. Zo zet de redactie een foto erbij: download hem uit het issue, zet hem in deze pull "
            f"request in docs/{FOLDER}/ (Add file > Upload files) en schrijf in de tekst ![wat er te zien "
            f"is](naam-van-de-foto.jpg). De site maakt er een kleinere kopie van zonder de plek en de tijd die "
            f"een telefoon in een foto bewaart.")
        if consent:
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
            f"toont nooit een afbeelding van een ander adres. Hoort de foto erbij? Sleep hem dan in het vak "
            f"'{labels.get(PHOTO_FIELD, 'Foto')}' (bewerk het issue), met toestemming van wie erop staat."
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


# --- Photos fetched by the workflow (attachments.py) --------------------------------

MAX_ALT = 150
# What may stay of a description in the alt text: letters, digits and plain
# punctuation. Everything else (Markdown, HTML, braces, invisible characters)
# becomes a space, so the text can neither end the image nor start markup.
ALT_KEEP = re.compile(r"[^\w .,;:?!'\"()%+\u2013-]|_")


def alt_text(description: str) -> str:
    """The alt text for a photo from the contributor's description, or the
    placeholder the check flags (photos.ALT_PLACEHOLDER) if there is none."""
    text = LINK.sub(lambda m: f" {m.group(1) or ''} ", IMAGE.sub(" ", description[:4000]))
    text = re.sub(r"<[^<>\n]{0,200}>", " ", text)                 # a tag is not a description
    text = re.sub(r"(?i)www\.\S{1,2000}", " ", ADDRESS.sub(" ", text))
    text = re.sub(r"\(\s*\)", " ", ALT_KEEP.sub(" ", text))
    text = " ".join(word for word in text.split() if re.search(r"\w", word)).strip(" .,;:-")
    if len(text) > MAX_ALT:
        text = text[:MAX_ALT].rsplit(" ", 1)[0].rstrip(" .,;:-") + " ..."
    return text if re.search(r"\w", text) else ALT_PLACEHOLDER


def _why(reason: str) -> str:
    if reason == attachments.NOT_ATTACHMENT:
        return ("die staat niet als bijlage in het formulier maar op een ander adres. De workflow haalt nooit iets "
                "van een ander adres op en de site laat zo'n afbeelding nooit zien. Sleep de foto zelf in het vak "
                "van het formulier (bewerk het issue).")
    if reason == attachments.NO_CONSENT:
        return ("niet opgehaald, want het vakje voor toestemming bij foto's is niet aangevinkt. Zonder "
                "toestemming van wie erop staat (bij kinderen: hun ouders of verzorgers) komt een foto niet op de "
                "site (AVG).")
    if reason == attachments.TOO_MANY:
        return (f"niet opgehaald: er gaan hooguit {attachments.MAX_PHOTOS} foto's uit één formulier mee. Kies de "
                f"beste; de redactie kan er in de pull request nog een bij zetten.")
    if reason == attachments.TOO_LARGE:
        return (f"de download is gestopt: de foto is groter dan {images.MAX_BYTES // 1_000_000} MB. "
                f"{images.HOW_TO_SHRINK}")
    if reason == attachments.REDIRECT_REFUSED:
        return ("GitHub stuurde de download door naar een adres buiten zijn eigen opslag; daar haalt de workflow "
                "niets op. De redactie kan de foto met de hand toevoegen.")
    return ("de download van GitHub lukte niet (geen antwoord, of geen foto). De redactie kan de foto met de hand "
            "toevoegen: download hem uit het issue en zet hem in deze pull request.")


def not_taken_line(number: int, label: str, reason: str) -> str:
    """One line for a photo that is not in the pull request: which one (by
    number) and why. ``reason``: a code of attachments.py, or the Dutch reason
    of the image pipeline (kinderwerk.images.PhotoProblem)."""
    why = _why(reason) if reason in attachments.REASONS else reason
    return f"Foto {number} bij '{label}' is niet overgenomen: {why}"


def taken_line(files: list[str], placeholder: list[int], label: str) -> str:
    """One line for the photos that are in the pull request."""
    count = _count(len(files))
    names = ", ".join(f"`{name}`" for name in files)   # code: a file name never becomes a link
    line = (f"{count[0].upper()}{count[1:]} bij '{label}' {'staat' if len(files) == 1 else 'staan'} in deze pull "
            f"request ({names}): rechtop, hooguit {images.MAX_WIDTH} pixels, zonder de plek, de tijd en de camera "
            f"die een telefoon in een foto bewaart. De inzender vinkte het vakje voor toestemming aan; dat staat "
            f"nu ook bovenaan de pagina.")
    if placeholder:
        which = ", ".join(str(n) for n in placeholder)
        line += (f" Bij foto {which} schreef de inzender niet wat erop te zien is: vervang op de pagina "
                 f"'{ALT_PLACEHOLDER}' door een paar woorden over de foto.")
    return line


def more_line(shown: int, label: str) -> str:
    """One line for everything after the first ``shown`` images or addresses."""
    return (f"Na foto {shown} bij '{label}' stonden er nog meer afbeeldingen of adressen. Die zijn niet bekeken "
            f"en niet overgenomen: er gaan hooguit {attachments.MAX_PHOTOS} foto's uit één formulier mee.")
