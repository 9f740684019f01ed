"""Fill-in forms out (`gdz export template`): one per owner for a period, as .xlsx or CSV, written to a
file, a folder or standard output — never over a form sent back with figures in it."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from gdz_targets.domain.errors import Problem, UsageError, msg
from gdz_targets.domain.owners import Role
from gdz_targets.domain.periods import Period

from .owners import declared_owners
from .reporting import RoundRequest, due_of, period_of
from .session import Session

if TYPE_CHECKING:
    from gdz_targets.domain.owners import Owners
    from gdz_targets.domain.returns import OwnerReturn, Returns
    from gdz_targets.output.template import FormContent

FORM_FORMATS = ("xlsx", "csv")


class TemplateRequest(NamedTuple):
    """What `gdz export template` asks for; None keeps a default (the workspace's period and due day, every
    owner, a folder named after the period, .xlsx)."""

    round: RoundRequest = RoundRequest()
    output: str | None = None  # a file, a folder (an existing one, or a name ending in /), "-" or None
    format: str | None = None  # xlsx or csv; else from the file name, else xlsx
    force: bool = False  # replace forms that are there, even with figures in them


class FormWritten(NamedTuple):
    owner: str
    path: str | None  # None: a form with nothing to ask, not written; "-" for standard output
    targets: int
    data: bytes = b""


class TemplateOutcome(NamedTuple):
    period: Period
    due: date
    folder: str | None  # where the forms went, when to a folder
    forms: list[FormWritten]


def templates(session: Session, request: TemplateRequest) -> TemplateOutcome:
    """The forms asked for, written where asked: `--owner` one (to a file, a folder or standard output), else
    every owner's into a folder. A form that would replace a file with figures in it, or a file that is no
    form, stops them all (exit 2) unless `force`; an owner asked nothing this period gets none."""
    from gdz_targets.domain.returns import compute_returns
    from gdz_targets.output.template import folder_name, form_file_name

    table, found = declared_owners(session)
    period = period_of(session, found, request.round.period)
    due = due_of(found, period, request.round.due)
    chosen = table.named(request.round.owner) if request.round.owner is not None else None
    returns = compute_returns(session.plan(), table, session.history(), period, due, session.today())
    rows = [row for row in returns.owners if chosen is None or row.owner == chosen]
    fmt = _format(request)
    lang = session.lang
    folder, single = _destination(request, chosen is not None, folder_name(period, lang))
    planned: list[tuple[OwnerReturn, str | None]] = []
    for row in rows:
        if not row.asked:
            planned.append((row, None))
        elif single is not None:
            planned.append((row, single))
        else:  # a name of gdz's own making, in a folder or here: never over a form sent back
            planned.append(
                (row, os.path.join(folder or "", form_file_name(row.owner.name, period, lang, fmt)))
            )
    if single is None and not request.force:
        _refuse_replacing([path for _, path in planned if path is not None])
    from gdz_targets.output.template import form_csv, form_workbook
    from gdz_targets.store.files import fsync_directory, make_directory, write_report

    if folder is not None and any(path is not None for _, path in planned):
        make_directory(Path(folder))
    written = []
    for row, path in planned:
        if path is None:
            written.append(FormWritten(row.owner.name, None, 0))
            continue
        content = _content(session, returns, row, table, found.contact)
        data = form_workbook(content, lang) if fmt == "xlsx" else form_csv(content, lang)
        if path != "-":  # each form durable as it is written; the folder's entries once, after the last
            write_report(path, data, sync_directory=folder is None)
        written.append(FormWritten(row.owner.name, path, len(row.asked), data if path == "-" else b""))
    if folder is not None:
        fsync_directory(Path(folder))
    return TemplateOutcome(period, due, folder, written)


def _format(request: TemplateRequest) -> str:
    if request.format is not None:
        chosen = request.format
    elif request.output not in (None, "-") and Path(str(request.output)).suffix:
        chosen = Path(str(request.output)).suffix.lower().lstrip(".")
    else:
        chosen = "xlsx"
    if chosen not in FORM_FORMATS:
        raise UsageError(msg("template.format", format=chosen))
    return chosen


def _destination(request: TemplateRequest, one: bool, default_folder: str) -> tuple[str | None, str | None]:
    """(folder, single file): a name ending in a slash or an existing directory is a folder; a name with a
    form's suffix, or `-`, is one form's file; another new name is a folder to make."""
    output = request.output
    if output is None:
        return (None, None) if one else (default_folder, None)
    is_folder = output.endswith(("/", os.sep)) or os.path.isdir(output)
    if is_folder:
        return output, None
    if output == "-" or Path(output).suffix.lower().lstrip(".") in FORM_FORMATS or os.path.lexists(output):
        if not one:
            raise UsageError(msg("template.one_file"))
        return None, output
    return output, None


def _refuse_replacing(paths: list[str]) -> None:
    """Files in the way of a folder's forms: one with figures filled in (a form sent back), or one that is no
    form, is never replaced without --force; an empty form gdz wrote is (a form written again)."""
    problems = []
    for path in paths:
        if not os.path.lexists(path):
            continue
        state = _form_state(Path(path))
        if state != "empty":
            problems.append(
                Problem(path, msg("template.filled" if state == "filled" else "template.not_form", path=path))
            )
    if problems:
        refused = msg("template.in_the_way", count=len(problems))
        raise UsageError(refused if len(problems) > 1 else problems[0].message, problems)


def _form_state(path: Path) -> str:
    """`empty` (a form nobody filled in), `filled`, or `other` (not a form, or not readable as one)."""
    from gdz_targets.domain.errors import GdzError
    from gdz_targets.store.files import read_bytes
    from gdz_targets.store.forms import find_form
    from gdz_targets.store.tables import read_tables

    try:
        tables = read_tables(read_bytes(path, 64 << 20, error=UsageError), str(path))
    except GdzError:
        return "other"
    form = find_form(tables, str(path))
    if form is None:
        return "other"
    return "filled" if form.rows or any(row.words for row in form.unfilled) else "empty"


def _content(
    session: Session, returns: Returns, row: OwnerReturn, table: Owners, contact: str | None
) -> FormContent:
    from gdz_targets.output.template import FormContent

    leads = {
        asked.target.id: tuple(table.leads_of(asked.target.id))
        for asked in row.asked
        if asked.role is Role.CO
    }
    return FormContent(
        session.plan(),
        row.owner.name,
        returns.period,
        returns.due,
        row.asked,
        row.skipped,
        leads,
        session.today(),
        contact,
    )
