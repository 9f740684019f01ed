"""Benchmarks: gdz against the floor any Typer + Rich program pays, and against itself as the log grows.

    uv run python bench/run.py             # logs of 0 / 1k / 10k / 100k / 1M entries, 25 rounds
    uv run python bench/run.py --quick     # up to 100k entries, 7 rounds

Whole-process wall times, taken round-robin (every command once per round, in a shuffled order) so that a
noisy machine slows every command alike; medians and ratios; peak memory from each process's rusage.
Commands run as an installed tool does: with compiled bytecode (PYTHONDONTWRITEBYTECODE unset), output to
/dev/null, and a warm log cache. Not part of the test suite: it reports, it does not pass or fail.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))

from gdz_targets.store.log_index import cache_path  # noqa: E402
from logs import write_corrected_log, write_log  # noqa: E402

# `--since` in the benchmarks: a quarter before GDZ_TODAY, and as many corrections made after it in the
# corrected logs (a void and the right figure each), at every size alike.
SINCE = "2025-03"
CORRECTIONS = 1_000

# Medians (ms) reported for peers summarising the same number of entries on a 2-core machine (issue #6).
PEERS_100K = {"task summary": 705, "ledger --budget bal": 2907, "hledger bal --budget": 7456,
              "watson report -a": 4794}  # fmt: skip


@dataclass
class Case:
    name: str
    argv: list[str]
    prepare: Callable[[], None] | None = None
    cwd: Path | None = None  # where it runs (a workspace's commands find its gdz.toml from there)
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(self.wall)


def environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GDZ_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed tool runs from compiled bytecode
    env.update(GDZ_HOME=str(WORK / "home"), GDZ_TODAY="2025-06-30", GDZ_USER="bench", NO_COLOR="1")
    env.update(COLUMNS="80", LANG="C.UTF-8")
    return env


def compile_bytecode(env: dict[str, str]) -> None:
    """Compile gdz and its libraries, as an installed tool has them, so that no run pays for it."""
    site = next(Path(sys.prefix).glob("lib/python*/site-packages"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(site), str(ROOT / "src")], env=env,
                   check=False, stdout=subprocess.DEVNULL)  # fmt: skip


def warm(cases: list[Case], env: dict[str, str]) -> None:
    """Run each case once and forget its times: the caches and the file system warm, as in daily use."""
    for case in cases:
        run_once(case, env)
        for measured in (case.wall, case.cpu, case.rss):
            measured.clear()


def run_once(case: Case, env: dict[str, str]) -> None:
    if case.prepare is not None:
        case.prepare()
    started = time.perf_counter()
    process = subprocess.Popen(case.argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               cwd=case.cwd)  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    assert process.stderr is not None
    errors = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{case.name} failed: {' '.join(case.argv)}\n{errors}")
    case.wall.append(elapsed * 1000)
    case.cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
    case.rss.append(usage.ru_maxrss / 1024)  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="up to 100k entries, 7 rounds")
    parser.add_argument("--rounds", type=int, help="rounds of every command (default 25, quick 7)")
    options = parser.parse_args()
    sizes = [0, 1_000, 10_000, 100_000] + ([] if options.quick else [1_000_000])
    rounds = options.rounds or (7 if options.quick else 25)

    env = environment()
    python = sys.executable
    gdz = str(Path(python).with_name("gdz"))
    WORK.mkdir(exist_ok=True)
    print("compiling bytecode, as an installed tool has it ...", flush=True)
    compile_bytecode(env)

    logs: dict[int, Path] = {}
    for size in sizes:
        path = WORK / f"log-{size}.toml"
        if not path.exists():
            print(f"writing a log of {size:,} entries ...", flush=True)
            write_log(path, size)
        logs[size] = path

    def fresh_copy(size: int) -> Path:
        copy = WORK / f"append-{size}.toml"
        shutil.copyfile(logs[size], copy)
        return copy

    def start_empty(path: Path, log: Path | None = None) -> Callable[[], None]:
        """Before each run: no log at `path`, and no cache for `log` (default: `path`)."""
        cache = cache_path(log or path, WORK / "home" / "cache")

        def prepare() -> None:
            path.unlink(missing_ok=True)
            cache.unlink(missing_ok=True)

        return prepare

    cases = [
        Case("floor: Typer + Rich table", [python, str(HERE / "floor.py"), "x"]),
        Case("minimal Typer", [python, str(HERE / "typer_min.py"), "x"]),
        Case("minimal Typer --help", [python, str(HERE / "typer_min.py"), "--help"]),
        Case("gdz --version", [gdz, "--version"]),
        Case("gdz --help", [gdz, "--help"]),
    ]
    cases += [
        Case(f"gdz status @{size:,}", [gdz, "status", "--ledger", str(logs[size])]) for size in sizes if size
    ]
    cases += since_cases(gdz, logs)
    log_sizes = [size for size in sizes if size in (0, 100_000, 1_000_000)]
    for size in log_sizes:
        target = WORK / "append-0.toml" if size == 0 else fresh_copy(size)
        argv = [gdz, "log", "cross-city-total", "1020", "--date", "2024-01-01", "--ledger", str(target)]
        cases.append(Case(f"gdz log @{size:,}", argv, start_empty(target) if size == 0 else None))
    big = 100_000
    for fmt in ("csv", "json"):
        cases.append(Case(f"gdz export status -f {fmt} @{big:,}",
                          [gdz, "export", "status", "-f", fmt, "--ledger", str(logs[big])]))  # fmt: skip

    cases += import_cases(gdz, big, date.fromisoformat(env["GDZ_TODAY"]), start_empty)

    print("warming the caches ...", flush=True)
    warm(cases, env)

    shuffle = random.Random(2023)
    for number in range(rounds):
        print(f"round {number + 1}/{rounds}", end="\r", flush=True)
        order = cases[:]
        shuffle.shuffle(order)
        for case in order:
            run_once(case, env)
    print()

    cold = Case("gdz status @100,000, cache deleted", [gdz, "status", "--ledger", str(logs[big])],
                start_empty(WORK / "nothing", logs[big]))  # fmt: skip
    for _ in range(3):
        run_once(cold, env)

    report(cases, cold, rounds)


Prepare = Callable[[], None]


def since_cases(gdz: str, logs: dict[int, Path]) -> list[Case]:
    """`status --since` on the logs `status` reads, and `status` with and without `--since` on logs of as
    many corrections at every size (written once, beside the others)."""
    cases = []
    for size in [size for size in logs if size in (1_000, 100_000, 1_000_000)]:
        argv = [gdz, "status", "--since", SINCE, "--ledger", str(logs[size])]
        cases.append(Case(f"gdz status --since @{size:,}", argv))
    for size in [size for size in logs if size >= 100_000]:
        path = WORK / f"corrected-{size}.toml"
        if not path.exists():
            print(f"writing a log of {size:,} entries and {CORRECTIONS:,} corrections ...", flush=True)
            write_corrected_log(path, size, CORRECTIONS)
        named = f"@{size:,}, {CORRECTIONS:,} corrections"
        cases.append(Case(f"gdz status {named}", [gdz, "status", "--ledger", str(path)]))
        cases.append(
            Case(f"gdz status --since {named}", [gdz, "status", "--since", SINCE, "--ledger", str(path)])
        )
    return cases


def import_cases(gdz: str, rows: int, today: date, start_empty: Callable[[Path], Prepare]) -> list[Case]:
    """Importing a department's sheet of `rows` rows into an empty log, from CSV and from .xlsx."""
    sheets = {"CSV": WORK / f"import-{rows}.csv", ".xlsx": WORK / f"import-{rows}.xlsx"}
    if not all(path.exists() for path in sheets.values()):
        print(f"writing a sheet of {rows:,} rows to import ...", flush=True)
        # In a child process: a child inherits its parent's peak RSS, so this one must stay small.
        argv = [str(sheets["CSV"]), str(sheets[".xlsx"]), str(rows), today.isoformat()]
        subprocess.run([sys.executable, str(HERE / "logs.py"), *argv], check=True)
    cases = []
    for kind, sheet in sheets.items():
        log = WORK / f"import-{kind.strip('.').lower()}.toml"
        argv = [gdz, "import", str(sheet), "--ledger", str(log)]
        cases.append(Case(f"gdz import {rows:,} rows, {kind}", argv, start_empty(log)))
    return cases


def since_goals(ms: Callable[[str], float], sizes: list[int]) -> list[tuple[str, float, float]]:
    """`--since` costs at most one more pass over the series: flat as the log grows, as `status` is, and from
    1,000 to 1,000,000 entries growing at most twice as much as `status` does (its one pass), on logs without
    corrections and on logs with as many at every size."""
    since = "gdz status --since"
    goals = []
    if 100_000 in sizes:
        flat = ms(f"{since} @100,000") / ms(f"{since} @1,000")
        goals.append(("status --since @100k ≤ 1.25 × status --since @1k", flat, 1.25))
    if 1_000_000 in sizes:
        grew = ms(f"{since} @1,000,000") / ms(f"{since} @1,000")
        goals.append(("status --since @1M < 2 × status --since @1k", grew, 2.0))
        grown = ms(f"{since} @1,000,000") - ms(f"{since} @1,000")
        status_grown = ms("gdz status @1,000,000") - ms("gdz status @1,000")
        goals.append(("status --since, @1k → @1M: growth ≤ 2 × status's", grown / max(status_grown, 1), 2.0))
        corrected = f"{CORRECTIONS:,} corrections"

        def growth(command: str) -> float:
            return ms(f"{command} @1,000,000, {corrected}") - ms(f"{command} @100,000, {corrected}")

        ratio = growth(since) / max(growth("gdz status"), 1.0)
        goals.append((f"status --since, {corrected}, @100k → @1M: growth ≤ 2 × status's", ratio, 2.0))
    return goals


def report(cases: list[Case], cold: Case, rounds: int) -> None:
    by_name = {case.name: case for case in cases}

    def ms(name: str) -> float:
        return by_name[name].median()

    lines = [
        f"Medians of {rounds} interleaved rounds, wall time (ms); peak RSS (MiB). "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}.",
        "",
        "| command | median ms | middle half ms | CPU ms | peak MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for case in [*cases, cold]:
        quartiles = statistics.quantiles(case.wall, n=4) if len(case.wall) > 1 else [case.median()] * 3
        lines.append(f"| {case.name} | {case.median():.0f} | {quartiles[0]:.0f}–{quartiles[2]:.0f} | "
                     f"{statistics.median(case.cpu):.0f} | {max(case.rss):.1f} |")  # fmt: skip
    goals_abs: list[tuple[str, str, str, bool]] = []
    goals = [
        ("status @1k ≤ 1.15 × floor", ms("gdz status @1,000") / ms("floor: Typer + Rich table"), 1.15),
        ("status @100k ≤ 1.25 × status @1k", ms("gdz status @100,000") / ms("gdz status @1,000"), 1.25),
        ("log @100k ≤ 1.1 × log @0", ms("gdz log @100,000") / ms("gdz log @0"), 1.10),
        ("--version ≤ minimal Typer", ms("gdz --version") / ms("minimal Typer"), 1.0),
        ("--help ≤ minimal Typer --help", ms("gdz --help") / ms("minimal Typer --help"), 1.0),
    ]
    if "gdz status @1,000,000" in by_name:
        goals += [
            ("status @1M < 2 × status @1k", ms("gdz status @1,000,000") / ms("gdz status @1,000"), 2.0),
            ("log @1M < 2 × log @0", ms("gdz log @1,000,000") / ms("gdz log @0"), 2.0),
        ]
    goals += since_goals(ms, [size for size in (100_000, 1_000_000) if f"gdz status @{size:,}" in by_name])
    for kind in ("CSV", ".xlsx"):
        seconds = ms(f"gdz import 100,000 rows, {kind}") / 1000
        lines_goal = f"import 100,000 rows from {kind} < 10 s"
        goals_abs.append((lines_goal, f"{seconds:.1f} s", "10 s", seconds < 10))
    rss = max(by_name["gdz status @100,000"].rss)
    fastest_peer = min(PEERS_100K.values())
    lines += ["", "| goal | measured | limit | met |", "|---|---:|---:|---|"]
    for name, ratio, limit in goals:
        lines.append(f"| {name} | {ratio:.2f}× | {limit:.2f}× | {'yes' if ratio <= limit else 'NO'} |")
    lines.append(f"| peak memory, status @100k | {rss:.1f} MiB | 80 MiB | {'yes' if rss < 80 else 'NO'} |")
    status_100k = ms("gdz status @100,000")
    beats = "yes" if status_100k < fastest_peer else "NO"
    lines.append(f"| status @100k beats every peer (fastest: task summary, {fastest_peer} ms) | "
                 f"{status_100k:.0f} ms | {fastest_peer} ms | {beats} |")  # fmt: skip
    for name, shown, limit_text, met in goals_abs:
        lines.append(f"| {name} | {shown} | {limit_text} | {'yes' if met else 'NO'} |")
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    print(f"written to {RESULTS / 'latest.md'}")


if __name__ == "__main__":
    main()
