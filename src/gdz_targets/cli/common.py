"""What every command shares: options, the session, and parsing of dates and cities typed as options."""

import contextvars
import inspect
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from gdz_targets.app.language import resolve_lang
from gdz_targets.app.session import Session
from gdz_targets.output.messages import render
from gdz_targets.output.stream import write_bytes, write_err, write_out

from . import completion

if TYPE_CHECKING:
    from rich.text import Text

    from gdz_targets.app.documents import Document
    from gdz_targets.domain.model import City

CURRENT: contextvars.ContextVar[Session | None] = contextvars.ContextVar("gdz_session", default=None)
# Whether the command has written its change (an entry, a void, an import, a workspace, a repair).
WROTE: contextvars.ContextVar[bool] = contextvars.ContextVar("gdz_wrote", default=False)
# `gdz --lang zh COMMAND`: the language given before the command, for the command and its errors.
ROOT_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("gdz_root_lang", default=None)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


PlanOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads Optional[...] on every supported version
    typer.Option(
        "--plan",
        help="Plan file. Default: $GDZ_PLAN, the workspace's plan, else the shipped plan.",
        show_default=False,
        readable=False,  # gdz says itself why a file cannot be read, as for $GDZ_PLAN
    ),
]
LedgerOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--ledger",
        help="Progress log. Default: $GDZ_LEDGER, the workspace's log, else your data directory.",
        show_default=False,
        readable=False,
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

OutputOption = Annotated[
    Optional[str],  # noqa: UP045 - text, not a Path: a Path would drop the slash of "out/"
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of stdout; the extension picks the format.",
        show_default=False,
    ),
]


AreaOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--area",
        "-a",
        help="Only this area: its number, its id, or `context`.",
        show_default=False,
        autocompletion=completion.areas,
    ),
]
CityOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--city",
        "-c",
        help="dongguan, guangzhou or shenzhen (also dg/gz/sz, 东莞/广州/深圳).",
        show_default=False,
        autocompletion=completion.cities,
    ),
]
StatusOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--status",
        "-S",
        help="Only targets with this status (repeatable): met, on-track, "
        "at-risk, off-track, overdue, in-progress, no-data, stale.",
        show_default=False,
        autocompletion=completion.statuses,
    ),
]
PeriodOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--period",
        "-p",
        help="The reporting period: a month 2024-03, a quarter 2024Q1, a half 2024H1 or a year 2024. "
        "Default: the latest period of the workspace's cycle that has ended.",
        show_default=False,
        autocompletion=completion.periods,
    ),
]
DueOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--due",
        help="When returns are due: a date (2024-04-05) or a day of the month after the period (5). Default: "
        "the workspace's due_day, else the 5th.",
        show_default=False,
    ),
]
OwnerOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--owner",
        help="Only this owner (责任单位): its name, or a unique part of it.",
        show_default=False,
        autocompletion=completion.owners,
    ),
]
TARGET_HELP = "Target: its id, or a unique part of its Chinese or English title (see `gdz targets`)."


def target_argument(optional: bool = False) -> Any:
    """The TARGET argument, completed with target ids."""
    return typer.Argument(
        metavar="[TARGET]" if optional else "TARGET",
        help=TARGET_HELP,
        show_default=False,
        click_type=completion.TargetName(),
    )


def session(lang: Lang | None = None, plan: Path | None = None, ledger: Path | None = None) -> Session:
    """The command's session; its language is also the language of any error the command ends with."""
    made = Session(lang.value if lang else ROOT_LANG.get(), plan, ledger)
    CURRENT.set(made)
    return made


def current_session() -> Session | None:
    """The session of the command being run, once it has made one."""
    return CURRENT.get()


def error_lang() -> str:
    """The language errors are told in: the command's, else `gdz --lang`, else `--lang` anywhere on the
    command line (an error while it is parsed), else the environment's."""
    made = CURRENT.get()
    if made is not None:
        return made.lang
    from .helptext import help_lang

    root = ROOT_LANG.get()
    return resolve_lang(root) if root else help_lang()


def add_command(app: typer.Typer, name: str, function: Callable[..., None]) -> None:
    """Register a command; its line in `gdz --help` is the docstring's summary plus its example."""
    doc = inspect.getdoc(function) or ""
    summary = doc.split("\n", 1)[0]
    example = next((line for line in doc.splitlines() if line.startswith("Example: ")), "")
    short = f"{summary} ({example.replace('Example: ', 'e.g. ', 1)})" if example else summary
    from .helptext import GdzCommand

    app.command(name, short_help=short, cls=GdzCommand)(function)


def wrote() -> None:
    """Say that the command's change is made: from here on, a lost output is no reason to run it again."""
    WROTE.set(True)


def say(s: Session, key: str, **params: object) -> None:
    """One line of the catalogue, in the session's language, on standard output."""
    from gdz_targets.domain.errors import msg

    write_out(render(msg(key, **params), s.lang) + "\n")


def out(line: str = "") -> None:
    write_out(line + "\n")


def warn(line: str) -> None:
    write_err(line + "\n")


def draw(view: "Text") -> None:
    """Print a laid-out view on the terminal (or plainly into a pipe)."""
    from gdz_targets.output.terminal import make_console, print_view

    print_view(make_console(), view)


def width() -> int:
    """The width to lay out for."""
    from gdz_targets.output.stream import terminal_width

    return terminal_width()


def height() -> int:
    """The height a screen should fit."""
    from gdz_targets.output.stream import terminal_height

    return terminal_height()


def day_option(s: Session, text: str | None, period: bool = False) -> date | None:
    """A date option (`--as-of`, `--since`...): YYYY-MM-DD, today or yesterday; with `period`, also a month
    (YYYY-MM) or a year (YYYY), meaning its last day."""
    if text is None:
        return None
    from gdz_targets.domain.values import parse_day, parse_period_end

    return parse_period_end(text, s.today()) if period else parse_day(text, s.today())


def city_option(text: str | None) -> "City | None":
    if text is None:
        return None
    from gdz_targets.domain.values import parse_city

    return parse_city(text)


BINARY_FORMATS = frozenset({"xlsx", "png"})


def refuse_binary_on_screen(chosen: str, output: str | None, picture: bool = False) -> None:
    """A workbook or a picture is for a file or a pipe, never for the terminal: a PNG's bytes, and a chart's
    SVG markup (`picture`), would only fill the screen."""
    if (chosen in BINARY_FORMATS or picture) and (output is None or output == "-"):
        from gdz_targets.output.stream import stdout_is_terminal

        if stdout_is_terminal():
            from gdz_targets.domain.errors import UsageError, msg

            raise UsageError(msg("export.binary_to_terminal", format=chosen))


def deliver(s: Session, document: "Document") -> None:
    """A document's bytes to standard output, or the one line that says the file it was written to."""
    if document.written is None:
        write_bytes(document.data)
    else:
        say(s, "export.written", path=document.written, format=document.format, bytes=len(document.data))
