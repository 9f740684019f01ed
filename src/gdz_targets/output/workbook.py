"""Workbooks for Excel and WPS: a cover sheet saying what the report is and how to read it, then the report as
one sheet — real numbers in each target's unit, real dates, milestones and codes in the reader's words, a
frozen header, filters, widths by display width, status cells coloured. XlsxWriter is imported only here."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final

from gdz_targets import __version__
from gdz_targets.domain.errors import counted
from gdz_targets.domain.model import Plan, Qualifier, Unit
from gdz_targets.domain.status import Aggregate, Status, StatusReport
from gdz_targets.domain.values import QUALIFIER_MARKS, format_number, with_unit
from gdz_targets.output.text import UNKNOWN, area_numbers, overdue_titles, stale_titles, titles_joined

from .messages import render
from .sheets import cell_kind, csv_cell, header
from .text import word
from .textwidth import width_of

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

# Fill and font of a status cell, as Excel's own "good / neutral / bad" styles colour them.
STATUS_COLOURS: Final = {
    Status.ACHIEVED: ("#C6EFCE", "#006100"),
    Status.ON_TRACK: ("#E2EFDA", "#375623"),
    Status.AT_RISK: ("#FFEB9C", "#9C5700"),
    Status.OFF_TRACK: ("#FCE4D6", "#843C0C"),
    Status.OVERDUE: ("#FFC7CE", "#9C0006"),
    Status.OPEN: ("#DDEBF7", "#1F4E78"),
    Status.NO_DATA: ("#EDEDED", "#595959"),
}
WIDEST: Final = 40  # cells: a longer text (a title, a quote) wraps within its column
DATE_FORMAT: Final = "yyyy-mm-dd"


class _Book:
    """A workbook in memory with its formats made once each."""

    def __init__(self, plan: Plan, lang: str, subject: str) -> None:
        import xlsxwriter

        self.plan, self.lang = plan, lang
        self.reader = "zh" if lang == "zh" else "en"
        self.buffer = io.BytesIO()
        # Text stays text: nothing that looks like a number, a formula or an address is converted.
        options = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                   "strings_to_urls": False}  # fmt: skip
        self.book: Workbook = xlsxwriter.Workbook(self.buffer, options)
        title = plan.meta.title(self.reader)
        made_by = word("xlsx.made_by", self.reader).format(version=__version__)
        self.book.set_properties({"title": title, "subject": subject, "author": "gdz", "comments": made_by})
        self._formats: dict[tuple[tuple[str, Any], ...], Format] = {}

    def format(self, **properties: Any) -> Format:
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            self._formats[key] = self.book.add_format({"font_name": FONT[self.reader], **properties})
        return self._formats[key]

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


# A font every Office and WPS has, that shows Chinese well where the reader reads Chinese.
FONT: Final = {"zh": "Microsoft YaHei", "en": "Calibri"}


# The status sheet people read: where each target stands, in the columns a printed page holds; every field is
# on the next sheet.
READER_COLUMNS: Final = ("area", "target", "title", "current", "current_as_of", "target_value", "deadline",
                         "guangzhou", "shenzhen", "score", "status")  # fmt: skip


def status_workbook(
    report: StatusReport, columns: Sequence[str], records: Sequence[dict[str, Any]], lang: str
) -> bytes:
    """The status report: a cover (as-of, coverage, scores, how they are formed, status legend, sources), the
    targets in the columns people read, and every field as the CSV has them."""
    book = _Book(report.plan, lang, word("xlsx.status", "zh" if lang == "zh" else "en"))
    _status_cover(book, report)
    title = "title_zh" if book.reader == "zh" else "title_en"
    shown = tuple(title if column == "title" else column for column in READER_COLUMNS)
    shown += ("owner",) if "owner" in columns else ()  # who answers for it, where the workspace says
    _table(book, word("xlsx.sheet_targets", book.reader), shown, records, for_reading=True)
    _table(book, word("xlsx.sheet_fields", book.reader), columns, records)
    return book.close()


def plain_workbook(
    plan: Plan, what: str, columns: Sequence[str], records: Sequence[dict[str, Any]], lang: str
) -> bytes:
    """The log's entries or the plan's targets: a short cover, then the sheet."""
    book = _Book(plan, lang, word(f"xlsx.{what}", "zh" if lang == "zh" else "en"))
    cover = book.book.add_worksheet(word("xlsx.sheet_cover", book.reader))
    lines = _cover_heading(book, cover, plan.meta.title(book.reader))
    noun = "entry" if what == "entries" else "target"
    cover.write_string(lines, 0, render(counted(noun, len(records)), book.reader))
    _sources(book, cover, lines + 2)
    cover.set_column(0, 0, 28)
    cover.set_column(1, 1, 60)
    _for_print(cover, one_page=True)
    _table(book, word(f"xlsx.sheet_{what}", book.reader), columns, records)
    return book.close()


# --- the report sheet -------------------------------------------------------------------------------------


def _table(
    book: _Book,
    name: str,
    columns: Sequence[str],
    records: Sequence[dict[str, Any]],
    for_reading: bool = False,
) -> None:
    """One report as a sheet. `for_reading`: the sheet people read and print (one page wide, scores rounded
    down as everywhere gdz shows them); else every field as the CSV has it."""
    sheet = book.book.add_worksheet(name)
    head = book.format(bold=True, bg_color="#D9E1F2", bottom=1, text_wrap=False)
    titles = header(tuple(columns), book.lang)
    widths = [width_of(title) for title in titles]
    for column, title in enumerate(titles):
        sheet.write_string(0, column, title, head)
    shown_rows = []
    for number, record in enumerate(records, start=1):
        unit = book.plan.units.get(record.get("unit") or "")
        shown = record | {"score": _score(record["score"])} if for_reading and "score" in record else record
        texts = [_write(book, sheet, number, column, shown, key, unit) for column, key in enumerate(columns)]
        widths = [max(width, width_of(text)) for width, text in zip(widths, texts, strict=True)]
        shown_rows.append(texts)
    sizes = [min(width + 2, WIDEST) for width in widths]
    for column, size in enumerate(sizes):
        sheet.set_column(column, column, size)
    for number, texts in enumerate(shown_rows, start=1):  # a wrapped cell's row is as tall as its lines
        lines = max(
            math.ceil(width_of(text) / max(size - 2, 1)) for text, size in zip(texts, sizes, strict=True)
        )
        if lines > 1:
            sheet.set_row(number, 15 * lines)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(records), 1), len(columns) - 1)
    _for_print(sheet)
    if for_reading:
        sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)  # the header, and the target's id, on every printed page
    if "target" in columns:
        sheet.repeat_columns(columns.index("target"))


def _write(book: _Book, sheet: Worksheet, row: int, column: int, record: dict[str, Any], key: str,
           unit: Unit | None) -> str:  # fmt: skip
    """Write one cell as its kind wants it; returns what it shows, to size the column."""
    value, kind = record[key], cell_kind(key)
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        figure = kind.kind == "figure"
        # A figure keeps its marks, shown by the format around the number: ≈ a related measure, > a bound.
        related = "≈" if figure and record.get(f"{key}_related") else ""
        bound = record.get(f"{key}_qualifier") or (record.get("qualifier") if key == "value" else None)
        strict = key == "target_value" and record.get("target_strict")  # 突破1000: more than 1000
        mark = related + (QUALIFIER_MARKS[Qualifier(bound)] if figure and bound else ">" if strict else "")
        shown_unit = unit if figure else None
        number_format = _number_format(value, shown_unit, book.reader, kind.kind == "percent", mark)
        sheet.write_number(row, column, value, book.format(num_format=number_format, valign="top"))
        return mark + _shown_number(value, shown_unit, book.reader, kind.kind == "percent")
    if kind.kind == "date" and isinstance(value, str):
        day = date.fromisoformat(value)
        sheet.write_datetime(
            row,
            column,
            datetime(day.year, day.month, day.day),
            book.format(num_format=DATE_FORMAT, valign="top"),
        )
        return value
    shown = csv_cell(book.plan, record, key, book.lang)  # codes, milestones and flags in the reader's words
    style: dict[str, str | bool] = {}
    if key == "status":
        fill, font = STATUS_COLOURS[Status(value)]
        style = {"bg_color": fill, "font_color": font}
    if width_of(shown) > WIDEST:
        style["text_wrap"] = True
    sheet.write_string(row, column, shown, book.format(valign="top", **style))
    return shown


def _for_print(sheet: Worksheet, one_page: bool = False) -> None:
    """Printed (or saved as PDF) on A4 landscape with the sheet's name and the page in the header; a cover
    on one page."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.set_header("&L&A&R&P / &N")
    if one_page:
        sheet.fit_to_pages(1, 1)


def _number_format(value: float, unit: Unit | None, lang: str, percent: bool = False, mark: str = "") -> str:
    """A format showing the number as gdz writes it, with its marks and unit: `0"项"`, `">"0.0"万平方米"`,
    `"第"0"名"`; the cell keeps the number itself."""
    text = format_number(value)
    digits = len(text.partition(".")[2])
    core = "0" + ("." + "0" * digits if digits else "")
    label = "%" if percent else unit.label(lang) if unit is not None else ""
    before, _, after = with_unit("{}", label).partition("{}")  # "{}项", "rank {}", "{} items"
    return "".join(f'"{part}"' for part in (mark + before,) if part) + core + (f'"{after}"' if after else "")


def _shown_number(value: float, unit: Unit | None, lang: str, percent: bool) -> str:
    text = format_number(value)
    if percent:
        return text + "%"
    return with_unit(text, unit.label(lang)) if unit is not None else text


# --- the cover ---------------------------------------------------------------------------------------------


def _cover_heading(book: _Book, cover: Worksheet, title: str) -> int:
    """The title and what made the file; returns the next free row."""
    cover.write_string(0, 0, title, book.format(bold=True, font_size=14))
    cover.write_string(1, 0, word("xlsx.made_by", book.reader).format(version=__version__),
                       book.format(font_color="#595959"))  # fmt: skip
    return 3


def _status_cover(book: _Book, report: StatusReport) -> None:
    reader, plan = book.reader, report.plan
    cover = book.book.add_worksheet(word("xlsx.sheet_cover", reader))
    row = _cover_heading(book, cover, plan.meta.title(reader))
    bold = book.format(bold=True)
    whole = report.aggregate
    facts: list[tuple[str, str | float | date | None]] = [
        (word("ui.as_of", reader), report.as_of),
        (
            word("ui.coverage", reader),
            word("ui.coverage_of", reader).format(scored=whole.scored, total=whole.total),
        ),
        (word("xlsx.plan_score", reader), _score(whole.score)),
        (word("xlsx.mean_with_data", reader), _score(whole.mean_with_data)),
    ]
    facts += [(word(key, reader), titles_joined(names, reader))
              for key, names in (("ui.overdue_label", overdue_titles(report, reader)),
                                 ("ui.stale_label", stale_titles(report, reader))) if names]  # fmt: skip
    for name, value in facts:
        cover.write_string(row, 0, name, bold)
        _fact(book, cover, row, 1, value)
        row += 1
    row += 1
    cover.write_string(row, 0, word("xlsx.counts", reader), bold)
    row += 1
    for status, count in report.counts.items():
        fill, font = STATUS_COLOURS[status]
        cover.write_string(
            row, 0, word("status." + status.value, reader), book.format(bg_color=fill, font_color=font)
        )
        cover.write_number(row, 1, count)
        cover.write_string(row, 2, word("rule.status." + status.value, reader))
        row += 1
    row += 1
    cover.write_string(row, 0, word("xlsx.areas", reader), bold)
    row += 1
    titles = [
        word(key, reader)
        for key in ("ui.area", "ui.score", "xlsx.with_data", "xlsx.targets_count", "xlsx.mean_with_data")
    ]
    for column, title in enumerate(titles):
        cover.write_string(row, column, title, book.format(bold=True, bg_color="#D9E1F2", bottom=1))
    numbers = area_numbers(plan)
    for area in report.areas:
        row += 1
        info = plan.area(area.area_id)
        cover.write_string(row, 0, f"{numbers[area.area_id]} {info.title(reader) if info else area.area_id}")
        _area_scores(book, cover, row, area.aggregate)
    row += 2
    cover.write_string(row, 0, word("xlsx.how_scored", reader), bold)
    for key in ("xlsx.score_1", "xlsx.score_2", "xlsx.score_3", "xlsx.score_4"):
        row += 1
        cover.write_string(row, 0, word(key, reader))
    _sources(book, cover, row + 2)
    cover.set_column(0, 0, 34)
    cover.set_column(1, 4, 16)
    _for_print(cover, one_page=True)


def _area_scores(book: _Book, cover: Worksheet, row: int, aggregate: Aggregate) -> None:
    for column, value in enumerate((_score(aggregate.score), aggregate.scored, aggregate.total,
                                    _score(aggregate.mean_with_data)), start=1):  # fmt: skip
        _fact(book, cover, row, column, value)


def _score(value: float | None) -> float | None:
    """A score as the screen shows it: rounded down, never more than the data supports."""
    return None if value is None else float(int(value))


def _fact(book: _Book, cover: Worksheet, row: int, column: int, value: str | float | date | None) -> None:
    if value is None:
        cover.write_string(row, column, UNKNOWN)
    elif isinstance(value, date):
        cover.write_datetime(row, column, datetime(value.year, value.month, value.day),
                             book.format(num_format=DATE_FORMAT, align="left"))  # fmt: skip
    elif isinstance(value, int | float):
        cover.write_number(row, column, value, book.format(align="left"))
    else:
        cover.write_string(row, column, value)


def _sources(book: _Book, cover: Worksheet, row: int) -> None:
    """Where the plan comes from, and where each figure's source and sentence are."""
    plan, reader = book.plan, book.reader
    source = plan.sources.get(plan.meta.source)
    cover.write_string(row, 0, word("xlsx.sources", reader), book.format(bold=True))
    if source is not None:
        published = f" ({source.published})" if source.published else ""
        cover.write_string(row + 1, 0, f"{source.publisher}: {source.title}{published}")
        if source.url:
            cover.write_url(row + 2, 0, source.url, string=source.url)
    cover.write_string(row + 3, 0, word("xlsx.figure_sources", reader))
