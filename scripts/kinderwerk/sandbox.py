"""A Jinja environment in which a page can call our macros and nothing else.

mkdocs-macros renders pages with a plain Jinja environment, and hands every
page the whole MkDocs config, so a page could reach Python internals
(``{{ lipsum.__globals__['os'] }}``) or call methods that build an unsandboxed
environment. Pages come from pull requests, so we render them with this one:

* attributes starting with ``_`` are refused (Jinja's sandbox);
* only plain data (text, numbers, lists, dicts) has readable attributes;
* the only functions a page may call are the macros we registered.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2.runtime import Context

from collections.abc import Iterable
from typing import Any

from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment, SecurityError

PLAIN_TYPES = (str, int, float, bool, list, tuple, dict, type(None))
# Jinja's defaults that a page has no use for and that leak function objects.
DROPPED_GLOBALS = ("lipsum", "cycler", "joiner", "namespace", "range", "dict")


class PageSandbox(SandboxedEnvironment):
    def __init__(self, allowed_callables: Iterable[Any], **options: Any):
        super().__init__(**options)
        self.allowed_ids = {id(f) for f in allowed_callables}
        for name in DROPPED_GLOBALS:
            self.globals.pop(name, None)

    def allow(self, functions: Iterable[Any]) -> None:
        self.allowed_ids |= {id(f) for f in functions}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        # Reading a key of a dict (page.meta.title) is fine; methods and
        # attributes of other objects are not.
        return isinstance(obj, PLAIN_TYPES) and not callable(value)

    def is_safe_callable(self, obj: Any) -> bool:
        return id(obj) in self.allowed_ids

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if not __self.is_safe_callable(__obj):
            raise SecurityError(
                f"een pagina mag alleen de macro's van deze site aanroepen, niet {__obj!r}")
        return __context.call(__obj, *args, **kwargs)


def sandbox_like(env: Environment, allowed_callables: Iterable[Any]) -> PageSandbox:
    """A PageSandbox with the loader, undefined, delimiters, globals and
    filters of ``env`` (the environment mkdocs-macros built)."""
    options = {
        "loader": env.loader, "undefined": env.undefined,
        "block_start_string": env.block_start_string, "block_end_string": env.block_end_string,
        "variable_start_string": env.variable_start_string, "variable_end_string": env.variable_end_string,
        "comment_start_string": env.comment_start_string, "comment_end_string": env.comment_end_string,
    }
    sandbox = PageSandbox(allowed_callables, **options)
    sandbox.filters.update(env.filters)
    for name, value in env.globals.items():
        if name not in DROPPED_GLOBALS:
            sandbox.globals[name] = value
    return sandbox
