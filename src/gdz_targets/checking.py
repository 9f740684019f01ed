"""`gdz check`: every problem in the plan and the log, and the one repair gdz makes (a torn last record)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_records, records_summary
from .errors import DataError, Message, Problem, msg
from .i18n import render, render_problem
from .ledger import read_bytes, repair_torn, scan
from .model import Plan
from .plan import load_plan


@dataclass
class CheckOutcome:
    problems: list[Problem] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)

    def lines(self, lang: str) -> list[str]:
        lines = [render_problem(problem, lang) for problem in self.problems]
        lines += [render(note, lang) for note in self.notes]
        if self.problems:
            lines.append(render(msg("check.failed", count=len(self.problems)), lang))
        return lines


def run_check(plan_path: Path, log_path: Path, repair: bool) -> CheckOutcome:
    outcome = CheckOutcome()
    plan: Plan | None = None
    try:
        plan = load_plan(plan_path)
    except DataError as error:
        outcome.problems += error.problems or [Problem(str(plan_path), error.message)]
    else:
        outcome.notes.append(
            msg("check.plan_ok", path=str(plan_path), count=len(plan.targets), areas=len(plan.areas))
        )
    if not log_path.exists():
        outcome.notes.append(msg("check.no_log", path=str(log_path)))
        return outcome
    result = scan(read_bytes(log_path), str(log_path))
    outcome.problems += result.problems
    if plan is not None:
        outcome.problems += check_records(plan, result, str(log_path))
    if result.torn is not None:
        if repair:
            side = repair_torn(log_path)
            if side is not None:
                outcome.notes.append(msg("check.repaired", line=result.torn.line, side=str(side)))
        else:
            outcome.problems.append(
                Problem(
                    result.torn.path, msg("log.incomplete_repair", line=result.torn.line), result.torn.line, 1
                )
            )
    outcome.problems.sort(key=lambda problem: (problem.path != str(plan_path), problem.line or 0))
    entries, voids = records_summary(result.records)
    outcome.notes.append(msg("check.log_summary", path=str(log_path), entries=entries, voids=voids))
    return outcome
