"""Photos in practice examples: which photos a page shows, the consent rule,
images from other websites, and the photo files in the folder.

* A page that shows a photo needs ``toestemming_fotos: ja``: the contributor
  confirms that the people on it, and for children their parents or
  guardians, agreed to publication (AVG). Without it the check refuses the
  page and says why.
* A photo file that no example shows is refused: only photos that a page
  with that confirmation shows are published (scripts/adapters/hooks_images.py).
* Every photo file passes ``kinderwerk.images.inspect`` (real format, size,
  pixels from the header); one that says where it was taken gets a notice.

Source-level rules, for clear messages; what is published is decided by the
build from the same lists (Example.fotos).
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .. import images
from .base import FOLDER, Problem

CONSENT_FIELD = "toestemming_fotos"
CONSENT_WHY = ("Op foto's van kinderwerk staan vaak kinderen. Volgens de privacywet (AVG) mag een foto alleen "
               "op de site als de mensen die erop staan, en bij kinderen hun ouders of verzorgers, daar "
               "toestemming voor gaven.")
HTML_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.I)


@dataclass(frozen=True)
class PhotoRef:
    """One image on a page: its editor line, the target as typed, and the
    src_uri of the file in docs/ (None for an image on another website)."""

    line: int
    target: str
    src: str | None


def is_photo(name: str) -> bool:
    return posixpath.splitext(name)[1].lower() in images.SUFFIXES


def photo_refs(body: str, src_uri: str, first_line: int = 1) -> list[PhotoRef]:
    """Every image in the body outside code blocks and comments: Markdown
    images, reference definitions of photo files and <img src>."""
    from .source import EXTERNAL, LINK, REFERENCE, _body_lines  # here: source imports this module
    folder = posixpath.dirname(src_uri)
    body = re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), body, flags=re.S)
    refs = []
    for number, line, in_code in _body_lines(body, first_line):
        if in_code:
            continue
        targets = [m.group("target") for m in LINK.finditer(line) if m.group("image") == "!"]
        reference = REFERENCE.match(line)
        if reference and is_photo(reference.group("target").strip("<>").split("#")[0]):
            targets.append(reference.group("target"))
        targets += HTML_IMG.findall(line)
        for target in targets:
            target = target.strip("<>").strip()
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", target, re.I):
                refs.append(PhotoRef(number, target, None))
                continue
            if EXTERNAL.match(target):
                continue
            path = unquote(target.split("#", 1)[0].split("?", 1)[0])
            if path and not path.startswith("/"):
                refs.append(PhotoRef(number, target, posixpath.normpath(posixpath.join(folder, path))))
    return refs


def _answer(value: Any) -> str | None:
    """'ja', 'nee' or None, as the schema reads the field (YAML's true/false too)."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str) and value.strip().lower() in ("ja", "nee"):
        return value.strip().lower()
    return None


def consent_problems(data: Any, refs: list[PhotoRef], where: str) -> list[Problem]:
    """A page with photos needs toestemming_fotos: ja."""
    local = [r for r in refs if r.src is not None and is_photo(r.src)]
    if not local or not isinstance(data, dict) or _answer(data.get(CONSENT_FIELD)) == "ja":
        return []
    lines = ", ".join(str(r.line) for r in local[:5]) + (" ..." if len(local) > 5 else "")
    count = f"{len(local)} foto's" if len(local) > 1 else "een foto"
    if CONSENT_FIELD in data:
        if _answer(data[CONSENT_FIELD]) != "nee":
            return []  # another value: the schema's message says to write ja or nee
        return [Problem(where, local[0].line, CONSENT_FIELD,
                        f"er staat {count} in dit voorbeeld (regel {lines}), maar bij {CONSENT_FIELD} staat "
                        f"nee. {CONSENT_WHY} Haal de foto's weg, of vraag eerst toestemming en schrijf dan "
                        f"{CONSENT_FIELD}: ja.")]
    return [Problem(where, local[0].line, CONSENT_FIELD,
                    f"er staat {count} in dit voorbeeld (regel {lines}), maar de gegevens bovenaan zeggen niet "
                    f"dat er toestemming is. {CONSENT_WHY} Gaven ze die? Zet dan bovenaan de regel "
                    f"{CONSENT_FIELD}: ja. Anders: haal de foto's weg, of kies een foto waarop niemand te "
                    f"herkennen is (handen, een hut, de plek).")]


def remote_problems(refs: list[PhotoRef], where: str) -> list[Problem]:
    """Images from other websites: never loaded (the allowlist refuses them
    too; this message comes in `make check`, before any build)."""
    return [Problem(where, r.line, None,
                    f"de afbeelding '{r.target[:80]}' staat op een andere website. De site laadt nooit iets "
                    f"van een ander adres: zo volgt geen andere website wie een pagina leest. Zet de foto zelf "
                    f"in docs/{FOLDER}/ en schrijf ![wat er te zien is](naam-van-de-foto.jpg).")
            for r in refs if r.src is None]


@dataclass
class FileReport:
    problems: list[Problem]
    notices: list[Problem]


def file_problems(photo_files: Mapping[str, Path], shown: set[str]) -> FileReport:
    """Each photo file in the folder (src_uri -> path): format and limits
    from its header; refused if no example shows it; a notice if it says
    where it was taken."""
    report = FileReport([], [])
    for src in sorted(photo_files):
        where = f"docs/{src}"
        try:
            header = images.inspect(photo_files[src], where)
        except images.PhotoProblem as exc:
            report.problems.append(Problem(where, None, None, exc.reason))
            continue
        except OSError:
            report.problems.append(Problem(where, None, None, "dit bestand kon niet gelezen worden. Zet het "
                                                              "opnieuw in de map."))
            continue
        if src not in shown:
            report.problems.append(Problem(
                where, None, None,
                f"deze foto staat in geen enkel praktijkvoorbeeld, dus de site publiceert hem niet. Zet hem in "
                f"je tekst met ![wat er te zien is]({posixpath.basename(src)}), of haal het bestand weg."))
        if header.location:
            report.notices.append(Problem(
                where, None, None,
                "deze foto bevat de plek waar hij gemaakt is (GPS). Op de site staat die niet: de site "
                "publiceert een kopie zonder gegevens. Maar dit bestand zelf staat in de repository, en daar "
                "kan iedereen het downloaden. Haal de locatie eruit en zet de foto opnieuw neer (zie "
                "CONTRIBUTING.md, 'Foto's').", ))
    return report
