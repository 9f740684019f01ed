"""`gdz log`, `void`, `undo`, `history` and `import`: recording progress, and correcting it without loss."""

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import completion
from .common import (
    CityOption,
    LangOption,
    LedgerOption,
    PlanOption,
    city_option,
    day_option,
    draw,
    out,
    say,
    session,
    target_argument,
    width,
    wrote,
)

if TYPE_CHECKING:
    from gdz_targets.app.record import Voided
    from gdz_targets.app.session import Session


ByOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--by", help="Who records it. Default: $GDZ_USER, else your login name.", show_default=False
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Accept a date in the future, or before the target's baseline.")
]


def log(
    target: Annotated[str, target_argument()],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help="The figure in the target's unit; done or not-done for a milestone. "
            "Cumulative figures are the running total as of the date.",
            show_default=False,
        ),
    ],
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--date",
            "-d",
            help="The day the figure describes: YYYY-MM-DD, today or yesterday. Default: today (said).",
            show_default=False,
        ),
    ] = None,
    city: CityOption = None,
    note: Annotated[Optional[str], typer.Option("--note", "-n", help="A note.")] = None,  # noqa: UP045
    source: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--source", "-s", help="Where the figure comes from: document, URL or file."),
    ] = None,
    by: ByOption = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Record a figure for a target (Dongguan unless --city says otherwise).

    Example: gdz log cross-city-total 1020 --date 2023-12-31
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app.record import log_entry, read_entry

    given = read_entry(s, target, value, date or "today", city or "dongguan", note, source)
    logged = log_entry(s, given, by, force)
    if not logged.repeated:
        wrote()
    from gdz_targets.domain.errors import msg
    from gdz_targets.output.messages import render
    from gdz_targets.output.text import entry_summary, fold, standing_line

    if logged.repeated:
        summary = entry_summary(s.plan(), logged.entry, s.lang, with_id=False)
        out(fold([render(msg("log.repeated", entry=summary), s.lang)], width()))
        return
    out(standing_line(s.plan(), logged.entry, logged.standing, s.lang, width()))
    if date is None:  # most figures describe an earlier day: today's date is said, never silently taken
        out(fold([render(msg("log.dated_today", date=logged.entry.date.isoformat()), s.lang)], width()))
    if logged.replaced is not None:  # a correction is a void and a new entry: a second figure is said
        from gdz_targets.output.text import point_value

        earlier = point_value(s.plan(), logged.entry.target, logged.replaced, s.lang)
        replaces = msg("log.replaces", earlier=earlier, date=logged.entry.date.isoformat())
        out(fold([render(replaces, s.lang)], width()))


def void(
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ENTRY_ID",
            help="The entry's id, or any unique part of it (tables show its last 8 characters).",
            show_default=False,
            autocompletion=completion.entries,
        ),
    ],
    reason: Annotated[str, typer.Option("--reason", "-r", help="Why the entry no longer counts.")],
    by: ByOption = None,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Void an entry: it stops counting but stays in the history. Log the right figure afterwards.

    Example: gdz void 7D63GFXK --reason "typo: 1200 should be 1020"
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app.record import void_entry

    voided = void_entry(s, entry_id, reason, by)
    wrote()
    _said_void(s, voided)


def _said_void(s: "Session", voided: "Voided") -> None:
    from gdz_targets.output.text import entry_summary

    say(s, "void.done", entry=entry_summary(s.plan(), voided.entry, s.lang), reason=voided.void.reason)


def undo(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    reason: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--reason", "-r", help="Why the entry no longer counts.", show_default=False),
    ] = None,
    by: ByOption = None,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Void the last entry you recorded (asks first).

    Example: gdz undo --yes
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app.record import last_act, void_entries
    from gdz_targets.domain.errors import Declined, msg
    from gdz_targets.output.messages import render
    from gdz_targets.output.stream import ask
    from gdz_targets.output.text import act_summary

    act = last_act(s, by)
    summary = act_summary(s.plan(), act.entries, act.batch, s.lang)  # an entry, or an import as a whole
    if not yes and not ask(render(msg("undo.confirm", entry=summary), s.lang)):
        raise Declined(msg("undo.declined"))
    voided = void_entries(s, act.entries, reason or render(msg("undo.reason"), s.lang), by)
    wrote()
    say(s, "void.done", entry=summary, reason=voided[0].void.reason)


def history(
    target: Annotated[Optional[str], target_argument(optional=True)] = None,  # noqa: UP045
    city: CityOption = None,
    since: Annotated[Optional[str], typer.Option("--since", help="From this date (YYYY-MM-DD).")] = None,  # noqa: UP045
    until: Annotated[Optional[str], typer.Option("--until", help="Up to this date (YYYY-MM-DD).")] = None,  # noqa: UP045
    all_entries: Annotated[bool, typer.Option("--all", help="Include voided entries (marked).")] = False,
    limit: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--limit", "-n", min=1, help="Only the last N entries.", show_default=False),
    ] = None,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """List logged entries by date, oldest first; voided entries only with --all.

    Example: gdz history cross-city-total --since 2024-01-01 --all
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app import report

    wanted = report.EntryFilter(
        target, None, city_option(city), day_option(s, since), day_option(s, until), all_entries, limit
    )
    entries, voids = report.entries(s, wanted)
    if not entries:
        say(s, "ui.no_entries")
        return
    from gdz_targets.output.screens.history import history_table

    draw(history_table(s.plan(), entries, voids, s.lang, width(), show_target=target is None))


def import_csv(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A CSV, tab-separated text or spreadsheet (.xlsx, .xls, .ods) of entries; - reads standard "
            "input.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Check every row and list what would be added; write nothing."),
    ] = False,
    sheet: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--sheet", help="The sheet to read from a spreadsheet. Default: the first.", show_default=False
        ),
    ] = None,
    by: ByOption = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Import entries from a CSV file or a spreadsheet: all rows or none; rows already in the log are skipped.

    Example: gdz import 2024Q1.xlsx --dry-run
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app.import_entries import import_entries
    from gdz_targets.domain.errors import counted, msg
    from gdz_targets.output.messages import render
    from gdz_targets.output.stream import Progress

    progress = Progress(render(msg("import.progress"), s.lang))
    try:
        outcome = import_entries(s, file, by, force, dry_run, sheet, progress)
    finally:
        progress.done()
    if outcome.batch is not None:
        wrote()
    notes = list(outcome.notes)
    if outcome.form is not None:  # a form sent back: whose, for when, and its rows without a figure
        from gdz_targets.app.reporting import form_notes, read_form

        notes += form_notes(read_form(s, outcome.form, [*outcome.new, *outcome.present]))
    for note in notes:
        say(s, "import.note", note=note)
    if dry_run and (outcome.new or outcome.present):
        from gdz_targets.output.screens.history import history_table

        # Rows to add have no id yet; rows already in the log show theirs, to find with `gdz show`.
        for key, listed, logged in (
            ("import.would_add", outcome.new, False),
            ("import.already", outcome.present, True),
        ):
            if listed:
                say(s, key)
                draw(history_table(s.plan(), listed, {}, s.lang, width(), show_id=logged))
    count = len(outcome.new)
    entries = counted("entry", count)
    repeats = msg("import.repeats", count=len(outcome.repeated)) if outcome.repeated else ""
    key = "import.dry_run" if dry_run else "import.done"
    say(s, key, entries=entries, present=len(outcome.present), repeats=repeats)


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("log", log), ("void", void), ("undo", undo), ("history", history), ("import", import_csv))
