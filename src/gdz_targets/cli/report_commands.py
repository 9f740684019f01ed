"""`gdz status`, `gdz show` and `gdz export`: the reports."""

from enum import StrEnum
from typing import Annotated, Optional

import typer

from . import completion
from .common import (
    AreaOption,
    DueOption,
    LangOption,
    LedgerOption,
    OutputOption,
    OwnerOption,
    PeriodOption,
    PlanOption,
    StatusOption,
    day_option,
    deliver,
    draw,
    height,
    refuse_binary_on_screen,
    session,
    target_argument,
    width,
)

AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        help="Report as of this date (YYYY-MM-DD, or a period for its last day: 2024-03, 2024Q1, 2024H1, "
        "2024): later entries are left out.",
        show_default=False,
    ),
]
SinceOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--since",
        help="Compare with the report as of this earlier date (YYYY-MM-DD, or a period for its last day: "
        "2024-03, 2024Q1, 2024H1, 2024): what moved.",
        show_default=False,
    ),
]


def status(
    area: AreaOption = None,
    status_filter: StatusOption = None,
    as_of: AsOfOption = None,
    since: SinceOption = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="Order within each area: plan, gap, score, deadline, id, or change with --since "
            "(also 得分, 差距, 期限…).",
            autocompletion=completion.sorts,
        ),
    ] = "plan",
    show_all: Annotated[
        bool, typer.Option("--all", help="A row for every target, those without data too.")
    ] = False,
    city_benchmarks: Annotated[
        bool,
        typer.Option(
            "--city-benchmarks",
            help="Under each Guangzhou/Shenzhen figure, show its date and "
            "whether it comes from the plan or the log.",
        ),
    ] = False,
    owner: OwnerOption = None,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Where every target stands: a summary first, then one line per target with its score and status.

    Example: gdz status --area 2 --sort score
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app import report
    from gdz_targets.domain.query import parse_sort

    order = parse_sort(sort)
    day, earlier = day_option(s, as_of, period=True), day_option(s, since, period=True)
    if earlier is None:
        found, moved = report.status(s, day, area, status_filter, order, owner), None
    else:
        found, moved = report.compared(s, earlier, day, area, status_filter, order, owner)
    from gdz_targets.output.screens.status import StatusOptions, status_view
    from gdz_targets.output.text import filters_text

    filters = filters_text(s.plan(), s.lang, area, status_filter or [], order)
    if owner is not None:
        from gdz_targets.app.owners import owner_words

        filters = " · ".join(part for part in (owner_words(s, owner), filters) if part)
    options = StatusOptions(
        log_path=str(s.log_location().path),
        next_steps=report.next_steps(s, found),
        filters=filters,
        show_all=show_all or bool(status_filter) or owner is not None,
        city_detail=city_benchmarks,
        movement=moved,
        height=height(),
    )
    draw(status_view(found, s.lang, width(), options))


def show(
    target: Annotated[str, target_argument()],
    as_of: AsOfOption = None,
    since: SinceOption = None,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Everything about one target: sources, benchmarks, history with voids, trend, pace and score.

    Example: gdz show cross-city-total
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app import report

    detail = report.target_detail(s, target, day_option(s, as_of, period=True), day_option(s, since, True))
    from gdz_targets.app.owners import owners_of
    from gdz_targets.output.screens.show import show_view

    owned = owners_of(s, detail.standing.target.id)
    draw(show_view(detail.standing, detail.plan, s.lang, detail.series, detail.entries, detail.voids, width(),
                   detail.change, owners=owned))  # fmt: skip


class ChartFormat(StrEnum):
    svg = "svg"
    png = "png"


class ExportKind(StrEnum):
    status = "status"
    entries = "entries"
    targets = "targets"
    template = "template"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    md = "md"
    html = "html"
    svg = "svg"
    png = "png"


def export(
    what: Annotated[
        ExportKind, typer.Argument(metavar="[status|entries|targets|template]", help="What to export.")
    ] = ExportKind.status,
    output: OutputOption = None,
    fmt: Annotated[
        Optional[ExportFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="csv, xlsx, json, md, html, svg or png. Default: from the file name, else csv.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    since: SinceOption = None,
    area: AreaOption = None,
    status_filter: StatusOption = None,
    codes: Annotated[
        bool,
        typer.Option("--codes", help="CSV and xlsx with stable codes and English column names, for scripts."),
    ] = False,
    no_bom: Annotated[bool, typer.Option("--no-bom", help="CSV without the UTF-8 BOM Excel needs.")] = False,
    period: PeriodOption = None,
    owner: OwnerOption = None,
    due: DueOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="template: replace forms already there, even filled-in ones.")
    ] = False,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Export the status report, the log's entries or the targets: CSV, xlsx, JSON, Markdown, HTML, SVG, PNG.

    `template`: a fill-in form for each owner (--owner: one), .xlsx or CSV, for the period.

    Example: gdz export status -o 报告.csv
    """
    s = session(lang, plan, ledger)
    given = {
        "--as-of": as_of,
        "--since": since,
        "--area": area,
        "--status": status_filter,
        "--codes": codes,
        "--no-bom": no_bom,
        "--period": period,
        "--owner": owner,
        "--due": due,
        "--force": force,
    }
    from .round_commands import export_template, refuse_options

    refuse_options(what.value, given)
    if what is ExportKind.template:
        export_template(s, output, fmt.value if fmt else None, period, owner, due, force)
        return
    from gdz_targets.app.documents import ExportRequest
    from gdz_targets.app.documents import export as export_document
    from gdz_targets.output.export import choose_format

    refuse_binary_on_screen(choose_format(fmt.value if fmt else None, output), output)
    day = day_option(s, as_of, period=True)
    request = ExportRequest(what.value, fmt.value if fmt else None, output, day, area, status_filter, codes,
                            bom=not no_bom, since=day_option(s, since, period=True))  # fmt: skip
    deliver(s, export_document(s, request))


def chart(
    target: Annotated[str, target_argument()],
    output: OutputOption = None,
    fmt: Annotated[
        Optional[ChartFormat],  # noqa: UP045
        typer.Option(
            "--format", "-f", help="svg or png. Default: from the file name, else svg.", show_default=False
        ),
    ] = None,
    as_of: AsOfOption = None,
    since: SinceOption = None,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Chart one target: Dongguan's figures over time, the target to its deadline, Guangzhou and Shenzhen.

    Example: gdz chart cross-city-total -o 跨城通办.png
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app.documents import chart as chart_document
    from gdz_targets.output.chart import choose_chart_format

    refuse_binary_on_screen(choose_chart_format(fmt.value if fmt else None, output), output, picture=True)
    chosen = fmt.value if fmt else None
    day, earlier = day_option(s, as_of, period=True), day_option(s, since, period=True)
    deliver(s, chart_document(s, target, chosen, output, day, earlier))


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("status", status), ("show", show), ("chart", chart), ("export", export))
