"""Load and validate the plan file (targets.toml) into immutable model objects."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

from gdz_targets.domain.errors import DataError, Problem, Words, close_matches, counted, msg
from gdz_targets.domain.model import (
    DEFAULT_REPORTING_DAYS,
    ID_SYNTAX,
    Area,
    City,
    Direction,
    Kind,
    Measure,
    Observation,
    Plan,
    PlanMeta,
    Qualifier,
    Source,
    Target,
    Unit,
)
from gdz_targets.domain.values import check_bounds

from .files import read_toml
from .toml_table import Context, Locator, Table, wrong_type

_Parsed = TypeVar("_Parsed", Source, Unit)
SCHEMA_VERSION: Final = 2
ID_PATTERN: Final = re.compile(rf"^{ID_SYNTAX}$")


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
    ctx = Context(path, Locator(text), [])
    if not data:  # an empty file: one problem, not one per missing key
        return None, [Problem(path, msg("plan.empty_file"), 1, 1)]
    top = Table(ctx, data, ())
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


def _check_scorable(ctx: Context, targets: Sequence[Target], units: Mapping[str, Unit]) -> None:
    """A numeric target without a baseline, in a unit that does not start at zero (a rank), has nothing for
    its score to count from: it would show "—" for ever and count as "no data" in its area's coverage."""
    for index, target in enumerate(targets):
        unit = units.get(target.unit) if target.unit else None
        if target.kind is Kind.NUMERIC and target.baseline is None and (unit is None or not unit.zero_based):
            message = msg("plan.never_scored", id=target.id, unit=target.unit or "")
            line, column = ctx.locator.find(("target", index, "unit"))
            ctx.advice.append(Problem(ctx.path, message, line, column, target.id))


def _check_continues(ctx: Context, targets: Sequence[Target]) -> None:
    """`continues` names another target of the plan: one that exists, and not the target itself."""
    known = [target.id for target in targets]
    for index, target in enumerate(targets):
        if target.continues is not None and (target.continues not in known or target.continues == target.id):
            close = close_matches(target.continues, [other for other in known if other != target.id], n=1)
            hint = msg("hint.did_you_mean", word=close[0]) if close else msg("hint.list_targets")
            message = msg("plan.bad_continues", id=target.continues, hint=hint)
            ctx.report(("target", index, "continues"), message, target.id)


def _parse_keyed(
    ctx: Context, top: Table, key: str, parse: Callable[[Table, str], _Parsed | None]
) -> dict[str, _Parsed]:
    table = top.table(key, required=True) or {}
    parsed: dict[str, _Parsed] = {}
    for item_id, item in table.items():
        if not isinstance(item, dict):
            top._problem(key, wrong_type(f"{key}.{item_id}", "table", item))
            continue
        value = parse(Table(ctx, item, (key, item_id)), item_id)
        if value is not None:
            parsed[item_id] = value
    return parsed


def _source_ref(
    table: Table, sources: Mapping[str, Source], key: str = "source", required: bool = True
) -> str | None:
    source = table.text(key, required)
    if source is not None and source not in sources:
        close = [known for known in sorted(sources) if known.startswith(source)]
        close = close or close_matches(source, sorted(sources), n=1)
        hint = msg("hint.did_you_mean", word=close[0]) if close else msg("hint.add_source")
        table._problem(key, msg("plan.unknown_source", key=f"{table.label}.{key}", source=source, hint=hint))
        return None
    return source


def _parse_source(table: Table, source_id: str) -> Source | None:
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


def _parse_unit(table: Table, unit_id: str) -> Unit | None:
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


def _parse_meta(ctx: Context, data: Mapping[str, Any], sources: Mapping[str, Source]) -> PlanMeta | None:
    table = Table(ctx, data, ("plan",))
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


def _time_zone(table: Table) -> str | None:
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


def _array(ctx: Context, top: Table, key: str) -> list[Mapping[str, Any]]:
    value = top._get(key, True)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        top._wrong(key, "tables")
        return []
    return value


def _check_id(table: Table, kind: str, seen: dict[str, int], index: int) -> str | None:
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


def _parse_areas(ctx: Context, top: Table, sources: Mapping[str, Source]) -> list[Area]:
    areas: list[Area] = []
    seen: dict[str, int] = {}
    for index, data in enumerate(_array(ctx, top, "area")):
        table = Table(ctx, data, ("area", index))
        area_id = _check_id(table, "area", seen, index)
        title_zh, title_en = table.text("title_zh"), table.text("title_en")
        source, quote, note = _source_ref(table, sources), table.text("quote"), table.text("note", False)
        table.finish()
        if area_id and title_zh and title_en and source and quote:
            areas.append(Area(area_id, title_zh, title_en, source, quote, note))
    return areas


def _parse_observation(
    ctx: Context,
    data: Mapping[str, Any],
    where: tuple[object, ...],
    target: str,
    sources: Mapping[str, Source],
) -> Observation | None:
    table = Table(ctx, data, where, target)
    observation = _observation(table, sources, _note(table))
    table.finish()
    return observation


def _note(table: Table, required: bool = False) -> Words | None:
    """A target's or a figure's `note`, with `note_zh` for Chinese readers (else the English shows)."""
    note, chinese = table.text("note", required), table.text("note_zh", False)
    if chinese is not None and note is None:
        table._problem("note_zh", msg("plan.missing_key", table=table.label, key="note"))
    return Words(note, chinese or note) if note is not None else None


def _observation(table: Table, sources: Mapping[str, Source], note: Words | None) -> Observation | None:
    """The figure in a baseline or benchmark table: value, as_of, source, quote, and an optional qualifier."""
    value, as_of = table.number("value"), table.period("as_of")
    source, quote = _source_ref(table, sources), table.text("quote")
    qualifier = table.choice("qualifier", Qualifier, default=None) if "qualifier" in table.data else None
    table._seen.add("qualifier")
    if value is None or as_of is None or source is None or quote is None:
        return None
    return Observation(value, as_of, source, quote, qualifier, note)


def _parse_targets(
    ctx: Context, top: Table, sources: Mapping[str, Source], units: Mapping[str, Unit], areas: set[str]
) -> list[Target]:
    targets: list[Target] = []
    seen: dict[str, int] = {}
    for index, data in enumerate(_array(ctx, top, "target")):
        where = ("target", index)
        table = Table(ctx, data, where, target=str(data.get("id", f"#{index + 1}")))
        target = _parse_target(ctx, table, seen, index, sources, units, areas)
        table.finish()
        if target is not None:
            targets.append(target)
    _check_short_titles(ctx, targets)
    return targets


def _check_short_titles(ctx: Context, targets: Sequence[Target]) -> None:
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
                message = msg("plan.short_twice", short=short, other=first[key])
                ctx.report(("target", index, f"short_{lang}"), message, target.id)
            first.setdefault(key, target.id)


def _parse_target(
    ctx: Context,
    table: Table,
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
    ctx: Context, table: Table, sources: Mapping[str, Source]
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
        entry = Table(ctx, item, where, table.target)
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
