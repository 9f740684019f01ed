"""Typed, checked access to a TOML file's tables that reports every problem at its line and column instead of
stopping at the first: what the plan's reader is built on."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Final, TypeVar

from gdz_targets.domain.errors import Message, Problem, close_matches, msg
from gdz_targets.domain.model import Direction, Kind, Measure, PeriodDate, Precision, Qualifier
from gdz_targets.domain.values import day_problem, has_control, in_range

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_KEY_LINE = re.compile(r"""^(\s*)([A-Za-z0-9_-]+|"[^"]*")\s*=""")
_HEADER_LINE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_Choice = TypeVar("_Choice", Kind, Direction, Qualifier, Measure)


class Locator:
    """Finds the line and column of a key in the TOML text, for problems tomllib cannot place."""

    def __init__(self, text: str) -> None:
        self._keys: dict[tuple[object, ...], tuple[int, int]] = {}
        self._tables: dict[tuple[object, ...], tuple[int, int]] = {}
        counts: dict[str, int] = {}
        table: tuple[object, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER_LINE.match(line)
            if header:
                parts = [part.strip().strip('"') for part in header.group(2).split(".")]
                if header.group(1) == "[[":
                    counts[parts[0]] = counts.get(parts[0], -1) + 1
                # A sub-table of an array element belongs to the array's latest element.
                table = (parts[0], counts[parts[0]], *parts[1:]) if parts[0] in counts else tuple(parts)
                self._tables.setdefault(table, (number, len(line) - len(line.lstrip()) + 1))
                continue
            key = _KEY_LINE.match(line)
            if key:
                self._keys.setdefault((*table, key.group(2).strip('"')), (number, len(key.group(1)) + 1))

    def find(self, path: tuple[object, ...]) -> tuple[int | None, int | None]:
        """The key's own line, else the closest enclosing table header that exists."""
        if path in self._keys:
            return self._keys[path]
        for end in range(len(path), 0, -1):
            if path[:end] in self._tables:
                return self._tables[path[:end]]
        return None, None


@dataclass
class Context:
    path: str
    locator: Locator
    problems: list[Problem]
    # What only `gdz check` reports: a plan with these still loads, but a report from it misleads.
    advice: list[Problem] = field(default_factory=list)

    def report(self, where: tuple[object, ...], message: Message, target: str | None = None) -> None:
        line, column = self.locator.find(where)
        self.problems.append(Problem(self.path, message, line, column, target))


# TOML's types, by the word the catalogue uses for them (`type.text`).
_TYPE_WORDS: Final = {str: "text", int: "number", float: "number", bool: "boolean", list: "array",
                      dict: "table", date: "date", datetime: "date", time: "time"}  # fmt: skip


def wrong_type(key: str, expected: str, value: object) -> Message:
    got = _TYPE_WORDS.get(type(value), "other")
    return msg("plan.wrong_type", key=key, expected=msg(f"type.{expected}"), got=msg(f"type.{got}"))


class Table:
    """Typed, checked access to one TOML table; reports every problem instead of stopping at the first."""

    def __init__(
        self, ctx: Context, data: Mapping[str, Any], where: tuple[object, ...], target: str | None = None
    ) -> None:
        self.ctx, self.data, self.where, self.target = ctx, data, where, target
        self.label = ".".join(str(part) for part in where if not isinstance(part, int))
        self._seen: set[str] = set()

    def _problem(self, key: str | None, message: Message) -> None:
        where = (*self.where, key) if key else self.where
        self.ctx.report(where, message, self.target)

    def _get(self, key: str, required: bool) -> Any:
        self._seen.add(key)
        if key not in self.data:
            if required and self.label:
                self._problem(None, msg("plan.missing_key", table=self.label, key=key))
            elif required:
                self._problem(None, msg("plan.missing_top_key", key=key))
            return None
        return self.data[key]

    def _wrong(self, key: str, expected: str) -> None:
        """`key` holds a value of the wrong TOML type; `expected` names the right one (`type.EXPECTED`)."""
        self._problem(key, wrong_type(f"{self.label}.{key}", expected, self.data[key]))

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self._wrong(key, "text")
            return None
        if not value.strip():
            self._problem(key, msg("plan.empty", key=f"{self.label}.{key}"))
            return None
        if has_control(value):
            self._problem(key, msg("plan.control_character", key=f"{self.label}.{key}"))
            return None
        return value

    def number(self, key: str, required: bool = True) -> float | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._wrong(key, "number")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self._problem(key, msg("plan.not_finite", key=f"{self.label}.{key}", value=str(value)))
            return None
        if not in_range(value):
            self._problem(key, msg("plan.too_large", key=f"{self.label}.{key}"))
            return None
        return float(value) if isinstance(value, float) else value

    def integer(self, key: str, default: int) -> int:
        value = self._get(key, False)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self._problem(key, msg("plan.positive_integer", key=f"{self.label}.{key}"))
            return default
        if not in_range(value):
            self._problem(key, msg("plan.too_large", key=f"{self.label}.{key}"))
            return default
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self._wrong(key, "boolean")
            return False
        return value

    def day(self, key: str, required: bool = False) -> date | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            self._wrong(key, "date")
            return None
        return self._in_years(key, value)

    def _in_years(self, key: str, value: date) -> date | None:
        problem = day_problem(value)
        if problem is not None:
            self._problem(key, problem)
            return None
        return value

    def period(self, key: str, required: bool = True) -> PeriodDate | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return PeriodDate(value, Precision.DAY) if self._in_years(key, value) else None
        match = _PERIOD.match(value) if isinstance(value, str) else None
        if match:
            year, month = int(match.group(1)), match.group(2)
            if self._in_years(key, date(year or 1, 1, 1)) is None:
                return None
            if month is None:
                return PeriodDate.of_year(year)
            if 1 <= int(month) <= 12:
                return PeriodDate.of_month(year, int(month))
        self._wrong(key, "period")
        return None

    def choice(self, key: str, enum: type[_Choice], default: _Choice | None = None) -> _Choice | None:
        value = self._get(key, default is None)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            options = ", ".join(f'"{member.value}"' for member in enum)
            self._problem(
                key, msg("plan.bad_choice", key=f"{self.label}.{key}", value=str(value), options=options)
            )
            return default

    def table(self, key: str, required: bool = False) -> Mapping[str, Any] | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            self._wrong(key, "table")
            return None
        return value

    def finish(self) -> None:
        for key in self.data:
            if key not in self._seen:
                close = close_matches(key, sorted(self._seen), n=1)
                hint = msg("hint.did_you_mean", word=close[0]) if close else msg("hint.remove_key")
                self._problem(key, msg("plan.unknown_key", table=self.label, key=key, hint=hint))
