"""Terminal output with Rich: the only module that imports it. Everything here draws; nothing decides.

Tables are laid out here rather than by `rich.table`: gdz needs its own column choice for 80 columns anyway,
and one styled Text prints several times faster than a Rich table of the same size (see bench/).
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Final, Literal, NamedTuple

from rich.console import Console
from rich.text import Span, Text

from gdz_targets.domain.errors import counted
from gdz_targets.domain.model import (
    BENCHMARK_CITIES,
    City,
    Entry,
    Kind,
    Observation,
    Plan,
    Point,
    Target,
    Void,
    short_id,
)
from gdz_targets.domain.status import Benchmark, Figure, Status, StatusReport, TargetStatus

from . import text as d
from .messages import render
from .stream import terminal_width, write_out
from .text import UNKNOWN, word
from .textwidth import GLUE, cut, glue_code, printable, width_of, wrap

Justify = Literal["left", "right"]
Line = tuple[str, str]  # text and its Rich style
Cell = list[Line]  # a cell's lines
COLUMN_GAP = 3


def make_console() -> Console:
    """A console that honours NO_COLOR and draws no escape codes when the output is not a terminal; what it
    draws is written by `stream`, the one place that writes to the terminal, at the width `stream` says."""
    # Rich reads COLUMNS and LINES itself, with int() after isdigit(), which "²" passes: it is given the width
    # and height instead, and an environment without them.
    environ = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    return Console(file=sys.stdout or io.StringIO(), highlight=False, emoji=False, soft_wrap=False,
                   width=terminal_width(), height=25, _environ=environ)  # fmt: skip


def print_view(console: Console, view: Text) -> None:
    """Print a laid-out view as it is: its lines already fit the width they were laid out for."""
    if not console.is_terminal:
        write_out(view.plain)  # no styles to draw, so Rich's segment rendering is not needed
        return
    with console.capture() as captured:
        console.print(view, soft_wrap=True, end="")
    write_out(captured.get())


def cell(text: str, style: str = "") -> Cell:
    return [(line, style) for line in text.split("\n")]


class Column(NamedTuple):
    key: str
    header: str
    priority: int  # 1 is kept longest when the terminal is narrow
    justify: Justify = "left"
    flexible: bool = False  # takes the width left over
    min_width: int = 12
    max_width: int | None = None  # a flexible column grows no wider than this
    preferred: int | None = None  # a flexible column's width before columns of lower priority are added
    cut: bool = False  # a flexible column's text is cut with "…" instead of folding onto more lines


def fit_columns(
    columns: Sequence[Column],
    rows: Sequence[dict[str, Cell]],
    width: int,
    gap: int = COLUMN_GAP,
    blank: str = "",
    budgets: Mapping[str, int] | None = None,
) -> list[tuple[Column, int]]:
    """Choose columns by priority until one does not fit (columns sharing a priority show together or not at
    all), then give the flexible one what is left. Without `budgets`, columns are chosen by what their cells
    need, and one with nothing in any row (or only `blank`, such as "—") is left out. With `budgets` (planned
    widths), they are chosen by those alone, so that which columns show depends on the width, never on the
    rows; each then takes what its cells need, and the flexible one the rest."""
    natural = {
        column.key: max(
            [width_of(column.header)]
            + [width_of(text) for row in rows for text, _ in row.get(column.key, [])]
        )
        for column in columns
    }
    planned = natural if budgets is None else {key: budgets.get(key, size) for key, size in natural.items()}
    needed = {c.key: min(planned[c.key], c.min_width) if c.flexible else planned[c.key] for c in columns}
    empty: set[str] = set()
    if budgets is None and rows:
        empty = {c.key for c in columns
                 if all(text in ("", blank) for row in rows for text, _ in row.get(c.key, []))}  # fmt: skip
    candidates = [c for c in columns if c.key not in empty]
    groups = [[c for c in candidates if c.priority == p] for p in sorted({c.priority for c in candidates})]
    chosen: list[list[Column]] = []
    used = -gap  # the first column has no gap before it
    for group in groups:
        for column in group:
            if (
                column.flexible
                and column.preferred
                and used + min(planned[column.key], column.preferred) + gap <= width
            ):
                needed[column.key] = min(planned[column.key], column.preferred)
        cost = sum(needed[column.key] + gap for column in group)
        if used + cost > width and chosen:
            break  # columns give way in their order: none shows where one before it did not fit
        chosen.append(group)
        used += cost
    if budgets is not None:  # sized by what the cells hold, now that the choice is made
        needed.update({c.key: natural[c.key] for c in columns if not c.flexible})
        used = sum(needed[c.key] + gap for group in chosen for c in group) - gap
        # Cells wider than planned: the flexible column gives way, then the columns last in priority go.
        give = sum(max(0, needed[c.key] - SQUEEZED) for group in chosen for c in group if c.flexible)
        while used - give > width and len(chosen) > 1:
            for column in chosen.pop():
                used -= needed[column.key] + gap
                give -= max(0, needed[column.key] - SQUEEZED) if column.flexible else 0
    keys = {column.key for group in chosen for column in group}
    spare = max(0, width - used)
    fitted = []
    for column in columns:
        if column.key in keys:
            size = needed[column.key]
            if column.flexible:
                size = min(natural[column.key], size + spare, column.max_width or width)
                size = max(1, size - max(0, used - width))  # the cells of the others wider than planned
            fitted.append((column, max(1, min(size, width))))
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
    fitted: Sequence[tuple[Column, int]],
    rows: Sequence[dict[str, Cell]],
    show_header: bool = True,
    gap: int = COLUMN_GAP,
    indent: int = 0,
    below: str | None = None,
) -> Text:
    """Lay rows out in the fitted columns: header, a rule, then each row's lines; no trailing spaces. With
    `below`, the cell of that key goes on lines of its own under its row, indented, folded to the table's
    width (a note too long for a column)."""
    out = Canvas()
    total = sum(size for _, size in fitted) + gap * (len(fitted) - 1)
    if show_header:
        header = {column.key: [(column.header, "bold")] for column, _ in fitted}
        _row_lines(out, fitted, header, gap, indent)
        out.add(" " * indent + "─" * total + "\n")
    step = BELOW_INDENT if total > 2 * BELOW_INDENT else 0
    for row in rows:
        _row_lines(out, fitted, row, gap, indent)
        for text, style in row.get(below, []) if below else []:
            for piece in wrap(text, max(total - step, 1)):
                out.add(" " * (indent + step))
                out.add(piece, style or "dim")
                out.add("\n")
    return out.text()


def _row_lines(
    out: Canvas, fitted: Sequence[tuple[Column, int]], row: dict[str, Cell], gap: int, indent: int
) -> None:
    """One table row, as many lines tall as its tallest cell; tuned: a report lays out hundreds of cells."""
    columns = []
    for column, size in fitted:
        lines = row.get(column.key, [])
        if column.cut:
            lines = [(cut(text, size), style) for text, style in lines]
        elif column.flexible:
            lines = [(piece, style) for text, style in lines for piece in wrap(text, size)]
        else:
            lines = [
                (cut(text, size), style) for text, style in lines
            ]  # only ever cut at a width of a few cells
        columns.append((size, column.justify == "right", lines))
    spacing = " " * gap
    for index in range(max([len(lines) for _, _, lines in columns] or [1])):
        texts: list[str] = [" " * indent]
        styled: list[tuple[int, int, str]] = []
        length = indent
        for number, (size, right, lines) in enumerate(columns):
            if number:
                texts.append(spacing)
                length += gap
            text, style = lines[index] if index < len(lines) else ("", "")
            padding = " " * max(0, size - width_of(text))
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
            if start < len(line):
                out.spans.append(Span(out.length + start, out.length + min(end, len(line)), style))
        out.parts.append(line + "\n")
        out.length += len(line) + 1


# --- targets -----------------------------------------------------------------------------------------------


def targets_view(plan: Plan, targets: Sequence[Target], lang: str, width: int) -> Text:
    """The plan's targets under their areas: what each asks, by when, from what baseline, and Guangzhou's and
    Shenzhen's figures (≈ where they measure something related). Both cities show, or neither."""
    columns = [
        Column("id", word("ui.id", lang), 1),
        Column("title", word("ui.title", lang), 2, flexible=True, min_width=20, max_width=72),
        Column("target", word("ui.target", lang), 3, "right"),
        Column("deadline", word("ui.deadline", lang), 4),
        Column("baseline", word("ui.baseline", lang), 7, "right"),  # gives way before the cities: the mission
        Column("guangzhou", word("ui.gz", lang), 5, "right"),
        Column("shenzhen", word("ui.sz", lang), 6, "right"),
    ]
    numbers = d.area_numbers(plan)
    sections: list[tuple[str, list[dict[str, Cell]]]] = []
    for area_id in [*(area.id for area in plan.areas), None]:
        rows = [_target_row(plan, target, lang) for target in targets if target.area == area_id]
        if rows:
            area = plan.area(area_id) if area_id else None
            title = f"{numbers[area.id]} {area.title(lang)}" if area else word("ui.context_section", lang)
            sections.append((title, rows))
    step = 2 if width >= NARROW else 0
    every = [row for _, rows in sections for row in rows]
    fitted = fit_columns(columns, every, max(width - step, 1), blank=UNKNOWN)
    cities = [column for column, _ in fitted if column.key in ("guangzhou", "shenzhen")]
    if len(cities) == 1:  # one city alone would read as the only benchmark: room for both, or for neither
        others = [column for column in columns if column.key not in ("guangzhou", "shenzhen")]
        fitted = fit_columns(others, every, max(width - step, 1), blank=UNKNOWN)
    view = Text()
    for number, (title, rows) in enumerate(sections):
        view.append(("\n" if number else "") + "\n".join(wrap(title, width)) + "\n", style="bold")
        view.append_text(grid(fitted, rows, show_header=number == 0, indent=step))
    if {"guangzhou", "shenzhen"} & {column.key for column, _ in fitted}:
        related = any(target.related for target in targets)
        legend = [word("ui.legend_related", lang), d.cities_legend(lang)][0 if related else 1 :]
        view.append("\n" + "".join(line + "\n" for part in legend for line in wrap(part, width)), style="dim")
    return view


def _target_row(plan: Plan, target: Target, lang: str) -> dict[str, Cell]:
    unit = "" if target.kind is Kind.MILESTONE else d.unit_label(plan, target, lang)
    row = {
        "id": cell(target.id, "bold"),
        "title": cell(target.title(lang)),
        "target": cell(UNKNOWN if target.kind is Kind.CONTEXT else d.target_value(plan, target, lang)),
        "deadline": cell(target.deadline.isoformat() if target.deadline else UNKNOWN),
        "baseline": cell(_observation(target, target.baseline, unit, lang)),
    }
    for city in BENCHMARK_CITIES:
        figure = _observation(target, target.benchmarks.get(city), unit, lang)
        related = target.is_related(city) and figure != UNKNOWN  # ≈ marks a figure, never an absent one
        row[city.value] = cell(d.RELATED_MARK + figure if related else figure, "dim" if related else "")
    return row


def _observation(target: Target, observation: Observation | None, unit: str, lang: str) -> str:
    """A sourced figure with its unit, its date below it (a narrower column): `>400 items` / `2021-10`."""
    if observation is None:
        return UNKNOWN
    figure = Figure.from_plan(observation)
    return f"{d.with_unit(d.figure_value(target, figure, lang), unit)}\n{figure.as_of}"


# --- status ------------------------------------------------------------------------------------------------

CITY_COLUMNS: Final = ((City.GUANGZHOU, "gz"), (City.SHENZHEN, "sz"))  # with their header's message key
SQUEEZED: Final = 6  # the fewest cells cells wider than planned squeeze a flexible column to
BELOW_INDENT: Final = 4  # a cell shown under its row starts this far in
NOTE_COLUMN: Final = 40  # a note column narrower than this folds a note into a tower: notes go below instead
WIDE: Final = 100  # from this width a target takes one line, its title a column; below, a second line
NARROW: Final = 24  # below this width nothing is indented: every cell counts


class StatusOptions(NamedTuple):
    """What the screen needs besides the report: where the log is and what was asked for."""

    log_path: str | None = None  # said at the foot, with the as-of date
    next_steps: tuple[str, ...] = ()  # commands worth suggesting (an empty log: how to begin)
    filters: str | None = None  # the filters applied, in words, when some rows are left out
    show_all: bool = False  # targets without data get a row each, instead of one line per area
    city_detail: bool = False  # each Guangzhou/Shenzhen figure with its date and origin


Section = tuple[tuple[str, str], list[dict[str, Cell]], list[str]]  # (title, score), rows, ids without data


def status_view(report: StatusReport, lang: str, width: int, options: StatusOptions) -> Text:
    """The status screen: a summary first, then each area with one line per target (two where the title has
    no room beside the figures, as below 100 columns)."""
    width = max(width, 1)
    view = Text()
    view.append_text(
        _heading_lines(report.plan.meta.title(lang), f"{word('ui.as_of', lang)} {report.as_of}", width)
    )
    view.append_text(_summary(report, lang, width, options))
    wide = width >= WIDE
    sections = _sections(report, lang, width, options, wide)
    step = 2 if width >= NARROW else 0  # rows are indented under their area, where there is room
    room = max(width - step, 1)
    budgets = _status_budgets(report.plan, lang, wide)
    fitted = fit_columns(_status_columns(lang, wide), _rows(sections), room, 2, budgets=budgets)
    if wide and "title" not in {column.key for column, _ in fitted}:  # no room for titles beside the figures
        wide = False
        sections = _sections(report, lang, width, options, wide)
        budgets = _status_budgets(report.plan, lang, wide)
        fitted = fit_columns(_status_columns(lang, wide), _rows(sections), room, 2, budgets=budgets)
    shown = {column.key for column, _ in fitted}
    # What a second line carries for the columns that had no room (as "scored" the score says what it is).
    missing = [key for key, column in (("figure", "figure"), ("scored", "score"), ("cities", "guangzhou"))
               if column not in shown]  # fmt: skip
    table_width = step + sum(size for _, size in fitted) + 2 * (len(fitted) - 1)
    header_drawn = False
    for (title, score), rows, folded in sections:
        if not rows and not folded and options.filters:
            continue  # a filtered report shows only the areas that hold what was asked for
        view.append("\n")
        view.append_text(_area_heading(title, score, min(width, max(table_width, 72))))
        if rows and not header_drawn:
            view.append_text(grid(fitted, [], show_header=True, gap=2, indent=step))
            header_drawn = True
        for row in rows:
            view.append_text(grid(fitted, [row], show_header=False, gap=2, indent=step))
            if not wide:
                view.append_text(_second_line(row, width, 2 * step, missing))
        if folded:
            label = word("ui.without_data", lang).format(count=len(folded))
            items = [(target, "dim") for target in folded]
            separator = d.list_separator(lang)
            view.append_text(_flow(label, items, width, indent=2 * step, separator=separator, lead=step))
    if not any(rows or folded for _, rows, folded in sections):
        view.append("\n" + word("ui.no_match", lang) + "\n", style="dim")
    view.append("\n")
    view.append_text(_legend(lang, width, shown, report, _rows(sections)))
    if options.log_path is not None:
        view.append_text(_log_line(options.log_path, report.as_of.isoformat(), lang, width))
    return view


def _log_line(path: str, as_of: str, lang: str, width: int) -> Text:
    """Which log, as of when: one line where it fits; else the path alone on a line, never folded (a path
    broken across lines cannot be copied)."""
    path = printable(path)
    line = word("ui.log_at", lang).format(path=path, as_of=as_of)
    if width_of(line) <= width:
        return Text(line + "\n", style="dim")
    text = Text(style="dim")
    for piece in wrap(word("ui.log_label", lang).format(as_of=as_of), width):
        text.append(piece + "\n")
    text.append(path + "\n")
    return text


def _rows(sections: Sequence[Section]) -> list[dict[str, Cell]]:
    return [row for _, rows, _ in sections for row in rows]


def _sections(
    report: StatusReport, lang: str, width: int, options: StatusOptions, wide: bool
) -> list[Section]:
    plan = report.plan
    numbers = d.area_numbers(plan)
    sections: list[Section] = []
    for area in report.areas:
        info = plan.area(area.area_id)
        assert info is not None
        shown = [row for row in area.targets if options.show_all or row.current is not None]
        folded = [row.target.id for row in area.targets if row not in shown]
        heading = (f"{numbers[area.area_id]} {info.title(lang)}", d.score_text(area.aggregate, lang))
        sections.append((heading, [_status_row(plan, row, lang, wide, options) for row in shown], folded))
    if report.context:
        rows = [_status_row(plan, row, lang, wide, options) for row in report.context]
        sections.append(((word("ui.context_section", lang), ""), rows, []))
    return sections


def _status_columns(lang: str, wide: bool) -> list[Column]:
    """The columns, and the order they give way in as the terminal narrows: the progress bar first, then
    Guangzhou and Shenzhen together, then the title; id, status, score and figure stay. Below 100 columns the
    title, the cities' figures and what qualifies the status take a second line. There is no gap column:
    "now / target" shows both figures, and `gdz show` and the exports give the gap."""
    cities = [Column(city.value, word("ui." + code, lang), 6, "right")  # shown together or not at all
              for city, code in CITY_COLUMNS]  # fmt: skip
    columns = [
        Column("id", word("ui.target_col", lang), 1),
        Column("figure", word("ui.now_target", lang), 4, "right"),
        *cities,
        Column("score", word("ui.score", lang), 3, "right"),
        Column("status", word("ui.status", lang), 2),
    ]
    if wide:  # the title takes the spare width, up to a cap, cut with "…" (the whole title is in `gdz show`)
        title = Column("title", "", 5, flexible=True, min_width=10, max_width=56, preferred=20, cut=True)
        columns[1:1] = [title]
        columns[3:3] = [Column("bar", word("ui.progress", lang), 9)]
    return columns


def _status_budgets(plan: Plan, lang: str, wide: bool) -> dict[str, int]:
    """The widths the status columns are planned with: from the plan and the language, never from the log,
    so that the columns shown change with the terminal's width alone. A status is planned at its longest
    usual form (`✖ overdue 1065d · stale`)."""
    longest_id = max((len(target.id) for target in plan.targets), default=8)
    figure = max((d.planned_figure_width(plan, target, lang) for target in plan.targets), default=12)
    late = (
        f"{d.status_text(Status.OVERDUE, lang)} {d.days_text(-1065, lang, True)} · {word('ui.stale', lang)}"
    )
    met = f"{d.status_text(Status.ACHIEVED, lang)} 2023-12-31"
    status = (
        max(width_of(late), width_of(met)) if wide else max(width_of(d.status_text(s, lang)) for s in Status)
    )
    return {"id": longest_id, "figure": figure, "bar": d.BAR_CELLS, "guangzhou": 6, "shenzhen": 6, "score": 5,
            "status": status}  # fmt: skip


def _status_row(
    plan: Plan, row: TargetStatus, lang: str, wide: bool, options: StatusOptions
) -> dict[str, Cell]:
    target = row.target
    style = d.STATUS_STYLE[row.status] if row.status else ""
    status = d.status_text(row.status, lang) if row.status else ""
    # On one line the status says since when or how late, and whether the figure is stale; on two lines, the
    # second holds it all.
    detail = d.status_detail(row, lang, short=wide, stale=True)
    cities = {city: _city_cell(target, row, city, lang, options.city_detail) for city, _ in CITY_COLUMNS}
    # For a second line where the city columns have no room: their figures where known.
    known = [f"{word('ui.' + code, lang)} {cities[city][0][0]}" for city, code in CITY_COLUMNS
             if cities[city][0][0] != d.UNKNOWN]  # fmt: skip
    cells: dict[str, Cell] = {
        "id": cell(target.id, "bold"),
        "title": cell(target.title(lang), "dim"),
        "figure": cell(d.now_and_target(plan, row, lang)),
        "bar": cell(d.progress_bar(row.progress) if target.kind is not Kind.CONTEXT else ""),
        "guangzhou": cities[City.GUANGZHOU],
        "shenzhen": cities[City.SHENZHEN],
        "score": cell(d.score_value(row.score.value) if target.kind is not Kind.CONTEXT else ""),
        "status": [(status, style)] if status else [],
        "detail": [(detail, "yellow" if row.stale else "dim")] if detail else [],
        "cities": [(" · ".join(known), "")] if known else [],
        "scored": cell(f"{word('ui.score', lang)} {d.score_value(row.score.value)}")
        if target.kind is not Kind.CONTEXT and row.score.value is not None
        else [],
    }
    if wide and detail:
        cells["status"] = [(f"{status} {detail}" if status else detail, style)]
    return cells


def _city_cell(target: Target, row: TargetStatus, city: City, lang: str, detail: bool) -> Cell:
    lines = cell(d.city_figure(target, row, city, lang), "dim" if target.is_related(city) else "")
    benchmark = next((b for b in row.benchmarks if b.city is city), None)
    if detail and benchmark is not None:
        lines.append(
            (f"{benchmark.figure.as_of} {word('origin.' + benchmark.figure.origin.value, lang)}", "dim")
        )
    return lines


def _second_line(row: dict[str, Cell], width: int, indent: int, missing: Sequence[str]) -> Text:
    """Below 100 columns: the title, cut to fit, what the columns had no room for (`missing`: the figure, the
    score, the cities' figures), and what qualifies the status (met on, days over, stale)."""
    title = row["title"][0][0]
    detail, detail_style = row["detail"][0] if row["detail"] else ("", "")
    extra = [row[key][0][0] for key in missing if row[key] and row[key][0][0]]
    detail = " · ".join([*extra, detail] if detail else extra)
    room = width - indent - (width_of(detail) + 2 if detail else 0)
    if room < 8:  # too narrow for both on a line: the title, then the detail below it
        text = Text()
        for piece in wrap(title, max(width - indent, 1)):
            text.append(" " * indent + piece + "\n", style="dim")
        for piece in wrap(detail, max(width - indent, 1)) if detail else []:
            text.append(" " * indent + piece + "\n", style=detail_style)
        return text
    line = Text(" " * indent)
    line.append(cut(title, max(room, 1)), style="dim")
    if detail:
        line.append("  ")
        line.append(detail, style=detail_style)
    line.append("\n")
    return line


def _heading_lines(title: str, suffix: str, width: int) -> Text:
    """A bold title folded to the width, then the suffix: on the last line if it fits, else below."""
    lines = wrap(title, width)
    view = Text()
    for line in lines[:-1]:
        view.append(line + "\n", style="bold")
    view.append(lines[-1], style="bold")
    if width_of(lines[-1]) + 3 + width_of(suffix) <= width:
        view.append(" · " + suffix + "\n")
    else:
        view.append("\n" + "\n".join(wrap(suffix, width)) + "\n")
    return view


def _area_heading(title: str, score: str, width: int) -> Text:
    """`1 Government services` and, right-aligned when it fits, its score with its coverage."""
    heading = Text()
    if not score:
        for line in wrap(title, width):
            heading.append(line + "\n", style="bold")
        return heading
    if width_of(title) + 2 + width_of(score) <= width:
        heading.append(title, style="bold")
        heading.append(" " * (width - width_of(title) - width_of(score)) + score + "\n")
        return heading
    for line in wrap(title, width):
        heading.append(line + "\n", style="bold")
    indent = 2 if width >= NARROW else 0
    for line in wrap(score, width - indent):
        heading.append(" " * indent + line + "\n")
    return heading


def _summary(report: StatusReport, lang: str, width: int, options: StatusOptions) -> Text:
    """How much of the plan we can see, how good it is, what is wrong, what to do next."""
    whole = report.aggregate
    keys = (
        "ui.coverage",
        "ui.score_label",
        "ui.overdue_label",
        "ui.stale_label",
        "ui.shown_label",
        "ui.next_label",
    )
    labels = {key: word(key, lang) for key in keys}
    indent = max(width_of(label) for label in labels.values()) + 2
    summary = Text()

    def line(key: str, items: Sequence[tuple[str, str]], separator: str = "   ") -> None:
        summary.append_text(_flow(labels[key], items, width, indent=indent, separator=separator, pad=True))

    coverage = word("ui.coverage_of", lang).format(scored=whole.scored, total=whole.total)
    counts = [(f"{d.status_text(status, lang)} {count}", d.STATUS_STYLE[status])
              for status, count in report.counts.items() if count]  # fmt: skip
    line("ui.coverage", [(coverage, "bold"), *counts])
    if whole.score is None:
        line("ui.score_label", [(word("ui.score_none", lang), "")])
    else:
        score = [(word("ui.score_whole", lang).format(score=d.score_value(whole.score)), "bold")]
        if whole.mean_with_data is not None and whole.scored < whole.total:
            mean = word("ui.score_mean", lang).format(
                mean=d.score_value(whole.mean_with_data), scored=whole.scored
            )
            score.append((mean, ""))
        line("ui.score_label", score, " · ")
    every = report.plan_rows  # the summary is the whole plan's, whatever the filters show
    # Past the deadline and not met: below the target, or with nothing to show it was done.
    unshown = word("ui.overdue_no_data", lang)
    overdue = [(row.target.id if row.status is Status.OVERDUE else unshown.format(target=row.target.id),
                "red") for row in every if row.past_deadline]  # fmt: skip
    if overdue:
        line("ui.overdue_label", overdue, d.list_separator(lang))
    stale = [(word("ui.stale_item", lang).format(target=row.target.id, date=row.current.as_of), "yellow")
             for row in every if row.stale and row.current is not None]  # fmt: skip
    if stale:
        line("ui.stale_label", stale, d.list_separator(lang))
    if options.filters:
        targets = sum(len(area.targets) for area in report.areas)
        shown = [render(counted("target", targets), lang)]  # context indicators are not targets: said apart
        shown += [render(counted("indicator", len(report.context)), lang)] if report.context else []
        line("ui.shown_label", [(", ".join(shown), "bold"), (options.filters, "")], " · ")
    if options.next_steps:  # commands are never cut: cut, they could not be copied
        steps = [(d.placeholders(step, lang), "") for step in options.next_steps]
        summary.append_text(_flow(labels["ui.next_label"], steps, width,
                                  indent=indent, separator=" · ", pad=True, whole=True))  # fmt: skip
    return summary


def _legend(
    lang: str, width: int, shown: set[str], report: StatusReport, rows: Sequence[dict[str, Cell]]
) -> Text:
    """What the signs and columns on this screen mean, once, at its foot: nothing it does not show."""
    signs = [
        (d.status_text(status, lang), d.STATUS_STYLE[status]) for status, n in report.counts.items() if n
    ]
    # The cities' figures are in their columns, or below 100 columns on the second lines ("title" not shown).
    cities = [city.value for city, _ in CITY_COLUMNS if city.value in shown or ("title" not in shown and any(
        text != d.UNKNOWN for row in rows for text, _ in row.get(city.value, [])))]  # fmt: skip
    related = any(
        text.startswith(d.RELATED_MARK) for row in rows for city in cities for text, _ in row.get(city, [])
    )
    # On one line a status counts days short ("1065d", "1065天"): said once, where one shows.
    days = "title" in shown and any(
        re.search(r"\d(d\b|天)", text) for row in rows for text, _ in row.get("status", [])
    )
    wanted = (("ui.legend_bar", "bar" in shown), ("ui.legend_related", related), ("ui.legend_days", days))
    notes = [word(key, lang) for key, shows in wanted if shows]
    if cities:
        notes.append(d.cities_legend(lang, cities))
    notes.append(word("ui.legend_score", lang))
    return _flow("", [*signs, *((note, "dim") for note in notes)], width, indent=0, separator="  ", fold=True)


def _flow(
    label: str,
    items: Sequence[tuple[str, str]],
    width: int,
    indent: int = 2,
    separator: str = " · ",
    pad: bool = False,
    lead: int = 0,
    fold: bool = False,
    whole: bool = False,
) -> Text:
    """`label  a · b · c`, breaking lines between items; an item wider than a line is cut with "…", or with
    `fold` folded onto more lines, or with `whole` left whole on a line of its own; continuation lines start
    at `indent`; `pad` sets the label in a column `indent` wide."""
    too_long = whole and any(indent + width_of(item) > width for item, _ in items)  # whole items start lines
    if indent + 10 > width or lead + width_of(label) + 1 > width or too_long:  # too narrow for a label column
        indent, lead = 0, 0
    text = Text(" " * lead)
    column = lead
    if label and indent == 0 and (pad or width_of(label) + 1 > width):
        text.append("\n".join(wrap(label, width)) + "\n", style="bold")
    elif label:
        text.append(label, style="bold")
        column += width_of(label)
        if pad:
            text.append(" " * (indent - column))
            column = indent
        else:
            text.append(" ")
            column += 1
    first = True
    for item, style in items:
        room = max(width - indent, 1)
        kept = whole and width >= NARROW  # below that, nothing can be copied whole anyway
        pieces = wrap(glue_code(item), room) if fold else [item] if kept else [cut(item, room)]
        for piece in pieces[:-1]:
            if not first or column > indent:
                text.append("\n" + " " * indent)
            text.append(piece, style=style)
            first = False
        shown = pieces[-1]
        gap = "" if first else separator
        if len(pieces) > 1:
            text.append("\n" + " " * indent)
            column, gap = indent, ""
        if column > indent and column + width_of(gap + shown) > width:
            text.append("\n" + " " * indent)
            column, gap = indent, ""
        text.append(gap)
        text.append(shown, style=style)
        column += width_of(gap + shown)
        first = False
    text.append("\n")
    return text


# --- show --------------------------------------------------------------------------------------------------


def show_view(
    report_row: TargetStatus,
    plan: Plan,
    lang: str,
    series: Sequence[Point],
    records: Sequence[Entry],
    voided: dict[str, Void],
    width: int,
) -> Text:
    """One target in full: what the plan asks and where it says so, where it stands, how the score is formed,
    the Guangzhou and Shenzhen figures with their sources, and every entry."""
    width = max(width, 1)
    target = report_row.target
    facts = _target_facts(report_row, plan, lang, series)
    label_width = max(width_of(row["label"][0][0]) for row in facts)
    view = Text()
    for line in wrap(target.id, width):
        view.append(line + "\n", style="bold")
    if width >= label_width + 2 + NARROW:  # labels in a column beside their values
        fitted = [
            (Column("label", "", 1), label_width),
            (Column("value", "", 2, flexible=True), width - label_width - 2),
        ]
        view.append_text(grid(fitted, facts, show_header=False, gap=2))
    else:  # too narrow for two columns: each label above its value
        for fact in facts:
            for text, style in [*fact["label"], *fact["value"]]:
                for piece in wrap(text, width):
                    view.append(piece + "\n", style=style)
    view.append("\n" + "\n".join(wrap(word("ui.history", lang), width)) + "\n", style="bold")
    if records:
        view.append_text(history_table(plan, records, voided, lang, width, show_target=False))
    else:
        view.append("\n".join(wrap(word("ui.no_entries", lang), width)) + "\n", style="dim")
    return view


Fact = tuple[str, Cell]  # a label's catalogue key, and the value's lines


def _target_facts(
    report_row: TargetStatus, plan: Plan, lang: str, series: Sequence[Point]
) -> list[dict[str, Cell]]:
    """The label and value lines of `gdz show`: what the plan asks, then where the target stands."""
    facts = [*_plan_facts(report_row, plan, lang), *_standing_facts(report_row, plan, lang, series)]
    return [{"label": [(word(label, lang), "bold")], "value": value} for label, value in facts]


def _plan_facts(row: TargetStatus, plan: Plan, lang: str) -> list[Fact]:
    """What the plan says: titles, area, kind and weight, the source and its quote, baseline, target."""
    target = row.target
    shown_unit = "" if target.kind is Kind.MILESTONE else d.unit_label(plan, target, lang)
    area = plan.area(target.area) if target.area else None
    numbers = d.area_numbers(plan)
    kind = word("kind." + target.kind.value, lang)
    if target.kind is Kind.NUMERIC:
        kind += " · " + word("direction." + target.direction.value, lang)
    if target.group:
        weight = d.number(row.weight)
        kind += " · " + word("ui.in_group", lang).format(group=target.group, weight=weight)
    facts: list[Fact] = [
        ("ui.title", cell(f"{target.title_zh}\n{target.title_en}")),
        ("ui.area", cell(f"{numbers[area.id]} {area.title(lang)}" if area else word("ui.context", lang))),
        ("ui.kind", cell(kind)),
        ("ui.source", _quoted(plan, target.source, target.quote, lang)),
    ]
    if target.note:
        facts.append(("ui.note", cell(target.note.in_lang(lang), "dim")))
    if target.continues:
        facts.append(("ui.continues", cell(target.continues)))
    later = [other.id for other in plan.targets if other.continues == target.id]
    if later:
        facts.append(("ui.continued_by", cell(d.joined(later, lang))))
    if target.baseline is not None:
        baseline = Figure.from_plan(target.baseline)
        shown = f"{d.with_unit(d.figure_value(target, baseline, lang), shown_unit)} ({baseline.as_of})"
        quoted = _quoted(plan, target.baseline.source, target.baseline.quote, lang)
        facts.append(("ui.baseline", [*cell(shown), *quoted]))
    if target.kind is not Kind.CONTEXT:
        goal = d.target_value(plan, target, lang)
        if target.target_strict:
            goal += " " + word("ui.strict", lang)
        facts += [("ui.target", cell(goal)), ("ui.deadline", cell(_deadline_text(row, lang)))]
    return facts


def _standing_facts(row: TargetStatus, plan: Plan, lang: str, series: Sequence[Point]) -> list[Fact]:
    """Where the target stands: now, progress, gap, the two cities, the score and how it is formed, pace,
    status, and the trend of its figures."""
    target = row.target
    unit = d.unit_label(plan, target, lang)
    current = d.figure_value(target, row.current, lang)
    if row.current is not None:
        current = (
            f"{d.with_unit(current, '' if target.kind is Kind.MILESTONE else unit)} ({row.current.as_of})"
        )
    facts: list[Fact] = [("ui.current", cell(current))]
    if target.kind is not Kind.CONTEXT:
        facts.append(
            ("ui.progress", cell(f"{d.progress_bar(row.progress)} {d.percent(row.progress)}".strip()))
        )
    if target.kind is Kind.NUMERIC:
        facts.append(("ui.gap", cell(d.target_gap_words(row, unit, lang))))
    for city in BENCHMARK_CITIES:
        benchmark = next((b for b in row.benchmarks if b.city is city), None)
        facts.append(("city." + city.value, _benchmark_fact(plan, target, benchmark, city, unit, lang)))
    if target.kind is not Kind.CONTEXT:
        facts.append(("ui.score", _score_fact(plan, row, lang)))
    pace = row.pace
    if target.kind is Kind.NUMERIC:
        known = (pace.needed_per_day, pace.observed_per_day, pace.projected) != (None, None, None)
        text = word("ui.pace_detail", lang).format(
            needed=d.signed(pace.needed_per_day),
            observed=d.signed(pace.observed_per_day),
            projected=d.number(pace.projected),
        )
        facts.append(("ui.pace", cell(text if known else UNKNOWN)))
    status = d.status_text(row.status, lang) if row.status else ""
    style = d.STATUS_STYLE[row.status] if row.status else ""
    parts = [part for part in (status, d.status_detail(row, lang)) if part]
    facts.append(("ui.status", cell(" · ".join(parts) or UNKNOWN, style)))
    if series and target.kind is not Kind.MILESTONE:
        trend = sparkline([point.value for point in series], target.target)
        dates = f"{series[0].date.isoformat()} → {series[-1].date.isoformat()}"
        key = "ui.trend_legend_target" if target.target is not None else "ui.trend_legend"
        facts.append(("ui.series", [(f"{trend}  {dates}", ""), (word(key, lang), "dim")]))
    return facts


def _quoted(plan: Plan, source_id: str, quote: str, lang: str) -> Cell:
    """A source and the sentence quoted from it."""
    return [(f"“{quote}”", ""), (d.source_text(plan.sources.get(source_id), lang), "dim")]


def _score_fact(plan: Plan, row: TargetStatus, lang: str) -> Cell:
    """The score and how it is formed: what 0 and 100 stand for, in words a manager can check by hand."""
    score = row.score
    lines = cell(UNKNOWN) if score.value is None else cell(d.score_value(score.value), "bold")
    if row.target.kind is Kind.MILESTONE:
        lines.append((word("ui.score_milestone", lang), "dim"))
        return lines
    unit = d.unit_label(plan, row.target, lang)
    if score.frontier is not None:
        source = score.frontier_source or "target"
        frontier = d.with_unit((">" if score.frontier_strict else "") + d.number(score.frontier), unit)
        key = "ui.score_100_target" if source == "target" else "ui.score_100_peer"
        city = word("city." + source, lang) if source != "target" else ""
        lines.append((word(key, lang).format(value=frontier, city=city), "dim"))
    if score.worst_source == "baseline":
        lines.append(
            (word("ui.score_0_baseline", lang).format(value=d.with_unit(d.number(score.worst), unit)), "dim")
        )
    elif score.worst_source == "zero":
        lines.append((word("ui.score_0_zero", lang), "dim"))
    else:
        lines.append((word("ui.score_0_unknown", lang), "dim"))
    if score.value is not None and score.value < 100:
        lines.append((word("ui.score_short", lang), "dim"))
    return lines


def _deadline_text(row: TargetStatus, lang: str) -> str:
    target = row.target
    if target.deadline is None or row.pace.days_left is None:
        return word("ui.no_deadline", lang)
    if row.status is Status.ACHIEVED:  # days over a deadline already met would read as late
        return target.deadline.isoformat()
    return f"{target.deadline.isoformat()} ({d.days_text(row.pace.days_left, lang)})"


def _benchmark_fact(
    plan: Plan, target: Target, benchmark: Benchmark | None, city: City, unit: str, lang: str
) -> Cell:
    related = target.related.get(city)
    if benchmark is None:
        lines = cell(UNKNOWN, "dim")
    else:
        figure = benchmark.figure
        headline = f"{d.with_unit(d.figure_value(target, figure, lang), unit)} ({figure.as_of})"
        if benchmark.related:
            headline = d.RELATED_MARK + headline
        elif benchmark.gap is not None:
            headline += "  " + d.gap_words(benchmark.gap, unit, lang, word("city." + city.value, lang))
        lines = cell(headline)
        if figure.observation is None:
            lines.append((word("ui.from_log", lang), "dim"))
        else:
            lines += [(text, "dim") for text, _ in _quoted(plan, figure.observation.source,
                                                            figure.observation.quote, lang)]  # fmt: skip
            if figure.observation.note and not benchmark.related:
                lines.append((figure.observation.note.in_lang(lang), "dim"))
    if related is not None:
        lines.append((word("ui.related_measure", lang) + " " + related.in_lang(lang), "yellow"))
    return lines


SPARK_LEVELS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], goal: float | None) -> str:
    """One character per value, scaled together with the target (after ┊) so the gap to it shows; bars rise
    from zero, as in a bar chart, so 92.5 against 100 looks close, not like the lowest against the highest."""
    if not values:
        return ""
    scale = [*values, goal] if goal is not None else list(values)
    low, high = min(0.0, *scale), max(0.0, *scale)
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
    show_id: bool = True,
) -> Text:
    """The entries one per line (the notes below them where a column would fold them thin); a voided one is
    struck through and marked ✗, a legend below says why."""
    columns = [
        Column("id", word("ui.id", lang), 1),
        Column("date", word("ui.date", lang), 5),
        Column("target", word("ui.target_col", lang), 2),
        Column("city", word("ui.city", lang), 4),  # before the date: a Guangzhou figure must not read as ours
        Column("value", word("ui.value", lang), 3, "right"),
        Column("by", word("ui.by", lang), 7),
        Column("note", word("ui.note", lang), 6, flexible=True, min_width=NOTE_COLUMN),
        Column("batch", word("ui.import_col", lang), 8),  # entries that came in together share it
    ]
    together = any(record.batch for record in records)
    hidden = {
        key for key, shown in (("target", show_target), ("id", show_id), ("batch", together)) if not shown
    }
    columns = [column for column in columns if column.key not in hidden]
    rows = [_history_row(plan, record, voided, lang) for record in records]
    fitted = fit_columns(columns, rows, width)
    if "city" not in {column.key for column, _ in fitted}:  # a figure of another city says so beside it
        for row, record in zip(rows, records, strict=True):
            code = next((code for city, code in CITY_COLUMNS if city is record.city), None)
            if code is not None:
                row["value"] = [(f"{text} {word('ui.' + code, lang)}", style) for text, style in row["value"]]
        fitted = fit_columns(columns, rows, width)
    if any(row["note"] for row in rows) and "note" not in {column.key for column, _ in fitted}:
        fitted = fit_columns([column for column in columns if column.key != "note"], rows, width)
        table = grid(fitted, rows, below="note")  # each note under its entry, as wide as the table
    else:
        table = grid(fitted, rows)
    if any(record.id in voided for record in records):
        table.append("".join(line + "\n" for line in wrap(word("ui.voided_legend", lang), width)), "dim")
    return table


def _history_row(plan: Plan, record: Entry, voided: dict[str, Void], lang: str) -> dict[str, Cell]:
    # The separator stays with the note before it: a line holding only "·" would say nothing.
    note = f"{GLUE}· ".join(printable(part) for part in (record.note, record.source) if part)
    void = voided.get(record.id)
    style = "strike dim" if void else ""
    row = {
        "id": cell(short_id(record.id) + (" ✗" if void else ""), style),
        "date": cell(record.date.isoformat(), style),
        "target": cell(record.target, style),
        "city": cell(word("city." + record.city.value, lang), style),
        "value": cell(d.entry_value(plan, record, lang), style),
        "by": cell(printable(record.recorded_by), style),
        "batch": cell(short_id(record.batch) if record.batch else "", style),
        "note": [(note, "dim" if void else "")] if note else [],
    }
    if void:
        row["note"].append((word("ui.voided_because", lang).format(reason=printable(void.reason)), "yellow"))
    return row
