"""A table's cells as the values they stand for: text less the quote that kept a formula from running, a
spreadsheet's number as it shows (without binary noise, a percentage cell as its percent), a day from a date
cell, from the serial number Excel shows when a date cell lost its format, or from text."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Final

from gdz_targets.domain.errors import Message, msg
from gdz_targets.domain.model import Qualifier, Unit
from gdz_targets.domain.values import (
    FORMULA_ESCAPE,
    FORMULA_STARTS,
    LARGEST,
    ValueRefused,
    in_years,
    parse_calendar_day,
    parse_figure,
    parse_milestone,
    parse_value,
)

from .tables import Cell

EXCEL_EPOCH: Final = date(1899, 12, 30)  # day 0 of Excel's (1900) date serial numbers, from serial 61 on
EXCEL_FALSE_LEAP_DAY: Final = 60  # Excel's 1900-02-29, kept from Lotus 1-2-3: serials 1–59 are a day later


def blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def cell_text(cell: Cell) -> str:
    """A cell as text: text as it is (less the prefix that kept a formula from running), a number plainly."""
    if isinstance(cell, str):
        return cell[1:] if cell.startswith(FORMULA_ESCAPE) and cell[1:].startswith(FORMULA_STARTS) else cell
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell)


def cell_day(cell: Cell, sheet: bool) -> date:
    """The day a date cell, or text, stands for; in a sheet, a number is the serial of a day whose cell lost
    its format."""
    if isinstance(cell, datetime):
        return in_years(cell.date())
    if isinstance(cell, date):
        return in_years(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool) and sheet:
        return excel_day(cell)
    return parse_calendar_day(cell_text(cell))


def cell_figure(
    cell: Cell, unit: Unit | None, milestone: bool, percent: bool | None
) -> tuple[int | float, Qualifier | None]:
    """A milestone's state, or a number in `unit`: a number cell as it shows (without float noise), text as
    typed. `percent`: whether the cell is shown as a percentage (0.95 as 95%), None where that is unknown."""
    if milestone and isinstance(cell, bool):
        return cell, None
    if not milestone and isinstance(cell, bool | date):
        raise ValueRefused(msg("value.not_number", value=cell_text(cell), hint=msg("hint.number_example")))
    if not milestone and isinstance(cell, int | float):
        in_percent = unit is not None and unit.en == "%"
        if percent:  # the cell holds 0.95 and shows 95%: the figure is what it shows, in a % target only
            if not in_percent:
                raise ValueRefused(msg("import.percent_cell", value=cell_text(cell)))
            return spreadsheet_number(cell * 100), None
        if percent is None and in_percent and 0 < abs(cell) <= 1:  # 0.95: 95% or 0.95%? Not guessed.
            raise ValueRefused(msg("import.percent_unknown", value=cell_text(cell)))
        return spreadsheet_number(cell), None
    return parse_value(cell_text(cell), unit, milestone)


def any_value(cell: Cell) -> object:
    """A value some target could take: a number, a bound figure or a milestone's state."""
    if isinstance(cell, int | float):
        return cell
    text = cell_text(cell)
    try:
        return parse_figure(text)
    except ValueRefused as refused:
        hint = refused.message.params.get("hint")
        if isinstance(hint, Message) and hint.key in ("hint.no_unit", "hint.no_percent_sign"):
            return text  # a figure with a unit: whose, the unknown target would say
        if any(char.isdigit() for char in text):
            raise  # a number gdz cannot take (1e20): its own reason
    try:
        return parse_milestone(text)
    except ValueRefused:
        raise ValueRefused(msg("import.not_a_value", value=text)) from None


def spreadsheet_number(value: float) -> int | float:
    """A number a spreadsheet stored, as the figure it shows: 0.30000000000000004 is 0.3 (15 digits, what
    Excel holds), a whole number an int."""
    if not math.isfinite(value) or not -LARGEST < value < LARGEST:
        raise ValueRefused(msg("log.bad_value"))
    shown = float(f"{value:.15g}")
    return int(shown) if shown.is_integer() else shown


def excel_day(value: float) -> date:
    """The day an Excel serial number stands for (the 1900 date system spreadsheets use). Excel counts a
    29 February 1900 that never was (serial 60, refused), so serials below it start a day later."""
    if not 1 <= value < 2_958_466 or value != int(value) or value == EXCEL_FALSE_LEAP_DAY:
        raise ValueRefused(msg("value.not_file_date", value=cell_text(value)))
    return in_years(EXCEL_EPOCH + timedelta(days=int(value) + (1 if value < EXCEL_FALSE_LEAP_DAY else 0)))
