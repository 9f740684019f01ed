"""`gdz returns`: who has reported for a period — a summary, then one line per owner, most urgent first, with
the targets it still owes below it; for one owner, every target it is asked about."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from gdz_targets.domain.model import Plan
from gdz_targets.domain.owners import Role
from gdz_targets.domain.returns import OwnerReturn, Returns, State
from gdz_targets.output.round_text import (
    STATE_MARK,
    STATE_STYLE,
    due_words,
    figure_text,
    period_label,
    previous_text,
    short_title,
    skipped_words,
    state_text,
)
from gdz_targets.output.text import UNKNOWN, list_separator, placeholders, word
from gdz_targets.output.textwidth import cut, width_of, wrap

from .layout import (
    COLUMN_GAP,
    NARROW,
    WIDE,
    Cell,
    Column,
    capped_flow,
    cell,
    fit_columns,
    flow,
    grid,
    heading_lines,
)

MISSING_LINES = 2  # the targets an owner owes take at most this many lines; `--owner` lists them all


def returns_view(returns: Returns, plan: Plan, lang: str, width: int, detail: bool = False) -> Text:
    """The returns of a period: when they are due, how many owners are late, pending or complete and how many
    targets have a figure, then each owner; with `detail` (one owner asked for), each of its targets."""
    width = max(width, 1)
    period = returns.period
    span = word("returns.span", lang).format(
        first=period.first_day.isoformat(), last=period.last_day.isoformat()
    )
    title = word("returns.title", lang).format(period=period_label(period, lang))
    view = heading_lines(title, f"{span} · {due_words(returns, lang)}", width)
    view.append_text(_summary(returns, lang, width, detail))
    view.append("\n")
    if detail and len(returns.owners) == 1:
        view.append_text(_owner_detail(returns, returns.owners[0], plan, lang, width))
    else:
        view.append_text(_owners(returns, lang, width))
    if returns.unowned and not detail:
        titles = [short_title(target, lang) for target in returns.unowned]
        label = word("returns.unowned_label", lang).format(count=len(returns.unowned))
        more = word("ui.and_more_see", lang)
        view.append("\n")

        def counted(left: int) -> str:
            return more.format(count=left, command="gdz check")

        view.append_text(_titles(label, titles, width, counted, lang, style="dim"))
    return view


def _summary(returns: Returns, lang: str, width: int, detail: bool) -> Text:
    labels = {
        key: word(key, lang) for key in ("returns.owners_label", "returns.targets_label", "ui.next_label")
    }
    indent = max(width_of(label) for label in labels.values()) + 2
    owed = sum(len(row.owed) for row in returns.owners)
    returned = sum(len(row.returned) for row in returns.owners)
    counts = [
        (
            f"{STATE_MARK[state]} {word('state.' + state.value, lang)} {returns.count(state)}",
            STATE_STYLE[state],
        )
        for state in State
        if returns.count(state)
    ]
    owners = word("returns.owner_count", lang).format(count=len(returns.owners))
    summary = flow(
        labels["returns.owners_label"],
        [(owners, "bold"), *counts],
        width,
        indent=indent,
        separator="   ",
        pad=True,
    )
    targets = word("returns.target_count", lang).format(returned=returned, owed=owed, missing=owed - returned)
    summary.append_text(
        flow(labels["returns.targets_label"], [(targets, "")], width, indent=indent, pad=True, fold=True)
    )
    steps = ["gdz returns --remind"] if any(row.missing for row in returns.owners) else []
    if not detail:
        steps.append("gdz returns --owner NAME")
    steps.append("gdz import FORM")
    summary.append_text(
        flow(
            labels["ui.next_label"],
            [(placeholders(step, lang), "") for step in steps],
            width,
            indent=indent,
            separator=" · ",
            pad=True,
            whole=True,
        )
    )
    return summary


def _owners(returns: Returns, lang: str, width: int) -> Text:
    """One line per owner; what it still owes beside it from 100 columns, else indented below it."""
    wide = width >= WIDE
    columns = [
        Column("owner", word("returns.owner", lang), 1, flexible=not wide, min_width=10),
        Column("reported", word("returns.reported", lang), 2, "right"),
        Column("state", word("returns.state", lang), 1),
    ]
    if wide:
        columns.append(
            Column("missing", word("returns.missing_column", lang), 3, flexible=True, min_width=20)
        )
    rows = [_owner_row(returns, row, lang) for row in returns.owners]
    fitted = fit_columns(columns, rows, width)
    wide = wide and any(column.key == "missing" for column, _ in fitted)
    more = word("ui.and_more", lang)
    if wide:  # beside each owner too, what it owes takes at most MISSING_LINES lines, the rest counted
        room = next(size for column, size in fitted if column.key == "missing")
        for row, found in zip(rows, returns.owners, strict=True):
            titles = [short_title(asked.target, lang) for asked in found.missing]
            row["missing"] = cell(_capped(titles, room, more, lang))
    table = sum(size for _, size in fitted) + COLUMN_GAP * (len(fitted) - 1)
    # The owner's name is what the line is about: where its column would hold fewer than 12 cells of it, each
    # owner takes lines of its own instead.
    named = next((size for column, size in fitted if column.key == "owner"), 0)
    longest = max((width_of(text) for row in rows for text, _ in row["owner"]), default=0)
    if named < min(longest, 12):
        table = width + 1
    view = Text()
    step = 2 if width >= NARROW else 0
    for number, (row, found) in enumerate(zip(rows, returns.owners, strict=True)):
        if table <= width:
            view.append_text(grid(fitted, [row], show_header=number == 0))
        else:  # too narrow for the columns: the name, then what it has reported and its state
            for text, style in [
                *row["owner"],
                (f"{row['reported'][0][0]} · {row['state'][0][0]}", row["state"][0][1]),
            ]:
                view.append("\n".join(wrap(text, width)) + "\n", style=style)
        if found.missing and not wide:
            titles = [short_title(asked.target, lang) for asked in found.missing]
            view.append_text(_titles(word("returns.missing_label", lang), titles, width,
                                     lambda left: more.format(count=left), lang, lead=step))  # fmt: skip
    if not rows:
        view.append(word("returns.no_owners", lang) + "\n", style="dim")
    return view


def _capped(titles: list[str], width: int, more: str, lang: str) -> str:
    """Titles joined, folded to `width`, on at most MISSING_LINES lines: as many as fit, then `… N more`."""
    separator = list_separator(lang)
    for kept in range(len(titles), -1, -1):
        shown = separator.join(
            titles[:kept] + ([more.format(count=len(titles) - kept)] if kept < len(titles) else [])
        )
        lines = wrap(shown, width)
        if len(lines) <= MISSING_LINES:
            return "\n".join(lines)
    return cut(more.format(count=len(titles)), width)


def _titles(label: str, titles: list[str], width: int, more: Callable[[int], str], lang: str, lead: int = 0,
            style: str = "") -> Text:  # fmt: skip
    """`label a、b、c`, on at most MISSING_LINES lines, the rest counted (`more`)."""
    items = [(title, style) for title in titles]
    separator = list_separator(lang)
    return capped_flow(
        label, items, width, MISSING_LINES, more, indent=lead + 2, separator=separator, lead=lead
    )


def _owner_row(returns: Returns, row: OwnerReturn, lang: str) -> dict[str, Cell]:
    helps = len(row.asked) - len(row.owed)
    name = (
        word("returns.owner_helps", lang).format(name=row.owner.name, count=helps)
        if helps
        else row.owner.name
    )
    missing = list_separator(lang).join(short_title(asked.target, lang) for asked in row.missing)
    return {
        "owner": cell(name, "bold"),
        "reported": cell(f"{len(row.returned)}/{len(row.owed)}"),
        "state": [(state_text(row.state, lang, returns), STATE_STYLE[row.state])],
        "missing": cell(missing),
    }


def _owner_detail(returns: Returns, row: OwnerReturn, plan: Plan, lang: str, width: int) -> Text:
    """Every target one owner is asked about: its figure for the period, else its last figure."""
    view = Text()
    state = state_text(row.state, lang, returns)
    if width_of(row.owner.name) + 2 + width_of(state) <= width:
        view.append(row.owner.name, style="bold")
        view.append(f"  {state}\n", style=STATE_STYLE[row.state])
    else:
        view.append("\n".join(wrap(row.owner.name, width)) + "\n", style="bold")
        view.append("\n".join(wrap(state, width)) + "\n", style=STATE_STYLE[row.state])
    columns = [
        Column("target", word("ui.target_col", lang), 1),
        Column("title", word("ui.title", lang), 4, flexible=True, min_width=8, cut=True),
        Column("figure", word("returns.this_period", lang), 2),
        Column("previous", word("returns.previous", lang), 3),
    ]
    rows = []
    for asked in row.asked:
        if asked.figure is not None:
            figure = cell(figure_text(plan, asked, lang), "green")
        else:
            lead = asked.role is Role.LEAD
            missing = f"{STATE_MARK[State.LATE]} {word('returns.missing', lang)}"
            figure = cell(missing if lead else UNKNOWN, STATE_STYLE[row.state] if lead else "dim")
        previous = previous_text(plan, asked, lang)
        title = short_title(asked.target, lang)
        if asked.role is Role.CO:
            title = word("returns.helps_title", lang).format(title=title)
        rows.append(
            {
                "target": cell(asked.target.id, "bold"),
                "title": cell(title, "dim"),
                "figure": figure,
                "previous": cell(previous, "dim"),
            }
        )
    fitted = fit_columns(columns, rows, width, gap=2)
    view.append_text(grid(fitted, rows, gap=2))
    skipped = skipped_words(row.skipped, lang)
    if skipped:
        view.append("\n")
        label = word("returns.not_asked", lang)
        view.append_text(
            flow(
                label,
                [(text, "dim") for text in skipped],
                width,
                indent=2,
                separator=list_separator(lang),
                fold=True,
            )
        )
    return view
