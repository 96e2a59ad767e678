"""Pages are templates anyone may propose: they reach our macros, nothing else."""
from __future__ import annotations

import pytest
from jinja2 import Environment, StrictUndefined
from jinja2.exceptions import SecurityError, UndefinedError

from kinderwerk.sandbox import sandbox_like
from project_copy import run_build


def macro(x):
    return f"<{x}>"


@pytest.fixture
def sandbox():
    env = Environment(undefined=StrictUndefined)
    env.globals["macro"] = macro
    return sandbox_like(env, [macro])


def test_macros_and_filters_still_work(sandbox):
    out = sandbox.from_string('{{ macro("a") }} {{ "x"|upper }} {{ page.meta.t }}').render(
        page={"meta": {"t": "T"}})
    assert out == "<a> X T"


@pytest.mark.parametrize("payload", [
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ macro.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ config.theme.get_env() }}",
    "{{ '{0.__class__}'.format(1) }}",
    "{{ self._TemplateReference__context }}",
])
def test_python_internals_are_out_of_reach(sandbox, payload):
    class Theme:  # stands in for MkDocs' config object
        def get_env(self):
            return Environment()
    with pytest.raises((SecurityError, UndefinedError)):
        sandbox.from_string(payload).render(config={"theme": Theme()})


@pytest.mark.parametrize("payload", [
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ config.theme.get_env().from_string('x').render() }}",
])
def test_build_fails_and_runs_nothing(project_copy, tmp_path, payload):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{payload}\n", encoding="utf-8")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "index.md" in result.output
    assert "unsafe" in result.output or "undefined" in result.output or "macro's" in result.output
    assert "uid=" not in result.output  # `id` never ran
    assert not (tmp_path / "out" / "index.html").exists()
