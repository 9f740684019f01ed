"""The fill-in form a department is sent: an .xlsx workbook — a first sheet saying in the reader's language
what to do and by when, then one row per target with what to read locked and grey and what to fill in
unlocked, validated where it helps — or the same form as CSV. XlsxWriter is imported here and in `workbook`
alone."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from gdz_targets import __version__
from gdz_targets.domain.forms import FORM_COLUMNS, FORM_HEADS, INPUT_COLUMNS, safe_file_name
from gdz_targets.domain.model import Kind, Plan, Target
from gdz_targets.domain.owners import Role
from gdz_targets.domain.periods import Period
from gdz_targets.domain.returns import Asked, Skip
from gdz_targets.domain.values import EARLIEST_DAY, LARGEST, LATEST_DAY, unit_name

from .round_text import day_words, period_label, previous_parts, skipped_words
from .sheets import neutralise
from .text import UNKNOWN, joined, target_value, word
from .textwidth import width_of

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet


class FormContent(NamedTuple):
    """Everything one department's form shows."""

    plan: Plan
    owner: str
    period: Period
    due: date
    asked: Sequence[Asked]  # the targets it leads, then those it helps with
    skipped: Sequence[tuple[Target, Skip]]  # its targets the period does not ask for
    leads: Mapping[str, Sequence[str]]  # a target it helps with: the owners who lead it
    made: date  # the day the form was written
    contact: str | None = None


FONT: Final = {"zh": "Microsoft YaHei", "en": "Calibri"}  # what every Office and WPS has
GREY, YELLOW, HEAD, DUE_RED = "#F2F2F2", "#FFF2CC", "#D9E1F2", "#9C0006"
# The widest each column grows (in cells; a longer text wraps), so that a form prints on A4 landscape, one
# page wide, at a size that reads: about 150 cells in all.
COLUMN_WIDTHS: Final = {"target": 22, "title": 30, "role": 14, "goal": 12, "deadline": 10, "previous": 12,
                        "previous_date": 10, "unit": 8, "value": 12, "date": 10, "source": 16, "note": 16,
                        "recorded_by": 8}  # fmt: skip
DATE_FORMAT: Final = "yyyy-mm-dd"
GUIDE_STEPS: Final = (
    "form.step_sheet",
    "form.step_value",
    "form.step_date",
    "form.step_source",
    "form.step_empty",
    "form.step_keep",
)


def form_file_name(owner: str, period: Period, lang: str, fmt: str) -> str:
    """`市政务服务数据管理局-2024年3月-营商环境指标填报.xlsx`: whose, for when, what, as offices name them."""
    period_text = _file_period(period, lang)
    named = word("form.file_name", lang).format(owner=safe_file_name(owner), period=period_text)
    return f"{named}.{fmt}"


def _file_period(period: Period, lang: str) -> str:
    """A period in a file name: as Chinese offices write it (2024年3月), else as its code (2024-03)."""
    return period_label(period, lang) if lang == "zh" else str(period)


def folder_name(period: Period, lang: str) -> str:
    """Where every department's form goes when no folder is named: `营商环境指标填报-2024年3月`."""
    return safe_file_name(word("form.folder_name", lang).format(period=_file_period(period, lang)))


def columns_of(content: FormContent) -> list[str]:
    """The form's columns: the role column only where the department helps with some target."""
    helps = any(asked.role is Role.CO for asked in content.asked)
    return [column for column in FORM_COLUMNS if column != "role" or helps]


def _cells(content: FormContent, asked: Asked, lang: str) -> dict[str, str]:
    """A row's reference cells as text, and what its input cells start with."""
    target, plan = asked.target, content.plan
    unit = plan.unit_of(target)
    leads = joined(list(content.leads.get(target.id, ())), lang)
    previous = previous_parts(plan, asked, lang)
    return {
        "target": target.id,
        "title": target.title(lang),
        "role": word("form.lead", lang)
        if asked.role is Role.LEAD
        else word("form.helps", lang).format(leads=leads),
        "goal": UNKNOWN if target.kind is Kind.CONTEXT else target_value(plan, target, lang),
        "deadline": target.deadline.isoformat() if target.deadline else UNKNOWN,
        "previous": previous[0],
        "previous_date": previous[1],
        "unit": unit_name(unit.label(lang)) if unit is not None and target.kind is not Kind.MILESTONE else "",
    }


def _guide_steps(content: FormContent, lang: str) -> list[str]:
    """What to do, step by step, on the workbook's first sheet."""
    words = {"sheet": word("form.sheet_form", lang), "last": content.period.last_day.isoformat(),
             "due": day_words(content.due, lang), "owner": FORM_HEADS["owner"].in_lang(lang),
             "period": FORM_HEADS["period"].in_lang(lang)}  # fmt: skip
    return [word(key, lang).format(**words) for key in GUIDE_STEPS]


# --- .xlsx --------------------------------------------------------------------------------------------------


class _Book:
    def __init__(self, content: FormContent, lang: str) -> None:
        import xlsxwriter

        self.content, self.lang = content, lang
        self.buffer = io.BytesIO()
        options = {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        }
        self.book = xlsxwriter.Workbook(self.buffer, options)
        made = datetime(content.made.year, content.made.month, content.made.day)
        self.book.set_properties(
            {
                "title": word("form.title", lang),
                "subject": content.owner,
                "author": "gdz",
                "comments": word("xlsx.made_by", lang).format(version=__version__),
                "created": made,
            }
        )
        self._formats: dict[tuple[tuple[str, Any], ...], Format] = {}

    def format(self, **properties: Any) -> Format:
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            self._formats[key] = self.book.add_format({"font_name": FONT[self.lang], **properties})
        return self._formats[key]

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def form_workbook(content: FormContent, lang: str) -> bytes:
    """The form as .xlsx: its instructions first, then the rows to fill in."""
    book = _Book(content, lang)
    _guide_sheet(book)
    _form_sheet(book)
    return book.close()


def _heading(content: FormContent, lang: str) -> str:
    return word("form.heading", lang).format(owner=content.owner, period=period_label(content.period, lang))


def _guide_sheet(book: _Book) -> None:
    content, lang = book.content, book.lang
    sheet = book.book.add_worksheet(word("form.sheet_guide", lang))
    bold, wrapped = book.format(bold=True), book.format(text_wrap=True, valign="top")
    sheet.write_string(0, 0, _heading(content, lang), book.format(bold=True, font_size=14))
    leads = sum(1 for asked in content.asked if asked.role is Role.LEAD)
    period = content.period
    span = word("form.period_span", lang).format(
        period=period_label(period, lang),
        first=period.first_day.isoformat(),
        last=period.last_day.isoformat(),
    )
    asked = word("form.asked_count", lang).format(
        count=len(content.asked), leads=leads, helps=len(content.asked) - leads
    )
    facts = [
        (FORM_HEADS["owner"].in_lang(lang), content.owner, book.format()),
        (FORM_HEADS["period"].in_lang(lang), span, book.format()),
        (FORM_HEADS["due"].in_lang(lang), word("form.due_by", lang).format(due=day_words(content.due, lang)),
         book.format(bold=True, font_color=DUE_RED)),
        (word("form.asked", lang), asked, book.format()),
    ]  # fmt: skip
    row = 2
    for label, value, style in facts:
        sheet.write_string(row, 0, label, bold)
        sheet.write_string(row, 1, neutralise(value), style)
        row += 1
    row += 1
    sheet.write_string(row, 0, word("form.how", lang), bold)
    for number, line in enumerate(_guide_steps(content, lang), start=1):
        row += 1  # no height is set: Excel, WPS and LibreOffice fit each row to its wrapped text
        sheet.write_string(row, 0, f"{number}.", book.format(align="right", valign="top"))
        sheet.write_string(row, 1, line, wrapped)
        sheet.set_row(row, _height(line, GUIDE_WIDTH))
    skipped = skipped_words(content.skipped, lang)
    if skipped:
        row += 2
        sheet.write_string(row, 0, word("form.not_asked", lang), bold)
        for line in skipped:
            row += 1
            sheet.write_string(row, 1, neutralise(line), wrapped)
            sheet.set_row(row, _height(line, GUIDE_WIDTH))
    if content.contact:
        row += 2
        sheet.write_string(row, 0, word("form.contact", lang), bold)
        sheet.write_string(row, 1, neutralise(content.contact))
    row += 2
    made = word("form.made", lang).format(version=__version__, day=content.made.isoformat())
    sheet.write_string(row, 0, made, book.format(font_color="#595959"))
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, GUIDE_WIDTH)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 1)
    sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})


HEAD_ROWS: Final = 5  # title, owner, period, due, a blank row: the header is the sixth row


def _form_sheet(book: _Book) -> None:
    content, lang = book.content, book.lang
    sheet = book.book.add_worksheet(word("form.sheet_form", lang))
    columns = columns_of(content)
    sheet.write_string(0, 0, _heading(content, lang), book.format(bold=True, font_size=13))
    label = book.format(bold=True)
    heads = {"owner": content.owner, "period": period_label(content.period, lang)}
    for row, (key, value) in enumerate(heads.items(), start=1):
        sheet.write_string(row, 0, FORM_HEADS[key].in_lang(lang), label)
        sheet.write_string(row, 1, neutralise(value))
    sheet.write_string(3, 0, FORM_HEADS["due"].in_lang(lang), label)
    due = content.due
    sheet.write_datetime(
        3,
        1,
        datetime(due.year, due.month, due.day),
        book.format(num_format=DATE_FORMAT, align="left", bold=True, font_color=DUE_RED),
    )
    sheet.write_string(4, 0, word("form.hint", lang), book.format(font_color="#595959"))
    header_row = HEAD_ROWS
    head = book.format(bold=True, bg_color=HEAD, border=1, text_wrap=True, valign="vcenter")
    widths = {column: width_of(FORM_COLUMNS[column].in_lang(lang)) for column in columns}
    widths |= {column: COLUMN_WIDTHS[column] for column in INPUT_COLUMNS}  # room to write in
    for number, column in enumerate(columns):
        sheet.write_string(header_row, number, FORM_COLUMNS[column].in_lang(lang), head)
    reference = book.format(bg_color=GREY, border=1, valign="top", text_wrap=True)
    rows = [
        (header_row + offset, asked, _cells(content, asked, lang))
        for offset, asked in enumerate(content.asked, 1)
    ]
    for _, _, cells in rows:
        for column in columns:
            if column not in INPUT_COLUMNS:
                widths[column] = max(widths[column], width_of(cells[column]))
    sizes = {column: min(widths[column], COLUMN_WIDTHS[column]) + 2 for column in columns}
    for number, column in enumerate(columns):  # as wide as the content, up to a printed page's share
        sheet.set_column(number, number, sizes[column])
    sheet.set_row(
        header_row, max(_height(FORM_COLUMNS[column].in_lang(lang), sizes[column]) for column in columns)
    )
    for row, asked, cells in rows:  # each row as tall as its most wrapped cell: LibreOffice does not fit it
        for number, column in enumerate(columns):
            if column in INPUT_COLUMNS:
                _input_cell(book, sheet, row, number, column, asked)
            else:
                sheet.write_string(row, number, neutralise(cells[column]), reference)
        sheet.set_row(
            row, max(_height(cells[column], sizes[column]) for column in columns if column in cells)
        )
    sheet.freeze_panes(header_row + 1, 2)  # the header and each row's target stay in view
    sheet.protect(
        "",
        {
            "select_locked_cells": True,
            "select_unlocked_cells": True,
            "format_columns": True,
            "format_rows": True,
        },
    )
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_header("&L" + _footer_text(content, lang) + "&R" + word("form.page", lang))


LINE_HEIGHT: Final = 16  # points: a line of 11-point Chinese text
GUIDE_WIDTH: Final = 96  # cells: the instructions' column


def _height(text: str, width: int) -> float:
    """The height of a row whose wrapped text is `text` in a column `width` cells wide (a Chinese character
    is two cells, as the applications draw it), with a little room to spare."""
    lines = max(1, -(-width_of(text) // max(width - 1, 1)))
    return LINE_HEIGHT * lines + 2


def _footer_text(content: FormContent, lang: str) -> str:
    """The owner and period at the top of each printed page (`&` doubled: it starts a code there)."""
    return f"{content.owner} · {period_label(content.period, lang)}".replace("&", "&&")


def _input_cell(book: _Book, sheet: Worksheet, row: int, column: int, name: str, asked: Asked) -> None:
    """An unlocked cell to fill in, validated where a rule helps: a list for a milestone, a number in the
    unit's range, a date in the years gdz takes; the date starts as the period's last day."""
    lang, content = book.lang, book.content
    fill = {"locked": False, "bg_color": YELLOW, "border": 1, "valign": "top"}
    if name == "date":
        last = content.period.last_day
        sheet.write_datetime(
            row,
            column,
            datetime(last.year, last.month, last.day),
            book.format(num_format=DATE_FORMAT, **fill),
        )
        example = last.isoformat()
        sheet.data_validation(
            row,
            column,
            row,
            column,
            {
                "validate": "date",
                "criteria": "between",
                "minimum": datetime(EARLIEST_DAY.year, 1, 1),
                "maximum": datetime(LATEST_DAY.year, 12, 31),
                "input_title": word("form.date_title", lang),
                "input_message": word("form.date_input", lang).format(day=example),
                "error_title": word("form.date_title", lang),
                "error_message": word("form.date_error", lang).format(day=example),
            },
        )
        return
    text_format = (
        book.format(text_wrap=True, num_format="@", **fill) if name != "value" else book.format(**fill)
    )
    sheet.write_blank(row, column, None, text_format)
    if name == "value":
        sheet.data_validation(row, column, row, column, _value_rule(content.plan, asked.target, lang))


def _value_rule(plan: Plan, target: Target, lang: str) -> dict[str, Any]:
    """How a figure cell is checked as it is typed: a milestone from a list (nothing else); a number in the
    unit's range with a warning only, so that a bound a source states (>1000) can still be written."""
    if target.kind is Kind.MILESTONE:
        states = MILESTONE_CHOICES[lang if lang == "zh" else "en"]
        return {
            "validate": "list",
            "source": list(states),
            "input_title": word("form.milestone_title", lang),
            "input_message": word("form.milestone_input", lang),
            "error_title": word("form.milestone_title", lang),
            "error_message": word("form.milestone_error", lang),
        }
    unit = plan.unit_of(target)
    label = unit_name(unit.label(lang)) if unit is not None else ""
    low = unit.minimum if unit is not None and unit.minimum is not None else -(LARGEST - 1)
    high = unit.maximum if unit is not None and unit.maximum is not None else LARGEST - 1
    whole = unit is not None and unit.integer
    if unit is not None and unit.en == "%":
        error = "form.percent_error"
    elif whole and low == 0:
        error = "form.count_error"
    else:
        error = "form.number_error"
    return {
        "validate": "integer" if whole else "decimal",
        "criteria": "between",
        "minimum": low,
        "maximum": high,
        "error_type": "warning",
        "input_title": word("form.value_title", lang).format(unit=label)[:32],
        "input_message": word("form.value_input", lang),
        "error_title": word("form.value_check", lang),
        "error_message": word(error, lang).format(low=_plain(low), high=_plain(high)),
    }


# What a milestone's drop-down offers, done first: words `gdz import` reads (domain.values.MILESTONE_WORDS).
MILESTONE_CHOICES: Final = {"zh": ("已完成", "未完成"), "en": ("done", "not done")}


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --- CSV ----------------------------------------------------------------------------------------------------


def form_csv(content: FormContent, lang: str) -> bytes:
    """The form as CSV for a department that cannot use .xlsx: the same head rows and columns, the date cells
    filled with the period's last day; UTF-8 with the BOM Excel needs to read Chinese."""
    import csv

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = columns_of(content)
    writer.writerow([neutralise(_heading(content, lang))])
    writer.writerow([FORM_HEADS["owner"].in_lang(lang), neutralise(content.owner)])
    writer.writerow([FORM_HEADS["period"].in_lang(lang), period_label(content.period, lang)])
    writer.writerow([FORM_HEADS["due"].in_lang(lang), content.due.isoformat()])
    guide = word("form.csv_guide", lang).format(
        last=content.period.last_day.isoformat(), due=day_words(content.due, lang)
    )
    writer.writerow([guide])
    writer.writerow([FORM_COLUMNS[column].in_lang(lang) for column in columns])
    for asked in content.asked:
        cells = {**_cells(content, asked, lang), "date": content.period.last_day.isoformat()}
        writer.writerow([neutralise(cells.get(column, "")) for column in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
