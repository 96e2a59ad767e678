"""The "Voeg je voorbeeld toe" link: GitHub's new-file page in the examples
folder, with the template already in the editor
(``{repo_url}/new/main/docs/praktijkvoorbeelden?filename=...&value=...``).
Made at build time from _sjabloon.md and ``repo_url``, so it never goes stale."""
from __future__ import annotations

from urllib.parse import quote, quote_plus

from .base import FOLDER

MARKER = "<!-- praktijkvoorbeelden:nieuw -->"
SUGGESTED_NAME = "plaats-organisatie-onderwerp.md"
BUTTON_TEXT = "Voeg je voorbeeld toe"
# Left as they are in the query (legal there): keeps the link short. Spaces become +.
SAFE = ":/,;@!*~-_.'"


def new_file_url(repo_url: str, template: str, filename: str = SUGGESTED_NAME, branch: str = "main") -> str:
    template = template.replace("\r\n", "\n")
    return (f"{repo_url.rstrip('/')}/new/{quote(branch, safe='')}/docs/{FOLDER}"
            f"?filename={quote(filename, safe='')}&value={quote_plus(template, safe=SAFE)}")


def button_md(repo_url: str, template: str) -> str:
    """A Material button (Markdown with attr_list) that opens the filled-in editor."""
    url = new_file_url(repo_url, template)
    return (f"[{BUTTON_TEXT}]({url}){{ .md-button .md-button--primary }}\n\n"
            f"De knop opent GitHub met het sjabloon al ingevuld. Geef het bestand een naam zoals "
            f"`zwolle-buurtwerk-speeltuin.md` (kleine letters en streepjes).\n")
