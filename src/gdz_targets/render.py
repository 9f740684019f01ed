"""Terminal output with Rich: the only module that imports it. Everything here draws; nothing decides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from . import display as d
from .analysis import Benchmark, StatusReport, TargetStatus
from .display import UNKNOWN, word
from .model import BENCHMARK_CITIES, City, Entry, Kind, Plan, Target, Void, short_id

Justify = Literal["left", "right"]


def make_console(file: IO[str] | None = None, record: bool = False, width: int | None = None) -> Console:
    """A console that honours NO_COLOR and COLUMNS and prints no escape codes when piped."""
    return Console(file=file, highlight=False, emoji=False, record=record, width=width, soft_wrap=False)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    priority: int  # 1 is kept longest when the terminal is narrow
    justify: Justify = "left"
    flexible: bool = False  # may fold onto more lines; takes the width left over
    min_width: int = 12


def fit_columns(
    columns: Sequence[Column], rows: Sequence[dict[str, Text]], width: int
) -> list[tuple[Column, int]]:
    """Choose columns by priority until the width is used, then give the flexible one what is left."""
    natural = {
        column.key: max([_text_width(Text(column.header))] + [_text_width(row[column.key]) for row in rows])
        for column in columns
    }
    needed = {c.key: min(natural[c.key], c.min_width) if c.flexible else natural[c.key] for c in columns}
    chosen: list[Column] = []
    used = -COLUMN_GAP  # the first column has no gap before it
    for column in sorted(columns, key=lambda c: c.priority):
        cost = needed[column.key] + COLUMN_GAP
        if used + cost <= width or not chosen:
            chosen.append(column)
            used += cost
    spare = max(0, width - used)
    widths = []
    for column in columns:
        if column in chosen:
            size = needed[column.key]
            if column.flexible:
                size = min(natural[column.key], size + spare)
            widths.append((column, size))
    return widths


COLUMN_GAP = 3  # padding, separator, padding between two columns (no padding at the table's edges)


def _text_width(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def _table(fitted: list[tuple[Column, int]], show_header: bool = True) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        show_header=show_header,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=False,
        header_style="bold",
    )
    for column, size in fitted:
        table.add_column(
            column.header, justify=column.justify, width=size, no_wrap=not column.flexible, overflow="fold"
        )
    return table


def _add_rows(table: Table, fitted: list[tuple[Column, int]], rows: Sequence[dict[str, Text]]) -> None:
    for row in rows:
        table.add_row(*(row[column.key] for column, _ in fitted))


# --- targets ------------------------------------------------------------------------------------


def targets_view(plan: Plan, targets: Sequence[Target], lang: str, width: int) -> RenderableType:
    columns = [
        Column("id", "id", 1),
        Column("title", word("ui.title", lang), 2, flexible=True, min_width=14),
        Column("area", word("ui.area", lang), 6),
        Column("unit", word("ui.unit", lang), 7),
        Column("baseline", word("ui.baseline", lang), 5, "right"),
        Column("target", word("ui.target", lang), 3, "right"),
        Column("deadline", word("ui.deadline", lang), 4),
        Column("guangzhou", word("city.guangzhou", lang), 8, "right"),
        Column("shenzhen", word("city.shenzhen", lang), 9, "right"),
    ]
    rows = []
    for target in targets:
        area = plan.area(target.area) if target.area else None
        baseline = target.baseline
        rows.append(
            {
                "id": Text(target.id, style="bold"),
                "title": Text(target.title(lang)),
                "area": Text(area.title(lang) if area else word("ui.context", lang)),
                "unit": Text(d.unit_label(plan, target, lang) or word("ui.milestone_unit", lang)),
                "baseline": Text(_observation(target, baseline, lang)),
                "target": Text(
                    UNKNOWN if target.kind is Kind.CONTEXT else d.target_value(plan, target, lang)
                ),
                "deadline": Text(target.deadline.isoformat() if target.deadline else UNKNOWN),
                **{
                    city.value: Text(_observation(target, target.benchmarks.get(city), lang))
                    for city in BENCHMARK_CITIES
                },
            }
        )
    fitted = fit_columns(columns, rows, width)
    table = _table(fitted)
    _add_rows(table, fitted, rows)
    return table


def _observation(target: Target, observation: object, lang: str) -> str:
    from .analysis import Figure

    if observation is None:
        return UNKNOWN
    assert hasattr(observation, "as_of")
    figure = Figure.from_plan(observation)  # type: ignore[arg-type]
    return f"{d.figure_value(target, figure, lang)} ({figure.as_of})"


# --- status -------------------------------------------------------------------------------------


def status_view(report: StatusReport, lang: str, width: int, city_detail: bool) -> RenderableType:
    plan = report.plan
    id_width = max((cell_len(row.target.id) for row in report.all_targets()), default=8)
    columns = [
        Column("name", word("ui.target_col", lang), 1, flexible=True, min_width=id_width),
        Column("current", word("ui.current", lang), 3, "right"),
        Column("target", word("ui.target", lang), 4, "right"),
        Column("bar", word("ui.progress", lang), 11),
        Column("gap", word("ui.gap", lang), 7, "right"),
        Column("guangzhou", word("city.guangzhou", lang), 5, "right"),
        Column("shenzhen", word("city.shenzhen", lang), 6, "right"),
        Column("frontier", word("ui.gap_frontier", lang), 9, "right"),
        Column("score", word("ui.score", lang), 8, "right"),
        Column("deadline", word("ui.deadline", lang), 10),
        Column("status", word("ui.status", lang), 2),
    ]  # priority: what stays at 80 columns is the figure, the target, both cities and the status
    sections: list[tuple[Text, list[dict[str, Text]]]] = []
    for number, area in enumerate(report.areas, start=1):
        area_title = plan.area(area.area_id)
        assert area_title is not None
        heading = Text.assemble(
            (f"{number}. {area_title.title(lang)}", "bold"),
            "  " + d.score_text(area.score, area.scored, len(area.targets), lang),
        )
        sections.append((heading, [_status_row(plan, row, lang, city_detail) for row in area.targets]))
    if report.context:
        sections.append(
            (
                Text(word("ui.context_section", lang), style="bold"),
                [_status_row(plan, row, lang, city_detail) for row in report.context],
            )
        )
    fitted = fit_columns(columns, [row for _, rows in sections for row in rows], width)
    parts: list[RenderableType] = [
        Text.assemble(
            (plan.meta.title(lang), "bold"), f"  {word('ui.as_of', lang)} {report.as_of.isoformat()}"
        ),
    ]
    for index, (heading, rows) in enumerate(sections):
        parts += [Text(""), heading]
        table = _table(fitted, show_header=index == 0)
        _add_rows(table, fitted, rows)
        parts.append(table)
    parts += [Text(""), *_status_footer(report, lang, width)]
    return Group(*parts)


def print_log_line(console: Console, report: StatusReport, lang: str, log_location: str) -> None:
    """Where the log is, as of when. Printed unwrapped: a path broken across lines cannot be copied."""
    where = word("ui.log_at", lang).format(path=log_location, as_of=report.as_of.isoformat())
    console.print(Text(where, style="dim"), soft_wrap=True)


def _status_row(plan: Plan, row: TargetStatus, lang: str, city_detail: bool) -> dict[str, Text]:
    target = row.target
    unit = d.unit_label(plan, target, lang)
    name = Text(target.id, style="bold")
    # The unit goes with the title, so the number columns stay narrow enough for 80 columns.
    name.append("\n" + target.title(lang) + (f" ({unit})" if unit else ""), style="dim")
    current = Text(d.figure_value(target, row.current, lang))
    if row.current is not None:
        current.append("\n" + row.current.as_of, style="dim")
    deadline = Text(target.deadline.isoformat() if target.deadline else UNKNOWN)
    if row.pace.days_left is not None:
        key = "ui.days_left" if row.pace.days_left >= 0 else "ui.days_over"
        deadline.append("\n" + word(key, lang).format(days=abs(row.pace.days_left)), style="dim")
    status = Text(
        d.status_text(row.status, lang), style=d.STATUS_STYLE.get(row.status, "") if row.status else ""
    )
    if row.stale:
        status.append("\n" + word("ui.stale", lang), style="yellow")
    by_city = {benchmark.city: benchmark for benchmark in row.benchmarks}
    return {
        "name": name,
        "current": current,
        "target": Text(_bare_target(target, lang)),
        "bar": Text(d.progress_bar(row.progress) if target.kind is not Kind.CONTEXT else ""),
        "gap": Text(d.signed(row.gap_to_target)),
        "guangzhou": _benchmark_cell(target, by_city.get(City.GUANGZHOU), lang, city_detail),
        "shenzhen": _benchmark_cell(target, by_city.get(City.SHENZHEN), lang, city_detail),
        "frontier": Text(d.signed(row.frontier.gap) if row.frontier else UNKNOWN),
        "score": Text(d.number(row.score.value, 0)),
        "deadline": deadline,
        "status": status,
    }


def _bare_target(target: Target, lang: str) -> str:
    if target.kind is Kind.CONTEXT or (target.target is None and target.kind is Kind.NUMERIC):
        return UNKNOWN
    if target.kind is Kind.MILESTONE:
        return word("ui.done", lang)
    return (">" if target.target_strict else "") + d.number(target.target)


def _benchmark_cell(target: Target, benchmark: Benchmark | None, lang: str, detail: bool) -> Text:
    """The city's figure; below it the gap to Dongguan, or with `detail` its date and origin (plan or log)."""
    if benchmark is None:
        return Text(UNKNOWN, style="dim")
    cell = Text(d.figure_value(target, benchmark.figure, lang))
    if detail:
        origin = word("origin." + benchmark.figure.origin.value, lang)
        cell.append(f"\n{benchmark.figure.as_of} {origin}", style="dim")
    elif benchmark.gap is not None:
        cell.append("\n" + d.signed(benchmark.gap), style="dim")
    return cell


def _flow(label: str, items: Sequence[tuple[str, str]], width: int) -> Text:
    """`label: a · b · c`, breaking lines between items, never inside one."""
    text = Text(label + ": ")
    column = cell_len(label) + 2
    for index, (item, style) in enumerate(items):
        separator = " · " if index else ""
        if index and column + cell_len(separator + item) > width:
            text.append("\n  ")
            column, separator = 2, ""
        text.append(separator)
        text.append(item, style=style)
        column += cell_len(separator + item)
    return text


def _status_footer(report: StatusReport, lang: str, width: int) -> list[Text]:
    shown = [
        (f"{d.status_text(status, lang)} {count}", d.STATUS_STYLE[status])
        for status, count in report.counts.items()
        if count
    ]
    counts = _flow(word("ui.counts", lang), shown, width)
    scores = Text(word("ui.area_scores", lang) + ": ")
    for index, area in enumerate(report.areas, start=1):
        scores.append(("" if index == 1 else " · ") + f"{index}. {d.number(area.score, 0)}")
    total = sum(len(area.targets) for area in report.areas)
    plan_score = Text.assemble(
        (word("ui.plan_score", lang) + ": " + d.score_text(report.score, report.scored, total, lang), "bold"),
        f"  ({word('ui.score_method', lang)})",
    )
    return [counts, scores, plan_score]


# --- show ---------------------------------------------------------------------------------------


def show_view(
    report_row: TargetStatus,
    plan: Plan,
    lang: str,
    series: Sequence[tuple[date, float]],
    records: Sequence[Entry],
    voided: dict[str, Void],
    width: int,
) -> RenderableType:
    target = report_row.target
    unit = d.unit_label(plan, target, lang)
    area = plan.area(target.area) if target.area else None
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    source = plan.sources.get(target.source)

    def fact(label: str, value: RenderableType) -> None:
        facts.add_row(word(label, lang), value)

    fact("ui.title", Text(f"{target.title_zh}\n{target.title_en}"))
    fact("ui.area", Text(area.title(lang) if area else word("ui.context", lang)))
    fact(
        "ui.kind",
        Text(
            word("kind." + target.kind.value, lang)
            + (
                ""
                if target.kind is Kind.MILESTONE
                else " · " + word("direction." + target.direction.value, lang)
            )
        ),
    )
    fact("ui.source", Text(f"{_source_name(source)} “{target.quote}”"))
    if target.note:
        fact("ui.note", Text(target.note))
    fact("ui.baseline", Text(_observation(target, target.baseline, lang)))
    if target.kind is not Kind.CONTEXT:
        fact("ui.target", Text(d.target_value(plan, target, lang)))
        fact("ui.deadline", Text(_deadline_text(report_row, lang)))
    current = d.figure_value(target, report_row.current, lang)
    if report_row.current is not None:
        shown_unit = "" if target.kind is Kind.MILESTONE else unit
        current = f"{d.with_unit(current, shown_unit)} ({report_row.current.as_of})"
    fact("ui.current", Text(current))
    if target.kind is not Kind.CONTEXT:
        fact("ui.progress", Text(f"{d.progress_bar(report_row.progress)} {d.percent(report_row.progress)}"))
    if target.kind is Kind.NUMERIC:
        fact("ui.gap", Text(d.with_unit(d.signed(report_row.gap_to_target), unit)))
    for city in BENCHMARK_CITIES:
        benchmark = next((b for b in report_row.benchmarks if b.city is city), None)
        fact("city." + city.value, _benchmark_fact(plan, target, benchmark, unit, lang))
    score = report_row.score
    fact(
        "ui.score",
        Text(
            word("ui.score_detail", lang).format(
                score=d.number(score.value, 0),
                frontier=d.number(score.frontier),
                frontier_source=word("frontier." + score.frontier_source, lang)
                if score.frontier_source
                else UNKNOWN,
                worst=d.number(score.worst),
                worst_source=word("worst." + score.worst_source, lang) if score.worst_source else UNKNOWN,
            )
        ),
    )
    if target.kind is Kind.NUMERIC:
        pace = report_row.pace
        fact(
            "ui.pace",
            Text(
                word("ui.pace_detail", lang).format(
                    needed=d.signed(pace.needed_per_day),
                    observed=d.signed(pace.observed_per_day),
                    projected=d.number(pace.projected),
                )
            ),
        )
    status = Text(
        d.status_text(report_row.status, lang),
        style=d.STATUS_STYLE.get(report_row.status, "") if report_row.status else "",
    )
    if report_row.stale:
        status.append("  " + word("ui.stale", lang), style="yellow")
    fact("ui.status", status)
    if series:
        fact(
            "ui.series",
            Text(
                sparkline([value for _, value in series], target.target)
                + (f"  {series[0][0].isoformat()} → {series[-1][0].isoformat()}")
            ),
        )
    parts: list[RenderableType] = [Text(target.id, style="bold"), facts, Text("")]
    parts.append(Text(word("ui.history", lang), style="bold"))
    parts.append(
        history_table(plan, records, voided, lang, width, show_target=False)
        if records
        else Text(word("ui.no_entries", lang), style="dim")
    )
    return Group(*parts)


def _deadline_text(row: TargetStatus, lang: str) -> str:
    target = row.target
    if target.deadline is None:
        return word("ui.no_deadline", lang)
    days = row.pace.days_left
    assert days is not None
    key = "ui.days_left" if days >= 0 else "ui.days_over"
    return f"{target.deadline.isoformat()} ({word(key, lang).format(days=abs(days))})"


def _source_name(source: object) -> str:
    if source is None:
        return UNKNOWN
    publisher, published = getattr(source, "publisher", ""), getattr(source, "published", None)
    return f"{publisher} {published}" if published else str(publisher)


def _benchmark_fact(plan: Plan, target: Target, benchmark: Benchmark | None, unit: str, lang: str) -> Text:
    if benchmark is None:
        return Text(UNKNOWN, style="dim")
    figure = benchmark.figure
    text = Text(f"{d.with_unit(d.figure_value(target, figure, lang), unit)} ({figure.as_of})")
    if benchmark.gap is not None:
        text.append(f"  {word('ui.gap', lang)} {d.signed(benchmark.gap)}")
    if figure.observation is not None:
        observation = figure.observation
        text.append(
            f"\n{_source_name(plan.sources.get(observation.source))} “{observation.quote}”", style="dim"
        )
        if observation.note:
            text.append(f"\n{observation.note}", style="dim")
    else:
        text.append("\n" + word("ui.from_log", lang), style="dim")
    return text


SPARK_LEVELS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], goal: float | None) -> str:
    """One character per value, scaled together with the target so the gap to it is visible."""
    if not values:
        return ""
    scale = list(values) + ([goal] if goal is not None else [])
    low, high = min(scale), max(scale)
    span = high - low or 1.0
    line = "".join(SPARK_LEVELS[round((value - low) / span * (len(SPARK_LEVELS) - 1))] for value in values)
    if goal is not None:
        line += " ┊" + SPARK_LEVELS[round((goal - low) / span * (len(SPARK_LEVELS) - 1))]
    return line


# --- history ------------------------------------------------------------------------------------


def history_table(
    plan: Plan,
    records: Sequence[Entry],
    voided: dict[str, Void],
    lang: str,
    width: int,
    show_target: bool = True,
) -> Table:
    columns = [
        Column("id", "id", 1),
        Column("date", word("ui.date", lang), 2),
        Column("target", word("ui.target_col", lang), 3),
        Column("city", word("ui.city", lang), 4),
        Column("value", word("ui.value", lang), 5, "right"),
        Column("by", word("ui.by", lang), 7),
        Column("note", word("ui.note", lang), 6, flexible=True, min_width=12),
    ]
    if not show_target:
        columns = [column for column in columns if column.key != "target"]
    rows = [_history_row(plan, record, voided, lang) for record in records]
    fitted = fit_columns(columns, rows, width)
    table = _table(fitted)
    _add_rows(table, fitted, rows)
    return table


def _history_row(plan: Plan, record: Entry, voided: dict[str, Void], lang: str) -> dict[str, Text]:
    target = plan.target(record.target)
    milestone = target is not None and target.kind is Kind.MILESTONE
    value = d.milestone_state(record.value, lang) if milestone else d.number(record.value, 6)
    unit = d.unit_label(plan, target, lang) if target is not None and not milestone else ""
    note = " · ".join(_printable(part) for part in (record.note, record.source) if part)
    void = voided.get(record.id)
    style = "strike dim" if void else ""
    row = {
        "id": Text(short_id(record.id), style=style),
        "date": Text(record.date.isoformat(), style=style),
        "target": Text(record.target, style=style),
        "city": Text(word("city." + record.city.value, lang), style=style),
        "value": Text(d.with_unit(value, unit), style=style),
        "by": Text(record.recorded_by, style=style),
        "note": Text(note, style="dim" if void else ""),
    }
    if void:
        row["note"].append(
            ("\n" if note else "") + word("ui.voided_because", lang).format(reason=_printable(void.reason)),
            style="yellow",
        )
    return row


def _printable(text: str) -> str:
    """Show control characters as escapes, so a note cannot move the cursor or ring the bell."""
    return "".join(char if char.isprintable() or char == " " else repr(char)[1:-1] for char in text)
