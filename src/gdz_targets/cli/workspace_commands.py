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
    from gdz_targets.store.log_file import LOG_HEADER
    from gdz_targets.store.paths import init_workspace

    written = init_workspace(directory, LOG_HEADER)
    wrote()
    for path in written:
        say(s, "init.wrote", path=str(path))
    say(s, "init.done", path=str(directory))


def where(plan: PlanOption = None, ledger: LedgerOption = None, lang: LangOption = None) -> None:
    """Show which plan, log, lock and cache files gdz uses here, and why.

    Example: gdz where
    """
    s = session(lang, plan, ledger)
    from gdz_targets.domain.errors import msg
    from gdz_targets.store.log_file import LOCK_SUFFIX
    from gdz_targets.store.log_index import cache_path

    plan_at, log_at = s.plan_location(), s.log_location()
    say(s, "where.plan", path=str(plan_at.path), rule=msg("rule." + plan_at.rule))
    say(s, "where.log", path=str(log_at.path), rule=msg("rule." + log_at.rule))
    say(s, "where.lock", path=str(log_at.path.with_name(log_at.path.name + LOCK_SUFFIX)))
    say(s, "where.cache", path=str(cache_path(log_at.path, s.cache_dir())))
    say(s, "where.user", name=s.recorder())


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("init", init), ("where", where))
