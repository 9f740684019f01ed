"""Hardening, second round: no entry lost to a race or a name, no live link, and the crashes, hangs and broken
promises a hostile pass found — each reproduced first (issue: hardening, second round)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURE_PLAN, Gdz, run_gdz_process
from .test_hostile import one_error_line

TIMEOUT = 60


def _process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_gdz_process(*args, env=env, timeout=TIMEOUT)


def _into_full_disk(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """gdz run with its standard output on /dev/full: every write to it fails with ENOSPC."""
    with open("/dev/full", "w") as device:
        return subprocess.run([sys.executable, "-m", "gdz_targets", *args], env={**os.environ, **env}, stdout=device,
                              stderr=subprocess.PIPE, text=True, check=False, timeout=TIMEOUT)  # fmt: skip


# --- A. init never replaces a log being written ----------------------------------------------------------------

LOGGER = """
import sys
from gdz_targets.launch import main
sys.argv = ["gdz", "log", "pass-rate", sys.argv[1], "--date", "2025-01-31", "--ledger", sys.argv[2]]
main()
"""


@pytest.mark.slow
def test_init_racing_writers_of_its_log_loses_no_entry(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    env = {**os.environ, "GDZ_PLAN": str(FIXTURE_PLAN)}
    for trial in range(5):
        target = workspace / f"t{trial}"
        log = target / "progress.toml"
        target.mkdir(parents=True)
        writers = [subprocess.Popen([sys.executable, "-c", LOGGER, str(50 + n), str(log)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for n in range(12)]  # fmt: skip
        init = subprocess.run([sys.executable, "-m", "gdz_targets", "init", str(target)], env=env,
                              capture_output=True, text=True, check=False, timeout=TIMEOUT)  # fmt: skip
        codes = [writer.wait(TIMEOUT) for writer in writers]
        assert init.returncode == 0, init.stderr
        logged = log.read_text(encoding="utf-8").count("\nentry.")
        assert logged == codes.count(0) == 12, (trial, logged, codes)


def test_init_leaves_a_log_that_is_there_untouched(gdz: Gdz, tmp_path: Path) -> None:
    target = tmp_path / "ws"
    target.mkdir()
    (target / "progress.toml").write_text("# somebody's log\n", encoding="utf-8")
    result = gdz("init", str(target))
    assert result.exit_code == 0, result
    assert (target / "progress.toml").read_text(encoding="utf-8") == "# somebody's log\n"
    assert "progress.toml" not in result.stdout.split("gdz.toml")[0]  # not said to be written


def test_init_with_a_name_too_long_is_named(tmp_path: Path) -> None:
    result = _process("init", str(tmp_path / ("x" * 300)))
    assert result.returncode == 4
    assert one_error_line(result.stderr).endswith("cannot write: the name is too long; nothing was changed")


# --- C. who records ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("login", "says"), [("   ", "LOGNAME is blank"), ("wang\x1b[31m", "control character"),
                                              ("\u202ewang", "direction mark")])  # fmt: skip
def test_a_login_name_the_log_could_not_read_back_is_refused(
    gdz: Gdz, fixture_env: Path, monkeypatch: pytest.MonkeyPatch, login: str, says: str
) -> None:
    monkeypatch.delenv("GDZ_USER")
    monkeypatch.setenv("LOGNAME", login)
    before = fixture_env.read_bytes()
    result = gdz("log", "pass-rate", "80", "--date", "2025-06-01")
    assert result.exit_code == 2 and says in result.stderr and "set GDZ_USER or give --by" in result.stderr
    assert fixture_env.read_bytes() == before
    assert gdz("log", "pass-rate", "80", "--date", "2025-06-01", "--by", "wang").exit_code == 0
    assert gdz("status").exit_code == 0  # the log stays readable


# --- E. an import row under a void's id ---------------------------------------------------------------------------


def test_an_imported_row_with_the_id_of_a_void_is_refused(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "rows.csv"
    sheet.write_text(
        "id,target,date,value\n01JRY56580GBZSFSNBX702CPTK,pass-rate,2025-05-31,80\n", encoding="utf-8"
    )
    before = fixture_env.read_bytes()
    result = gdz("import", str(sheet))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"gdz: {sheet}:2:1: the id 01JRY56580GBZSFSNBX702CPTK is a correction's")
    assert fixture_env.read_bytes() == before
    assert gdz("check").exit_code == 0


# --- F. only web addresses are addresses --------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "data:text/html,x",
                                 "vbscript:x", "file:///etc/passwd"])  # fmt: skip
def test_a_source_address_that_is_not_a_web_page_is_refused_by_the_plan_check(
    gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    plan = tmp_path / "plan.toml"
    text = FIXTURE_PLAN.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("[sources.fixture]\n", f'[sources.fixture]\nurl = "{url}"\n', 1), encoding="utf-8"
    )
    monkeypatch.setenv("GDZ_PLAN", str(plan))
    check = gdz("check")
    assert check.exit_code == 1 and "is not a web address" in check.stdout
    assert gdz("export", "status", "-f", "html").exit_code == 3  # never drawn as a link


# --- H. the lock file ---------------------------------------------------------------------------------------------


def test_a_lock_file_that_is_a_link_is_never_followed(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "made-by-gdz"
    elsewhere.parent.mkdir()
    (fixture_env.parent / (fixture_env.name + ".lock")).symlink_to(elsewhere)
    result = gdz("log", "pass-rate", "80", "--date", "2025-06-01")
    assert result.exit_code == 4 and "the lock file is a symbolic link" in result.stderr
    assert not elsewhere.exists()


# --- 1. standard output full or closed ----------------------------------------------------------------------------

full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="this system has no /dev/full")


@full
@pytest.mark.parametrize("args", [("status",), ("history",), ("show", "pass-rate"), ("check",), ("where",),
                                  ("--help",), ("--version",), ("export", "status")])  # fmt: skip
def test_a_full_standard_output_is_exit_4_and_one_line(fixture_env: Path, args: tuple[str, ...]) -> None:
    env = {"GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(fixture_env)}
    result = _into_full_disk(*args, env=env)
    assert result.returncode == 4
    assert one_error_line(result.stderr) == "gdz: standard output could not be written (the disk is full)"


@full
@pytest.mark.parametrize("args", [("log", "pass-rate", "81", "--date", "2025-06-02"), ("undo", "--yes"),
                                  ("void", "ZZPZH7", "--reason", "test")])  # fmt: skip
def test_a_change_made_before_output_fills_is_exit_0_and_says_so(
    fixture_env: Path, args: tuple[str, ...]
) -> None:
    env = {"GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(fixture_env), "GDZ_USER": "wang"}
    before = fixture_env.read_bytes()
    result = _into_full_disk(*args, env=env)
    assert result.returncode == 0, result.stderr
    assert one_error_line(result.stderr).endswith("the change itself was made (see `gdz history`)")
    assert fixture_env.read_bytes() != before


@full
def test_output_lost_where_nothing_was_written_is_not_said_to_be_a_change(
    fixture_env: Path, tmp_path: Path
) -> None:
    env = {"GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(fixture_env)}
    repeated = ("log", "pass-rate", "75", "--date", "2025-03-31")  # the log holds just this already
    rows = tmp_path / "rows.csv"
    rows.write_text("target,date,value\npass-rate,2025-05-31,80\n", encoding="utf-8")
    for args in (repeated, ("import", "--dry-run", str(rows))):
        result = _into_full_disk(*args, env=env)
        assert result.returncode == 4, (args, result.stderr)
        assert "change itself was made" not in result.stderr


def test_a_log_named_by_a_loop_of_links_is_named_by_check(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result = _process("check", env={"GDZ_LEDGER": str(loop), "GDZ_PLAN": str(FIXTURE_PLAN)})
    assert result.returncode == 3
    assert one_error_line(result.stderr) == f"gdz: {loop}: cannot read: a loop of symbolic links"


# --- 2. text of any size folds in linear time ---------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("piece", ["a note ", "跨城通办事项,"])
def test_a_note_of_megabytes_is_shown_in_seconds(tmp_path: Path, piece: str) -> None:
    log = tmp_path / "progress.toml"
    note = piece * (1_000_000 // len(piece))  # 1,000,000 characters: a quadratic fold took hours
    env = {"GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(log)}
    assert _process("log", "pass-rate", "80", "--date", "2025-06-01", "--note", "x", env=env).returncode == 0
    text = log.read_text(encoding="utf-8").replace('note = "x"', f'note = "{note}"')
    log.write_text(text, encoding="utf-8")
    for args in (("history",), ("show", "pass-rate")):
        result = _process(*args, env={**env, "COLUMNS": "80"})  # the timeout fails a fold that is not linear
        assert result.returncode == 0, result.stderr
        assert len(result.stdout.splitlines()) > 10_000


# --- 4. days beyond what the calendar arithmetic handles ----------------------------------------------------------


@pytest.mark.parametrize(("args", "env"), [(("status", "--as-of", "9999-12"), {}), (("status", "--as-of", "0000"), {}),
                                           (("export", "status"), {"GDZ_TODAY": "9999-12-31"}),
                                           (("log", "pass-rate", "80", "--date", "0001-01-01", "--force"), {})])  # fmt: skip
def test_a_day_outside_the_years_gdz_handles_is_refused(
    fixture_env: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    before = fixture_env.read_bytes()
    result = _process(*args, env={"GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(fixture_env), **env})
    assert result.returncode == 2
    assert "outside the years gdz handles (1900–2199)" in one_error_line(result.stderr)
    assert fixture_env.read_bytes() == before


def test_check_names_a_day_in_the_log_outside_those_years(gdz: Gdz, fixture_env: Path) -> None:
    line = ('entry.01K00000000000000000000001 = {target = "pass-rate", city = "dongguan", date = 0001-01-01, '
            'value = 50, by = "a", at = 2026-01-01 10:00:00+08:00}\n')  # fmt: skip
    with fixture_env.open("a", encoding="utf-8") as log:
        log.write(line)
    check = gdz("check")
    assert check.exit_code == 1 and "0001-01-01 is outside the years gdz handles" in check.stdout
    assert gdz("status").exit_code == 0


def test_an_imported_date_cell_outside_those_years_is_refused_at_its_cell(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "rows.csv"
    sheet.write_text("target,date,value\npass-rate,9999-12-31,80\n", encoding="utf-8")
    result = gdz("import", str(sheet), "--force")
    assert result.exit_code == 2 and result.stderr.startswith(
        f"gdz: {sheet}:2:2: 9999-12-31 is outside the years"
    )


def test_a_plan_date_outside_those_years_is_a_plan_problem(
    gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(FIXTURE_PLAN.read_text(encoding="utf-8").replace("deadline = 2025-12-31", "deadline = 9999-12-31", 1),
                    encoding="utf-8")  # fmt: skip
    monkeypatch.setenv("GDZ_PLAN", str(plan))
    check = gdz("check")
    assert check.exit_code == 1 and "9999-12-31 is outside the years gdz handles" in check.stdout


# --- 7. a cache grown huge ----------------------------------------------------------------------------------------


def test_a_huge_sparse_file_in_place_of_the_logs_index_is_passed_over(
    fixture_env: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    env = {"GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(fixture_env), "GDZ_CACHE_DIR": str(cache)}
    first = _process("status", env=env)
    assert first.returncode == 0
    for index in cache.glob("log-*.idx"):
        with index.open("r+b") as handle:
            handle.truncate(64 << 30)  # 64 GiB, nearly all of it holes
    again = _process("status", env=env)
    assert again.returncode == 0 and again.stdout == first.stdout and again.stderr == ""
