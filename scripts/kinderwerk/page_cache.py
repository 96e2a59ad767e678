"""Per-page results that depend only on the page and the code, kept between builds.

A warm build (nothing changed) and a live reload after one edited example
would otherwise parse every page again for the allowlist and the
Content-Security-Policy. Each result is stored under a content key: SHA-256
over the cache's name, the version of the code that computes it (the source
of its modules and the versions of the libraries they call) and the input
itself. A changed page, a changed module or a new library version gives a new
key, so nothing is ever looked up by page name.

Every entry holds its own key and a checksum of its payload; a file whose key
or checksum does not match (truncated, corrupted, copied over another entry)
counts as a miss and is computed afresh. Callers verify what they can against
the page as well (see ``sanitize.check`` and ``csp.inline_parts``) and store
only results that let the build go on: a refused page is checked again every
time. Entries a build did not use are removed at its end (``prune``).

Plain Python, no MkDocs.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from importlib.metadata import version as package_version
from pathlib import Path
from types import ModuleType
from typing import Any


def code_version(modules: list[ModuleType], libraries: tuple[str, ...] = ()) -> str:
    """A hash of the modules' source files, the libraries' installed versions and
    Python's version (its html.parser is part of what computes the results)."""
    digest = hashlib.sha256(sys.version.encode())
    for module in modules:
        source = Path(module.__file__ or "").read_bytes()
        digest.update(len(source).to_bytes(8, "big") + source)
    for library in libraries:
        digest.update(f"{library}=={package_version(library)}\n".encode())
    return digest.hexdigest()


def _checksum(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


class PageCache:
    """One kind of result (``name``), in ``folder/name/<key>.json``."""

    def __init__(self, folder: Path, name: str, version: str):
        self.folder = Path(folder) / name
        self.name = name
        self.version = version
        self.hits = 0
        self.misses = 0
        self.missed: list[str] = []  # labels (page names) of the misses, for the log
        self._used: set[str] = set()

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256()
        for part in (self.name, self.version, *parts):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str, label: str = "") -> Any | None:
        """The payload stored under ``key``, or None (a miss, logged as ``label``)."""
        self._used.add(key)
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if (isinstance(entry, dict) and entry.get("key") == key and entry.get("payload") is not None
                    and entry.get("checksum") == _checksum(entry["payload"])):
                self.hits += 1
                return entry["payload"]
        except (OSError, ValueError):
            pass
        self._miss(label)
        return None

    def _miss(self, label: str) -> None:
        self.misses += 1
        if label:
            self.missed.append(label)

    def rejected(self, label: str = "") -> None:
        """The caller found the last hit does not fit the page: count it as a miss."""
        self.hits -= 1
        self._miss(label)

    def put(self, key: str, payload: Any) -> None:
        """Store ``payload`` (plain JSON data) atomically: a crash never leaves half an entry."""
        self._used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        entry = {"key": key, "checksum": _checksum(payload), "payload": payload}
        handle, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(entry, out)
        os.replace(tmp, self._path(key))

    def reset_counts(self) -> None:
        self.hits = self.misses = 0
        self.missed.clear()
        self._used.clear()

    def prune(self) -> int:
        """Remove the entries this build did not use; how many."""
        if not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.iterdir():
            if path.suffix == ".json" and path.stem not in self._used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def summary(self, shown: int = 5) -> str:
        """'csp 1 opnieuw (docs/a.md), 41 uit de cache': the line tests and the benchmark read."""
        names = ""
        if self.missed:
            more = len(self.missed) - shown
            names = " (" + ", ".join(self.missed[:shown]) + (f" en {more} meer" if more > 0 else "") + ")"
        return f"{self.name} {self.misses} opnieuw{names}, {self.hits} uit de cache"
