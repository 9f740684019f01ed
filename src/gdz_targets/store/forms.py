"""A fill-in form sent back (`gdz export template`, filled in and saved, as .xlsx or CSV): recognised by its
header, its owner and period read from the rows above it, and each row with a figure named for the import's
checks; rows left without a figure are no entries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from gdz_targets.domain.errors import Problem, msg
from gdz_targets.domain.forms import COLUMN_LABELS, FORM_MARKS, HEAD_LABELS, READ_COLUMNS, label_key

from .cells import blank, cell_text
from .headers import HEADER_SEARCH, NamedRow
from .tables import Cell, Table


class Unfilled(NamedTuple):
    """A row left without a figure, and what its department wrote in it all the same (a note, a source)."""

    row: int
    target: str
    words: tuple[str, ...]


class Form(NamedTuple):
    table: Table
    heads: dict[str, tuple[int, int, Cell]]  # owner, period, due: (row, column, cell) of each value found
    rows: list[NamedRow]  # the rows with a figure, their cells named as any import's
    unfilled: list[Unfilled]  # rows left without a figure


def find_form(tables: Sequence[Table], path: str) -> Form | None:
    """The first sheet (or the text file) that is a fill-in form, read; None where none is."""
    for table in tables:
        for index, row in enumerate(table.rows[:HEADER_SEARCH]):
            names = [
                COLUMN_LABELS.get(label_key(cell_text(cell)), "") if not blank(cell) else ""
                for cell in row.cells
            ]
            if set(FORM_MARKS) <= set(names):
                return _read(table, index, names, path)
    return None


def _read(table: Table, header_at: int, names: list[str], path: str) -> Form:
    numbers = {name: number for number, name in enumerate(names, start=1) if name}
    heads: dict[str, tuple[int, int, Cell]] = {}
    for row in table.rows[:header_at]:
        filled = [(number, cell) for number, cell in enumerate(row.cells, start=1) if not blank(cell)]
        if len(filled) >= 2 and label_key(cell_text(filled[0][1])) in HEAD_LABELS:
            heads.setdefault(HEAD_LABELS[label_key(cell_text(filled[0][1]))], (row.number, *filled[1]))
    rows, unfilled = [], []
    wanted = {name: number for name, number in numbers.items() if name in READ_COLUMNS}
    for row in table.rows[header_at + 1 :]:
        cells = {
            name: (number, row.cells[number - 1])
            for name, number in wanted.items()
            if number <= len(row.cells) and not blank(row.cells[number - 1])
        }
        stray = _stray(table, path, row.number, row.cells, names)
        if "value" not in cells:
            words = tuple(cell_text(cells[name][1]).strip() for name in ("note", "source") if name in cells)
            target = cell_text(cells["target"][1]).strip() if "target" in cells else ""
            if stray is not None:  # a figure written beside the columns is never passed over
                rows.append(NamedRow(row, cells, wanted, stray))
            elif target or words:
                unfilled.append(Unfilled(row.number, target, words))
            continue
        rows.append(NamedRow(row, cells, wanted, stray))
    return Form(table, heads, rows, unfilled)


def _stray(table: Table, path: str, number: int, cells: list[Cell], names: list[str]) -> Problem | None:
    """A cell beyond the form's columns, or under one without a name: named, never dropped."""
    for column, cell in enumerate(cells, start=1):
        if not blank(cell) and (column > len(names) or not names[column - 1]):
            return table.problem(path, number, column, msg("form.stray_cell"))
    return None
