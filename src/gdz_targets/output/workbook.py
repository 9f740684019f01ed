"""Workbooks for Excel and WPS: a cover page saying what the report is and how to read it, then the report as
sheets — real numbers in each target's unit (percentages as Excel's fractions), real dates and times,
milestones and codes in the reader's words, a frozen header, filters, widths by display width, status cells
coloured — each sheet printing on A4 at its page's width with its header on every page. XlsxWriter is
imported only here."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from gdz_targets import __version__
from gdz_targets.domain.errors import counted
from gdz_targets.domain.model import Plan, Unit
from gdz_targets.domain.status import Aggregate, Status, StatusReport
from gdz_targets.domain.values import format_number, with_unit
from gdz_targets.output.text import UNKNOWN, area_numbers, joined, past_due_names, stale_names

from .messages import render
from .sheets import cell_kind, csv_cell, figure_mark, header
from .text import word
from .textwidth import width_of

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from gdz_targets.domain.movement import Movement

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
WIDEST: Final = 40  # a column's most width, in characters: a longer text (a title, a quote) wraps within it
DATE_FORMAT: Final = "yyyy-mm-dd"
MOMENT_FORMAT: Final = "yyyy-mm-dd hh:mm:ss"
# Excel measures a column in widths of the default font's "0": a letter or digit takes about 1.2 of them in
# Microsoft YaHei (1.15 in Calibri, capitals) and a Chinese character 2.1: a 26-character id is never cut.
NARROW_UNITS: Final = {"zh": 1.2, "en": 1.15}
WIDE_UNITS: Final = 2.1
LINE_POINTS: Final = {"zh": 17.0, "en": 15.0}  # a line of 11-point text in the reader's font, in points
# The printable area of A4 portrait (a cover) with the margins set below, in points.
PORTRAIT_POINTS: Final = (595 - 2 * 36, 842 - 2 * 54)
POINTS_PER_WIDTH: Final = 5.6  # a column width of 1 (Calibri 11's "0" and padding), printed at 100%


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
    report: StatusReport,
    columns: Sequence[str],
    records: Sequence[dict[str, Any]],
    lang: str,
    moved: Movement | None = None,
) -> bytes:
    """The status report: a cover (as-of, coverage, scores, what is past due, with `moved` what moved since
    an earlier day, how scores are formed, the statuses, sources), the targets in the columns people read
    (and their change), and every field as the CSV has them."""
    book = _Book(report.plan, lang, word("xlsx.status", "zh" if lang == "zh" else "en"))
    _status_cover(book, report, moved)
    title = "title_zh" if book.reader == "zh" else "title_en"
    shown = tuple(title if column == "title" else column for column in READER_COLUMNS)
    shown += ("owner",) if "owner" in columns else ()  # who answers for it, where the workspace says
    read = records
    if moved is not None:  # the change in words after the status, as the screen's change column says it
        from .changes import change_cells

        shown += ("change",)
        cells = change_cells(report.plan, moved, report.all_targets(), book.reader)
        read = [record | {"change": cells[record["target"]] or None} for record in records]
    _table(book, word("xlsx.sheet_targets", book.reader), shown, read, for_reading=True)
    _table(book, word("xlsx.sheet_fields", book.reader), columns, records)
    return book.close()


def plain_workbook(
    plan: Plan, what: str, columns: Sequence[str], records: Sequence[dict[str, Any]], lang: str
) -> bytes:
    """The log's entries or the plan's targets as the first sheet, the one every program opens on and saves
    with "Save as CSV" (so that the entries come back by `gdz import`); then a short cover."""
    book = _Book(plan, lang, word(f"xlsx.{what}", "zh" if lang == "zh" else "en"))
    _table(book, word(f"xlsx.sheet_{what}", book.reader), columns, records)
    cover = _Cover(book, plan.meta.title(book.reader))
    noun = "entry" if what == "entries" else "target"
    cover.across(render(counted(noun, len(records)), book.reader))
    cover.sources()
    cover.finish()
    return book.close()


# --- the report's sheets ----------------------------------------------------------------------------------


def _table(
    book: _Book,
    name: str,
    columns: Sequence[str],
    records: Sequence[dict[str, Any]],
    for_reading: bool = False,
) -> None:
    """One report as a sheet. `for_reading`: the sheet people read and print (scores rounded down as
    everywhere gdz shows them); else every field as the CSV has it."""
    sheet = book.book.add_worksheet(name)
    head = book.format(bold=True, bg_color="#D9E1F2", bottom=1, text_wrap=True, valign="top")
    titles = header(tuple(columns), book.lang)
    widths = [min(_units(title, book.reader), WIDEST) for title in titles]  # a long header wraps
    for column, title in enumerate(titles):
        sheet.write_string(0, column, title, head)
    shown_rows = []
    for number, record in enumerate(records, start=1):
        unit = book.plan.units.get(record.get("unit") or "")
        shown = record | {"score": _score(record["score"])} if for_reading and "score" in record else record
        texts = [_write(book, sheet, number, column, shown, key, unit) for column, key in enumerate(columns)]
        widths = [
            max(width, _longest_line(text, book.reader)) for width, text in zip(widths, texts, strict=True)
        ]
        shown_rows.append(texts)
    sizes = [min(math.ceil(width) + 2, WIDEST) for width in widths]
    for column, size in enumerate(sizes):
        sheet.set_column(column, column, size)
    sheet.set_row(0, _height(titles, sizes, book.reader))
    for number, texts in enumerate(shown_rows, start=1):  # a wrapped cell's row is as tall as its lines
        height = _height(texts, sizes, book.reader)
        if height > LINE_POINTS[book.reader]:
            sheet.set_row(number, height)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(records), 1), len(columns) - 1)
    _for_print(sheet, landscape=True)
    sheet.repeat_rows(0)  # the header on every printed page


def _write(book: _Book, sheet: Worksheet, row: int, column: int, record: dict[str, Any], key: str,
           unit: Unit | None) -> str:  # fmt: skip
    """Write one cell as its kind wants it; returns what it shows, to size the column and the row."""
    value, kind = record[key], cell_kind(key)
    top = {"valign": "top", "bottom": 1, "bottom_color": "#D0D7DE"}  # a rule under each row, for paper
    if value is None:
        sheet.write_blank(row, column, None, book.format(**top))
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        figure = kind.kind == "figure"
        mark = figure_mark(record, key)  # shown by the format: ≈ a related measure, > a bound
        shown_unit = unit if figure else None
        percent = kind.kind == "percent" or (shown_unit is not None and shown_unit.id == "percent")
        stored = _fraction(value) if percent else value  # Excel's percentage: 0.876 shown as 87.6%
        number_format = _number_format(value, None if percent else shown_unit, book.reader, percent, mark)
        sheet.write_number(row, column, stored, book.format(num_format=number_format, **top))
        return mark + _shown_number(value, None if percent else shown_unit, book.reader, percent)
    if kind.kind == "date" and isinstance(value, str):
        day = date.fromisoformat(value)
        day_format = book.format(num_format=DATE_FORMAT, **top)
        sheet.write_datetime(row, column, datetime(day.year, day.month, day.day), day_format)
        return value
    if kind.kind == "moment" and isinstance(value, str):
        moment = datetime.fromisoformat(value)
        offset = moment.isoformat()[19:]  # "+08:00": a cell holds no time zone; its format shows it
        moment_format = book.format(num_format=f'{MOMENT_FORMAT}"{offset}"', **top)
        sheet.write_datetime(row, column, moment.replace(tzinfo=None), moment_format)
        return f"{moment.replace(tzinfo=None).isoformat(' ')}{offset}"
    shown = csv_cell(book.plan, record, key, book.lang)  # codes, milestones and flags in the reader's words
    if kind.kind == "words":  # gdz's own words (`+40 items`), never a reader's text: shown as they are
        shown = str(value)
    style: dict[str, Any] = dict(top)
    if key == "status":
        fill, font = STATUS_COLOURS[Status(value)]
        style |= {"bg_color": fill, "font_color": font}
    if _longest_line(shown, book.reader) + 2 > WIDEST or "\n" in shown:
        style["text_wrap"] = True
    sheet.write_string(row, column, shown, book.format(**style))
    return shown


def _fraction(value: float) -> float:
    """A percentage as Excel holds it, worked out in decimal (87.6 → 0.876, never 0.8759999999999999)."""
    return float(Decimal(repr(value)) / 100)


def _units(text: str, reader: str) -> float:
    """How wide a line of text is in Excel's column widths (see NARROW_UNITS)."""
    wide = width_of(text) - len(text)  # width_of counts a wide character twice
    return wide * WIDE_UNITS + (len(text) - wide) * NARROW_UNITS[reader]


def _longest_line(text: str, reader: str) -> float:
    return max((_units(line, reader) for line in text.split("\n")), default=0.0)


def _lines(text: str, room: float, reader: str) -> int:
    """How many lines text wraps to in a column `room` widths wide (inside its padding)."""
    return sum(max(1, math.ceil(_units(line, reader) / max(room - 2, 1))) for line in text.split("\n"))


def _height(texts: Sequence[str], sizes: Sequence[int], reader: str) -> float:
    """How tall a row must be for every cell's lines, each wrapped to its column (a long address too)."""
    lines = max((_lines(text, size, reader) for text, size in zip(texts, sizes, strict=True)), default=1)
    return LINE_POINTS[reader] * lines


def _for_print(sheet: Worksheet, landscape: bool) -> None:
    """Printed (or saved as PDF) on A4 at the page's width, with the sheet's name and the page number in
    the header; its rows run on as many pages as they need."""
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_paper(9)
    sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.5)
    sheet.set_header("&L&A&R&P / &N")
    sheet.fit_to_pages(1, 0)


def _number_format(value: float, unit: Unit | None, lang: str, percent: bool = False, mark: str = "") -> str:
    """A format showing the number as gdz writes it, with its marks and unit: `0"项"`, `">"0.0"万平方米"`,
    `"第"0"名"`, `0.0%` (the cell holding the fraction); the cell keeps the number itself."""
    text = format_number(value)
    digits = len(text.partition(".")[2])
    core = "0" + ("." + "0" * digits if digits else "") + ("%" if percent else "")
    label = unit.label(lang) if unit is not None else ""
    before, _, after = with_unit("{}", label).partition("{}")  # "{}项", "rank {}", "{} items"
    return "".join(f'"{part}"' for part in (mark + before,) if part) + core + (f'"{after}"' if after else "")


def _shown_number(value: float, unit: Unit | None, lang: str, percent: bool) -> str:
    text = format_number(value)
    if percent:
        return text + "%"
    return with_unit(text, unit.label(lang)) if unit is not None else text


# --- the cover ---------------------------------------------------------------------------------------------


# The cover's columns: a label, then four narrow ones (figures, an area table) and a wide one; text that
# runs longer than a label is written across all of them, wrapped. Together they fill A4 portrait at 100%.
COVER_WIDTHS: Final = (30, 10, 10, 10, 10, 20)


class _Cover:
    """The first sheet, a page to print: one line after another, long text wrapped across the page."""

    def __init__(self, book: _Book, title: str) -> None:
        self.book = book
        self.sheet = book.book.add_worksheet(word("xlsx.sheet_cover", book.reader))
        self.row = 0
        self.across(title, book.format(bold=True, font_size=14, text_wrap=True, valign="top"), size=14)
        made = word("xlsx.made_by", book.reader).format(version=__version__)
        self.across(made, book.format(font_color="#595959"))
        self.row += 1

    def across(self, text: str, style: Format | None = None, size: float = 11, first: int = 0,
               label: str = "") -> None:  # fmt: skip
        """`text` from column `first` to the last, wrapped, its row as tall as its lines (and its label's, in
        the first column)."""
        style = style or self.book.format(text_wrap=True, valign="top")
        self.sheet.merge_range(self.row, first, self.row, len(COVER_WIDTHS) - 1, text, style)
        self.fit(self.row, [(text, sum(COVER_WIDTHS[first:]) * 11 / size), (label, COVER_WIDTHS[0])], size)
        self.row += 1

    def fit(self, row: int, cells: Sequence[tuple[str, float]], size: float = 11) -> None:
        """Make `row` as tall as the most lines among its cells, each (text, the widths it has)."""
        lines = max(_lines(text, room, self.book.reader) for text, room in cells)
        self.sheet.set_row(row, LINE_POINTS[self.book.reader] * lines * size / 11)

    def fact(self, name: str, value: str | float | date | None) -> None:
        """A labelled fact: the label in bold, the value beside it (a list wrapped across the page)."""
        book = self.book
        self.sheet.write_string(self.row, 0, name, book.format(bold=True, valign="top", text_wrap=True))
        if isinstance(value, str):
            self.across(value, first=1, label=name)
            return
        _fact(book, self.sheet, self.row, 1, value)
        self.fit(self.row, [(name, COVER_WIDTHS[0])])
        self.row += 1

    def heading(self, text: str) -> None:
        self.row += 1
        self.sheet.write_string(self.row, 0, text, self.book.format(bold=True))
        self.row += 1

    def sources(self) -> None:
        """Where the plan comes from, and where each figure's source and sentence are."""
        plan, reader = self.book.plan, self.book.reader
        source = plan.sources.get(plan.meta.source)
        self.heading(word("xlsx.sources", reader))
        if source is not None:
            published = f" ({source.published})" if source.published else ""
            self.across(f"{source.publisher}: {source.title}{published}")
            if source.url:  # an address stays whole on its line, to be copied
                self.sheet.write_url(self.row, 0, source.url, string=source.url)
                self.row += 1
        self.across(word("xlsx.figure_sources", reader))

    def finish(self) -> None:
        for column, size in enumerate(COVER_WIDTHS):
            self.sheet.set_column(column, column, size)
        _for_print(self.sheet, landscape=False)
        self.sheet.fit_to_pages(1, 1)  # one page; laid out to need no shrinking


def _status_cover(book: _Book, report: StatusReport, moved: Movement | None) -> None:
    reader, plan = book.reader, report.plan
    cover = _Cover(book, plan.meta.title(reader))
    whole = report.aggregate
    if moved is not None:
        from .changes import period_words

        cover.fact(word("since.period_label", reader), period_words(moved.since, report.as_of, reader))
    cover.fact(word("ui.as_of", reader), report.as_of)
    coverage = word("ui.coverage_of", reader).format(scored=whole.scored, total=whole.total)
    cover.fact(word("ui.coverage", reader), coverage)
    cover.fact(word("xlsx.plan_score", reader), _score(whole.score))
    cover.fact(word("xlsx.mean_with_data", reader), _score(whole.mean_with_data))
    for key, names in (("ui.overdue_label", past_due_names(report, reader)),
                       ("ui.stale_label", stale_names(report, reader))):  # fmt: skip
        if names:
            cover.fact(word(key, reader), joined(names, reader))
    if moved is not None:
        _movement_section(cover, moved)
    cover.heading(word("xlsx.counts", reader))
    for status, count in report.counts.items():
        fill, font = STATUS_COLOURS[status]
        cover.sheet.write_string(cover.row, 0, word("status." + status.value, reader),
                                 book.format(bg_color=fill, font_color=font, valign="top"))  # fmt: skip
        cover.sheet.write_number(cover.row, 1, count, book.format(align="left", valign="top"))
        cover.across(word("rule.status." + status.value, reader), first=2)
    cover.heading(word("xlsx.areas", reader))
    titles = [word(key, reader) for key in ("ui.area", "ui.score", "xlsx.with_data", "xlsx.targets_count",
                                            "xlsx.mean_with_data")]  # fmt: skip
    titles += [word("since.area_column", reader)] if moved is not None else []
    head = book.format(bold=True, bg_color="#D9E1F2", bottom=1, text_wrap=True, valign="top")
    cover.sheet.write_string(cover.row, 0, titles[0], head)
    for column, title in enumerate(titles[1:], start=1):
        cover.sheet.write_string(cover.row, column, title, head)
    cover.fit(cover.row, list(zip(titles, COVER_WIDTHS, strict=False)))
    numbers = area_numbers(plan)
    for area in report.areas:
        cover.row += 1
        info = plan.area(area.area_id)
        name = f"{numbers[area.area_id]} {info.title(reader) if info else area.area_id}"
        cover.sheet.write_string(cover.row, 0, name, book.format(text_wrap=True, valign="top"))
        cover.fit(cover.row, [(name, COVER_WIDTHS[0])])
        _area_scores(book, cover.sheet, cover.row, area.aggregate)
        if moved is not None:
            from .changes import moved_area_scores

            # Said where it did not move too: an empty cell would read as unknown.
            then_now = moved_area_scores(moved, area.area_id, area.aggregate)
            colour = {} if then_now else {"font_color": "#595959"}
            said = then_now or word("since.unmoved", reader)
            cover.sheet.write_string(cover.row, 5, said, book.format(align="left", valign="top", **colour))
    cover.row += 1
    cover.heading(word("xlsx.how_scored", reader))
    for key in ("xlsx.score_1", "xlsx.score_2", "xlsx.score_3", "xlsx.score_4"):
        cover.across(word(key, reader))
    cover.sources()
    cover.finish()


def _movement_section(cover: _Cover, moved: Movement) -> None:
    """What moved since the earlier day, whole: each line across the page, a change of status coloured."""
    from .changes import movement_lines

    reader = cover.book.reader
    cover.heading(word("since.label", reader))
    for line, status in movement_lines(moved, reader):
        fill = STATUS_COLOURS[status] if status is not None else None
        style = {"bg_color": fill[0], "font_color": fill[1]} if fill else {}
        cover.across(line, cover.book.format(text_wrap=True, valign="top", **style))


def _area_scores(book: _Book, cover: Worksheet, row: int, aggregate: Aggregate) -> None:
    for column, value in enumerate((_score(aggregate.score), aggregate.scored, aggregate.total,
                                    _score(aggregate.mean_with_data)), start=1):  # fmt: skip
        _fact(book, cover, row, column, value)


def _score(value: float | None) -> float | None:
    """A score as the screen shows it: rounded down, never more than the data supports."""
    return None if value is None else float(int(value))


def _fact(book: _Book, cover: Worksheet, row: int, column: int, value: float | date | None) -> None:
    if value is None:
        cover.write_string(row, column, UNKNOWN, book.format(align="left", valign="top"))
    elif isinstance(value, date):
        cover.write_datetime(row, column, datetime(value.year, value.month, value.day),
                             book.format(num_format=DATE_FORMAT, align="left", valign="top"))  # fmt: skip
    else:
        cover.write_number(row, column, value, book.format(align="left", valign="top"))
