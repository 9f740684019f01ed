"""Where the plan, the progress log and the caches live, and how a workspace is found and created."""

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Final, NamedTuple

from gdz_targets.domain.errors import DataError, Problem, UsageError, msg

from .files import read_toml

WORKSPACE_FILE: Final = "gdz.toml"
DEFAULT_LOG_NAME: Final = "progress.toml"
WORKSPACE_TEMPLATE: Final = """\
# gdz workspace (made by `gdz init`): gdz commands run in this directory or below it use this log.
log = "{log}"
# plan = "targets.toml"  # uncomment to track a plan of your own instead of the one shipped with gdz

# The reporting round (README, Reporting round): uncomment and fill in.
# [reporting]
# period = "month"   # 报送周期: month, quarter, half or year (月、季度、半年、年)
# due_day = 5        # 次月几日截止: returns are due on this day of the month after the period
# contact = "..."    # 联系方式, for the reminder
#
# [owners]           # 责任单位(牵头): each department and the targets it owes (ids or title parts)
# "市政务服务数据管理局" = ["cross-city-total", "e-licence-top100"]
#
# [co-owners]        # 配合单位: departments that help; they see the target on their form, and are not chased
# "市人力资源和社会保障局" = ["cross-city-total"]
"""
GITATTRIBUTES_LINE: Final = "{log} merge=union"
GITIGNORE_LINE: Final = "{log}.lock"
SETTINGS_LIMIT: Final = 1 << 20  # gdz.toml, .gitattributes, .gitignore
# The reporting round's tables in gdz.toml, read by `round_settings` (README, Reporting round).
ROUND_KEYS: Final = ("owners", "co-owners", "reporting")


class Located(NamedTuple):
    """A file and the rule that chose it (shown by `gdz where`)."""

    path: Path
    rule: str  # option | env | workspace | user | shipped


class Workspace(NamedTuple):
    root: Path
    log: Path
    plan: Path | None


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """The user's gdz directory: GDZ_HOME, else the platform's per-user data directory."""
    if environ.get("GDZ_HOME"):
        return Path(environ["GDZ_HOME"])
    home = Path(environ.get("HOME") or Path.home())
    if sys.platform == "win32":
        return Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "gdz"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "gdz"
    return Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "gdz"


def cache_home(environ: Mapping[str, str] = os.environ) -> Path:
    """Where derived caches go: GDZ_CACHE_DIR, else inside GDZ_HOME, else the platform's cache directory."""
    if environ.get("GDZ_CACHE_DIR"):
        return Path(environ["GDZ_CACHE_DIR"])
    if environ.get("GDZ_HOME"):
        return Path(environ["GDZ_HOME"]) / "cache"
    home = Path(environ.get("HOME") or Path.home())
    if sys.platform == "win32":
        return Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "gdz" / "cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "gdz"
    return Path(environ.get("XDG_CACHE_HOME") or home / ".cache") / "gdz"


def shipped_plan_path() -> Path:
    """The plan that ships with gdz: inside the wheel, or data/targets.toml in a source checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / "targets.toml"
    if packaged.is_file():
        return packaged
    return package.parents[1] / "data" / "targets.toml"


def shipped_published_path() -> Path | None:
    """The figures published since the plan, shipped beside it for `gdz import` (None if not installed)."""
    published = shipped_plan_path().with_name("published.csv")
    return published if published.is_file() else None


def find_workspace(start: Path) -> Path | None:
    """The nearest directory at or above `start` holding gdz.toml, as git finds .git. Anything of that name
    counts — a directory, a FIFO, a broken link — so that reading it says what is wrong, rather than gdz
    quietly writing to another log."""
    for directory in (start, *start.parents):
        if os.path.lexists(directory / WORKSPACE_FILE):
            return directory
    return None


def read_workspace(root: Path) -> Workspace:
    path = root / WORKSPACE_FILE
    data, _ = read_toml(path, SETTINGS_LIMIT)
    problems = []
    for key, value in data.items():
        if key not in {"log", "plan", *ROUND_KEYS}:
            problems.append(Problem(str(path), msg("workspace.unknown_key", key=key)))
        elif key not in ROUND_KEYS and (not isinstance(value, str) or not value.strip()):
            problems.append(Problem(str(path), msg("workspace.bad_path", key=key)))
    if problems:
        raise DataError(problems[0].message, problems)
    plan = data.get("plan")
    return Workspace(root, root / data.get("log", DEFAULT_LOG_NAME), root / plan if plan else None)


def locate_plan(
    option: Path | None, shipped: Path, cwd: Path, environ: Mapping[str, str] = os.environ
) -> Located:
    """`--plan` > GDZ_PLAN > the workspace's `plan` > the plan shipped with gdz."""
    if option is not None:
        return Located(option, "option")
    if environ.get("GDZ_PLAN"):
        return Located(Path(environ["GDZ_PLAN"]), "env")
    root = find_workspace(cwd)
    if root is not None:
        workspace = read_workspace(root)
        if workspace.plan is not None:
            return Located(workspace.plan, "workspace")
    return Located(shipped, "shipped")


def locate_log(option: Path | None, cwd: Path, environ: Mapping[str, str] = os.environ) -> Located:
    """`--ledger` > GDZ_LEDGER > the nearest workspace's log > the user data directory."""
    if option is not None:
        return Located(option, "option")
    if environ.get("GDZ_LEDGER"):
        return Located(Path(environ["GDZ_LEDGER"]), "env")
    root = find_workspace(cwd)
    if root is not None:
        return Located(read_workspace(root).log, "workspace")
    return Located(data_home(environ) / DEFAULT_LOG_NAME, "user")


def init_workspace(directory: Path, log_header: str) -> list[Path]:
    """Create gdz.toml, an empty log, and the git settings that merge concurrent appends.

    Returns the files written; gdz.toml comes last, so a failed init leaves no half-made workspace. A log that
    exists, or appears while init works (a `gdz log --ledger` at the same moment), is never replaced: the log
    is created under its lock and only where there is none."""
    if os.path.lexists(directory / WORKSPACE_FILE):
        raise UsageError(msg("workspace.exists", path=str(directory / WORKSPACE_FILE)))
    if os.path.lexists(directory) and not directory.is_dir():
        raise UsageError(msg("file.not_directory", path=str(directory)))
    from .files import atomic_write, create_new, make_directory, read_bytes
    from .log_file import locked

    make_directory(directory)
    written = []
    log = directory / DEFAULT_LOG_NAME
    with locked(log):  # a writer of this log waits, then finds it made
        if create_new(log, log_header.encode()):
            written.append(log)
    for name, line in ((".gitattributes", GITATTRIBUTES_LINE), (".gitignore", GITIGNORE_LINE)):
        path = directory / name
        wanted = line.format(log=DEFAULT_LOG_NAME)
        existing = read_bytes(path, SETTINGS_LIMIT, missing_ok=True).decode("utf-8", "replace")
        if wanted not in existing.splitlines():
            separator = "" if not existing or existing.endswith("\n") else "\n"
            atomic_write(path, f"{existing}{separator}{wanted}\n".encode())
            written.append(path)
    settings = directory / WORKSPACE_FILE
    if not create_new(settings, WORKSPACE_TEMPLATE.format(log=DEFAULT_LOG_NAME).encode()):
        raise UsageError(msg("workspace.exists", path=str(settings)))  # made by another init meanwhile
    written.append(settings)
    return written
