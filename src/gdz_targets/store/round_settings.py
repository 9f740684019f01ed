"""The reporting round's settings in a workspace's gdz.toml: which department owns which targets (`[owners]`,
`[co-owners]`) and how returns are collected (`[reporting]`), each value with its line and column."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final, NamedTuple

from gdz_targets.domain.errors import Problem, msg
from gdz_targets.domain.owners import Listed, Role
from gdz_targets.domain.periods import DEFAULT_DUE_DAY, Cadence, parse_cadence
from gdz_targets.domain.values import ValueRefused

from .files import read_toml
from .paths import ROUND_KEYS, SETTINGS_LIMIT, WORKSPACE_FILE, find_workspace
from .toml_table import Context, Locator, Table, wrong_type

OWNERS, CO_OWNERS, REPORTING = ROUND_KEYS
LAST_DUE_DAY: Final = 31


class RoundSettings(NamedTuple):
    """What gdz.toml says of the round; `problems` are those of its form (types, unknown keys), while the
    targets it names are checked against the plan by `domain.owners`."""

    path: Path | None  # the workspace's gdz.toml; None outside a workspace
    listed: tuple[Listed, ...] = ()
    declared: bool = False  # whether it has an [owners] table
    cadence: Cadence = Cadence.MONTH
    due_day: int = DEFAULT_DUE_DAY
    contact: str | None = None
    problems: tuple[Problem, ...] = ()


def read_round_settings(cwd: Path) -> RoundSettings:
    """The round's settings of the workspace `cwd` is in (the nearest gdz.toml, as for the log)."""
    root = find_workspace(cwd)
    if root is None:
        return RoundSettings(None)
    path = root / WORKSPACE_FILE
    data, text = read_toml(path, SETTINGS_LIMIT)
    locator = Locator(text)
    ctx = Context(str(path), locator, [])
    listed: list[Listed] = []
    for key, role in ((OWNERS, Role.LEAD), (CO_OWNERS, Role.CO)):
        if key in data:
            listed += _departments(ctx, text, key, role, data[key])
    cadence, due_day, contact = _reporting(ctx, data.get(REPORTING))
    return RoundSettings(path, tuple(listed), OWNERS in data, cadence, due_day, contact, tuple(ctx.problems))


def _departments(ctx: Context, text: str, key: str, role: Role, table: Any) -> list[Listed]:
    """Each department of an owners table, with the place of its name and of each target it names."""
    if not isinstance(table, dict):
        ctx.report((key,), wrong_type(key, "table", table))
        return []
    found = []
    for name, written in table.items():
        line, column = ctx.locator.find((key, name))
        items = [written] if isinstance(written, str) else written  # one target, written without brackets
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            ctx.report((key, name), msg("owners.not_list", table=key, name=name))
            continue
        placed = tuple((item, *place) for item, place in zip(items, _places(text, items, line), strict=True))
        found.append(Listed(name, placed, role, line, column))
    return found


def _places(text: str, items: list[str], line: int | None) -> list[tuple[int | None, int | None]]:
    """Where each item of an array starts, found from the key's line on: a problem with the fifth target of a
    long list is named at its own line and column."""
    lines = text.splitlines()
    row, start = (line or 1) - 1, 0
    places: list[tuple[int | None, int | None]] = []
    for item in items:
        pattern = re.compile("[\"']" + re.escape(item) + "[\"']")
        for number in range(row, len(lines)):
            found = pattern.search(lines[number], start if number == row else 0)
            if found:
                places.append((number + 1, found.start() + 1))
                row, start = number, found.end()
                break
        else:
            places.append((line, None))
    return places


def _reporting(ctx: Context, data: Any) -> tuple[Cadence, int, str | None]:
    """`[reporting]`: how often returns are collected, the day they are due, whom to ask."""
    if data is None:
        return Cadence.MONTH, DEFAULT_DUE_DAY, None
    if not isinstance(data, dict):
        ctx.report((REPORTING,), wrong_type(REPORTING, "table", data))
        return Cadence.MONTH, DEFAULT_DUE_DAY, None
    table = Table(ctx, data, (REPORTING,))
    cadence = Cadence.MONTH
    written = table.text("period", required=False)
    if written is not None:
        try:
            cadence = parse_cadence(written)
        except ValueRefused as refused:
            ctx.report((REPORTING, "period"), refused.message)
    due_day = table.integer("due_day", DEFAULT_DUE_DAY)
    if due_day > LAST_DUE_DAY:
        ctx.report((REPORTING, "due_day"), msg("period.bad_due_day", value=str(due_day)))
        due_day = DEFAULT_DUE_DAY
    contact = table.text("contact", required=False)
    table.finish()
    return cadence, due_day, contact
