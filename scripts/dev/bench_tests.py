"""How long the whole test suite takes, before and after a change, side by side
(a script, not a test: these machines are noisy).

    python scripts/dev/bench_tests.py [--before a23993b] [--after HEAD] [--rounds 1] [--together] [--workdir DIR]

Clones each commit of this repository (committed work only) into its own
folder with ../shared beside it, installs it there with `make install`
(untimed), then runs `make test` in the two clones one after the other,
alternating for ``--rounds`` rounds, and prints the wall time of every run,
the median per commit and the ratio (issue 20's target: before / after >= 2).
``--together`` starts the two runs of a round at the same moment instead, for
a machine whose load changes faster than one run lasts (each run then also
slows the other).
A run that fails is reported, and the script exits 1.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def clone(commit: str, folder: Path) -> Path:
    """A clean clone of ``commit`` in folder/<name>, with folder/shared -> ../shared."""
    project = folder / ROOT.name
    if not project.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(project)], check=True)
    subprocess.run(["git", "checkout", "--quiet", "--force", commit], cwd=project, check=True)
    shared = ROOT.parent / "shared"
    if shared.is_dir() and not (folder / "shared").exists():
        (folder / "shared").symlink_to(shared)
    return project


def clean_env() -> dict[str, str]:
    """This shell's environment without what would change a pytest run."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith(("PYTEST", "KINDERWERK_", "COV_", "COVERAGE_", "VIRTUAL_ENV"))}


def make_test(projects: dict[str, Path], logs: dict[str, Path]) -> dict[str, tuple[float, int]]:
    """`make test` in each project, all started at once: (seconds, exit code) each."""
    started, running = time.monotonic(), {}
    for label, project in projects.items():
        out = open(logs[label], "w")  # noqa: SIM115 -- closed when the run ends, below
        running[label] = (subprocess.Popen(["make", "test"], cwd=project, env=clean_env(), stdout=out,
                                           stderr=subprocess.STDOUT), out)
    ended = {}
    while running:
        for label, (process, out) in list(running.items()):
            if process.poll() is not None:
                ended[label] = (time.monotonic() - started, process.returncode)
                out.close()
                del running[label]
        time.sleep(0.5)
    return ended


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="a23993b", help="commit before the change (default: a23993b)")
    parser.add_argument("--after", default="HEAD", help="commit after the change (default: HEAD)")
    parser.add_argument("--rounds", type=int, default=1, help="alternating pairs of runs (default: 1)")
    parser.add_argument("--together", action="store_true", help="run before and after at the same time")
    parser.add_argument("--workdir", type=Path, help="keep the clones and logs here (reused next time)")
    args = parser.parse_args()
    commits = {"before": git("rev-parse", "--short", args.before), "after": git("rev-parse", "--short", args.after)}
    with tempfile.TemporaryDirectory(prefix="kinderwerk-bench-tests-") as tmp:
        work = args.workdir or Path(tmp)
        projects = {}
        for label, commit in commits.items():
            projects[label] = clone(commit, work / label)
            subprocess.run(["make", "install"], cwd=projects[label], env=clean_env(), check=True,
                           stdout=subprocess.DEVNULL)
        times: dict[str, list[float]] = {label: [] for label in commits}
        failed = []
        print(f"Kennisbank Kinderwerk: `make test`, before {commits['before']} and after {commits['after']}")
        print(f"  machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at the start; "
              + ("both runs of a round at the same time" if args.together else "one run after the other"))
        for round_ in range(1, args.rounds + 1):
            groups = [list(commits)] if args.together else [[label] for label in commits]
            for group in groups:
                ended = make_test({label: projects[label] for label in group},
                                  {label: work / f"{label}-{round_}.log" for label in group})
                for label in group:
                    seconds, returncode = ended[label]
                    times[label].append(seconds)
                    log = work / f"{label}-{round_}.log"
                    status = "passed" if returncode == 0 else f"FAILED (exit {returncode})"
                    print(f"  round {round_} {label:6} {commits[label]}: {seconds:7.1f} s  {status}"
                          f"  (load {os.getloadavg()[0]:.1f})", flush=True)
                    if returncode:
                        failed.append(label)
                        print("    " + "\n    ".join(log.read_text(errors="replace").splitlines()[-15:]))
        before, after = statistics.median(times["before"]), statistics.median(times["after"])
        print(f"  median before: {before:7.1f} s")
        print(f"  median after:  {after:7.1f} s")
        print(f"  before / after: {before / after:.2f}x (target >= 2)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
