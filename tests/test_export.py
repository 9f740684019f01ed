"""Reports out: CSV for Excel, strict JSON, Markdown, HTML and SVG; atomic files; entries round-trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from gdz_targets.output.export import STATUS_COLUMNS

from .conftest import FIXTURE_PLAN, Gdz, assert_golden_bytes, run_gdz_process


def _export(gdz: Gdz, *args: str) -> bytes:
    result = gdz("export", *args)
    assert result.exit_code == 0, result
    return result.stdout_bytes


@pytest.mark.parametrize(
    ("what", "fmt"),
    [("status", "csv"), ("status", "json"), ("status", "md"), ("status", "svg"),
     ("entries", "csv"), ("entries", "json"), ("entries", "md"), ("targets", "csv"), ("targets", "json"),
     ("targets", "md")],
)  # fmt: skip
def test_export_golden(gdz: Gdz, fixture_env: Path, what: str, fmt: str) -> None:
    assert_golden_bytes(f"export-{what}.{fmt}", _export(gdz, what, "--format", fmt), facts=FACTS[what, fmt])


# What each golden must hold whatever was accepted: pass-rate at 75 of 90 from a baseline of 40 scores 70 and
# is on track; the fixture log's first entry; the plan's target of 90%.
FACTS = {
    ("status", "csv"): ("pass-rate,2025-06-30", ",70,90,target,40,baseline,", "on-track"),
    ("status", "json"): ('"score": 70,', '"status": "on-track"'),
    ("status", "md"): ("| 70 |", "▵ on track"),
    ("status", "svg"): (">70</text>", "on track"),
    ("entries", "csv"): ("01JGSZKPM0M3Q2EG33EFZZPZH7,pass-rate,dongguan,2024-06-30,50,",),
    ("entries", "json"): ('"id": "01JGSZKPM0M3Q2EG33EFZZPZH7"', '"value": 50,'),
    ("entries", "md"): ("pass-rate", "50%"),
    ("targets", "csv"): ("services,pass-rate,",),
    ("targets", "json"): ('"target": "pass-rate"', '"target_value": 90,'),
    ("targets", "md"): ("| `pass-rate` | Done in one visit | 90% |",),
    ("status", "zh"): ("进度正常", ",70,90,目标值,40,基线,"),
    ("entries", "zh"): ("01JGSZKPM0M3Q2EG33EFZZPZH7,pass-rate,东莞,2024-06-30,50,",),
    ("targets", "zh"): ("一次办成率",),
}


@pytest.mark.parametrize("what", ["status", "entries", "targets"])
def test_chinese_csv_golden(gdz: Gdz, fixture_env: Path, what: str) -> None:
    assert_golden_bytes(f"export-{what}-zh.csv", _export(gdz, what, "--lang", "zh"), facts=FACTS[what, "zh"])


def test_status_csv_for_excel(gdz: Gdz, fixture_env: Path) -> None:
    data = _export(gdz, "status")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel shows Chinese correctly on double-click
    assert b"\r\n" in data  # RFC 4180 line ends
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == STATUS_COLUMNS
    pass_rate = next(row for row in rows if row["target"] == "pass-rate")
    assert pass_rate["title_zh"] == "一次办成率"
    assert (pass_rate["current"], pass_rate["target_value"], pass_rate["guangzhou"]) == ("75", "90", "88")
    assert pass_rate["shenzhen_qualifier"] == "over"
    assert pass_rate["unit"] == "percent"
    assert {row["as_of"] for row in rows} == {"2025-06-30"}  # the date every figure is as of, on every row
    for row in rows:  # numeric columns hold raw numbers (no units, no separators); milestones are words
        for column in ("current", "target_value", "guangzhou", "shenzhen", "score", "gap_to_target"):
            figure = column in ("current", "target_value", "guangzhou", "shenzhen")
            if row[column] and row["kind"] == "milestone" and figure:
                assert row[column] in ("done", "not-done"), (column, row[column])
            elif row[column]:
                float(row[column])
        for column in ("baseline_as_of", "current_as_of", "guangzhou_as_of", "shenzhen_as_of", "deadline"):
            assert not row[column] or len(row[column]) == len("2025-06-30")  # dates hold days only
        for column in ("baseline_period", "guangzhou_period", "shenzhen_period"):
            assert not row[column] or len(row[column]) in (4, 7)  # a year or a month the source gives
    tier = next(row for row in rows if row["target"] == "tier")
    assert (tier["baseline_as_of"], tier["baseline_period"]) == ("", "2024")


def test_no_bom_when_asked(gdz: Gdz, fixture_env: Path) -> None:
    data = _export(gdz, "status", "--no-bom")
    assert data.startswith(b"target,as_of,")


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("args", "env"), [(("--lang", "zh"), {}), ((), {"GDZ_LANG": "zh"}), ((), {"LANG": "zh_CN.UTF-8"})]
)
def test_a_chinese_reader_gets_chinese_headers_and_words(
    gdz: Gdz, fixture_env: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    result = gdz("export", "status", *args, env={"GDZ_LANG": "", **env})
    rows = _csv_rows(result.stdout_bytes)
    assert list(rows[0])[:6] == ["指标", "报告截至", "领域", "领域名称", "领域英文名", "名称"]
    by_target = {row["指标"]: row for row in rows}
    hotline, space = by_target["hotline"], by_target["space-started"]
    assert (hotline["类型"], hotline["最新值"], hotline["状态"], hotline["领域"]) == (
        "里程碑",
        "已完成",
        "已达成",
        "政务服务",
    )
    assert (space["单位"], space["方向"], space["最新值出处"], space["深圳为相关口径"]) == (
        "万平方米",
        "越高越好",
        "台账",
        "是",
    )
    assert by_target["pass-rate"]["深圳限定"] == "超过"


def test_codes_for_scripts_whatever_the_language(gdz: Gdz, fixture_env: Path) -> None:
    for args in (("--codes",), ("--codes", "--lang", "zh"), ("--lang", "en")):
        rows = _csv_rows(_export(gdz, "status", *args))
        hotline = next(row for row in rows if row["target"] == "hotline")
        assert (hotline["kind"], hotline["current"], hotline["status"], hotline["area"]) == (
            "milestone",
            "done",
            "achieved",
            "services",
        )


FORMULAS = ["=1+1", "-2+3", "@SUM(A1)", "+86 769 1234 5678", "\tTAB", "'quoted"]


def test_csv_cells_cannot_run_formulas(gdz: Gdz, fixture_env: Path) -> None:
    for n, note in enumerate(FORMULAS):
        result = gdz("log", "pass-rate", str(60 + n), "--date", f"2025-05-{10 + n}", "--note", note,
                     "--source", note)  # fmt: skip
        assert result.exit_code == 0, result
    rows = list(csv.DictReader(io.StringIO(_export(gdz, "entries").decode("utf-8-sig"))))
    notes = {row["value"]: row["note"] for row in rows if row["target"] == "pass-rate" and row["note"]}
    for n, note in enumerate(FORMULAS):
        cell = notes[str(60 + n)]
        assert cell == "'" + note
        assert not cell.startswith(("=", "+", "-", "@", "\t"))
    values = [row["value"] for row in rows]
    assert all(not value.startswith("'") for value in values)  # numeric cells untouched


def test_a_negative_number_stays_a_number(gdz: Gdz, tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(FIXTURE_PLAN.read_text(encoding="utf-8").replace('[units.days]\nzh = "天"\nen = "days"\nminimum = 0',
                                                                     '[units.days]\nzh = "天"\nen = "days"'))  # fmt: skip
    log = tmp_path / "log.toml"
    env = {"GDZ_PLAN": str(plan), "GDZ_LEDGER": str(log)}
    assert gdz("log", "wait-days", "--", "-2", env=env).exit_code == 0
    row = next(csv.DictReader(io.StringIO(gdz("export", "entries", env=env).stdout.lstrip("\ufeff"))))
    assert row["value"] == "-2"


def test_json_is_strict_and_complete(gdz: Gdz, fixture_env: Path) -> None:
    text = _export(gdz, "status", "-f", "json").decode("utf-8")

    def refuse(constant: str) -> None:
        raise AssertionError(f"non-standard JSON constant {constant}")

    document = json.loads(text, parse_constant=refuse)
    assert document["schema_version"] == 3
    assert document["as_of"] == "2025-06-30"
    assert document["plan"]["title_zh"] == "测试方案(虚构)"
    assert "score" in document["method"]
    assert [tuple(row) for row in document["targets"]] == [STATUS_COLUMNS] * len(document["targets"])
    assert document["summary"]["counts"]["overdue"] == 2


def test_markdown_is_ready_to_paste(gdz: Gdz, fixture_env: Path) -> None:
    text = _export(gdz, "status", "-f", "md", "--lang", "zh").decode("utf-8")
    assert text.startswith("# 测试方案(虚构)\n")
    assert "## 1. 政务服务 — 得分 48 · 5 项中 4 项有数据" in text  # never a score without coverage
    assert "| 启动产业空间 (`space-started`) |" in text and "| ≈2000 |" in text  # a related measure, marked
    assert "| 一次办成率 (`pass-rate`) | 75% (2025-03-31) | 90% |" in text


def test_format_from_the_file_name_and_format_option_wins(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    out = tmp_path / "报告.json"
    result = gdz("export", "status", "-o", str(out))
    assert result.stdout == f"wrote {out} (json, {out.stat().st_size} bytes)\n"
    json.loads(out.read_text(encoding="utf-8"))
    forced = tmp_path / "report.txt"
    gdz("export", "status", "-o", str(forced), "--format", "md")
    assert forced.read_text(encoding="utf-8").startswith("# Test plan")
    svg = tmp_path / "status.svg"
    gdz("export", "status", "-o", str(svg))
    assert svg.read_text(encoding="utf-8").startswith("<svg")


def test_entries_round_trip_byte_for_byte(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    gdz("log", "pass-rate", "61.5", "--date", "2025-05-01", "--note", '=HYPERLINK("x"), "引号"\n第二行')
    for source in (
        "市政数局",
        "区报送",
    ):  # one figure of one day, recorded twice: two entries, both come back
        gdz("log", "pass-rate", "62", "--date", "2025-05-02", "--source", source)
    first = tmp_path / "entries.csv"
    assert gdz("export", "entries", "-o", str(first)).exit_code == 0
    empty = tmp_path / "empty.toml"
    imported = gdz("import", str(first), env={"GDZ_LEDGER": str(empty)})
    assert imported.exit_code == 0, imported
    second = tmp_path / "again.csv"
    assert gdz("export", "entries", "-o", str(second), env={"GDZ_LEDGER": str(empty)}).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    again = gdz("import", str(first), env={"GDZ_LEDGER": str(empty)})
    assert again.stdout == "imported 0 entries (14 already in the log)\n"


def test_a_failed_export_keeps_the_old_file_and_leaves_no_temporary(
    fixture_env: Path, tmp_path: Path
) -> None:
    import resource

    target = tmp_path / "out" / "status.csv"
    target.parent.mkdir()
    target.write_bytes(b"old report\n")

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))

    result = run_gdz_process("export", "status", "-o", str(target), preexec_fn=small_files)
    assert result.returncode == 4, result
    assert result.stderr == f"gdz: {target}: cannot write: the file would be too large; nothing was changed\n"
    assert target.read_bytes() == b"old report\n"
    assert [path.name for path in target.parent.iterdir()] == ["status.csv"]


def test_exporting_into_a_read_only_directory(fixture_env: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "status.csv").write_bytes(b"old\n")
    folder.chmod(0o555)
    result = run_gdz_process("export", "status", "-o", str(folder / "status.csv"), obey_permissions=True)
    folder.chmod(0o755)
    assert result.returncode == 4
    assert (
        result.stderr == f"gdz: {folder}/status.csv: cannot write: permission denied; nothing was changed\n"
    )
    assert (folder / "status.csv").read_bytes() == b"old\n"


def test_exporting_onto_a_directory_is_refused(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    (tmp_path / "dir.csv").mkdir()
    result = gdz("export", "status", "-o", str(tmp_path / "dir.csv"))
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr
