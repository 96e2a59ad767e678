"""Compiled templates, kept between builds (Jinja's bytecode cache).

Every build compiles Material's templates and ours (overrides/) from source
again, and mkdocs-macros compiles every page as a template; compiling is most
of the time spent in Jinja on a warm build. The page sandbox
(``kinderwerk.sandbox``) uses the same cache for pages. Jinja can
keep the compiled code in a folder; it checks the Python and Jinja bytecode
version and a hash of the template's source before using an entry, and
compiles afresh on any mismatch (here also on an entry cut short). Jinja does not include the environment's
settings (delimiters, extensions, autoescaping) in its key, so this cache adds
them: the same source under other settings compiles to other code.

The folder holds Python code objects, like ``__pycache__``: it is trusted as
the working tree is (it is never restored from elsewhere; CI starts without
it). Plain Python and Jinja, no MkDocs.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache


def settings_of(env: Environment) -> str:
    """Everything about ``env`` that changes the code a template compiles to."""
    autoescape: object = env.autoescape
    if callable(autoescape):
        autoescape = f"{getattr(autoescape, '__module__', '')}.{getattr(autoescape, '__qualname__', '')}"
    return repr((
        jinja2.__version__, type(env).__module__, type(env).__qualname__,
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
        env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async, autoescape,
        sorted(env.extensions), env.code_generator_class.__qualname__,
        getattr(env.finalize, "__qualname__", env.finalize),
        # The sandbox compiles these operators to calls it can check.
        sorted(getattr(env, "intercepted_binops", ())), sorted(getattr(env, "intercepted_unops", ())),
    ))


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, keyed on the settings too, counting what it compiled."""

    def __init__(self, folder: Path):
        Path(folder).mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder), "%s.jinja")
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0
        self._used: set[str] = set()

    def get_bucket(self, environment: Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        key = hashlib.sha256(repr((settings_of(environment), name, filename)).encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self._used.add(key)
        self.load_bytecode(bucket)
        if bucket.code is None:
            self.misses += 1
        else:
            self.hits += 1
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        # Jinja resets a bucket on a wrong header or checksum, but a file cut
        # short inside the checksum raises: treat any unreadable entry as absent.
        try:
            super().load_bytecode(bucket)
        except (EOFError, pickle.UnpicklingError, ValueError, TypeError, OSError):
            bucket.reset()

    def prune(self) -> int:
        """Remove what this build did not load (old versions of edited pages); how many."""
        removed = 0
        for path in self.folder.glob("*.jinja"):
            if path.name.removesuffix(".jinja") not in self._used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def summary(self) -> str:
        return f"sjablonen {self.misses} opnieuw, {self.hits} uit de cache"
