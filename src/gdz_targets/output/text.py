"""Plain-text formatting shared by the terminal, Markdown and the other reports (no Rich here)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Final

from gdz_targets.domain.model import (
    Batch,
    City,
    Direction,
    Entry,
    Kind,
    Plan,
    Point,
    Qualifier,
    Source,
    Target,
    short_id,
)
from gdz_targets.domain.status import Aggregate, Figure, Status, StatusReport, TargetStatus
from gdz_targets.domain.values import QUALIFIER_MARKS, format_number
from gdz_targets.domain.values import with_unit as join_unit

from .messages import CATALOGUE
from .textwidth import printable, width_of, wrap

if TYPE_CHECKING:
    from gdz_targets.domain.movement import Movement

UNKNOWN: Final = "—"
RELATED_MARK: Final = "≈"  # before a figure of a related measure: shown, never compared
# One distinct sign per status, each narrow in every terminal (no East Asian "ambiguous" width), and a word.
STATUS_MARK: Final = {
    Status.ACHIEVED: "✔",
    Status.ON_TRACK: "▵",
    Status.AT_RISK: "!",
    Status.OFF_TRACK: "▿",
    Status.OVERDUE: "✖",
    Status.OPEN: "~",
    Status.NO_DATA: "?",
}
STATUS_STYLE: Final = {
    Status.ACHIEVED: "green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.OFF_TRACK: "red",
    Status.OVERDUE: "bold red",
    Status.OPEN: "cyan",
    Status.NO_DATA: "dim",
}
BAR_CELLS: Final = 10
BAR_FULL, BAR_EMPTY = "▮", "▯"


def word(key: str, lang: str) -> str:
    english, chinese = CATALOGUE[key]
    return chinese if lang == "zh" else english


def number(value: float | None, digits: int = 2) -> str:
    """A figure for reading: whole numbers plain, others rounded to `digits` places."""
    if value is None:
        return UNKNOWN
    rounded = round(value, digits)
    if rounded == 0:
        rounded = 0.0  # never print -0
    return format_number(rounded)


def gap_words(
    gap: float | None,
    unit: str,
    lang: str,
    city: str | None = None,
    strict: bool = False,
    bound: Qualifier | None = None,
    direction: Direction = Direction.HIGHER,
) -> str:
    """A gap in words, never a bare sign: "20 items short of the target", "7.5 ahead of Guangzhou".
    `strict`: the target must be exceeded, so standing level with it is still short. `bound`: the figure's
    own (`>90`), which the gap carries: "less than 10 percentage points short of the target"."""
    if gap is None:
        return UNKNOWN
    # A gap between two shares is in percentage points: 92.5% is 7.5 points short of 100%, not 7.5% short;
    # one between two positions (rank 16, tier 2) is in places, never "tier 1 behind".
    if unit == "%" or "{}" in unit:
        step = "point" if unit == "%" else "place"
        amount = word(f"ui.{step}" if abs(gap) == 1 else f"ui.{step}s", lang).format(n=number(abs(gap)))
    else:
        amount = with_unit(number(abs(gap)), unit)
    if bound is not None and city is None:
        bounded = _bounded_gap(gap, bound, direction, strict)
        if gap == 0:
            return word(bounded, lang)
        amount = word(bounded, lang).format(amount=amount)
    side = ("level_strict" if strict else "level") if gap == 0 else "short" if gap > 0 else "beyond"
    key = f"ui.gap_{side}" if city is None else f"ui.peer_{side}"
    return word(key, lang).format(amount=amount, city=city)


def _bounded_gap(gap: float, bound: Qualifier, direction: Direction, strict: bool) -> str:
    """How a figure's bound qualifies its gap to the target: the catalogue key of the amount's qualifier
    ("less than"), or of the whole sentence where the figure stands level with the target."""
    if bound is Qualifier.ABOUT:
        return "ui.gap_about_level" if gap == 0 else "ui.amount_about"
    over = bound is Qualifier.OVER
    higher = direction is Direction.HIGHER  # the figure's true value lies beyond it: better when higher
    if gap == 0:
        if higher:
            return (
                "ui.gap_over_level" if over else "ui.gap_at_least_level_strict" if strict else "ui.gap_level"
            )
        return "ui.gap_short_some" if over else "ui.gap_level_or_short"
    smaller = higher if gap > 0 else not higher  # whether the true gap is smaller than the one shown
    if smaller:
        return "ui.amount_less" if over else "ui.amount_at_most"
    return "ui.amount_more" if over else "ui.amount_at_least"


def target_gap_words(row: TargetStatus, unit: str, lang: str) -> str:
    """The gap to the target in words, with what the target and the current figure's bound say."""
    bound = row.current.qualifier if row.current is not None else None
    target = row.target
    return gap_words(row.gap_to_target, unit, lang, strict=target.target_strict, bound=bound,
                     direction=target.direction)  # fmt: skip


def signed(value: float | None) -> str:
    if value is None:
        return UNKNOWN
    text = number(value)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def percent(value: float | None) -> str:
    return UNKNOWN if value is None else f"{number(value, 0)}%"


def unit_label(plan: Plan, target: Target, lang: str) -> str:
    unit = plan.unit_of(target)
    return unit.label(lang) if unit is not None else ""


def with_unit(text: str, unit: str) -> str:
    """`87.6%`, `1020项`, `1000×10k m²`, `18 days`; an unknown stays bare."""
    return text if text == UNKNOWN else join_unit(text, unit)


def milestone_state(value: float, lang: str) -> str:
    return word("ui.done" if value >= 1 else "ui.not_done", lang)


def figure_value(target: Target, figure: Figure | None, lang: str) -> str:
    """A value as published: `>400` for "超400", `~25` for "约25", done / not done for milestones."""
    if figure is None:
        return UNKNOWN
    if target.kind is Kind.MILESTONE:
        return milestone_state(figure.value, lang)
    mark = QUALIFIER_MARKS[figure.qualifier] if figure.qualifier else ""
    return f"{mark}{number(figure.value)}"


def bare_target(target: Target, lang: str) -> str:
    """What the target asks, without its unit: `>1000`, `100`, "required" for a milestone, — for context."""
    if target.kind is Kind.MILESTONE:
        return word("ui.required", lang)
    if target.target is None:
        return UNKNOWN
    return (">" if target.target_strict else "") + number(target.target)


def target_value(plan: Plan, target: Target, lang: str) -> str:
    if target.kind is Kind.MILESTONE:
        return word("ui.required", lang)
    return with_unit(bare_target(target, lang), unit_label(plan, target, lang))


def now_and_target(plan: Plan, row: TargetStatus, lang: str) -> str:
    """`87.6 / 100%`, `1020 / >1000 项`, `done / required`; a context figure alone, with its unit."""
    target = row.target
    now = figure_value(target, row.current, lang)
    unit = "" if target.kind is Kind.MILESTONE else unit_label(plan, target, lang)
    if target.kind is Kind.CONTEXT:
        return with_unit(now, unit)
    return with_unit(f"{now} / {bare_target(target, lang)}", unit)


def planned_figure_width(plan: Plan, target: Target, lang: str) -> int:
    """About how wide `now_and_target` is for a target: its own figure (else its baseline) as the current
    one, with a bound's mark — from the plan alone, for laying out columns before any figure is read."""
    if target.kind is Kind.MILESTONE:
        return width_of(f"{milestone_state(0, lang)} / {word('ui.required', lang)}")
    figure = target.target if target.target is not None else target.baseline.value if target.baseline else 0
    unit = unit_label(plan, target, lang)
    now = ">" + number(figure)
    return width_of(
        with_unit(now if target.kind is Kind.CONTEXT else f"{now} / {bare_target(target, lang)}", unit)
    )


def city_figure(target: Target, row: TargetStatus, city: City, lang: str) -> str:
    """A city's figure as a column shows it: `95`, `≈>90` for a related measure, — when unknown."""
    benchmark = next((b for b in row.benchmarks if b.city is city), None)
    if benchmark is None:
        return UNKNOWN  # ≈ marks a related figure, never an absent one
    return (RELATED_MARK if benchmark.related else "") + figure_value(target, benchmark.figure, lang)


def score_text(aggregate: Aggregate, lang: str) -> str:
    """`score 14 · 9 of 50 targets with data`: never a score without its coverage."""
    return word("ui.score_of", lang).format(
        score=score_value(aggregate.score), scored=aggregate.scored, total=aggregate.total
    )


def area_score(area_id: str, aggregate: Aggregate, lang: str, moved: Movement | None = None) -> str:
    """An area's score with its coverage, as `score_text`; with `moved`, then → now where it moved."""
    if moved is None:
        return score_text(aggregate, lang)
    from .changes import area_score_words  # only a report since an earlier day loads what moved

    return area_score_words(moved.area_then(area_id), aggregate, lang)


def zh_day(day: date, year: bool = True) -> str:
    """A day as a Chinese sentence writes it: 2024年4月5日, or 4月5日 where the year goes without saying."""
    return (f"{day.year}年" if year else "") + f"{day.month}月{day.day}日"


def period_or_as_of(as_of: date, since: date | None, lang: str) -> str:
    """What a report says it covers: `as of 2024-04-30`, or `2024-03-31 → 2024-04-30` since an earlier day."""
    if since is None:
        return f"{word('ui.as_of', lang)} {as_of.isoformat()}"
    from .changes import period_words

    return period_words(since, as_of, lang)


def plan_score_words(aggregate: Aggregate, lang: str) -> str:
    """The whole plan's score in words: `12 for the whole plan (no data counts as 0) · 98 on average over
    the 5 with data`."""
    if not aggregate.scored:
        return word("ui.score_none", lang)
    text = word("ui.score_whole", lang).format(score=score_value(aggregate.score))
    if aggregate.mean_with_data is not None and aggregate.scored < aggregate.total:
        mean = score_value(aggregate.mean_with_data)
        text += " · " + word("ui.score_mean", lang).format(mean=mean, scored=aggregate.scored)
    return text


def score_value(value: float | None) -> str:
    """A score as a whole number: 99.6 is still short of 100, so it is never rounded up to it."""
    if value is None:
        return UNKNOWN
    return str(math.floor(value)) if value < 100 else "100"


def area_numbers(plan: Plan) -> dict[str, int]:
    """Each area's number in the plan's order, the same whatever a report leaves out."""
    return {area.id: number for number, area in enumerate(plan.areas, start=1)}


# The parts of a command template a reader fills in, in Chinese: `gdz log 指标 数值`.
PLACEHOLDERS_ZH: Final = {"TARGET": "指标", "VALUE": "数值", "ID": "编号", "NAME": "单位", "FORM": "填报表"}


def placeholders(command: str, lang: str) -> str:
    """A command template in the reader's language: only the words to replace are translated."""
    if lang != "zh":
        return command
    return " ".join(PLACEHOLDERS_ZH.get(part, part) for part in command.split(" "))


def filters_text(plan: Plan, lang: str, area: str | None, statuses: Sequence[str], sort: str) -> str | None:
    """The filters and order asked for, in the reader's words, for the summary (None: the whole plan)."""
    from gdz_targets.domain.query import CONTEXT, STALE, parse_statuses, resolve_area

    parts = []
    if area:
        area_id = resolve_area(plan, area)
        chosen = plan.area(area_id)
        named = f"{area_numbers(plan)[area_id]} {chosen.title(lang)}" if chosen else word("ui.context", lang)
        parts.append(f"{word('ui.area', lang)} {named}" if area_id != CONTEXT or chosen else named)
    wanted = parse_statuses(list(statuses)) or set()
    if wanted:
        names = [
            word("ui.stale", lang) if code == STALE else word("status." + code, lang)
            for code in sorted(wanted)
        ]
        parts.append(f"{word('ui.status', lang)} {joined(names, lang)}")
    if sort != "plan":
        parts.append(word("ui.sorted_by", lang).format(key=word("sort." + sort, lang)))
    return " · ".join(parts) or None


def status_text(status: Status | None, lang: str) -> str:
    if status is None:
        return UNKNOWN
    return f"{STATUS_MARK[status]} {word('status.' + status.value, lang)}"


def past_due_names(report: StatusReport, lang: str) -> list[str]:
    """The targets past their deadline and not met, by short title, as every summary names them: those below
    their target first, then `4 without data: …` — a report upwards must count those too."""
    late, missing = past_due_groups(report, lang)
    return late + missing


def past_due_groups(report: StatusReport, lang: str) -> tuple[list[str], list[str]]:
    """`past_due_names` in its two groups, below the target and without data; where there are both, each
    counted before its first name (`1 short of target: …`, `4 without data: …`), so neither reads as the
    other's."""
    every = report.plan_rows
    late = [row.target.short(lang) for row in every if row.past_deadline and row.current is not None]
    missing = [row.target.short(lang) for row in every if row.past_deadline and row.current is None]
    if missing:
        missing[0] = word("ui.past_due_no_data", lang).format(count=len(missing), target=missing[0])
        if late:
            late[0] = word("ui.past_due_short", lang).format(count=len(late), target=late[0])
    return late, missing


def stale_names(report: StatusReport, lang: str) -> list[str]:
    """The targets whose latest figure is older than their reporting interval, with its date."""
    return [word("ui.stale_short", lang).format(target=row.target.short(lang), date=row.current.as_of)
            for row in report.plan_rows if row.stale and row.current is not None]  # fmt: skip


def status_detail(row: TargetStatus, lang: str, short: bool = False, stale: bool = True) -> str:
    """What qualifies a status: since when a target is met, how long past or before its deadline, stale.
    `short`: the compact form beside the status word (`✔ met 2023-12-31`, `✖ overdue 1065d`)."""
    parts = []
    if row.status is Status.ACHIEVED and row.achieved_on:
        met = str(row.achieved_on)
        parts.append(met if short else word("ui.met_on", lang).format(date=met))
    elif row.pace.days_left is not None and row.status is not None:
        parts.append(days_text(row.pace.days_left, lang, short))
    elif row.target.kind is Kind.CONTEXT and row.current is not None:
        parts.append(str(row.current.as_of))
    if row.stale and stale:
        parts.append(word("ui.stale", lang))
    return " · ".join(parts)


def days_text(days_left: int, lang: str, short: bool = False) -> str:
    """The days left until the deadline, or the days past it, in words (`short`: `120d left`)."""
    key = "ui.days_left" if days_left >= 0 else "ui.days_over"
    return word(key + ("_short" if short else ""), lang).format(days=abs(days_left))


def progress_bar(share: float | None, cells: int = BAR_CELLS) -> str:
    """A bar that is full only at 100% and empty only at 0 (or below)."""
    if share is None:
        return ""
    if share >= 100:
        filled = cells
    elif share <= 0:
        filled = 0
    else:
        filled = min(cells - 1, max(1, math.floor(share / 100 * cells)))
    return BAR_FULL * filled + BAR_EMPTY * (cells - filled)


def source_text(source: Source | None, lang: str, address: bool = True) -> str:
    """Who published it, what, when, and (with `address`) where it can be checked again; marked when only a
    copy was read."""
    if source is None:
        return UNKNOWN
    parts = [source.publisher, f"《{source.title}》"]
    if source.published:
        parts.append(str(source.published))
    if source.url and address:
        parts.append(source.url)
    text = " ".join(parts)
    if source.unverified:
        text += " " + word("ui.unverified", lang)
    return text


def entry_value(plan: Plan, entry: Entry, lang: str) -> str:
    """An entry's value as logged, with its mark and unit: `>1000 items`, `78%`, done / not done."""
    return point_value(plan, entry.target, Point(entry.date, float(entry.value), entry.qualifier), lang)


def point_value(plan: Plan, target_id: str, point: Point, lang: str) -> str:
    """A series' figure with its mark and unit, as an entry's value is shown."""
    target = plan.target(target_id)
    if target is not None and target.kind is Kind.MILESTONE:
        return milestone_state(point.value, lang)
    mark = QUALIFIER_MARKS[point.qualifier] if point.qualifier else ""
    return with_unit(mark + number(point.value, 6), unit_label(plan, target, lang) if target else "")


def entry_summary(plan: Plan, entry: Entry, lang: str, with_id: bool = True) -> str:
    """`7D63GFXK Cross-city total = 1020 items (Dongguan, 2023-12-31)`: the target by its short title, which
    every command takes as well as its id."""
    value = entry_value(plan, entry, lang)
    city = word("city." + entry.city.value, lang)
    summary = f"{_target_name(plan, entry.target, lang)} = {value} ({city}, {entry.date.isoformat()})"
    return f"{short_id(entry.id)} {summary}" if with_id else summary


def entry_brief(plan: Plan, entry: Entry, lang: str) -> str:
    """An entry as completion describes it, the date first so that a cut keeps it: `2023-12-31 Cross-city
    total = 1020 items · Dongguan`."""
    city = word("city." + entry.city.value, lang)
    name = _target_name(plan, entry.target, lang)
    return f"{entry.date.isoformat()} {name} = {entry_value(plan, entry, lang)} · {city}"


def _target_name(plan: Plan, target_id: str, lang: str) -> str:
    target = plan.target(target_id)
    return target.short(lang) if target else target_id


def act_summary(plan: Plan, entries: Sequence[Entry], batch: Batch | None, lang: str) -> str:
    """One entry as `entry_summary` says it, or an import as a whole: `the import of q1.xlsx (12 entries,
    recorded 2026-12-04 10:30)`."""
    if batch is None:
        return entry_summary(plan, entries[0], lang)
    when = batch.recorded_at.strftime("%Y-%m-%d %H:%M")
    return word("ui.import_act", lang).format(file=printable(batch.file), count=len(entries), at=when)


def standing_line(plan: Plan, entry: Entry, row: TargetStatus, lang: str, width: int) -> str:
    """What `gdz log` prints: the entry, then the target's standing today, on one line where it fits, else
    broken between its parts."""
    target = row.target
    parts = [word("ui.logged", lang) + " " + entry_summary(plan, entry, lang)]
    if row.current is not None:
        shown_unit = "" if target.kind is Kind.MILESTONE else unit_label(plan, target, lang)
        parts.append(
            word("ui.now", lang) + " " + with_unit(figure_value(target, row.current, lang), shown_unit)
        )
    unit = "" if target.kind is Kind.MILESTONE else unit_label(plan, target, lang)
    if row.gap_to_target is not None:
        parts.append(target_gap_words(row, unit, lang))
    if row.score.value is not None:
        parts.append(word("ui.score", lang) + " " + score_value(row.score.value))
    if entry.city is not City.DONGGUAN and target.is_related(entry.city):
        parts.append(word("ui.related_logged", lang))
    elif entry.city is not City.DONGGUAN:
        benchmark = next((b for b in row.benchmarks if b.city is entry.city), None)
        if benchmark is not None and benchmark.gap is not None:
            parts.append(gap_words(benchmark.gap, unit, lang, word("city." + entry.city.value, lang)))
    if row.status is not None and entry.city is not City.DONGGUAN:  # the standing is Dongguan's: say so
        parts.append(f"{word('city.dongguan', lang)} {status_text(row.status, lang)}")
    elif row.status is not None:
        parts.append(status_text(row.status, lang))
    return fold([printable(part) for part in parts], width)


def fold(parts: Sequence[str], width: int, separator: str = " · ", indent: int = 2) -> str:
    """Parts joined on a line, breaking between parts where the line would pass `width`, and inside a part
    (at its spaces, as `wrap` folds) only where it is wider than a line."""
    width = max(width, 1)
    lines = wrap(parts[0], width)
    for part in parts[1:]:
        if width_of(lines[-1] + separator + part) <= width:
            lines[-1] += separator + part
        else:
            step = indent if width > indent + 8 else 0
            lines += [" " * step + piece for piece in wrap(part, width - step)]
    return "\n".join(lines)


def list_separator(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def joined(items: Sequence[str], lang: str) -> str:
    return list_separator(lang).join(items)


def cities_legend(lang: str, cities: Sequence[str] = ("guangzhou", "shenzhen")) -> str:
    """What the city columns hold: "GZ Guangzhou, SZ Shenzhen" / "广州、深圳:最新可比数值"."""
    names = [word("ui.legend_" + city, lang) for city in cities]
    return word("ui.legend_cities", lang).format(cities=joined(names, lang))
