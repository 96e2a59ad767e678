"""Photos attached to the issue form, end to end (issue 16, the form route).

A local server on 127.0.0.1 plays GitHub: github.com answers an attachment
address with a redirect to its file storage, which serves a photo made by
the test (scripts/dev/fake_photos.py). The fetcher is given a ``connect``
that sends github.com and the storage hosts there; any other host fails the
test, so "never fetched" is asserted, not assumed. Nothing touches the
internet, and nothing depends on the examples in docs/.

Each rule has a test that tries to get around it: addresses that look like
GitHub's, redirects elsewhere, files that are too large (declared or
streamed), too many photos, no consent, a photo that is not one, and
descriptions with markup.
"""
from __future__ import annotations

import http.client
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from PIL import Image

import fake_photos as fp
import issue_to_example
from kinderwerk import images
from kinderwerk.examples import attachments, form_photos
from kinderwerk.examples.photos import ALT_PLACEHOLDER
from project_copy import ROOT, copy_project, run_build
from test_issue_to_example import body

PORTS = range(8610, 8615)
STORAGE = "private-user-images.githubusercontent.com"
UUIDS = [f"{n:08x}-aaaa-4bbb-8ccc-{n:012x}" for n in range(1, 10)]
GITHUB = "https://github.com/user-attachments/assets/"
BIG = 200_000_000   # what the "streamed" file would be: far more than the limit


class FakeGitHub:
    """github.com and its storage on one local port; records every request."""

    def __init__(self) -> None:
        self.photos: dict[str, bytes] = {}
        self.redirects: dict[str, str] = {}   # uuid -> Location (default: the storage)
        self.requests: list[tuple[str, str]] = []
        self.streamed = 0
        self.lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                host = self.headers.get("Host", "")
                with owner.lock:
                    owner.requests.append((host, self.path))
                uuid = self.path.rstrip("/").split("/")[-1].split(".")[0].split("?")[0]
                if host == "github.com":
                    self.send_response(302)
                    self.send_header("Location", owner.redirects.get(
                        uuid, f"https://{STORAGE}/1/{uuid}.jpg?jwt=ondertekend"))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if uuid == "declared-large":
                    self.send_response(200)
                    self.send_header("Content-Length", str(images.MAX_BYTES + 1))
                    self.end_headers()
                    return
                if uuid == "streamed-large":   # no length: sends until the reader hangs up
                    self.send_response(200)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    block = b"\xff" * 65536
                    try:
                        while owner.streamed < BIG:
                            self.wfile.write(block)
                            owner.streamed += len(block)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                data = owner.photos.get(uuid)
                if data is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        for port in PORTS:
            try:
                self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
                break
            except OSError:
                continue
        else:
            pytest.skip("no free port in 8610-8614")
        self.port = self.server.server_address[1]
        self.connected: list[str] = []
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def connect(self, host: str, timeout: float) -> http.client.HTTPConnection:
        """The transport for the fetcher: GitHub's hosts go to this server; any other host is a failure."""
        self.connected.append(host)
        assert host == "github.com" or host in attachments.REDIRECT_HOSTS, f"tried to connect to {host}"
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def fetcher(self, **kwargs) -> attachments.Fetcher:
        return attachments.Fetcher(connect=self.connect, **kwargs)


@pytest.fixture
def github():
    server = FakeGitHub()
    yield server
    server.server.shutdown()
    server.server.server_close()


def phone_photo(seed: int) -> bytes:
    """A phone photo: 4032 x 3024 as shown, stored sideways (orientation 6), with GPS and every metadata block."""
    return fp.phone_jpeg(4032, 3024, orientation=6, detail=False, seed=seed)


def photo_answer(uuids, descriptions=None) -> str:
    parts = []
    for index, uuid in enumerate(uuids):
        parts.append(f"![IMG_20{index}](https://github.com/user-attachments/assets/{uuid})")
        if descriptions and descriptions[index]:
            parts.append(descriptions[index])
    return "\n\n".join(parts)


def no_consent(text: str) -> str:
    return text.replace("- [X] Als ik een foto stuur", "- [ ] Als ik een foto stuur")


@pytest.fixture
def project(tmp_path) -> Path:
    target = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / ".github", target / ".github")
    cache = ROOT / ".cache"
    if cache.is_dir():  # charts drawn already; never the photo cache
        shutil.copytree(cache, target / ".cache", ignore=shutil.ignore_patterns("images"))
    return target


def convert_in_copy(project: Path, text: str, fetched: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """Step 2 of the workflow, as the workflow runs it, in the copy."""
    source = tmp_path / "issue-body.md"
    source.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, str(project / "scripts" / "tools" / "issue_to_example.py"), str(source),
                           "--today", "2026-11-28", "--photos", str(fetched),
                           "--photo-notes", str(tmp_path / "photo-notes.md"), "--comment", str(tmp_path / "c.md")],
                          cwd=project, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def no_metadata(data: bytes) -> None:
    for marker in (b"Exif", b"GPS", b"xmpmeta", b"Photoshop", b"8BIM", fp.SECRET.encode(), b"ICC_PROFILE",
                   b"Telefoonmerk", b"2026:06:14"):
        assert marker not in data, marker
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info


def is_upright(data: bytes) -> bool:
    """The red block of fake_photos.marked is in the top-left corner as shown."""
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        red = image.getpixel((image.width // 20, image.height // 30))
        other = image.getpixel((image.width - image.width // 20, image.height - image.height // 30))
    return red[0] > 180 and red[1] < 80 and red[2] < 80 and not (other[0] > 180 and other[1] < 80)


# --- End to end -----------------------------------------------------------------------

def test_three_phone_photos_from_the_form_are_published_clean(github, project, tmp_path):
    for n, uuid in enumerate(UUIDS[:3]):
        github.photos[uuid] = phone_photo(n + 1)
    text = body(foto=photo_answer(UUIDS[:3], ["Kinderen bouwen een hut van pallets", "",
                                               "Verf [op](https://x.example/) de *muur* {: onclick=alert(1) }"]))
    fetched = tmp_path / "fotos"
    outcomes = issue_to_example.fetch_photos(text, fetched, project, github.fetcher())   # step 1
    assert [o.data is not None for o in outcomes] == [True, True, True]
    assert sorted(p.name for p in fetched.iterdir()) == ["1.foto", "2.foto", "3.foto", "fotos.json"]
    assert {host for host, _ in github.requests} == {"github.com", STORAGE}

    done = convert_in_copy(project, text, fetched, tmp_path)   # step 2
    assert done.returncode == 0, done.stderr
    written = done.stdout.split()
    page_path = project / written[0]
    stem = page_path.stem
    assert written[1:] == [f"docs/praktijkvoorbeelden/{stem}-foto-{n}.jpg" for n in (1, 2, 3)]
    for relative in written[1:]:
        data = (project / relative).read_bytes()
        no_metadata(data)                      # what is committed: no GPS, camera, time, XMP, IPTC, ICC
        assert is_upright(data)
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "JPEG" and max(image.size) <= images.MAX_WIDTH
            assert image.size == (2000, 1500)  # 4032 x 3024 as shown, turned upright, scaled down
    page = page_path.read_text(encoding="utf-8")
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta["toestemming_fotos"] == "ja"
    assert f"![Kinderen bouwen een hut van pallets]({stem}-foto-1.jpg)" in page
    assert f"![{ALT_PLACEHOLDER}]({stem}-foto-2.jpg)" in page           # no description: the placeholder
    third = next(line for line in page.splitlines() if f"{stem}-foto-3.jpg" in line)
    assert third == f"![Verf op de muur onclick alert(1)]({stem}-foto-3.jpg)"   # markup gone, no address
    assert "x.example" not in page and "user-attachments" not in page and "IMG_20" not in page
    notes = (tmp_path / "photo-notes.md").read_text(encoding="utf-8")
    assert "3 foto's bij 'Foto (mag leeg blijven)' staan in deze pull request" in notes
    assert "Bij foto 2 schreef de inzender niet wat erop te zien is" in notes
    for leaked in ("github.com", "http", "x.example", "IMG_20", "Kinderen bouwen"):
        assert leaked not in notes, leaked

    check = subprocess.run([sys.executable, "scripts/tools/check.py"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert f"LET OP: docs/praktijkvoorbeelden/{page_path.name}" in check.stdout and ALT_PLACEHOLDER in check.stdout
    assert "GPS" not in check.stdout   # the committed files carry no location
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    html = (tmp_path / "site" / "praktijkvoorbeelden" / stem / "index.html").read_text(encoding="utf-8")
    assert html.count("<picture") == 3 and html.count("srcset=") >= 3
    assert 'alt="Kinderen bouwen een hut van pallets"' in html
    published = [p for p in (tmp_path / "site").rglob("*") if p.suffix in (".jpg", ".webp") and stem in str(p)]
    assert published
    for path in published:
        no_metadata(path.read_bytes())


# --- What is never fetched ------------------------------------------------------------

@pytest.mark.parametrize("address", [
    "https://host.example/user-attachments/assets/" + UUIDS[0],
    "https://github.com.evil.example/user-attachments/assets/" + UUIDS[0],
    "https://evil.example/?https://github.com/user-attachments/assets/" + UUIDS[0],
    "http://github.com/user-attachments/assets/" + UUIDS[0],                 # not https
    "//github.com/user-attachments/assets/" + UUIDS[0],                      # no scheme
    "https://github.com:8443/user-attachments/assets/" + UUIDS[0],           # another port
    "https://beheerder@github.com/user-attachments/assets/" + UUIDS[0],      # a user name
    "https://github.com/user-attachments/assets/" + UUIDS[0] + "?download=1",
    "https://github.com/user-attachments/assets/" + UUIDS[0] + "/../../login",
    "https://github.com/user-attachments/files/123/foto.jpg",                # a file, not an image asset
    "https://github.com/login?return_to=/user-attachments/assets/" + UUIDS[0],
    "https://github.com/user-attachments/assets/" + UUIDS[0].upper(),
    "https://github.com/user-attachments/assets/" + UUIDS[0] + "%2F..",
    "https://user-images.githubusercontent.com/1/" + UUIDS[0] + ".png",      # the storage itself, directly
    f"https://{STORAGE}/1/{UUIDS[0]}.jpg",
])
def test_an_address_that_is_not_a_github_attachment_is_never_fetched(address, github):
    text = body(foto=f"![foto]({address})\n\nKinderen bouwen een hut")
    found = attachments.find(issue_to_example.parse_body(
        text, issue_to_example.form_labels(issue_to_example.FORM))["foto"])
    assert len(found) == 1 and not found[0].attachment
    outcomes = github.fetcher().fetch_all(found, consent=True)
    assert outcomes[0].reason == attachments.NOT_ATTACHMENT
    assert github.requests == [] and github.connected == []
    line = form_photos.not_taken_line(1, "Foto (mag leeg blijven)", outcomes[0].reason)
    assert line.startswith("Foto 1 bij 'Foto (mag leeg blijven)' is niet overgenomen: ")
    assert "ander adres" in line and "example" not in line and "http" not in line


def test_both_of_githubs_attachment_forms_are_recognised():
    assert attachments.is_attachment(GITHUB + UUIDS[0])
    assert attachments.is_attachment(f"https://github.com/speelwerk/kennisbank/assets/1234567/{UUIDS[1]}")
    assert not attachments.is_attachment(f"https://github.com/speelwerk/kennisbank/assets/x/{UUIDS[1]}")
    assert not attachments.is_attachment(f"https://github.com/-speelwerk/kennisbank/assets/1/{UUIDS[1]}")


def test_html_and_bare_addresses_in_the_photo_answer_are_found_in_order():
    answer = (f'<img width="300" alt="Image" src="{GITHUB}{UUIDS[0]}" />\n\nDe hut\n\n'
              f"https://host.example/x.jpg\n\n![Image]({GITHUB}{UUIDS[1]})")
    found = attachments.find(answer)
    assert [(f.number, f.attachment, f.description) for f in found] == [
        (1, True, "De hut"), (2, False, ""), (3, True, "")]


@pytest.mark.parametrize("location", [
    "https://evil.example/foto.jpg",
    f"http://{STORAGE}/1/x.jpg",                                    # not https
    f"https://{STORAGE}@evil.example/x.jpg",                        # looks like the storage, is not
    f"https://{STORAGE}.evil.example/x.jpg",
    f"https://{STORAGE}:8443/x.jpg",
    "//evil.example/x.jpg",                                         # relative to the scheme
    "file:///etc/passwd",
    "",
])
def test_a_redirect_to_another_host_is_refused(location, github):
    github.redirects[UUIDS[0]] = location
    outcome = github.fetcher().fetch(GITHUB + UUIDS[0])
    assert outcome.data is None and outcome.reason == attachments.REDIRECT_REFUSED
    assert github.connected == ["github.com"] and [h for h, _ in github.requests] == ["github.com"]
    assert "buiten zijn eigen opslag" in form_photos.not_taken_line(1, "Foto", outcome.reason)


def test_a_redirect_loop_is_cut_off(github):
    github.redirects[UUIDS[0]] = GITHUB + UUIDS[0]    # github.com sends the reader back to itself
    outcome = github.fetcher().fetch(GITHUB + UUIDS[0])
    assert outcome.reason == attachments.REDIRECT_REFUSED
    assert len(github.requests) == attachments.MAX_REDIRECTS + 1


# --- Bounds ---------------------------------------------------------------------------

class Counting:
    """Wraps the transport and counts the body bytes the fetcher reads."""

    def __init__(self, server: FakeGitHub):
        self.server, self.read = server, 0

    def connect(self, host: str, timeout: float):
        connection = self.server.connect(host, timeout)
        counter = self
        original = connection.getresponse

        def getresponse():
            response = original()
            read = response.read

            def counted(amount=None):
                data = read(amount)
                counter.read += len(data)
                return data
            response.read = counted
            return response
        connection.getresponse = getresponse
        return connection


def test_a_declared_size_over_the_limit_is_refused_before_reading(github):
    counting = Counting(github)
    github.redirects[UUIDS[0]] = f"https://{STORAGE}/1/declared-large.jpg"
    outcome = attachments.Fetcher(connect=counting.connect).fetch(GITHUB + UUIDS[0])
    assert outcome.reason == attachments.TOO_LARGE and counting.read == 0


def test_a_streamed_file_over_the_limit_is_cut_off_without_being_read_whole(github):
    github.redirects[UUIDS[0]] = f"https://{STORAGE}/1/streamed-large.jpg"
    counting = Counting(github)
    outcome = attachments.Fetcher(connect=counting.connect).fetch(GITHUB + UUIDS[0])
    assert outcome.data is None and outcome.reason == attachments.TOO_LARGE
    assert images.MAX_BYTES < counting.read <= images.MAX_BYTES + attachments.CHUNK
    assert github.streamed < BIG // 2          # the server could not send it all: the reader hung up
    line = form_photos.not_taken_line(1, "Foto", outcome.reason)
    assert "groter dan 25 MB" in line and "Maak de foto kleiner" in line


def test_a_server_that_does_not_answer_times_out(tmp_path):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    try:
        fetcher = attachments.Fetcher(connect=lambda host, timeout: http.client.HTTPConnection(
            "127.0.0.1", silent.getsockname()[1], timeout=timeout), timeout=0.5)
        outcome = fetcher.fetch(GITHUB + UUIDS[0])
    finally:
        silent.close()
    assert outcome.reason == attachments.FAILED
    assert "De redactie kan de foto met de hand toevoegen" in form_photos.not_taken_line(1, "Foto", outcome.reason)


def test_more_photos_than_the_maximum_the_extra_ones_get_a_line(github, project, tmp_path):
    count = attachments.MAX_PHOTOS + 2
    for n, uuid in enumerate(UUIDS[:count]):
        github.photos[uuid] = fp.phone_jpeg(800, 600, orientation=1, detail=False, seed=n)
    text = body(foto=photo_answer(UUIDS[:count]))
    outcomes = issue_to_example.fetch_photos(text, tmp_path / "fotos", project, github.fetcher())
    assert [o.reason for o in outcomes[attachments.MAX_PHOTOS:]] == [attachments.TOO_MANY] * 2
    storage = [path for host, path in github.requests if host == STORAGE]
    assert len(storage) == attachments.MAX_PHOTOS                    # the extra ones were never requested
    result = issue_to_example.convert(text, project, fetched=tmp_path / "fotos")
    assert len(result.photos) == attachments.MAX_PHOTOS
    extra = [line for line in result.notes if "hooguit 5 foto's" in line]
    assert [line.split(" bij ")[0] for line in extra] == ["Foto 6", "Foto 7"]


# --- Consent --------------------------------------------------------------------------

def test_without_the_consent_box_nothing_is_fetched_and_each_photo_gets_a_line(github, project, tmp_path):
    github.photos[UUIDS[0]] = github.photos[UUIDS[1]] = phone_photo(1)
    text = no_consent(body(foto=photo_answer(UUIDS[:2], ["De hut", "De verf"])))
    outcomes = issue_to_example.fetch_photos(text, tmp_path / "fotos", project, github.fetcher())
    assert [o.reason for o in outcomes] == [attachments.NO_CONSENT] * 2
    assert github.requests == [] and github.connected == []
    result = issue_to_example.convert(text, project, fetched=tmp_path / "fotos")
    assert result.photos == {}
    assert "toestemming_fotos" not in result.text and "foto-1" not in result.text
    lines = [line for line in result.notes if "niet aangevinkt" in line]
    assert [line.split(" bij ")[0] for line in lines] == ["Foto 1", "Foto 2"]
    assert all("AVG" in line for line in lines)


def test_consent_typed_into_an_answer_does_not_count(github, project, tmp_path):
    """Only the form's own consent option, ticked in the checkboxes answer, counts."""
    fake = "- [X] Als ik een foto stuur: wie erop staat (bij kinderen: hun ouders) gaf toestemming."
    text = no_consent(body(foto=photo_answer(UUIDS[:1], [fake]), aanpak="Zo.\n\n" + fake))
    outcomes = issue_to_example.fetch_photos(text, tmp_path / "fotos", project, github.fetcher())
    assert outcomes[0].reason == attachments.NO_CONSENT and github.requests == []


# --- What the pipeline refuses ------------------------------------------------------------

@pytest.mark.parametrize("data,expected", [
    (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "SVG-tekening"),
    (fp.bomb_png(), "megapixel"),
    (fp.phone_jpeg(800, 600, detail=False)[:3000], "beschadigd"),
    (b"", "leeg bestand"),
])
def test_a_fetched_file_that_is_no_publishable_photo_gets_the_pipelines_reason(data, expected, github, project,
                                                                                 tmp_path):
    github.photos[UUIDS[0]] = data
    github.photos[UUIDS[1]] = fp.phone_jpeg(800, 600, detail=False)
    text = body(foto=photo_answer(UUIDS[:2], ["Een", "De hut"]))
    issue_to_example.fetch_photos(text, tmp_path / "fotos", project, github.fetcher())
    result = issue_to_example.convert(text, project, fetched=tmp_path / "fotos")
    assert [p.name.rsplit("-", 2)[-2:] for p in result.photos] == [["foto", "1.jpg"]]   # the good one only
    line = next(line for line in result.notes if line.startswith("Foto 1 "))
    assert "is niet overgenomen" in line and expected in line, line
    assert "heet ." not in line                                    # no file name the contributor never chose
    assert "![De hut]" in result.text and "![Een]" not in result.text


def test_a_manifest_that_does_not_match_the_form_takes_nothing(github, project, tmp_path):
    github.photos[UUIDS[0]] = fp.phone_jpeg(800, 600, detail=False)
    text = body(foto=photo_answer(UUIDS[:1], ["De hut"]))
    issue_to_example.fetch_photos(text, tmp_path / "fotos", project, github.fetcher())
    other = body(foto=photo_answer(UUIDS[:2], ["De hut", "Meer"]))    # the issue was edited in between
    result = issue_to_example.convert(other, project, fetched=tmp_path / "fotos")
    assert result.photos == {} and len([n for n in result.notes if "niet overgenomen" in n]) == 2


# --- Alt text ---------------------------------------------------------------------------

@pytest.mark.parametrize("description,expected", [
    ("Kinderen bouwen een hut", "Kinderen bouwen een hut"),
    ("", ALT_PLACEHOLDER),
    ("https://evil.example/x www.evil.example", ALT_PLACEHOLDER),
    ("hut](javascript:alert(1)) ![x", "hut (javascript:alert(1)) x"),     # text in an attribute, never a link
    ("<img src=x onerror=alert(1)>", ALT_PLACEHOLDER),
    ("<b>vet</b> en _schuin_ {: .klasse }", "vet en schuin .klasse"),
    ("Verf [op](https://x.example/) de *muur*", "Verf op de muur"),
    ("de hut\u200b\u202e", "de hut"),
    ("woord " * 60, " ".join(["woord"] * 25) + " ..."),                   # 150 characters at most, whole words
])
def test_alt_text_is_plain_and_bounded(description, expected):
    alt = form_photos.alt_text(description)
    assert alt == expected
    assert not set(alt) & set("[]<>{}`*_\\\n") and len(alt) <= form_photos.MAX_ALT + 4


# --- Messages in the form's words --------------------------------------------------------

INTERNAL = ("leeftijd_van", "leeftijd_tot", "andere_partners", "toestemming_fotos", "in_het_verhaal", "themas",
            "opbrengst", "samenvatting:", "'hoofdstukken'", "## ")


@pytest.mark.parametrize("changes,expected", [
    ({"leeftijd_van": "4", "leeftijd_tot": "18"},
     ["bij 'Leeftijd tot en met (oudste kinderen)': 18 jaar is ouder",
      "Vul dan bij 'Leeftijd tot en met (oudste kinderen)' 12 in", "'Partners (uit het onderzoek)': jongerenwerk",
      "onder 'Aanpak'"]),
    ({"leeftijd_van": "10", "leeftijd_tot": "8"},
     ["bij 'Leeftijd van (jongste kinderen)': 10 is hoger dan 'Leeftijd tot en met (oudste kinderen)' (8)"]),
    ({"leeftijd_tot": "twaalf"}, ["'Leeftijd tot en met (oudste kinderen)' moet een getal zijn"]),
    ({"themas": "Gezondheid"}, ["bij 'Doelen (thema's uit het onderzoek)': onbekende waarde 'Gezondheid'",
                                "Toegestaan: Zorgelijke ontwikkelingen"]),
    ({"samenvatting": "Zonder punt aan het eind"}, ["bij 'Samenvatting in één zin': de zin moet eindigen"]),
    ({"organisatie": "", "opbrengst": ""}, ["mist een antwoord bij: 'Organisatie', 'Wat het oplevert'"]),
    ({"opbrengst": "Zie {{ config }}"}, ["bij 'Wat het oplevert': "]),
])
def test_messages_use_the_forms_labels_never_field_names(changes, expected, project, tmp_path):
    source = tmp_path / "issue-body.md"
    source.write_text(body(**changes), encoding="utf-8")
    done = subprocess.run([sys.executable, str(project / "scripts" / "tools" / "issue_to_example.py"), str(source),
                           "--today", "2026-11-28", "--comment", str(tmp_path / "comment.md")], cwd=project,
                          capture_output=True, text=True, timeout=120, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 1, done.stdout
    for part in expected:
        assert part in done.stderr, (part, done.stderr)
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    for name in INTERNAL:
        assert name not in done.stderr, (name, done.stderr)
        assert name not in comment.split("```text", 1)[1], name


def test_labels_come_from_the_form_file(tmp_path):
    """One source of truth: a label changed in the form is the label in the messages."""
    from kinderwerk.examples.form_labels import FormLabels
    form = yaml.safe_load(issue_to_example.FORM.read_text(encoding="utf-8"))
    for item in form["body"]:
        if item.get("id") == "leeftijd_tot":
            item["attributes"]["label"] = "Oudste leeftijd"
    changed = tmp_path / "form.yml"
    changed.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    words = FormLabels.from_form(changed)
    assert words.in_text("Vul dan bij leeftijd_tot 12 in.") == "Vul dan bij 'Oudste leeftijd' 12 in."
    assert words.consent_option.startswith("Als ik een foto stuur")


def test_finding_images_is_bounded_on_a_hostile_answer(github, project, tmp_path):
    """At most MAX_FOUND + 1 items from any answer (linear scans, bisect for
    overlap), and one line for all that come after MAX_FOUND."""
    hostile = f"![a]({GITHUB}{UUIDS[0]}) https://x.example/ [b](https://y.example/) <img src=z> " * 2000
    assert len(attachments.find(hostile)) == attachments.MAX_FOUND + 1
    assert attachments.find("![" * 10000 + "](" * 10000) == []    # no closing: nothing
    github.photos[UUIDS[0]] = fp.phone_jpeg(400, 300, orientation=1, detail=False)
    text = body(foto=hostile[:4000])
    issue_to_example.fetch_photos(text, tmp_path / "fotos", project, github.fetcher())
    assert len([h for h, _ in github.requests if h == STORAGE]) == attachments.MAX_PHOTOS
    result = issue_to_example.convert(text, project, fetched=tmp_path / "fotos")
    assert len(result.photos) == attachments.MAX_PHOTOS
    not_taken = [line for line in result.notes if line.startswith("Foto ") and "niet overgenomen" in line]
    assert len(not_taken) == attachments.MAX_FOUND - attachments.MAX_PHOTOS
    assert any(line.startswith(f"Na foto {attachments.MAX_FOUND} ") for line in result.notes)


def test_the_workflow_fetches_in_a_step_without_a_token_and_commits_what_the_converter_wrote():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "maak-pagina.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["page"]["steps"]
    names = [step.get("name", "") for step in steps]
    fetch = steps[next(i for i, name in enumerate(names) if name.startswith("Fetch the photos"))]
    make = steps[names.index("Make the page")]
    assert names.index("Make the page") > names.index(fetch["name"])
    assert "--fetch-photos \"$RUNNER_TEMP/fotos\"" in fetch["run"] and "env" not in fetch
    assert "github.token" not in fetch["run"] and "GH_TOKEN" not in fetch["run"]
    assert "secrets" not in yaml.safe_dump(fetch)
    assert "--photos \"$RUNNER_TEMP/fotos\"" in make["run"] and "--photo-notes" in make["run"]
    assert "--comment" in make["run"]
    pull = steps[names.index("Open a pull request")]["run"]
    assert 'git add --pathspec-from-file="$RUNNER_TEMP/page-files"' in pull
    for step in steps:   # untrusted text reaches a script only through a file or env, never `${{ }}` in run
        assert "${{" not in step.get("run", ""), step.get("name")


def test_fetched_files_are_not_taken_over_when_the_form_has_no_consent(github, project, tmp_path):
    """Even if step 1 left files (say, the consent box was unticked afterwards), step 2 takes none."""
    github.photos[UUIDS[0]] = fp.phone_jpeg(800, 600, detail=False)
    text = body(foto=photo_answer(UUIDS[:1], ["De hut"]))
    issue_to_example.fetch_photos(text, tmp_path / "fotos", project, github.fetcher())
    assert (tmp_path / "fotos" / "1.foto").exists()
    result = issue_to_example.convert(no_consent(text), project, fetched=tmp_path / "fotos")
    assert result.photos == {} and "toestemming_fotos" not in result.text
    assert any("niet aangevinkt" in line for line in result.notes)


def test_a_photo_never_overwrites_a_file_that_is_there(github, project, tmp_path):
    github.photos[UUIDS[0]] = fp.phone_jpeg(800, 600, detail=False)
    text = body(foto=photo_answer(UUIDS[:1], ["De hut"]))
    issue_to_example.fetch_photos(text, tmp_path / "fotos", project, github.fetcher())
    first = issue_to_example.convert(text, project, fetched=tmp_path / "fotos")
    existing = next(iter(first.photos))
    existing.write_bytes(b"iemands eigen foto")
    again = issue_to_example.convert(text, project, fetched=tmp_path / "fotos")
    assert existing not in again.photos and next(iter(again.photos)).name.endswith("-foto-2.jpg")


def test_step_one_on_the_command_line_writes_numbers_and_a_manifest_only(project, tmp_path):
    """`--fetch-photos` as the workflow runs it; this body holds nothing it may fetch,
    so it needs no network, and the manifest says why for each image."""
    source = tmp_path / "issue-body.md"
    source.write_text(body(foto=f"![x](https://host.example/IMG_1.jpg)\n\n![y]({GITHUB}{UUIDS[0]})"
                      ).replace("- [X] Als ik een foto stuur", "- [ ] Als ik een foto stuur"), encoding="utf-8")
    before = sorted((project / "docs" / "praktijkvoorbeelden").iterdir())
    done = subprocess.run([sys.executable, str(project / "scripts" / "tools" / "issue_to_example.py"), str(source),
                           "--fetch-photos", str(tmp_path / "fotos")], cwd=project, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 van 2 foto's opgehaald."
    assert sorted(p.name for p in (tmp_path / "fotos").iterdir()) == ["fotos.json"]
    manifest = json.loads((tmp_path / "fotos" / "fotos.json").read_text(encoding="utf-8"))
    assert manifest == {"found": 2, "photos": [{"number": 1, "reason": "not_attachment"},
                                                {"number": 2, "reason": "no_consent"}]}
    assert "host.example" not in (tmp_path / "fotos" / "fotos.json").read_text(encoding="utf-8")
    # step 1 writes no page and no photo into the project (whatever photos it had already)
    assert sorted((project / "docs" / "praktijkvoorbeelden").iterdir()) == before
