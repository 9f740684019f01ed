"""`gdz import` takes what spreadsheets write: files made here the way Excel (on Chinese Windows) and LibreOffice
save them — GBK and UTF-16 text, short dates, thousands separators, percentages, Chinese headers, .xlsx with date
cells and a merged title row — and checks every cell of every row, all or nothing, never guessing."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from gdz_targets.store.records import new_record_id

from .conftest import FIXTURE_LOG, Gdz

WIDE = {"COLUMNS": "200"}


def _history(gdz: Gdz, target: str) -> str:
    """`history` of a target with runs of spaces made one, so a test reads the row, not the column widths."""
    text = gdz("history", target, env=WIDE).stdout
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def _rows(gdz: Gdz, target: str) -> list[str]:
    """The entries of a target as `history` lists them: date and where."""
    return [" ".join(line.split()[1:3]) for line in _history(gdz, target).splitlines()[2:] if line.strip()]


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- dates ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day", ["2025-04-30", "2025/4/30", "2025/04/30", "2025-4-30", "2025.4.30", "2025年4月30日"]
)
def test_every_way_a_spreadsheet_writes_a_day(gdz: Gdz, tmp_path: Path, fixture_env: Path, day: str) -> None:
    result = gdz("import", str(_csv(tmp_path, f"target,date,value\npass-rate,{day},78\n")))
    assert result.exit_code == 0, result
    assert "2025-04-30 Dongguan" in _history(gdz, "pass-rate")


def test_a_day_first_date_is_refused_with_the_reason(gdz: Gdz, tmp_path: Path, fixture_env: Path) -> None:
    path = _csv(tmp_path, "target,date,value\npass-rate,30/4/2025,78\npass-rate,5/4/2025,79\n")
    result = gdz("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f'gdz: {path}:2:2: "30/4/2025" puts the year last, so its day and month cannot be told apart; write the '
        "year first, as 2024-01-05 or 2024/1/5"
    )
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()


def test_a_file_never_offers_today(gdz: Gdz, tmp_path: Path, fixture_env: Path) -> None:
    result = gdz("import", str(_csv(tmp_path, "target,date,value\npass-rate,today,78\n")))
    assert "is not a date; write it as 2024-01-05 or 2024/1/5" in result.stderr


# --- numbers ------------------------------------------------------------------------------------------------------


def test_thousands_separators_percentages_and_full_width_figures(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    path = _csv(tmp_path, 'target,date,value\nnew-services,2024-11-30,"1,050"\npass-rate,2025-04-30,42%\n'
                          "approval-cut,2025-06-01,３６．５\n")  # fmt: skip
    assert gdz("import", str(path)).exit_code == 0
    assert _rows(gdz, "new-services")[-1] == "2024-11-30 Dongguan"
    history = gdz("history", "--since", "2024-11-30", env=WIDE).stdout
    assert "1050 items" in history and "42%" in history and "36.5%" in history


def test_a_percent_sign_on_a_count_and_an_ambiguous_separator_are_refused(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    path = _csv(tmp_path, 'target,date,value\nnew-services,2024-11-30,42%\nnew-services,2024-11-30,"1,05"\n')
    result = gdz("import", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert (
        lines[0].startswith(f"gdz: {path}:2:3:")
        and '"42%": the target is measured in items; write the figure in items' in lines[0]
    )
    assert lines[1].startswith(f"gdz: {path}:3:3:") and "write digits without separators" in lines[1]


# --- encodings and layouts ----------------------------------------------------------------------------------------


def test_a_gbk_file_with_chinese_headers_and_short_dates(gdz: Gdz, tmp_path: Path, fixture_env: Path) -> None:
    """What Excel on Chinese Windows saves as "CSV (逗号分隔)"."""
    text = "指标,日期,数值,城市,备注,来源,记录人\r\npass-rate,2025/4/30,78,东莞,月报,市政数局,王五\r\n"
    path = _csv(tmp_path, text, "gbk")
    result = gdz("import", str(path))
    assert result.exit_code == 0, result
    assert (
        result.stdout == "note: read as GB18030 text (not UTF-8)\nimported 1 entry (0 already in the log)\n"
    )
    assert "月报 · 市政数局" in gdz("history", "pass-rate", env=WIDE).stdout


def test_utf8_with_a_bom_and_utf16_tab_separated(gdz: Gdz, tmp_path: Path, fixture_env: Path) -> None:
    bom = _csv(tmp_path, "\ufefftarget,date,value\npass-rate,2025-04-30,78\n", name="bom.csv")
    assert gdz("import", str(bom)).stdout == "imported 1 entry (0 already in the log)\n"
    unicode_text = "目标\t日期\t值\r\npass-rate\t2025/5/1\t79\r\n"  # Excel's "Unicode text"
    utf16 = tmp_path / "unicode.txt"
    utf16.write_bytes(b"\xff\xfe" + unicode_text.encode("utf-16-le"))
    result = gdz("import", str(utf16))
    assert result.exit_code == 0, result
    assert "read as UTF-16" in result.stdout
    assert "2025-05-01 Dongguan" in _history(gdz, "pass-rate")


def test_semicolons_are_read_and_said_when_nothing_fits(gdz: Gdz, tmp_path: Path, fixture_env: Path) -> None:
    assert gdz("import", str(_csv(tmp_path, "target;date;value\npass-rate;2025-04-30;78\n"))).exit_code == 0
    odd = _csv(tmp_path, "what;when;how much\nx;y;z\n", name="odd.csv")
    result = gdz("import", str(odd))
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[0]
        == (
            f"gdz: {odd}:1: no header naming target, date and value, and the first row is not one (read with a "
            "semicolon as the separator); add a header row (target,date,value — or 指标,日期,数值)"
        )
        or "unknown" in result.stderr
    )


def test_text_that_is_no_encoding_is_refused_with_the_fix(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"target,date,value\npass-rate,2025-04-30,\xff\xfe\xfd\x80\n")
    result = gdz("import", str(path))
    assert result.exit_code == 2 and "in Excel: Save As, CSV UTF-8, or import the .xlsx" in result.stderr


# --- headers ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["target,date,value", "Target, Date , VALUE", "目标,日期,数值", "指标,日期,值", "指标代码,数据日期,完成值",
     "target id,as of,figure"],
)  # fmt: skip
def test_header_names_in_english_and_chinese(
    gdz: Gdz, tmp_path: Path, fixture_env: Path, header: str
) -> None:
    result = gdz("import", str(_csv(tmp_path, f"{header}\npass-rate,2025-04-30,78\n")))
    assert result.exit_code == 0, result


def test_an_unknown_column_and_a_mistaken_export_are_named(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    unknown = _csv(tmp_path, "target,date,value,colour\npass-rate,2025-04-30,78,red\n")
    result = gdz("import", str(unknown))
    assert result.exit_code == 2 and result.stderr.startswith(f'gdz: {unknown}:1:4: unknown column "colour"')
    status = tmp_path / "status.csv"
    status.write_bytes(gdz("export", "status").stdout_bytes)
    mistaken = gdz("import", str(status))
    assert mistaken.exit_code == 2
    assert mistaken.stderr == (
        f"gdz: {status} is a status report (gdz export status), not entries; import reads what `gdz export "
        "entries` writes, or rows of target, date, value\n"
    )
    targets = tmp_path / "targets.csv"
    targets.write_bytes(gdz("export", "targets").stdout_bytes)
    assert "is the list of targets (gdz export targets)" in gdz("import", str(targets)).stderr


# --- spreadsheets -------------------------------------------------------------------------------------------------


def _workbook(
    path: Path, rows: list[list[object]], title: str | None = "东莞市 2025 年报送", sheet: str = "报送"
) -> Path:
    book = openpyxl.Workbook()
    sheet_ = book.active
    sheet_.title = sheet
    if title:
        sheet_.merge_cells("A1:D1")
        sheet_["A1"] = title
        sheet_.append([])
    for row in rows:
        sheet_.append(row)
    book.save(path)
    return path


def test_an_xlsx_with_date_cells_serials_and_a_merged_title_row(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    path = _workbook(tmp_path / "报送.xlsx", [
        ["指标", "日期", "数值", "备注"],
        ["pass-rate", dt.date(2025, 4, 30), 78, "月报"],
        ["approval-cut", dt.datetime(2025, 6, 1), 0.1 + 0.2 + 40, None],
        ["new-services", 45657, 70, "a date stored as its serial number"],
        ["hotline", "2025/6/1", "完成", None],
    ])  # fmt: skip
    result = gdz("import", str(path))
    assert result.exit_code == 0, result
    assert result.stdout == "note: read the sheet “报送”\nimported 4 entries (0 already in the log)\n"
    history = gdz("history", "--since", "2024-12-31", env=WIDE).stdout
    assert "2025-04-30   pass-rate" in history and "40.3%" in history  # no float noise from 0.1 + 0.2
    assert "2024-12-31   new-services" in history  # serial 45657 is 2024-12-31
    assert "2025-06-01   hotline" in history and "done" in history


def test_a_sheet_is_chosen_by_name(gdz: Gdz, tmp_path: Path, fixture_env: Path) -> None:
    path = _workbook(tmp_path / "two.xlsx", [["target", "date", "value"], ["pass-rate", dt.date(2025, 4, 30), 78]],
                     title=None, sheet="Q1")  # fmt: skip
    book = openpyxl.load_workbook(path)
    second = book.create_sheet("Q2")
    second.append(["target", "date", "value"])
    second.append(["pass-rate", dt.date(2025, 5, 30), 80])
    book.save(path)
    assert gdz("import", str(path), "--sheet", "Q2").exit_code == 0
    assert "2025-05-30" in gdz("history", "pass-rate", env=WIDE).stdout
    missing = gdz("import", str(path), "--sheet", "Q3")
    assert (missing.exit_code, missing.stderr) == (
        2,
        f'gdz: {path} has no sheet "Q3"; its sheets are Q1、Q2\n',
    )


def test_every_problem_of_every_row_at_its_cell(gdz: Gdz, tmp_path: Path, fixture_env: Path) -> None:
    path = _workbook(tmp_path / "bad.xlsx", [
        ["指标", "日期", "数值", "城市"],
        ["pass-rat", "30/4/2025", "lots", "佛山"],
        ["pass-rate", dt.date(2025, 4, 30), 178, None],
    ])  # fmt: skip
    result = gdz("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [  # even a value of an unknown target is read
        f"gdz: {path} 报送!A4: unknown target \"pass-rat\"; did you mean 'pass-rate'?",
        f'gdz: {path} 报送!B4: "30/4/2025" puts the year last, so its day and month cannot be told apart; write '
        "the year first, as 2024-01-05 or 2024/1/5",
        f'gdz: {path} 报送!C4: "lots" is neither a number nor a milestone state (done, not-done)',
        f'gdz: {path} 报送!D4: "佛山" is not a city gdz tracks; use dongguan, guangzhou or shenzhen (or dg, gz, sz)',
        f"gdz: {path} 报送!C5: 178 is above the largest possible value, 100%",
        f"gdz: {path}: 5 problems; nothing was imported. Fix the file and import again",
    ]
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()


def test_a_row_with_cells_to_spare_or_empty_ones_is_named_and_the_rest_still_read(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    path = _csv(
        tmp_path, "target,date,value\npass-rate,2025-05-01,80,extra\npass-rate,2025-05-02,abc\npass-rate,,\n"
    )
    result = gdz("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:4] == [
        f"gdz: {path}:2:4: the row has 4 cells but the table has 3 columns; remove the extra cells or name their "
        "column",
        f'gdz: {path}:3:3: "abc" is not a number; write a plain number like 1020 or 85.5',
        f"gdz: {path}:4:2: empty date",
        f"gdz: {path}:4:3: empty value",
    ]
    book = _workbook(
        tmp_path / "empty.xlsx", [["指标", "日期", "数值"], ["pass-rate", dt.date(2025, 5, 1), None]]
    )
    assert gdz("import", str(book)).stderr.splitlines()[0] == f"gdz: {book} 报送!C4: empty value"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_legacy_and_open_document_spreadsheets(
    gdz: Gdz, tmp_path: Path, fixture_env: Path, suffix: str
) -> None:
    xlsx = _workbook(
        tmp_path / "sent.xlsx", [["指标", "日期", "数值"], ["pass-rate", dt.date(2025, 4, 30), 78]]
    )
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", suffix,
                    "--outdir", str(tmp_path), str(xlsx)], check=True, capture_output=True, timeout=120)  # fmt: skip
    result = gdz("import", str(tmp_path / f"sent.{suffix}"))
    assert result.exit_code == 0, result
    assert "2025-04-30" in gdz("history", "pass-rate", env=WIDE).stdout


# --- all or nothing, in order, and nothing twice -------------------------------------------------------------


def test_the_rows_order_decides_and_a_clash_on_one_day_is_refused(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    agree = _csv(
        tmp_path, "target,date,value\nwait-days,2025-05-31,10\nwait-days,2025-05-31,10\n", name="a.csv"
    )
    result = gdz("import", str(agree))
    # The repeat is one figure, and said to repeat the file: the log held nothing of it.
    assert (
        result.stdout == "imported 1 entry (0 already in the log, 1 repeating an earlier row of the file)\n"
    )
    assert gdz("import", str(agree)).stdout == "imported 0 entries (2 already in the log)\n"
    clash = _csv(
        tmp_path, "target,date,value\nwait-days,2025-06-01,9\nwait-days,2025-06-01,8\n", name="c.csv"
    )
    refused = gdz("import", str(clash))
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[0] == (
        f"gdz: {clash}:3: another figure for wait-days on the same day and city is in row 2; keep the right one"
    )


def test_ids_made_in_one_process_strictly_increase() -> None:
    ids = [new_record_id(now_ns=1_700_000_000_000_000_000) for _ in range(1000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_a_dry_run_lists_what_it_would_add_and_skip(gdz: Gdz, tmp_path: Path, fixture_env: Path) -> None:
    path = _csv(tmp_path, "target,date,value\npass-rate,2025-03-31,75\npass-rate,2025-04-30,78\n")
    result = gdz("import", str(path), "--dry-run", env=WIDE)
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.stdout.splitlines() if not line.startswith("─")]
    # A row to add has no id yet; the row already logged (with a source the file leaves out) shows its id.
    assert lines[:3] == [
        "would add:",
        "date target city value by",  # an empty column is left out
        "2025-04-30 pass-rate Dongguan 78% tester",
    ]
    assert lines[3:6] == [
        "already in the log, skipped:",
        "id date target city value by note · source",
        "EBB8CJ6M 2025-03-31 pass-rate Dongguan 75% wang Q1 report",
    ]
    assert lines[-1] == "would import 1 entry (1 already in the log); nothing was written"
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()


def test_exported_entries_import_into_the_same_log_as_nothing_new(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    for args, name in ((("--lang", "en"), "en.csv"), (("--lang", "zh"), "zh.csv")):
        path = tmp_path / name
        assert gdz("export", "entries", "-o", str(path), *args).exit_code == 0
        result = gdz("import", str(path))
        assert result.exit_code == 0, result
        assert (
            result.stdout == "imported 0 entries (11 already in the log)\n"
        )  # the voided entry is not exported
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()


def test_progress_shows_only_on_a_terminal_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from gdz_targets.output import stream

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for terminal, delay, shown in (
        (Terminal(), 0.0, True),
        (io.StringIO(), 0.0, False),
        (Terminal(), 60.0, False),
    ):
        monkeypatch.setattr("sys.stderr", terminal)
        monkeypatch.setattr(stream.Progress, "DELAY", delay)
        progress = stream.Progress("importing")
        progress(50_000, 100_000)
        progress.done()
        assert ("50,000/100,000" in terminal.getvalue()) == shown


# --- what a hostile file could do -------------------------------------------------------------------------------


def test_a_time_offset_with_seconds_is_refused_not_written(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    path = _csv(
        tmp_path, "target,date,value,recorded_at\npass-rate,2025-04-30,78,2025-05-01T10:00:00+05:30:15\n"
    )
    result = gdz("import", str(path))
    assert result.exit_code == 2 and result.stderr.startswith(f"gdz: {path}:2:4: recorded_at ")
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()  # the log could not have read it back


def test_one_id_twice_with_other_content_and_a_column_twice_are_refused(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    record_id = new_record_id()
    twice = _csv(
        tmp_path,
        f"id,target,date,value\n{record_id},pass-rate,2025-04-30,78\n{record_id},pass-rate,2025-05-31,79\n",
    )
    result = gdz("import", str(twice))
    assert result.exit_code == 2
    assert f"gdz: {twice}:3:1: entry {record_id} is also in row 2 with other content" in result.stderr
    column = _csv(tmp_path, "target,date,value,数值\npass-rate,2025-04-30,78,5\n", name="column.csv")
    result = gdz("import", str(column))
    assert result.stderr.startswith(
        f'gdz: {column}:1:4: the column "数值" is also column 3; keep one of the two'
    )
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()


@pytest.mark.parametrize("name", ["ev\x1b[31mil", "a\nb", "\u202eevil"])
def test_a_name_with_a_control_character_is_refused_at_its_cell(
    gdz: Gdz, tmp_path: Path, fixture_env: Path, name: str
) -> None:
    quoted = '"' + name + '"'
    path = _csv(tmp_path, f"target,date,value,recorded_by\npass-rate,2025-04-30,78,{quoted}\n")
    result = gdz("import", str(path))
    assert result.exit_code == 2 and f"{path}:2:4: recorded_by holds a control character" in result.stderr
    assert gdz("log", "pass-rate", "78", "--by", name).exit_code == 2
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()


def test_imports_running_at_once_add_each_row_once(tmp_path: Path, fixture_env: Path) -> None:
    path = _csv(
        tmp_path,
        "target,date,value\n" + "".join(f"pass-rate,2025-05-{day:02},{day}\n" for day in range(1, 21)),
    )
    env = {**os.environ, "GDZ_LOCK_TIMEOUT": "60"}
    runs = [subprocess.Popen([sys.executable, "-m", "gdz_targets", "import", str(path)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(4)]  # fmt: skip
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr
    logged = [
        line
        for line in fixture_env.read_text(encoding="utf-8").splitlines()
        if 'pass-rate", city = "dongguan", date = 2025-05-' in line
    ]
    assert len(logged) == 20


def test_a_long_list_of_problems_is_cut_on_a_terminal_only(
    gdz: Gdz, tmp_path: Path, fixture_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _csv(tmp_path, "target,date,value\n" + "nothing,2025-05-01,1\n" * 100)
    whole = gdz("import", str(path)).stderr.splitlines()
    assert (
        len(whole) == 101
        and whole[-1] == f"gdz: {path}: 100 problems; nothing was imported. Fix the file and import again"
    )
    monkeypatch.setattr("gdz_targets.output.stream.stderr_is_terminal", lambda: True)
    cut = gdz("import", str(path)).stderr.splitlines()
    assert cut[:40] == whole[:40] and cut[40:] == [
        "gdz: … and 60 more; send the errors to a file to see every one: `2> problems.txt`",
        whole[-1],
    ]


def test_a_cell_shown_as_a_percentage_is_read_as_it_shows(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "日期", "数值"])
    for day, value, shown in (
        ("2025-04-30", 0.78, "0%"),
        ("2025-05-31", 0.795, "0.0%"),
        ("2025-06-15", 80, '0"%"'),
    ):
        sheet.append(["pass-rate", day, value])
        sheet.cell(sheet.max_row, 3).number_format = shown  # 78%, 79.5%, and 80 with a % sign as text
    path = tmp_path / "rates.xlsx"
    book.save(path)
    assert gdz("import", str(path)).exit_code == 0
    history = _history(gdz, "pass-rate")
    assert "2025-04-30 Dongguan 78%" in history and "2025-05-31 Dongguan 79.5%" in history
    assert "2025-06-15 Dongguan 80%" in history


@pytest.mark.parametrize(
    "target", ["worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml"]
)
def test_a_percentage_is_read_whatever_way_the_workbook_names_its_sheet(tmp_path: Path, target: str) -> None:
    """A sheet's part named from `xl/`, from the package's root, or absolute, as programs write them."""
    import zipfile

    from gdz_targets.store.tables import percent_cells

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "数据"
    sheet.append(["pass-rate", "2025-04-30", 0.78])
    sheet.cell(1, 3).number_format = "0%"
    path = tmp_path / "rates.xlsx"
    book.save(path)
    renamed = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(renamed, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = re.sub(rb'Target="[^"]*sheet1.xml"', f'Target="{target}"'.encode(), data)
            copy.writestr(item, data)
    assert percent_cells(renamed.getvalue(), "数据") == frozenset({(1, 3)})


def test_a_fraction_whose_format_is_unknown_is_not_guessed() -> None:
    from gdz_targets.domain.values import ValueRefused
    from gdz_targets.store.cells import cell_figure
    from gdz_targets.store.plan_file import load_plan

    from .conftest import FIXTURE_PLAN

    plan = load_plan(FIXTURE_PLAN)
    rate, items = plan.units["percent"], plan.units["items"]
    with pytest.raises(ValueRefused):
        cell_figure(0.95, rate, False, None)  # an .ods or .xls: 95% or 0.95%?
    assert cell_figure(95.0, rate, False, None) == (95, None) and cell_figure(0.95, rate, False, True) == (
        95,
        None,
    )
    with pytest.raises(ValueRefused):
        cell_figure(0.5, items, False, True)  # a percentage in a count of items


def test_a_status_workbook_given_as_entries_is_named(gdz: Gdz, tmp_path: Path, fixture_env: Path) -> None:
    workbook = tmp_path / "status.xlsx"
    assert gdz("export", "status", "-o", str(workbook)).exit_code == 0
    result = gdz("import", str(workbook))
    assert result.exit_code == 2 and "status" in result.stderr and "gdz export entries" in result.stderr


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_before_it_is_read(
    gdz: Gdz, tmp_path: Path, fixture_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from gdz_targets.store import sheet_limits

    monkeypatch.setattr(sheet_limits, "UNPACKED_LIMIT", 1 << 20)  # the same rule at a size a test can build
    book = _workbook(tmp_path / "bomb.xlsx", [["target", "date", "value"], ["pass-rate", "2025-05-01", 80]])
    with zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED) as packed:
        packed.writestr("xl/padding.xml", b" " * (2 << 20))  # 2 MiB of spaces: a few KiB packed
    result = gdz("import", str(book))
    assert result.exit_code == 2 and "bomb.xlsx unpacks to 2 MiB, more than the 1 MiB" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_cell_under_a_column_without_a_name_is_refused_not_dropped(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    path = _csv(tmp_path, "target,date,value,\npass-rate,2025-05-01,80,stray note\nnope,2025-05-02,1e20\n")
    result = gdz("import", str(path))
    assert result.exit_code == 2 and result.stderr.splitlines()[:3] == [
        f"gdz: {path}:2:4: a cell under a column with no name; name the column (note, source, …) or remove the cell",
        f'gdz: {path}:3:1: unknown target "nope"; `gdz targets` lists them',
        f'gdz: {path}:3:3: "1e20" is not a number; write the digits out, like 0.001',  # a number's own reason
    ]
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes()


def test_one_figure_from_two_sources_is_two_entries_as_gdz_log_records_it(
    gdz: Gdz, tmp_path: Path, fixture_env: Path
) -> None:
    text = "target,date,value,source\nwait-days,2025-05-01,9,区报送\nwait-days,2025-05-01,9,市通报\nwait-days,2025-05-01,9,市通报\n"
    path = _csv(tmp_path, text)
    first = gdz("import", str(path))
    assert (
        first.stdout == "imported 2 entries (0 already in the log, 1 repeating an earlier row of the file)\n"
    )
    assert gdz("import", str(path)).stdout == "imported 0 entries (3 already in the log)\n"
