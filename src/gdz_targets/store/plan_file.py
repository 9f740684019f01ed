"""Load and validate the plan file (targets.toml) into immutable model objects."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final, TypeVar

from gdz_targets.domain.errors import DataError, Message, Problem, Words, close_matches, counted, msg
from gdz_targets.domain.model import (
    DEFAULT_REPORTING_DAYS,
    ID_SYNTAX,
    Area,
    City,
    Direction,
    Kind,
    Measure,
    Observation,
    PeriodDate,
    Plan,
    PlanMeta,
    Precision,
    Qualifier,
    Source,
    Target,
    Unit,
)
from gdz_targets.domain.values import check_bounds, day_problem, has_control, in_range

from .files import read_toml

SCHEMA_VERSION: Final = 2
ID_PATTERN: Final = re.compile(rf"^{ID_SYNTAX}$")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_KEY_LINE = re.compile(r"""^(\s*)([A-Za-z0-9_-]+|"[^"]*")\s*=""")
_HEADER_LINE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_Choice = TypeVar("_Choice", Kind, Direction, Qualifier, Measure)
_Parsed = TypeVar("_Parsed", Source, Unit)


class _Locator:
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
class _Context:
    path: str
    locator: _Locator
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


class _Table:
    """Typed, checked access to one TOML table; reports every problem instead of stopping at the first."""

    def __init__(
        self, ctx: _Context, data: Mapping[str, Any], where: tuple[object, ...], target: str | None = None
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


def load_plan(path: Path, strict: bool = False) -> Plan:
    """Read and validate a plan file; every problem found is raised together in one DataError. `strict`
    (`gdz check`): also what lets a plan load but makes its reports mislead (a target never scored)."""
    data, text = read_toml(path)
    plan, problems = parse_plan(data, text, str(path), strict)
    if problems or plan is None:
        raise DataError(
            msg("plan.invalid", path=str(path), problems=counted("problem", len(problems))), problems
        )
    return plan


def parse_plan(
    data: Mapping[str, Any], text: str, path: str, strict: bool = False
) -> tuple[Plan | None, list[Problem]]:
    ctx = _Context(path, _Locator(text), [])
    if not data:  # an empty file: one problem, not one per missing key
        return None, [Problem(path, msg("plan.empty_file"), 1, 1)]
    top = _Table(ctx, data, ())
    schema = top._get("schema", True)
    if schema is not None and (type(schema) is not int or schema != SCHEMA_VERSION):  # 2.0 is no version
        top._problem("schema", msg("plan.schema", found=str(schema), expected=SCHEMA_VERSION))
    sources = _parse_keyed(ctx, top, "sources", _parse_source)
    units = _parse_keyed(ctx, top, "units", _parse_unit)
    meta_table = top.table("plan", required=True)
    meta = _parse_meta(ctx, meta_table, sources) if meta_table is not None else None
    areas = _parse_areas(ctx, top, sources)
    targets = _parse_targets(ctx, top, sources, units, {area.id for area in areas})
    _check_continues(ctx, targets)
    _check_scorable(ctx, targets, units)
    top.finish()
    problems = ctx.problems + (ctx.advice if strict else [])
    if problems or meta is None:
        return None, problems
    return Plan(meta, sources, units, tuple(areas), tuple(targets)), []


def _check_scorable(ctx: _Context, targets: Sequence[Target], units: Mapping[str, Unit]) -> None:
    """A numeric target without a baseline, in a unit that does not start at zero (a rank), has nothing for
    its score to count from: it would show "—" for ever and count as "no data" in its area's coverage."""
    for index, target in enumerate(targets):
        unit = units.get(target.unit) if target.unit else None
        if target.kind is Kind.NUMERIC and target.baseline is None and (unit is None or not unit.zero_based):
            message = msg("plan.never_scored", id=target.id, unit=target.unit or "")
            line, column = ctx.locator.find(("target", index, "unit"))
            ctx.advice.append(Problem(ctx.path, message, line, column, target.id))


def _check_continues(ctx: _Context, targets: Sequence[Target]) -> None:
    """`continues` names another target of the plan: one that exists, and not the target itself."""
    known = [target.id for target in targets]
    for index, target in enumerate(targets):
        if target.continues is not None and (target.continues not in known or target.continues == target.id):
            close = close_matches(target.continues, [other for other in known if other != target.id], n=1)
            hint = msg("hint.did_you_mean", word=close[0]) if close else msg("hint.list_targets")
            message = msg("plan.bad_continues", id=target.continues, hint=hint)
            ctx.report(("target", index, "continues"), message, target.id)


def _parse_keyed(
    ctx: _Context, top: _Table, key: str, parse: Callable[[_Table, str], _Parsed | None]
) -> dict[str, _Parsed]:
    table = top.table(key, required=True) or {}
    parsed: dict[str, _Parsed] = {}
    for item_id, item in table.items():
        if not isinstance(item, dict):
            top._problem(key, wrong_type(f"{key}.{item_id}", "table", item))
            continue
        value = parse(_Table(ctx, item, (key, item_id)), item_id)
        if value is not None:
            parsed[item_id] = value
    return parsed


def _source_ref(
    table: _Table, sources: Mapping[str, Source], key: str = "source", required: bool = True
) -> str | None:
    source = table.text(key, required)
    if source is not None and source not in sources:
        close = [known for known in sorted(sources) if known.startswith(source)]
        close = close or close_matches(source, sorted(sources), n=1)
        hint = msg("hint.did_you_mean", word=close[0]) if close else msg("hint.add_source")
        table._problem(key, msg("plan.unknown_source", key=f"{table.label}.{key}", source=source, hint=hint))
        return None
    return source


def _parse_source(table: _Table, source_id: str) -> Source | None:
    publisher, title = table.text("publisher"), table.text("title")
    published, url, note = (
        table.period("published", required=False),
        table.text("url", False),
        table.text("note", False),
    )
    unverified = table.flag("unverified")
    if url is not None and not url.lower().startswith(("http://", "https://")):
        # A document's address is a web page: javascript:, data: or file: would act when clicked.
        table._problem("url", msg("plan.bad_url", key=f"{table.label}.url", url=url))
        url = None
    table.finish()
    if publisher is None or title is None:
        return None
    return Source(source_id, publisher, title, published, url, note, unverified)


def _parse_unit(table: _Table, unit_id: str) -> Unit | None:
    zh, en = table.text("zh"), table.text("en")
    minimum, maximum = table.number("minimum", False), table.number("maximum", False)
    integer, zero_based = table.flag("integer"), table.flag("zero_based")
    table.finish()
    if zh is None or en is None:
        return None
    if minimum is not None and maximum is not None and minimum > maximum:
        table._problem("maximum", msg("plan.bounds", unit=unit_id))
        return None
    return Unit(unit_id, zh, en, minimum, maximum, integer, zero_based)


def _parse_meta(ctx: _Context, data: Mapping[str, Any], sources: Mapping[str, Source]) -> PlanMeta | None:
    table = _Table(ctx, data, ("plan",))
    title_zh, title_en = table.text("title_zh"), table.text("title_en")
    issuer_zh, issuer_en = table.text("issuer_zh"), table.text("issuer_en")
    issued = table.period("issued")
    policies = table.integer("policies", 0)
    source, quote, note = _source_ref(table, sources), table.text("quote"), table.text("note", False)
    issued_source = _source_ref(table, sources, "issued_source", required=False)
    issued_quote = table.text("issued_quote", required=issued_source is not None)
    if issued_quote is not None and issued_source is None and "issued_source" not in table.data:
        table._problem("issued_quote", msg("plan.missing_key", table="plan", key="issued_source"))
    time_zone = _time_zone(table)
    table.finish()
    if (
        title_zh is None or title_en is None or issuer_zh is None or issuer_en is None
        or issued is None or source is None or quote is None or not policies
    ):  # fmt: skip
        return None
    return PlanMeta(title_zh, title_en, issuer_zh, issuer_en, issued, policies, source, quote, note,
                    issued_source, issued_quote, time_zone)  # fmt: skip


def _time_zone(table: _Table) -> str | None:
    """The plan's time zone, an IANA name such as Asia/Shanghai: the zone its "today" is counted in."""
    name = table.text("time_zone", required=False)
    if name is None:
        return None
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except (ValueError, OSError, LookupError):  # an unknown name, or one that is no path in the zone data
        table._problem("time_zone", msg("plan.unknown_time_zone", name=name))
        return None
    return name


def _array(ctx: _Context, top: _Table, key: str) -> list[Mapping[str, Any]]:
    value = top._get(key, True)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        top._wrong(key, "tables")
        return []
    return value


def _check_id(table: _Table, kind: str, seen: dict[str, int], index: int) -> str | None:
    item_id = table.text("id")
    if item_id is None:
        return None
    if not ID_PATTERN.match(item_id):
        table._problem("id", msg("plan.bad_id", kind=kind, id=item_id))
        return None
    if item_id in seen:
        table._problem("id", msg("plan.duplicate_id", kind=kind, id=item_id, first=seen[item_id] + 1))
        return None
    seen[item_id] = index
    return item_id


def _parse_areas(ctx: _Context, top: _Table, sources: Mapping[str, Source]) -> list[Area]:
    areas: list[Area] = []
    seen: dict[str, int] = {}
    for index, data in enumerate(_array(ctx, top, "area")):
        table = _Table(ctx, data, ("area", index))
        area_id = _check_id(table, "area", seen, index)
        title_zh, title_en = table.text("title_zh"), table.text("title_en")
        source, quote, note = _source_ref(table, sources), table.text("quote"), table.text("note", False)
        table.finish()
        if area_id and title_zh and title_en and source and quote:
            areas.append(Area(area_id, title_zh, title_en, source, quote, note))
    return areas


def _parse_observation(
    ctx: _Context,
    data: Mapping[str, Any],
    where: tuple[object, ...],
    target: str,
    sources: Mapping[str, Source],
) -> Observation | None:
    table = _Table(ctx, data, where, target)
    observation = _observation(table, sources, _note(table))
    table.finish()
    return observation


def _note(table: _Table, required: bool = False) -> Words | None:
    """A target's or a figure's `note`, with `note_zh` for Chinese readers (else the English shows)."""
    note, chinese = table.text("note", required), table.text("note_zh", False)
    if chinese is not None and note is None:
        table._problem("note_zh", msg("plan.missing_key", table=table.label, key="note"))
    return Words(note, chinese or note) if note is not None else None


def _observation(table: _Table, sources: Mapping[str, Source], note: Words | None) -> Observation | None:
    """The figure in a baseline or benchmark table: value, as_of, source, quote, and an optional qualifier."""
    value, as_of = table.number("value"), table.period("as_of")
    source, quote = _source_ref(table, sources), table.text("quote")
    qualifier = table.choice("qualifier", Qualifier, default=None) if "qualifier" in table.data else None
    table._seen.add("qualifier")
    if value is None or as_of is None or source is None or quote is None:
        return None
    return Observation(value, as_of, source, quote, qualifier, note)


def _parse_targets(
    ctx: _Context, top: _Table, sources: Mapping[str, Source], units: Mapping[str, Unit], areas: set[str]
) -> list[Target]:
    targets: list[Target] = []
    seen: dict[str, int] = {}
    for index, data in enumerate(_array(ctx, top, "target")):
        where = ("target", index)
        table = _Table(ctx, data, where, target=str(data.get("id", f"#{index + 1}")))
        target = _parse_target(ctx, table, seen, index, sources, units, areas)
        table.finish()
        if target is not None:
            targets.append(target)
    _check_short_titles(ctx, targets)
    return targets


def _check_short_titles(ctx: _Context, targets: Sequence[Target]) -> None:
    """A short title names one target: where two share one, a list or a narrow column could not tell them
    apart."""
    for lang in ("zh", "en"):
        first: dict[str, str] = {}
        for index, target in enumerate(targets):
            short = target.short_zh if lang == "zh" else target.short_en
            if short is None:
                continue
            key = short.casefold()
            if key in first:
                message = msg("plan.short_twice", short=short, id=target.id, other=first[key])
                ctx.report(("target", index, f"short_{lang}"), message, target.id)
            first.setdefault(key, target.id)


def _parse_target(
    ctx: _Context,
    table: _Table,
    seen: dict[str, int],
    index: int,
    sources: Mapping[str, Source],
    units: Mapping[str, Unit],
    areas: set[str],
) -> Target | None:
    before = len(ctx.problems)
    target_id = _check_id(table, "target", seen, index)
    kind = table.choice("kind", Kind)
    title_zh, title_en = table.text("title_zh"), table.text("title_en")
    short_zh, short_en = table.text("short_zh", False), table.text("short_en", False)
    area = table.text("area", required=kind is not Kind.CONTEXT)
    if area is not None and area not in areas:
        close = close_matches(area, sorted(areas), n=1)
        hint = (
            msg("hint.did_you_mean", word=close[0])
            if close
            else msg("hint.areas", areas=", ".join(sorted(areas)))
        )
        table._problem("area", msg("plan.unknown_area", area=area, hint=hint))
    unit_id = table.text("unit", required=kind is not Kind.MILESTONE)
    unit = units.get(unit_id) if unit_id else None
    if unit_id is not None and unit is None:
        table._problem("unit", msg("plan.unknown_unit", unit=unit_id, units=", ".join(sorted(units))))
    direction = table.choice("direction", Direction, Direction.HIGHER if kind is Kind.MILESTONE else None)
    source, quote, note = _source_ref(table, sources), table.text("quote"), _note(table)
    goal = table.number("target", required=kind is Kind.NUMERIC)
    strict, deadline = table.flag("target_strict"), table.day("deadline")
    # A figure is expected every 90 days unless said otherwise; a context fact only where the plan says so.
    reporting_days: int | None = table.integer("reporting_days", DEFAULT_REPORTING_DAYS)
    if kind is Kind.CONTEXT and "reporting_days" not in table.data:
        reporting_days = None
    group, continues = table.text("group", False), table.text("continues", False)
    for key, value in (("group", group), ("continues", continues)):
        if value is not None and not ID_PATTERN.match(value):
            table._problem(key, msg("plan.bad_id", kind=key, id=value))
    # What each kind cannot have: a context indicator no area or group, a numeric target no group (the
    # article never lists numbers as one commitment), a milestone no strictness.
    not_for_kind = {Kind.CONTEXT: ("area", "group", "target_strict"), Kind.NUMERIC: ("group",),
                    Kind.MILESTONE: ("target_strict",)}  # fmt: skip
    for key in not_for_kind.get(kind, ()) if kind is not None else ():
        if key in table.data:
            table._problem(key, msg("plan.not_for_kind", key=key, kind=msg(f"kind.{kind}")))
    baseline_data = table.table("baseline")
    baseline = (
        _parse_observation(ctx, baseline_data, (*table.where, "baseline"), table.target or "", sources)
        if baseline_data is not None
        else None
    )
    benchmarks, related = _parse_benchmarks(ctx, table, sources)

    if kind is Kind.MILESTONE:
        for key in ("unit", "target", "baseline"):
            if key in table.data:
                table._problem(key, msg("plan.milestone_key", key=key))
    if kind is Kind.CONTEXT:
        for key in ("target", "deadline"):
            if key in table.data:
                table._problem(key, msg("plan.context_key", key=key))
    if unit is not None:
        for key, figure in (("target", goal), ("baseline", baseline.value if baseline else None)):
            refusal = check_bounds(unit, figure) if figure is not None else None
            if refusal is not None:
                table._problem(key, msg("plan.out_of_bounds", key=key, reason=refusal))
    if deadline is not None and baseline is not None and deadline < baseline.as_of.last_day:
        table._problem(
            "deadline",
            msg("plan.deadline_before_baseline", deadline=deadline.isoformat(), baseline=str(baseline.as_of)),
        )

    if (
        len(ctx.problems) > before
        or target_id is None or kind is None or title_zh is None or title_en is None
        or direction is None or source is None or quote is None
    ):  # fmt: skip
        return None
    return Target(
        id=target_id,
        area=area,
        kind=kind,
        title_zh=title_zh,
        title_en=title_en,
        short_zh=short_zh,
        short_en=short_en,
        unit=unit_id,
        direction=direction,
        source=source,
        quote=quote,
        baseline=baseline,
        target=goal,
        target_strict=strict,
        deadline=deadline,
        benchmarks=benchmarks,
        note=note,
        reporting_days=reporting_days,
        related=related,
        group=group,
        continues=continues,
    )


def _parse_benchmarks(
    ctx: _Context, table: _Table, sources: Mapping[str, Source]
) -> tuple[dict[City, Observation], dict[City, Words]]:
    """The Guangzhou/Shenzhen figures, and which cities measure something related (with how it differs)."""
    data = table.table("benchmarks")
    benchmarks: dict[City, Observation] = {}
    related: dict[City, Words] = {}
    if data is None:
        return benchmarks, related
    cities = {city.value for city in City if city is not City.DONGGUAN}
    for city, item in data.items():
        where = (*table.where, "benchmarks", city)
        if city not in cities:
            ctx.report(where, msg("plan.unknown_city", city=city), table.target)
            continue
        if not isinstance(item, dict):
            ctx.report(where, wrong_type(f"benchmarks.{city}", "table", item), table.target)
            continue
        entry = _Table(ctx, item, where, table.target)
        measure = entry.choice("measure", Measure)
        is_related = measure is Measure.RELATED
        note = _note(entry, required=is_related)  # a related measure must say how it differs
        # A related city may come without a figure: the plan then only says that its measure differs.
        observation = _observation(entry, sources, note) if "value" in item or not is_related else None
        entry.finish()
        if is_related and note is not None:
            related[City(city)] = note
        if observation is not None and measure is not None:
            benchmarks[City(city)] = observation._replace(related=is_related)
    return benchmarks, related
