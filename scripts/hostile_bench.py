"""Hostile input benchmark (issue 17): a script, not a test (these machines are noisy).

    python scripts/hostile_bench.py [--cases NAME ...] [--no-build] [--timeout 120]

Runs `scripts/check.py` and the strict build (`mkdocs build --strict`, warm
chart cache) on a clean copy of the project, then on one copy per case of
``scripts/hostile_cases.py``, and prints per case: seconds, peak memory (of
that process alone) and what happened: refused in Dutch (with the first
message), passed, failed with a traceback, killed at the time limit or out
of memory. For a build that passes, the feed is parsed with an XML parser.
Targets (issue 17): check under 10 s; build under twice the clean build;
memory under the clean build plus 500 MB.

Every run has a time limit and an address-space limit, so a case that hangs
or bloats stops at the limit instead of taking the machine with it.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import CASES, LIMIT_CASES, Case  # noqa: E402
from project_copy import copy_project  # noqa: E402

MEMORY_CAP = 6 * 1024 ** 3   # address space per run; a bloating case stops here


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int | None   # None: killed at the time limit
    output: str

    @property
    def verdict(self) -> str:
        text = self.output
        if self.returncode is None:
            return "vastgelopen (tijdslimiet)"
        if "MemoryError" in text or self.returncode in (-signal.SIGKILL, -signal.SIGSEGV):
            return "geheugen op"
        if "Traceback" in text:
            last = [line for line in text.splitlines() if line.strip()][-1]
            return f"traceback: {last[:90]}"
        if self.returncode == 0:
            return "doorgelaten"
        first = next((line for line in text.splitlines() if line.startswith(("FOUT:", "  - ", "ERROR"))), "")
        return f"geweigerd: {first.strip()[:110]}"


def measure(command: list[str], cwd: Path, timeout: float) -> Run:
    """Run ``command``; its own peak memory from wait4, never longer than ``timeout``."""
    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        os.setsid()

    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    out = tempfile.TemporaryFile(mode="w+")
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                               text=True, preexec_fn=limits)
    returncode, usage = None, None
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            returncode = os.waitstatus_to_exitcode(status)
            break
        if time.perf_counter() - start > timeout:
            os.killpg(process.pid, signal.SIGKILL)
            _, _, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.02)
    process.returncode = returncode if returncode is not None else -9
    seconds = time.perf_counter() - start
    out.seek(0)
    return Run(seconds, usage.ru_maxrss / 1024, returncode, out.read())


def check(project: Path, timeout: float) -> Run:
    return measure([sys.executable, str(project / "scripts" / "check.py")], project, timeout)


def build(project: Path, timeout: float) -> Run:
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    return measure([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], project, timeout)


def feed_verdict(project: Path) -> str:
    feed = project / "site" / "feed.xml"
    if not feed.exists():
        return ""
    try:
        ET.fromstring(feed.read_bytes())
    except ET.ParseError as exc:
        return f"; feed.xml is geen XML ({exc})"
    return "; feed.xml leest"


def prepare(base: Path, target: Path, case: Case) -> Path:
    shutil.copytree(base, target, ignore=shutil.ignore_patterns("site", "__pycache__"))
    for name, text in case.files().items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def row(name: str, run: Run, extra: str = "") -> str:
    return f"  {name:<26} {run.seconds:7.2f} s {run.peak_mb:7.0f} MB  {run.verdict}{extra}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="*", help="only these cases (names from hostile_cases.py)")
    parser.add_argument("--no-build", action="store_true", help="run the check only")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run (default 120)")
    args = parser.parse_args(argv)
    cases = [c for c in CASES + LIMIT_CASES if not args.cases or c.name in args.cases]

    with tempfile.TemporaryDirectory(prefix="kw-hostile-") as tmp:
        base = copy_project(Path(tmp) / "clean")
        print("Kennisbank Kinderwerk: vijandige invoer (issue 17)")
        print(f"  machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, limiet {args.timeout:.0f} s "
              f"en {MEMORY_CAP // 1024 ** 3} GB per run")
        clean_check = check(base, args.timeout)
        print(row("schoon: make check", clean_check))
        clean_build = None
        if not args.no_build:
            build(base, 600)  # draws the charts into .cache; the runs below are warm
            clean_build = build(base, args.timeout)
            print(row("schoon: strikte build", clean_build, feed_verdict(base)))
            shutil.rmtree(base / "site", ignore_errors=True)
            print(f"  doelen: check < 10 s; build < {2 * clean_build.seconds:.1f} s; "
                  f"geheugen < {clean_build.peak_mb + 500:.0f} MB")
        for case in cases:
            project = prepare(base, Path(tmp) / case.name, case)
            print(f"- {case.name} ({case.kind}): {case.what}")
            result = check(project, args.timeout)
            print(row("make check", result))
            if not args.no_build:
                done = build(project, args.timeout)
                print(row("strikte build", done, feed_verdict(project) if done.returncode == 0 else ""))
                if clean_build and done.returncode is not None:
                    within = (done.seconds < 2 * clean_build.seconds
                              and done.peak_mb < clean_build.peak_mb + 500 and result.seconds < 10)
                    print(f"  {'binnen' if within else 'BUITEN'} de grenzen")
            shutil.rmtree(project, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
