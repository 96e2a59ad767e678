"""The preview of a pull request (issue 16, point 6): built as far as it can
be when the check fails (scripts/tools/preview_examples.py), and the bot's
comment from its artifact, read as untrusted data (scripts/tools/preview_comment.py).
Made-up examples in a copy of the project; no GitHub (the workflows cannot run
here: their YAML is checked instead)."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile

import pytest
import yaml
from PIL import Image, PngImagePlugin

import preview_comment
import preview_examples
import screenshots
from kinderwerk import preview
from kinderwerk.examples import Problem
from project_copy import ROOT, copy_project
from test_check import example, write

WORKFLOWS = ROOT / ".github" / "workflows"
HOSTILE = "<script>alert(1)</script> {{ lipsum.__globals__ }} @iemand https://elders.example/x #12"
SHA = "0123456789abcdef0123456789abcdef01234567"
BASE = "https://raw.githubusercontent.com/eigenaar/kennisbank/voorbeelden/pr-7/run-99/"
RUN = "https://github.com/eigenaar/kennisbank/actions/runs/99"


def png(width: int = 390, height: int = 300, text: str | None = None) -> bytes:
    info = None
    if text:
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", text)
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 220, 240)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def failing_report() -> preview.PreviewReport:
    bad = [Problem("docs/praktijkvoorbeelden/dommeldal-hut.md", 8, "provincie", f"onbekende waarde '{HOSTILE}'."),
           Problem("docs/praktijkvoorbeelden/dommeldal-hut.md", 42, None, "een <script>-element is niet toegestaan.")]
    return preview.PreviewReport(True, True, [
        preview.PageReport("speeldorp-hut", "docs/praktijkvoorbeelden/speeldorp-hut.md", True, []),
        preview.PageReport("dommeldal-hut", "docs/praktijkvoorbeelden/dommeldal-hut.md", False, bad)])


# --- Names, report and the page of messages ----------------------------------------------

def test_shot_names_are_what_screenshots_writes():
    """The trusted side takes only these names; screenshots.py must write them."""
    assert tuple(screenshots.SIZES) == preview.SIZES and tuple(screenshots.SCHEMES) == preview.SCHEMES
    name = "praktijkvoorbeelden/speeldorp-hut/".strip("/").replace("/", "_")  # as screenshots.main names it
    assert preview.SHOT.fullmatch(f"{name}-telefoon-licht.png")
    assert preview.shot_name("speeldorp-hut", "desktop", "donker") == f"{name}-desktop-donker.png"


@pytest.mark.parametrize("src", ["praktijkvoorbeelden/Mijn Voorbeeld.md", "praktijkvoorbeelden/<b>.md",
                                 "praktijkvoorbeelden/" + "a-" * 80 + "b.md"])
def test_a_bad_file_name_never_reaches_a_screenshot_name(src):
    slug = preview.slug_for(src)
    assert slug.startswith("bestand-") and preview.SHOT.fullmatch(preview.shot_name(slug, "telefoon", "licht"))
    assert preview.slug_for(src) == slug   # stable between runs
    assert preview.slug_for("praktijkvoorbeelden/speeldorp-hut.md") == "speeldorp-hut"


def test_problem_page_escapes_every_string():
    problems = [Problem(f"docs/praktijkvoorbeelden/{HOSTILE}.jpg", 3, f"veld{HOSTILE}", f"waarde '{HOSTILE}'"),
                Problem("docs/praktijkvoorbeelden/x.md", None, None, '"><img src=x onerror=alert(2)>')]
    page = preview.problem_page(f"docs/praktijkvoorbeelden/{HOSTILE}.md", problems)
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 5   # title, intro, file, field, message
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    tags = set(re.findall(r"<([a-z0-9]+)", page))
    assert tags <= {"html", "head", "meta", "title", "style", "body", "main", "div", "h1", "p", "code", "ol",
                    "li", "span"}, tags
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert csp.startswith("default-src 'none'; style-src 'sha256-")


def test_report_round_trip_and_what_the_trusted_side_refuses():
    report = failing_report()
    again = preview.load_report(preview.dump_report(report).encode())
    assert again == report
    good = json.loads(preview.dump_report(report))
    for change in ({"slug": "../../etc"}, {"slug": "A"}, {"file": "README.md"}, {"ok": "ja"},
                   {"problems": [{"file": "x", "line": "1; rm", "message": "m"}]},
                   {"problems": [{"file": 3, "line": 1, "message": "m"}]}):
        data = json.loads(json.dumps(good))
        data["pages"][0].update(change)
        with pytest.raises(preview.PreviewDataError):
            preview.load_report(json.dumps(data).encode())
    with pytest.raises(preview.PreviewDataError):
        preview.load_report(b"{" * (preview.MAX_REPORT_BYTES + 1))
    long = json.loads(json.dumps(good))
    long["pages"][1]["problems"] = [{"file": "f", "line": 1, "field": None, "message": "x" * 3000}] * 100
    loaded = preview.load_report(json.dumps(long).encode())
    assert len(loaded.pages[1].problems) == preview.MAX_PROBLEMS
    assert len(loaded.pages[1].problems[0].message) <= preview.MAX_MESSAGE + 4


def test_a_changed_photo_previews_the_examples_that_show_it():
    shown = {"praktijkvoorbeelden/a.md": {"praktijkvoorbeelden/hut.jpg"}, "praktijkvoorbeelden/b.md": set(),
             "praktijkvoorbeelden/c.md": {"praktijkvoorbeelden/hut.jpg"}}
    assert preview_examples.changed_examples(
        ["docs/praktijkvoorbeelden/b.md", "docs/praktijkvoorbeelden/hut.jpg", "docs/praktijkvoorbeelden/a.md",
         "docs/praktijkvoorbeelden/_sjabloon.md", "docs/index.md"], shown) == [
        "praktijkvoorbeelden/b.md", "praktijkvoorbeelden/a.md", "praktijkvoorbeelden/c.md"]


def test_a_problem_in_a_photo_belongs_to_every_example_that_shows_it():
    shown = {"praktijkvoorbeelden/a.md": {"praktijkvoorbeelden/hut.jpg"}, "praktijkvoorbeelden/b.md": set()}
    photo = Problem("docs/praktijkvoorbeelden/hut.jpg", None, None, "te groot")
    own = Problem("docs/praktijkvoorbeelden/b.md", 3, "titel", "leeg")
    data = Problem("data/beroepen.csv", 4, None, "geen getal")
    failing, rest = preview_examples.failing_examples([photo, own, data], shown)
    assert failing == {"praktijkvoorbeelden/a.md": [photo], "praktijkvoorbeelden/b.md": [own]}
    assert rest == [data]


# --- The comment writer: the artifact is untrusted ---------------------------------------------

def test_artifact_takes_only_our_pngs_and_re_encodes_them():
    ours = "praktijkvoorbeelden_speeldorp-hut-telefoon-licht.png"
    artifact = preview_comment.read_artifact(zipped({
        ours: png(text="GEHEIM-CHUNK"),
        "praktijkvoorbeelden_speeldorp-hut-desktop-licht.png": b"<html><script>alert(1)</script>",  # not a PNG
        "praktijkvoorbeelden_speeldorp-hut-desktop-donker.png": png(4000, 100),                   # too wide
        "../praktijkvoorbeelden_x-telefoon-licht.png": png(),
        "sub/praktijkvoorbeelden_x-telefoon-licht.png": png(),
        "praktijkvoorbeelden_x-telefoon-licht.svg": b"<svg/>",
        "index.html": b"<script>alert(1)</script>",
        preview.REPORT_NAME: preview.dump_report(failing_report()).encode(),
    }))
    assert set(artifact.shots) == {ours}
    assert b"GEHEIM-CHUNK" not in artifact.shots[ours]
    assert Image.open(io.BytesIO(artifact.shots[ours])).size == (390, 300)
    assert len(artifact.refused) == 6 and artifact.report == failing_report()


def test_artifact_bounds_before_decoding():
    header_bomb = png(1200, 30)
    # Same file, with the IHDR height patched to 60.000 rows: refused from the header (CRC aside).
    bomb = header_bomb[:20] + (60_000).to_bytes(4, "big") + header_bomb[24:]
    big = "praktijkvoorbeelden_a-telefoon-licht.png"
    artifact = preview_comment.read_artifact(zipped({
        "praktijkvoorbeelden_b-telefoon-licht.png": bomb,
        big: b"\x89PNG\r\n\x1a\n" + b"\0" * (preview_comment.MAX_PNG + 1),
        **{f"praktijkvoorbeelden_c{i}-telefoon-licht.png": png(10, 10) for i in range(preview_comment.MAX_SHOTS + 3)},
    }))
    assert "praktijkvoorbeelden_b-telefoon-licht.png" not in artifact.shots and big not in artifact.shots
    assert len(artifact.shots) == preview_comment.MAX_SHOTS
    assert preview_comment.read_artifact(b"PK\x03\x04 geen zip").refused == ["het artifact is geen zip-bestand"]
    assert preview_comment.read_artifact(zipped({f"f{i}": b"" for i in range(preview_comment.MAX_ENTRIES + 1)})
                                         ).shots == {}


def test_comment_shows_screenshots_and_lists_problems_escaped():
    shots = {preview.shot_name(slug, size, scheme): b"" for slug in ("speeldorp-hut", "dommeldal-hut")
             for size in preview.SIZES for scheme in preview.SCHEMES}
    artifact = preview_comment.Artifact(shots, failing_report(), ["een bestand met een onverwachte naam"])
    text = preview_comment.comment_markdown(artifact, BASE, RUN, SHA)
    assert text.startswith(preview_comment.MARKER)
    phone = BASE + "praktijkvoorbeelden_speeldorp-hut-telefoon-licht.png"
    desktop = BASE + "praktijkvoorbeelden_speeldorp-hut-desktop-licht.png"
    assert f"[![Telefoon, licht: je pagina (speeldorp-hut)]({phone})]({desktop})" in text
    assert f"[telefoon, donker]({BASE}praktijkvoorbeelden_speeldorp-hut-telefoon-donker.png)" in text
    assert "### 2. `docs/praktijkvoorbeelden/dommeldal-hut.md`: nog niet in orde (2 problemen)" in text
    # The failing one: its problems as text, and the page of the same messages linked (not shown twice).
    assert f"[telefoon]({BASE}praktijkvoorbeelden_dommeldal-hut-telefoon-licht.png)" in text
    assert text.count("![") == 1
    block = text.split("```text\n", 1)[1].split("\n```", 1)[0].splitlines()
    assert len(block) == 2 and block[0].startswith("docs/praktijkvoorbeelden/dommeldal-hut.md, regel 8, veld 'provincie'")
    # Nothing from the contributor is live: no tag, mention, link or issue reference.
    for bad in ("<script", "@iemand", "https://elders", "#12"):
        assert bad not in text, bad
    assert "De controle is nog niet geslaagd" in text and "1 bestanden uit de bouwstap" in text
    assert len(re.findall(r"```", text)) == 2   # the messages cannot close their block


def test_comment_refuses_names_it_did_not_check():
    with pytest.raises(ValueError):
        preview_comment.comment_markdown(preview_comment.Artifact(), BASE, RUN, "main; rm -rf /")
    no_report = preview_comment.comment_markdown(preview_comment.Artifact(), BASE, RUN, SHA)
    assert "geen bruikbaar verslag" in no_report


def test_pull_request_is_the_one_whose_head_is_the_run():
    pulls = [{"number": 3, "state": "open", "head": {"sha": "f" * 40, "repo": {"full_name": "a/b"}}},
             {"number": 4, "state": "open", "head": {"sha": SHA, "repo": {"full_name": "ander/fork"}}},
             {"number": 5, "state": "open", "head": {"sha": SHA, "repo": {"full_name": "a/b"}}}]
    assert preview_comment.pick_pull_request(pulls, SHA, "a/b") == 5
    assert preview_comment.pick_pull_request(pulls, "e" * 40, "a/b") is None


# --- The workflows (they cannot run here) -----------------------------------------------------

def test_workflows_pin_every_action_and_keep_the_pull_request_read_only():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s*(- )?uses:", line):
                assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}\s+# v", line), f"{path.name}: {line}"
    untrusted = yaml.safe_load((WORKFLOWS / "voorbeeld.yml").read_text(encoding="utf-8"))
    assert untrusted["permissions"] == {"contents": "read"} and "secrets" not in json.dumps(untrusted)
    steps = untrusted["jobs"]["screenshots"]["steps"]
    check = next(s for s in steps if s.get("id") == "check")
    assert check["run"] == "make check" and check["continue-on-error"] is True
    assert steps[-1]["if"] == "steps.check.outcome == 'failure'" and "exit 1" in steps[-1]["run"]
    trusted = yaml.safe_load((WORKFLOWS / "voorbeeld-publiceren.yml").read_text(encoding="utf-8"))
    assert trusted[True]["workflow_run"]["workflows"] == [untrusted["name"]]   # YAML reads `on:` as True
    assert trusted["permissions"] == {}
    text = json.dumps(trusted)
    # Never the pull request's code, never a value from its run inside a shell line.
    assert "head_sha" not in text and "head_branch" not in text and "ref:" not in text
    for step in trusted["jobs"]["comment"]["steps"]:
        assert "${{" not in step.get("run", ""), step


# --- The whole run, in a copy of the project (build and Chromium) ---------------------------

@pytest.mark.browser
def test_failing_example_still_gets_a_preview(tmp_path):
    project = copy_project(tmp_path / "project")
    if (ROOT / ".cache").is_dir():   # charts drawn already
        import shutil
        shutil.copytree(ROOT / ".cache", project / ".cache", ignore=shutil.ignore_patterns("images"))
    write(project, "speeldorp-hut.md", example())
    write(project, "dommeldal-hut.md", example("Dommeldal", titel="hut {{ lipsum }}", provincie=[HOSTILE])
          .replace("Ouders leerden elkaar kennen.", "Ouders <script>alert(2)</script> leerden."))
    out, site = tmp_path / "voorbeeld", tmp_path / "site"
    changed = ["docs/praktijkvoorbeelden/speeldorp-hut.md", "docs/praktijkvoorbeelden/dommeldal-hut.md",
               "docs/index.md"]
    # As the workflow runs it: the tool in its own process. In-process, Playwright's sync API
    # refuses to start when another test on this xdist worker holds a session browser.
    done = subprocess.run([sys.executable, str(project / "scripts" / "tools" / "preview_examples.py"),
                           "--root", str(project), "--site", str(site), "--out", str(out), *changed],
                          cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = preview.load_report((out / preview.REPORT_NAME).read_bytes())
    assert report.check_failed and report.site_built
    good, bad = report.pages
    assert (good.slug, good.ok, good.problems) == ("speeldorp-hut", True, [])
    assert not bad.ok and {p.line for p in bad.problems} >= {2, 8}
    assert any(p.field == "provincie" and "<script>" in p.message for p in bad.problems)
    # The rest of the site is built, without the failing example.
    assert (site / "praktijkvoorbeelden" / "speeldorp-hut" / "index.html").exists()
    assert not (site / "praktijkvoorbeelden" / "dommeldal-hut").exists()
    shots = sorted(p.name for p in out.glob("*.png"))
    assert shots == sorted(preview.shot_name(s, size, scheme) for s in ("speeldorp-hut", "dommeldal-hut")
                           for size in preview.SIZES for scheme in preview.SCHEMES)
    # The failing example's screenshot is the page of its messages: its own style applied (the red bar
    # at the left, so the CSP hash of the style block is right), dark in the dark scheme.
    with Image.open(out / preview.shot_name("dommeldal-hut", "telefoon", "licht")) as shot:
        assert shot.width == 390 and shot.height > 600
        assert shot.convert("RGB").getpixel((19, 60)) == (0xb3, 0x26, 0x1e)
    with Image.open(out / preview.shot_name("dommeldal-hut", "telefoon", "donker")) as shot:
        assert shot.convert("RGB").getpixel((200, 5)) == (0x1e, 0x21, 0x29)
    # What the trusted side makes of it: every screenshot taken over, the problems listed.
    artifact = preview_comment.read_artifact(zipped({p.name: p.read_bytes() for p in out.iterdir()}))
    assert len(artifact.shots) == 8 and not artifact.refused
    text = preview_comment.comment_markdown(artifact, BASE, RUN, SHA)
    assert BASE + preview.shot_name("dommeldal-hut", "telefoon", "licht") in text
    assert "nog niet in orde" in text and "<script" not in text and "@iemand" not in text


def test_prepare_from_a_fork_with_githubs_answers_faked(tmp_path, monkeypatch):
    """The glue of the trusted workflow, with GitHub's API answered here: the
    pull request comes from the API (the event's list is empty for a fork), the
    artifact's own claims about it are ignored, and the files land under
    pr-<N>/run-<id>/ with a comment that points there."""
    shot = "praktijkvoorbeelden_speeldorp-hut-telefoon-licht.png"
    report = preview.PreviewReport(False, True, [
        preview.PageReport("speeldorp-hut", "docs/praktijkvoorbeelden/speeldorp-hut.md", True, [])])
    artifact_zip = zipped({shot: png(), preview.REPORT_NAME: preview.dump_report(report).encode(),
                           "pr-nummer.txt": b"1"})   # what a hostile run might claim: not read
    calls = []

    def fake_api(path, token, method="GET", body=None):
        calls.append(path)
        if path.startswith("/repos/eigenaar/kennisbank/pulls?"):
            assert "head=fork-eigenaar%3Amijn-tak" in path
            return [{"number": 41, "state": "open", "head": {"sha": "1" * 40, "repo": {"full_name": "x/y"}}},
                    {"number": 42, "state": "open", "head": {"sha": SHA,
                                                             "repo": {"full_name": "fork-eigenaar/kennisbank"}}}]
        if path.startswith("/repos/eigenaar/kennisbank/actions/runs/99/artifacts"):
            return {"artifacts": [{"id": 5, "name": "voorbeeld", "expired": False,
                                   "size_in_bytes": len(artifact_zip)}]}
        raise AssertionError(path)

    monkeypatch.setattr(preview_comment, "_api", fake_api)
    monkeypatch.setattr(preview_comment, "_request", lambda url, token, method="GET", body=None, limit=0:
                        artifact_zip if url.endswith("/actions/artifacts/5/zip") else pytest.fail(url))
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"workflow_run": {
        "id": 99, "head_sha": SHA, "head_branch": "mijn-tak", "pull_requests": [],
        "head_repository": {"full_name": "fork-eigenaar/kennisbank", "owner": {"login": "fork-eigenaar"}}}}))
    out = tmp_path / "publish"
    pr = preview_comment.prepare(event, out, "eigenaar/kennisbank", "token", "https://github.com")
    assert pr == 42
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "comment.md", f"pr-42/run-99/{shot}"]
    comment = (out / "comment.md").read_text(encoding="utf-8")
    assert f"https://raw.githubusercontent.com/eigenaar/kennisbank/voorbeelden/pr-42/run-99/{shot}" in comment
    assert "1 bestanden uit de bouwstap zijn niet overgenomen" in comment   # pr-nummer.txt
    assert "https://github.com/eigenaar/kennisbank/actions/runs/99" in comment


def test_one_comment_updated_never_someone_elses(monkeypatch):
    calls = []
    marker = preview_comment.MARKER

    def fake_api(path, token, method="GET", body=None):
        calls.append((method, path, body))
        if method == "GET":
            return [{"id": 1, "user": {"login": "kwaadwillend"}, "body": marker + " nep"},
                    {"id": 2, "user": {"login": "github-actions[bot]"}, "body": "iets anders"},
                    {"id": 3, "user": {"login": "github-actions[bot]"}, "body": marker + "\n## oud"}]
        return {}

    monkeypatch.setattr(preview_comment, "_api", fake_api)
    preview_comment.upsert_comment("eigenaar/kennisbank", 42, "nieuw", "token")
    assert calls[-1] == ("PATCH", "/repos/eigenaar/kennisbank/issues/comments/3", {"body": "nieuw"})
    calls.clear()
    monkeypatch.setattr(preview_comment, "_api", lambda path, token, method="GET", body=None:
                        calls.append((method, path)) or ([] if method == "GET" else {}))
    preview_comment.upsert_comment("eigenaar/kennisbank", 42, "nieuw", "token")
    assert calls[-1] == ("POST", "/repos/eigenaar/kennisbank/issues/42/comments")


def test_artifact_stops_reading_at_the_total_limit(monkeypatch):
    monkeypatch.setattr(preview_comment, "MAX_TOTAL", 3 * len(png(10, 10)))
    artifact = preview_comment.read_artifact(zipped(
        {f"praktijkvoorbeelden_d{i}-telefoon-licht.png": png(10, 10) for i in range(10)}))
    assert len(artifact.shots) == 4 and artifact.refused == ["het artifact bevat meer dan de grens aan bytes"]
