"""A newcomer's first hour, in both languages: the shipped plan with the published figures imported, then
status, show, log by a Chinese title, a mistake and its correction, history, completion and a chart."""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from gdz_targets.app.session import Session
from gdz_targets.output import stream

from .conftest import FIXTURE_LOG, FIXTURE_PLAN, ROOT, Gdz, run_gdz_process

LATER = {"GDZ_TODAY": "2026-12-01"}  # after every published figure
SCREENS = [(lang, width) for lang in ("en", "zh") for width in (80, 120)]


@pytest.fixture
def published(gdz: Gdz) -> dict[str, str]:
    """The shipped plan with the published figures imported, as the README's first session does."""
    result = gdz("import", str(ROOT / "data" / "published.csv"), env=LATER)
    assert result.exit_code == 0, result
    return LATER


def _lines_between(text: str, start: str, stop: str) -> str:
    return text.split(start, 1)[1].split(stop, 1)[0]


def test_gdz_alone_prints_the_help_and_succeeds(gdz: Gdz) -> None:
    for lang, usage in (("en", "Usage: gdz"), ("zh", "用法:gdz")):
        result = gdz(env={"GDZ_LANG": lang})
        assert result.exit_code == 0 and result.stderr == ""
        assert result.stdout.startswith(usage) and "\\n" not in result.stdout
        assert "status" in result.stdout and "log" in result.stdout


@pytest.mark.parametrize(("lang", "width"), SCREENS)
def test_status_with_the_published_figures_fits_40_lines_summary_first(
    gdz: Gdz, published: dict[str, str], lang: str, width: int
) -> None:
    text = gdz("status", "--lang", lang, env={**published, "COLUMNS": str(width)}).stdout
    lines = text.splitlines()
    assert len(lines) <= 40, text
    assert [
        line for line in lines if cell_len(line) > width and not line.startswith("/")
    ] == []  # a path whole
    heads = [line.split()[0] for line in lines[:5] if line and not line.startswith(" ")]
    assert {("Coverage", "Score"), ("覆盖", "得分")} & set(itertools.pairwise(heads)), lines[:5]
    # Context indicators folded into one line that says how to see them; a legend of at most three lines.
    context = [line for line in lines if line.startswith(("Context indicators", "背景指标"))]
    assert len(context) == 1 and "gdz status --area context" in context[0]
    last_blank = len(lines) - 1 - lines[::-1].index("")
    legend = [line for line in lines[last_blank + 1 :] if not line.startswith(("log", "台账", "/"))]
    assert 1 <= len(legend) <= 2, legend


@pytest.mark.parametrize(("lang", "width"), SCREENS)
def test_a_screen_taller_than_the_terminal_folds_what_is_met_and_keeps_what_is_wrong(
    gdz: Gdz, published: dict[str, str], lang: str, width: int
) -> None:
    """Two more figures than the published ones: at 80 columns (two lines a target) the screen would pass 40
    lines; the met targets then fold into one line per area, the overdue and stale one keeps its row."""
    gdz("log", "cross-city-total", "1020", "--date", "2023-12-31", env=published)
    gdz("log", "e-licence-top100", "92.5", "--date", "2023-11-30", env=published)
    env = {**published, "COLUMNS": str(width)}
    lines = gdz("status", "--lang", lang, env=env).stdout.splitlines()
    assert len(lines) <= 40, "\n".join(lines)
    rows = [line.split()[0] for line in lines if re.match(r"  [a-z0-9]+-", line)]
    folded = [
        line for line in lines if line.lstrip().startswith("✔ ") and ("met:" in line or "已达成:" in line)
    ]
    assert "e-licence-top100" in rows
    if width == 80:  # folded: every met target named by short title, none with a row of its own
        assert "qiguanjia-platform" not in rows and len(folded) == 4
        assert any(("Qiguanjia platform" if lang == "en" else "企莞家资源集成") in line for line in folded)
    else:  # one line a target: the whole screen fits, nothing is folded
        assert "qiguanjia-platform" in rows and folded == []
    tall = gdz("status", "--lang", lang, env={**env, "LINES": "100"}).stdout  # a taller terminal: every row
    assert "qiguanjia-platform" in tall
    assert len(tall.splitlines()) > len(lines) if width == 80 else tall.splitlines() == lines
    assert "qiguanjia-platform" in gdz("status", "--all", "--lang", lang, env=env).stdout


@pytest.mark.parametrize(("lang", "width"), SCREENS)
def test_past_due_short_of_target_and_without_data_each_begin_a_line(
    gdz: Gdz, published: dict[str, str], lang: str, width: int
) -> None:
    gdz("log", "e-licence-top100", "92.5", "--date", "2023-11-30", env=published)
    lines = gdz("status", "--lang", lang, env={**published, "COLUMNS": str(width)}).stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(("Past due", "已过期限")))
    short, missing = ("1 short of target: Top-100 e-licences", "without data: ") if lang == "en" else (
        "1 项未达标:前100事项证照电子化", "项无数据:")  # fmt: skip
    assert lines[start].endswith(short) and missing in lines[start + 1] and lines[start + 1].startswith(" ")


@pytest.mark.parametrize(("lang", "width"), SCREENS)
@pytest.mark.parametrize("since", ["2024", "2025Q2", "2025-12", "2026-12-01"])
def test_status_since_an_earlier_day_fits_40_lines_what_moved_first(
    gdz: Gdz, published: dict[str, str], lang: str, width: int, since: str
) -> None:
    text = gdz("status", "--since", since, "--lang", lang, env={**published, "COLUMNS": str(width)}).stdout
    lines = text.splitlines()
    assert len(lines) <= 40, text
    assert [line for line in lines if cell_len(line) > width and not line.startswith("/")] == []
    heads = [line.split()[0] for line in lines[:8] if line and not line.startswith(" ")]
    assert {("Change", "Coverage"), ("本期变化", "覆盖")} & set(itertools.pairwise(heads)), lines[:8]


def test_folded_context_indicators_open_with_all_or_the_context_area(
    gdz: Gdz, published: dict[str, str]
) -> None:
    env = {**published, "COLUMNS": "120"}
    for args in (("--all",), ("--area", "context"), ("--area", "背景")):
        text = gdz("status", *args, env=env).stdout
        assert "business-entities" in text, args


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_lists_name_targets_by_short_title_never_by_id(
    gdz: Gdz, published: dict[str, str], lang: str
) -> None:
    text = gdz("status", "--lang", lang, env={**published, "COLUMNS": "120"}).stdout
    past_due = _lines_between(
        text, "Past due" if lang == "en" else "已过期限", "Next" if lang == "en" else "下一步"
    )
    without = [line for line in text.splitlines() if line.startswith(("  + ", "  另有"))]
    assert without
    short = "12345 resolution rate" if lang == "en" else "12345办理解决率"
    assert short in past_due
    ids = [target.id for target in Session().plan().targets]
    for listing in (past_due, *without):
        assert not [id for id in ids if re.search(rf"(?<![\w-]){id}(?![\w-])", listing)], listing
    if lang == "zh":
        assert not re.search(r"[A-Za-z]{4,}", past_due.split("`")[0])


def test_every_shipped_target_has_short_titles_unique_in_each_language() -> None:
    import tomllib

    plan = tomllib.loads((ROOT / "data" / "targets.toml").read_text(encoding="utf-8"))
    for lang in ("zh", "en"):
        shorts = [target[f"short_{lang}"] for target in plan["target"]]
        assert len(shorts) == len(plan["target"]) and len({s.casefold() for s in shorts}) == len(shorts)
        assert max(cell_len(s) for s in shorts) <= 30


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", 'target wait-days: the short title "wait" is also pass-rate\'s; give each target its own'),
        ("zh", '指标 wait-days: 简称 "wait" 与 pass-rate 的相同;请为每个指标取不同的简称'),
    ],
)
def test_check_refuses_two_targets_with_one_short_title(
    gdz: Gdz, tmp_path: Path, lang: str, expected: str
) -> None:
    text = FIXTURE_PLAN.read_text(encoding="utf-8")
    text = text.replace(
        'title_en = "Done in one visit"\n', 'title_en = "Done in one visit"\nshort_en = "Wait"\n'
    )
    text = text.replace('title_en = "Average wait"\n', 'title_en = "Average wait"\nshort_en = "wait"\n')
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    result = gdz("check", "--plan", str(plan), "--ledger", str(FIXTURE_LOG), "--lang", lang)
    assert result.exit_code != 0
    assert expected in result.stdout + result.stderr


def test_one_name_works_in_every_command(gdz: Gdz, published: dict[str, str], tmp_path: Path) -> None:
    env = {**published, "COLUMNS": "120"}
    logged = gdz("log", "跨城通办总数", "1,080项", "--date", "2025-01-01", "--lang", "zh", env=env)
    assert logged.exit_code == 0, logged
    assert "跨城通办总数 = 1080项" in logged.stdout
    for name in ("跨城通办事项总数", "跨城通办总数", "cross-city-total", "Cross-city total"):
        history = gdz("history", name, env=env)
        assert history.exit_code == 0 and "1080 items" in history.stdout, (name, history)
        assert gdz("show", name, env=env).exit_code == 0
        chart = gdz("chart", name, "-o", str(tmp_path / "c.svg"), env=env)
        assert chart.exit_code == 0, chart
    shown = gdz("status", "--area", "政务服务", "--sort", "得分", "--lang", "zh", env=env).stdout
    assert "领域 2 政务服务 · 按得分排序" in shown
    english = gdz("status", "--area", "Government services", "--sort", "score", env=env).stdout
    assert "area 2 Government services · sorted by score" in english


def test_a_mistyped_chinese_title_is_answered_with_chinese_names(gdz: Gdz, published: dict[str, str]) -> None:
    result = gdz("show", "跨城通办总量", "--lang", "zh", env=published)
    assert result.exit_code == 2
    assert result.stderr.startswith("gdz: 未知指标 \"跨城通办总量\";是不是 '跨城通办总数'")
    assert "cross-city" not in result.stderr


@pytest.mark.parametrize(("lang", "unit"), [("en", "天"), ("zh", "天")])
def test_a_wrong_unit_is_named_as_such_not_blamed_on_the_separator(
    gdz: Gdz, published: dict[str, str], lang: str, unit: str
) -> None:
    result = gdz(
        "log", "cross-city-total", f"1,080{unit}", "--date", "2025-01-01", "--lang", lang, env=published
    )
    assert result.exit_code == 2
    assert ("measured in items" if lang == "en" else "该指标以项计") in result.stderr
    assert "separator" not in result.stderr and "分隔符" not in result.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_overdue_count_agrees_with_the_past_due_list(
    gdz: Gdz, published: dict[str, str], lang: str
) -> None:
    text = gdz("status", "--lang", lang, env={**published, "COLUMNS": "200"}).stdout
    overdue = int(re.search(r"(?:overdue|已逾期) (\d+)", text.splitlines()[1]).group(1))  # type: ignore[union-attr]
    past_due = _lines_between(
        text, "Past due" if lang == "en" else "已过期限", "Next" if lang == "en" else "下一步"
    )
    named = len(re.findall("[,、]", past_due.split(":", 1)[-1].split(":", 1)[-1])) + 1
    more = re.search(r"(?:… (\d+) more|…另 (\d+) 项)", past_due)
    hidden = int(next(group for group in more.groups() if group)) if more else 0
    assert named - (1 if more else 0) + hidden == overdue, past_due


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_area_line_says_only_what_adds_up(gdz: Gdz, published: dict[str, str], lang: str) -> None:
    text = gdz("status", "--lang", lang, env={**published, "COLUMNS": "120"}).stdout
    assert "among them" not in text and "其中" not in text
    area_lines = [line for line in text.splitlines() if re.match(r"^\d ", line)]
    assert len(area_lines) == 6
    for line in area_lines:
        assert re.search(r"(score \d+ · \d+ of \d+ with data|得分 \d+ · \d+ 项中 \d+ 项有数据)$", line), line


def test_the_legend_explains_a_day_count_that_is_on_the_screen(gdz: Gdz, fixture_env: Path) -> None:
    text = gdz("status", "--lang", "zh", env={"COLUMNS": "120"}).stdout
    rows, legend = text.split("\n\n")[-2:]
    for shown, explained in (
        (r"已逾期 (\d+)天", r"(\d+)天:超过期限的天数"),
        (r"剩(\d+)天 ", r"剩(\d+)天:距期限的天数"),
    ):
        on_screen = re.findall(shown, rows)
        example = re.search(explained, legend)
        assert on_screen and example and example.group(1) in on_screen, (shown, legend)


@pytest.mark.parametrize(("lang", "header"), [("en", "note · source"), ("zh", "备注 · 来源")])
def test_history_calls_its_last_column_note_and_source(
    gdz: Gdz, fixture_env: Path, lang: str, header: str
) -> None:
    text = gdz("history", "pass-rate", "--lang", lang, env={"COLUMNS": "120"}).stdout
    assert header in text.splitlines()[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_history_all_at_80_columns_keeps_the_date_and_the_target(
    gdz: Gdz, fixture_env: Path, lang: str
) -> None:
    header = gdz("history", "--all", "--lang", lang).stdout.splitlines()[0].split()
    assert header[:3] == (["id", "date", "target"] if lang == "en" else ["编号", "日期", "指标"])


@pytest.mark.parametrize(("lang", "said"), [("en", "dated today, 2025-06-30; a figure of another day takes --date"),
                                            ("zh", "按今天 2025-06-30 记录;其他日期的数值请用 --date")])  # fmt: skip
def test_log_without_a_date_says_it_dated_the_figure_today(
    gdz: Gdz, fixture_env: Path, lang: str, said: str
) -> None:
    result = gdz("log", "pass-rate", "80", "--lang", lang)
    assert result.exit_code == 0 and said in result.stdout + result.stderr
    dated = gdz("log", "pass-rate", "81", "--date", "2025-06-01", "--lang", lang)
    assert "2025-06-30" not in dated.stdout + dated.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_chart_is_not_printed_on_a_terminal(
    gdz: Gdz, fixture_env: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr("gdz_targets.output.stream.stdout_is_terminal", lambda: True)
    result = gdz("chart", "pass-rate", "--lang", lang)
    assert result.exit_code == 2 and "<svg" not in result.stdout
    assert ("not the terminal" if lang == "en" else "不能输出到终端") in result.stderr
    piped = gdz("chart", "pass-rate", "-o", "-")
    assert piped.exit_code == 2  # `-o -` on a terminal is the same screen


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_show_never_breaks_an_address(gdz: Gdz, published: dict[str, str], lang: str) -> None:
    text = gdz("show", "cross-region-services", "--lang", lang, env=published).stdout
    addresses = [line.strip() for line in text.splitlines() if "http" in line]
    assert addresses
    for line in addresses:
        assert re.fullmatch(r"https?://\S+", line), line  # on its own line, whole, to be copied


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_completion_describes_targets_and_entries_in_the_readers_language(tmp_path: Path, lang: str) -> None:
    log = tmp_path / "log.toml"
    log.write_bytes(FIXTURE_LOG.read_bytes())
    env = {"_GDZ_COMPLETE": "complete_zsh", "GDZ_LANG": lang, "GDZ_PLAN": str(FIXTURE_PLAN),
           "GDZ_LEDGER": str(log), "_TYPER_COMPLETE_ARGS": "gdz void 9XA4"}  # fmt: skip
    offered = run_gdz_process(env=env).stdout
    title = "Average wait" if lang == "en" else "平均等候天数"
    assert re.search(rf'"9XA4WGZE":"\d{{4}}-\d\d-\d\d {title} = ', offered), offered


def test_the_completion_installer_answers_in_chinese(gdz: Gdz, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "SHELL": "/bin/bash", "GDZ_LANG": "zh"}
    result = gdz("--install-completion", "bash", env=env)
    assert result.exit_code == 0, result
    assert result.stdout.startswith("已为 bash 安装补全脚本:") and "此后新开的终端即可使用" in result.stdout
    assert (tmp_path / ".bashrc").exists()


def test_published_notes_say_unverified_in_both_languages() -> None:
    text = (ROOT / "data" / "published.csv").read_text(encoding="utf-8-sig")
    unverified = [line for line in text.splitlines() if "unverified" in line]
    assert unverified and all("未核实" in line for line in unverified)


def _pager_script(tmp_path: Path) -> tuple[str, Path]:
    caught = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(f"import sys\nopen({str(caught)!r}, 'wb').write(sys.stdin.buffer.read())\n")
    return f"{sys.executable} {script}", caught


def test_a_screen_taller_than_the_terminal_goes_through_the_pager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    command, caught = _pager_script(tmp_path)
    monkeypatch.setattr(stream, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(stream, "_taller", lambda text: text.count("\n") > 3)
    monkeypatch.setenv("GDZ_PAGER", command)
    stream.write_screen("1\n2\n3\n4\n5\n")
    assert caught.read_text() == "1\n2\n3\n4\n5\n" and capsys.readouterr().out == ""
    stream.write_screen("short\n")  # fits: written as it is
    assert capsys.readouterr().out == "short\n"


@pytest.mark.parametrize("setting", ["", "cat", "--no-pager"])
def test_the_pager_is_turned_off_by_an_empty_gdz_pager_cat_or_no_pager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], setting: str
) -> None:
    command, caught = _pager_script(tmp_path)
    monkeypatch.setattr(stream, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(stream, "_taller", lambda text: True)
    monkeypatch.setenv("PAGER", command)  # what a GDZ_PAGER of "" or cat overrides
    if setting == "--no-pager":
        monkeypatch.setenv("GDZ_PAGER", command)
        stream.set_paging(False)
    else:
        monkeypatch.setenv("GDZ_PAGER", setting)
    try:
        stream.write_screen("1\n2\n")
    finally:
        stream.set_paging(True)
    assert capsys.readouterr().out == "1\n2\n" and not caught.exists()


def test_a_pager_that_cannot_start_is_passed_over(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(stream, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(stream, "_taller", lambda text: True)
    monkeypatch.setenv("GDZ_PAGER", "no-such-pager-program --flag")
    stream.write_screen("1\n2\n")
    assert capsys.readouterr().out == "1\n2\n"


def test_no_pager_is_a_root_option(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("--no-pager", "status")
    assert result.exit_code == 0 and result.stdout.startswith("Test plan")
    assert "--no-pager" in gdz("--help").stdout


@pytest.mark.parametrize("width", ["40", "60"])
def test_a_narrow_history_still_says_what_was_logged(gdz: Gdz, fixture_env: Path, width: str) -> None:
    text = gdz("history", "--all", env={"COLUMNS": width}).stdout
    assert "pass-rate" in text.replace("\n", "").replace(" ", "") and "75%" in text
    assert all(len(line) <= int(width) for line in text.splitlines())
