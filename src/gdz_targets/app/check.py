"""`gdz check`: every problem in the plan and the log, and the repairs gdz makes: a torn end of the log moved
aside, and copies of one figure logged under two ids voided."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from gdz_targets.domain.errors import DataError, Message, Problem, Words, msg
from gdz_targets.domain.model import Entry, Plan, Void
from gdz_targets.domain.rules import check_records, records_summary, same_figures
from gdz_targets.store.files import read_bytes
from gdz_targets.store.log_file import repair_torn
from gdz_targets.store.plan_file import load_plan
from gdz_targets.store.records import scan

from .session import Session


@dataclass
class CheckOutcome:
    """Every problem found, and what else there is to say (what was checked, what was repaired)."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # worth knowing, but nothing is wrong
    notes: list[Message] = field(default_factory=list)
    repaired: bool = False  # whether the log was written to (a torn end moved aside, copies voided)


def run_check(session: Session, repair: bool = False) -> CheckOutcome:
    """Validate the plan file and the log file themselves (never their caches); `repair` moves a torn end
    of the log aside and voids the copies of figures logged twice."""
    plan_path, log_path = session.plan_location().path, session.log_location().path
    outcome = CheckOutcome()
    plan: Plan | None = None
    try:
        plan = load_plan(plan_path, strict=True)  # read once where it is sound, as it usually is
    except DataError as strict:
        try:  # what loads but misleads is said, while the log is still checked against the plan that loads
            plan = load_plan(plan_path)
            error = strict
        except DataError as refused:
            error = refused
        outcome.problems += error.problems or [Problem(str(plan_path), error.message)]
    if plan is not None:
        outcome.notes.append(
            msg("check.plan_ok", path=str(plan_path), count=len(plan.targets), areas=len(plan.areas))
        )
        _check_owners(session, plan, outcome)
    if not os.path.lexists(log_path):  # a broken link or a loop of links is read, and says what it is
        outcome.notes.append(msg("check.no_log", path=str(log_path)))
        return outcome
    result = scan(read_bytes(log_path), str(log_path))
    outcome.problems += result.problems
    found = [*result.records, *([result.unterminated] if result.unterminated else [])]
    records = [(line, record) for _, line, record in found]
    if plan is not None:
        outcome.problems += check_records(plan, records, str(log_path))
    outcome.warnings += result.unclosed  # rows that never count: said, nothing to repair
    if result.torn is not None:
        if repair:
            side = repair_torn(log_path)
            if side is not None:
                outcome.repaired = True
                outcome.notes.append(msg("check.repaired", line=result.torn.line, side=str(side)))
        else:
            cut = result.torn.message.key != "log.incomplete"
            key = "log.import_cut_short_repair" if cut else "log.incomplete_repair"
            outcome.problems.append(Problem(result.torn.path, msg(key, **result.torn.message.params),
                                            result.torn.line, 1))  # fmt: skip
    # The copies are found again only to repair them (`check_records` has said them), and a log with a bad
    # line is never written to.
    copies = same_figures(records) if repair and not result.problems else []
    if copies:
        # The copies are voided and the lowest id kept: every clone that repairs keeps the same entry.
        _void_copies(session, [(kept, copy) for _, kept, copy in copies])
        outcome.repaired = True
        outcome.problems = [
            problem for problem in outcome.problems if problem.message.key != "log.same_figure"
        ]
        outcome.notes.append(msg("check.voided_copies", count=len(copies)))
    outcome.problems.sort(key=lambda problem: (problem.path != str(plan_path), problem.line or 0))
    entries, voids = records_summary(records)
    outcome.notes.append(msg("check.log_summary", path=str(log_path), entries=entries, voids=voids))
    return outcome


def _check_owners(session: Session, plan: Plan, outcome: CheckOutcome) -> None:
    """The workspace's owners table against the plan: every problem at its line and column; a target led by
    no department, and one the round asks for now that nobody owns, as warnings."""
    from gdz_targets.domain.owners import resolve_owners

    from .owners import settings
    from .reporting import unowned_now

    found = settings(session)
    if found.path is None or not (found.declared or found.listed or found.problems):
        return
    checked = resolve_owners(plan, found.listed, str(found.path))
    outcome.problems += [*found.problems, *checked.problems]
    outcome.warnings += checked.warnings
    if not found.problems and not checked.problems:
        outcome.warnings += unowned_now(session, checked.owners, found)
        held = {target for owner in checked.owners.owners for target in owner.targets()}
        outcome.notes.append(msg("check.owners_ok", path=str(found.path), owners=len(checked.owners.owners),
                                 targets=len(held)))  # fmt: skip


# The reason a copy is voided with, in the log: in the language of whoever repairs.
COPY_REASON = Words(
    "the same figure as entry {kept}: one figure logged twice under two ids (gdz check --repair)",
    "与条目 {kept} 数值相同:同一数值以两个编号重复记录(gdz check --repair)",
)


def _void_copies(session: Session, copies: list[tuple[Entry, Entry]]) -> None:
    """Void each copy in one write, saying which entry is kept."""
    from gdz_targets.store.records import new_record_id

    who, now, reason = session.recorder(), session.now(), COPY_REASON.in_lang(session.lang)
    with session.log_for_writing() as log:
        voided = log.voids()
        voids = [Void(new_record_id(), copy.id, reason.format(kept=kept.id), who, now)
                 for kept, copy in copies if copy.id not in voided]  # fmt: skip
        log.append(voids)
