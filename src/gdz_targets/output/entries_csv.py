"""The CSV layout of log entries: what `gdz export entries` writes and `gdz import` reads back."""

from __future__ import annotations

from typing import Final

from gdz_targets.domain.model import Entry, Plan
from gdz_targets.domain.values import format_number

ENTRY_COLUMNS: Final = (
    "id",
    "target",
    "city",
    "date",
    "value",
    "qualifier",
    "unit",
    "note",
    "source",
    "recorded_by",
    "recorded_at",
)
ENTRY_COLUMNS_ZH: Final = (
    "编号",
    "指标",
    "城市",
    "日期",
    "数值",
    "限定",
    "单位",
    "备注",
    "来源",
    "记录人",
    "记录时间",
)
# OWASP CSV injection: a text cell starting with one of these is read as a formula by spreadsheets.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", "\0")
ESCAPE: Final = "'"


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would run; also to text already starting with one, so the
    prefix can always be taken off again on import."""
    return ESCAPE + text if text.startswith((*FORMULA_STARTS, ESCAPE)) else text


def header(lang: str) -> tuple[str, ...]:
    return ENTRY_COLUMNS_ZH if lang == "zh" else ENTRY_COLUMNS


def entry_row(plan: Plan, entry: Entry) -> list[str]:
    target = plan.target(entry.target)
    unit = plan.unit_of(target) if target is not None else None
    value = (
        ("done" if entry.value else "not-done")
        if isinstance(entry.value, bool)
        else format_number(entry.value)
    )
    return [
        entry.id,
        entry.target,
        entry.city.value,
        entry.date.isoformat(),
        value,
        entry.qualifier.value if entry.qualifier else "",
        unit.id if unit else "",
        neutralise(entry.note or ""),
        neutralise(entry.source or ""),
        neutralise(entry.recorded_by),
        entry.recorded_at.isoformat(),
    ]
