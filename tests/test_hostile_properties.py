"""Issue 17, property-based (hypothesis): generated front matter and bodies
(random Unicode with the refused classes mixed in, YAML structures, deep
nesting, long runs of Markdown punctuation). Every run of the check either
passes or returns Dutch problems with file and line: never an exception,
never a hang (a deadline per example), and never an accepted example whose
fields carry a character the policy forbids. A feed built from accepted text
always parses as XML.

`make test` runs the quick profile; `make test-hostile` runs many more
examples (HYPOTHESIS_PROFILE=long)."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import feedparser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_cases as hc
import issue_to_example
from kinderwerk import unicode_policy as policy
from kinderwerk.examples import check_example, limits
from kinderwerk.examples.hidden import NAME_FIELDS
from kinderwerk.feed import atom_feed
from kinderwerk.page_dates import ExampleDates
from project_copy import ROOT

settings.register_profile("quick", max_examples=40, deadline=3000,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=1500, deadline=3000,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

SRC = hc.NAME.removeprefix("docs/")
VOCAB = issue_to_example._vocabulary(ROOT)

REFUSED = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\ufffe", "\uffff", "\ufdd0", "\U0010fffe", "\ud800",
           "\u202a", "\u202e", "\u2066", "\u2068", "\u2069", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
           "\u00ad", "\u034f", "\u3164", "\ufe0f"]
DUTCH = ["Fryslân", "Ljouwert", "ideeën", "één", "café", "ĳs", "Ĳssel", "👩‍👧", "🎉", "ï", "ë"]
PUNCTUATION = ["![", "[", "]", "(", ")", "<!--", "-->", "<", ">", "*", "_", "`", "> ", "- ", "1. ", "#",
               "&#x202E;", "&", ":", "{", "}", "|", "~", "\\", "\n", "\n\n", "    ", "-8<-"]

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
mixed = st.lists(st.one_of(texts, st.sampled_from(REFUSED), st.sampled_from(DUTCH)), max_size=8).map("".join)
runs = st.lists(st.tuples(st.sampled_from(PUNCTUATION), st.integers(1, 400)), max_size=6).map(
    lambda parts: "".join(p * n for p, n in parts))
yaml_scalars = st.one_of(
    mixed.map(lambda t: json.dumps(t, ensure_ascii=False)),      # double quoted, with escapes
    mixed.map(lambda t: json.dumps(t, ensure_ascii=True)),       # every character as \uXXXX
    st.sampled_from(["&a x", "*a", "!!str x", "!x y", "<<", "[&a a, *a]", "{<<: {a: 1}}", "? a", "@x",
                     "'", '"', "- a", "|", ">", "%", "[" * 30 + "]" * 30, "\\u202E", "\"\\uD800\""]),
    texts.map(lambda t: t.replace("\n", " ")),
)
fields = st.sampled_from(["titel", "samenvatting", "organisatie", "gemeenten", "bron", "periode", "extra"])


def _string_values(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _string_values(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_values(item, path + (key,))


def assert_dutch_or_pass(text: str):
    example, problems = check_example(text, SRC, VOCAB)
    for problem in problems:
        # Only a missing section has no line of its own (it is not there).
        assert problem.file == hc.NAME and (problem.line is not None or "ontbreekt" in problem.message), str(problem)
        assert not re.search(r"Traceback|Error\b|expected|found|could not", problem.message), str(problem)
    if example is not None:
        for name in ("titel", "samenvatting", "organisatie", "gemeenten", "bron", "periode"):
            for _, value in _string_values(getattr(example, name, None)):
                assert policy.forbidden(value) == [], (name, value)
                if (name,) in NAME_FIELDS:
                    assert policy.lookalike_words(value) == [], (name, value)
    return example, problems


@given(field=fields, value=yaml_scalars)
def test_any_front_matter_value_passes_or_gets_dutch_messages(field, value):
    line = f"{field}: [{value}]" if field == "gemeenten" else f"{field}: {value}"
    assert_dutch_or_pass(hc.example({field: line} if field != "extra" else None,
                                    extra_front=line if field == "extra" else ""))


@given(body=st.lists(st.one_of(mixed, runs), min_size=1, max_size=5).map("\n".join))
def test_any_body_passes_or_gets_dutch_messages(body):
    assert_dutch_or_pass(hc.example(sections={"Aanpak": "De speeltuin was open.\n\n" + body}))


@given(depth=st.integers(0, 3000), marker=st.sampled_from(["- ", "> ", "* ", "1. ", "    - ", "> - "]))
def test_nesting_is_bounded_at_any_depth(depth, marker):
    _, problems = assert_dutch_or_pass(hc.example(sections={"Aanpak": marker * depth + "diep"}))
    deep = limits.nesting_depth(marker * depth + "diep") > limits.MAX_DEPTH
    too_long = len(marker * depth) > limits.MAX_LINE_CHARS
    assert deep == any(("diep genest" if not too_long else "te lang") in p.message for p in problems)


@given(text=st.text(max_size=80), char=st.sampled_from(REFUSED), at=st.integers(0, 80))
def test_a_refused_character_is_always_found(text, char, at):
    at = min(at, len(text))
    found = policy.forbidden(text[:at] + char + text[at:])
    assert any(f.index == at and f.char == char for f in found)


@given(title=texts, summary=texts, organisation=texts)
def test_a_feed_of_accepted_text_parses(title, summary, organisation):
    accepted = [t for t in (title, summary, organisation) if not policy.forbidden(t)]
    example = SimpleNamespace(volledige_titel=(accepted or ["x"])[0], samenvatting="".join(accepted),
                              organisatie=accepted[-1] if accepted else "", gecontroleerd=dt.date(2026, 11, 1))
    dates = ExampleDates(published=dt.date(2026, 10, 1), updated=dt.date(2026, 11, 1))
    data = atom_feed([(example, "https://example.org/x/", dates)], "Kennisbank", "https://example.org/")
    feed = ET.fromstring(data)
    assert feed.find("{http://www.w3.org/2005/Atom}entry") is not None
    parsed = feedparser.parse(data)   # what a feed reader does: not well-formed means bozo
    assert not parsed.bozo, parsed.bozo_exception
    assert len(parsed.entries) == 1


OLD_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@given(line=st.text(alphabet="# \tab", max_size=20).map(lambda t: "##" + t))
def test_the_heading_scanner_agrees_with_the_old_regex(line):
    from kinderwerk.examples.source import _heading
    old = OLD_HEADING.match(line)
    assert _heading(line) == (old.group(1).strip() or None if old else None)


@given(text=st.text(alphabet="<!-> a\n", max_size=60))
def test_comment_scanner_agrees_with_the_old_regex(text):
    assert limits.blank_comments(text) == re.sub(
        r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


@given(text=st.lists(st.one_of(mixed, st.sampled_from(["https://x.example", "@octocat", "www.x.nl", "#12", "```",
                                                       "<img src=x>", "ｈｔｔｐ：／／x", "＠a"])),
                     max_size=12).map(" ".join))
def test_the_bot_comment_never_has_a_live_link(text):
    comment = issue_to_example.comment_body(text)
    block = comment.split("```text\n", 1)[1].rsplit("\n```", 1)[0] if "```text" in comment else ""
    assert not re.search(r"(?i)https?:|@|www\.|#\d|<|`", block), block
    assert comment.count("```") in (0, 2)
