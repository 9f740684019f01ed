"""Reports as pictures to paste into chat and mail: the status summary (the targets with data, each area's
score, the others counted) and plain tables, light, sized, Chinese at its natural width."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from gdz_targets.domain.model import BENCHMARK_CITIES
from gdz_targets.domain.status import Status, StatusReport, TargetStatus
from gdz_targets.output.text import (
    area_numbers,
    area_score,
    city_figure,
    joined,
    now_and_target,
    past_due_names,
    period_or_as_of,
    plan_score_words,
    score_value,
    stale_names,
)

from .drawing import INK, MUTED, RULE, Box, Label, Picture, Shape, fit_text, text_width, wrap_text
from .text import word
from .textwidth import cut
from .workbook import STATUS_COLOURS

if TYPE_CHECKING:
    from gdz_targets.domain.movement import Movement

SIZE: Final = 13.0  # the body text
HEAD_SIZE: Final = 12.0  # a table's headings, bold
ROW: Final = 24.0  # a table row's height
PAD: Final = 24.0  # around the picture
GAP: Final = 18.0  # between columns
WIDEST_TITLE: Final = 64  # cells of a target's title and id before the title is cut with "…"; of any cell
WIDEST_HEADING: Final = 100  # cells of an area's title
# The rows a picture draws, at most: the shipped plan's 75 targets whole; about 2,000 points (4,000 pixels)
# tall, what a chat app still shows as one long picture. Past that a picture is unreadable on a phone and
# slow to draw: the rest are counted, and a CSV or xlsx holds them all.
MOST_ROWS: Final = 80
MOST_AREAS: Final = 20  # the shipped plan has 6
MOST_NAMED_LINES: Final = 6  # lines of past-due or stale targets named in the summary before "…"


def summary_picture(report: StatusReport, lang: str, moved: Movement | None = None) -> Picture:
    """The summary and, per area, the targets with data: what `gdz status` shows, as a document; with
    `moved`, for the period since an earlier day, and what moved first."""
    plan = report.plan
    heads = [
        word(key, lang)
        for key in ("ui.target_col", "ui.now_target", "ui.gz", "ui.sz", "ui.score", "ui.status")
    ]
    sections, left_out = _sections(report, lang, moved)
    widths = _widths(heads, [cells for _, rows, _, _ in sections for cells in rows])
    width = max(PAD * 2 + sum(widths) + GAP * (len(widths) - 1), 720)
    shapes: list[Shape] = []
    y = PAD + 20
    shapes.append(Label(PAD, y, _fit(plan.meta.title(lang), width, 18), 18, bold=True))
    y += 24
    whole = report.aggregate
    period = period_or_as_of(report.as_of, moved.since if moved else None, lang)
    listed: list[tuple[str, str]] = []
    if (
        moved is not None
    ):  # what moved, first, as the workbook says it (its status signs are not in every font)
        from .changes import movement_lines

        unmarked = movement_lines(moved, lang, marked=False)
        listed.append(("since.label", " · ".join(line for line, _ in unmarked)))
    lines = [period, word("ui.coverage_of", lang).format(scored=whole.scored, total=whole.total),
             plan_score_words(whole, lang)]  # fmt: skip
    shapes.append(Label(PAD, y, " · ".join(lines), SIZE, MUTED))
    for key, names in (("ui.overdue_label", past_due_names(report, lang)),
                       ("ui.stale_label", stale_names(report, lang))):  # fmt: skip
        listed += [(key, joined(names, lang))] if names else []
    for key, said in listed:
        # Named in the summary, as on the screen and in the workbook: every one, on as many lines as needed up
        # to a few, folded by their drawn width, so that a plan of thousands still makes a picture.
        label = word(key, lang) + (":" if lang == "zh" else ": ")
        for line in wrap_text(label + said, width - 2 * PAD, SIZE, MOST_NAMED_LINES):
            y += 20
            shapes.append(Label(PAD, y, line, SIZE, MUTED))
    for title, rows, statuses, folded in sections:
        y += ROW * 1.5
        shapes.append(Label(PAD, y, title, 14, bold=True))
        if rows:
            y += ROW * 0.5
            shapes += _grid(heads, rows, widths, y, width, statuses)
            y += ROW * (len(rows) + 1)
        if folded:
            y += ROW * 0.9
            shapes.append(
                Label(
                    PAD,
                    y,
                    word("ui.without_data", lang).format(count=folded).rstrip(":"),
                    SIZE,
                    MUTED,
                )
            )
    if left_out:
        y += ROW * 1.2
        shapes.append(Label(PAD, y, word("picture.targets_cut", lang).format(count=left_out), SIZE, MUTED))
    y += ROW * 1.5
    x = PAD
    for status in Status:  # the legend: each status word on its colour
        name, (fill, font) = word("status." + status.value, lang), STATUS_COLOURS[status]
        shapes += [Box(x - 4, y - 13, text_width(name, 12) + 8, 18, fill), Label(x, y, name, 12, font)]
        x += text_width(name, 12) + 18
    shapes.append(Label(PAD, y + 20, word("ui.legend_related", lang), 12, MUTED))
    return Picture(width, y + 20 + PAD, tuple(shapes), lang, plan.meta.title(lang))


Section = tuple[str, list[list[str]], list[Status | None], int]  # title, rows, their statuses, without data


def _sections(report: StatusReport, lang: str, moved: Movement | None) -> tuple[list[Section], int]:
    """Each area's title (its score then → now where `moved` says it moved) and rows (its targets with data),
    then the context's, up to `MOST_ROWS` rows and `MOST_AREAS` areas; and how many targets that leaves
    neither drawn nor counted under their area."""
    plan = report.plan
    sections: list[Section] = []
    numbers = area_numbers(plan)
    room, left_out = MOST_ROWS, 0  # rows still to draw; targets neither drawn nor counted under their area
    for number, area in enumerate(report.areas):
        if number >= MOST_AREAS:
            left_out += len(area.targets)
            continue
        info = plan.area(area.area_id)
        with_data = [row for row in area.targets if row.current is not None]
        shown, left_out = with_data[:room], left_out + len(with_data[room:])
        room -= len(shown)
        name = cut(info.title(lang), WIDEST_HEADING) if info else area.area_id
        score = area_score(area.area_id, area.aggregate, lang, moved)
        title = f"{numbers[area.area_id]} {name} · {score}"
        sections.append((title, [_cells(plan, row, lang) for row in shown], [row.status for row in shown],
                         len(area.targets) - len(with_data)))  # fmt: skip
    context = [row for row in report.context if row.current is not None]
    if context:
        rows = [_cells(plan, row, lang) for row in context[:room]]
        left_out += len(context) - len(rows)
        sections.append((word("ui.context_section", lang), rows, [None] * len(rows), 0))
    return sections, left_out


def _cells(plan: object, row: TargetStatus, lang: str) -> list[str]:
    target = row.target
    title = f"{cut(target.title(lang), WIDEST_TITLE - len(target.id) - 3)} ({target.id})"
    cities = [city_figure(target, row, city, lang) for city in BENCHMARK_CITIES]
    score = score_value(row.score.value) if row.status is not None else ""
    # The word alone: its colour says what the terminal's sign says, and fonts for Chinese lack the signs.
    status = word("status." + row.status.value, lang) if row.status is not None else ""
    # Cut as the title is: its unit's label is the plan's, and may be as long as anything in it.
    now = cut(now_and_target(plan, row, lang), WIDEST_TITLE)  # type: ignore[arg-type]
    return [title, now, *cities, score, status]


def table_picture(title: str, lang: str, heads: Sequence[str], rows: Sequence[Sequence[str]],
                  numeric: set[int]) -> Picture:  # fmt: skip
    """One table as a picture, its title above: its first `MOST_ROWS` rows, and how to get the rest."""
    cut_rows = [[_clip(cell, WIDEST_TITLE) for cell in row] for row in rows[:MOST_ROWS]]
    widths = _widths(heads, cut_rows)
    width = max(PAD * 2 + sum(widths) + GAP * (len(widths) - 1), 480)
    shapes: list[Shape] = [Label(PAD, PAD + 20, _fit(title, width, 16), 16, bold=True)]
    shapes += _grid(heads, cut_rows, widths, PAD + 40, width, [None] * len(cut_rows), numeric)
    bottom = PAD + 40 + ROW * (len(cut_rows) + 1)
    if len(rows) > len(cut_rows):
        said = word("picture.rows_cut", lang).format(shown=len(cut_rows), total=len(rows))
        shapes.append(Label(PAD, bottom + 20, said, SIZE, MUTED))
        bottom += 28
    return Picture(width, bottom + PAD, tuple(shapes), lang, title)


def _clip(text: str, width: int) -> str:
    """`cut`, reading no more of a note of megabytes than a cell can show."""
    if len(text) <= 4 * width:
        return cut(text, width)
    # Wider than the cell whatever the characters (a dot of filler takes a cell): cut where the cell ends.
    return cut(text[: 4 * width] + "…" * (width + 1), width)


def _fit(text: str, width: float, size: float) -> str:
    """A title (bold) cut with "…" to the picture's width between its margins."""
    return fit_text(text, width - 2 * PAD, size, bold=True)


def _widths(heads: Sequence[str], rows: Sequence[Sequence[str]]) -> list[float]:
    """Each column as wide as the widest of its cells and its heading (bold, a size smaller), as drawn: a
    26-character id takes its own width, not a guess at it."""
    return [
        max(text_width(head, HEAD_SIZE, bold=True), *(text_width(row[n], SIZE) for row in rows))
        for n, head in enumerate(heads)
    ]


def _grid(
    heads: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    top: float,
    width: float,
    statuses: Sequence[Status | None],
    numeric: set[int] | None = None,
) -> list[Shape]:
    """A header on a light band, then rows with a rule under each; numbers right-aligned, the status (the
    last column, where `statuses` says one) on its colour."""
    right = numeric if numeric is not None else set(range(1, len(heads) - 1))
    starts = [PAD + sum(widths[:n]) + GAP * n for n in range(len(widths))]
    shapes: list[Shape] = [Box(PAD - 6, top, width - 2 * PAD + 12, ROW, "#f0f3f6")]
    for n, head in enumerate(heads):
        x, anchor = (starts[n] + widths[n], "end") if n in right else (starts[n], "start")
        shapes.append(Label(x, top + 16, head, HEAD_SIZE, INK, anchor, bold=True))  # type: ignore[arg-type]
    for number, (cells, status) in enumerate(zip(rows, statuses, strict=True), start=1):
        y = top + ROW * number
        if status is not None:
            fill = STATUS_COLOURS[status][0]
            shapes.append(Box(starts[-1] - 4, y + 4, text_width(cells[-1], SIZE) + 8, ROW - 8, fill))
        for n, cell in enumerate(cells):
            x, anchor = (starts[n] + widths[n], "end") if n in right else (starts[n], "start")
            colour = STATUS_COLOURS[status][1] if status is not None and n == len(cells) - 1 else INK
            shapes.append(Label(x, y + 16, cell, SIZE, colour, anchor))  # type: ignore[arg-type]
        shapes.append(Box(PAD - 6, y + ROW - 0.5, width - 2 * PAD + 12, 0.75, RULE))
    return shapes
