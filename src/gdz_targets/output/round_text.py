"""The reporting round in words: periods and days as a reader writes them, each owner's state, the reminder to
paste into a chat or an OA message, and the returns as CSV, JSON and Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Final

from gdz_targets import __version__
from gdz_targets.domain.model import Kind, Plan, Target
from gdz_targets.domain.periods import MONTH_NAMES, Cadence, Period
from gdz_targets.domain.returns import Asked, OwnerReturn, Returns, State
from gdz_targets.domain.status import Origin

from .sheets import neutralise
from .text import UNKNOWN, figure_value, joined, point_value, unit_label, with_unit, word, zh_day

RETURNS_SCHEMA: Final = 1
STATE_MARK: Final = {State.LATE: "✖", State.PENDING: "○", State.COMPLETE: "✔", State.NOTHING: "—"}
STATE_STYLE: Final = {
    State.LATE: "bold red",
    State.PENDING: "yellow",
    State.COMPLETE: "green",
    State.NOTHING: "dim",
}
_QUARTERS_ZH: Final = "一二三四"


def period_label(period: Period, lang: str) -> str:
    """A period as a reader writes it: 2024年3月, 2024年第一季度, 2024年上半年; March 2024, Q1 2024."""
    year, number, cadence = period.year, period.number, period.cadence
    if lang == "zh":
        if cadence is Cadence.MONTH:
            return f"{year}年{number}月"
        if cadence is Cadence.QUARTER:
            return f"{year}年第{_QUARTERS_ZH[number - 1]}季度"
        if cadence is Cadence.HALF:
            return f"{year}年{'上' if number == 1 else '下'}半年"
        return f"{year}年"
    if cadence is Cadence.MONTH:
        return f"{MONTH_NAMES[number - 1]} {year}"
    if cadence is Cadence.QUARTER:
        return f"Q{number} {year}"
    return f"H{number} {year}" if cadence is Cadence.HALF else str(year)


def day_words(day: date, lang: str, year: int | None = None) -> str:
    """A day as a sentence writes it: 2024年4月5日 / 5 April 2024, the year left out where it is `year`'s."""
    if lang == "zh":
        return zh_day(day, year=day.year != year)
    return f"{day.day} {MONTH_NAMES[day.month - 1]}" + (f" {day.year}" if day.year != year else "")


def state_text(state: State, lang: str, returns: Returns | None = None) -> str:
    """`✖ late 25d`, `○ due`, `✔ complete`, `— nothing due`."""
    text = f"{STATE_MARK[state]} {word('state.' + state.value, lang)}"
    if state is State.LATE and returns is not None:
        text += " " + word("returns.days_short", lang).format(days=(returns.today - returns.due).days)
    return text


def due_words(returns: Returns, lang: str) -> str:
    """When the returns are due, against today: `due 2024-04-05, 25 days ago`."""
    days = (returns.today - returns.due).days
    keys = {-1: "returns.due_tomorrow", 0: "returns.due_today", 1: "returns.due_yesterday"}
    key = keys.get(days, "returns.due_past" if days > 0 else "returns.due_ahead")
    return word(key, lang).format(due=returns.due.isoformat(), days=abs(days))


def short_title(target: Target, lang: str) -> str:
    return target.short(lang)


def figure_text(plan: Plan, asked: Asked, lang: str) -> str:
    """The period's figure as logged, with its bound and unit, and its day: `1020项 (2024-03-31)`."""
    if asked.figure is None:
        return UNKNOWN
    return f"{point_value(plan, asked.target.id, asked.figure, lang)} ({asked.figure.date.isoformat()})"


def previous_parts(plan: Plan, asked: Asked, lang: str) -> tuple[str, str]:
    """The latest figure before the period, with its bound and unit (the plan's baseline said as such), and
    its date: `>1000 items`, `2023-12-31`; `800 items (baseline)`, `2022`."""
    figure = asked.previous
    if figure is None:
        return UNKNOWN, ""
    target = asked.target
    unit = "" if target.kind is Kind.MILESTONE else unit_label(plan, target, lang)
    shown = with_unit(figure_value(target, figure, lang), unit)
    if figure.origin is Origin.PLAN:
        shown = word("returns.baseline_figure", lang).format(figure=shown)
    return shown, str(figure.as_of)


def previous_text(plan: Plan, asked: Asked, lang: str) -> str:
    """`>1000 items (2023-12-31)`: the latest figure before the period and its date, as one text."""
    shown, day = previous_parts(plan, asked, lang)
    return f"{shown} ({day})" if day else shown


# --- the reminder -------------------------------------------------------------------------------------------


def reminder(returns: Returns, lang: str, contact: str | None = None) -> str:
    """A reminder to paste into a chat group or an OA message: the period, the due day, and each owner still
    owing figures with the targets it owes (late ones, or before the due day, all not yet complete)."""
    period = period_label(returns.period, lang)
    due = day_words(returns.due, lang, returns.period.last_day.year)
    today = day_words(returns.today, lang, returns.period.last_day.year)
    owing = [row for row in returns.owners if row.state in (State.LATE, State.PENDING)]
    complete = returns.count(State.COMPLETE)
    if not owing:
        return word("remind.all_in", lang).format(period=period) + "\n"
    key = "remind.overdue" if returns.due_passed else "remind.upcoming"
    lines = [word(key, lang).format(period=period, due=due, today=today)]
    for number, row in enumerate(owing, start=1):
        titles = joined([short_title(asked.target, lang) for asked in row.missing], lang)
        lines.append(
            word("remind.owner", lang).format(
                number=number, owner=row.owner.name, count=len(row.missing), titles=titles
            )
        )
    closing = [word("remind.complete", lang).format(count=complete)] if complete else []
    closing.append(word("remind.ask_late" if returns.due_passed else "remind.ask", lang))
    if contact:
        closing.append(word("remind.contact", lang).format(contact=contact))
    lines.append(("" if lang == "zh" else " ").join(closing))
    return "\n".join(lines) + "\n"


# --- documents ----------------------------------------------------------------------------------------------


RETURNS_COLUMNS: Final = (
    "period",
    "due",
    "owner",
    "state",
    "owed",
    "returned",
    "missing",
    "missing_targets",
    "missing_titles",
    "helps",
    "days_late",
)


def owner_record(returns: Returns, row: OwnerReturn, lang: str) -> dict[str, Any]:
    """One owner's returns as typed fields: what the CSV holds, and the JSON more fully."""
    return {
        "period": str(returns.period),
        "due": returns.due.isoformat(),
        "owner": row.owner.name,
        "state": row.state.value,
        "owed": len(row.owed),
        "returned": len(row.returned),
        "missing": len(row.missing),
        "missing_targets": [asked.target.id for asked in row.missing],
        "missing_titles": [short_title(asked.target, lang) for asked in row.missing],
        "helps": len(row.asked) - len(row.owed),
        "days_late": (returns.today - returns.due).days if row.state is State.LATE else None,
    }


def returns_csv(returns: Returns, lang: str) -> bytes:
    """One row per owner, most urgent first: UTF-8 with the BOM Excel needs, column names as codes (scripts
    read them) or in Chinese for a Chinese reader."""
    import csv
    import io

    from .export import BOM

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [word("returns_column." + column, lang) if lang == "zh" else column for column in RETURNS_COLUMNS]
    )
    for row in returns.owners:
        record = owner_record(returns, row, lang)
        cells = []
        for column in RETURNS_COLUMNS:
            value = record[column]
            if column == "state" and lang == "zh":
                value = word("state." + value, lang)
            text = ";".join(value) if isinstance(value, list) else "" if value is None else str(value)
            cells.append(neutralise(text))
        writer.writerow(cells)
    return (BOM + buffer.getvalue()).encode("utf-8")


def returns_json(returns: Returns, plan: Plan, lang: str) -> bytes:
    """Every owner with every target asked for: whether it has a figure for the period, and which."""
    import json

    def target_fields(asked: Asked) -> dict[str, Any]:
        figure = asked.figure
        value: Any = None
        if figure is not None:
            value = figure.value >= 1 if asked.target.kind is Kind.MILESTONE else _number(figure.value)
        return {
            "target": asked.target.id,
            "title": short_title(asked.target, lang),
            "role": asked.role.value,
            "returned": figure is not None,
            "value": value,
            "qualifier": figure.qualifier.value if figure and figure.qualifier else None,
            "date": figure.date.isoformat() if figure else None,
        }

    owners = []
    for row in returns.owners:
        record = owner_record(returns, row, lang)
        record["targets"] = [target_fields(asked) for asked in row.asked]
        record["not_asked"] = [{"target": target.id, "reason": skip.value} for target, skip in row.skipped]
        owners.append(record)
    document = {
        "schema_version": RETURNS_SCHEMA,
        "generator": f"gdz {__version__}",
        "period": str(returns.period),
        "first_day": returns.period.first_day.isoformat(),
        "last_day": returns.period.last_day.isoformat(),
        "due": returns.due.isoformat(),
        "as_of": returns.today.isoformat(),
        "due_passed": returns.due_passed,
        "counts": {state.value: returns.count(state) for state in State},
        "owners": owners,
        "unowned": [target.id for target in returns.unowned],
    }
    # Written as `export.json_bytes` writes JSON, without loading the export module (csv and more).
    return (json.dumps(document, ensure_ascii=False, allow_nan=False, indent=2) + "\n").encode("utf-8")


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def returns_markdown(returns: Returns, lang: str) -> str:
    """The returns as a briefing reads them: the period and its due day, then a table of owners."""
    from .markdown import md

    heading = word("returns.heading", lang).format(
        period=period_label(returns.period, lang), due=due_words(returns, lang)
    )
    header = [
        word(key, lang) for key in ("returns.owner", "returns.reported", "returns.state", "returns.missing")
    ]
    lines = [f"# {md(heading)}", "", "| " + " | ".join(header) + " |", "|---|---:|---|---|"]
    for row in returns.owners:
        missing = joined([short_title(asked.target, lang) for asked in row.missing], lang)
        cells = [
            md(row.owner.name),
            f"{len(row.returned)}/{len(row.owed)}",
            state_text(row.state, lang, returns),
            md(missing),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if returns.unowned:
        titles = joined([short_title(target, lang) for target in returns.unowned], lang)
        lines += ["", md(word("returns.unowned", lang).format(count=len(returns.unowned), titles=titles))]
    return "\n".join(lines) + "\n"


def skipped_words(skipped: Sequence[tuple[Target, Any]], lang: str) -> list[str]:
    """Targets a period does not ask for, each with why: `Cross-city total (met, and its deadline passed)`."""
    return [
        word("returns.skipped_item", lang).format(
            title=short_title(target, lang), reason=word("skip." + skip.value, lang)
        )
        for target, skip in skipped
    ]
