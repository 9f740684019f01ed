"""`gdz targets` and `gdz check`: the plan itself, and whether the plan and the log are sound."""

from typing import Annotated, Optional

import typer

from .common import LangOption, LedgerOption, PlanOption, out, session


def targets(
    area: Annotated[Optional[str], typer.Option("--area", "-a", help="Only this area (its id).")] = None,  # noqa: UP045
    kind: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--kind", "-k", help="Only this kind: numeric, milestone or context."),
    ] = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """List the plan's targets with baseline, target, deadline and benchmarks.

    Example: gdz targets --area government-services --kind numeric
    """
    s = session(lang, plan)
    loaded = s.plan()
    from gdz_targets.selection import select_targets

    chosen = select_targets(loaded, area=area, kind=kind)
    from gdz_targets.render import print_view, targets_view

    console = s.console()
    print_view(console, targets_view(loaded, chosen, s.lang, console.width))


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
    from gdz_targets.checking import run_check

    outcome = run_check(s.plan_location().path, s.log_location().path, repair)
    for line in outcome.lines(s.lang):
        out(line)
    if outcome.problems:
        raise typer.Exit(1)


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("targets", targets), ("check", check))
