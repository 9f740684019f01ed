"""The tabular reports as typed columns, and how each kind of cell is written for a reader (Chinese words
under Chinese) or a script (stable codes): the one place CSV and .xlsx take their cells from."""

from __future__ import annotations

from typing import Any, Final, NamedTuple

from gdz_targets.domain.model import Plan, Qualifier
from gdz_targets.domain.movement import Change
from gdz_targets.domain.values import (
    FORMULA_ESCAPE,
    FORMULA_STARTS,
    QUALIFIER_MARKS,
    format_number,
    unit_name,
)

from .columns import column_title
from .text import RELATED_MARK, word

CODES: Final = "codes"  # the "language" of stable codes: English column names, coded values as they are


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would run; also to text already starting with one, so the
    prefix can always be taken off again on import."""
    return FORMULA_ESCAPE + text if text.startswith(FORMULA_STARTS) else text


class CellKind(NamedTuple):
    """What a column holds: `kind` says how to write it, `words` which catalogue family names its codes."""

    kind: str  # text, words, code, figure, number, percent, score, date, period, flag, moment
    words: str | None = None


def change_column(change: Change) -> str:
    """The column of a kind of change since an earlier day: `newly_met` for newly-met, yes or no."""
    return change.value.replace("-", "_")


# Figures in the target's unit: the value a milestone holds is done / not done.
_FIGURES: Final = frozenset({"baseline", "current", "target_value", "guangzhou", "shenzhen", "value",
                             "score_frontier", "score_worst", "current_then"})  # fmt: skip
# Differences in the target's unit: never a milestone's state.
_AMOUNTS: Final = frozenset({"gap_to_target", "guangzhou_gap", "shenzhen_gap", "gap_to_frontier", "projected",
                             "needed_per_day", "observed_per_day", "current_change",
                             "score_change"})  # fmt: skip
_NAMED: Final = {
    "status": CellKind("code", "status."),
    "kind": CellKind("code", "kind."),
    "direction": CellKind("code", "direction."),
    "city": CellKind("code", "city."),
    "frontier_city": CellKind("code", "city."),
    "score_frontier_source": CellKind("code", "frontier."),
    "score_worst_source": CellKind("code", "worst."),
    "area": CellKind("code", "area"),
    "unit": CellKind("code", "unit"),
    "progress_pct": CellKind("percent"),
    "score": CellKind("score"),
    "days_left": CellKind("number"),
    "weight": CellKind("number"),
    "deadline": CellKind("date"),
    "achieved_on": CellKind("date"),
    "as_of": CellKind("date"),
    "date": CellKind("date"),
    "target_strict": CellKind("flag"),
    "stale": CellKind("flag"),
    "recorded_at": CellKind("moment"),
    # since an earlier day (`--since`): the earlier report's, and each kind of change as yes / no
    "since": CellKind("date"),
    "change": CellKind("words"),  # a target's change in gdz's words, on the sheet people read
    "score_then": CellKind("score"),
    "status_then": CellKind("code", "status."),
    "stale_then": CellKind("flag"),
    **{change_column(change): CellKind("flag") for change in Change},
}


def cell_kind(column: str) -> CellKind:
    if column in _NAMED:
        return _NAMED[column]
    if column in _FIGURES:
        return CellKind("figure")
    if column in _AMOUNTS:
        return CellKind("number")
    suffix = column.rsplit("_", 1)[-1]
    by_suffix = {
        "of": CellKind("date"),
        "period": CellKind("period"),
        "related": CellKind("flag"),
        "qualifier": CellKind("code", "qualifier."),
        "origin": CellKind("code", "origin."),
    }
    return by_suffix.get(suffix, CellKind("text"))


def header(columns: tuple[str, ...], lang: str) -> list[str]:
    """Column names for a reader (Chinese, or English words) or for a script (the stable names, CODES)."""
    return [column_title(column, lang) for column in columns]


def coded(plan: Plan, value: str, words: str, lang: str) -> str:
    """A code as the reader reads it — `achieved` → 已达成 or met, an area id → its title, a unit id →
    万平方米 — or as it is for a script (CODES)."""
    if lang == CODES:
        return value
    if words == "area":
        area = plan.area(value)
        return area.title(lang) if area else value
    if words == "unit":
        unit = plan.units.get(value)
        return unit_name(unit.label(lang)) if unit else value
    return word(words + value, lang)


def csv_cell(plan: Plan, record: dict[str, Any], column: str, lang: str, spreadsheet: bool = True) -> str:
    """One cell as text: numbers raw, dates ISO, codes in the reader's words (or as codes), milestones
    done / not done, flags yes / no, nothing for no value; for a spreadsheet, text neutralised against
    formula injection."""
    value = record[column]
    kind = cell_kind(column)
    if value is None:
        return ""
    if isinstance(value, bool):
        if kind.kind != "figure":
            key = "ui.yes" if value else "ui.no"
        elif column == "target_value":  # what a milestone asks: required, as the screen says, not done
            key = "ui.required"
        else:
            key = "ui.done" if value else "ui.not_done"
        return _CODED_STATES[key] if lang == CODES else word(key, lang)
    if isinstance(value, int | float):
        return format_number(value)
    text = coded(plan, value, kind.words, lang) if kind.kind == "code" and kind.words else str(value)
    return neutralise(text) if spreadsheet else text


# The stable spellings of states for scripts (CODES): what `gdz import` reads too.
_CODED_STATES: Final = {"ui.done": "done", "ui.not_done": "not-done", "ui.required": "done", "ui.yes": "true",
                        "ui.no": "false"}  # fmt: skip


def figure_mark(record: dict[str, Any], column: str) -> str:
    """The marks a figure is read with, as every output writes them: `≈` a related measure, then its bound
    (`>`, `>=`, `~`); a target that must be exceeded (突破1000) reads `>1000`."""
    if cell_kind(column).kind != "figure" or isinstance(record.get(column), bool):
        return ""
    related = RELATED_MARK if record.get(f"{column}_related") else ""
    bound = record.get(f"{column}_qualifier") or (record.get("qualifier") if column == "value" else None)
    if bound:
        return related + QUALIFIER_MARKS[Qualifier(bound)]
    return related + (">" if column == "target_value" and record.get("target_strict") else "")


def shown_cell(plan: Plan, record: dict[str, Any], column: str, lang: str) -> str:
    """One cell as a document shows it (HTML, SVG, PNG): the CSV's words with a figure's marks before it."""
    text = csv_cell(plan, record, column, lang, spreadsheet=False)
    return figure_mark(record, column) + text if text else text
