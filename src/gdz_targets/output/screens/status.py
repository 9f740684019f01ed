"""`gdz status`: the summary first, then each area with one line per target (two on a narrow terminal)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from rich.text import Text

from gdz_targets.domain.errors import counted
from gdz_targets.domain.model import (
    City,
    Kind,
    Plan,
    Target,
)
from gdz_targets.domain.status import Status, StatusReport, TargetStatus
from gdz_targets.output.messages import render
from gdz_targets.output.text import (
    BAR_CELLS,
    RELATED_MARK,
    STATUS_STYLE,
    UNKNOWN,
    area_numbers,
    area_score,
    cities_legend,
    city_figure,
    days_text,
    list_separator,
    now_and_target,
    past_due_groups,
    period_or_as_of,
    placeholders,
    planned_figure_width,
    progress_bar,
    score_value,
    stale_names,
    status_detail,
    status_text,
    word,
)
from gdz_targets.output.textwidth import cut, printable, width_of, wrap

if TYPE_CHECKING:  # what moved since an earlier day is loaded only when one is asked for (`--since`)
    from gdz_targets.domain.movement import Movement

from .layout import (
    CITY_COLUMNS,
    NARROW,
    WIDE,
    Cell,
    Column,
    area_heading,
    capped_flow,
    cell,
    fit_columns,
    flow,
    grid,
    heading_lines,
)


class StatusOptions(NamedTuple):
    """What the screen needs besides the report: where the log is and what was asked for."""

    log_path: str | None = None  # said at the foot, with the as-of date
    next_steps: tuple[str, ...] = ()  # commands worth suggesting (an empty log: how to begin)
    filters: str | None = None  # the filters applied, in words, when some rows are left out
    show_all: bool = False  # a row for every target, without data too, and for every context indicator
    city_detail: bool = False  # each Guangzhou/Shenzhen figure with its date and origin
    movement: Movement | None = None  # what moved since an earlier day (`--since`)
    height: int | None = (
        None  # lines the screen should fit (a terminal's): met targets fold where it would not
    )


# An area's heading, its rows, its targets without data and its met targets folded into a line each.
Section = tuple[tuple[str, str], list[dict[str, Cell]], list[TargetStatus], list[TargetStatus]]
LIST_LINES: Final = (
    2  # a list of the summary takes at most this many lines; the rest is counted, with how to see it
)


def status_view(report: StatusReport, lang: str, width: int, options: StatusOptions) -> Text:
    """The status screen: a summary first, then each area with one line per target with data (two where the
    title has no room beside the figures, as below 100 columns), what has no data as a count and the names
    that fit, the context indicators folded into one line, and a legend of what the screen shows. Where that
    is taller than `options.height`, the met targets that did not move fold into one line per area: what is
    wrong stays in view, what is done is named (`--all` shows every row)."""
    width = max(width, 1)
    top = heading_lines(
        report.plan.meta.title(lang),
        period_or_as_of(report.as_of, options.movement.since if options.movement else None, lang),
        width,
    )
    top.append_text(_summary(report, lang, width, options))  # laid out once, whatever folds below
    view = top.copy()
    view.append_text(_areas(report, lang, width, options, fold_met=False))
    if (
        options.height
        and not (options.show_all or options.filters)
        and view.plain.count("\n") > options.height
    ):
        view = top
        view.append_text(_areas(report, lang, width, options, fold_met=True))
    return view


def _areas(report: StatusReport, lang: str, width: int, options: StatusOptions, fold_met: bool) -> Text:
    """Below the summary: each area's rows and folded lines, the context line, the legend and the log."""
    view = Text()
    moved = options.movement
    wide = width >= WIDE
    sections = _sections(report, lang, options, wide, fold_met)
    step = 2 if width >= NARROW else 0  # rows are indented under their area, where there is room
    room = max(width - step, 1)
    budgets = _status_budgets(report.plan, lang, wide, moved is not None)
    columns = _status_columns(lang, wide, moved is not None)
    fitted = fit_columns(columns, _rows(sections), room, 2, budgets=budgets)
    if wide and "title" not in {column.key for column, _ in fitted}:  # no room for titles beside the figures
        wide = False
        sections = _sections(report, lang, options, wide, fold_met)
        budgets = _status_budgets(report.plan, lang, wide, moved is not None)
        columns = _status_columns(lang, wide, moved is not None)
        fitted = fit_columns(columns, _rows(sections), room, 2, budgets=budgets)
    shown = {column.key for column, _ in fitted}
    title_room = next((size for column, size in fitted if column.key == "title"), 0)
    # What a second line carries for the columns that had no room (as "scored" the score says what it is).
    missing = [key for key, column in (("change", "change"), ("figure", "figure"), ("scored", "score"),
               ("cities", "guangzhou")) if column not in shown]  # fmt: skip
    table_width = step + sum(size for _, size in fitted) + 2 * (len(fitted) - 1)
    header_drawn = False
    view.append("\n")
    for (title, score), rows, folded, met in sections:
        if not rows and not folded and options.filters:
            continue  # a filtered report shows only the areas that hold what was asked for
        aligned = min(width, max(table_width, 72))  # the score right-aligned with the table, where it fits
        fits = width_of(title) + 2 + width_of(score) <= aligned
        view.append_text(area_heading(title, score, aligned if fits else width))
        if rows and not header_drawn:
            view.append_text(grid(fitted, [], show_header=True, gap=2, indent=step))
            header_drawn = True
        for row in rows:
            named = {**row, "title": [(_named(row, title_room), "dim")]} if wide else row
            view.append_text(grid(fitted, [named], show_header=False, gap=2, indent=step))
            if not wide:
                view.append_text(_second_line(row, width, 2 * step, missing))
        if met:
            view.append_text(
                _folded_line("ui.met_folded", met, lang, width, step, STATUS_STYLE[Status.ACHIEVED])
            )
        if folded:
            view.append_text(_folded_line("ui.without_data", folded, lang, width, step))
    if report.context and not (options.show_all or options.filters):
        view.append_text(_context_line(len(report.context), lang, width))
    if not any(rows or folded or met for _, rows, folded, met in sections) and not report.context:
        view.append(word("ui.no_match", lang) + "\n", style="dim")
    view.append("\n")
    view.append_text(_legend(lang, width, shown, report, _rows(sections)))
    if options.log_path is not None:
        view.append_text(_log_line(options.log_path, report.as_of.isoformat(), lang, width))
    return view


def _named(row: dict[str, Cell], room: int) -> str:
    """A target's title where it fits, else its short title (cut only where even that does not)."""
    title, short = row["title"][0][0], row["short"][0][0]
    return title if width_of(title) <= room else short


def _folded_line(
    key: str, folded: Sequence[TargetStatus], lang: str, width: int, step: int, style: str = "dim"
) -> Text:
    """`+ 8 without data: Gap review vs GZ/SZ, …` (or `✔ 2 met: …`): a count, and the short titles that fit on
    one line."""
    label = word(key, lang).format(count=len(folded))
    names = [(row.target.short(lang), "dim") for row in folded]
    more = word("ui.and_more", lang)
    return capped_flow(label, names, width, 1, lambda left: more.format(count=left), indent=2 * step,
                       separator=list_separator(lang), lead=step)  # fmt: skip


def _context_line(count: int, lang: str, width: int) -> Text:
    """The context indicators folded into one line, with how to see them."""
    text = word("ui.context_folded", lang).format(count=count)
    return Text("\n".join(wrap(text, width)) + "\n", style="dim")


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
    return [row for _, rows, _, _ in sections for row in rows]


def _sections(
    report: StatusReport, lang: str, options: StatusOptions, wide: bool, fold_met: bool = False
) -> list[Section]:
    """Each area's rows; `fold_met`: its met targets that did not move since an earlier day folded apart."""
    plan = report.plan
    numbers = area_numbers(plan)
    sections: list[Section] = []
    for area in report.areas:
        info = plan.area(area.area_id)
        assert info is not None
        shown = [row for row in area.targets if options.show_all or row.current is not None]
        folded = [row for row in area.targets if row not in shown]
        met = [row for row in shown if fold_met and _quietly_met(row, options.movement)]
        shown = [row for row in shown if row not in met]
        score = area_score(area.area_id, area.aggregate, lang, options.movement)
        heading = (f"{numbers[area.area_id]} {info.title(lang)}", score)
        sections.append(
            (heading, [_status_row(plan, row, lang, wide, options) for row in shown], folded, met)
        )
    if report.context and (options.show_all or options.filters):
        rows = [_status_row(plan, row, lang, wide, options) for row in report.context]
        sections.append(((word("ui.context_section", lang), ""), rows, [], []))
    return sections


def _quietly_met(row: TargetStatus, moved: Movement | None) -> bool:
    """Met and current (not stale), and not moved since an earlier day: nothing in its row asks for action."""
    return (
        row.status is Status.ACHIEVED
        and not row.stale
        and (moved is None or not moved.of(row.target.id).moved)
    )


def _status_columns(lang: str, wide: bool, since: bool = False) -> list[Column]:
    """The columns, and the order they give way in as the terminal narrows: the progress bar first, then
    Guangzhou and Shenzhen together, then the title (and the change since an earlier day, `since`); id,
    status, score and figure stay. Below 100 columns the title, the cities' figures, the change and what
    qualifies the status take a second line. There is no gap column: "now / target" shows both figures, and
    `gdz show` and the exports give the gap."""
    cities = [Column(city.value, word("ui." + code, lang), 6, "right")  # shown together or not at all
              for city, code in CITY_COLUMNS]  # fmt: skip
    columns = [
        Column("id", word("ui.target_col", lang), 1),
        Column("figure", word("ui.now_target", lang), 4, "right"),
        *cities,
        Column("score", word("ui.score", lang), 3, "right"),
        *([Column("change", word("since.column", lang), 5)] if since else []),
        Column("status", word("ui.status", lang), 2),
    ]
    if wide:  # the title takes the spare width, up to a cap, cut with "…" (the whole title is in `gdz show`)
        title = Column("title", "", 5, flexible=True, min_width=10, max_width=56, preferred=20, cut=True)
        columns[1:1] = [title]
        columns[3:3] = [Column("bar", word("ui.progress", lang), 9)]
    return columns


def _status_budgets(plan: Plan, lang: str, wide: bool, since: bool = False) -> dict[str, int]:
    """The widths the status columns are planned with: from the plan and the language, never from the log,
    so that the columns shown change with the terminal's width alone. A status is planned at its longest
    usual form (`✖ overdue 1065d · stale`)."""
    longest_id = max((len(target.id) for target in plan.targets), default=8)
    figure = max((planned_figure_width(plan, target, lang) for target in plan.targets), default=12)
    late = f"{status_text(Status.OVERDUE, lang)} {days_text(-1065, lang, True)} · {word('ui.stale', lang)}"
    met = f"{status_text(Status.ACHIEVED, lang)} 2023-12-31"
    status = (
        max(width_of(late), width_of(met)) if wide else max(width_of(status_text(s, lang)) for s in Status)
    )
    budgets = {"id": longest_id, "figure": figure, "bar": BAR_CELLS, "guangzhou": 6, "shenzhen": 6,
               "score": 5, "status": status}  # fmt: skip
    if since:  # the change since an earlier day, at its usual width
        from gdz_targets.output.changes import planned_change_width

        budgets["change"] = planned_change_width(plan, lang)
    return budgets


def _status_row(
    plan: Plan, row: TargetStatus, lang: str, wide: bool, options: StatusOptions
) -> dict[str, Cell]:
    target = row.target
    style = STATUS_STYLE[row.status] if row.status else ""
    status = status_text(row.status, lang) if row.status else ""
    # On one line the status says since when or how late, and whether the figure is stale; on two lines, the
    # second holds it all.
    detail = status_detail(row, lang, short=wide, stale=True)
    cities = {city: _city_cell(target, row, city, lang, options.city_detail) for city, _ in CITY_COLUMNS}
    # For a second line where the city columns have no room: their figures where known.
    known = [f"{word('ui.' + code, lang)} {cities[city][0][0]}" for city, code in CITY_COLUMNS
             if cities[city][0][0] != UNKNOWN]  # fmt: skip
    cells: dict[str, Cell] = {
        "id": cell(target.id, "bold"),
        "title": cell(target.title(lang), "dim"),
        "short": cell(target.short(lang), "dim"),
        "figure": cell(now_and_target(plan, row, lang)),
        "bar": cell(progress_bar(row.progress) if target.kind is not Kind.CONTEXT else ""),
        "guangzhou": cities[City.GUANGZHOU],
        "shenzhen": cities[City.SHENZHEN],
        "score": cell(score_value(row.score.value) if target.kind is not Kind.CONTEXT else ""),
        "status": [(status, style)] if status else [],
        "detail": [(detail, "yellow" if row.stale else "dim")] if detail else [],
        "cities": [(" · ".join(known), "")] if known else [],
        "scored": cell(f"{word('ui.score', lang)} {score_value(row.score.value)}")
        if target.kind is not Kind.CONTEXT and row.score.value is not None
        else [],
    }
    if options.movement is not None:
        from gdz_targets.output.changes import change_cell

        cells["change"] = cell(change_cell(plan, options.movement.of(target.id), lang), "bold")
    if wide and detail:
        cells["status"] = [(f"{status} {detail}" if status else detail, style)]
    return cells


def _city_cell(target: Target, row: TargetStatus, city: City, lang: str, detail: bool) -> Cell:
    lines = cell(city_figure(target, row, city, lang), "dim" if target.is_related(city) else "")
    benchmark = next((b for b in row.benchmarks if b.city is city), None)
    if detail and benchmark is not None:
        lines.append(
            (f"{benchmark.figure.as_of} {word('origin.' + benchmark.figure.origin.value, lang)}", "dim")
        )
    return lines


def _second_line(row: dict[str, Cell], width: int, indent: int, missing: Sequence[str]) -> Text:
    """Below 100 columns: the title, cut to fit, what the columns had no room for (`missing`: the figure, the
    score, the cities' figures), and what qualifies the status (met on, days over, stale)."""
    detail, detail_style = row["detail"][0] if row["detail"] else ("", "")
    extra = [row[key][0][0] for key in missing if row.get(key) and row[key][0][0]]
    detail = " · ".join([*extra, detail] if detail else extra)
    room = width - indent - (width_of(detail) + 2 if detail else 0)
    title = _named(row, room)
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


def _summary(report: StatusReport, lang: str, width: int, options: StatusOptions) -> Text:
    """How much of the plan we can see, how good it is, what is wrong, what to do next."""
    whole = report.aggregate
    keys = (
        "since.label",
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
        summary.append_text(flow(labels[key], items, width, indent=indent, separator=separator, pad=True))

    if options.movement is not None:  # what moved comes first: every report upwards is read for it
        summary.append_text(_movement(options.movement, lang, width, labels["since.label"], indent))

    coverage = word("ui.coverage_of", lang).format(scored=whole.scored, total=whole.total)
    counts = [(f"{status_text(status, lang)} {count}", STATUS_STYLE[status])
              for status, count in report.counts.items() if count]  # fmt: skip
    line("ui.coverage", [(coverage, "bold"), *counts])
    if whole.score is None or not whole.scored:
        line("ui.score_label", [(word("ui.score_none", lang), "")])
    else:
        score = [(word("ui.score_whole", lang).format(score=score_value(whole.score)), "bold")]
        if whole.mean_with_data is not None and whole.scored < whole.total:
            mean = word("ui.score_mean", lang).format(
                mean=score_value(whole.mean_with_data), scored=whole.scored
            )
            score.append((mean, ""))
        line("ui.score_label", score, " · ")
    # Past the deadline and not met, and stale, in the whole plan whatever the filters show: by short title,
    # as every summary names them, at most two lines each, the rest counted with how to see them all. Those
    # short of their target and those without data each begin a line, under one label.
    late, missing = past_due_groups(report, lang)
    lists = (("ui.overdue_label", late, "red", "overdue", LIST_LINES - 1 if missing else LIST_LINES),
             ("ui.overdue_label", missing, "red", "overdue", LIST_LINES),
             ("ui.stale_label", stale_names(report, lang), "yellow", "stale", LIST_LINES))  # fmt: skip
    said = set()
    for key, names, style, status, most in lists:
        if names:
            label, lead = (labels[key], 0) if key not in said else ("", indent)
            said.add(key)
            summary.append_text(capped_flow(label, [(name, style) for name in names], width, most,
                                            _more_see(lang, f"gdz status -S {status}"), indent=indent,
                                            separator=list_separator(lang), pad=True, lead=lead))  # fmt: skip
    if options.filters:
        targets = sum(len(area.targets) for area in report.areas)
        shown = [render(counted("target", targets), lang)]  # context indicators are not targets: said apart
        shown += [render(counted("indicator", len(report.context)), lang)] if report.context else []
        line("ui.shown_label", [(", ".join(shown), "bold"), (options.filters, "")], " · ")
    if options.next_steps:  # commands are never cut: cut, they could not be copied
        steps = [(placeholders(step, lang), "") for step in options.next_steps]
        summary.append_text(flow(labels["ui.next_label"], steps, width,
                                  indent=indent, separator=" · ", pad=True, whole=True))  # fmt: skip
    return summary


def _movement(moved: Movement, lang: str, width: int, label: str, indent: int) -> Text:
    """What moved, first: new figures, each change of status with the targets it names, the whole plan's
    score then and now — on at most LIST_LINES lines, as the summary's lists, where it names fewer targets
    (the largest group first) but counts every change; or that nothing moved, in one line."""
    from gdz_targets.output.changes import (
        CHANGE_STYLE,
        change_group,
        changed_targets,
        figures_words,
        plan_score_words,
    )

    groups = changed_targets(moved, lang)
    lead, score = figures_words(moved, lang), plan_score_words(moved, lang)
    if not (lead or groups or score):
        nothing = [(word("since.nothing", lang).format(since=moved.since), "")]
        return flow(label, nothing, width, indent=indent, pad=True)
    named = {change: len(titles) for change, titles in groups}
    while True:
        items = [(lead, "bold")] if lead else []
        items += [(change_group(change, titles[: named[change]], len(titles), lang), CHANGE_STYLE[change])
                  for change, titles in groups]  # fmt: skip
        items += [(score, "bold")] if score else []
        text = flow(label, items, width, indent=indent, separator=" · ", pad=True, fold=True, run_on=True)
        if text.plain.count("\n") <= LIST_LINES or not any(named.values()):
            return text
        largest = max(named, key=lambda change: named[change])  # the first of equals: the most important
        named[largest] -= 1


def _legend(
    lang: str, width: int, shown: set[str], report: StatusReport, rows: Sequence[dict[str, Cell]]
) -> Text:
    """What the signs and columns on this screen mean, once, at its foot: nothing it does not show, and its
    examples taken from the screen itself."""
    signs = [(status_text(status, lang), STATUS_STYLE[status]) for status, n in report.counts.items() if n]
    # The cities' figures are in their columns, or below 100 columns on the second lines ("title" not shown).
    cities = [city.value for city, _ in CITY_COLUMNS if city.value in shown or ("title" not in shown and any(
        text != UNKNOWN for row in rows for text, _ in row.get(city.value, [])))]  # fmt: skip
    related = any(
        text.startswith(RELATED_MARK) for row in rows for city in cities for text, _ in row.get(city, [])
    )
    notes = [word("ui.legend_bar", lang)] if "bar" in shown else []
    if related:
        notes.append(word("ui.legend_related", lang))
    if "title" in shown:  # on one line a status counts days in short: explained with a count shown
        statuses = " ".join(text for row in rows for text, _ in row.get("status", []))
        for key, pattern in (("ui.legend_days", DAYS_OVER[lang]), ("ui.legend_days_left", DAYS_LEFT[lang])):
            found = re.search(pattern, statuses)
            if found:
                notes.append(word(key, lang).format(days=found.group(1)))
    if cities:
        notes.append(cities_legend(lang, cities))
    notes.append(word("ui.legend_score", lang))
    return flow("", [*signs, *((note, "dim") for note in notes)], width, indent=0, separator="  ", fold=True)


def _more_see(lang: str, command: str) -> Callable[[int], str]:
    """`… 5 more: `gdz status -S overdue``: what a capped list says of the names it leaves out."""
    template = word("ui.and_more_see", lang)
    return lambda left: template.format(count=left, command=command)


# How a short status counts days, by language: days over (`✖ overdue 65d`) and days left (`120d left`).
DAYS_OVER: Final = {"en": r"(?<!\d)(\d+)d(?! left)\b", "zh": r"(?<![\d剩])(\d+)天"}
DAYS_LEFT: Final = {"en": r"(?<!\d)(\d+)d left", "zh": r"剩(\d+)天"}
