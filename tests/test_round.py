"""The reporting round: owners declared in gdz.toml and checked, periods and their due days, who has reported
(`gdz returns`, in both languages, as a screen, CSV, JSON and Markdown), the reminder, and owners where a
reader needs them (`gdz show`, `gdz status --owner`, `gdz where`, `gdz check`, completion).

The department names are real names used as examples; every figure is the fixture log's invented one."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from gdz_targets.domain.model import City, Entry
from gdz_targets.domain.owners import Listed, Owner, Owners, Role, resolve_owners
from gdz_targets.domain.periods import Cadence, Period
from gdz_targets.domain.returns import Skip, State, compute_returns, skip_reason

from .conftest import FIXTURE_PLAN, Gdz, assert_golden, history_of

_ids = iter(range(10**6))


def entry(target: str, value: float, day: str) -> Entry:
    """A Dongguan figure as the log holds it (invented, for the rules' sake)."""
    return Entry(f"01J{next(_ids):023d}", target, City.DONGGUAN, date.fromisoformat(day), value, "tester",
                 datetime(2025, 1, 1, tzinfo=UTC))  # fmt: skip


OWNERS_TOML = """
[reporting]
period = "month"
due_day = 5
contact = "市营商环境改革办(示例)"

[owners]
"市政务服务数据管理局" = ["pass-rate", "wait-days", "new-services"]
"市市场监管局" = ["credit-files"]
"市自然资源局" = ["space-started", "approval-cut"]
"市工业和信息化局" = ["hotline", "服务地图"]

[co-owners]
"市市场监管局" = ["pass-rate"]
"""


@pytest.fixture
def workspace(fixture_env: Path) -> Path:
    """The fixture plan and log, and a workspace (the current directory) naming four owners."""
    settings = Path("gdz.toml")
    settings.write_text(f'log = "progress.toml"\n{OWNERS_TOML}', encoding="utf-8")
    return settings


# --- owners in gdz.toml --------------------------------------------------------------------------------------


def test_owners_are_read_from_gdz_toml_by_id_or_title(gdz: Gdz, workspace: Path) -> None:
    result = gdz("check")
    assert result.exit_code == 0, result
    assert f"{workspace.resolve()}: 4 owners, holding 8 targets" in result.stdout


BAD_OWNERS = """
[owners]
"市政务服务数据管理局" = [
  "pass-rate",
  "no-such-target",
  "servic",
]
"市政务服务数据管理局 " = ["hotline"]
"市场监管局" = 5
"市自然资源局" = ["space-started", "space-started"]

[co-owners]
"市自然资源局" = ["space-started"]
"市人社局" = ["approval-cut"]

[reporting]
period = "fortnight"
due_day = 40
contcat = "x"
"""


def test_a_bad_owners_table_is_named_problem_by_problem_at_its_line_and_column(
    gdz: Gdz, workspace: Path
) -> None:
    workspace.write_text(BAD_OWNERS, encoding="utf-8")
    log = Path(".").resolve()
    before = sorted(path.name for path in log.iterdir())
    result = gdz("check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    path = str(workspace.resolve())
    for expected in (
        f'{path}:5:3: unknown target "no-such-target"',
        f'{path}:6:3: "servic" is part of the title of several targets',
        f'{path}:8:1: "市政务服务数据管理局 " is the same department as "市政务服务数据管理局"',
        f'{path}:9:1: [owners] "市场监管局" must be a list of targets in quotes',
        f"{path}:10:30: 市自然资源局 lists space-started twice: remove one",
        f"{path}:13:13: 市自然资源局 both leads and helps with space-started",
        f'{path}:17:1: "fortnight" is no reporting cycle',
        f'{path}:18:1: "40" is no day of a month',
        f"{path}:19:1: [reporting] has an unknown key 'contcat'; did you mean 'contact'?",
        f"warning: {path}: approval-cut has co-owners (市人社局) but no lead",
    ):
        assert any(line.startswith(expected) for line in lines), (expected, lines)
    assert sorted(path.name for path in log.iterdir()) == before  # nothing written
    returns = gdz("returns")  # a command that needs the owners refuses them all, exit 3, no traceback
    assert returns.exit_code == 3 and "Traceback" not in returns.stderr
    assert returns.stderr.splitlines()[-1].endswith(
        "problems in the reporting round's tables; fix them (`gdz check` lists them all)"
    )
    assert gdz("log", "pass-rate", "80", "--date", "2025-05-31").exit_code == 0  # other commands still work


def test_a_department_named_in_chinese_without_quotes_is_told_to_quote_it(gdz: Gdz, workspace: Path) -> None:
    workspace.write_text('[owners]\n市人社局 = ["pass-rate"]\n', encoding="utf-8")
    result = gdz("returns", "--lang", "zh")
    assert result.exit_code == 3
    assert result.stderr.strip().endswith(':2:1: TOML 语法错误:中文或含空格的名称须加引号:"市人社局" = ...')


def test_a_name_with_spaces_and_in_chinese_is_one_owner(gdz: Gdz, workspace: Path) -> None:
    workspace.write_text('[owners]\n"Market Regulation Bureau" = ["pass-rate"]\n"市 人社局" = ["wait-days"]\n',
                         encoding="utf-8")  # fmt: skip
    assert gdz("returns", "--owner", "regulation").exit_code == 0
    result = gdz("returns", "--owner", "人社")
    assert "市 人社局" in result.stdout and "Market" not in result.stdout


def test_owners_are_named_by_their_whole_name_a_part_or_an_abbreviation(gdz: Gdz, workspace: Path) -> None:
    owners = Owners((Owner("市政务服务数据管理局"), Owner("市市场监管局"), Owner("市人力资源和社会保障局"),
                     Owner("市场监管局")))  # fmt: skip
    assert owners.named("市场监管局").name == "市场监管局"  # the whole name wins over a part of another
    assert owners.named("政务").name == "市政务服务数据管理局"
    assert owners.named("市政数局").name == "市政务服务数据管理局"  # its characters in order
    assert owners.named("市人社局").name == "市人力资源和社会保障局"
    result = gdz("returns", "--owner", "局")
    assert result.exit_code == 2 and "matches several owners" in result.stderr
    result = gdz("returns", "--owner", "market", "--lang", "zh")
    assert result.exit_code == 2 and result.stderr.startswith("gdz: 没有责任单位“market”;")


def test_without_owners_the_round_says_how_to_declare_them(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("returns")
    assert result.exit_code == 2
    assert "the reporting round needs a workspace: run `gdz init`" in result.stderr
    Path("gdz.toml").write_text('log = "progress.toml"\n', encoding="utf-8")
    result = gdz("returns", "--lang", "zh")
    assert result.exit_code == 2 and "尚未设置责任单位:请在 gdz.toml 中添加 `[owners]` 表" in result.stderr
    assert "Owners" not in gdz("show", "pass-rate").stdout  # no owners declared: no line for them


# --- which targets a period asks for -----------------------------------------------------------------------


def test_which_targets_a_period_asks_for() -> None:
    from gdz_targets.store.plan_file import load_plan

    plan = load_plan(FIXTURE_PLAN)
    may, june = Period(Cadence.MONTH, 2025, 5), Period(Cadence.MONTH, 2025, 6)

    def reason(target_id: str, period: Period, records: list[Entry] | None = None) -> Skip | None:
        target = plan.target(target_id)
        assert target is not None
        return skip_reason(plan, target, history_of(records or []), period)

    assert reason("pass-rate", may) is None
    # A milestone done before the period is not asked for again; done within it, it is the period's return.
    done = [entry("hotline", True, "2025-05-20")]
    assert reason("hotline", may, done) is None and reason("hotline", june, done) is Skip.DONE
    # Past its deadline: asked for until met, then never again.
    assert reason("new-services", june, [entry("new-services", 60, "2024-10-31")]) is None
    assert reason("new-services", june, [entry("new-services", 120, "2024-12-31")]) is Skip.MET
    # A yearly series is asked for in the period that holds 31 December.
    assert reason("entities", may) is Skip.YEAR_END
    assert reason("entities", Period(Cadence.MONTH, 2024, 12)) is None
    assert reason("entities", Period(Cadence.QUARTER, 2024, 4)) is None
    assert reason("entities", Period(Cadence.YEAR, 2024)) is None
    # Nothing before the plan set it.
    assert reason("pass-rate", Period(Cadence.MONTH, 2023, 8)) is Skip.NOT_SET


def test_a_one_off_fact_is_never_asked_for() -> None:
    from gdz_targets.store.paths import shipped_plan_path
    from gdz_targets.store.plan_file import load_plan

    plan = load_plan(shipped_plan_path())
    ranking = plan.target("national-ranking")
    assert ranking is not None and ranking.reporting_days is None
    assert skip_reason(plan, ranking, history_of([]), Period(Cadence.YEAR, 2024)) is Skip.ONE_OFF
    later = plan.target("online-handling-rate")  # set by the 2025 work plan (2025-06-25)
    assert later is not None
    assert skip_reason(plan, later, history_of([]), Period(Cadence.MONTH, 2025, 5)) is Skip.NOT_SET
    assert skip_reason(plan, later, history_of([]), Period(Cadence.MONTH, 2025, 6)) is None


def test_two_owners_sharing_a_target_both_owe_it_and_one_figure_answers_for_both() -> None:
    from gdz_targets.store.plan_file import load_plan

    plan = load_plan(FIXTURE_PLAN)
    listed = [Listed("市政务服务数据管理局", (("pass-rate", 1, 1),), Role.LEAD),
              Listed("市市场监管局", (("pass-rate", 2, 1), ("credit-files", 2, 2)), Role.LEAD)]  # fmt: skip
    checked = resolve_owners(plan, listed, "gdz.toml")
    assert checked.problems == []
    assert checked.owners.leads_of("pass-rate") == ["市政务服务数据管理局", "市市场监管局"]
    may = Period(Cadence.MONTH, 2025, 5)
    history = history_of([entry("pass-rate", 80, "2025-05-31")])
    returns = compute_returns(plan, checked.owners, history, may, may.last_day, may.last_day)
    by_name = {row.owner.name: row for row in returns.owners}
    assert by_name["市政务服务数据管理局"].state is State.COMPLETE
    assert [asked.target.id for asked in by_name["市市场监管局"].missing] == ["credit-files"]
    assert by_name["市市场监管局"].state is State.PENDING  # the due day has not passed
    assert returns.owners[0].owner.name == "市市场监管局"  # the most urgent first
    unowned = {target.id for target in returns.unowned}
    assert "pass-rate" not in unowned and {"wait-days", "hotline"} <= unowned


# --- gdz returns ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "width"), [("en", "80"), ("zh", "80"), ("en", "120"), ("zh", "120")])
def test_the_returns_screen(gdz: Gdz, workspace: Path, lang: str, width: str) -> None:
    result = gdz("returns", "--lang", lang, env={"COLUMNS": width})
    assert result.exit_code == 0, result
    facts = {"en": ["due 2025-06-05, 25 days ago", "市自然资源局", "2/2   ✔ complete", "✖ late 25d", "Credit files"],
             "zh": ["截止 2025-06-05,已过 25 天", "2/2   ✔ 已报齐", "✖ 逾期 25天", "信用档案"]}[lang]  # fmt: skip
    assert_golden(f"returns-{lang}-{width}.txt", result.stdout, facts=facts)
    assert max(len(line) for line in result.stdout.splitlines()) <= int(width)


def test_the_most_urgent_come_first_and_complete_last(gdz: Gdz, workspace: Path) -> None:
    result = json.loads(gdz("returns", "-f", "json").stdout)
    states = [owner["state"] for owner in result["owners"]]
    assert states == ["late", "late", "late", "complete"]
    assert [owner["missing"] for owner in result["owners"]] == [3, 1, 1, 0]  # most missing first


def test_one_owner_in_full(gdz: Gdz, workspace: Path) -> None:
    result = gdz("returns", "--owner", "工业")
    assert result.exit_code == 0, result
    assert_golden("returns-owner-en-80.txt", result.stdout, facts=["done (2025-05-20)", "✖ missing"])
    june = gdz("returns", "--owner", "工业", "--period", "2025-06", "--lang", "zh").stdout
    assert "本期无需报送: 热线升级(本期前已完成)" in june  # done in May: June asks only for the rest


def test_returns_go_from_missing_to_complete_as_figures_are_logged(gdz: Gdz, workspace: Path) -> None:
    assert "✖ late" in gdz("returns", "--owner", "市场监管").stdout
    assert gdz("log", "credit-files", "done", "--date", "2025-05-30").exit_code == 0
    result = gdz("returns", "--owner", "市场监管")
    assert "✔ complete" in result.stdout and "1 of 1 owed" in result.stdout
    # A figure dated outside the period is no return for it.
    assert gdz("log", "service-map", "done", "--date", "2025-06-02").exit_code == 0
    assert "✖ late" in gdz("returns", "--owner", "工业").stdout


def test_before_the_due_day_an_owner_is_pending_and_the_period_can_be_chosen(
    gdz: Gdz, workspace: Path
) -> None:
    result = gdz("returns", "--period", "2025-06", "--due", "2025-07-10")
    assert "due 2025-07-10, in 10 days" in result.stdout and "○ pending" in result.stdout
    quarter = json.loads(gdz("returns", "--period", "2025Q2", "-f", "json").stdout)
    assert (quarter["period"], quarter["due"], quarter["due_passed"]) == ("2025Q2", "2025-07-05", False)
    wrong = gdz("returns", "--period", "2025-13")
    assert wrong.exit_code == 2 and "is not a period: write a month 2024-03" in wrong.stderr
    assert gdz("returns", "--due", "soon").exit_code == 2


def test_the_default_period_follows_the_workspace_cycle(gdz: Gdz, workspace: Path) -> None:
    workspace.write_text(OWNERS_TOML.replace('period = "month"', 'period = "季度"').replace("due_day = 5",
                                                                                           "due_day = 15"),
                         encoding="utf-8")  # fmt: skip
    found = json.loads(gdz("returns", "-f", "json").stdout)
    assert (found["period"], found["due"]) == ("2025Q1", "2025-04-15")  # 30 June: Q2 has not ended


def test_returns_as_csv_json_and_markdown(gdz: Gdz, workspace: Path, tmp_path: Path) -> None:
    csv_text = gdz("returns", "-f", "csv").stdout_bytes.decode("utf-8")
    assert csv_text.startswith("\ufeffperiod,due,owner,state,owed,returned,missing,missing_targets,")
    assert "2025-05,2025-06-05,市政务服务数据管理局,late,3,0,3,pass-rate;wait-days;new-services," in csv_text
    zh = gdz("returns", "-f", "csv", "--lang", "zh").stdout_bytes.decode("utf-8")
    assert zh.splitlines()[0].startswith("\ufeff报告期,截止日期,责任单位,状态,应报,已报,尚缺")
    assert ",逾期," in zh
    found = json.loads(gdz("returns", "-f", "json").stdout)
    industry = next(owner for owner in found["owners"] if owner["owner"] == "市工业和信息化局")
    assert industry["targets"][0] == {"target": "hotline", "title": "Hotline upgrade", "role": "lead", "returned": True,
                                      "value": True, "qualifier": None, "date": "2025-05-20"}  # fmt: skip
    markdown = gdz("returns", "-f", "md", "--lang", "zh").stdout
    assert markdown.startswith("# 2025年5月报送情况 · 截止 2025-06-05,已过 25 天\n")
    assert "| 市政务服务数据管理局 | 0/3 | ✖ 逾期 25天 | 一次办成率、平均等候天数、新增通办事项 |" in markdown
    out = tmp_path / "returns.json"
    result = gdz("returns", "-o", str(out))
    assert result.exit_code == 0 and json.loads(out.read_text("utf-8"))["period"] == "2025-05"
    assert gdz("returns", "-o", str(tmp_path / "returns.xlsx")).exit_code == 2
    piped = gdz("returns", "-o", "-")  # standard output, as `gdz export -o -`: CSV
    assert piped.exit_code == 0 and piped.stdout_bytes.decode("utf-8") == csv_text
    assert gdz("returns", "-o", str(tmp_path / "returns.markdown")).exit_code == 0
    assert (tmp_path / "returns.markdown").read_text("utf-8").startswith("# ")


def test_the_reminder_in_chinese_and_english(gdz: Gdz, workspace: Path) -> None:
    zh = gdz("returns", "--remind", "--lang", "zh")
    assert zh.exit_code == 0
    assert_golden(
        "remind-zh.txt", zh.stdout, facts=["2025年5月数据应于6月5日前报送", "1. 市政务服务数据管理局(3项:"]
    )
    en = gdz("returns", "--remind", "--lang", "en")
    assert_golden(
        "remind-en.txt", en.stdout, facts=["Figures for May 2025 were due by 5 June", "(1: Credit files)"]
    )
    upcoming = gdz("returns", "--remind", "--period", "2025-06", "--lang", "zh").stdout
    assert upcoming.startswith(
        "【营商环境指标报送提醒】2025年6月数据请于7月5日前报送。截至6月30日,以下单位尚未报齐:"
    )
    assert "请各单位按时报送。" in upcoming
    assert gdz("returns", "--remind", "-f", "csv").exit_code == 2  # a text to paste, not a report


def test_no_reminder_when_every_owner_has_reported(gdz: Gdz, workspace: Path) -> None:
    workspace.write_text('[owners]\n"市自然资源局" = ["space-started", "approval-cut"]\n', encoding="utf-8")
    assert gdz("returns", "--remind", "--lang", "zh").stdout == "2025年5月数据各责任单位均已报齐,无需催报。\n"


def test_a_target_with_no_owner_is_counted_apart_and_warned_of(gdz: Gdz, workspace: Path) -> None:
    workspace.write_text('[owners]\n"市自然资源局" = ["space-started", "approval-cut"]\n', encoding="utf-8")
    result = gdz("returns")
    assert (
        "6 targets asked for this period have no owner: Done in one visit, Average wait,\n" in result.stdout
    )
    check = gdz("check")
    assert check.exit_code == 0  # a warning, not a problem
    assert (
        "warning: " in check.stdout
        and "pass-rate (Done in one visit) is asked for in May 2025 but has no owner" in check.stdout
    )


# --- owners where a reader needs them -----------------------------------------------------------------------


def test_show_names_the_owners_leads_first(gdz: Gdz, workspace: Path) -> None:
    shown = gdz("show", "pass-rate", "--lang", "zh").stdout
    assert "责任单位  市政务服务数据管理局(牵头)、市市场监管局(配合)" in shown
    workspace.write_text('[owners]\n"市自然资源局" = ["space-started"]\n', encoding="utf-8")
    assert (
        "owners     none yet: add it to a department in gdz.toml [owners]" in gdz("show", "pass-rate").stdout
    )


def test_status_for_one_owner(gdz: Gdz, workspace: Path) -> None:
    result = gdz("status", "--owner", "市场监管")
    assert result.exit_code == 0, result
    shown = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ") and "-" in line]
    assert {"pass-rate", "credit-files"} <= set(shown) and "wait-days" not in result.stdout
    assert "owner 市市场监管局" in result.stdout
    assert gdz("status", "--owner", "nobody").exit_code == 2


def test_one_owners_targets_since_an_earlier_day(gdz: Gdz, workspace: Path) -> None:
    """The rows are the owner's, with their changes; what moved, like the summary, stays the whole plan's."""
    whole = gdz("status", "--since", "2025-03", env={"COLUMNS": "120"}).stdout
    result = gdz("status", "--owner", "自然资源", "--since", "2025-03", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result
    shown = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ") and "-" in line]
    assert shown == ["space-started", "approval-cut"]  # the owner's two targets alone
    assert "+26 pp · score +52" in result.stdout and "-2 days" not in result.stdout  # not wait-days' change
    first = [line for line in whole.splitlines() if line.startswith("Change")]
    assert first and first == [line for line in result.stdout.splitlines() if line.startswith("Change")]


def test_where_and_init_mention_owners(gdz: Gdz, workspace: Path, tmp_path: Path) -> None:
    assert f"owners: 4 in {workspace.resolve()}; returns monthly, due on day 5" in gdz("where").stdout
    made = tmp_path / "fresh"
    assert gdz("init", str(made)).exit_code == 0
    settings = (made / "gdz.toml").read_text("utf-8")
    assert "# [owners]" in settings and '# "市政务服务数据管理局" = ["cross-city-total"' in settings
    import tomllib

    assert tomllib.loads(settings) == {"log": "progress.toml"}  # the example stays a comment


def test_completion_of_owners_and_periods(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gdz_targets.cli import completion

    assert completion.owners("监管") == [("市市场监管局", "2 targets")]
    assert [value for value, _ in completion.periods("")][:3] == ["2025-05", "2025-04", "2025-03"]
    monkeypatch.setenv("GDZ_LANG", "zh")
    assert completion.periods("2025-05") == [("2025-05", "2025年5月")]


def test_returns_imports_only_what_it_needs(workspace: Path) -> None:
    from .test_packaging import HEAVY, modules_after

    log = Path(os.environ["GDZ_LEDGER"])
    modules_after("returns", log=log)  # the first run builds the caches
    for args, allowed in ((("returns",), {"rich", "tomllib"}), (("returns", "--remind"), {"tomllib"}),
                          (("export", "template", "-o", "forms/"), {"tomllib", "xlsxwriter", "hashlib"}),
                          (("returns", "-f", "json"), {"tomllib", "json"})):  # fmt: skip
        loaded = modules_after(*args, log=log)
        assert (
            sorted(name for name, module in HEAVY.items() if module in loaded and name not in allowed) == []
        ), args


def test_the_readme_round_example_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    python = readme.split("## Use from Python", 1)[1].split("```python\n")[2].split("```", 1)[0]
    owners = readme.split("## Reporting round", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "gdz.toml").write_text(f'log = "progress.toml"\n{owners}', encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("GDZ_PLAN", "GDZ_LEDGER")}
    result = subprocess.run([sys.executable, "-c", python], cwd=tmp_path, env=env, capture_output=True, text=True,
                            check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "市政务服务数据管理局 late ['top100-zero-gap'" in result.stdout
    assert len(list((tmp_path / "forms").iterdir())) == 10  # 市医疗保障局 only helps, and has its form too


def test_the_readme_shows_returns_as_gdz_prints_them(gdz: Gdz, monkeypatch: pytest.MonkeyPatch) -> None:
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Reporting round", 1)[1]
    owners = section.split("```toml\n", 1)[1].split("```", 1)[0]
    shown = section.split("### `gdz returns`", 1)[1].split("```\n", 2)[1]
    Path("gdz.toml").write_text(f'log = "progress.toml"\n{owners}', encoding="utf-8")
    monkeypatch.setenv("GDZ_TODAY", "2026-11-30")
    assert gdz("import", str(ROOT / "data" / "published.csv")).exit_code == 0
    assert gdz("returns", "--lang", "zh").stdout == shown
    reminder = gdz("returns", "--remind", "--lang", "zh").stdout.splitlines()
    assert reminder[0] in section and reminder[-1] in section


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_returns_screen_keeps_inside_any_width(workspace: Path, lang: str) -> None:
    from gdz_targets.app.reporting import RoundRequest, returns
    from gdz_targets.app.session import Session
    from gdz_targets.output.screens.returns import returns_view
    from gdz_targets.output.textwidth import width_of

    session = Session(lang)
    every, one = returns(session), returns(session, RoundRequest(owner="工业"))
    for width in range(1, 131):
        for found, detail in ((every, False), (one, True)):
            text = returns_view(found, session.plan(), lang, width, detail).plain
            assert all(width_of(line) <= width for line in text.splitlines()), (width, detail, text)
            assert "市工业和信息化局" in text or width < 40  # narrower, a long name folds
