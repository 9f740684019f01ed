"""`gdz status`, `gdz show` and `gdz export`: the reports."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .common import (
    LangOption,
    LedgerOption,
    PlanOption,
    Session,
    day_option,
    out,
    session,
    today,
)

if TYPE_CHECKING:
    from gdz_targets.analysis import StatusReport


class SortKey(StrEnum):
    plan = "plan"
    gap = "gap"
    score = "score"
    deadline = "deadline"
    id = "id"


AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        help="Report as of this date (YYYY-MM-DD): entries dated later are left out.",
        show_default=False,
    ),
]
AreaOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--area", "-a", help="Only this area (its id, or `context`).", show_default=False),
]
StatusOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--status",
        "-S",
        help="Only targets with this status (repeatable): achieved, on-track, "
        "at-risk, off-track, overdue, open, no-data, stale.",
        show_default=False,
    ),
]


def _report(
    s: Session, as_of: str | None, area: str | None, statuses: list[str] | None, sort: str
) -> "StatusReport":
    from gdz_targets.analysis import status_report

    loaded = s.plan()
    day = day_option(as_of) or today()
    report = status_report(loaded, s.open_log(entries=False).history(), day)
    if area is None and not statuses and sort == "plan":
        return report  # the whole plan in its own order: nothing to narrow
    from gdz_targets.reporting import narrow_report

    return narrow_report(report, area, statuses, sort)


def status(
    area: AreaOption = None,
    status_filter: StatusOption = None,
    as_of: AsOfOption = None,
    sort: Annotated[SortKey, typer.Option("--sort", help="Order within each area.")] = SortKey.plan,
    city_benchmarks: Annotated[
        bool,
        typer.Option(
            "--city-benchmarks",
            help="Under each Guangzhou/Shenzhen figure, show its date and "
            "whether it comes from the plan or the log.",
        ),
    ] = False,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Every target: latest value, gap to target, to Guangzhou and to Shenzhen, score, pace and status.

    Example: gdz status --area government-services --sort gap
    """
    s = session(lang, plan, ledger)
    report = _report(s, as_of, area, status_filter, sort.value)
    from gdz_targets.render import log_line, print_view, status_view

    console = s.console()
    print_view(console, status_view(report, s.lang, console.width, city_benchmarks))
    print_view(console, log_line(report, s.lang, str(s.log_location().path)))


def show(
    target: Annotated[
        str, typer.Argument(metavar="TARGET", help="Target id (see `gdz targets`).", show_default=False)
    ],
    as_of: AsOfOption = None,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Everything about one target: sources, benchmarks, history with voids, trend, pace and score.

    Example: gdz show cross-city-total
    """
    s = session(lang, plan, ledger)
    from gdz_targets.analysis import target_status
    from gdz_targets.model import City
    from gdz_targets.recording import entries_at, voids_by_entry
    from gdz_targets.render import print_view, show_view
    from gdz_targets.selection import require_target

    loaded = s.plan()
    chosen = require_target(loaded, target)
    day = day_option(as_of) or today()
    state = s.open_log()
    history = state.history()
    row = target_status(loaded, chosen, history, day)
    entries = entries_at(state, state.index.entry_offsets(chosen.id, include_voided=True))
    entries.sort(key=lambda entry: (entry.date, entry.id))
    series = [(point.date, point.value) for point in history.of(chosen.id, City.DONGGUAN).points(day)]
    console = s.console()
    print_view(console, show_view(row, loaded, s.lang, series, entries, voids_by_entry(state), console.width))


class ExportKind(StrEnum):
    status = "status"
    entries = "entries"
    targets = "targets"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    md = "md"
    html = "html"
    svg = "svg"


def export(
    what: Annotated[
        ExportKind, typer.Argument(metavar="[status|entries|targets]", help="What to export.")
    ] = ExportKind.status,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of stdout; the extension picks the format.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    fmt: Annotated[
        Optional[ExportFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="csv, json, md, html or svg. Default: from the file name, else csv.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    area: AreaOption = None,
    status_filter: StatusOption = None,
    no_bom: Annotated[bool, typer.Option("--no-bom", help="CSV without the UTF-8 BOM Excel needs.")] = False,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Export the status report, the log's entries or the targets as CSV, JSON, Markdown, HTML or SVG.

    Example: gdz export status -o 报告.csv
    """
    s = session(lang, plan, ledger)
    from gdz_targets.exporting import choose_format, export_entries, export_status, export_targets

    chosen = choose_format(fmt.value if fmt else None, output)
    header_lang, bom = (lang.value if lang else None), not no_bom
    if what is ExportKind.status:
        data = export_status(_report(s, as_of, area, status_filter, "plan"), chosen, s.lang, header_lang, bom)
    elif what is ExportKind.entries:
        data = export_entries(
            s.plan(), s.open_log(), chosen, s.lang, header_lang, bom, day_option(as_of), area
        )
    else:
        data = export_targets(s.plan(), area, chosen, s.lang, header_lang, bom)
    if output is None:
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from gdz_targets.files import atomic_write

        atomic_write(output, data)
        out(s.text("export.written", path=str(output), format=chosen, bytes=len(data)))


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("status", status), ("show", show), ("export", export))
