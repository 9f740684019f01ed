"""The reporting round at scale: 30 owners × 60 targets — every owner's form written, a form sent back
imported, the returns computed and the reminder printed — timed as whole processes beside the floor every
Typer + Rich program pays (`bench/floor.py`), round-robin as `bench/run.py` times the other commands.

    uv run python bench/round.py             # 15 rounds, two or three minutes
    uv run python bench/round.py --rounds 5

The owners are invented names (示例单位01 …) over the shipped plan's first 60 targets, two led and one helped
with by each; the log holds the published figures, and each department's form comes back filled in (invented
figures: this measures time, not Dongguan). Goal: each command well under a second beyond start-up.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from run import RESULTS, WORK, Case, compile_bytecode, environment, run_once, warm  # noqa: E402

OWNERS, TARGETS = 30, 60
GOAL_MS = 500  # beyond the floor: "well under a second"


def workspace(gdz: str, env: dict[str, str]) -> Path:
    """A workspace of 30 owners over 60 targets, the published figures in its log (kept as `base.toml`)."""
    from gdz_targets.domain.model import Kind
    from gdz_targets.store.paths import shipped_plan_path
    from gdz_targets.store.plan_file import load_plan

    place = WORK / "round"
    shutil.rmtree(place, ignore_errors=True)
    place.mkdir(parents=True)
    targets = [
        target.id for target in load_plan(shipped_plan_path()).targets if target.kind is not Kind.CONTEXT
    ]
    targets = targets[:TARGETS]
    lines = ['log = "progress.toml"', "", "[owners]"]
    lines += [f'"示例单位{n + 1:02d}" = ["{targets[2 * n]}", "{targets[2 * n + 1]}"]' for n in range(OWNERS)]
    lines += ["", "[co-owners]"]
    lines += [f'"示例单位{n + 1:02d}" = ["{targets[(2 * n + 2) % TARGETS]}"]' for n in range(OWNERS)]
    (place / "gdz.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    published = ROOT / "data" / "published.csv"
    subprocess.run([gdz, "import", str(published), "--force"], cwd=place, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    shutil.copyfile(place / "progress.toml", place / "base.toml")
    return place


def filled_forms(gdz: str, env: dict[str, str], place: Path) -> list[Path]:
    """Every owner's form, filled in as its department would: a figure, a date and a source in each row."""
    import openpyxl

    command = [gdz, "export", "template", "-o", "forms/", "--lang", "zh"]
    subprocess.run(command, cwd=place, env=env, check=True, stdout=subprocess.DEVNULL)
    filled = place / "filled"
    filled.mkdir()
    for form in sorted((place / "forms").iterdir()):
        book = openpyxl.load_workbook(form)
        sheet = book["填报表"]
        header = {cell.value: cell.column for cell in sheet[6]}
        for row in range(7, sheet.max_row + 1):
            milestone = sheet.cell(row, header["单位"]).value in (None, "")
            sheet.cell(row, header["本期数值"]).value = "未完成" if milestone else 1
            sheet.cell(row, header["数据来源"]).value = "bench"
        book.save(filled / form.name)
    return sorted(filled.iterdir())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    env = environment()
    python = sys.executable
    gdz = str(Path(python).with_name("gdz"))
    if options.setup:  # in a child process: a child inherits its parent's peak RSS, so this one stays small
        filled_forms(gdz, env, workspace(gdz, env))
        return
    rounds = options.rounds
    compile_bytecode(env)
    subprocess.run([python, __file__, "--setup"], check=True)
    place = WORK / "round"
    forms = sorted((place / "filled").iterdir())
    log, base = place / "progress.toml", place / "base.toml"

    def fresh_forms() -> None:
        shutil.rmtree(place / "forms", ignore_errors=True)

    def base_log() -> None:
        shutil.copyfile(base, log)

    # The returns once every form is in: 30 imports onto the base log, then kept as `complete.toml`.
    base_log()
    for form in forms:
        subprocess.run([gdz, "import", str(form)], cwd=place, env=env, check=True, stdout=subprocess.DEVNULL)
    complete = place / "complete.toml"
    shutil.copyfile(log, complete)
    on_complete = ["--ledger", str(complete)]
    cases = [
        Case("floor: Typer + Rich table", [python, str(HERE / "floor.py"), "x"]),
        Case("gdz --version", [gdz, "--version"]),
        Case(f"gdz export template: {len(forms)} forms", [gdz, "export", "template", "-o", "forms/"],
             fresh_forms, place),
        Case("gdz import: one form sent back", [gdz, "import", str(forms[0])], base_log, place),
        Case("gdz returns: none reported", [gdz, "returns", "--ledger", str(base)], None, place),
        Case("gdz returns: all reported", [gdz, "returns", *on_complete], None, place),
        Case("gdz returns --remind", [gdz, "returns", "--remind", "--ledger", str(base)], None, place),
        Case("gdz returns -f json", [gdz, "returns", "-f", "json", *on_complete], None, place),
    ]  # fmt: skip
    warm(cases, env)
    for number in range(rounds):
        print(f"round {number + 1}/{rounds}", end="\r", flush=True)
        for case in cases:
            run_once(case, env)
    print()
    report(cases, rounds)


def report(cases: list[Case], rounds: int) -> None:
    floor = cases[0].median()
    lines = [
        f"Medians of {rounds} rounds, wall time (ms); {OWNERS} owners × {TARGETS} targets. "
        f"Python {sys.version.split()[0]}.",
        "",
        "| command | median ms | middle half ms | beyond the floor ms | peak MiB | goal met |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for case in cases:
        quartiles = statistics.quantiles(case.wall, n=4) if len(case.wall) > 1 else [case.median()] * 3
        beyond = case.median() - floor
        met = "" if case is cases[0] or "--version" in case.name else ("yes" if beyond < GOAL_MS else "NO")
        lines.append(f"| {case.name} | {case.median():.0f} | {quartiles[0]:.0f}–{quartiles[2]:.0f} | "
                     f"{beyond:.0f} | {max(case.rss):.1f} | {met} |")  # fmt: skip
    lines += ["", f"Goal: each round command less than {GOAL_MS} ms beyond the floor (Typer + Rich)."]
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "round.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
