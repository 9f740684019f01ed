"""Since the last report (`--since`): what moved between two days — each kind of movement in both languages,
corrections as the log then held them, the period a report states, bad input, and the properties that hold
whatever the log (a report against itself never moves; the scores then and now are the two reports')."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdz_targets.domain.model import QUALIFIER_CODES, City, Entry, History, Point, Qualifier, Series, Void
from gdz_targets.domain.movement import Change, movement
from gdz_targets.domain.status import status_report
from gdz_targets.domain.values import parse_period_end
from gdz_targets.output.export import STATUS_COLUMNS
from gdz_targets.output.movement_fields import SINCE_COLUMNS
from gdz_targets.output.sheets import change_column
from gdz_targets.store.plan_file import load_plan
from gdz_targets.store.records import encode_entry, encode_void

from .conftest import FIXTURE_PLAN, ROOT, Gdz, assert_golden, history_of
from .test_reports import lines_fit

PLAN = load_plan(FIXTURE_PLAN)
ZONE = timezone(timedelta(hours=8))
TODAY = date(2025, 6, 30)
WIDE = {"COLUMNS": "120"}
CHANGE_FLAGS = [change_column(change) for change in Change]


def _entry(number: int, target: str, day: date, value: float, recorded: date) -> Entry:
    at = datetime(recorded.year, recorded.month, recorded.day, 12, tzinfo=ZONE)
    return Entry(f"01JZ0000000000000000000{number:03d}", target, City.DONGGUAN, day, value, "tester", at)


def _void(number: int, entry: Entry, recorded: date) -> Void:
    at = datetime(recorded.year, recorded.month, recorded.day, 12, tzinfo=ZONE)
    return Void(f"01JZ00000000000000000V0{number:03d}", entry.id, "wrong figure", "tester", at)


def _append(log: Path, *records: Entry | Void) -> None:
    """Records with the times they say they were made at, as a colleague's clone brings them in."""
    with log.open("a", encoding="utf-8") as handle:
        handle.writelines(encode_void(r) if isinstance(r, Void) else encode_entry(r) for r in records)


def _row(gdz: Gdz, target: str, *args: str, env: Mapping[str, str] | None = None) -> dict[str, object]:
    document = json.loads(gdz("export", "status", "-f", "json", *args, env=env).stdout)
    row: dict[str, object] = next(row for row in document["targets"] if row["target"] == target)
    return row


def _status(gdz: Gdz, since: str, lang: str = "en", env: Mapping[str, str] | None = None) -> str:
    return gdz("status", "--since", since, "--lang", lang, env={**WIDE, **(env or {})}).stdout


# --- periods --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [("2024-03", date(2024, 3, 31)), ("2024Q1", date(2024, 3, 31)), ("2024-Q2", date(2024, 6, 30)),
     ("2024q4", date(2024, 12, 31)), ("2024H1", date(2024, 6, 30)), ("2024h2", date(2024, 12, 31)),
     ("2024", date(2024, 12, 31)), ("２０２４Ｑ３", date(2024, 9, 30)), ("2024-02-10", date(2024, 2, 10))],
)  # fmt: skip
def test_a_period_means_its_last_day(text: str, day: date) -> None:
    assert parse_period_end(text, TODAY) == day


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("text", ["2024Q5", "2024H3", "2024Q0", "Q1", "2024-13", "0000Q1"])
def test_an_unreadable_period_is_one_line_naming_the_fix(
    gdz: Gdz, fixture_env: Path, text: str, lang: str
) -> None:
    result = gdz("status", "--since", text, "--lang", lang)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr and text in result.stderr
    fix = "1900" if text == "0000Q1" else "2024Q1、2024H1" if lang == "zh" else "2024Q1, 2024H1"
    assert fix in result.stderr


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (("status", "--since", "2025-07"), "is after the report's day, 2025-06-30", "晚于报告日期 2025-06-30"),
        (("status", "--since", "2025-05", "--as-of", "2025-04"), "after the report's day, 2025-04-30", "2025-04-30"),
        (("show", "pass-rate", "--since", "2026"), "give an earlier --since", "请给出更早的 `--since`"),
        (("chart", "pass-rate", "--since", "2025-07-01", "-o", "c.svg"), "--since 2025-07-01", "2025-07-01"),
        (("export", "status", "--since", "2025-12"), "2025-12-31", "2025-12-31"),
        (("status", "--sort", "change"), "add --since DATE", "`--since 日期`"),
        (("export", "entries", "--since", "2025-03"), "takes --as-of instead", "请改用 `--as-of`"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_with_the_fix_in_both_languages(
    gdz: Gdz, fixture_env: Path, args: tuple[str, ...], english: str, chinese: str
) -> None:
    for lang, words in (("en", english), ("zh", chinese)):
        result = gdz(*args, "--lang", lang)
        assert result.exit_code == 2, result
        assert words in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not Path("c.svg").exists()


# --- the screen -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_status_since_golden(gdz: Gdz, fixture_env: Path, width: int, lang: str) -> None:
    result = gdz("status", "--since", "2025-03", "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result
    text = result.stdout.replace(str(fixture_env), "<log>")
    facts = {
        "en": ("2025-03-31 → 2025-06-30", "new figures for 4 targets", "✔ newly met 1:", "Hotline upgrade",
               "score 21 → 43", "score 32 → 48", "+26 pp · score +52", "-2 days · score +12", "new · met"),
        "zh": ("2025年3月31日至6月30日", "4 项指标有新数据", "✔ 新达成 1:", "热线升级", "全方案得分 21 → 43",
               "得分 32 → 48", "+26个百分点 · 得分+52", "-2天 · 得分+12", "新数据 · 新达成"),
    }[lang]  # fmt: skip
    assert_golden(f"status-since-{lang}-{width}.txt", text, facts=facts)
    lines_fit(text, width)
    heads = [line.split()[0] for line in text.splitlines() if line and not line.startswith(" ")]
    assert heads.index("Change" if lang == "en" else "本期变化") + 1 == heads.index(
        "Coverage" if lang == "en" else "覆盖")  # first in the summary  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_moved_is_one_line_and_decorates_nothing(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    text = _status(gdz, "2025-06-30", lang)
    plain = gdz("status", "--lang", lang, env=WIDE).stdout
    said = "Change    nothing moved since 2025-06-30" if lang == "en" else "本期变化  2025-06-30 以来无变化"
    assert said in text.splitlines()
    assert "→" not in text.split("\n", 2)[2]  # no score then → now, no change in any cell
    assert _row_ids(text) == _row_ids(plain)


def _row_ids(text: str) -> list[str]:
    """The targets with a row of their own, in the order shown."""
    return [line.split()[0] for line in text.splitlines() if re.match(r"  [a-z0-9]", line)][1:]


def test_the_most_important_change_comes_first(gdz: Gdz, fixture_env: Path) -> None:
    """Newly overdue before newly met: the two deadlines of 2024-12-31 pass between the two days."""
    env = {"GDZ_TODAY": "2025-01-31"}
    gdz("log", "approval-cut", "50", "--date", "2025-01-20", env=env)
    change = _status(gdz, "2024-12", env=env).split("Change", 1)[1].split("Coverage", 1)[0]
    assert change.index("✖ newly overdue 2: New shared services, Credit files") < change.index("✔ newly met")
    ordered = gdz(
        "status", "--since", "2024-12", "--sort", "change", "--area", "2", env={**WIDE, **env}
    ).stdout
    assert _row_ids(ordered) == ["credit-files", "approval-cut"]  # overdue, then met; without data: folded
    assert "sorted by change" in ordered


def test_filters_keep_working_and_the_summary_stays_the_whole_plans(gdz: Gdz, fixture_env: Path) -> None:
    text = gdz("status", "--since", "2025-03", "--area", "2", "--status", "at-risk", env=WIDE).stdout
    assert "Change    new figures for 4 targets" in text  # the whole plan's movement, whatever is shown
    assert "approval-cut" in text and "pass-rate" not in text
    assert "Shown     1 target · area 2 Project services · status at risk" in text


# --- each kind of movement, in both languages -----------------------------------------------------------------


def test_a_new_figure_moves_the_figure_and_the_score(gdz: Gdz, fixture_env: Path) -> None:
    gdz("log", "pass-rate", "80", "--date", "2025-06-15")
    row = _row(gdz, "pass-rate", "--since", "2025-05")
    assert (row["current_then"], row["current"], row["current_change"]) == (75, 80, 5)
    assert (row["score_then"], row["score_change"], row["new_figure"], row["first_figure"]) == (
        70,
        10,
        True,
        False,
    )
    for lang, cell in (("en", "+5 pp · score +10"), ("zh", "+5个百分点 · 得分+10")):
        assert cell in _status(gdz, "2025-05", lang)
    english = gdz("show", "pass-rate", "--since", "2025-05", env={"COLUMNS": "200"}).stdout
    assert (
        "since 2025-05-31: 80% (2025-06-15), up 5 percentage points from 75% (2025-03-31); score 70 → 80"
        in english
    )
    chinese = gdz("show", "pass-rate", "--since", "2025-05", "--lang", "zh", env={"COLUMNS": "200"}).stdout
    assert "2025-05-31 以来:80% (2025-06-15),较 75% (2025-03-31) 增加 5 个百分点;得分 70 → 80" in chinese


def test_a_first_figure_is_new(gdz: Gdz, fixture_env: Path) -> None:
    row = _row(gdz, "space-started", "--since", "2025-03")
    assert (row["current_then"], row["first_figure"], row["current_change"], row["status_then"]) == (
        None, True, None, "no-data")  # fmt: skip
    for lang, words in (("en", "400.5 / 1000×10k m²     40  new"), ("zh", "新数据")):
        assert words in _status(gdz, "2025-03", lang)


def test_a_target_met_since_is_newly_met(gdz: Gdz, fixture_env: Path) -> None:
    gdz("log", "approval-cut", "50", "--date", "2025-06-20")  # 压减50%以上: at least 50, met at 50
    row = _row(gdz, "approval-cut", "--since", "2025-06-15")
    assert (row["status_then"], row["status"], row["newly_met"], row["score_change"]) == (
        "at-risk", "achieved", True, 28)  # fmt: skip
    for lang, words in (("en", "✔ newly met 1: Approval time cut"), ("zh", "✔ 新达成 1:审批时间压减")):
        assert words in _status(gdz, "2025-06-15", lang)
    assert "newly met" in gdz("show", "approval-cut", "--since", "2025-06-15", env=WIDE).stdout


def test_a_deadline_passed_since_is_newly_overdue(gdz: Gdz, fixture_env: Path) -> None:
    env = {"GDZ_TODAY": "2025-01-31"}
    document = json.loads(gdz("export", "status", "-f", "json", "--since", "2024-12", env=env).stdout)
    assert document["movement"]["changes"]["newly-overdue"] == ["new-services", "credit-files"]
    for lang, words, cell in (("en", "✖ newly overdue 2", "overdue"), ("zh", "✖ 新逾期 2", "新逾期")):
        text = _status(gdz, "2024-12", lang, env)
        assert words in text
        assert cell in next(line for line in text.splitlines() if line.startswith("  new-services"))


def test_a_figure_grown_old_since_is_newly_stale(gdz: Gdz, fixture_env: Path) -> None:
    """pass-rate's last figure is of 2025-03-31: 90 days old on 2025-06-29, 91 (stale) on 2025-06-30."""
    row = _row(gdz, "pass-rate", "--since", "2025-06-29")
    assert (row["stale_then"], row["stale"], row["newly_stale"], row["new_figure"]) == (
        False,
        True,
        True,
        False,
    )
    for lang, words in (("en", "newly stale 1: Done in one visit"), ("zh", "新增久未更新 1:一次办成率")):
        assert words in _status(gdz, "2025-06-29", lang)


def test_a_correction_that_lowers_a_figure_went_back_and_says_corrected(gdz: Gdz, fixture_env: Path) -> None:
    """A figure logged before the earlier day and voided after it counts in the earlier report, as the log
    then held it; the figure logged in its place for the same day counts in the later one."""
    wrong = _entry(1, "approval-cut", date(2025, 6, 10), 45, recorded=date(2025, 6, 11))
    right = _entry(2, "approval-cut", date(2025, 6, 10), 40, recorded=date(2025, 6, 25))
    _append(fixture_env, wrong, _void(1, wrong, date(2025, 6, 25)), right)
    row = _row(gdz, "approval-cut", "--since", "2025-06-15")
    assert (row["current_then"], row["current"], row["current_change"], row["score_change"]) == (
        45,
        40,
        -5,
        -10,
    )
    assert (row["corrected"], row["went_back"], row["new_figure"]) == (True, True, False)
    english = _status(gdz, "2025-06-15")
    assert "went back 1: Approval time cut · corrected 1: Approval time cut" in english
    assert "corrected -5 pp · score -10" in english
    chinese = _status(gdz, "2025-06-15", "zh")
    assert (
        "回落 1:审批时间压减 · 已更正 1:审批时间压减" in chinese and "已更正 -5个百分点 · 得分-10" in chinese
    )
    shown = gdz("show", "approval-cut", "--since", "2025-06-15", env={"COLUMNS": "250"}).stdout
    assert ("40% (2025-06-10), down 5 percentage points from 45% (2025-06-10); the earlier report's 45% "
            "(2025-06-10) has since been voided; score 90 → 80; went back") in shown  # fmt: skip
    # The report as of the earlier day on its own is as the log now knows it: the correction counts there.
    assert _row(gdz, "approval-cut", "--as-of", "2025-06-15")["current"] == 40


def test_a_void_after_the_day_moves_the_report_as_the_log_says(gdz: Gdz, fixture_env: Path) -> None:
    """Voided after the earlier day with nothing in its place: the earlier report had it, this one has the
    figure before it. Voided by the day, or logged after it, it moved nothing."""
    wrong = _entry(1, "wait-days", date(2025, 5, 31), 9, recorded=date(2025, 6, 1))
    _append(fixture_env, wrong, _void(1, wrong, date(2025, 6, 20)))
    row = _row(gdz, "wait-days", "--since", "2025-06-10")
    assert (row["current_then"], row["current"], row["current_change"]) == (9, 18, 9)
    assert (row["corrected"], row["went_back"]) == (True, True)  # fewer days is better: 9 → 18 went back
    for since in ("2025-05-31", "2025-06-20"):  # logged after the day; voided by the day
        assert (_row(gdz, "wait-days", "--since", since)["corrected"], row["current"]) == (False, 18)
    assert "corrected +9 days" in _status(gdz, "2025-06-10")
    assert "已更正 +9天" in _status(gdz, "2025-06-10", "zh")


def test_a_peer_figure_that_moves_the_frontier_moves_the_score(gdz: Gdz, fixture_env: Path) -> None:
    gdz("log", "pass-rate", "95", "--city", "shenzhen", "--date", "2025-06-20")
    row = _row(gdz, "pass-rate", "--since", "2025-06-19")
    assert (row["frontier_moved"], row["new_figure"], row["current_change"]) == (True, False, 0)
    assert (row["score_then"], row["score"], row["score_change"]) == (70, 63.64, -6.36)
    for lang, words, cell in (("en", "GZ/SZ moved the bar 1: Done in one visit", "score -7"),
                              ("zh", "广深标杆变化 1:一次办成率", "得分-7")):  # fmt: skip
        text = _status(gdz, "2025-06-19", lang)
        assert words in text and cell in text
    shown = gdz("show", "pass-rate", "--since", "2025-06-19", env={"COLUMNS": "200"}).stdout
    assert "score 70 → 63; 100 now stands for Shenzhen's 95%" in shown


def test_a_related_measure_never_moves_a_score(gdz: Gdz, fixture_env: Path) -> None:
    gdz("log", "new-services", "500", "--city", "guangzhou", "--date", "2025-06-20")
    row = _row(gdz, "new-services", "--since", "2025-06-19")
    assert not any(row[column] for column in CHANGE_FLAGS) and row["score_change"] == 0
    change = _status(gdz, "2025-06-19").split("Coverage", 1)[0]
    assert "New shared services" not in change and "bar" not in change  # pass-rate grew stale meanwhile


# --- documents ------------------------------------------------------------------------------------------------


def test_csv_keeps_its_columns_and_adds_the_changes_at_the_end(gdz: Gdz, fixture_env: Path) -> None:
    plain = gdz("export", "status", "-f", "csv").stdout_bytes.decode("utf-8-sig")
    since = gdz("export", "status", "-f", "csv", "--since", "2025-03").stdout_bytes.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(since))) == [*STATUS_COLUMNS, *SINCE_COLUMNS]
    assert next(csv.reader(io.StringIO(plain))) == list(STATUS_COLUMNS)  # without --since: as it was
    rows = {row["target"]: row for row in csv.DictReader(io.StringIO(since))}
    assert (rows["approval-cut"]["current_then"], rows["approval-cut"]["current_change"]) == ("10", "26")
    assert (rows["hotline"]["current_then"], rows["hotline"]["newly_met"]) == ("", "true")
    chinese = gdz("export", "status", "-f", "csv", "--since", "2025-03", "--lang", "zh").stdout_bytes
    titles = next(csv.reader(io.StringIO(chinese.decode("utf-8-sig"))))
    assert titles[len(STATUS_COLUMNS) :][:3] == ["上期日期", "上期值", "上期值日期"] and "新达成" in titles


def test_json_gains_the_earlier_values_and_scores(gdz: Gdz, fixture_env: Path) -> None:
    document = json.loads(gdz("export", "status", "-f", "json", "--since", "2025-03").stdout)
    assert (document["as_of"], document["since"]) == ("2025-06-30", "2025-03-31")
    then = document["movement"]["then"]
    assert then["plan"] == {"score": 21.43, "mean_with_data": 30, "targets_with_data": 5, "targets": 8}
    assert document["movement"]["changes"]["newly-met"] == ["hotline"]
    assert document["movement"]["moved"][0] == "pass-rate"  # newly stale: first of what moved
    plain = json.loads(gdz("export", "status", "-f", "json").stdout)
    assert "since" not in plain and "movement" not in plain and "since" not in plain["targets"][0]
    assert [row["score"] for row in plain["targets"]] == [row["score"] for row in document["targets"]]


def test_the_workbook_has_every_change_among_all_fields(gdz: Gdz, fixture_env: Path) -> None:
    import openpyxl

    gdz("export", "status", "-o", "report.xlsx", "--since", "2025-03")
    header = [cell.value for cell in openpyxl.load_workbook("report.xlsx").worksheets[-1][1]]
    assert header[-len(SINCE_COLUMNS) :][:2] == ["Since", "Then"] and "Newly met" in header


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_chart_marks_the_earlier_day(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    svg = gdz("chart", "pass-rate", "--since", "2025-03", "-f", "svg", "--lang", lang).stdout
    mark, period = {"en": ("since 2025-03-31", "2025-03-31 → 2025-06-30"),
                    "zh": ("上期 2025-03-31", "2025年3月31日至6月30日")}[lang]  # fmt: skip
    assert mark in svg and period in svg and 'stroke-dasharray="1 3"' in svg
    assert mark not in gdz("chart", "pass-rate", "-f", "svg", "--lang", lang).stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_show_says_nothing_moved_in_a_sentence(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    text = gdz("show", "wait-days", "--since", "2025-05", "--lang", lang, env=WIDE).stdout
    assert ("nothing moved since 2025-05-31" if lang == "en" else "2025-05-31 以来无变化") in text


# --- the log's corrections, as the index keeps them -------------------------------------------------------------


def test_the_index_keeps_the_records_of_the_days_a_void_touched(gdz: Gdz, fixture_env: Path) -> None:
    from gdz_targets.store.log import open_log

    def corrections() -> list[str]:
        return [
            record.id[-3:] for record in open_log(fixture_env, Path("cache"), entries=False).corrections()
        ]

    assert corrections() == ["297", "PTK"]  # the fixture's typo and its void
    gdz("log", "wait-days", "10", "--date", "2025-05-31", env={"GDZ_CACHE_DIR": str(Path("cache").resolve())})
    assert corrections() == ["297", "PTK"]  # another day: no correction
    wrong = _entry(1, "wait-days", date(2025, 5, 31), 9, recorded=date(2025, 6, 1))
    _append(fixture_env, wrong, _void(1, wrong, date(2025, 6, 20)))
    found = corrections()  # with the day's other figure: its time says whether the earlier report saw it
    assert found[:2] == ["297", "PTK"] and len(found) == 5 and {"001", "V001"[-3:]} <= set(found)


# --- properties -----------------------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31))
FIGURES = st.tuples(
    st.sampled_from([t.id for t in PLAN.targets if t.unit]),
    st.sampled_from(list(City)),
    DAYS,
    st.integers(min_value=1, max_value=100),
    st.sampled_from([None, None, Qualifier.OVER, Qualifier.ABOUT]),
)
Figure = tuple[str, City, date, int, Qualifier | None]


def _history(figures: list[Figure]) -> History:
    series: dict[tuple[str, City], list[tuple[date, int, Qualifier | None]]] = {}
    for target, city, day, value, bound in figures:
        series.setdefault((target, city), []).append((day, value, bound))
    made = {}
    for key, found in series.items():
        points = sorted(found, key=lambda point: point[0])
        made[key] = Series([day.toordinal() for day, _, _ in points], [float(value) for _, value, _ in points],
                           [QUALIFIER_CODES.index(bound) for _, _, bound in points])  # fmt: skip
    return History(made)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FIGURES, max_size=40), DAYS, DAYS)
def test_the_scores_then_and_now_are_the_two_reports_scores(
    figures: list[Figure], one: date, two: date
) -> None:
    since, as_of = sorted((one, two))
    history = _history(figures)
    now = status_report(PLAN, history, as_of)
    moved = movement(PLAN, history, now, since)
    then = status_report(PLAN, history, since)
    assert moved.then == then and moved.now == now
    assert [row.then.score for row in moved.targets.values()] == [row.score for row in then.all_targets()]
    assert [row.now.score for row in moved.targets.values()] == [row.score for row in now.all_targets()]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FIGURES, max_size=40), DAYS)
def test_a_report_against_itself_never_moves(figures: list[Figure], day: date) -> None:
    history = _history(figures)
    moved = movement(PLAN, history, status_report(PLAN, history, day), day)
    assert moved.moved() == [] and not any(row.moved or row.changes for row in moved.targets.values())


Logged = tuple[date, int, date, bool, date]  # day, value, logged on, voided or not, voided on


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(DAYS, st.integers(min_value=0, max_value=100), DAYS, st.booleans(), DAYS), max_size=8),
       DAYS)  # fmt: skip
def test_a_log_made_by_the_day_gives_its_report_as_as_of_gives_it(records: list[Logged], since: date) -> None:
    """Every entry logged and every void made by the earlier day: its report is `--as-of`'s, corrections and
    all (a void made by then had been made when a report of that day was)."""
    made: list[Entry | Void] = []
    for number, (day, value, logged_on, voided, void_day) in enumerate(records):
        logged = min(logged_on, since)
        entry = _entry(number, "approval-cut", min(day, logged), value, recorded=logged)
        made += [entry, _void(number, entry, min(max(void_day, logged), since))] if voided else [entry]
    history = history_of(made)
    known_by = datetime(since.year, since.month, since.day, tzinfo=ZONE) + timedelta(days=1)
    now = status_report(PLAN, history, max(since, TODAY))
    assert movement(PLAN, history, now, since, made, known_by).then == status_report(PLAN, history, since)


@given(
    st.lists(st.tuples(DAYS, st.integers(min_value=0, max_value=9), st.sampled_from(QUALIFIER_CODES)), max_size=30),
    st.dictionaries(DAYS, st.tuples(st.integers(min_value=10, max_value=19), st.sampled_from(QUALIFIER_CODES)),
                    max_size=5),
    DAYS,
    st.booleans(),
)  # fmt: skip
def test_a_revised_series_is_the_series_with_those_days_replaced(
    figures: list[tuple[date, int, Qualifier | None]],
    replaced: dict[date, tuple[int, Qualifier | None]],
    until: date,
    packed: bool,
) -> None:
    """Spliced from spans of the series (arrays, as the index holds it, or lists), it is what replacing each
    day's figures one point at a time gives, up to the day."""
    from array import array

    figures.sort(key=lambda figure: figure[0])
    days = [day.toordinal() for day, _, _ in figures]
    values = [float(value) for _, value, _ in figures]
    marks = [QUALIFIER_CODES.index(bound) for _, _, bound in figures]
    series = (
        Series(array("i", days), array("d", values), array("B", marks))
        if packed
        else Series(days, values, marks)
    )
    points = {
        day: Point(day, float(value), bound) for day, (value, bound) in replaced.items() if day <= until
    }
    expected = sorted([*(p for p in series.points(until) if p.date not in points), *points.values()],
                      key=lambda point: point.date)  # fmt: skip
    assert series.revised(points, until).points(until) == expected


def test_a_milestone_reported_again_is_a_new_figure_in_its_row(gdz: Gdz, fixture_env: Path) -> None:
    """The summary counts a new figure; the row says which (a done milestone done again: its state did not
    change, so the row says it was reported again)."""
    gdz("log", "hotline", "done", "--date", "2025-06-20")
    for lang, count, cell in (
        ("en", "new figures for 1 target", "new figure"),
        ("zh", "1 项指标有新数据", "新数值"),
    ):
        text = _status(gdz, "2025-06-10", lang)
        row = next(line for line in text.splitlines() if line.startswith("  hotline"))
        assert count in text and cell in row


def test_a_bounded_change_is_said_in_words_in_a_sentence(gdz: Gdz, fixture_env: Path) -> None:
    """60 then, more than 100 now: up more than 40, never `up >+40`."""
    gdz("log", "new-services", ">100", "--date", "2025-06-20")
    english = gdz("show", "new-services", "--since", "2025-06-10", env={"COLUMNS": "250"}).stdout
    assert "up over 40 items from 60 items (2024-10-31)" in english and ">+" not in english
    chinese = gdz(
        "show", "new-services", "--since", "2025-06-10", "--lang", "zh", env={"COLUMNS": "250"}
    ).stdout
    assert "增加 超过40项" in chinese and ">+" not in chinese
    assert ">+40 items" in _status(gdz, "2025-06-10")  # the short cell keeps its mark


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_what_moved_never_splits_an_item_a_line_of_its_own_holds(width: int) -> None:
    from gdz_targets.output.screens.layout import flow

    items = [("new figures for 12 targets", ""), ("✔ newly met 3: Hotline upgrade, Approval time cut, Map", ""),
             ("score 21 → 43", ""), ("newly stale 2: Done in one visit, Credit files", "")]  # fmt: skip
    lines = flow("Change", items, width, indent=10, separator=" · ", pad=True, fold=True, run_on=True).plain
    for item, _ in items:  # an item a line of its own holds is on one line whole; a longer one folds
        if len(item) <= width - 10:
            assert any(item in line for line in lines.splitlines()), (item, lines)


def test_the_change_column_is_planned_the_same_in_every_run() -> None:
    """Its width comes from the unit most targets are counted in; where two tie, the first in the plan, never
    whichever a run's hash order puts first."""
    import subprocess
    import sys

    code = (f"from gdz_targets.store.plan_file import load_plan; from pathlib import Path; "
            f"from gdz_targets.output.changes import planned_change_width as w; "
            f"p = load_plan(Path({str(ROOT / 'data' / 'targets.toml')!r})); print(w(p, 'en'), w(p, 'zh'))")  # fmt: skip
    widths = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}  # fmt: skip
    assert len(widths) == 1, widths
