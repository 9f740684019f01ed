"""Mutation testing of the score and status rules: do the tests notice when a rule is changed?

mutmut (configured under [tool.mutmut] in pyproject.toml) changes the status and score module and the exact
arithmetic one operator, constant or condition at a time, and runs the tests of those rules against each
change; a change no test notices "survives". Run on a copy of the checkout, so the working tree is never
touched; with --work DIR the copy is kept, and a second run re-tests only what changed. About seven minutes
on two cores; not part of CI for that reason (README, Development).

    uv run python bench/mutation.py            # prints the share of mutants killed; exit 1 below the goal
    uv run python bench/mutation.py --work /tmp/gdz-mutants --survivors
"""

from __future__ import annotations

# The mutants that survive the latest run (807 of 818 killed) all behave exactly like the code they change:
# - exact.quotient: `denominator < 0` as `<= 0` or `< 1` differs only at 0, where both divide by 0 and raise;
#   the overflow sign `numerator > 0` as `>= 0` or `> 1`: a numerator of 0 or 1 never overflows.
# - exact.at_scale: `exponent < 0` as `<= 0` or `< 1`: at exponent 0 both branches divide by 10**0 = 1.
# - status.pace: `or` as `and` in the early return differs only for targets the plan's reader refuses (a
#   numeric one without a target, a milestone with one); starting a pace from a plan figure starts it on the
#   same day, which returns the same way; `needed` after the deadline is None already (days left < 0);
#   `remaining > 0` as `>= 0`: remaining is 0 only when the figure is the target, handled just before.
# - status.achieved_since: the first `since` is always overwritten by the current figure itself.
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTMUT = "mutmut==3.8.1"
GOAL = 0.95  # of the mutants, the share the tests must kill
COPIED = ("src", "tests", "data", "pyproject.toml", "uv.lock", "README.md")


def copy_checkout(work: Path) -> None:
    """The files the tests need, copied over what an earlier run left (mutmut's results are kept)."""
    for name in COPIED:
        source, target = ROOT / name, work / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)


def run(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["uv", "run", "--quiet", "--with", MUTMUT, "mutmut", *args], cwd=work, text=True,
                          capture_output=True, check=False)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="keep the copy here (a second run is incremental)")
    parser.add_argument("--survivors", action="store_true", help="list the mutants no test killed")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="gdz-mutants-"))
    work.mkdir(parents=True, exist_ok=True)
    copy_checkout(work)
    done = run(work, "run")
    if done.returncode not in (0, 1):  # mutmut's own failure (the tests fail without any mutant, say)
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        return 2
    run(work, "export-cicd-stats")
    stats = json.loads((work / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
    killed, total = stats["killed"] + stats["timeout"], stats["total"]
    share = killed / total if total else 0.0
    print(f"mutation run: {killed} of {total} mutants killed ({share:.1%}); goal {GOAL:.0%}")
    if options.survivors:
        print(run(work, "results").stdout, end="")
    if options.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if share >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
