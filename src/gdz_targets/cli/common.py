"""What every command shares: options, the session (language, plan, log), and plain output."""

import contextvars
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from gdz_targets.i18n import render, resolve_lang

if TYPE_CHECKING:
    from rich.console import Console

    from gdz_targets.errors import Message
    from gdz_targets.locations import Located
    from gdz_targets.logindex import LogState
    from gdz_targets.model import City, Entry, Plan, Void

CURRENT_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("gdz_lang", default=None)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


PlanOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads Optional[...] on every supported version
    typer.Option(
        "--plan",
        help="Plan file. Default: $GDZ_PLAN, the workspace's plan, else the shipped plan.",
        show_default=False,
        dir_okay=False,
    ),
]
LedgerOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--ledger",
        help="Progress log. Default: $GDZ_LEDGER, the workspace's log, else your data directory.",
        show_default=False,
        dir_okay=False,
    ),
]
LangOption = Annotated[
    Optional[Lang],  # noqa: UP045
    typer.Option(
        "--lang",
        help="Language of the output: zh or en. Default: $GDZ_LANG, else the locale.",
        show_default=False,
        case_sensitive=False,
    ),
]


class Session:
    """One command's view of the world: language, and where the plan and the log are."""

    def __init__(self, lang: str, plan_option: Path | None = None, ledger_option: Path | None = None) -> None:
        self.lang, self.plan_option, self.ledger_option = lang, plan_option, ledger_option
        self._plan: Plan | None = None
        self._plan_at: Located | None = None
        self._log_at: Located | None = None

    def plan_location(self) -> "Located":
        if self._plan_at is None:
            from gdz_targets.locations import locate_plan, shipped_plan_path

            self._plan_at = locate_plan(self.plan_option, shipped_plan_path(), Path.cwd())
        return self._plan_at

    def log_location(self) -> "Located":
        if self._log_at is None:
            from gdz_targets.locations import locate_log

            self._log_at = locate_log(self.ledger_option, Path.cwd())
        return self._log_at

    def plan(self) -> "Plan":
        if self._plan is None:
            from gdz_targets.locations import cache_home
            from gdz_targets.plancache import load_plan_cached

            self._plan = load_plan_cached(self.plan_location().path, cache_home())
        return self._plan

    def open_log(self, entries: bool = True) -> "LogState":
        """The log through its cache; `entries=False` when only the series matter (reports)."""
        from gdz_targets.locations import cache_home
        from gdz_targets.logindex import open_log

        state = open_log(self.log_location().path, cache_home(), entries)
        if state.torn is not None:
            from gdz_targets.i18n import render_problem

            warn(render_problem(state.torn, self.lang) + " — " + self.text("log.torn_hint"))
        return state

    def append(self, records: "Sequence[Entry | Void]", skip_known: bool = False) -> "LogState":
        """Append records to the log under its lock; returns the log as it now stands."""
        from gdz_targets.locations import cache_home
        from gdz_targets.recording import append_records

        return append_records(self.log_location().path, cache_home(), records, skip_known)

    def text(self, key: str, **params: object) -> str:
        from gdz_targets.errors import msg

        return render(msg(key, **params), self.lang)

    def say(self, message: "Message") -> str:
        return render(message, self.lang)

    def console(self, record: bool = False) -> "Console":
        from gdz_targets.render import make_console

        return make_console(record=record)


def session(lang: Lang | None = None, plan: Path | None = None, ledger: Path | None = None) -> Session:
    chosen = resolve_lang(lang.value if lang else None)
    CURRENT_LANG.set(chosen)
    return Session(chosen, plan, ledger)


def error_lang() -> str:
    return CURRENT_LANG.get() or resolve_lang(None)


def add_command(app: typer.Typer, name: str, function: Callable[..., None]) -> None:
    """Register a command; its line in `gdz --help` is the docstring's summary plus its example."""
    doc = inspect.getdoc(function) or ""
    summary = doc.split("\n", 1)[0]
    example = next((line for line in doc.splitlines() if line.startswith("Example: ")), "")
    short = f"{summary} ({example.replace('Example: ', 'e.g. ', 1)})" if example else summary
    from .helptext import GdzCommand

    app.command(name, short_help=short, cls=GdzCommand)(function)


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def warn(line: str) -> None:
    sys.stderr.write(line + "\n")


def day_option(text: str | None) -> date | None:
    """A date option (`--as-of`, `--since`...): YYYY-MM-DD, today or yesterday."""
    if text is None:
        return None
    from gdz_targets.values import parse_day

    return parse_day(text, today())


def city_option(text: str | None) -> "City | None":
    if text is None:
        return None
    from gdz_targets.values import parse_city

    return parse_city(text)


def now() -> datetime:
    """When something is recorded: local time with its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def today() -> date:
    """The only clock gdz reads; GDZ_TODAY pins it (YYYY-MM-DD) for reproducible scripts and tests."""
    pinned = os.environ.get("GDZ_TODAY")
    if not pinned:
        return date.today()
    from gdz_targets.values import parse_day

    return parse_day(pinned, date.today())
