"""Documents out: a report, the log's entries, the plan's targets or one target's chart, made from one reading
of the plan and the log, and written atomically to a file or handed back as bytes for standard output."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from gdz_targets.domain.model import City

from .session import Session

STATUS, ENTRIES, TARGETS = "status", "entries", "targets"


class Document(NamedTuple):
    """A document made: its bytes, its format, and the file it was written to (None: for standard output)."""

    data: bytes
    format: str
    written: str | None


class ExportRequest(NamedTuple):
    """What `gdz export` asks for; None keeps a default (a format from the file's name, today, all)."""

    what: str = STATUS  # status, entries or targets
    format: str | None = None
    output: str | None = None  # a file name, "-" or None for standard output
    as_of: date | None = None
    area: str | None = None
    statuses: Sequence[str] | None = None
    codes: bool = False  # stable codes and English column names (CSV, xlsx), for scripts
    bom: bool = True  # a CSV's UTF-8 BOM, which Excel needs to read Chinese
    since: date | None = None  # a status report compared with the one as of this earlier day


def export(session: Session, request: ExportRequest) -> Document:
    """The document asked for, in the reader's language (or codes), written where asked."""
    from gdz_targets.output import export as exports

    chosen = exports.choose_format(request.format, request.output)
    reader = exports.CODES if request.codes else session.lang
    day = request.as_of or session.today()
    plan = session.plan()
    if request.since is not None and request.what != STATUS:
        from gdz_targets.domain.errors import UsageError, msg

        raise UsageError(msg("since.status_only", what=request.what))
    if request.what == STATUS:
        from gdz_targets.domain.query import narrow_report
        from gdz_targets.domain.status import status_report

        log = session.report_log()  # one reading of the log: the report, what moved, the briefing's charts
        history, moved = log.history(), None
        if request.since is None:
            report = narrow_report(status_report(plan, history, day), request.area, request.statuses)
        else:
            from .report import movement_since

            moved = movement_since(session, log, request.since, day)
            report = narrow_report(moved.now, request.area, request.statuses, moved=moved)
        from .owners import owner_columns

        data = exports.export_status(report, chosen, reader, history, owner_columns(session), moved)
    elif request.what == ENTRIES:
        from .report import EntryFilter, entries

        found, _ = entries(session, EntryFilter(area=request.area, until=request.as_of))
        data = exports.export_entries(plan, found, chosen, reader)
    else:
        data = exports.export_targets(plan, request.area, chosen, reader)
    if not request.bom:
        data = data.removeprefix(exports.BOM.encode())
    return deliver(data, chosen, request.output)


def chart(
    session: Session,
    target: str,
    fmt: str | None = None,
    output: str | None = None,
    as_of: date | None = None,
    since: date | None = None,
) -> Document:
    """One target's chart as SVG or PNG: its figures, the target to its deadline, Guangzhou and Shenzhen, and
    with `since` a mark at that earlier day."""
    from gdz_targets.domain.query import require_target
    from gdz_targets.domain.status import target_status
    from gdz_targets.output.chart import chart_file, choose_chart_format

    chosen = choose_chart_format(fmt, output)
    plan = session.plan()
    found = require_target(plan, target)
    day = as_of or session.today()
    if since is not None:
        from gdz_targets.domain.movement import check_period

        check_period(since, day)
    history = session.history()
    standing = target_status(plan, found, history, day)
    points = history.of(found.id, City.DONGGUAN).points(day)
    return deliver(chart_file(plan, standing, points, day, session.lang, chosen, since), chosen, output)


def deliver(data: bytes, chosen: str, output: str | None) -> Document:
    """Written atomically to the file asked for; for standard output (`-` or none), handed back."""
    if output is None or output == "-":
        return Document(data, chosen, None)
    from gdz_targets.store.files import write_report

    write_report(output, data)
    return Document(data, chosen, output)
