""".xlsx workbooks, read back as Excel and LibreOffice read them: a cover sheet, real numbers with their units
as number formats, real dates, words for codes and milestones, frozen header, filters, widths, colours — and
the round trip of entries through .xlsx and CSV in both languages back into the log they came from."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from .conftest import FIXTURE_LOG, Gdz


def _book(gdz: Gdz, tmp_path: Path, what: str, *args: str) -> openpyxl.Workbook:
    path = tmp_path / f"{what}{'-'.join(args)}.xlsx"
    result = gdz("export", what, "-o", str(path), *args)
    assert result.exit_code == 0, result
    return openpyxl.load_workbook(path)


def _rows(sheet: Worksheet) -> list[dict[str, object]]:
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def _cells(sheet: Worksheet, key: str, column: str) -> dict[str, openpyxl.cell.Cell]:
    header = [cell.value for cell in sheet[1]]
    keys, wanted = header.index(key), header.index(column)
    return {str(row[keys].value): row[wanted] for row in sheet.iter_rows(min_row=2)}


def test_a_status_workbook_has_a_cover_a_sheet_to_read_and_every_field(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    book = _book(gdz, tmp_path, "status", "--lang", "en")
    assert book.sheetnames == ["Summary", "Targets", "All fields"]
    cover = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    assert cover["Test plan (invented)"] is None  # the title, alone on its line
    assert cover["as of"] == dt.datetime(2025, 6, 30)
    assert cover["Coverage"] == "7 of 8 targets have data"
    assert cover["Score, whole plan (no data counts as 0)"] == 43  # rounded down, as on the screen
    assert cover["1 Government services"] == 48 and cover["2 Project services"] == 37
    assert cover["How the score is formed"] is None and cover["Sources"] is None
    assert (
        cover["Past due"] == "New shared services, Credit files"
    )  # by short title, as the screen names them
    assert cover["Stale"].startswith("Done in one visit (2025-03-31), New shared services (2024-10-31)")
    targets = book["Targets"]
    assert targets.freeze_panes == "A2" and targets.auto_filter.ref.startswith("A1:")
    assert [cell.value for cell in targets[1]] == ["Area", "Target id", "Title", "Now", "Now, as of", "Target",
                                                    "Deadline", "Guangzhou", "Shenzhen", "Score", "Status"]  # fmt: skip
    assert _cells(targets, "Target id", "Status")["hotline"].value == "met"  # a reader's words, not codes
    every = book["All fields"]
    assert (
        every["A1"].value == "Target id" and every["B1"].value == "As of" and len(every[1]) > len(targets[1])
    )


def test_the_summary_counts_the_targets_overdue_with_no_data(
    gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gdz_targets.app.report import status
    from gdz_targets.app.session import Session
    from gdz_targets.output.drawing import Label
    from gdz_targets.output.summary import summary_picture

    monkeypatch.setenv(
        "GDZ_TODAY", "2026-11-30"
    )  # the shipped plan, nothing logged: every deadline has passed
    cover = {
        row[0]: row[1]
        for row in _book(gdz, tmp_path, "status", "--lang", "zh")["概览"].iter_rows(values_only=True)
    }
    report = status(Session())
    count = sum(row.past_deadline for row in report.plan_rows)
    # Nothing shows they were done: counted as late, and said so, in the workbook and in the picture.
    assert count > 5 and cover["已过期限"].startswith(f"{count} 项无数据:12345办理解决率、")
    labels = [shape.text for shape in summary_picture(report, "en").shapes if isinstance(shape, Label)]
    late = next(text for text in labels if text.startswith("Past due"))
    assert late.startswith(f"Past due: {count} without data: 12345 resolution rate, ")


def test_numbers_are_numbers_in_their_unit_and_dates_are_dates(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    for lang, units in (("en", {"pass-rate": "0%", "wait-days": '" days"', "space-started": '"×10k m²"'}),
                        ("zh", {"pass-rate": "0%", "wait-days": '"天"', "space-started": '"万平方米"'})):  # fmt: skip
        sheet = _book(gdz, tmp_path, "status", "--lang", lang)["Targets" if lang == "en" else "指标"]
        key, column = ("Target id", "Now") if lang == "en" else ("指标", "最新值")
        current = _cells(sheet, key, column)
        for target, suffix in units.items():
            assert isinstance(current[target].value, int | float), (target, current[target].value)
            assert current[target].number_format.endswith(suffix), current[target].number_format
        assert current["space-started"].value == 400.5 and current["space-started"].number_format.startswith(
            "0.0"
        )
        dates = _cells(sheet, key, "Now, as of" if lang == "en" else "最新值日期")
        assert (
            dates["pass-rate"].value == dt.datetime(2025, 3, 31)
            and dates["pass-rate"].number_format == "yyyy-mm-dd"
        )
        assert current["hotline"].value == ("done" if lang == "en" else "已完成")  # a milestone: words
        asked = _cells(sheet, key, "Target" if lang == "en" else "目标值")
        assert asked["hotline"].value == ("required" if lang == "en" else "须完成")  # as the screen says
        assert current["pass-rate"].value == 0.75  # Excel's percentage: 75% is 0.75, for formulas and pivots
    shenzhen = _cells(_book(gdz, tmp_path, "status", "--lang", "en")["Targets"], "Target id", "Shenzhen")
    assert shenzhen["pass-rate"].value == 0.85 and shenzhen["pass-rate"].number_format == '">"0%'  # >85%
    assert shenzhen["space-started"].number_format.startswith('"≈"')  # a related measure


def test_status_cells_are_coloured_and_columns_sized_by_display_width(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    sheet = _book(gdz, tmp_path, "status", "--lang", "zh")["指标"]
    status = _cells(sheet, "指标", "状态")
    assert status["hotline"].value == "已达成" and status["hotline"].fill.fgColor.rgb.endswith("C6EFCE")
    assert status["new-services"].value == "已逾期" and status["new-services"].fill.fgColor.rgb.endswith(
        "FFC7CE"
    )
    header = [cell.value for cell in sheet[1]]
    title = openpyxl.utils.get_column_letter(header.index("名称") + 1)
    kind = openpyxl.utils.get_column_letter(header.index("得分") + 1)
    # 启动产业空间 is 6 Chinese characters, 12 cells wide: its column is sized for that, not for 6 letters.
    assert sheet.column_dimensions[title].width >= 14 and sheet.column_dimensions[kind].width < 12


def test_text_that_looks_like_a_formula_stays_text(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    gdz("log", "pass-rate", "61", "--date", "2025-05-01", "--note", '=HYPERLINK("http://x")')
    sheet = _book(gdz, tmp_path, "entries")["Entries"]
    notes = [cell for cell in _cells(sheet, "Id", "Note").values() if cell.value]
    formula = next(cell for cell in notes if "HYPERLINK" in str(cell.value))
    assert formula.data_type == "s" and formula.value == '\'=HYPERLINK("http://x")'


@pytest.mark.parametrize("args", [("-o", "{tmp}/e.xlsx", "--lang", "zh"), ("-o", "{tmp}/e.xlsx", "--lang", "en"),
                                  ("-o", "{tmp}/e.csv", "--lang", "zh"), ("-o", "{tmp}/e.csv", "--codes")])  # fmt: skip
def test_exported_entries_import_into_their_log_as_nothing_new(
    gdz: Gdz, fixture_env: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    filled = [arg.format(tmp=tmp_path) for arg in args]
    assert gdz("export", "entries", *filled).exit_code == 0
    result = gdz("import", filled[1])
    assert result.exit_code == 0, result
    assert result.stdout.endswith(
        "imported 0 entries (11 already in the log)\n"
    )  # the voided one is not exported
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()


def test_a_workbook_is_not_printed_on_a_terminal(
    gdz: Gdz, fixture_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gdz_targets.output.stream.stdout_is_terminal", lambda: True)
    result = gdz("export", "status", "-f", "xlsx")
    assert result.exit_code == 2 and "xlsx is for a file, not the terminal" in result.stderr


def test_libreoffice_shows_numbers_as_numbers_and_dates_as_dates(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui): the workbook is not "
                    "opened in it here")  # fmt: skip
    path = tmp_path / "report.xlsx"
    assert gdz("export", "status", "-o", str(path), "--lang", "zh").exit_code == 0
    # Every sheet as the text LibreOffice shows in its cells (formatted), one CSV per sheet.
    options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", options,
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180,
                   env={**os.environ, "LANG": "C.UTF-8"})  # fmt: skip  # sheet names in file names need UTF-8
    shown = {
        row["指标"]: row
        for row in csv.DictReader(io.StringIO((tmp_path / "report-指标.csv").read_text("utf-8")))
    }
    assert shown["pass-rate"]["最新值"] == "75%" and shown["pass-rate"]["深圳"] == ">85%"
    assert (
        shown["space-started"]["最新值"] == "400.5万平方米"
        and shown["space-started"]["深圳"] == "≈2000万平方米"
    )
    assert shown["pass-rate"]["最新值日期"] == "2025-03-31" and shown["hotline"]["最新值"] == "已完成"
    assert shown["tier"]["最新值"] == "2档"
