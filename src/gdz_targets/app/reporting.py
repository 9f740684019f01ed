"""The reporting round: who owns each target, the fill-in forms for them, who has reported for a period, and
what a returned form says besides its figures. Nothing of it is new state: the plan, gdz.toml and the log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from gdz_targets.domain.errors import DataError, Message, Problem, Words, counted, msg
from gdz_targets.domain.owners import NO_OWNERS, Owners
from gdz_targets.domain.periods import Period, latest_ended, parse_due, parse_period
from gdz_targets.domain.returns import Returns, compute_returns

from .documents import Document, deliver
from .owners import declared_owners, owners, settings
from .session import Session

if TYPE_CHECKING:
    from gdz_targets.domain.model import Entry
    from gdz_targets.store.forms import Form, Unfilled
    from gdz_targets.store.round_settings import RoundSettings


def unowned_now(session: Session, table: Owners, found: RoundSettings) -> list[Problem]:
    """The targets the current period asks for that no department leads (`gdz check`'s warnings); none where
    the log cannot be read (`gdz check` says why)."""
    period = latest_ended(session.today(), found.cadence)
    try:
        history = session.history()
    except DataError:
        return []
    computed = compute_returns(session.plan(), table, history, period, period.last_day, session.today())
    return [Problem(str(found.path), msg("owners.unowned", target=target.id, period=period_words(period),
                                         title=Words(target.short("en"), target.short("zh"))))
            for target in computed.unowned]  # fmt: skip


def period_of(session: Session, found: RoundSettings, text: str | None) -> Period:
    """The period asked for (2024-03, 2024Q1 …), else the latest period of the workspace's cadence that has
    ended: the one being collected or chased."""
    if text is not None:
        return parse_period(text)
    return latest_ended(session.today(), found.cadence)


def due_of(found: RoundSettings, period: Period, text: str | None) -> date:
    """The due day asked for (a date, or a day of the following month), else the workspace's."""
    from gdz_targets.domain.periods import due_date

    return parse_due(text, period) if text is not None else due_date(period, found.due_day)


class RoundRequest(NamedTuple):
    """What a round command asks for; None keeps the workspace's choice (its cadence, its due day, all)."""

    period: str | None = None
    due: str | None = None
    owner: str | None = None


EVERY_OWNER = RoundRequest()


def returns(session: Session, request: RoundRequest = EVERY_OWNER) -> Returns:
    """Who has reported for the period: per owner, the targets it owes and which have a figure."""
    table, found = declared_owners(session)
    period = period_of(session, found, request.period)
    due = due_of(found, period, request.due)
    computed = compute_returns(session.plan(), table, session.history(), period, due, session.today())
    if request.owner is None:
        return computed
    chosen = table.named(request.owner)
    return computed._replace(owners=tuple(row for row in computed.owners if row.owner == chosen))


def returns_document(session: Session, found: Returns, fmt: str, output: str | None = None) -> Document:
    """The returns as CSV, JSON or Markdown, written atomically to `output` (a file), else handed back."""
    from gdz_targets.output import round_text

    if fmt == "csv":
        data = round_text.returns_csv(found, session.lang)
    elif fmt == "json":
        data = round_text.returns_json(found, session.plan(), session.lang)
    else:
        data = round_text.returns_markdown(found, session.lang).encode("utf-8")
    return deliver(data, fmt, output)


def contact(session: Session) -> str | None:
    """Whom departments ask about the round (`contact` in [reporting]), for the reminder."""
    return settings(session).contact


class FormRead(NamedTuple):
    """What a returned form says besides its figures."""

    owner: str | None  # as the form names it
    period: Period | None
    period_text: str | None  # as written, where it names no period
    due: date | None
    unfilled: Sequence[Unfilled]  # rows left without a figure
    outside: Sequence[Entry]  # figures dated outside the form's period
    not_owned: Sequence[str]  # targets the form's owner does not hold (by today's gdz.toml)
    unknown_owner: bool  # the form's owner is not in today's gdz.toml
    current: Period | None  # the period the round collects now, where the form is of another


def read_form(session: Session, form: Form, entries: Sequence[Entry]) -> FormRead:
    """The owner and period a form carries, and what its rows say against them: figures dated outside its
    period, targets its owner does not hold, rows without a figure."""
    from gdz_targets.domain.values import ValueRefused
    from gdz_targets.store.cells import cell_day, cell_text

    owner = cell_text(form.heads["owner"][2]).strip() if "owner" in form.heads else None
    period: Period | None = None
    written = cell_text(form.heads["period"][2]).strip() if "period" in form.heads else None
    if written is not None:
        try:
            period = parse_period(written)
        except ValueRefused:
            period = None
    due = None
    if "due" in form.heads:
        try:
            due = cell_day(form.heads["due"][2], sheet=form.table.sheet is not None)
        except ValueRefused:
            due = None
    outside = [entry for entry in entries if period is not None and not period.holds(entry.date)]
    not_owned: list[str] = []
    unknown_owner = False
    try:  # said after the import: a gdz.toml with a problem takes nothing from what was imported
        found = settings(session)
        table = owners(session, found) if owner and found.declared else NO_OWNERS
    except DataError:
        table = NO_OWNERS
    if table:
        held = next((o for o in table.owners if o.name == owner), None)
        unknown_owner = held is None
        if held is not None:
            not_owned = sorted({entry.target for entry in entries if entry.target not in held.targets()})
    current = None
    if period is not None:
        now = latest_ended(session.today(), period.cadence)
        current = now if now != period else None
    text = written if period is None else None
    return FormRead(owner, period, text, due, form.unfilled, outside, not_owned, unknown_owner, current)


def form_notes(read: FormRead) -> list[Message]:
    """What `gdz import` says of a form besides the entries: whose and for when, and what to look at."""
    notes = []
    owner = read.owner or "—"
    if read.period is not None:
        period = period_words(read.period)
        due = read.due.isoformat() if read.due else "—"
        notes.append(msg("form.read", owner=owner, period=period, due=due))
    elif read.period_text is not None:
        notes.append(msg("form.bad_period", value=read.period_text))
    if read.unknown_owner:
        notes.append(msg("form.unknown_owner", owner=owner))
    if read.current is not None and read.period is not None:
        notes.append(
            msg("form.other_period", period=period_words(read.period), current=period_words(read.current))
        )
    if read.unfilled:
        notes.append(msg("form.unfilled", count=len(read.unfilled)))
    for row in read.unfilled:
        if row.words:
            notes.append(
                msg("form.unfilled_words", row=row.row, target=row.target or "—", words=" · ".join(row.words))
            )
    if read.outside and read.period is not None:
        figures = counted("figure", len(read.outside))
        notes.append(msg("form.outside", figures=figures, period=period_words(read.period)))
    if read.not_owned:
        notes.append(
            msg(
                "form.not_owned",
                targets=Words(", ".join(read.not_owned), "、".join(read.not_owned)),
                owner=owner,
            )
        )
    return notes


def period_words(period: Period) -> Words:
    """A period as a reader writes it, in both languages (2024年3月, March 2024)."""
    from gdz_targets.output.round_text import period_label

    return Words(period_label(period, "en"), period_label(period, "zh"))
