"""`gdz check`: every problem in the plan and the log, and the one repair gdz makes (a torn last record)."""

from __future__ import annotations

from dataclasses import dataclass, field

from gdz_targets.domain.errors import DataError, Message, Problem, msg
from gdz_targets.domain.model import Plan
from gdz_targets.domain.rules import check_records, records_summary
from gdz_targets.store.files import read_bytes
from gdz_targets.store.log_file import repair_torn
from gdz_targets.store.plan_file import load_plan
from gdz_targets.store.records import scan

from .session import Session


@dataclass
class CheckOutcome:
    """Every problem found, and what else there is to say (what was checked, what was repaired)."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


def run_check(session: Session, repair: bool = False) -> CheckOutcome:
    """Validate the plan file and the log file themselves (never their caches); `repair` a torn last
    record."""
    plan_path, log_path = session.plan_location().path, session.log_location().path
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
    found = [*result.records, *([result.unterminated] if result.unterminated else [])]
    records = [(line, record) for _, line, record in found]
    if plan is not None:
        outcome.problems += check_records(plan, records, str(log_path))
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
    entries, voids = records_summary(records)
    outcome.notes.append(msg("check.log_summary", path=str(log_path), entries=entries, voids=voids))
    return outcome
