"""Terminal output with Rich: the only module that imports it. Everything here draws; nothing decides.

Tables are laid out here rather than by `rich.table`: gdz needs its own column choice for 80 columns anyway,
and one styled Text prints several times faster than a Rich table of the same size (see bench/).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from datetime import date
from typing import Final, Literal, NamedTuple

from rich.console import Console
from rich.text import Span, Text

from gdz_targets.domain.model import (
    BENCHMARK_CITIES,
    City,
    Entry,
    Kind,
    Observation,
    Plan,
    Source,
    Target,
    Void,
    short_id,
)
from gdz_targets.domain.status import Benchmark, Figure, StatusReport, TargetStatus

from . import text as d
from .stream import write_out
from .text import UNKNOWN, word
from .textwidth import printable, width_of, wrap

Justify = Literal["left", "right"]
Line = tuple[str, str]  # text and its Rich style
Cell = list[Line]  # a cell's lines
COLUMN_GAP = 3
DEFAULT_WIDTH: Final = 80


def make_console() -> Console:
    """A console that honours NO_COLOR and COLUMNS and draws no escape codes when the output is not a
    terminal; what it draws is written by `stream`, the one place that writes to the terminal."""
    return Console(file=sys.stdout or io.StringIO(), highlight=False, emoji=False, soft_wrap=False)


def console_width(console: Console) -> int:
    """The width to lay out for: the terminal's, or COLUMNS; 80 when neither says anything usable."""
    width = console.width
    return width if 0 < width < 10_000 else DEFAULT_WIDTH


def print_view(console: Console, view: Text) -> None:
    """Print a laid-out view as it is: its lines already fit the width they were laid out for."""
    if not console.is_terminal:
        write_out(view.plain)  # no styles to draw, so Rich's segment rendering is not needed
        return
    with console.capture() as captured:
        console.print(view, soft_wrap=True, end="")
    write_out(captured.get())


def picture(view: Text, fmt: str, title: str) -> bytes:
    """A laid-out view in colour, as a standalone HTML page or SVG picture (exports to attach and paste)."""
    width = max(width_of(line) for line in view.plain.split("\n"))  # the widest line: nothing folds
    console = Console(
        record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor",
        highlight=False, emoji=False,
    )  # fmt: skip
    console.print(view, soft_wrap=True, end="")
    if fmt == "html":
        return console.export_html(inline_styles=True).encode("utf-8")
    return _widen_svg_text(console.export_svg(title=title)).encode("utf-8")


def _widen_svg_text(svg: str) -> str:
    """Give CJK characters their two cells in an SVG from Rich, which sizes each text run by its number of
    characters (textLength) while placing runs by cells: Chinese text was squeezed into half its width."""
    import html
    import re

    def widen(match: re.Match[str]) -> str:
        text = html.unescape(match.group(4))
        cells = width_of(text)
        if not text or cells == len(text):
            return match.group(0)
        length = float(match.group(2)) / len(text) * cells
        return f'{match.group(1)}textLength="{length:g}"{match.group(3)}{match.group(4)}</text>'

    return re.sub(r'(<text [^>]*?)textLength="([0-9.]+)"([^>]*>)([^<]*)</text>', widen, svg)


def cell(text: str, style: str = "") -> Cell:
    return [(line, style) for line in text.split("\n")]


class Column(NamedTuple):
    key: str
    header: str
    priority: int  # 1 is kept longest when the terminal is narrow
    justify: Justify = "left"
    flexible: bool = False  # may fold onto more lines; takes the width left over
    min_width: int = 12


def fit_columns(
    columns: Sequence[Column], rows: Sequence[dict[str, Cell]], width: int
) -> list[tuple[Column, int]]:
    """Choose columns by priority until the width is used, then give the flexible one what is left."""
    natural = {
        column.key: max(
            [width_of(column.header)] + [width_of(text) for row in rows for text, _ in row[column.key]]
        )
        for column in columns
    }
    needed = {c.key: min(natural[c.key], c.min_width) if c.flexible else natural[c.key] for c in columns}
    chosen: set[str] = set()
    used = -COLUMN_GAP  # the first column has no gap before it
    for column in sorted(columns, key=lambda c: c.priority):
        cost = needed[column.key] + COLUMN_GAP
        if used + cost <= width or not chosen:
            chosen.add(column.key)
            used += cost
    spare = max(0, width - used)
    fitted = []
    for column in columns:
        if column.key in chosen:
            size = needed[column.key]
            if column.flexible:
                size = min(natural[column.key], size + spare)
            fitted.append((column, size))
    return fitted


class Canvas:
    """Text and style spans built up as plain strings: far cheaper than many small Text.append calls."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.length = 0

    def add(self, text: str, style: str = "") -> None:
        if style and text:
            self.spans.append(Span(self.length, self.length + len(text), style))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> Text:
        return Text("".join(self.parts), spans=self.spans)


def grid(
    fitted: Sequence[tuple[Column, int]], rows: Sequence[dict[str, Cell]], show_header: bool = True
) -> Text:
    """Lay rows out in the fitted columns: header, a rule, then each row's lines; no trailing spaces."""
    out = Canvas()
    if show_header:
        header = {column.key: [(column.header, "bold")] for column, _ in fitted}
        _row_lines(out, fitted, header)
        total = sum(size for _, size in fitted) + COLUMN_GAP * (len(fitted) - 1)
        out.add("─" * total + "\n")
    for row in rows:
        _row_lines(out, fitted, row)
    return out.text()


def _row_lines(out: Canvas, fitted: Sequence[tuple[Column, int]], row: dict[str, Cell]) -> None:
    """One table row, as many lines tall as its tallest cell; tuned: a report lays out hundreds of cells."""
    columns = []
    for column, size in fitted:
        lines = row[column.key]
        if column.flexible:
            lines = [(piece, style) for text, style in lines for piece in wrap(text, size)]
        columns.append((size, column.justify == "right", lines))
    gap = " " * COLUMN_GAP
    for index in range(max(len(lines) for _, _, lines in columns)):
        texts: list[str] = []
        styled: list[tuple[int, int, str]] = []
        length = 0
        for number, (size, right, lines) in enumerate(columns):
            if number:
                texts.append(gap)
                length += COLUMN_GAP
            text, style = lines[index] if index < len(lines) else ("", "")
            padding = " " * (size - width_of(text))
            if right:
                texts.append(padding)
                length += len(padding)
            if style and text:
                styled.append((length, length + len(text), style))
            texts.append(text)
            length += len(text)
            if not right:
                texts.append(padding)
                length += len(padding)
        line = "".join(texts).rstrip()
        for start, end, style in styled:
            out.spans.append(Span(out.length + start, out.length + min(end, len(line)), style))
        out.parts.append(line + "\n")
        out.length += len(line) + 1


# --- targets -----------------------------------------------------------------------------------------------


def targets_view(plan: Plan, targets: Sequence[Target], lang: str, width: int) -> Text:
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
        row = {
            "id": cell(target.id, "bold"),
            "title": cell(target.title(lang)),
            "area": cell(area.title(lang) if area else word("ui.context", lang)),
            "unit": cell(d.unit_label(plan, target, lang) or word("ui.milestone_unit", lang)),
            "baseline": cell(_observation(target, target.baseline, lang)),
            "target": cell(UNKNOWN if target.kind is Kind.CONTEXT else d.target_value(plan, target, lang)),
            "deadline": cell(target.deadline.isoformat() if target.deadline else UNKNOWN),
        }
        for city in BENCHMARK_CITIES:
            row[city.value] = cell(_observation(target, target.benchmarks.get(city), lang))
        rows.append(row)
    return grid(fit_columns(columns, rows, width), rows)


def _observation(target: Target, observation: Observation | None, lang: str) -> str:
    if observation is None:
        return UNKNOWN
    figure = Figure.from_plan(observation)
    return f"{d.figure_value(target, figure, lang)} ({figure.as_of})"


# --- status ------------------------------------------------------------------------------------------------


def status_view(report: StatusReport, lang: str, width: int, city_detail: bool) -> Text:
    plan = report.plan
    id_width = max((width_of(row.target.id) for row in report.all_targets()), default=8)
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
    sections: list[tuple[Text, list[dict[str, Cell]]]] = []
    numbers = d.area_numbers(plan)
    for area in report.areas:
        area_title = plan.area(area.area_id)
        assert area_title is not None
        heading = Text.assemble(
            (f"{numbers[area.area_id]}. {area_title.title(lang)}", "bold"),
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
    view = _title(plan.meta.title(lang), f"{word('ui.as_of', lang)} {report.as_of.isoformat()}", width)
    for index, (heading, rows) in enumerate(sections):
        view.append("\n")
        view.append_text(heading)
        view.append("\n")
        view.append_text(grid(fitted, rows, show_header=index == 0))
    if not any(rows for _, rows in sections):
        view.append("\n" + word("ui.no_match", lang) + "\n", style="dim")
    view.append("\n")
    view.append_text(_status_footer(report, lang, width))
    return view


def _title(title: str, suffix: str, width: int) -> Text:
    """A bold title folded to the width, then the suffix: on the last line if it fits, else below."""
    lines = wrap(title, width)
    view = Text()
    for line in lines[:-1]:
        view.append(line + "\n", style="bold")
    view.append(lines[-1], style="bold")
    fits = width_of(lines[-1]) + 2 + width_of(suffix) <= width
    view.append(("  " if fits else "\n") + suffix + "\n")
    return view


def log_line(report: StatusReport, lang: str, log_location: str) -> Text:
    """Where the log is, as of when; printed unwrapped, as a path broken across lines cannot be copied."""
    where = word("ui.log_at", lang).format(path=log_location, as_of=report.as_of.isoformat())
    return Text(where + "\n", style="dim")


def _status_row(plan: Plan, row: TargetStatus, lang: str, city_detail: bool) -> dict[str, Cell]:
    target = row.target
    unit = d.unit_label(plan, target, lang)
    # The unit goes with the title, so that the number columns stay narrow enough for 80 columns.
    name = [(target.id, "bold"), (target.title(lang) + (f" ({unit})" if unit else ""), "dim")]
    current = cell(d.figure_value(target, row.current, lang))
    if row.current is not None:
        current.append((row.current.as_of, "dim"))
    deadline = cell(target.deadline.isoformat() if target.deadline else UNKNOWN)
    if row.pace.days_left is not None:
        deadline.append((_days_text(row.pace.days_left, lang), "dim"))
    by_city = {benchmark.city: benchmark for benchmark in row.benchmarks}
    return {
        "name": name,
        "current": current,
        "target": cell(_bare_target(target, lang)),
        "bar": cell(d.progress_bar(row.progress) if target.kind is not Kind.CONTEXT else ""),
        "gap": cell(d.signed(row.gap_to_target)),
        "guangzhou": _benchmark_cell(target, by_city.get(City.GUANGZHOU), lang, city_detail),
        "shenzhen": _benchmark_cell(target, by_city.get(City.SHENZHEN), lang, city_detail),
        "frontier": cell(d.signed(row.frontier.gap) if row.frontier else UNKNOWN),
        "score": cell(d.number(row.score.value, 0)),
        "deadline": deadline,
        "status": _status_cell(row, lang),
    }


def _status_cell(row: TargetStatus, lang: str) -> Cell:
    status = cell(d.status_text(row.status, lang), d.STATUS_STYLE[row.status] if row.status else "")
    if row.stale:
        status.append((word("ui.stale", lang), "yellow"))
    return status


def _days_text(days_left: int, lang: str) -> str:
    """The days left until the deadline, or the days past it, in words."""
    key = "ui.days_left" if days_left >= 0 else "ui.days_over"
    return word(key, lang).format(days=abs(days_left))


def _bare_target(target: Target, lang: str) -> str:
    if target.kind is Kind.CONTEXT or (target.target is None and target.kind is Kind.NUMERIC):
        return UNKNOWN
    if target.kind is Kind.MILESTONE:
        return word("ui.done", lang)
    return (">" if target.target_strict else "") + d.number(target.target)


def _benchmark_cell(target: Target, benchmark: Benchmark | None, lang: str, detail: bool) -> Cell:
    """The city's figure; below it the gap to Dongguan, or with `detail` its date and origin (plan or log)."""
    if benchmark is None:
        return cell(UNKNOWN, "dim")
    lines = cell(d.figure_value(target, benchmark.figure, lang))
    if detail:
        lines.append(
            (f"{benchmark.figure.as_of} {word('origin.' + benchmark.figure.origin.value, lang)}", "dim")
        )
    elif benchmark.gap is not None:
        lines.append((d.signed(benchmark.gap), "dim"))
    return lines


def _flow(label: str, items: Sequence[tuple[str, str]], width: int) -> Text:
    """`label: a · b · c`, breaking lines between items, never inside one."""
    text = Text(label + ": ")
    column = width_of(label) + 2
    for index, (item, style) in enumerate(items):
        separator = " · " if index else ""
        if index and column + width_of(separator + item) > width:
            text.append("\n  ")
            column, separator = 2, ""
        text.append(separator)
        text.append(item, style=style)
        column += width_of(separator + item)
    return text


def _status_footer(report: StatusReport, lang: str, width: int) -> Text:
    footer = Text()
    shown = [
        (f"{d.status_text(status, lang)} {count}", d.STATUS_STYLE[status])
        for status, count in report.counts.items()
        if count
    ]
    numbers = d.area_numbers(report.plan)
    scores = [(f"{numbers[area.area_id]}. {d.number(area.score, 0)}", "") for area in report.areas]
    for label, items in (("ui.counts", shown), ("ui.area_scores", scores)):
        if items:
            footer.append_text(_flow(word(label, lang), items, width))
            footer.append("\n")
    whole = word("ui.plan_score", lang) + ": " + d.score_text(report.score, report.scored, report.total, lang)
    footer.append(whole + "\n", style="bold")
    for line in wrap(word("ui.score_method", lang), width):
        footer.append(line + "\n", style="dim")
    return footer


# --- show --------------------------------------------------------------------------------------------------


def show_view(
    report_row: TargetStatus,
    plan: Plan,
    lang: str,
    series: Sequence[tuple[date, float]],
    records: Sequence[Entry],
    voided: dict[str, Void],
    width: int,
) -> Text:
    target = report_row.target
    facts = _target_facts(report_row, plan, lang, series)
    label_width = max(width_of(row["label"][0][0]) for row in facts)
    fitted = [
        (Column("label", "", 1), label_width),
        (Column("value", "", 2, flexible=True), width - label_width - 3),
    ]
    view = Text(target.id + "\n", style="bold")
    view.append_text(grid(fitted, facts, show_header=False))
    view.append("\n" + word("ui.history", lang) + "\n", style="bold")
    if records:
        view.append_text(history_table(plan, records, voided, lang, width, show_target=False))
    else:
        view.append(word("ui.no_entries", lang) + "\n", style="dim")
    return view


def _target_facts(
    report_row: TargetStatus, plan: Plan, lang: str, series: Sequence[tuple[date, float]]
) -> list[dict[str, Cell]]:
    """The label and value lines of `gdz show`."""
    target = report_row.target
    unit = d.unit_label(plan, target, lang)
    shown_unit = "" if target.kind is Kind.MILESTONE else unit
    area = plan.area(target.area) if target.area else None
    facts: list[dict[str, Cell]] = []

    def fact(label: str, value: Cell) -> None:
        facts.append({"label": [(word(label, lang), "bold")], "value": value})

    fact("ui.title", cell(f"{target.title_zh}\n{target.title_en}"))
    fact("ui.area", cell(area.title(lang) if area else word("ui.context", lang)))
    kind = word("kind." + target.kind.value, lang)
    if target.kind is not Kind.MILESTONE:
        kind += " · " + word("direction." + target.direction.value, lang)
    fact("ui.kind", cell(kind))
    fact("ui.source", cell(f"{_source_name(plan.sources.get(target.source))} “{target.quote}”"))
    if target.note:
        fact("ui.note", cell(target.note))
    fact("ui.baseline", cell(_observation(target, target.baseline, lang)))
    if target.kind is not Kind.CONTEXT:
        fact("ui.target", cell(d.target_value(plan, target, lang)))
        fact("ui.deadline", cell(_deadline_text(report_row, lang)))
    current = d.figure_value(target, report_row.current, lang)
    if report_row.current is not None:
        current = f"{d.with_unit(current, shown_unit)} ({report_row.current.as_of})"
    fact("ui.current", cell(current))
    if target.kind is not Kind.CONTEXT:
        bar = d.progress_bar(report_row.progress)
        fact("ui.progress", cell(f"{bar} {d.percent(report_row.progress)}".strip()))
    if target.kind is Kind.NUMERIC:
        fact("ui.gap", cell(d.with_unit(d.signed(report_row.gap_to_target), unit)))
    for city in BENCHMARK_CITIES:
        benchmark = next((b for b in report_row.benchmarks if b.city is city), None)
        fact("city." + city.value, _benchmark_fact(plan, target, benchmark, unit, lang))
    score = report_row.score
    fact("ui.score", cell(word("ui.score_detail", lang).format(
        score=d.number(score.value, 0), frontier=d.number(score.frontier),
        frontier_source=word("frontier." + score.frontier_source, lang) if score.frontier_source else UNKNOWN,
        worst=d.number(score.worst),
        worst_source=word("worst." + score.worst_source, lang) if score.worst_source else UNKNOWN,
    )))  # fmt: skip
    pace = report_row.pace
    if target.kind is Kind.NUMERIC:
        known = (pace.needed_per_day, pace.observed_per_day, pace.projected) != (None, None, None)
        fact("ui.pace", cell(word("ui.pace_detail", lang).format(
            needed=d.signed(pace.needed_per_day), observed=d.signed(pace.observed_per_day),
            projected=d.number(pace.projected)) if known else UNKNOWN))  # fmt: skip
    fact("ui.status", _status_cell(report_row, lang))
    if series:
        trend = sparkline([value for _, value in series], target.target)
        fact("ui.series", cell(f"{trend}  {series[0][0].isoformat()} → {series[-1][0].isoformat()}"))
    return facts


def _deadline_text(row: TargetStatus, lang: str) -> str:
    target = row.target
    if target.deadline is None or row.pace.days_left is None:
        return word("ui.no_deadline", lang)
    return f"{target.deadline.isoformat()} ({_days_text(row.pace.days_left, lang)})"


def _source_name(source: Source | None) -> str:
    if source is None:
        return UNKNOWN
    return f"{source.publisher} {source.published}" if source.published else source.publisher


def _benchmark_fact(plan: Plan, target: Target, benchmark: Benchmark | None, unit: str, lang: str) -> Cell:
    if benchmark is None:
        return cell(UNKNOWN, "dim")
    figure = benchmark.figure
    headline = f"{d.with_unit(d.figure_value(target, figure, lang), unit)} ({figure.as_of})"
    if benchmark.gap is not None:
        headline += f"  {word('ui.gap', lang)} {d.signed(benchmark.gap)}"
    lines = cell(headline)
    if figure.observation is None:
        lines.append((word("ui.from_log", lang), "dim"))
        return lines
    observation = figure.observation
    lines.append((f"{_source_name(plan.sources.get(observation.source))} “{observation.quote}”", "dim"))
    if observation.note:
        lines.append((observation.note, "dim"))
    return lines


SPARK_LEVELS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], goal: float | None) -> str:
    """One character per value, scaled together with the target (after ┊) so the gap to it shows."""
    if not values:
        return ""
    scale = [*values, goal] if goal is not None else list(values)
    low, high = min(scale), max(scale)
    span = high - low or 1.0
    line = "".join(SPARK_LEVELS[round((value - low) / span * (len(SPARK_LEVELS) - 1))] for value in values)
    if goal is not None:
        line += " ┊" + SPARK_LEVELS[round((goal - low) / span * (len(SPARK_LEVELS) - 1))]
    return line


# --- history -----------------------------------------------------------------------------------------------


def history_table(
    plan: Plan,
    records: Sequence[Entry],
    voided: dict[str, Void],
    lang: str,
    width: int,
    show_target: bool = True,
) -> Text:
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
    return grid(fit_columns(columns, rows, width), rows)


def _history_row(plan: Plan, record: Entry, voided: dict[str, Void], lang: str) -> dict[str, Cell]:
    target = plan.target(record.target)
    milestone = target is not None and target.kind is Kind.MILESTONE
    value = d.milestone_state(record.value, lang) if milestone else d.number(record.value, 6)
    unit = d.unit_label(plan, target, lang) if target is not None and not milestone else ""
    note = " · ".join(printable(part) for part in (record.note, record.source) if part)
    void = voided.get(record.id)
    style = "strike dim" if void else ""
    row = {
        "id": cell(short_id(record.id), style),
        "date": cell(record.date.isoformat(), style),
        "target": cell(record.target, style),
        "city": cell(word("city." + record.city.value, lang), style),
        "value": cell(d.with_unit(value, unit), style),
        "by": cell(printable(record.recorded_by), style),
        "note": [(note, "dim" if void else "")] if note else [],
    }
    if void:
        row["note"].append((word("ui.voided_because", lang).format(reason=printable(void.reason)), "yellow"))
    return row
