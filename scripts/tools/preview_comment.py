"""The bot's comment with the preview of a pull request (trusted workflow
voorbeeld-publiceren.yml, after the untrusted workflow voorbeeld.yml).

    python scripts/tools/preview_comment.py prepare --event EVENT.json --out DIR
    python scripts/tools/preview_comment.py comment --pr N --body DIR/comment.md

``prepare`` finds the pull request of the finished run (from GitHub's event
and API, never from the artifact), downloads the run's artifact `voorbeeld`
and treats it as untrusted data: it is read in memory, never unpacked; only
PNG files whose names match kinderwerk.preview.SHOT are taken, bounded in
count, bytes and pixels, and re-encoded by Pillow (so what is published is a
plain PNG without any extra chunk); the report voorbeeld.json is read with
kinderwerk.preview.load_report. It writes DIR/pr-<N>/run-<id>/*.png (the
workflow commits that folder to the branch `voorbeelden`), DIR/comment.md,
and ``pr=<N>`` to $GITHUB_OUTPUT.

``comment`` writes that text as ONE comment of the bot on the pull request,
or updates the one it wrote before (found by MARKER).

The comment is in Dutch: per changed example the phone screenshot inline,
linked to the desktop one, with links to the dark ones; for an example that
failed the check, its problems as plain lines in a code block (each line
neutralised: no link, mention, HTML or issue reference survives) and a
link to the same messages as a page.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from issue_to_example import neutralise
from kinderwerk import preview

MARKER = "<!-- kinderwerk-voorbeeld -->"
ARTIFACT = "voorbeeld"
BRANCH = "voorbeelden"
REPO = re.compile(r"[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}")
SHA = re.compile(r"[0-9a-f]{40}")
MAX_ZIP = 60_000_000            # bytes of the artifact
MAX_ENTRIES = 400               # files in it (most are refused by name anyway)
MAX_SHOTS = preview.MAX_PAGES * len(preview.SIZES) * len(preview.SCHEMES)
MAX_PNG = 8_000_000             # bytes of one screenshot
MAX_TOTAL = 120_000_000         # bytes read from the artifact altogether (after decompression)
MAX_WIDTH = 1600                # pixels; our screenshots are 390 and 1280 wide
MAX_PIXELS = 30_000_000         # a long page on the desktop: 1280 x 23.000
MAX_LISTED = 30                 # problem lines per example in the comment
USER_AGENT = "kinderwerk-voorbeeld"


@dataclass
class Artifact:
    shots: dict[str, bytes] = field(default_factory=dict)   # name -> re-encoded PNG
    report: preview.PreviewReport | None = None
    refused: list[str] = field(default_factory=list)         # why, in Dutch, without the file's name


def clean_png(data: bytes) -> bytes | None:
    """A fresh PNG of the same pixels, or None for anything else: not a PNG,
    too wide, too many pixels (read from the header, before decoding)."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            width, height = image.size
            if width > MAX_WIDTH or width * height > MAX_PIXELS:
                return None
            image.load()
            plain = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    out = io.BytesIO()
    plain.save(out, "PNG", optimize=False)
    return out.getvalue()


def read_artifact(data: bytes) -> Artifact:
    """The screenshots and the report from the artifact's zip, as untrusted data."""
    found = Artifact()
    if len(data) > MAX_ZIP:
        found.refused.append("het artifact is groter dan de grens")
        return found
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        found.refused.append("het artifact is geen zip-bestand")
        return found
    if len(entries) > MAX_ENTRIES:
        found.refused.append(f"het artifact bevat meer dan {MAX_ENTRIES} bestanden")
        return found
    total = 0
    for info in entries:
        name = info.filename
        if info.is_dir():
            continue
        if total > MAX_TOTAL:
            found.refused.append("het artifact bevat meer dan de grens aan bytes")
            break
        limit = preview.MAX_REPORT_BYTES if name == preview.REPORT_NAME else MAX_PNG
        if name != preview.REPORT_NAME and (not preview.SHOT.fullmatch(name) or len(found.shots) >= MAX_SHOTS):
            found.refused.append("een bestand met een onverwachte naam, of te veel bestanden")
            continue
        if info.file_size > limit:
            found.refused.append("een bestand is groter dan de grens")
            continue
        try:
            with archive.open(info) as handle:
                content = handle.read(limit + 1)   # the declared size may lie
            total += len(content)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
            found.refused.append("een bestand in het artifact is beschadigd")
            continue
        if len(content) > limit:
            found.refused.append("een bestand is groter dan de grens")
        elif name == preview.REPORT_NAME:
            try:
                found.report = preview.load_report(content)
            except preview.PreviewDataError:
                found.refused.append("het rapport van de controle is niet wat onze build schrijft")
        else:
            png = clean_png(content)
            if png is None:
                found.refused.append("een plaatje is geen PNG van de verwachte grootte")
            else:
                found.shots[name] = png
    return found


# --- The comment ------------------------------------------------------------------------

def _listing(problems: list) -> str:
    lines = [neutralise(str(p)) for p in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        lines.append(f"(en nog {len(problems) - MAX_LISTED} meldingen: zie de controle)")
    return "```text\n" + "\n".join(lines) + "\n```"


def _count(n: int) -> str:
    return f"{n} {'probleem' if n == 1 else 'problemen'}"


def comment_markdown(artifact: Artifact, base_url: str, run_url: str, head_sha: str) -> str:
    """The bot's comment. ``base_url`` is the folder of the published
    screenshots (ending in /); every name in a URL matched SHOT."""
    if not SHA.fullmatch(head_sha):
        raise ValueError("head_sha is geen commit")
    lines = [MARKER, "## Voorbeeld van je pagina", ""]
    report = artifact.report
    if report is None:
        lines += ["Er is geen voorbeeld gemaakt: de bouwstap gaf geen bruikbaar verslag. Kijk bij de controles "
                  f"van deze pull request ([de bouwstap]({run_url})); de redactie helpt je.", ""]
    else:
        lines += [f"Zo zien je praktijkvoorbeelden eruit op de site, gemaakt van commit `{head_sha[:7]}`. Het "
                  "plaatje is een telefoon; klik erop voor de computer. Na elke wijziging die je opslaat, komt "
                  "hier een nieuw plaatje.", ""]
        if report.check_failed:
            lines += ["**De controle is nog niet geslaagd.** Voorbeelden met een probleem laat de site weg; "
                      "hieronder staat per voorbeeld wat je moet verbeteren. Samenvoegen kan pas als alles in "
                      "orde is.", ""]
        if not report.pages:
            lines += ["Deze pull request verandert geen praktijkvoorbeeld: er is geen plaatje gemaakt.", ""]
        for number, page in enumerate(report.pages, start=1):
            lines += _page_section(number, page, artifact.shots, base_url, report.site_built)
        if report.other:
            lines += [f"### Andere bestanden: {_count(len(report.other))}", "", _listing(report.other), ""]
    if artifact.refused:
        lines += [f"_{len(artifact.refused)} bestanden uit de bouwstap zijn niet overgenomen (een onverwachte "
                  "naam, soort of grootte)._", ""]
    lines.append(f"[De bouwstap van dit voorbeeld]({run_url}) · Vragen? Schrijf een reactie; de redactie helpt je.")
    return "\n".join(lines) + "\n"


def _page_section(number: int, page: preview.PageReport, shots: dict[str, bytes], base_url: str,
                  site_built: bool) -> list[str]:
    name = neutralise(page.file)
    def url(size: str, scheme: str) -> str | None:
        shot = preview.shot_name(page.slug, size, scheme)
        return base_url + shot if shot in shots else None
    phone, desktop = url("telefoon", "licht"), url("desktop", "licht")
    if not page.ok:   # the same messages as a page, as the preview build shot it: linked, not shown again
        lines = [f"### {number}. `{name}`: nog niet in orde ({_count(len(page.problems))})", "",
                 "Dit voorbeeld staat nog niet op de site. Verbeter deze punten (bestand, regel en wat je moet "
                 "doen):", "", _listing(page.problems), ""]
        links = [f"[{label}]({target})" for label, target in (("telefoon", phone), ("computer", desktop)) if target]
        return lines + (["Dezelfde meldingen als pagina: " + " · ".join(links), ""] if links else [])
    lines = [f"### {number}. `{name}`: in orde", ""]
    if phone:
        image = f"![Telefoon, licht: je pagina ({page.slug})]({phone})"
        lines += [f"[{image}]({desktop})" if desktop else image, ""]
        more = [(label, url(size, scheme)) for label, size, scheme in
                (("computer, licht", "desktop", "licht"), ("telefoon, donker", "telefoon", "donker"),
                 ("computer, donker", "desktop", "donker"))]
        links = [f"[{label}]({target})" for label, target in more if target]
        if links:
            lines += ["Ook: " + " · ".join(links), ""]
    elif not site_built:
        lines += ["Geen plaatje: de rest van de site kon niet gebouwd worden (zie de controle 'site').", ""]
    else:
        lines += ["Geen plaatje van deze pagina gevonden.", ""]
    return lines


def publish(artifact: Artifact, folder: Path) -> list[Path]:
    """Write the taken-over screenshots into ``folder``; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, png in sorted(artifact.shots.items()):
        path = folder / name
        path.write_bytes(png)
        written.append(path)
    return written


def pick_pull_request(pulls: list[dict], head_sha: str, head_repo: str) -> int | None:
    """The open pull request whose head is the run's commit and repository."""
    for pull in pulls:
        head = pull.get("head") or {}
        if (head.get("sha") == head_sha and ((head.get("repo") or {}).get("full_name") == head_repo)
                and pull.get("state", "open") == "open" and type(pull.get("number")) is int):
            return pull["number"]
    return None


# --- GitHub (the trusted workflow only) -----------------------------------------------------

def _request(url: str, token: str, method: str = "GET", body: Any = None, limit: int = 5_000_000) -> bytes:
    request = urllib.request.Request(url, method=method, headers={
        "Accept": "application/vnd.github+json", "User-Agent": USER_AGENT, "X-GitHub-Api-Version": "2022-11-28"},
        data=None if body is None else json.dumps(body).encode())
    # Not passed on when GitHub redirects the download to its storage host.
    request.add_unredirected_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=60) as response:
        data = response.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"antwoord van {urllib.parse.urlsplit(url).path} is groter dan {limit} bytes")
    return data


def _api(path: str, token: str, method: str = "GET", body: Any = None) -> Any:
    api = os.environ.get("GITHUB_API_URL", "https://api.github.com")
    return json.loads(_request(api + path, token, method, body) or b"null")


def find_pull_request(run: dict, repo: str, token: str) -> int | None:
    """From GitHub's own data: the event lists the pull requests of a run
    from this repository; for a fork that list is empty, so ask the API for
    the open pull request of the run's head branch and check its commit."""
    head_sha = run["head_sha"]
    for pull in run.get("pull_requests") or []:
        if (pull.get("head") or {}).get("sha") == head_sha and type(pull.get("number")) is int:
            return pull["number"]
    head = urllib.parse.quote(f"{run['head_repository']['owner']['login']}:{run['head_branch']}", safe="")
    return pick_pull_request(_api(f"/repos/{repo}/pulls?state=open&per_page=100&head={head}", token),
                             head_sha, run["head_repository"]["full_name"])


def download_artifact(repo: str, run_id: int, token: str) -> bytes | None:
    listing = _api(f"/repos/{repo}/actions/runs/{run_id}/artifacts?name={ARTIFACT}&per_page=10", token)
    artifacts = [a for a in listing.get("artifacts", []) if a.get("name") == ARTIFACT and not a.get("expired")]
    if not artifacts:
        return None
    artifact = artifacts[0]
    if not isinstance(artifact.get("size_in_bytes"), int) or artifact["size_in_bytes"] > MAX_ZIP:
        return b"x" * (MAX_ZIP + 1)   # read_artifact refuses it with a Dutch line
    api = os.environ.get("GITHUB_API_URL", "https://api.github.com")
    return _request(f"{api}/repos/{repo}/actions/artifacts/{int(artifact['id'])}/zip", token, limit=MAX_ZIP)


def upsert_comment(repo: str, pr: int, body: str, token: str) -> None:
    for page in range(1, 11):
        comments = _api(f"/repos/{repo}/issues/{pr}/comments?per_page=100&page={page}", token)
        for comment in comments:
            user = comment.get("user") or {}
            if user.get("login") == "github-actions[bot]" and str(comment.get("body", "")).startswith(MARKER):
                _api(f"/repos/{repo}/issues/comments/{int(comment['id'])}", token, "PATCH", {"body": body})
                return
        if len(comments) < 100:
            break
    _api(f"/repos/{repo}/issues/{pr}/comments", token, "POST", {"body": body})


def prepare(event_path: Path, out: Path, repo: str, token: str, server: str) -> int | None:
    run = json.loads(event_path.read_text(encoding="utf-8"))["workflow_run"]
    if not REPO.fullmatch(repo) or not SHA.fullmatch(run["head_sha"]):
        raise SystemExit("onverwachte repository of commit in het event")
    pr = find_pull_request(run, repo, token)
    if pr is None:
        print("Geen open pull request bij deze run: geen reactie.")
        return None
    data = download_artifact(repo, int(run["id"]), token)
    if data is None:
        print("Geen artifact 'voorbeeld' bij deze run: geen reactie.")
        return None
    artifact = read_artifact(data)
    for reason in artifact.refused:
        print(f"Niet overgenomen: {reason}")
    folder = f"pr-{pr}/run-{int(run['id'])}"
    publish(artifact, out / folder)
    base_url = f"https://raw.githubusercontent.com/{repo}/{BRANCH}/{folder}/"
    run_url = f"{server}/{repo}/actions/runs/{int(run['id'])}"
    (out / "comment.md").write_text(comment_markdown(artifact, base_url, run_url, run["head_sha"]), encoding="utf-8")
    return pr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("prepare")
    one.add_argument("--event", type=Path, required=True)
    one.add_argument("--out", type=Path, required=True)
    two = sub.add_parser("comment")
    two.add_argument("--pr", type=int, required=True)
    two.add_argument("--body", type=Path, required=True)
    args = parser.parse_args(argv)
    token = os.environ["GH_TOKEN"]
    repo = os.environ["GITHUB_REPOSITORY"]
    if args.command == "prepare":
        pr = prepare(args.event, args.out, repo, token, os.environ.get("GITHUB_SERVER_URL", "https://github.com"))
        output = os.environ.get("GITHUB_OUTPUT")
        if pr is not None and output:
            with open(output, "a", encoding="utf-8") as handle:
                handle.write(f"pr={pr}\n")
        return 0
    upsert_comment(repo, args.pr, args.body.read_text(encoding="utf-8"), token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
