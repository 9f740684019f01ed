"""The layout engine of the screens: columns chosen by priority for the width there is, rows laid out as one
styled Rich Text, and label-and-items lines that break between items.

Tables are laid out here rather than by `rich.table`: gdz needs its own column choice for 80 columns anyway,
and one styled Text prints several times faster than a Rich table of the same size (see bench/).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, Literal, NamedTuple

from rich.text import Span, Text

from gdz_targets.domain.model import City
from gdz_targets.output.textwidth import cut, glue_code, width_of, wrap

Justify = Literal["left", "right"]
Line = tuple[str, str]  # text and its Rich style
Cell = list[Line]  # a cell's lines
COLUMN_GAP = 3
ADDRESS: Final = "dim underline"  # the style of a web address: never broken across lines, to be copied whole
CITY_COLUMNS: Final = ((City.GUANGZHOU, "gz"), (City.SHENZHEN, "sz"))  # with their header's message key


def with_addresses(text: str, style: str = "") -> Cell:
    """Text as a cell's lines, each web address on a line of its own in the ADDRESS style (never broken)."""
    import re

    lines: Cell = []
    for number, part in enumerate(re.split(r"(https?://\S+)", text)):
        if number % 2:
            lines.append((part, ADDRESS))
        elif part.strip(" ·"):
            lines.append((part.strip(), style))
    return lines


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
            # Its preferred width where that leaves room for the rest of its group: they show together.
            others = sum(needed[other.key] + gap for other in group if other is not column)
            if (
                column.flexible
                and column.preferred
                and used + others + min(planned[column.key], column.preferred) + gap <= width
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
        row_lines(out, fitted, header, gap, indent)
        out.add(" " * indent + "─" * total + "\n")
    step = BELOW_INDENT if total > 2 * BELOW_INDENT else 0
    for row in rows:
        row_lines(out, fitted, row, gap, indent)
        for text, style in row.get(below, []) if below else []:
            for piece in [text] if style == ADDRESS else wrap(text, max(total - step, 1)):
                out.add(" " * (indent + step))
                out.add(piece, style or "dim")
                out.add("\n")
    return out.text()


def row_lines(
    out: Canvas, fitted: Sequence[tuple[Column, int]], row: dict[str, Cell], gap: int, indent: int
) -> None:
    """One table row, as many lines tall as its tallest cell; tuned: a report lays out hundreds of cells."""
    columns = []
    for column, size in fitted:
        lines = row.get(column.key, [])
        if column.cut:
            lines = [(cut(text, size), style) for text, style in lines]
        elif column.flexible:
            lines = [(piece, style) for text, style in lines
                     for piece in ([text] if style == ADDRESS else wrap(text, size))]  # fmt: skip
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


SQUEEZED: Final = 6  # the fewest cells cells wider than planned squeeze a flexible column to
BELOW_INDENT: Final = 4  # a cell shown under its row starts this far in
NOTE_COLUMN: Final = 40  # a note column narrower than this folds a note into a tower: notes go below instead
WIDE: Final = 100  # from this width a target takes one line, its title a column; below, a second line
NARROW: Final = 24  # below this width nothing is indented: every cell counts


def heading_lines(title: str, suffix: str, width: int) -> Text:
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


def area_heading(title: str, score: str, width: int) -> Text:
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


def _runs_on(item: str, after: int, room: int) -> bool:
    """Whether an item goes on from where the one before it ends, `after` cells left there: where it fits
    whole, or, longer than a line (`room`) anyway, where its first word fits; a short one is never split."""
    return (width_of(item) <= after or width_of(item) > room) and width_of(item.split(" ", 1)[0]) <= after


def flow(
    label: str,
    items: Sequence[tuple[str, str]],
    width: int,
    indent: int = 2,
    separator: str = " · ",
    pad: bool = False,
    lead: int = 0,
    fold: bool = False,
    whole: bool = False,
    run_on: bool = False,
) -> Text:
    """`label  a · b · c`, breaking lines between items; an item wider than a line is cut with "…", or with
    `fold` folded onto more lines (with `run_on` from where the item before it ends, where its first word
    fits there, unless the item would then be split where a line of its own holds it whole), or with `whole`
    left whole on a line of its own; continuation lines start at `indent`; `pad`
    sets the label in a column `indent` wide."""
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
    # A list's comma stays at the end of a line it breaks ("a, b,⏎c"); a "·" or spaces between parts do not.
    mark = separator.strip() if separator.strip() in (",", "、") and width >= NARROW else ""
    for number, (item, style) in enumerate(items, start=1):
        held = width_of(mark) if number < len(items) else 0  # room for the comma, should the line end here
        room = max(width - indent - held, 1)
        kept = whole and width >= NARROW  # below that, nothing can be copied whole anyway
        after = width - column - width_of(separator) - held  # what is left of the line begun
        if fold and run_on and not first and _runs_on(item, after, room):
            head, *rest = wrap(glue_code(item), room, first=after)
            text.append(separator)
            text.append(head, style=style)
            column += width_of(separator + head)
            for piece in rest:
                text.append("\n" + " " * indent)
                text.append(piece, style=style)
                column = indent + width_of(piece)
            continue
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
        if column > indent and column + width_of(gap + shown) + held > width:
            text.append(("" if first else mark) + "\n" + " " * indent)
            column, gap = indent, ""
        text.append(gap)
        text.append(shown, style=style)
        column += width_of(gap + shown)
        first = False
    text.append("\n")
    return text


def capped_flow(
    label: str,
    items: Sequence[tuple[str, str]],
    width: int,
    most_lines: int,
    more: Callable[[int], str],
    **options: Any,
) -> Text:
    """`flow`, on at most `most_lines` lines: where the items take more, as many as fit, then `more(left)`
    (the count of the rest and how to see them), so that a long list never pushes the screen off the top."""
    whole = flow(label, items, width, **options)
    if whole.plain.count("\n") <= most_lines:
        return whole
    for kept in range(len(items) - 1, -1, -1):
        shown = flow(label, [*items[:kept], (more(len(items) - kept), "dim")], width, **options)
        if shown.plain.count("\n") <= most_lines:
            return shown
    return shown
