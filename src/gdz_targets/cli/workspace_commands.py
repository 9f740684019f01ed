"""`gdz init` and `gdz where`: workspaces, and where every file gdz uses lives."""

from pathlib import Path
from typing import Annotated

import typer

from .common import LangOption, LedgerOption, PlanOption, out, session


def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="[DIRECTORY]", help="Directory to make a workspace (created if missing).", file_okay=False
        ),
    ] = Path("."),
    lang: LangOption = None,
) -> None:
    """Make a workspace: gdz.toml, an empty log, and .gitattributes so git merges concurrent appends.

    Example: gdz init reports
    """
    s = session(lang)
    from gdz_targets.ledger import LOG_HEADER
    from gdz_targets.locations import init_workspace

    for path in init_workspace(directory, LOG_HEADER):
        out(s.text("init.wrote", path=str(path)))
    out(s.text("init.done", path=str(directory)))


def where(plan: PlanOption = None, ledger: LedgerOption = None, lang: LangOption = None) -> None:
    """Show which plan, log, lock and cache files gdz uses here, and why.

    Example: gdz where
    """
    s = session(lang, plan, ledger)
    from gdz_targets.ledger import LOCK_SUFFIX
    from gdz_targets.locations import cache_home
    from gdz_targets.logindex import cache_path
    from gdz_targets.recording import recorder_name

    plan_at, log_at = s.plan_location(), s.log_location()
    out(s.text("where.plan", path=str(plan_at.path), rule=s.text("rule." + plan_at.rule)))
    out(s.text("where.log", path=str(log_at.path), rule=s.text("rule." + log_at.rule)))
    out(s.text("where.lock", path=str(log_at.path.with_name(log_at.path.name + LOCK_SUFFIX))))
    out(s.text("where.cache", path=str(cache_path(log_at.path, cache_home()))))
    out(s.text("where.user", name=recorder_name(None)))


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("init", init), ("where", where))
