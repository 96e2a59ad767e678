"""Issue 17: hostile and odd input. Every case of scripts/dev/hostile_cases.py is
refused in Dutch with file and line, on both routes (pull request: the check
and the build; form: scripts/tools/issue_to_example.py); the YAML loader refuses
anchors, aliases, merge keys, tags and duplicate keys before building
anything; the Unicode policy cannot be got around with YAML escapes, HTML
references, NFKC lookalikes or combining marks; the bot's comment never
carries a live link or mention. Timings are in scripts/dev/hostile_bench.py, not
here. All examples are made up (Kwakkeldam) and written into temporary copies."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import hostile_cases as hc
import issue_to_example
from kinderwerk import unicode_policy as policy
from kinderwerk.examples import check_example, limits
from kinderwerk.examples.frontmatter import read_front_matter
from kinderwerk.examples.source import _heading
from project_copy import ROOT, copy_project, run_build

SRC = hc.NAME.removeprefix("docs/")
ENGLISH = re.compile(r"Traceback|Error|expected|found|mapping|could not|line \d", re.I)


@pytest.fixture(scope="module")
def vocab():
    return issue_to_example._vocabulary(ROOT)


def problems_of(files: dict[str, str], vocab) -> list:
    found = []
    for name, text in files.items():
        _, problems = check_example(text, name.removeprefix("docs/"), vocab)
        found += problems
    return found


@pytest.mark.parametrize("case", hc.CASES, ids=[c.name for c in hc.CASES])
def test_every_hostile_case_is_refused_in_dutch_with_file_and_line(case, vocab):
    problems = problems_of(case.files(), vocab)
    assert problems, f"{case.name} gaat erdoor"
    text = "\n".join(str(p) for p in problems)
    assert any(all(word in str(p) for word in case.expect) for p in problems), text[:1500]
    for problem in problems:
        assert problem.file in case.files() and problem.line is not None, str(problem)
        assert not ENGLISH.search(problem.message), str(problem)


@pytest.mark.parametrize("case", hc.LIMIT_CASES, ids=[c.name for c in hc.LIMIT_CASES])
def test_an_honest_page_just_under_every_limit_passes(case, vocab):
    files = case.files()
    assert len(next(iter(files.values())).encode()) > 0.9 * limits.MAX_PAGE_BYTES
    assert problems_of(files, vocab) == []


def test_limits_are_checked_before_yaml(vocab):
    """A page over the size limit with an alias bomb gets the size message
    only: YAML never ran on it."""
    text = hc.example({"gemeenten": hc.alias_bomb("gemeenten")},
                      sections={"Aanpak": hc.realistic_text(limits.MAX_PAGE_BYTES)})
    _, problems = check_example(text, SRC, vocab)
    assert [p.line for p in problems] == [1] and "te groot" in problems[0].message


def test_all_limits_of_one_file_at_once(vocab):
    body = "\n\n".join(["x" * (limits.MAX_LINE_CHARS + 1), "> " * 20 + "diep",
                        "kinderwerk" * 10, "<!-- open"])
    _, problems = check_example(hc.example(sections={"Aanpak": body}), SRC, vocab)
    messages = " | ".join(p.message for p in problems)
    for part in ("te lang (5.001 tekens", "te diep genest", "te lang woord (100 letters", "<!--"):
        assert part in messages, messages


# --- YAML without surprises --------------------------------------------------------

def front(yaml_text: str):
    return read_front_matter(f"---\n{yaml_text}---\n\n## Aanleiding\n", hc.NAME)


@pytest.mark.parametrize("yaml_text,line,expected", [
    ("titel: a\ngemeenten: [&a Kwakkeldam, *a]\n", 3, "anker (&a)"),
    ("titel: a\nextra: &x [1, 2]\nmeer: *x\n", 4, "verwijzing naar een anker (*x)"),
    ("titel: a\npersonen:\n  - <<: {naam: Els}\n", 4, "samenvoeg-sleutel"),
    ("titel: a\nextra: {<<: {b: 1}}\n", 3, "samenvoeg-sleutel"),
    ("titel: !!python/object/apply:os.system [ls]\n", 2, "YAML-type (!!python/object/apply:os.syste...)"),
    ("titel: !mijn tekst\n", 2, "YAML-type (!mijn)"),
    ("titel: a\ngemeenten: !!seq [Kwakkeldam]\n", 3, "YAML-type"),
    ("titel: a\n? [samengesteld]\n: b\n", 3, "gewoon woord"),
    ("titel: a\nextra: " + "[" * 10 + "]" * 10 + "\n", 3, "te diep genest"),
])
def test_yaml_features_are_refused_before_anything_is_built(yaml_text, line, expected):
    result = front(yaml_text)
    assert result.data is None
    assert any(p.line == line and expected in p.message for p in result.problems), result.problems


@pytest.mark.parametrize("yaml_text,line,key", [
    ("titel: a\ntitel: b\n", 3, "titel"),
    ("titel: a\nextra: 1\nextra: 2\n", 4, "extra"),                                 # unknown field
    ("titel: a\npersonen:\n  - naam: Els\n    naam: Ans\n", 5, "naam"),               # nested
    ("titel: a\nextra: {k: 1, k: 2}\n", 3, "k"),
])
def test_duplicate_keys_at_any_depth_are_refused_with_their_line(yaml_text, line, key):
    result = front(yaml_text)
    assert [(p.line, "twee keer" in p.message) for p in result.problems] == [(line, True)]
    assert key in str(result.problems[0])


def test_an_alias_bomb_costs_nothing():
    """9^9 items if expanded; refused from the events, one message per line."""
    result = front("titel: a\n" + hc.alias_bomb("gemeenten") + "\n")
    assert result.data is None and len(result.problems) == 2
    assert {p.line for p in result.problems} == {3}


def test_quoted_yaml_characters_are_plain_text():
    result = front('titel: "*geen alias* &geen-anker !geen-type <<"\ngemeenten: ["&Kwakkeldam"]\n')
    assert result.problems == []
    assert result.data == {"titel": "*geen alias* &geen-anker !geen-type <<", "gemeenten": ["&Kwakkeldam"]}


# --- The Unicode policy -------------------------------------------------------------

def refused(vocab, **fields) -> list:
    return check_example(hc.example(fields), SRC, vocab)[1]


@pytest.mark.parametrize("line,code", [
    ('titel: "zomerspeeltuin\\u202E met de bibliotheek"', "U+202E"),      # YAML escape
    ('titel: "zomerspeeltuin\\x01 met de bibliotheek"', "U+0001"),
    ('titel: "zomerspeeltuin\\U0000FFFF"', "U+FFFF"),
    ('titel: "zomerspeeltuin\\uD800"', "U+D800"),                          # YAML itself cannot read it
    ("titel: zomerspeeltuin &#x202E;met de bibliotheek", "U+202E"),        # HTML reference
    ("titel: zomerspeeltuin &#8203;met de bibliotheek", "U+200B"),
    ("titel: zomerspeeltuin &ZeroWidthSpace;met", "U+200B"),
    ("titel: zomer\u034fspeeltuin", "U+034F"),                             # combining grapheme joiner
    ("titel: zomer\ufe0fspeeltuin", "U+FE0F"),                             # variation selector after a letter
    ("titel: zomer\u3164speeltuin", "U+3164"),                             # Hangul filler, looks blank
    ("titel: zomerspeeltuin\u2066 met", "U+2066"),
])
def test_refused_characters_cannot_be_smuggled_in(line, code, vocab):
    problems = refused(vocab, titel=line)
    assert any(code in p.message and p.line == 2 for p in problems), problems


@pytest.mark.parametrize("text,code", [
    ("Ook &#x202E;zo.", "U+202E"), ("Ook &#x2067;zo.", "U+2067"), ("Ook \u2060zo.", "U+2060"),
    ("Ook \x1b[31mrood.", "U+001B"), ("Ook \x85zo.", "U+0085"), ("Ook \ufeffzo.", "U+FEFF"),
])
def test_the_body_is_checked_too(text, code, vocab):
    problems = check_example(hc.example(sections={"Tips": text}), SRC, vocab)[1]
    tips = hc.example(sections={"Tips": text}).split("\n").index(f"{text}") + 1
    assert any(code in p.message and p.line == tips for p in problems), problems


@pytest.mark.parametrize("field,line", [
    ("gemeenten: [Kwakkeld\u0430m]", 5),                 # Cyrillic а
    ("gemeenten: [\u041a\u0430\u0441]", 5),              # wholly Cyrillic letters that look Latin: Кас
    ("organisatie: Stichting Speelwerk \u039fost", 4),   # Greek Ο
    ("gemeenten: [\uff2bwakkeldam]", 5),                 # fullwidth Ｋ: NFKC gives K
    ("gemeenten: [\U0001d40awakkeldam]", 5),             # mathematical bold 𝐊
    ("organisatie: Sti\ufb01chting Speelwerk", 4),       # ﬁ ligature
])
def test_lookalike_names_are_flagged(field, line, vocab):
    key = field.split(":")[0]
    problems = refused(vocab, **{key: field})
    assert any(p.line == line and p.field == key and "gewone letters" in p.message for p in problems), problems


def test_real_dutch_frisian_and_emoji_pass(vocab):
    fields = {"gemeenten": "gemeenten: [Leeuwarden]",
              "organisatie": "organisatie: Stifting Bernewurk Ljouwert (Fryslân), ĳsclub Ĳsselmonde",
              "titel": "titel: zomerspeeltuin van 500 m² met ideeën, één café en de ïglo"}
    text = hc.example(fields, sections={"Tips": "- Vier het 🎉 met 👩‍👧 en ❤️, ook in Fryslân: 1️⃣ 🏴󠁧󠁢󠁥󠁮󠁧󠁿."})
    example, problems = check_example(text, SRC, vocab)
    assert problems == [] and "Fryslân" in example.organisatie


def test_decomposed_letters_become_one_form(vocab):
    """'Fryslân' typed as a + combining circumflex is the same town as with â."""
    text = hc.example({"gemeenten": "gemeenten: [Frysla\u0302n]"})
    example, problems = check_example(text, SRC, vocab)
    assert problems == [] and list(example.gemeenten) == [unicodedata.normalize("NFC", "Fryslân")]
    assert list(example.gemeenten) != ["Frysla\u0302n"]


def test_every_class_has_a_dutch_name():
    for char, name in [("\x00", "stuurteken"), ("\ufffe", "niet-teken"), ("\ud800", "surrogaat"),
                       ("\u202e", "richtingsteken"), ("\u200b", "zonder breedte"), ("\u00ad", "opmaakteken")]:
        (finding,) = policy.forbidden(f"a{char}b")
        assert name in finding.message(2) and finding.index == 1


def test_the_fast_path_refuses_exactly_what_the_pattern_refuses():
    """`forbidden` skips the pattern for texts whose characters are all known
    to be allowed. That shortcut asks `_kind`; the pattern must refuse
    exactly the same code points, or the shortcut would let one through."""
    pattern = policy._pattern()
    disagree = [cp for cp in range(0x110000)
                if (policy._kind(cp) is None) != (pattern.fullmatch(chr(cp)) is None)]
    assert disagree == []


def test_an_allowed_character_seen_before_does_not_hide_a_refused_one():
    assert policy.forbidden("Fryslân, café") == []          # both now known to be allowed
    (finding,) = policy.forbidden("Fryslân\u202e café")
    assert finding.char == "\u202e" and finding.index == 7
    assert policy.forbidden("café\u00ad")[0].char == "\u00ad"  # a new refused one among known ones


# --- Linear scanners ---------------------------------------------------------------

OLD_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@pytest.mark.parametrize("line", ["## Tips", "## Tips ##", "##\tAanpak  ", "## C#", "### Kop", "##Tips",
                                  "## Wat het oplevert #", "# Titel", "## a # b ##"])
def test_heading_scanner_matches_the_old_regex(line):
    old = OLD_HEADING.match(line)
    assert _heading(line) == (old.group(1) if old else None)


def test_nesting_depth():
    assert limits.nesting_depth("> > - x") == 3
    assert limits.nesting_depth("        - x") == 3
    assert limits.nesting_depth("1. een") == 1
    assert limits.nesting_depth("-geen lijst") == 0
    assert limits.nesting_depth("2026 was goed") == 0


def test_comments_are_blanked_like_the_old_regex():
    text = "a <!-- b\nc --> d <!-- e --> <!-- f"
    assert limits.blank_comments(text) == re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)),
                                                 text, flags=re.S)
    assert limits.unclosed_comment(text) == text.rindex("<!--")


# --- The routes: make check, the build, the form -----------------------------------

def test_make_check_lists_every_hostile_file_at_once(tmp_path):
    project = copy_project(tmp_path / "project")
    chosen = ["yaml-alias-list", "bidi-in-title", "image-runs-short-lines", "deep-quote"]
    for index, name in enumerate(chosen):
        text = next(iter(hc.by_name(name).files().values()))
        (project / hc.FOLDER / f"kwakkeldam-{index}.md").write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "scripts/tools/check.py"], cwd=project, capture_output=True, text=True,
                          timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in output
    for index, word in enumerate(["anker", "richtingsteken", "te veel tekens [", "te diep genest"]):
        assert re.search(rf"kwakkeldam-{index}\.md, regel \d+.*{re.escape(word)}", output), output[-3000:]


def test_build_refuses_a_control_character_before_the_feed(tmp_path, warm_cache):
    project = copy_project(tmp_path / "project", cache=warm_cache)
    (project / hc.NAME).write_text(next(iter(hc.by_name("control-in-title").files().values())), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "kwakkeldam-speelwerk.md, regel 2" in result.output and "stuurteken" in result.output
    assert not (tmp_path / "site" / "feed.xml").exists()


@pytest.fixture
def form_project(tmp_path) -> Path:
    target = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / ".github", target / ".github")
    return target


def form_body(**changes) -> str:
    from test_issue_to_example import body
    return body(**changes)


@pytest.mark.parametrize("changes,expected", [
    ({"titel": "zomerspeeltuin \u202emet de bibliotheek"}, "richtingsteken"),
    ({"gemeenten": "Kwakkeld\u0430m"}, "Cyrillische"),
    ({"aanpak": "> " * 50 + "diep"}, "te diep genest"),
    ({"aanpak": "Tekst <!-- open"}, "<!--"),
    ({"aanpak": "![" * 300}, "te veel tekens ["),
])
def test_the_form_route_refuses_the_same(changes, expected, form_project):
    with pytest.raises(issue_to_example.Incomplete) as caught:
        issue_to_example.convert(form_body(**changes), form_project)
    assert expected in str(caught.value)


def test_yaml_syntax_in_answers_is_plain_text(form_project):
    """The bot writes the front matter with safe_dump: '&a *a !!tag' in a title stays text."""
    text = issue_to_example.convert(form_body(titel="zomerspeeltuin &a *a !!python/object <<"), form_project).text
    assert "&a *a !!python/object <<" in read_front_matter(text, "x.md").data["titel"]


HOSTILE_ANSWERS = ("bezoek https://phish.example/login en @octocat, zie #1 en www.phish.example "
                   "[klik](https://phish.example) <a href=x> ``` @@org/team \uff20admin")


def test_the_bot_comment_carries_no_live_link_or_mention(form_project, tmp_path):
    source = tmp_path / "body.md"
    source.write_text(form_body(titel="", tips=HOSTILE_ANSWERS, aanpak="![" * 300 + HOSTILE_ANSWERS),
                      encoding="utf-8")
    comment = tmp_path / "comment.md"
    done = subprocess.run([sys.executable, str(form_project / "scripts" / "tools" / "issue_to_example.py"), str(source),
                           "--comment", str(comment)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    text = comment.read_text(encoding="utf-8")
    assert text.startswith(issue_to_example.COMMENT_HEAD) and text.rstrip().endswith(issue_to_example.COMMENT_TAIL)
    block = text.split("```text\n", 1)[1].rsplit("\n```", 1)[0]
    assert "titel" in block                                  # the check's own message
    outside = text.replace(block, "")
    assert outside.count("```") == 2                         # one code block, not broken out of
    for live in ("https://", "http://", "@", "www.", "#1", "<a", "](", "\uff20"):
        assert live not in block, (live, block)
    assert "@" not in outside and "http" not in outside


def test_neutralise_handles_every_trick():
    line = issue_to_example.neutralise("HTTPS://x.example @a ＠b ｈｔｔｐｓ：／／y.example `x` \u202e #5 <b>")
    assert re.search(r"https?:|@|＠|`|#5|<b>|\u202e", line, re.I) is None, line
    assert "[U+202E]" in line
    assert len(issue_to_example.neutralise("x" * 10_000)) < 400
