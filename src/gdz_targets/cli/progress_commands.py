"""`gdz log`, `void`, `undo`, `history` and `import`: recording progress, and correcting it without loss."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .common import (
    LangOption,
    LedgerOption,
    PlanOption,
    Session,
    city_option,
    day_option,
    now,
    out,
    session,
    today,
)

if TYPE_CHECKING:
    from gdz_targets.logindex import LogState
    from gdz_targets.model import Entry, Plan


def _complete_target(incomplete: str) -> list[str]:
    from gdz_targets.errors import GdzError

    try:
        loaded = session().plan()
    except GdzError:
        return []
    return [t.id for t in loaded.targets if t.id.startswith(incomplete)]


ByOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--by", help="Who records it. Default: $GDZ_USER, else your login name.", show_default=False
    ),
]
CityOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--city",
        "-c",
        help="dongguan, guangzhou or shenzhen (also dg/gz/sz, 东莞/广州/深圳).",
        show_default=False,
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Accept a date in the future, or before the target's baseline.")
]


def log(
    target: Annotated[
        str,
        typer.Argument(
            metavar="TARGET",
            help="Target id (see `gdz targets`).",
            show_default=False,
            autocompletion=_complete_target,
        ),
    ],
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
        str, typer.Option("--date", "-d", help="As-of date of the figure: YYYY-MM-DD, today or yesterday.")
    ] = "today",
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
    from gdz_targets.recording import EntryInput, build_entry, recorder_name

    loaded = s.plan()
    entry = build_entry(
        loaded,
        EntryInput(target, value, date, city or "dongguan", note, source),
        recorder_name(by),
        now(),
        today(),
        force,
    )
    state = s.append([entry])
    from gdz_targets.display import standing_line

    out(standing_line(loaded, entry, state.history(), today(), s.lang))


def void(
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ENTRY_ID",
            help="The entry's id, or any unique part of it (tables show its last 8 characters).",
            show_default=False,
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
    from gdz_targets.recording import find_entry, recorder_name

    loaded = s.plan()
    state = s.open_log()
    _void(s, loaded, state, find_entry(state, entry_id), reason, recorder_name(by))


def _void(s: Session, loaded: "Plan", state: "LogState", entry: "Entry", reason: str, by: str) -> None:
    from gdz_targets.display import entry_summary
    from gdz_targets.errors import UsageError, msg
    from gdz_targets.recording import new_void, voids_by_entry

    earlier = voids_by_entry(state).get(entry.id)
    if earlier is not None:
        raise UsageError(msg("void.already", id=entry.id, reason=earlier.reason))
    record = new_void(entry, reason, by, now())
    s.append([record])
    out(s.text("void.done", entry=entry_summary(loaded, entry, s.lang), reason=record.reason))


def undo(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    reason: Annotated[str, typer.Option("--reason", "-r", help="Why the entry no longer counts.")] = "undo",
    by: ByOption = None,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Void the last entry you recorded (asks first).

    Example: gdz undo --yes
    """
    s = session(lang, plan, ledger)
    from gdz_targets.display import entry_summary
    from gdz_targets.errors import Declined, UsageError, msg
    from gdz_targets.recording import last_entry_by, recorder_name

    loaded = s.plan()
    me = recorder_name(by)
    state = s.open_log()
    entry = last_entry_by(state, me)
    if entry is None:
        raise UsageError(msg("undo.nothing", by=me))
    if not yes and not typer.confirm(
        s.text("undo.confirm", entry=entry_summary(loaded, entry, s.lang)), default=False
    ):
        raise Declined(msg("undo.declined"))
    _void(s, loaded, state, entry, reason, me)


def history(
    target: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar="[TARGET]", help="Only this target.", show_default=False),
    ] = None,
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
    from gdz_targets.recording import entries_at, voids_by_entry
    from gdz_targets.selection import require_target

    loaded = s.plan()
    if target is not None:
        require_target(loaded, target)
    wanted_city, start, end = city_option(city), day_option(since), day_option(until)
    state = s.open_log()
    entries = [
        entry
        for entry in entries_at(state, state.index.entry_offsets(target, include_voided=all_entries))
        if (wanted_city is None or entry.city is wanted_city)
        and (start is None or entry.date >= start)
        and (end is None or entry.date <= end)
    ]
    entries.sort(key=lambda entry: (entry.date, entry.id))
    if limit is not None:
        entries = entries[-limit:]
    voids = voids_by_entry(state) if all_entries else {}
    if not entries:
        out(s.text("ui.no_entries"))
        return
    from gdz_targets.render import history_table, print_view

    console = s.console()
    print_view(
        console, history_table(loaded, entries, voids, s.lang, console.width, show_target=target is None)
    )


def import_csv(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="CSV file: `gdz export entries` output, or target,date,value[,city,note,source] rows.",
            show_default=False,
            exists=False,
            dir_okay=False,
        ),
    ],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and report; write nothing.")] = False,
    by: ByOption = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Import entries from a CSV file: all rows or none; rows already in the log are skipped.

    Example: gdz import 2024Q1.csv --dry-run
    """
    s = session(lang, plan, ledger)
    from gdz_targets.errors import UsageError, msg
    from gdz_targets.importing import plan_import
    from gdz_targets.recording import recorder_name

    loaded = s.plan()
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UsageError(msg("file.unreadable", path=str(file), reason=exc.strerror or str(exc))) from None
    outcome = plan_import(loaded, s.open_log(), data, str(file), recorder_name(by), now(), today(), force)
    if outcome.problems:
        raise UsageError(msg("import.refused", path=str(file), count=len(outcome.problems)), outcome.problems)
    if not dry_run and outcome.new:
        s.append(outcome.new, skip_known=True)
    key = "import.dry_run" if dry_run else "import.done"
    out(s.text(key, count=len(outcome.new), present=outcome.already_present))


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("log", log), ("void", void), ("undo", undo), ("history", history), ("import", import_csv))
