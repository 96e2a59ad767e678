"""When each page's source came into the project and when it last changed:
read from git, in one `git log` over the whole history (linear in its size).

Dates are UTC days of the commits on the main line (``--first-parent``): a
practice example merged from a branch counts from the day it landed, not the
day someone started it. Renames are followed, so moving a file keeps its
first date.

No git, a folder that is not the project's own repository, or a shallow
clone (whose oldest commit would look like the day everything was added):
no dates at all, and callers fall back to dates in the files themselves. So
the same commit always gives the same dates, and a copy without history
gives the same dates on every build.
"""
from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileDates:
    added: dt.date
    changed: dt.date


def _git(root: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _own_repository(root: Path) -> bool:
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top.decode("utf-8", "surrogateescape").strip()).resolve() != root.resolve():
        return False
    return _git(root, "rev-parse", "--is-shallow-repository") == b"false\n"


def parse_log(raw: bytes) -> dict[str, FileDates]:
    """The output of ``git log --reverse -z --name-status --format=%x01%ct``
    (oldest commit first) as path -> dates."""
    dates: dict[str, FileDates] = {}
    for chunk in raw.split(b"\x01")[1:]:
        stamp, _, changes = chunk.partition(b"\0")
        day = dt.datetime.fromtimestamp(int(stamp), dt.UTC).date()
        decoded = [t.decode("utf-8", "surrogateescape") for t in changes.lstrip(b"\n").split(b"\0")]
        tokens = iter(t for t in decoded if t)
        for status in tokens:
            if status[:1] in ("R", "C"):
                old, new = next(tokens, ""), next(tokens, "")
                before = dates.pop(old, None) if status[0] == "R" else dates.get(old)
                dates[new] = FileDates(before.added if before else day, day)
                continue
            path = next(tokens, "")
            if status == "D":
                dates.pop(path, None)
            elif path in dates:
                dates[path] = FileDates(dates[path].added, day)
            else:
                dates[path] = FileDates(day, day)
    return dates


def file_dates(root: Path, folder: str = "docs") -> dict[str, FileDates]:
    """Path below ``root`` ('docs/index.md') -> first and last commit day;
    empty when git cannot tell (see the module's docstring)."""
    if not _own_repository(root):
        return {}
    raw = _git(root, "log", "--first-parent", "--reverse", "-M", "-z", "--name-status",
               "--format=%x01%ct", "--", folder)
    return parse_log(raw) if raw else {}
