"""Every figure exact: one arithmetic for scores, "later" means later in the log, --as-of that reproduces the
report of that day, bounds and units as sources write them, one import one act (issue: figures that disagree
with themselves). Each test fails on the arithmetic or the rules gdz had before."""

from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdz_targets.app.session import Session
from gdz_targets.domain.exact import difference, quotient, share, weighted_mean
from gdz_targets.domain.model import Entry
from gdz_targets.output.text import score_value
from gdz_targets.store import plan_cache, records
from gdz_targets.store.files import read_bytes
from gdz_targets.store.plan_file import load_plan
from gdz_targets.store.records import scan

from .conftest import FIXTURE_PLAN, ROOT, Gdz

SHIPPED = ROOT / "data" / "targets.toml"


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "progress.toml"
    monkeypatch.setenv("GDZ_LEDGER", str(path))
    return path


def _json_row(gdz: Gdz, target: str, *args: str) -> dict[str, object]:
    result = gdz("export", "status", "-f", "json", *args)
    assert result.exit_code == 0, result
    return next(row for row in json.loads(result.stdout)["targets"] if row["target"] == target)


# --- 1. one arithmetic ------------------------------------------------------------------------------------------


def test_what_is_exact_on_paper_is_exact() -> None:
    assert share(29, 0, 50) == 58  # 100 × (29 / 50) is 57.99999999999999 in binary floating point
    assert difference(100, 87.6) == 12.4  # not 12.400000000000006
    assert share(0.3, 0.1, 0.5) == 50
    assert quotient(10**17 - 1, 10**15) < 100  # never rounded up onto the whole number it is short of
    assert score_value(quotient(10**17 - 1, 10**15)) == "99"


@given(
    st.lists(st.integers(1, 6), min_size=1, max_size=8),
    st.sampled_from([100.0, 58.0, 87.6, 0.0, 33.3]),
)
def test_a_mean_of_equal_scores_is_that_score_whatever_the_weights(groups: list[int], score: float) -> None:
    """Three measures of 100 sharing one target's weight (⅓ each) average 100, not 99.99999999999999."""
    weights = [1 / size for size in groups]
    assert weighted_mean([score] * len(weights), weights, weights) == score
    assert weighted_mean([100.0, 100.0, 100.0, 50.0], [1 / 3] * 3 + [1.0], [1 / 3] * 3 + [1.0, 1.0]) == 50


def test_an_area_whose_targets_all_score_100_averages_100(gdz: Gdz, log: Path) -> None:
    """The shipped plan's area 4 has a group of three: its two scored targets, at 100, weigh ⅓ and 1. The
    screen rounds down, so a mean of 99.99999999999999 would show 99."""
    later = {"GDZ_TODAY": "2026-12-01", "COLUMNS": "120"}
    gdz("import", str(ROOT / "data" / "published.csv"), env=later)
    shown = gdz("status", env=later).stdout
    assert "100 over the 5 with data" in shown and "score 22 · 2 of 9 with data" in shown


def test_a_score_58_percent_of_the_way_shows_58_everywhere(gdz: Gdz, log: Path) -> None:
    logged = gdz("log", "land-approval-cut", "29", "--date", "2024-06-30", env={"COLUMNS": "200"})
    assert logged.exit_code == 0 and "score 58" in logged.stdout, logged
    show = gdz("show", "land-approval-cut")
    assert show.exit_code == 0
    assert re.search(r"^progress +▮+▯+ 58%$", show.stdout, re.M), show.stdout
    assert re.search(r"^score +58$", show.stdout, re.M), show.stdout
    status = gdz("status", env={"COLUMNS": "120"})
    line = next(line for line in status.stdout.splitlines() if line.strip().startswith("land-approval-cut"))
    assert " 58  " in line, line
    row = _json_row(gdz, "land-approval-cut")
    assert (row["score"], row["progress_pct"]) == (58, 58)


# --- 2. later in the log ----------------------------------------------------------------------------------------


def test_the_later_record_is_the_one_later_in_the_log_whatever_the_clocks(gdz: Gdz, log: Path) -> None:
    # Two same-day figures; the second, written later, has the lower id (its machine's clock was behind).
    log.write_text(
        "# gdz progress log\n"
        'entry.01M0000000000000000000000Z = {target = "land-approval-cut", city = "dongguan", '
        'date = 2024-06-30, value = 20, by = "a", at = 2026-01-01 10:00:00+08:00}\n'
        'entry.01J00000000000000000000000 = {target = "land-approval-cut", city = "dongguan", '
        'date = 2024-06-30, value = 30, by = "b", at = 2026-01-01 09:00:00+08:00}\n',
        encoding="utf-8",
    )
    assert _json_row(gdz, "land-approval-cut")["current"] == 30
    history = gdz("history", "land-approval-cut").stdout.splitlines()
    assert history[2].split()[0] == "0000000Z" and history[3].split()[0] == "00000000"  # the log's order


def test_gdz_log_says_what_the_report_then_shows_when_the_clock_is_behind(
    gdz: Gdz, log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert gdz("log", "land-approval-cut", "20", "--date", "2024-06-30").exit_code == 0
    monkeypatch.setattr(records, "_last_id", [0])  # another machine, whose clock is an hour behind
    behind = time.time_ns() - 3600 * 10**9
    monkeypatch.setattr("gdz_targets.store.records.time.time_ns", lambda: behind)
    logged = gdz("log", "land-approval-cut", "30", "--date", "2024-06-30", env={"COLUMNS": "200"})
    assert "now 30%" in logged.stdout and "replaces 20%" in logged.stdout, logged
    assert _json_row(gdz, "land-approval-cut")["current"] == 30


# --- 3. --as-of cuts the plan's figures too ---------------------------------------------------------------------


def test_as_of_leaves_out_the_plans_figures_dated_later(
    gdz: Gdz, log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GDZ_PLAN", str(FIXTURE_PLAN))
    # pass-rate: baseline 40 (2024-01-01), Guangzhou 80 (2024), Shenzhen 85 (2024-06)
    before = _json_row(gdz, "pass-rate", "--as-of", "2024-05-31")
    assert (before["baseline"], before["guangzhou"], before["shenzhen"]) == (40, None, None)
    assert before["score_frontier_source"] == "target"
    june = _json_row(gdz, "pass-rate", "--as-of", "2024-06-30")
    assert (june["guangzhou"], june["shenzhen"]) == (None, 85)
    year = _json_row(gdz, "pass-rate", "--as-of", "2024-12-31")
    assert (year["guangzhou"], year["shenzhen"]) == (80, 85)
    early = _json_row(gdz, "pass-rate", "--as-of", "2023-12-31")
    assert (early["baseline"], early["current"], early["status"]) == (None, None, "no-data")  # 40 is of 2024


# --- 4. a bound flows into progress and the gap -----------------------------------------------------------------


def test_a_bounded_figure_does_not_contradict_itself(gdz: Gdz, log: Path) -> None:
    assert gdz("log", "cross-city-total", ">1000", "--date", "2023-12-31").exit_code == 0
    show = gdz("show", "cross-city-total", env={"COLUMNS": "120"}).stdout
    assert "✔ met" in show and "100%" in show and "beyond the target" in show, show
    assert "level with the target" not in show and "99%" not in show
    row = _json_row(gdz, "cross-city-total")
    assert (row["score"], row["progress_pct"], row["status"]) == (100, 100, "achieved")


def test_a_lower_bound_short_of_the_target_says_the_gap_is_at_most_that(gdz: Gdz, log: Path) -> None:
    assert gdz("log", "land-approval-cut", ">40", "--date", "2024-06-30").exit_code == 0
    show = gdz("show", "land-approval-cut", env={"COLUMNS": "120"}).stdout
    assert "less than 10 percentage points short of the target" in show
    zh = gdz("show", "land-approval-cut", "--lang", "zh", env={"COLUMNS": "120"}).stdout
    assert "距目标还差 不到 10 个百分点" in zh


# --- 5. two bounds that disagree --------------------------------------------------------------------------------


def test_an_import_whose_qualifier_column_contradicts_the_value_is_refused_at_that_cell(
    gdz: Gdz, log: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "in.csv"
    sheet.write_text("target,date,value,qualifier\nland-approval-cut,2024-06-30,~40,over\n", encoding="utf-8")
    result = gdz("import", str(sheet))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"gdz: {sheet}:2:4: ") and "state different bounds" in result.stderr
    assert not log.exists()


# --- 6. values as sources write them ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "value", "shown"),
    [("land-approval-cut", "45%以上", ">=45%"), ("cross-city-total", "1020项", "1020 items"),
     ("cross-city-total", "1,080项", "1080 items"), ("industrial-space", ">1000万平方米", ">1000×10k m²"),
     ("national-ranking", "第4名", "rank 4"), ("national-ranking", "rank 4", "rank 4")],
)  # fmt: skip
def test_a_value_may_carry_its_targets_own_unit(
    gdz: Gdz, log: Path, target: str, value: str, shown: str
) -> None:
    result = gdz("log", target, value, "--date", "2024-06-30", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result
    assert f" = {shown} (Dongguan" in result.stdout


def test_another_unit_is_refused_naming_the_one_expected(gdz: Gdz, log: Path) -> None:
    result = gdz("log", "cross-city-total", "1020万平方米", "--date", "2023-12-31")
    assert result.exit_code == 2
    assert "the target is measured in items" in result.stderr
    zh = gdz("log", "cross-city-total", "1020个", "--date", "2023-12-31", "--lang", "zh")
    assert "该指标以项计" in zh.stderr
    assert not log.exists()


# --- 7. the plan's cache and the code that reads plans ----------------------------------------------------------


def test_the_plan_cache_is_not_used_by_another_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = tmp_path / "plan_file.py"
    reader.write_text("# the reader\n", encoding="utf-8")
    monkeypatch.setattr(plan_cache, "READERS", (reader,))
    loads: list[Path] = []
    real = load_plan

    def counting(path: Path, strict: bool = False) -> object:
        loads.append(path)
        return real(path, strict)

    monkeypatch.setattr("gdz_targets.store.plan_file.load_plan", counting)
    cache = tmp_path / "cache"
    plan_cache.load_plan_cached(FIXTURE_PLAN, cache)
    plan_cache.load_plan_cached(FIXTURE_PLAN, cache)
    assert len(loads) == 1  # the second read came from the cache
    reader.write_text("# the reader, changed in a new version\n", encoding="utf-8")
    plan_cache.load_plan_cached(FIXTURE_PLAN, cache)
    assert len(loads) == 2


# --- 8. a target that can never be scored -----------------------------------------------------------------------


def test_check_names_a_target_that_can_never_be_scored(
    gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.toml"
    text = FIXTURE_PLAN.read_text(encoding="utf-8")
    plan.write_text(
        text + '\n[[target]]\nid = "rank-goal"\narea = "services"\nkind = "numeric"\ntitle_zh = "排名"\n'
        'title_en = "Rank"\nunit = "rank"\ndirection = "lower"\ntarget = 10\nsource = "fixture"\n'
        'quote = "排名进入前10"\n',
        encoding="utf-8",
    )
    if "[units.rank]" not in text:
        plan.write_text(plan.read_text(encoding="utf-8") + '\n[units.rank]\nzh = "第{}名"\nen = "rank {}"\nminimum = 1\n',
                        encoding="utf-8")  # fmt: skip
    monkeypatch.setenv("GDZ_PLAN", str(plan))
    monkeypatch.setenv("GDZ_LEDGER", str(tmp_path / "log.toml"))
    check = gdz("check")
    assert check.exit_code == 1
    assert "target rank-goal can never be scored" in check.stdout and "add a baseline" in check.stdout
    assert f"{plan}:" in check.stdout
    assert gdz("status").exit_code == 0  # the plan still loads: only check says it misleads


# --- 9. the plan's time zone, and Excel's first days ------------------------------------------------------------


def test_today_is_dongguans_whatever_the_machines_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    evening_utc = datetime(2026, 12, 3, 20, 0, tzinfo=UTC).timestamp()  # 04:00 on the 4th in Dongguan
    shipped = Session(environ={}, plan=SHIPPED, clock=lambda: evening_utc)
    assert shipped.today() == date(2026, 12, 4)
    assert shipped.now().utcoffset() is not None and shipped.now().isoformat().endswith("+08:00")
    from gdz_targets.app.record import build_entry, read_entry

    given = read_entry(shipped, "cross-city-new", "10", "today")
    entry = build_entry(shipped.plan(), given, "t", shipped.now(), shipped.today(), force=False)
    assert entry.date == date(2026, 12, 4)  # "today" in Dongguan is not the future


def test_a_plan_with_an_unknown_time_zone_is_refused(
    gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(FIXTURE_PLAN.read_text(encoding="utf-8").replace("[plan]\n", '[plan]\ntime_zone = "Mars/Olympus"\n', 1),
                    encoding="utf-8")  # fmt: skip
    monkeypatch.setenv("GDZ_PLAN", str(plan))
    result = gdz("check")
    assert result.exit_code == 1 and 'unknown time zone "Mars/Olympus"' in result.stdout


@pytest.mark.parametrize(
    ("serial", "day"),
    [(1, date(1900, 1, 1)), (59, date(1900, 2, 28)), (61, date(1900, 3, 1)), (45777, date(2025, 4, 30))],
)
def test_excel_serial_dates_count_excels_leap_day_that_never_was(serial: int, day: date) -> None:
    from gdz_targets.store.cells import excel_day

    assert excel_day(serial) == day


def test_excel_serial_60_is_refused() -> None:
    from gdz_targets.domain.values import ValueRefused
    from gdz_targets.store.cells import excel_day

    with pytest.raises(ValueRefused):
        excel_day(60)  # 1900-02-29, a day Excel shows and the calendar never had


# --- 10. shared logs: one figure, one id ------------------------------------------------------------------------


def _copies_log(log: Path) -> None:
    """One figure imported on two clones before the shipped file had ids: two ids, the same figure."""
    line = ('entry.{id} = {{target = "business-entities", city = "dongguan", date = 2023-12-31, value = 172.92, '
            'source = "东莞概况", by = "{by}", at = 2026-01-01 10:00:00+08:00}}\n')  # fmt: skip
    log.write_text("# gdz progress log\n" + line.format(id="01K00000000000000000000002", by="a")
                   + line.format(id="01K00000000000000000000001", by="b"), encoding="utf-8")  # fmt: skip


def test_check_finds_one_figure_under_two_ids_and_repair_voids_the_copy(gdz: Gdz, log: Path) -> None:
    _copies_log(log)
    check = gdz("check")
    assert check.exit_code == 1
    assert "entry 01K00000000000000000000002 says what entry 01K00000000000000000000001 says" in check.stdout
    repaired = gdz("check", "--repair")
    assert repaired.exit_code == 0, repaired
    assert "voided 1 copies" in repaired.stdout
    assert gdz("check").exit_code == 0
    history = gdz("history", "--all", env={"COLUMNS": "200"}).stdout
    assert "00000002 ✗" in history and "00000001 ✗" not in history  # the lowest id is kept, on every clone


def test_the_shipped_figures_have_ids_so_two_clones_import_the_same_records(
    gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GDZ_TODAY", "2026-12-04")
    exports = []
    for clone in ("a", "b"):
        monkeypatch.setenv("GDZ_LEDGER", str(tmp_path / clone / "progress.toml"))
        monkeypatch.setenv("GDZ_USER", clone)
        assert gdz("import", str(ROOT / "data" / "published.csv")).exit_code == 0
        exports.append(gdz("export", "entries", "--codes").stdout)
        lines = (tmp_path / clone / "progress.toml").read_text(encoding="utf-8").splitlines()
        assert lines[-1].startswith("import.")  # the import's closing record: its own, per clone
    assert exports[0] == exports[1]
    union = tmp_path / "union.toml"  # what git's union merge keeps: every line of both, once or twice
    union.write_bytes((tmp_path / "a" / "progress.toml").read_bytes()
                      + b"".join((tmp_path / "b" / "progress.toml").read_bytes().splitlines(keepends=True)[1:]))  # fmt: skip
    monkeypatch.setenv("GDZ_LEDGER", str(union))
    assert gdz("check").exit_code == 0
    assert gdz("export", "entries", "--codes").stdout == exports[0]


def test_an_exported_row_whose_figure_is_logged_under_another_id_is_already_there(
    gdz: Gdz, log: Path, tmp_path: Path
) -> None:
    _copies_log(log)
    sheet = tmp_path / "rows.csv"
    sheet.write_text("id,target,city,date,value,source\n01K00000000000000000000009,business-entities,dongguan,"
                     "2023-12-31,172.92,东莞概况\n", encoding="utf-8")  # fmt: skip
    result = gdz("import", str(sheet))
    assert result.exit_code == 0 and "0 entries" in result.stdout and "1 already" in result.stdout, result


# --- 11. an import is one act ------------------------------------------------------------------------------------


def _three_rows(tmp_path: Path) -> Path:
    sheet = tmp_path / "q1.csv"
    sheet.write_text("target,date,value\nland-approval-cut,2024-03-31,10\nland-approval-cut,2024-06-30,20\n"
                     "cross-city-new,2023-12-31,60\n", encoding="utf-8")  # fmt: skip
    return sheet


def test_undo_after_an_import_takes_back_the_import_as_a_whole(gdz: Gdz, log: Path, tmp_path: Path) -> None:
    assert gdz("log", "feedback-rate", "80", "--date", "2024-06-30").exit_code == 0
    assert gdz("import", str(_three_rows(tmp_path))).exit_code == 0
    history = gdz("history", env={"COLUMNS": "200"}).stdout
    batch = {
        line.split()[-1]
        for line in history.splitlines()[2:]
        if "land-approval-cut" in line or "cross-city-new" in line
    }
    assert len(batch) == 1  # the rows that came in together show one import
    undo = gdz("undo", "--yes", env={"COLUMNS": "200"})
    assert undo.exit_code == 0 and "the import of" in undo.stdout and "(3 entries" in undo.stdout, undo
    assert _json_row(gdz, "land-approval-cut")["current"] is None
    assert _json_row(gdz, "feedback-rate")["current"] == 80  # the act before it is untouched
    again = gdz("undo", "--yes", env={"COLUMNS": "200"})
    assert "Problem feedback rate = 80%" in again.stdout


def test_rows_without_the_record_that_closes_their_import_never_count(
    gdz: Gdz, log: Path, tmp_path: Path
) -> None:
    assert gdz("import", str(_three_rows(tmp_path))).exit_code == 0
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[-1].startswith("import.")
    log.write_text("".join(lines[:-1]), encoding="utf-8")  # killed before its last line was written
    assert _json_row(gdz, "land-approval-cut")["current"] is None
    assert gdz("log", "feedback-rate", "80", "--date", "2024-06-30").exit_code == 3  # nothing after it
    check = gdz("check")
    assert check.exit_code == 1 and "an import cut short at line 2 (3 rows" in check.stdout
    assert gdz("check", "--repair").exit_code == 0
    assert gdz("import", str(_three_rows(tmp_path))).exit_code == 0
    assert _json_row(gdz, "land-approval-cut")["current"] == 20


KILLED_IMPORT = """
import sys
from gdz_targets.app.session import Session
from gdz_targets.app.import_entries import import_entries
from pathlib import Path
print("ready", flush=True)
import_entries(Session(ledger=Path(sys.argv[1])), Path(sys.argv[2]))
"""


@pytest.mark.slow
def test_an_import_killed_at_any_moment_leaves_all_its_rows_or_none(
    gdz: Gdz, log: Path, tmp_path: Path
) -> None:
    rows = 20_000
    sheet = tmp_path / "many.csv"
    sheet.write_text("target,date,value,note\n" + "".join(f"feedback-rate,2024-06-30,{n % 100},row {n}\n"
                                                          for n in range(rows)), encoding="utf-8")  # fmt: skip
    shuffle = random.Random(2026)
    outcomes = set()
    for trial in range(12):
        importer = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(log), str(sheet)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert importer.stdout is not None and importer.stdout.readline() == "ready\n"
        time.sleep(
            shuffle.uniform(0.02, 1.6)
        )  # from at once: however fast the machine, some kills land early
        importer.send_signal(signal.SIGKILL)
        importer.wait()
        found = scan(read_bytes(log, missing_ok=True), str(log))
        counted = sum(1 for _, _, record in found.records if isinstance(record, Entry))
        assert counted in (0, rows), f"trial {trial}: {counted} rows count"
        outcomes.add(counted)
        if found.torn is not None:
            assert gdz("check", "--repair").exit_code == 0
        if counted:
            assert gdz("undo", "--yes").exit_code == 0
            outcomes.add(-1)
        log.unlink(missing_ok=True)
    assert 0 in outcomes  # some kills landed before or while the rows were written


def test_a_log_saved_with_carriage_returns_alone_is_refused_not_read_as_empty(gdz: Gdz, log: Path) -> None:
    assert gdz("log", "feedback-rate", "80", "--date", "2024-06-30").exit_code == 0
    log.write_bytes(log.read_bytes().replace(b"\n", b"\r"))
    status = gdz("status")
    assert status.exit_code == 3
    assert "a carriage return alone" in status.stderr
    assert (
        gdz("log", "feedback-rate", "81", "--date", "2024-06-30").exit_code == 3
    )  # nothing appended after it
