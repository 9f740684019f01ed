"""`gdz targets` and `gdz check`: the plan itself, and whether the plan and the log are sound."""

from typing import Annotated, Optional

import typer

from . import completion
from .common import AreaOption, LangOption, LedgerOption, PlanOption, draw, out, session, width, wrote


def targets(
    area: AreaOption = None,
    kind: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--kind",
            "-k",
            help="Only this kind: numeric, milestone or context.",
            autocompletion=completion.kinds,
        ),
    ] = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """List the plan's targets with baseline, target, deadline and benchmarks.

    Example: gdz targets --area government-services --kind numeric
    """
    s = session(lang, plan)
    from gdz_targets.domain.query import select_targets

    loaded = s.plan()
    chosen = select_targets(loaded, area=area, kind=kind)
    from gdz_targets.output.screens.targets import targets_view

    draw(targets_view(loaded, chosen, s.lang, width()))


def check(
    repair: Annotated[
        bool, typer.Option("--repair", help="Move an incomplete last record of the log to a side file.")
    ] = False,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Validate the plan and the progress log; print every problem, exit 1 if any.

    Example: gdz check --repair
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app.check import run_check
    from gdz_targets.domain.errors import counted, msg
    from gdz_targets.output.messages import render, render_problem

    outcome = run_check(s, repair)
    if outcome.repaired:
        wrote()
    for problem in outcome.problems:
        out(render_problem(problem, s.lang))
    for warning in outcome.warnings:
        out(render(msg("check.warning", problem=render_problem(warning, s.lang)), s.lang))
    for note in outcome.notes:
        out(render(note, s.lang))
    if outcome.problems:
        out(render(msg("check.failed", problems=counted("problem", len(outcome.problems))), s.lang))
        raise typer.Exit(1)


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("targets", targets), ("check", check))
