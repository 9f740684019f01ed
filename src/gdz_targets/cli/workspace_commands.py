"""`gdz init` and `gdz where`: workspaces, and where every file gdz uses lives."""

from pathlib import Path
from typing import Annotated

import typer

from .common import LangOption, LedgerOption, PlanOption, say, session, wrote


def init(
    directory: Annotated[
        Path,
        typer.Argument(metavar="[DIRECTORY]", help="Directory to make a workspace (created if missing)."),
    ] = Path("."),
    lang: LangOption = None,
) -> None:
    """Make a workspace: gdz.toml, an empty log, and .gitattributes so git merges concurrent appends.

    Example: gdz init reports
    """
    s = session(lang)
    from gdz_targets.app.workspace import init as init_workspace

    written = init_workspace(directory)
    wrote()
    for path in written:
        say(s, "init.wrote", path=str(path))
    say(s, "init.done", path=str(directory))


def where(plan: PlanOption = None, ledger: LedgerOption = None, lang: LangOption = None) -> None:
    """Show which plan, log, lock and cache files gdz uses here, and why.

    Example: gdz where
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app.workspace import places
    from gdz_targets.domain.errors import msg

    found = places(s)
    say(s, "where.plan", path=str(found.plan.path), rule=msg("rule." + found.plan.rule))
    say(s, "where.log", path=str(found.log.path), rule=msg("rule." + found.log.rule))
    say(s, "where.lock", path=str(found.lock))
    say(s, "where.cache", path=str(found.cache))
    say(s, "where.user", name=found.recorder)
    from gdz_targets.app.owners import settings

    round_settings = settings(s)  # what the workspace says of the reporting round, without checking it
    if round_settings.path is not None and round_settings.listed:
        count = len({" ".join(listed.name.lower().split()) for listed in round_settings.listed})
        cadence = msg("cadence." + round_settings.cadence.value)
        say(s, "owners.where", count=count, path=str(round_settings.path), cadence=cadence,
            due=round_settings.due_day)  # fmt: skip
    else:
        say(s, "owners.where_none")


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("init", init), ("where", where))
