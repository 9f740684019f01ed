"""Fill-in forms (`gdz export template`): written per owner as a department reads them (instructions first,
locked reference cells, unlocked validated input cells, a frozen header), as CSV too, never over a form sent
back; and read back by `gdz import` — filled in by hand, re-saved by LibreOffice, or as CSV from Excel — with
every bad cell named and nothing written, empty rows passed over, and the form's owner and period said.

The department names are real names used as examples; every figure typed here is invented for the test."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from .conftest import FIXTURE_LOG, Gdz
from .test_round import OWNERS_TOML

FOLDER = "营商环境指标填报-2025年5月"
FORM = "市政务服务数据管理局-2025年5月-营商环境指标填报.xlsx"


@pytest.fixture
def workspace(fixture_env: Path) -> Path:
    settings = Path("gdz.toml")
    settings.write_text(f'log = "progress.toml"\n{OWNERS_TOML}', encoding="utf-8")
    return settings


def _forms(gdz: Gdz, *args: str) -> Path:
    result = gdz("export", "template", "--lang", "zh", *args)
    assert result.exit_code == 0, result
    return Path(FOLDER)


def _header(sheet: Any) -> dict[str, int]:
    """The form's columns by their header, found as gdz finds them (below the rows that name the form)."""
    for row in sheet.iter_rows(min_row=1, max_row=10):
        names = {cell.value: cell.column for cell in row if cell.value}
        if "本期数值" in names or "Figure" in names:
            return {**names, "_row": row[0].row}
    raise AssertionError("no header")


def fill(path: Path, values: dict[str, dict[str, object]], saved: Path) -> Path:
    """A department's filling in: `values` by target id, then by column header."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[1]
    header = _header(sheet)
    for row in sheet.iter_rows(min_row=header["_row"] + 1):
        for column, value in values.get(str(row[0].value), {}).items():
            sheet.cell(row[0].row, header[column]).value = value
    book.save(saved)
    return saved


# --- the forms written ---------------------------------------------------------------------------------------


def test_each_owner_gets_a_form_in_a_folder_named_after_the_period(gdz: Gdz, workspace: Path) -> None:
    result = gdz("export", "template", "--lang", "zh")
    assert result.exit_code == 0, result
    folder = Path(FOLDER)
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        f"{name}-2025年5月-营商环境指标填报.xlsx" for name in ("市政务服务数据管理局", "市市场监管局", "市自然资源局",
                                                            "市工业和信息化局")
    )  # fmt: skip
    assert f"已写入 {FOLDER}/{FORM}(市政务服务数据管理局,3 项指标)" in result.stdout
    assert result.stdout.splitlines()[-1].startswith(
        f"已在 {FOLDER} 生成2025年5月填报表 4 份,截止 2025-06-05"
    )
    june = gdz("export", "template", "--period", "2025-06", "--owner", "工业", "--lang", "en")
    assert june.stdout.startswith(
        "wrote 市工业和信息化局-2025-06-return-form.xlsx (市工业和信息化局, 1 targets)"
    )
    workspace.write_text('[owners]\n"市自然资源局" = ["hotline"]\n', encoding="utf-8")
    nothing = gdz("export", "template", "--period", "2025-06")
    assert nothing.stdout == "市自然资源局: nothing is asked for June 2025; no form written\n"


def test_the_form_reads_as_a_department_needs_it(gdz: Gdz, workspace: Path) -> None:
    book = openpyxl.load_workbook(_forms(gdz) / FORM)
    assert book.sheetnames == ["填报说明", "填报表"]
    guide = "\n".join(
        str(cell) for row in book["填报说明"].iter_rows(values_only=True) for cell in row if cell
    )
    for said in ("市政务服务数据管理局 · 2025年5月营商环境指标填报表", "2025年5月(2025-05-01 至 2025-05-31)",
                 "请于2025年6月5日前报送", "共 3 项:牵头 3 项,配合 0 项", "灰色单元格为参考信息",
                 "已预填为报告期最后一天(2025-05-31)", "整行留空", "于2025年6月5日前发回", "市营商环境改革办(示例)"):  # fmt: skip
        assert said in guide, said
    sheet = book["填报表"]
    header = _header(sheet)
    assert [sheet.cell(row, 1).value for row in (2, 3)] == ["责任单位", "报告期"]
    assert [sheet.cell(row, 2).value for row in (2, 3, 4)] == [
        "市政务服务数据管理局",
        "2025年5月",
        dt.datetime(2025, 6, 5),
    ]
    assert list(header)[:-1] == ["指标编号", "指标名称", "目标", "期限", "上次数值", "上次数值日期", "单位", "本期数值",
                                 "数据日期", "数据来源", "备注", "填报人"]  # fmt: skip
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=header["_row"] + 1)}
    assert list(rows) == ["pass-rate", "wait-days", "new-services"]
    pass_rate = {name: rows["pass-rate"][column - 1] for name, column in header.items() if name != "_row"}
    assert (pass_rate["指标名称"].value, pass_rate["目标"].value, pass_rate["期限"].value) == (
        "一次办成率",
        "90%",
        "2025-12-31",
    )
    assert (pass_rate["上次数值"].value, pass_rate["上次数值日期"].value, pass_rate["单位"].value) == (
        "75%",
        "2025-03-31",
        "%",
    )
    assert pass_rate["数据日期"].value == dt.datetime(
        2025, 5, 31
    )  # the period's end, to be changed if need be
    # What to read is locked; the five cells to fill in are not; the sheet is protected without a password.
    assert sheet.protection.sheet and not sheet.protection.password
    assert [
        pass_rate[name].protection.locked for name in ("本期数值", "数据日期", "数据来源", "备注", "填报人")
    ] == [False] * 5
    assert all(pass_rate[name].protection.locked for name in ("指标编号", "指标名称", "目标", "上次数值"))
    assert sheet.freeze_panes == f"C{header['_row'] + 1}"  # the header, the id and the title stay in view
    assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage


def test_the_cells_to_fill_in_are_validated_where_it_helps(gdz: Gdz, workspace: Path) -> None:
    folder = _forms(gdz)

    def rules(name: str) -> dict[str, Any]:
        sheet = openpyxl.load_workbook(folder / f"{name}-2025年5月-营商环境指标填报.xlsx")["填报表"]
        return {str(rule.sqref): rule for rule in sheet.data_validations.dataValidation}

    hotline = rules("市工业和信息化局")["H7"]
    assert (hotline.type, hotline.formula1) == ("list", '"已完成,未完成"')
    assert hotline.errorStyle in (None, "stop")  # nothing else can be chosen (stop is the default)
    found = rules("市政务服务数据管理局")
    pass_rate, wait, new = found["H7"], found["H8"], found["H9"]
    assert (pass_rate.type, pass_rate.formula1, pass_rate.formula2) == ("decimal", "0", "100")
    assert pass_rate.errorStyle == "warning"  # a bound a source states (>90) can still be written
    assert (wait.type, new.type, new.formula1) == ("decimal", "whole", "0")  # a count: a whole number ≥ 0
    dates = found["I7"]
    assert dates.type == "date" and dates.errorStyle in (None, "stop")


def test_a_csv_form_for_a_department_without_xlsx(gdz: Gdz, workspace: Path) -> None:
    result = gdz("export", "template", "--owner", "政数", "-f", "csv", "-o", "-", "--lang", "zh")
    assert result.exit_code == 0, result
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert rows[:4] == [["市政务服务数据管理局 · 2025年5月营商环境指标填报表"], ["责任单位", "市政务服务数据管理局"],
                        ["报告期", "2025年5月"], ["截止日期", "2025-06-05"]]  # fmt: skip
    assert rows[4][0].startswith("每个指标一行,只填“本期数值”“数据日期”“数据来源”“备注”“填报人”五列")
    assert rows[5][:8] == [
        "指标编号",
        "指标名称",
        "目标",
        "期限",
        "上次数值",
        "上次数值日期",
        "单位",
        "本期数值",
    ]
    assert rows[6] == ["pass-rate", "一次办成率", "90%", "2025-12-31", "75%", "2025-03-31", "%", "", "2025-05-31",
                       "", "", ""]  # fmt: skip


def test_where_the_forms_go(gdz: Gdz, workspace: Path, tmp_path: Path) -> None:
    one = tmp_path / "政数局.xlsx"
    assert gdz("export", "template", "--owner", "政数", "-o", str(one)).exit_code == 0 and one.exists()
    into = tmp_path / "forms"
    assert gdz("export", "template", "-o", f"{into}/").exit_code == 0 and len(list(into.iterdir())) == 4
    several = gdz("export", "template", "-o", str(tmp_path / "all.xlsx"))
    assert several.exit_code == 2 and "several forms need a folder" in several.stderr
    assert gdz("export", "template", "-f", "json").exit_code == 2
    wrong = gdz("export", "template", "--as-of", "2025-05-31")
    assert wrong.exit_code == 2 and "--as-of is not for `gdz export template`" in wrong.stderr
    since = gdz("export", "template", "--since", "2025-04", "-o", f"{into}/")  # a form has no earlier day
    assert since.exit_code == 2 and "--since is not for `gdz export template`" in since.stderr
    assert gdz("export", "status", "--owner", "政数").exit_code == 2


def test_a_form_sent_back_is_never_written_over(gdz: Gdz, workspace: Path) -> None:
    folder = _forms(gdz)
    fill(folder / FORM, {"pass-rate": {"本期数值": 80}}, folder / FORM)
    again = gdz("export", "template", "--lang", "zh")
    assert again.exit_code == 2
    assert f"{FOLDER}/{FORM} 已存在且已填有数值(可能是收回的填报表)" in again.stderr
    assert openpyxl.load_workbook(folder / FORM)["填报表"]["H7"].value == 80  # as the department sent it
    other = folder / "市自然资源局-2025年5月-营商环境指标填报.xlsx"
    other.write_text("not a form", encoding="utf-8")
    refused = gdz("export", "template", "--lang", "zh")
    assert refused.exit_code == 2 and "有 2 个文件挡在路径上;未写入任何文件" in refused.stderr
    assert "已存在,且不是 gdz 生成的空白填报表" in refused.stderr
    assert gdz("export", "template", "--force", "--lang", "zh").exit_code == 0
    assert openpyxl.load_workbook(folder / FORM)["填报表"]["H7"].value is None
    assert gdz("export", "template", "--lang", "zh").exit_code == 0  # its own empty forms are written again


# --- forms sent back ----------------------------------------------------------------------------------------


def test_a_filled_form_is_imported_with_its_owner_and_period(
    gdz: Gdz, workspace: Path, tmp_path: Path
) -> None:
    folder = _forms(gdz)
    filled = fill(folder / FORM, {
        "pass-rate": {"本期数值": 82.5, "数据来源": "市政数局月报(示例)", "填报人": "张三(示例)"},
        "wait-days": {"本期数值": "约6", "数据日期": dt.datetime(2025, 5, 20), "备注": "口径:工作日"},
        "new-services": {"备注": "数据待市统计局发布"},
    }, tmp_path / "sent-back.xlsx")  # fmt: skip
    result = gdz("import", str(filled), "--lang", "zh")
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert "说明:市政务服务数据管理局2025年5月填报表(截止 2025-06-05)" in lines
    assert "说明:1 行未填本期数值,不作记录" in lines
    assert "说明:第 9 行 new-services:未填数值,但写有“数据待市统计局发布”;该行未作记录" in lines
    assert lines[-1] == "已导入 2 条(0 条已在台账中)"
    history = gdz("export", "entries", "-f", "json").stdout
    assert '"value": 82.5' in history and '"recorded_by": "张三(示例)"' in history
    assert '"qualifier": "about"' in history and '"note": "口径:工作日"' in history
    returns = gdz("returns", "--owner", "政数").stdout
    assert "2 of 3 owed" in returns
    assert gdz("import", str(filled)).stdout.endswith("imported 0 entries (2 already in the log)\n")


def test_a_form_with_bad_values_is_refused_cell_by_cell_and_nothing_is_written(
    gdz: Gdz, workspace: Path, tmp_path: Path
) -> None:
    folder = _forms(gdz)
    filled = fill(folder / FORM, {
        "pass-rate": {"本期数值": 150},
        "wait-days": {"本期数值": "六天", "数据日期": "31/5/2025"},
        "new-services": {"本期数值": "70个", "数据日期": None},
    }, tmp_path / "bad.xlsx")  # fmt: skip
    before = workspace.parent.joinpath("..").resolve()
    log = Path(os.environ["GDZ_LEDGER"])
    result = gdz("import", str(filled))
    assert result.exit_code == 2
    problems = [line.removeprefix("gdz: ") for line in result.stderr.splitlines()]
    name = str(filled)
    assert problems == [
        f"{name} 填报表!H7: 150 is above the largest possible value, 100%",
        f'{name} 填报表!H8: "六天" is not a number; write a plain number like 1020 or 85.5',
        f'{name} 填报表!I8: "31/5/2025" puts the year last, so its day and month cannot be told apart; write the '
        "year first, as 2024-01-05 or 2024/1/5",
        f'{name} 填报表!H9: "70个": the target is measured in items; write the figure in items, or as a plain number',
        f"{name} 填报表!I9: empty date",
        f"{name}: 5 problems; nothing was imported. Fix the file and import again",
    ]
    assert log.read_bytes() == FIXTURE_LOG.read_bytes() and before.exists()


def test_a_form_left_empty_adds_nothing(gdz: Gdz, workspace: Path) -> None:
    folder = _forms(gdz)
    result = gdz("import", str(folder / FORM))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == ["note: 3 rows left without a figure: nothing recorded for them",
                                               "imported 0 entries (0 already in the log)"]  # fmt: skip
    assert Path(os.environ["GDZ_LEDGER"]).read_bytes() == FIXTURE_LOG.read_bytes()


def test_a_form_of_another_period_is_named_as_such(gdz: Gdz, workspace: Path, tmp_path: Path) -> None:
    april = tmp_path / "april.xlsx"
    written = gdz(
        "export", "template", "--owner", "政数", "--period", "2025-04", "-o", str(april), "--lang", "zh"
    )
    assert written.exit_code == 0
    filled = fill(april, {"pass-rate": {"本期数值": 70}}, april)
    said = gdz("import", str(filled)).stdout
    assert "note: a return form of 市政务服务数据管理局 for April 2025, due 2025-05-05" in said
    assert "note: this form is for April 2025; the round now collects May 2025" in said
    late = fill(tmp_path / "april.xlsx", {"wait-days": {"本期数值": 7, "数据日期": dt.datetime(2025, 5, 2)}},
                tmp_path / "late.xlsx")  # fmt: skip
    assert "note: 1 figure dated outside April 2025: logged by their dates" in gdz("import", str(late)).stdout


def test_a_form_of_another_owner_is_named_as_such(gdz: Gdz, workspace: Path, tmp_path: Path) -> None:
    folder = _forms(gdz)
    filled = fill(folder / FORM, {"pass-rate": {"本期数值": 81}}, tmp_path / "x.xlsx")
    workspace.write_text(OWNERS_TOML.replace('"市政务服务数据管理局" = ["pass-rate", ', '"市政务服务数据管理局" = ['),
                         encoding="utf-8")  # fmt: skip
    said = gdz("import", str(filled), "--lang", "zh").stdout
    assert "说明:pass-rate 不是 gdz.toml 中 市政务服务数据管理局 负责的指标;仍已记录" in said
    workspace.write_text('[owners]\n"市自然资源局" = ["space-started"]\n', encoding="utf-8")
    said = gdz("import", str(fill(folder / FORM, {"wait-days": {"本期数值": 9}}, tmp_path / "y.xlsx"))).stdout
    assert "note: 市政务服务数据管理局 is no owner in gdz.toml" in said


def test_a_csv_form_filled_in_and_saved_by_excel_is_imported(
    gdz: Gdz, workspace: Path, tmp_path: Path
) -> None:
    written = tmp_path / "form.csv"
    assert gdz("export", "template", "--owner", "政数", "-o", str(written), "--lang", "zh").exit_code == 0
    rows = list(csv.reader(io.StringIO(written.read_text("utf-8-sig"))))
    rows[6][7], rows[6][9] = "83", "市政数局月报(示例)"
    rows[7][7], rows[7][8] = "7", "2025/5/31"  # as Excel on Chinese Windows writes a date
    saved = tmp_path / "sent-back.csv"
    with saved.open("w", encoding="gb18030", newline="") as handle:  # Excel's plain CSV: GBK
        csv.writer(handle).writerows(rows)
    result = gdz("import", str(saved))
    assert result.exit_code == 0, result
    assert "note: a return form of 市政务服务数据管理局 for May 2025, due 2025-06-05" in result.stdout
    assert result.stdout.endswith("imported 2 entries (0 already in the log)\n")


def test_an_english_form_reads_back_too(gdz: Gdz, workspace: Path, tmp_path: Path) -> None:
    path = tmp_path / "en.xlsx"
    assert gdz("export", "template", "--owner", "工业", "-o", str(path), "--lang", "en").exit_code == 0
    sheet = openpyxl.load_workbook(path)["Form"]
    assert next(
        rule for rule in sheet.data_validations.dataValidation if str(rule.sqref) == "H8"
    ).formula1 == ('"done,not done"')
    filled = fill(path, {"service-map": {"Figure": "done"}}, tmp_path / "en-filled.xlsx")
    result = gdz("import", str(filled))
    assert result.exit_code == 0 and result.stdout.endswith("imported 1 entry (0 already in the log)\n")
    assert "✔ complete" in gdz("returns", "--owner", "工业").stdout


def test_libreoffice_round_trip_and_print(gdz: Gdz, workspace: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui): the form is not "
                    "re-saved or printed by it here")  # fmt: skip
    folder = _forms(gdz)
    filled = fill(folder / FORM, {"pass-rate": {"本期数值": 84, "数据来源": "示例来源"},
                                  "new-services": {"本期数值": ">70"}}, tmp_path / "filled.xlsx")  # fmt: skip
    out = tmp_path / "lo"
    env = {**os.environ, "LANG": "C.UTF-8"}
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"
    for target in (
        "xlsx:Calc MS Excel 2007 XML",
        "pdf",
    ):  # saved again as a department's LibreOffice saves it
        subprocess.run([soffice, profile, "--headless", "--convert-to", target, "--outdir", str(out), str(filled)],
                       check=True, capture_output=True, timeout=180, env=env)  # fmt: skip
    resaved = out / "filled.xlsx"
    assert resaved.read_bytes() != filled.read_bytes()
    kept = openpyxl.load_workbook(resaved)["填报表"]
    assert kept.protection.sheet and kept["H7"].protection.locked is False  # still a form to fill in
    result = gdz("import", str(resaved))
    assert result.exit_code == 0, result
    assert "a return form of 市政务服务数据管理局 for May 2025" in result.stdout
    assert result.stdout.endswith("imported 2 entries (0 already in the log)\n")
    assert (out / "filled.pdf").stat().st_size > 10_000  # both sheets, printed


def test_a_department_name_no_file_system_takes_is_made_safe(gdz: Gdz, workspace: Path) -> None:
    workspace.write_text('[owners]\n"市政数局/数据科: 示例" = ["pass-rate"]\n', encoding="utf-8")
    result = gdz("export", "template", "--lang", "zh")
    assert result.exit_code == 0, result
    assert [path.name for path in Path(FOLDER).iterdir()] == [
        "市政数局_数据科_ 示例-2025年5月-营商环境指标填报.xlsx"
    ]
    sheet = openpyxl.load_workbook(next(Path(FOLDER).iterdir()))["填报表"]
    assert sheet["B2"].value == "市政数局/数据科: 示例"  # the name itself, as gdz.toml writes it


def test_a_form_is_never_printed_on_a_terminal(
    gdz: Gdz, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gdz_targets.output.stream.stdout_is_terminal", lambda: True)
    result = gdz("export", "template", "--owner", "政数", "-o", "-")
    assert result.exit_code == 2 and "xlsx is for a file, not the terminal" in result.stderr


def test_a_form_is_imported_even_where_the_owners_table_has_since_broken(
    gdz: Gdz, workspace: Path, tmp_path: Path
) -> None:
    filled = fill(_forms(gdz) / FORM, {"pass-rate": {"本期数值": 79}}, tmp_path / "x.xlsx")
    workspace.write_text('[owners]\n"市政务服务数据管理局" = ["no-such-target"]\n', encoding="utf-8")
    result = gdz("import", str(filled))
    assert result.exit_code == 0 and result.stdout.endswith("imported 1 entry (0 already in the log)\n")


def test_the_last_figure_keeps_its_bound_and_unit_and_the_baseline_is_said(gdz: Gdz, workspace: Path) -> None:
    assert gdz("log", "new-services", ">70", "--date", "2025-04-30").exit_code == 0
    sheet = openpyxl.load_workbook(_forms(gdz) / FORM)["填报表"]
    header = _header(sheet)
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=header["_row"] + 1)}
    previous = (
        rows["new-services"][header["上次数值"] - 1].value,
        rows["new-services"][header["上次数值日期"] - 1].value,
    )
    assert previous == (">70项", "2025-04-30")
    result = gdz("export", "template", "--owner", "政数", "--period", "2024-02", "-f", "csv", "-o", "-")
    rows_csv = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert rows_csv[6][4:6] == ["40% (baseline)", "2024-01-01"]  # no figure logged yet: the plan's, said so
