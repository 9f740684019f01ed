"""What moved since an earlier day, in words: the period a report covers, a target's change as a short cell
and as a sentence, and the summary's counts and names (plain text, shared by the screens and the exports)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from gdz_targets.domain.errors import counted
from gdz_targets.domain.model import Kind, Plan, Target
from gdz_targets.domain.movement import NAMED, Change, FigureChange, Movement, TargetMovement
from gdz_targets.domain.status import Aggregate, Figure, Status, TargetStatus
from gdz_targets.domain.values import QUALIFIER_MARKS

from .messages import render
from .text import (
    STATUS_MARK,
    STATUS_STYLE,
    figure_value,
    list_separator,
    milestone_state,
    number,
    score_text,
    score_value,
    unit_label,
    with_unit,
    word,
    zh_day,
)
from .textwidth import width_of

# The changes that lead to a status: marked with its sign and shown in its colours wherever they are named.
CHANGE_STATUS: Final = {Change.OVERDUE: Status.OVERDUE, Change.MET: Status.ACHIEVED}
# How each change the summary names is styled there.
CHANGE_STYLE: Final = {
    **{change: STATUS_STYLE[status] for change, status in CHANGE_STATUS.items()},
    Change.WENT_BACK: "red",
    Change.CORRECTED: "yellow",
    Change.STALE: "yellow",
    Change.FRONTIER: "",
}
CHANGE_MARK: Final = {change: STATUS_MARK[status] + " " for change, status in CHANGE_STATUS.items()}


def period_words(since: date, as_of: date, lang: str) -> str:
    """The period a report covers: `2024-03-31 → 2024-04-30`, 2024年3月31日至4月30日."""
    if lang != "zh":
        return word("since.period", lang).format(since=since.isoformat(), as_of=as_of.isoformat())
    later = zh_day(as_of, year=as_of.year != since.year)
    return word("since.period", lang).format(since=zh_day(since), as_of=later)


def signed_amount(amount: float) -> str:
    """A change as a signed number: `+120`, `-2.5`, `±0`."""
    text = number(amount, 6)
    return "±0" if text == "0" else text if text.startswith("-") else f"+{text}"


def change_amount(plan: Plan, target: Target, change: FigureChange, lang: str, short: bool = True) -> str:
    """A figure's change with its unit: `+120 items`, `+2.5 pp` (a share changes in points), `-2 places` (a
    rank or tier), a bound before it (`>+80`); `short` for a cell, else for a sentence, unsigned, its bound
    in words (`over 80 items`)."""
    mark = QUALIFIER_MARKS[change.bound] if change.bound else ""
    amount = signed_amount(change.amount)
    if not short:
        mark = (
            word("qualifier." + change.bound.value, lang) + ("" if lang == "zh" else " ")
            if change.bound
            else ""
        )
        amount = amount.lstrip("+-±")
    unit = unit_label(plan, target, lang)
    if unit == "%":
        key = "since.points_short" if short else "ui.point" if abs(change.amount) == 1 else "ui.points"
        return mark + word(key, lang).format(n=amount)
    if "{}" in unit:
        return mark + word("ui.place" if abs(change.amount) == 1 else "ui.places", lang).format(n=amount)
    return mark + with_unit(amount, unit)


def score_change(row: TargetMovement) -> int | None:
    """How far the shown score moved: the difference of the two scores as shown, rounded down, so that it is
    what a reader finds by putting the two reports side by side."""
    moved = row.score_change
    if moved is None:
        return None
    then, now = (int(score_value(value)) for value in moved)
    return now - then if now != then else None


def change_cell(plan: Plan, row: TargetMovement, lang: str) -> str:
    """A target's change in one short cell: its figure's (`+120 items`, `new`, `corrected -180 items`), its
    score's (`+8`), and a change of status (`met`, `overdue`, `stale`); empty where nothing moved."""
    if not row.moved:
        return ""
    parts = [_figure_part(plan, row, lang)]
    moved = score_change(row)
    if moved is not None:
        parts.append(word("since.score_short", lang).format(change=signed_amount(moved)))
    parts += [word("moved." + change.value, lang) for change in NAMED if change in row.changes
              and change not in (Change.CORRECTED, Change.WENT_BACK)]  # fmt: skip
    return " · ".join(part for part in parts if part)


def change_cells(plan: Plan, moved: Movement, rows: Sequence[TargetStatus], lang: str) -> dict[str, str]:
    """Each of the rows' change cells, by target: a document's change column."""
    return {row.target.id: change_cell(plan, moved.of(row.target.id), lang) for row in rows}


def _figure_part(plan: Plan, row: TargetMovement, lang: str) -> str:
    target, then, now = row.now.target, row.then.current, row.now.current
    corrected = word("moved.corrected", lang) if Change.CORRECTED in row.changes else ""
    if now is None or then is None:
        return corrected or (word("moved.first-figure", lang) if now is not None else "")
    if target.kind is Kind.MILESTONE:  # its state where it changed, else that it was reported again
        changed = milestone_state(now.value, lang) if then.value != now.value else ""
        again = word("moved.new-figure", lang) if Change.NEW_FIGURE in row.changes and not changed else ""
        return " ".join(filter(None, (corrected, changed or again)))
    if Change.NEW_FIGURE not in row.changes and then == now:
        return corrected
    if row.figure is None:  # the earlier figure was a bound: no change to state, only that there is a new one
        return corrected or word("moved.new-figure", lang)
    return " ".join(filter(None, (corrected, change_amount(plan, target, row.figure, lang))))


def change_sentence(plan: Plan, row: TargetMovement, lang: str) -> str:
    """A target's change since `since` as `gdz show` says it: its figure then and now, score and status."""
    since = row.since.isoformat()
    if not row.moved:
        return word("since.nothing", lang).format(since=since)
    target, then = row.now.target, row.then.current
    parts = [_figure_sentence(plan, row, lang)]
    if Change.CORRECTED in row.changes and then is not None:
        parts.append(word("since.corrected_from", lang).format(then=_dated(plan, target, then, lang)))
    if score_change(row) is not None and row.score_change is not None:  # as the two reports show them
        then_score, now_score = (score_value(value) for value in row.score_change)
        parts.append(word("since.score_moved", lang).format(then=then_score, now=now_score))
    if Change.FRONTIER in row.changes:
        parts.append(_frontier_sentence(plan, row.now, lang))
    named = [word("change." + change.value, lang) for change in NAMED if change in row.changes
             and change is not Change.CORRECTED]  # fmt: skip
    if named:
        parts.append(list_separator(lang).join(named))
    body = (";" if lang == "zh" else "; ").join(part for part in parts if part)
    return word("since.sentence", lang).format(since=since, changes=body)


def _figure_sentence(plan: Plan, row: TargetMovement, lang: str) -> str:
    target, then, now = row.now.target, row.then.current, row.now.current
    if now is None:
        return word("since.gone", lang).format(then=_dated(plan, target, then, lang)) if then else ""
    shown = _dated(plan, target, now, lang)
    if then is None:
        return word("since.first", lang).format(now=shown)
    if then == now:
        return ""
    if row.figure is None or target.kind is Kind.MILESTONE:
        return word("since.then_now", lang).format(then=_dated(plan, target, then, lang), now=shown)
    key = "since.up" if row.figure.amount > 0 else "since.down" if row.figure.amount < 0 else "since.level"
    size = change_amount(plan, target, row.figure, lang, short=False)
    return word(key, lang).format(now=shown, then=_dated(plan, target, then, lang), amount=size)


def _dated(plan: Plan, target: Target, figure: Figure, lang: str) -> str:
    """`1020 items (2026-12-01)`: a figure with its unit and its date."""
    unit = "" if target.kind is Kind.MILESTONE else unit_label(plan, target, lang)
    return f"{with_unit(figure_value(target, figure, lang), unit)} ({figure.as_of})"


def _frontier_sentence(plan: Plan, row: TargetStatus, lang: str) -> str:
    """What 100 stands for now that a Guangzhou or Shenzhen figure moved it."""
    score = row.score
    if score.frontier is None:
        return ""
    value = (">" if score.frontier_strict else "") + number(score.frontier)
    source = word("frontier." + (score.frontier_source or "target"), lang)
    return word("since.frontier", lang).format(value=with_unit(value, unit_label(plan, row.target, lang)),
                                               source=source)  # fmt: skip


def score_then_now(then: Aggregate, now: Aggregate) -> str | None:
    """`7 → 9`: a score that moved, as shown; None where it did not."""
    shown = (score_value(then.score), score_value(now.score))
    return None if shown[0] == shown[1] else f"{shown[0]} → {shown[1]}"


def figures_words(moved: Movement, lang: str) -> str | None:
    """`new figures for 3 targets`: how many targets have a figure logged for a day since; None for none."""
    figures = sum(1 for row in moved.moved() if Change.NEW_FIGURE in row.changes)
    return (
        word("since.new_figures", lang).format(targets=render(counted("target", figures), lang))
        if figures
        else None
    )


def plan_score_words(moved: Movement, lang: str) -> str | None:
    """`score 7 → 9`: the whole plan's score then and now, as shown; None where it did not move."""
    scores = score_then_now(moved.then.aggregate, moved.now.aggregate)
    return word("since.plan_score", lang).format(scores=scores) if scores else None


# The changes a summary names target by target: each change of status, and a moved bar.
LISTED: Final = (*NAMED, Change.FRONTIER)


def changed_targets(moved: Movement, lang: str) -> list[tuple[Change, list[str]]]:
    """The targets with each change a summary names, by short title, the most important change first (a
    target under each of its changes)."""
    rows = moved.moved()
    found = [
        (change, [row.now.target.short(lang) for row in rows if change in row.changes]) for change in LISTED
    ]
    return [(change, titles) for change, titles in found if titles]


def change_group(change: Change, titles: Sequence[str], total: int, lang: str, marked: bool = True) -> str:
    """`✖ newly overdue 3: A, B, …`: a change, how many targets have it, and those of them named (`titles`,
    the first of `total`); `marked`: with the sign of the status it leads to (not where fonts lack it)."""
    label = f"{CHANGE_MARK.get(change, '') if marked else ''}{word('change.' + change.value, lang)} {total}"
    if not titles:
        return label
    names = list(titles) + (["…"] if len(titles) < total else [])
    return word("since.named", lang).format(change=label, targets=list_separator(lang).join(names))


def area_score_words(then: Aggregate, now: Aggregate, lang: str) -> str:
    """An area's score with its coverage, as then → now where it moved: `score 11 → 21 · 2 of 9 with data`."""
    moved = score_then_now(then, now)
    if moved is None:
        return score_text(now, lang)
    return word("ui.score_of", lang).format(score=moved, scored=now.scored, total=now.total)


def planned_change_width(plan: Plan, lang: str) -> int:
    """How wide a change cell usually is, from the plan and the language alone (never from the log, so that
    the columns shown change with the terminal's width alone): a change of 120 in the unit most targets are
    counted in, and a score's change."""
    units = [target.unit for target in plan.targets if target.kind is Kind.NUMERIC and target.unit]
    unit = plan.units.get(max(units, key=units.count)) if units else None  # ties: the first in the plan
    amount = with_unit("+120", unit.label(lang)) if unit is not None else "+120"
    return width_of(f"{amount} · {word('since.score_short', lang).format(change='+8')}")


def movement_lines(moved: Movement, lang: str, marked: bool = True) -> list[tuple[str, Status | None]]:
    """What moved, whole, for a document's "since" section: new figures, each change with every target it
    names (`marked` as `change_group`), the plan's score then → now; or that nothing moved. Each line with the
    status its change leads to, to colour it by (`CHANGE_STATUS`)."""
    lines: list[tuple[str, Status | None]] = []
    lead, score = figures_words(moved, lang), plan_score_words(moved, lang)
    lines += [(lead, None)] if lead else []
    lines += [(change_group(change, titles, len(titles), lang, marked), CHANGE_STATUS.get(change))
              for change, titles in changed_targets(moved, lang)]  # fmt: skip
    lines += [(score, None)] if score else []
    return lines or [(word("since.nothing", lang).format(since=moved.since), None)]


def moved_area_scores(moved: Movement, area_id: str, now: Aggregate) -> str:
    """An area's score then → now (`19 → 20`), or empty where it did not move."""
    return score_then_now(moved.area_then(area_id), now) or ""
