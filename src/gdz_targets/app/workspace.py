"""Workspaces: making one that colleagues share through git, and where every file gdz uses is, and why."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .session import Session

if TYPE_CHECKING:
    from gdz_targets.store.paths import Located


class Places(NamedTuple):
    """What `gdz where` says: each file gdz uses here, the rule that chose it, and who records."""

    plan: Located
    log: Located
    lock: Path
    cache: Path
    recorder: str


def init(directory: Path) -> list[Path]:
    """Make a workspace in `directory`: gdz.toml, an empty log, and the git settings that merge appends.
    Returns the files written."""
    from gdz_targets.store.log_file import LOG_HEADER
    from gdz_targets.store.paths import init_workspace

    return init_workspace(directory, LOG_HEADER)


def places(session: Session) -> Places:
    """Which plan, log, lock and cache files this session uses, and why."""
    from gdz_targets.store.log_file import LOCK_SUFFIX
    from gdz_targets.store.log_index import cache_path

    log = session.log_location()
    return Places(session.plan_location(), log, log.path.with_name(log.path.name + LOCK_SUFFIX),
                  cache_path(log.path, session.cache_dir()), session.recorder())  # fmt: skip
