"""The fill-in form's layout, shared by the writer (`output.template`) and the reader (`store.forms`): its
columns and the labels of the rows above them, in both languages. A form is recognised by its header, and read
by the names in it, never by the place of a column."""

from __future__ import annotations

from typing import Final

from .errors import Words

# Every column a form may have, in the order it has them: what the department reads, then what it fills in.
FORM_COLUMNS: Final[dict[str, Words]] = {
    "target": Words("Target id", "指标编号"),
    "title": Words("Target", "指标名称"),
    "role": Words("Role", "分工"),
    "goal": Words("Goal", "目标"),
    "deadline": Words("Deadline", "期限"),
    "previous": Words("Last figure", "上次数值"),
    "previous_date": Words("Its date", "上次数值日期"),
    "unit": Words("Unit", "单位"),
    "value": Words("Figure", "本期数值"),
    "date": Words("Date it describes", "数据日期"),
    "source": Words("Source", "数据来源"),
    "note": Words("Note", "备注"),
    "recorded_by": Words("Filled in by", "填报人"),
}
INPUT_COLUMNS: Final = ("value", "date", "source", "note", "recorded_by")  # the only cells a department fills
# What the reader takes from a filled-in row; the other columns are for reading only.
READ_COLUMNS: Final = ("target", "unit", *INPUT_COLUMNS)
# The columns that make a table a form: a form's header names all of them.
FORM_MARKS: Final = ("target", "title", "previous", "value", "date")

# The rows above the header: a label in one cell, its value in the next.
FORM_HEADS: Final[dict[str, Words]] = {
    "owner": Words("Owner", "责任单位"),
    "period": Words("Period", "报告期"),
    "due": Words("Due", "截止日期"),
}


def _key(text: str) -> str:
    return "".join(text.lower().split())


# Every label, in either language, as the column or row it names: a form written in one language and read
# back by gdz in the other is still a form.
COLUMN_LABELS: Final = {_key(label): name for name, words in FORM_COLUMNS.items() for label in words}
HEAD_LABELS: Final = {_key(label): name for name, words in FORM_HEADS.items() for label in words}


def label_key(text: str) -> str:
    """A cell's text as labels are compared: case and spaces do not matter."""
    return _key(text)


# Characters no file name may hold on Windows, macOS or Linux, and what stands in for them.
_UNSAFE_IN_NAMES: Final = str.maketrans(dict.fromkeys('/\\:*?"<>|', "_"))


def safe_file_name(text: str) -> str:
    """A name to put in a file name: characters a file system refuses, and control characters, as `_`."""
    cleaned = "".join("_" if not char.isprintable() else char for char in text).translate(_UNSAFE_IN_NAMES)
    return cleaned.strip(" .") or "_"
