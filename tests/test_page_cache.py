"""Warm builds (issue 20, item 5): the per-page caches of the allowlist and the
CSP (kinderwerk.page_cache) and the compiled theme templates
(kinderwerk.template_cache).

Unit tests: an entry is used only under its own key and checksum, a refused
page is never stored, a wrong or tampered entry is recomputed. Build tests
(a copy of the project with its own made-up example in Proefvelde): a warm
build gives the same site/ byte for byte and recomputes nothing; editing that
example recomputes that page only; a change to the code recomputes what that
code computes. Counted from the build's own log line ("kinderwerk-cache: ..."),
never by timing.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jinja2
import pytest

from kinderwerk import csp, page_cache, sanitize
from kinderwerk.page_cache import PageCache, code_version
from kinderwerk.sandbox import PageSandbox
from kinderwerk.template_cache import TemplateCache
from project_copy import copy_project, run_build, write_template_example

GOOD = '<h2 id="aanpak">Aanpak</h2>\n<p>Elke woensdag <a href="../x/">speelden</a> de kinderen.</p>'
BAD = '<p>Hallo <img src="https://host.example/p.png"></p>'
PAGE = ('<!doctype html><html><head><meta charset="utf-8"><script>var a = 1;</script>'
        '<style>p { color: red }</style></head><body><svg><rect style="fill: #123"/></svg>'
        '<article><p>Tekst</p></article></body></html>')


def cache(tmp_path: Path, name: str = "proef", version: str = "1") -> PageCache:
    return PageCache(tmp_path, name, version)


# --- PageCache -----------------------------------------------------------------

def test_entry_is_read_back_under_its_own_key_only(tmp_path):
    store = cache(tmp_path)
    key = store.key("pagina")
    assert store.get(key, "a") is None
    store.put(key, {"x": [1, "twee"]})
    assert store.get(key) == {"x": [1, "twee"]}
    assert store.get(store.key("andere pagina"), "b") is None
    assert (store.hits, store.misses, store.missed) == (1, 2, ["a", "b"])
    # Another version of the code, or another kind of result: another key.
    assert cache(tmp_path, version="2").key("pagina") != key
    assert cache(tmp_path, name="ander").key("pagina") != key


@pytest.mark.parametrize("damage", ["truncated", "other key", "payload changed", "not json", "list", "no payload"])
def test_damaged_or_swapped_entry_is_a_miss(tmp_path, damage):
    store = cache(tmp_path)
    key, other = store.key("pagina"), store.key("andere")
    store.put(key, {"clean": "abc"})
    store.put(other, {"clean": "def"})
    path = store.folder / f"{key}.json"
    entry = json.loads(path.read_text())
    if damage == "truncated":
        path.write_text(path.read_text()[:20])
    elif damage == "other key":  # a valid entry copied over this one
        shutil.copy(store.folder / f"{other}.json", path)
    elif damage == "payload changed":  # checksum no longer fits
        entry["payload"]["clean"] = "xyz"
        path.write_text(json.dumps(entry))
    elif damage == "not json":
        path.write_bytes(b"\xff\xfe\x00")
    elif damage == "list":
        path.write_text("[1, 2]")
    else:
        path.write_text(json.dumps({"key": key, "checksum": page_cache._checksum(None)}))
    assert store.get(key) is None
    assert store.misses == 1


def test_prune_keeps_only_what_this_build_used(tmp_path):
    store = cache(tmp_path)
    for name in ("a", "b", "c"):
        store.put(store.key(name), {"n": name})
    store.reset_counts()
    store.get(store.key("b"))
    assert store.prune() == 2
    assert sorted(p.name for p in store.folder.iterdir()) == [f"{store.key('b')}.json"]


def test_code_version_follows_the_source_and_the_libraries(tmp_path, monkeypatch):
    base = code_version([csp])
    assert code_version([csp, page_cache]) != base
    assert code_version([csp], ("nh3",)) != base
    copy = tmp_path / "csp.py"
    copy.write_text(Path(csp.__file__).read_text() + "\n# een regel erbij\n")
    monkeypatch.setattr(csp, "__file__", str(copy))
    assert code_version([csp]) != base


def test_summary_names_the_pages_that_were_recomputed(tmp_path):
    store = cache(tmp_path, name="csp")
    for number in range(7):
        store.get(store.key(str(number)), f"docs/p{number}.md")
    assert store.summary() == ("csp 7 opnieuw (docs/p0.md, docs/p1.md, docs/p2.md, docs/p3.md, "
                               "docs/p4.md en 2 meer), 0 uit de cache")


# --- Allowlist -------------------------------------------------------------------

def test_allowlist_hit_gives_the_same_report(tmp_path):
    store = cache(tmp_path)
    fresh = sanitize.check(GOOD)
    first, second = sanitize.check(GOOD, store), sanitize.check(GOOD, store)
    assert first.ok and second.ok and fresh.clean == first.clean == second.clean
    assert (store.misses, store.hits) == (1, 1)


def test_refused_page_is_never_stored_and_always_rechecked(tmp_path):
    store = cache(tmp_path)
    for _ in range(2):
        report = sanitize.check(BAD, store)
        assert not report.ok and "andere website" in sanitize.message("docs/x.md", report)
    assert (store.misses, store.hits) == (2, 0)
    assert not store.folder.exists() or not list(store.folder.iterdir())


def test_forged_verdict_for_another_output_is_not_trusted(tmp_path):
    """An entry under the bad page's key whose recorded output is not what
    ammonia makes of the page now: the page is compared afresh and refused."""
    store = cache(tmp_path)
    store.put(store.key(BAD), {"clean": sanitize._digest(sanitize.clean(GOOD))})
    report = sanitize.check(BAD, store, label="docs/x.md")
    assert not report.ok
    assert (store.hits, store.misses, store.missed) == (0, 1, ["docs/x.md"])


def test_published_html_never_comes_from_the_cache(tmp_path):
    """Even a forged 'passed' verdict only skips the comparison: what the page
    publishes is ammonia's output, computed afresh, so the image stays out."""
    store = cache(tmp_path)
    store.put(store.key(BAD), {"clean": sanitize._digest(sanitize.clean(BAD))})
    report = sanitize.check(BAD, store)
    assert "host.example" not in report.clean


# --- CSP ---------------------------------------------------------------------------

def test_policy_from_the_cache_is_the_same(tmp_path):
    store = cache(tmp_path)
    fresh = csp.add_policy(PAGE)
    first = csp.add_policy(PAGE, csp.inline_parts(PAGE, store))
    second = csp.add_policy(PAGE, csp.inline_parts(PAGE, store))
    assert fresh == first == second
    assert (store.misses, store.hits) == (1, 1)
    assert "'unsafe-hashes'" in second and csp.sha256("var a = 1;") in second


def test_cached_hash_of_text_the_page_lacks_is_refused(tmp_path):
    store = cache(tmp_path)
    store.put(store.key(PAGE), {"scripts": ["alert(1)"], "styles": [], "style_attrs": []})
    parts = csp.inline_parts(PAGE, store, label="docs/x.md")
    assert parts.scripts == ["var a = 1;"]
    assert (store.hits, store.misses) == (0, 1)
    assert csp.sha256("alert(1)") not in csp.add_policy(PAGE, parts)


def test_page_with_a_handler_or_article_script_is_never_stored(tmp_path):
    store = cache(tmp_path)
    for page in (PAGE.replace("<p>Tekst", '<p onclick="x()">Tekst'),
                 PAGE.replace("<p>Tekst</p>", "<script>alert(1)</script>")):
        for _ in range(2):
            parts = csp.inline_parts(page, store)
            assert parts.handlers or parts.content_scripts
    assert store.hits == 0 and store.misses == 4


# --- Theme templates -----------------------------------------------------------

def test_compiled_templates_are_reused_only_under_the_same_settings(tmp_path):
    templates = {"pagina.html": "<p>{{ titel }}</p>{# commentaar #}"}

    def env(**options) -> jinja2.Environment:
        result = jinja2.Environment(loader=jinja2.DictLoader(templates), **options)
        result.bytecode_cache = TemplateCache(tmp_path / "sjablonen")
        return result

    first = env().get_template("pagina.html").render(titel="A")
    again = env()
    assert again.get_template("pagina.html").render(titel="A") == first == "<p>A</p>"
    assert (again.bytecode_cache.hits, again.bytecode_cache.misses) == (1, 0)
    # Other delimiters: the same source means something else, so it compiles afresh.
    other = env(comment_start_string="{##", comment_end_string="##}")
    assert other.get_template("pagina.html").render(titel="A") == "<p>A</p>{# commentaar #}"
    assert other.bytecode_cache.misses == 1
    templates["pagina.html"] = "<b>{{ titel }}</b>"  # an edited template compiles afresh
    edited = env()
    assert edited.get_template("pagina.html").render(titel="A") == "<b>A</b>"
    assert edited.bytecode_cache.misses == 1


def test_page_sandbox_reuses_compiled_pages_and_still_checks_calls(tmp_path):
    from jinja2.sandbox import SecurityError

    def macro() -> str:
        return "ruim 90%"

    def sandbox() -> PageSandbox:
        env = PageSandbox([macro], comment_start_string="{##", comment_end_string="##}")
        env.bytecode_cache = TemplateCache(tmp_path / "sjablonen")
        env.globals.update(macro=macro, other=lambda: "geheim")
        return env

    page = "Bijna {{ macro() }} van de kinderwerkers."
    assert sandbox().from_string(page).render() == "Bijna ruim 90% van de kinderwerkers."
    warm = sandbox()
    assert warm.from_string(page).render() == "Bijna ruim 90% van de kinderwerkers."
    assert (warm.bytecode_cache.hits, warm.bytecode_cache.misses) == (1, 0)
    for _ in range(2):  # from the cache too, a call outside the macros is refused
        with pytest.raises(SecurityError):
            warm.from_string("{{ other() }}").render()
    assert warm.bytecode_cache.hits == 2 and warm.bytecode_cache.misses == 1
    assert warm.bytecode_cache.prune() == 0
    assert sandbox().bytecode_cache.prune() == 2  # a build that loaded nothing keeps nothing


# --- Builds ----------------------------------------------------------------------

CACHE_LINE = re.compile(r"(allowlist|csp|sjablonen) (\d+) opnieuw(?: \(([^)]*)\))?, (\d+) uit de cache")


def counts(output: str) -> dict[str, tuple[int, int, str]]:
    """{'csp': (recomputed, from cache, 'names of recomputed pages')} from the build's log."""
    found = {m.group(1): (int(m.group(2)), int(m.group(4)), m.group(3) or "")
             for m in CACHE_LINE.finditer(output)}
    assert set(found) == {"allowlist", "csp", "sjablonen"}, output[-3000:]
    return found


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def warmed(tmp_path_factory):
    """A project copy with its own example, built cold and then warm."""
    tmp = tmp_path_factory.mktemp("warm")
    project = copy_project(tmp / "project")
    example = write_template_example(project)
    cold = run_build(project, tmp / "cold")
    assert cold.returncode == 0, cold.output[-3000:]
    warm = run_build(project, tmp / "warm")
    assert warm.returncode == 0, warm.output[-3000:]
    return project, example, cold, warm


@pytest.fixture
def in_place(warmed):
    """The warmed project at its own path (a moved project has other template
    file names, so Jinja would compile those again), restored afterwards."""
    project, example, _, _ = warmed
    backup = project.parent / "bewaard"
    shutil.copytree(project, backup, ignore=shutil.ignore_patterns("__pycache__"))
    yield project, example
    shutil.rmtree(project)
    backup.rename(project)


def build_with(project: Path, example: Path, paragraph: str, site: Path):
    """Build after adding ``paragraph`` at the end of ``example``."""
    example.write_text(example.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{paragraph}\n",
                       encoding="utf-8")
    return run_build(project, site)


BUILDS = pytest.mark.xdist_group("warm-builds")  # one worker, one warmed project


@BUILDS
def test_warm_build_recomputes_nothing_and_writes_the_same_site(warmed):
    _, _, cold, warm = warmed
    found = counts(warm.output)
    assert all(recomputed == 0 and cached > 0 for recomputed, cached, _ in found.values()), found
    assert counts(cold.output)["csp"][1] == 0  # the cold build really started empty
    cold_files, warm_files = files_of(cold.site), files_of(warm.site)
    assert cold_files.keys() == warm_files.keys()
    assert [name for name in cold_files if cold_files[name] != warm_files[name]] == []


@BUILDS
def test_editing_one_example_recomputes_that_page_only(in_place, tmp_path):
    project, example = in_place
    result = build_with(project, example, "De kinderen bouwden ook een hut.", tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    found = counts(result.output)
    name = f"docs/praktijkvoorbeelden/{example.name}"
    assert found["allowlist"][0] == 1 and found["allowlist"][2] == name, found
    assert found["csp"][0] == 1 and found["csp"][2] == name, found
    assert found["sjablonen"][0] == 0, found
    page = (tmp_path / "site" / "praktijkvoorbeelden" / example.stem / "index.html").read_text()
    assert "bouwden ook een hut" in page


@BUILDS
def test_forbidden_html_in_a_cached_example_is_refused(in_place, tmp_path):
    project, example = in_place
    result = build_with(project, example, '<p style="color:red">Rood</p>', tmp_path / "site")
    assert result.returncode != 0
    assert example.name in result.output and "style" in result.output
    assert not (tmp_path / "site" / "index.html").exists()


@BUILDS
def test_code_change_recomputes_what_that_code_computes(in_place, warmed, tmp_path, monkeypatch):
    project, _ = in_place
    monkeypatch.setenv("PYTHONPATH", str(project / "scripts"))  # the copy's own kinderwerk
    module = project / "scripts" / "kinderwerk" / "csp.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# een nieuwe versie\n", encoding="utf-8")
    template = project / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8") + "{# een nieuwe versie #}\n",
                        encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    found = counts(result.output)
    assert found["csp"][1] == 0 and found["csp"][0] > 1, found   # every page's policy afresh
    assert found["allowlist"][0] == 0, found                     # the allowlist code did not change
    assert found["sjablonen"][0] == 1, found                     # only main.html compiled again
    assert files_of(tmp_path / "site") == files_of(warmed[3].site)


@BUILDS
def test_damaged_cache_is_recomputed_to_the_same_site(in_place, warmed, tmp_path):
    """Entries cut short, swapped with another page's, or rewritten with a
    fitting checksum but a verdict or hashes that do not fit the page: every
    one is recomputed, and the site is the same as before."""
    project, _ = in_place
    entries = sorted((project / ".cache" / "paginas").rglob("*.json"))
    assert len(entries) > 3
    originals = [path.read_text(encoding="utf-8") for path in entries]
    for number, path in enumerate(entries):
        if number % 3 == 0:
            path.write_text(originals[number][:-7], encoding="utf-8")
        elif number % 3 == 1:
            path.write_text(originals[number - 1], encoding="utf-8")
        else:
            entry = json.loads(originals[number])
            if "clean" in entry["payload"]:
                entry["payload"]["clean"] = "0" * 64
            else:
                entry["payload"]["scripts"].append("alert('niet op de pagina')")
            entry["checksum"] = page_cache._checksum(entry["payload"])
            path.write_text(json.dumps(entry), encoding="utf-8")
    for path in (project / ".cache" / "sjablonen").iterdir():
        path.write_bytes(path.read_bytes()[:30])
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    found = counts(result.output)
    assert all(cached == 0 for _, cached, _ in found.values()), found
    assert files_of(tmp_path / "site") == files_of(warmed[3].site)
