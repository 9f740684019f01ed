"""`gdz returns` and `gdz export template`: the reporting round — who has reported, a reminder to send, and
the forms departments fill in."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .common import (
    DueOption,
    LangOption,
    LedgerOption,
    OutputOption,
    OwnerOption,
    PeriodOption,
    PlanOption,
    deliver,
    draw,
    refuse_binary_on_screen,
    say,
    session,
    width,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from gdz_targets.app.session import Session


class ReturnsFormat(StrEnum):
    csv = "csv"
    json = "json"
    md = "md"


def returns(
    period: PeriodOption = None,
    due: DueOption = None,
    owner: OwnerOption = None,
    remind: Annotated[
        bool,
        typer.Option(
            "--remind", help="Print a reminder to paste into a chat or an OA message, not the report."
        ),
    ] = False,
    fmt: Annotated[
        Optional[ReturnsFormat],  # noqa: UP045
        typer.Option("--format", "-f", help="csv, json or md instead of the screen.", show_default=False),
    ] = None,
    output: OutputOption = None,
    plan: PlanOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Who has reported for a period: per owner, what it owes, what is missing, and whether it is late.

    Example: gdz returns --period 2024-03 --remind
    """
    s = session(lang, plan, ledger)
    from gdz_targets.app.reporting import RoundRequest, contact
    from gdz_targets.app.reporting import returns as round_returns
    from gdz_targets.domain.errors import UsageError, msg

    if remind and (fmt is not None or output is not None):
        raise UsageError(msg("returns.remind_format"))
    found = round_returns(s, RoundRequest(period, due, owner))
    if remind:
        from gdz_targets.output.round_text import reminder
        from gdz_targets.output.stream import write_out

        write_out(reminder(found, s.lang, contact(s)))
        return
    if fmt is None and output is not None:  # the format from the file's name, as `gdz export` takes it
        from gdz_targets.output.export import choose_format

        fmt = ReturnsFormat(choose_format(None, output, [choice.value for choice in ReturnsFormat]))
    if fmt is None:
        from gdz_targets.output.screens.returns import returns_view

        draw(returns_view(found, s.plan(), s.lang, width(), detail=owner is not None))
        return
    from gdz_targets.app.reporting import returns_document

    deliver(s, returns_document(s, found, fmt.value, output))


def export_template(
    s: "Session",
    output: str | None,
    fmt: str | None,
    period: str | None,
    owner: str | None,
    due: str | None,
    force: bool,
) -> None:
    """`gdz export template`: each owner's form for the period, where asked, and what was written."""
    from gdz_targets.app.forms import TemplateRequest, templates
    from gdz_targets.app.reporting import RoundRequest

    if output == "-":
        refuse_binary_on_screen(fmt or "xlsx", output)
    outcome = templates(s, TemplateRequest(RoundRequest(period, due, owner), output, fmt, force))
    from gdz_targets.output.round_text import period_label
    from gdz_targets.output.stream import write_bytes

    label = period_label(outcome.period, s.lang)
    for form in outcome.forms:
        if form.path == "-":
            write_bytes(form.data)
        elif form.path is None:
            say(s, "template.nothing", owner=form.owner, period=label)
        else:
            say(s, "template.wrote", path=form.path, owner=form.owner, count=form.targets)
    written = sum(1 for form in outcome.forms if form.path not in (None, "-"))
    if outcome.folder is not None and written:
        say(
            s,
            "template.done",
            count=written,
            period=label,
            due=outcome.due.isoformat(),
            folder=outcome.folder,
        )


# The options of `gdz export` each kind takes: one given to another kind is refused, never ignored.
TEMPLATE_OPTIONS = frozenset({"--period", "--owner", "--due", "--force"})
REPORT_OPTIONS = frozenset({"--as-of", "--since", "--area", "--status", "--codes", "--no-bom"})


def refuse_options(what: str, given: "Mapping[str, object]") -> None:
    """An option `gdz export WHAT` does not take is bad input, said, rather than quietly ignored."""
    from gdz_targets.domain.errors import UsageError, msg

    wrong = REPORT_OPTIONS if what == "template" else TEMPLATE_OPTIONS
    for option, value in given.items():
        if option in wrong and value:
            raise UsageError(msg("template.not_for", option=option, what=what))


# The commands this module adds, in the order `gdz --help` lists them.
COMMANDS = (("returns", returns),)
