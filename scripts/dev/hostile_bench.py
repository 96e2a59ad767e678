"""Hostile input benchmark (issue 17): a script, not a test (these machines are noisy).

    python scripts/dev/hostile_bench.py [--against REF] [--cases NAME ...] [--build passed|all|none]
                                    [--timeout 60]

Runs `scripts/tools/check.py` and the strict build (`mkdocs build --strict`, warm
chart cache) on a clean copy of the project, then on one copy per case of
``scripts/dev/hostile_cases.py``, and prints per case: seconds, peak memory (of
that process alone) and what happened: refused in Dutch (with the first
message), passed, failed with a traceback, killed at the time limit or out
of memory. For a build that passes, the feed is parsed with an XML parser.

``--against REF`` (for example ``a23993b``, main before issue 17) runs every
case on that commit too (from ``git archive``), side by side: "voor" is REF,
"na" is this worktree. By default the build runs only when the check passed,
as CI does (`make check`, then `make build`); ``--build all`` builds always.

Targets (issue 17): check under 10 s; build under twice the clean build
(compared in CPU seconds, which a shared machine disturbs far less than wall
time; both are printed); memory under the clean build plus 500 MB. Every run has a time limit and an
address-space limit, so a case that hangs or bloats stops at the limit
instead of taking the machine with it.
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from hostile_cases import CASES, LIMIT_CASES, Case
from project_copy import PARTS, ROOT, copy_project

MEMORY_CAP = 4 * 1024 ** 3   # address space per run; a bloating case stops here


@dataclass
class Run:
    seconds: float
    cpu: float               # user + system seconds of the process and its children: steadier under load
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
            return f"traceback: {last[:70]}"
        if self.returncode == 0:
            return "doorgelaten"
        first = next((line for line in text.splitlines()
                      if line.startswith(("FOUT:", "  - ", "ERROR"))), "")
        first = first.strip().removeprefix("FOUT: ").removeprefix("- ")
        first = first.split(": ", 1)[-1] if "docs/" in first else first
        return f"geweigerd: {first[:70]}"

    @property
    def passed(self) -> bool:
        return self.returncode == 0


def measure(command: list[str], cwd: Path, timeout: float) -> Run:
    """Run ``command``; its own peak memory from wait4, never longer than ``timeout``."""
    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        os.setsid()

    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    out = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 -- read and closed after the process ends
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
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, returncode, out.read())


def check(project: Path, timeout: float) -> Run:
    return measure([sys.executable, str(project / "scripts" / "tools" / "check.py")], project, timeout)


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


def export(ref: str, target: Path) -> Path:
    """The project at commit ``ref``, from git archive (what copy_project copies)."""
    data = subprocess.run(["git", "archive", "--format=tar", ref, *PARTS], cwd=ROOT, check=True,
                          capture_output=True).stdout
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return target


def prepare(base: Path, target: Path, case: Case) -> Path:
    shutil.copytree(base, target, ignore=shutil.ignore_patterns("site", "__pycache__"))
    for name, text in case.files().items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def row(label: str, run: Run | None, extra: str = "", checked: Run | None = None) -> str:
    if run is None:
        why = "de check liep vast" if checked and checked.returncode is None else "de check weigerde"
        return f"    {label:<18} (niet gebouwd: {why}; CI bouwt dan niet)"
    return (f"    {label:<18} {run.seconds:6.2f} s ({run.cpu:5.2f} s cpu) {run.peak_mb:5.0f} MB  "
            f"{run.verdict}{extra}")


@dataclass
class Side:
    label: str
    base: Path
    clean_build: Run | None = None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REF", help="also run every case on this commit (voor)")
    parser.add_argument("--cases", nargs="*", help="only these cases (names from hostile_cases.py)")
    parser.add_argument("--build", choices=("passed", "all", "none"), default="passed",
                        help="when to run the strict build (default: when the check passed)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run (default 60)")
    args = parser.parse_args(argv)
    cases = [c for c in CASES + LIMIT_CASES if not args.cases or c.name in args.cases]

    with tempfile.TemporaryDirectory(prefix="kw-hostile-") as tmp:
        sides = []
        if args.against:
            sides.append(Side(f"voor ({args.against})", export(args.against, Path(tmp) / "before")))
        sides.append(Side("na (deze tak)" if args.against else "deze tak", copy_project(Path(tmp) / "after")))
        print("Kennisbank Kinderwerk: vijandige invoer (issue 17)")
        print(f"  machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; limiet {args.timeout:.0f} s "
              f"en {MEMORY_CAP // 1024 ** 3} GB per run")
        for side in sides:
            clean = check(side.base, args.timeout)
            print(row(f"{side.label}: schone check", clean))
            if args.build != "none":
                build(side.base, 900)  # draws the charts into .cache; the runs below are warm
                side.clean_build = build(side.base, 900)
                print(row(f"{side.label}: schone build", side.clean_build, feed_verdict(side.base)))
                shutil.rmtree(side.base / "site", ignore_errors=True)
        clean_build = sides[-1].clean_build
        if clean_build:
            print(f"  doelen: check < 10 s; build < {2 * clean_build.cpu:.1f} s cpu (2x schoon, in cpu-tijd: "
                  f"de machine is gedeeld); "
                  f"geheugen < {clean_build.peak_mb + 500:.0f} MB (schoon + 500 MB)")
        for case in cases:
            print(f"- {case.name} ({case.kind}): {case.what}")
            for side in sides:
                project = prepare(side.base, Path(tmp) / f"{case.name}-{len(side.label)}", case)
                result = check(project, args.timeout)
                print(row(f"{side.label.split()[0]}: check", result))
                done = None
                if args.build == "all" or (args.build == "passed" and result.passed):
                    done = build(project, args.timeout)
                if args.build != "none":
                    print(row(f"{side.label.split()[0]}: build", done,
                              feed_verdict(project) if done and done.passed else "", checked=result))
                if side is sides[-1]:
                    bounded = result.seconds < 10 and result.returncode is not None and (
                        done is None or (side.clean_build is not None and done.returncode is not None
                                         and done.cpu < 2 * side.clean_build.cpu
                                         and done.peak_mb < side.clean_build.peak_mb + 500))
                    wanted = (not result.passed) if case.must_refuse else (result.passed and
                                                                           (done is None or done.passed))
                    print(f"    => {'binnen de grenzen' if bounded else 'BUITEN DE GRENZEN'}, "
                          f"{'zoals bedoeld' if wanted else 'NIET ZOALS BEDOELD'}")
                shutil.rmtree(project, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
