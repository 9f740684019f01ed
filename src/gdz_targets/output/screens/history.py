"""`gdz history`: the entries one per line, a voided one struck through and marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from gdz_targets.domain.model import (
    Entry,
    Plan,
    Void,
    short_id,
)
from gdz_targets.output.text import entry_value, word
from gdz_targets.output.textwidth import GLUE, printable, wrap

from .layout import (
    CITY_COLUMNS,
    NOTE_COLUMN,
    Cell,
    Column,
    cell,
    fit_columns,
    grid,
    with_addresses,
)


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
        Column("date", word("ui.date", lang), 2),  # a history is read by its dates: they go last
        Column("target", word("ui.target_col", lang), 4),
        Column("city", word("ui.city", lang), 5),  # without it, a Guangzhou figure says GZ beside its value
        Column("value", word("ui.value", lang), 3, "right"),
        Column("by", word("ui.by", lang), 7),
        Column("note", word("ui.note_source", lang), 6, flexible=True, min_width=NOTE_COLUMN),
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
    below = any(row["note"] for row in rows) and "note" not in {column.key for column, _ in fitted}
    if below:
        fitted = fit_columns([column for column in columns if column.key != "note"], rows, width)
    kept = {column.key for column, _ in fitted}
    lost = [key for key in ("target", "value") if key not in kept and key not in hidden]
    for row in (
        rows if lost else ()
    ):  # too narrow for what was logged: it takes the first line below the entry
        said = " = ".join("".join(text for text, _ in row[key]) for key in lost)
        row["note"] = [(said, row["id"][0][1]), *row["note"]]
    # each note under its entry, as wide as the table
    table = grid(fitted, rows, below="note") if below or lost else grid(fitted, rows)
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
        "value": cell(entry_value(plan, record, lang), style),
        "by": cell(printable(record.recorded_by), style),
        "batch": cell(short_id(record.batch) if record.batch else "", style),
        "note": with_addresses(note, "dim" if void else "") if note else [],
    }
    if void:
        row["note"].append((word("ui.voided_because", lang).format(reason=printable(void.reason)), "yellow"))
    return row
