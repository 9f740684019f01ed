"""The status exports name each target's owners where the workspace declares them: an `owner` and a
`co_owners` column after the others (CSV, JSON, the workbook's sheets), and nothing changes where it does not."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl

from .conftest import Gdz
from .test_round import OWNERS_TOML


def _csv(gdz: Gdz, *args: str) -> list[dict[str, str]]:
    result = gdz("export", "status", "-f", "csv", *args)
    assert result.exit_code == 0, result
    return list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))


def test_without_owners_the_status_exports_are_as_they_were(gdz: Gdz, fixture_env: Path) -> None:
    rows = _csv(gdz)
    assert list(rows[0])[-3:] == ["status", "achieved_on", "stale"]
    assert "owner" not in json.loads(gdz("export", "status", "-f", "json").stdout)["targets"][0]


def test_the_status_exports_name_each_targets_owners(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    Path("gdz.toml").write_text(OWNERS_TOML.replace('"市工业和信息化局" = ["hotline", "服务地图"]\n', ""),
                                encoding="utf-8")  # fmt: skip
    rows = {row["target"]: row for row in _csv(gdz)}
    assert list(rows["pass-rate"])[-2:] == ["owner", "co_owners"]
    assert (rows["pass-rate"]["owner"], rows["pass-rate"]["co_owners"]) == (
        "市政务服务数据管理局",
        "市市场监管局",
    )
    assert (rows["hotline"]["owner"], rows["hotline"]["co_owners"]) == ("", "")  # no owner: empty cells
    zh = _csv(gdz, "--lang", "zh")
    assert list(zh[0])[-2:] == ["责任单位", "配合单位"]
    targets = {
        row["target"]: row for row in json.loads(gdz("export", "status", "-f", "json").stdout)["targets"]
    }
    assert (targets["credit-files"]["owner"], targets["credit-files"]["co_owners"]) == ("市市场监管局", None)
    assert targets["hotline"]["owner"] is None
    path = tmp_path / "status.xlsx"
    assert gdz("export", "status", "-o", str(path), "--lang", "zh").exit_code == 0
    book = openpyxl.load_workbook(path)
    read = [[cell.value for cell in row] for row in book["指标"].iter_rows(max_row=2)]
    assert read[0][-1] == "责任单位" and read[1][1] == "pass-rate" and read[1][-1] == "市政务服务数据管理局"
    fields = [cell.value for cell in book["全部字段"][1]]
    assert fields[-2:] == ["责任单位", "配合单位"]


def test_a_bad_owners_table_stops_the_status_export(gdz: Gdz, fixture_env: Path) -> None:
    Path("gdz.toml").write_text('[owners]\n"市市场监管局" = ["no-such-target"]\n', encoding="utf-8")
    result = gdz("export", "status", "-f", "csv")
    assert result.exit_code == 3 and 'gdz.toml:2:13: unknown target "no-such-target"' in result.stderr
    assert result.stdout == ""  # never a report with owners guessed or left out
