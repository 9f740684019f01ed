"""Strict parsing and plain formatting of what users type: numbers, milestone states, dates, cities."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, timedelta
from typing import Final

from .errors import Message, UsageError, Words, msg
from .model import DONE, NOT_DONE, City, PeriodDate, Qualifier, Unit

MAX_SIGNIFICANT_DIGITS: Final = 15  # what a float, and Excel, hold exactly
# Every figure gdz takes in — typed, in the plan, in the log, imported — is finite and below this in size,
# so that nothing downstream meets infinity, NaN or a 400-digit integer.
LARGEST: Final = 10**MAX_SIGNIFICANT_DIGITS
_MAX_NUMBER_TEXT: Final = 40
# Full-width digits and signs (typed with a Chinese input method) mean the same as their ASCII forms.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋，％", "0123456789.-+,%")
_NUMBER = r"[+-]?[0-9]+(?:\.[0-9]+)?"
_GROUPED = r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"  # thousands separated by commas, three digits each

MILESTONE_WORDS: Final[dict[str, bool]] = {
    "done": DONE,
    "已完成": DONE,
    "完成": DONE,
    "not-done": NOT_DONE,
    "not done": NOT_DONE,
    "未完成": NOT_DONE,
}
# A bound a source states ("超1000项", "不少于100项", "约25%"), written before the number: >1000, >=100, ~25.
# OWASP CSV injection: a text cell starting with one of these is run as a formula by spreadsheets, so exports
# put FORMULA_ESCAPE before it (and before text already starting with it), and imports take it off.
FORMULA_ESCAPE: Final = "'"
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", "\0", FORMULA_ESCAPE)

QUALIFIER_PREFIXES: Final[tuple[tuple[str, Qualifier], ...]] = (
    (">=", Qualifier.AT_LEAST), ("≥", Qualifier.AT_LEAST),
    ("不少于", Qualifier.AT_LEAST), ("不低于", Qualifier.AT_LEAST),
    ("至少", Qualifier.AT_LEAST),
    (">", Qualifier.OVER), ("＞", Qualifier.OVER), ("超过", Qualifier.OVER), ("超", Qualifier.OVER),
    ("突破", Qualifier.OVER), ("多于", Qualifier.OVER), ("大于", Qualifier.OVER), ("高于", Qualifier.OVER),
    ("~", Qualifier.ABOUT), ("～", Qualifier.ABOUT), ("约", Qualifier.ABOUT), ("大约", Qualifier.ABOUT),
)  # fmt: skip
# After the number: `1000以上` (1000 or more), `1000余`, `1000多` (more than 1000).
# 以上 includes the number itself in Chinese legal usage (民法典 art. 1259): 90%以上 is at least 90%.
QUALIFIER_SUFFIXES: Final[tuple[tuple[str, Qualifier], ...]] = (
    ("以上", Qualifier.AT_LEAST), ("余", Qualifier.OVER), ("多", Qualifier.OVER),
)  # fmt: skip
QUALIFIER_MARKS: Final[dict[Qualifier, str]] = {
    Qualifier.OVER: ">",
    Qualifier.AT_LEAST: ">=",
    Qualifier.ABOUT: "~",
}

CITY_NAMES: Final[dict[str, City]] = {
    "dongguan": City.DONGGUAN,
    "dg": City.DONGGUAN,
    "东莞": City.DONGGUAN,
    "guangzhou": City.GUANGZHOU,
    "gz": City.GUANGZHOU,
    "广州": City.GUANGZHOU,
    "shenzhen": City.SHENZHEN,
    "sz": City.SHENZHEN,
    "深圳": City.SHENZHEN,
}

RELATIVE_DAYS: Final[dict[str, int]] = {"today": 0, "今天": 0, "yesterday": 1, "昨天": 1}


class ValueRefused(UsageError):
    """A typed value that is not accepted: bad input, so every caller reports it as any usage error."""


def parse_number(text: str) -> int | float:
    """Parse a decimal number: ASCII or full-width digits, optional sign and fraction, and thousands
    separators where they cannot be misread (`1,050`, `1,234,567`; never `1,05`); nothing else."""
    cleaned = text.strip().translate(_FULL_WIDTH)
    if re.fullmatch(_GROUPED, cleaned):
        cleaned = cleaned.replace(",", "")
    if not re.fullmatch(_NUMBER, cleaned) or len(cleaned) > _MAX_NUMBER_TEXT:
        raise ValueRefused(msg("value.not_number", value=text, hint=_number_hint(cleaned)))
    digits = cleaned.lstrip("+-").replace(".", "").lstrip("0")
    if len(digits) > MAX_SIGNIFICANT_DIGITS:
        raise ValueRefused(msg("value.too_precise", value=text, digits=MAX_SIGNIFICANT_DIGITS))
    if "." not in cleaned:
        return int(cleaned)
    from decimal import Decimal

    value = float(cleaned)
    if Decimal(repr(value)) != Decimal(cleaned):  # e.g. too small to hold: it would not read back the same
        raise ValueRefused(msg("value.too_precise", value=text, digits=MAX_SIGNIFICANT_DIGITS))
    return value


def in_range(value: object) -> bool:
    """Whether a number read from a file is one gdz holds: finite, and smaller in size than LARGEST."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return -LARGEST < value < LARGEST


# Characters that reorder the text around them on screen ("Trojan Source"): a name holding one can show as
# another name.
DIRECTION_OVERRIDES: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_control(text: str) -> bool:
    """Whether text holds a control character (a tab, line break, escape) or a direction override."""
    return not text.isprintable() and any(
        unicodedata.category(char) == "Cc" or char in DIRECTION_OVERRIDES for char in text
    )


def _number_hint(cleaned: str) -> Message:
    lowered = cleaned.lower()
    if lowered.lstrip("+-") in {"nan", "inf", "infinity"}:
        return msg("hint.finite")
    if "_" in cleaned or "," in cleaned:
        return msg("hint.no_separators")
    if re.fullmatch(r"[+-]?[0-9.]+e[+-]?[0-9]+", lowered):
        return msg("hint.no_exponent")
    if re.fullmatch(r"[+-]?[0-9.,]+\s*[^\s0-9.,%][^0-9]*", cleaned):  # `1020 items`, `1020项`
        return msg("hint.no_unit")
    if cleaned.endswith(("%", "％")):
        return msg("hint.no_percent_sign")
    return msg("hint.number_example")


def parse_figure(text: str, unit: Unit | None = None) -> tuple[int | float, Qualifier | None]:
    """A number with the bound its source states — `>1000` (超, 突破), `>=100` (不少于, 以上: the number
    itself included), `~25` (约) — and optionally `unit`'s own label, as sources and a spreadsheet saved
    "as shown" write it: `85%以上`, `1020项`, `第4名`, `>1000万平方米`. Any other unit is refused, naming the
    target's."""
    cleaned = text.strip().translate(_FULL_WIDTH)
    prefix = next(((mark, bound) for mark, bound in QUALIFIER_PREFIXES if cleaned.startswith(mark)), None)
    rest = cleaned[len(prefix[0]) :].lstrip() if prefix else cleaned
    bounds = [prefix[1]] if prefix else []
    rest = _strip_suffix(rest, bounds)
    if unit is not None:
        rest = _strip_unit(rest, unit)
        rest = _strip_suffix(rest, bounds)
    if len(set(bounds)) > 1:
        raise ValueRefused(msg("value.two_bounds", value=text))
    try:
        return parse_number(rest), bounds[0] if bounds else None
    except ValueRefused as refused:  # named as typed: `超` is not a number, not the empty rest of it
        if refused.message.key != "value.not_number":
            raise
        if unit is not None and re.fullmatch(r"[+-]?[0-9.,]+\s*[^\s0-9.,][^0-9]*", rest):
            expected = Words(unit_name(unit.en), unit_name(unit.zh))
            raise ValueRefused(msg("value.wrong_unit", value=text, unit=expected)) from None
        raise ValueRefused(msg("value.not_number", value=text, hint=_number_hint(cleaned))) from None


def _strip_suffix(text: str, bounds: list[Qualifier]) -> str:
    """Text less a bound written after the number (`1000以上`, `1000余`), the bound noted in `bounds`."""
    for mark, bound in QUALIFIER_SUFFIXES:
        if text.endswith(mark) and len(text) > len(mark):
            bounds.append(bound)
            return text[: -len(mark)].rstrip()
    return text


def _strip_unit(text: str, unit: Unit) -> str:
    """Text less `unit`'s label in either language (`1020项`, `1020 items`, `第4名`, `rank 4`, `42%`)."""
    for label in (unit.zh, unit.en):
        before, placed, after = label.partition("{}")
        if not placed:
            before, after = "", label
        before, after = before.strip().lower(), after.strip().lower()
        lowered = text.lower()
        for ending in dict.fromkeys((after, _singular(after))):
            if (
                lowered.startswith(before)
                and lowered.endswith(ending)
                and len(lowered) > len(before + ending)
            ):
                return text[len(before) : len(text) - len(ending)].strip()
    return text


def _singular(label: str) -> str:
    """`item` for `items`, `category` for `categories`: an English label after the figure 1."""
    if not (label.isascii() and label.isalpha()):
        return label
    return label[:-3] + "y" if label.endswith("ies") else label.removesuffix("s")


def parse_value(
    text: str, unit: Unit | None, milestone: bool = False
) -> tuple[int | float, Qualifier | None]:
    """What is typed for a target: a milestone's state, or a figure in `unit` (see `parse_figure`)."""
    if milestone:
        return parse_milestone(text), None
    return parse_figure(text, unit)


def parse_qualifier(text: str) -> Qualifier:
    """A bound as a column of its own writes it: the code (`over`), the words an English export writes
    (`at least`), the mark (`>`), or the word a Chinese export or source writes (超过, 不少于, 以上, 约)."""
    cleaned = text.strip().lower()
    cleaned = "-".join(cleaned.split()) if cleaned.isascii() else cleaned
    marks = {mark: qualifier for qualifier, mark in QUALIFIER_MARKS.items()}
    marks |= dict(QUALIFIER_PREFIXES) | dict(QUALIFIER_SUFFIXES)
    if cleaned in Qualifier._value2member_map_:
        return Qualifier(cleaned)
    if cleaned in marks:
        return marks[cleaned]
    raise ValueRefused(msg("import.bad_qualifier", value=cleaned))


def names_unit(unit: Unit | None, text: str) -> bool:
    """Whether text names `unit` (its id or its label in either language), or, for a target without one,
    names none."""
    cleaned = text.strip()
    if unit is None:
        return not cleaned
    return cleaned in (unit.id, unit.en, unit.zh, unit_name(unit.en), unit_name(unit.zh))


def parse_milestone(text: str) -> bool:
    state = MILESTONE_WORDS.get(text.strip().lower())
    if state is None:
        raise ValueRefused(msg("value.not_milestone", value=text))
    return state


def check_bounds(unit: Unit, value: float) -> Message | None:
    """Why a value is impossible in this unit (a share over 100%, a negative count), or None."""
    if unit.minimum is not None and value < unit.minimum:
        return msg("value.below_minimum", value=format_number(value), minimum=quantity(unit.minimum, unit))
    if unit.maximum is not None and value > unit.maximum:
        return msg("value.above_maximum", value=format_number(value), maximum=quantity(unit.maximum, unit))
    if unit.integer and value != int(value):
        return msg(
            "value.not_integer",
            value=format_number(value),
            unit=Words(unit_name(unit.en), unit_name(unit.zh)),
        )
    return None


def unit_name(label: str) -> str:
    """A unit's label standing alone: `rank` for `rank {}`, `名` for `第{}名` (the word after the figure, if
    any, else the one before)."""
    before, placed, after = label.partition("{}")
    return (after.strip() or before.strip()) if placed else label


def quantity(value: float, unit: Unit) -> Words:
    """A number with its unit, in both languages: `100%`, `0 items` / `0项`."""
    number = format_number(value)
    return Words(with_unit(number, unit.en), with_unit(number, unit.zh))


def with_unit(text: str, label: str) -> str:
    """A figure and its unit's label: where the label has `{}`, in its place (`rank {}` → rank 16); close up
    for %, Chinese labels and ×10k; else after a space."""
    if not label:
        return text
    if "{}" in label:
        return label.replace("{}", text)
    close_up = label == "%" or label.startswith("×") or unicodedata.east_asian_width(label[0]) in ("W", "F")
    if close_up:
        return f"{text}{label}"
    if text in ("1", "-1", ">1", "~1") and label.isalpha() and label.isascii() and label.endswith("s"):
        label = label[:-3] + "y" if label.endswith("ies") else label[:-1]  # 1 item, 1 category, not 1 items
    return f"{text} {label}"


# How spreadsheets and people write a day with the year first: 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日
# (a time of midnight after it, as some programs add, is allowed). Never a guess at a day-first order.
_YEAR_FIRST = r"([0-9]{4})(?:-([0-9]{1,2})-|/([0-9]{1,2})/|\.([0-9]{1,2})\.|年([0-9]{1,2})月)([0-9]{1,2})日?"
_MIDNIGHT = r"(?:[ T]00:00(?::00(?:\.0+)?)?)?"
_YEAR_LAST = r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}"


# The days gdz takes in, typed, imported or in a plan: what its charts, calendars and day counts handle
# (year 1 and 9999 are valid TOML dates, but a chart's axis or a day count around them overflows).
EARLIEST_DAY: Final = date(1900, 1, 1)
LATEST_DAY: Final = date(2199, 12, 31)


def day_problem(day: date) -> Message | None:
    """Why a day is outside the years gdz handles, or None."""
    if EARLIEST_DAY <= day <= LATEST_DAY:
        return None
    return msg("value.day_out_of_range", date=day.isoformat(), earliest=EARLIEST_DAY.year,
               latest=LATEST_DAY.year)  # fmt: skip


def in_years(day: date, text: str | None = None) -> date:
    """The day, if gdz handles its year; else refused (naming it as typed, where it was typed)."""
    problem = day_problem(day)
    if problem is not None:
        raise ValueRefused(
            problem
            if text is None
            else msg("value.day_out_of_range", date=text, earliest=EARLIEST_DAY.year, latest=LATEST_DAY.year)
        )
    return day


def parse_calendar_day(text: str) -> date:
    """A day as files write it: 2024-01-05, 2024/1/5, 2024/01/05, 2024-1-5, 2024.1.5, 2024年1月5日. A day
    with the year last (5/1/2024) is refused: whether 5 is the day or the month cannot be told."""
    cleaned = text.strip().translate(_FULL_WIDTH)
    found = re.fullmatch(_YEAR_FIRST + _MIDNIGHT, cleaned)
    if found:
        year, month, day = found.group(1), next(part for part in found.groups()[1:5] if part), found.group(6)
        try:
            found_day = date(int(year), int(month), int(day))
        except ValueError:
            raise ValueRefused(msg("value.no_such_day", value=text)) from None
        return in_years(found_day, text)
    if re.fullmatch(_YEAR_LAST, cleaned):
        raise ValueRefused(msg("value.year_last", value=text))
    raise ValueRefused(msg("value.not_file_date", value=text))


def parse_day(text: str, today: date) -> date:
    """A day typed on the command line: as `parse_calendar_day` reads it, `today` or `yesterday`."""
    cleaned = text.strip().lower().translate(_FULL_WIDTH)
    if cleaned in RELATIVE_DAYS:
        if today.toordinal() <= RELATIVE_DAYS[cleaned]:  # the day before 0001-01-01 is in no calendar
            raise ValueRefused(msg("value.no_such_day", value=text))
        return in_years(today - timedelta(days=RELATIVE_DAYS[cleaned]))
    try:
        return parse_calendar_day(text)
    except ValueRefused as error:
        if error.message.key == "value.not_file_date":
            raise ValueRefused(msg("value.not_date", value=text)) from None
        raise


def check_text(value: str, what: str, one_line: bool = False) -> str:
    """Refuse text the log cannot hold (lone surrogates from undecodable arguments), and with `one_line` (a
    name) any control character; notes keep theirs, and every output shows them escaped."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueRefused(msg("value.bad_text", what=what)) from None
    if one_line and has_control(value):
        raise ValueRefused(msg("value.control_character", what=what))
    return value


# A quarter or a half of a year as reports name them (`2024Q1`, `2024-Q1`, `2024H2`), by its months.
_PART_OF_YEAR: Final = re.compile(r"([0-9]{4})-?([QH])([1-4])", re.IGNORECASE)
_MONTHS_IN_PART: Final = {"Q": 3, "H": 6}


def parse_period_end(text: str, today: date) -> date:
    """A day as `parse_day` reads it, or a month (YYYY-MM), a quarter (2024Q1), a half (2024H1) or a year
    (YYYY): its last day."""
    cleaned = text.strip().translate(_FULL_WIDTH)
    year_month = None
    month = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", cleaned)
    part = _PART_OF_YEAR.fullmatch(unicodedata.normalize("NFKC", cleaned))  # `2024Ｑ1` from an input method
    if month:
        year_month = int(month.group(1)), int(month.group(2))
    elif part:
        year_month = int(part.group(1)), int(part.group(3)) * _MONTHS_IN_PART[part.group(2).upper()]
    if year_month is not None and 1 <= year_month[1] <= 12:
        in_years(date(year_month[0] or 1, 1, 1), text)  # before the period's end is worked out
        return PeriodDate.of_month(*year_month).last_day
    if re.fullmatch(r"[0-9]{4}", cleaned):
        in_years(date(int(cleaned) or 1, 1, 1), text)
        return PeriodDate.of_year(int(cleaned)).last_day
    try:
        return parse_day(text, today)
    except ValueRefused:
        raise ValueRefused(msg("value.not_period", value=text)) from None


def parse_city(text: str) -> City:
    city = CITY_NAMES.get(text.strip().lower())
    if city is None:
        raise ValueRefused(msg("value.not_city", value=text))
    return city


def format_number(value: float) -> str:
    """Plain positional digits, no separators or exponent: what CSV cells and `gdz import` read back."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 10**MAX_SIGNIFICANT_DIGITS:
        return str(int(value))
    text = repr(value)  # the shortest digits that read back as this float
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    sign = "-" if mantissa.startswith("-") else ""
    whole, _, fraction = mantissa.lstrip("-").partition(".")
    digits, point = whole + fraction, len(whole) + int(exponent)
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return f"{sign}{digits}{'0' * (point - len(digits))}"
    return f"{sign}{digits[:point]}.{digits[point:]}"
