"""Photos attached to the issue form: found in the answer, and fetched only
from GitHub's own attachment storage (the form route, workflow maak-pagina.yml).

What a contributor drags into the form, GitHub stores and writes into the
answer as an image whose address is one of

    https://github.com/user-attachments/assets/<uuid>
    https://github.com/<owner>/<repo>/assets/<number>/<uuid>      (the older form)

Only an address that matches one of these exactly (https, host github.com,
no port, no user name, no query) is fetched. GitHub answers with a redirect to
its file storage; a redirect is followed only to an address on one of
``REDIRECT_HOSTS`` (https), at most ``MAX_REDIRECTS`` times. Any other image
or address in any answer is never opened (see form_photos.py: the page never
shows or links it).

Every download is bounded before it costs anything: at most ``MAX_PHOTOS``
per form, a ``TIMEOUT`` per network step and a ``DEADLINE`` per photo, and a
byte limit (the image pipeline's 25 MB) that is checked against the declared
length before reading and again while streaming, so a larger file is dropped
after at most ``MAX_BYTES + 1`` bytes. No cookie, token or other credential
is ever sent. What was fetched is checked and cleaned by kinderwerk.images;
this module only moves bytes.

``Fetcher(connect=...)`` takes the function that opens a connection to a
host, so the tests serve the "GitHub" answers from a local server while the
address rules stay exactly these. Plain Python, no MkDocs import.
"""
from __future__ import annotations

import bisect
import http.client
import re
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

from ..images import MAX_BYTES

MAX_PHOTOS = 5            # per form; the rest get a line in the bot's comment
MAX_FOUND = 30            # images and addresses looked at in the photo answer (each gets a line)
MAX_ANSWER = 20_000       # characters of the photo answer that are read
MAX_REDIRECTS = 3
TIMEOUT = 20.0            # seconds, per connect and per read
DEADLINE = 60.0           # seconds for one photo, redirects and download together
CHUNK = 64 * 1024
ATTACHMENT_HOST = "github.com"
# Where github.com sends an attachment download (its own file storage).
REDIRECT_HOSTS = frozenset({
    "private-user-images.githubusercontent.com",
    "objects.githubusercontent.com",
    "github-production-user-asset-6210df.s3.amazonaws.com",
})
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
ATTACHMENT_PATH = re.compile(
    rf"/user-attachments/assets/{_UUID}"
    rf"|/[A-Za-z0-9](?:[A-Za-z0-9-]{{0,38}})/[A-Za-z0-9._-]{{1,100}}/assets/[0-9]{{1,12}}/{_UUID}")

# An image in an answer: Markdown ![alt](address) or HTML <img ... src="...">.
# GitHub writes an upload as one of these; bounded repeats keep every match linear.
MD_IMAGE = re.compile(r"!\[[^\]\n]{0,1000}\]\(\s*<?(?P<url>[^)\s>]{0,2000})>?(?:\s+[\"'][^\n)]{0,300}[\"'])?\s*\)")
HTML_IMAGE = re.compile(r"<img\b[^>]{0,4000}>", re.I)
HTML_SRC = re.compile(r"""\bsrc\s*=\s*(?:"(?P<dq>[^"]{0,2000})"|'(?P<sq>[^']{0,2000})'|(?P<bare>[^\s"'>]{1,2000}))""",
                      re.I)
MD_LINK = re.compile(r"(?<!!)\[[^\]\n]{0,1000}\]\([^)\n]{0,2000}\)")
BARE_ADDRESS = re.compile(r"(?:\bhttps?:)?//[^\s<>()\"']{1,2000}", re.I)


def is_attachment(url: str) -> bool:
    """Exactly one of GitHub's own attachment addresses."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    return (parts.scheme == "https" and parts.hostname == ATTACHMENT_HOST and parts.netloc == ATTACHMENT_HOST
            and port is None and not parts.query and not parts.fragment
            and ATTACHMENT_PATH.fullmatch(parts.path) is not None)


def redirect_allowed(url: str) -> bool:
    """A redirect target: https on GitHub's file storage (no user name, no
    other port), or again an attachment address."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    if is_attachment(url):
        return True
    return (parts.scheme == "https" and parts.hostname in REDIRECT_HOSTS and port in (None, 443)
            and "@" not in parts.netloc and parts.netloc.lower().split(":")[0] == parts.hostname)


@dataclass(frozen=True)
class Found:
    """One image or address in the photo answer, in order."""

    number: int           # 1, 2, ... as the contributor sees them
    attachment: bool      # one of GitHub's attachment addresses (the only kind ever fetched)
    url: str              # never shown anywhere; only used to fetch an attachment
    description: str      # the text written under it (for the alt text), may be ''


class _Spans:
    """Character ranges already taken, for 'is this position inside one?' in
    O(log n) (sorted, merged), so finding stays near linear in the answer."""

    def __init__(self, ranges: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def __contains__(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]


def find(answer: str) -> list[Found]:
    """Every image and bare address in the photo answer (at most MAX_FOUND + 1),
    with the text after each one (up to the next) as its description; text
    before the first one describes the first if nothing follows it."""
    answer = answer[:MAX_ANSWER]
    spans: list[tuple[int, int, str]] = [(m.start(), m.end(), m.group("url")) for m in MD_IMAGE.finditer(answer)]
    markdown = _Spans([(s, e) for s, e, _ in spans])
    for match in HTML_IMAGE.finditer(answer):
        if match.start() in markdown:
            continue
        src = HTML_SRC.search(match.group(0))
        url = (src.group("dq") or src.group("sq") or src.group("bare") or "") if src else ""
        spans.append((match.start(), match.end(), url))
    # An address inside a Markdown link is part of the description (alt_text drops it), not a photo.
    taken = _Spans([(s, e) for s, e, _ in spans] + [(m.start(), m.end()) for m in MD_LINK.finditer(answer)])
    spans += [(m.start(), m.end(), m.group(0)) for m in BARE_ADDRESS.finditer(answer) if m.start() not in taken]
    spans.sort()
    spans = spans[:MAX_FOUND + 1]   # one more, so a caller can say that there were more
    found = []
    for index, (start, end, url) in enumerate(spans):
        following = answer[end:spans[index + 1][0]] if index + 1 < len(spans) else answer[end:]
        text = " ".join(following.split())
        if not text and index == 0:
            text = " ".join(answer[:start].split())
        found.append(Found(index + 1, is_attachment(url.strip()), url.strip(), text))
    return found


# --- Fetching -------------------------------------------------------------------

class Connection(Protocol):
    """What the fetcher needs of a connection (http.client's, or a test's)."""

    def request(self, method: str, url: str, *, headers: dict[str, str]) -> None: ...
    def getresponse(self) -> Any: ...   # .status, .getheader(name), .read(amount)
    def close(self) -> None: ...


def https_connection(host: str, timeout: float) -> Connection:
    """A verified TLS connection to ``host`` on port 443 (the default transport)."""
    return http.client.HTTPSConnection(host, 443, timeout=timeout, context=ssl.create_default_context())


# Why a photo was not fetched (the codes form_photos.py turns into Dutch lines).
NOT_ATTACHMENT, NO_CONSENT, TOO_MANY, TOO_LARGE, REDIRECT_REFUSED, FAILED = (
    "not_attachment", "no_consent", "too_many", "too_large", "redirect_refused", "failed")
REASONS = (NOT_ATTACHMENT, NO_CONSENT, TOO_MANY, TOO_LARGE, REDIRECT_REFUSED, FAILED)


@dataclass(frozen=True)
class Outcome:
    """What happened to one found image: ``data`` if fetched, else ``reason``."""

    number: int
    data: bytes | None = None
    reason: str | None = None


class Fetcher:
    """Fetches attachments by the rules above. ``connect(host, timeout)``
    opens the connection (tests: to a local server)."""

    def __init__(self, connect: Callable[[str, float], Connection] = https_connection,
                 max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT, deadline: float = DEADLINE):
        self.connect, self.max_bytes, self.timeout, self.deadline = connect, max_bytes, timeout, deadline

    def fetch(self, url: str) -> Outcome:
        """One attachment: its bytes, or the reason it was not taken."""
        if not is_attachment(url):
            return Outcome(0, reason=NOT_ATTACHMENT)
        started = time.monotonic()
        for _ in range(MAX_REDIRECTS + 1):
            if time.monotonic() - started > self.deadline:
                return Outcome(0, reason=FAILED)
            try:
                status, location, data = self._get(url, started)
            except _TooLarge:
                return Outcome(0, reason=TOO_LARGE)
            except (OSError, http.client.HTTPException, ValueError):
                return Outcome(0, reason=FAILED)
            if status in (301, 302, 303, 307, 308):
                target = urljoin(url, location or "")
                if not location or not redirect_allowed(target):
                    return Outcome(0, reason=REDIRECT_REFUSED)
                url = target
                continue
            if status == 200 and data is not None:
                return Outcome(0, data=data)
            return Outcome(0, reason=FAILED)
        return Outcome(0, reason=REDIRECT_REFUSED)

    def _get(self, url: str, started: float) -> tuple[int, str | None, bytes | None]:
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection = self.connect(parts.hostname or "", self.timeout)
        try:
            connection.request("GET", target, headers={
                "Host": parts.hostname or "", "User-Agent": "kennisbank-kinderwerk-formulier",
                "Accept": "image/*", "Accept-Encoding": "identity"})
            response = connection.getresponse()
            if response.status != 200:
                return response.status, response.getheader("Location"), None
            declared = response.getheader("Content-Length")
            if declared and declared.strip().isdigit() and int(declared) > self.max_bytes:
                raise _TooLarge  # said so up front: not a byte is read
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() - started > self.deadline:
                    raise OSError("deadline")
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    raise _TooLarge  # streamed past the limit: stop reading
                chunks.append(chunk)
            return 200, None, b"".join(chunks)
        finally:
            connection.close()

    def fetch_all(self, found: list[Found], consent: bool) -> list[Outcome]:
        """An Outcome for every found image, in order: nothing at all is
        fetched without consent, and at most MAX_PHOTOS attachments."""
        outcomes: list[Outcome] = []
        fetched = 0
        for item in found:
            if not item.attachment:
                outcomes.append(Outcome(item.number, reason=NOT_ATTACHMENT))
            elif not consent:
                outcomes.append(Outcome(item.number, reason=NO_CONSENT))
            elif fetched >= MAX_PHOTOS:
                outcomes.append(Outcome(item.number, reason=TOO_MANY))
            else:
                fetched += 1
                result = self.fetch(item.url)
                outcomes.append(Outcome(item.number, result.data, result.reason))
        return outcomes


class _TooLarge(Exception):
    pass
