"""Nothing recorded is lost or silently changed: concurrency, full disks, read-only files, crashes, torn
records, unparsable logs, and git merges of two clones."""

from __future__ import annotations

import fcntl
import os
import random
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdz_targets.domain.model import Entry, Void
from gdz_targets.domain.values import format_number
from gdz_targets.store.files import read_bytes
from gdz_targets.store.records import Scan, scan

from .conftest import FIXTURE_LOG, FIXTURE_PLAN, ROOT, Gdz, run_gdz_process


def read_log(path: Path) -> Scan:
    return scan(read_bytes(path, missing_ok=True), str(path))


def entries(path: Path) -> list[Entry]:
    found = read_log(path)
    records = [*found.records, *([found.unterminated] if found.unterminated else [])]
    return [record for _, _, record in records if isinstance(record, Entry)]


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "progress.toml"
    monkeypatch.setenv("GDZ_LEDGER", str(path))
    monkeypatch.setenv("GDZ_PLAN", str(FIXTURE_PLAN))
    return path


# --- append-only ------------------------------------------------------------------------------------------------


def test_every_command_only_appends(gdz: Gdz, log: Path) -> None:
    before = b""
    for args in (
        ("log", "pass-rate", "50", "--date", "2024-06-30"),
        ("log", "pass-rate", "55", "--date", "2024-09-30", "--note", "Q3"),
        ("void", "FIRST", "--reason", "wrong"),
        ("undo", "--yes"),
        ("log", "hotline", "done", "--date", "2025-05-01"),
    ):
        first = entries(log)[0].id if log.exists() else ""
        result = gdz(*(first if arg == "FIRST" else arg for arg in args))
        assert result.exit_code == 0, result
        after = log.read_bytes()
        assert after.startswith(before) and len(after) > len(before)
        before = after
    records = read_log(log)
    assert not records.problems and records.torn is None
    assert len([r for _, _, r in records.records if isinstance(r, Void)]) == 2


def test_log_prints_the_entry_and_the_standing(gdz: Gdz, log: Path) -> None:
    result = gdz("log", "pass-rate", "65", "--date", "2025-01-31", env={"COLUMNS": "160"})
    assert result.exit_code == 0
    short = entries(log)[0].id[-8:]
    assert result.stdout == (
        f"logged {short} Done in one visit = 65% (Dongguan, 2025-01-31) · now 65% · 25 percentage points short of the "
        "target · score 50 · ! at risk\n"
    )
    narrow = gdz("log", "pass-rate", "66", "--date", "2025-02-28", env={"COLUMNS": "64"}).stdout
    assert narrow.splitlines()[1:] == [
        "  now 66% · 24 percentage points short of the target · score 52",
        "  ! at risk",
    ]  # broken between parts


# --- property: values and notes round-trip or are refused -----------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(st.text(max_size=12), st.from_regex(r"\A[0-9]{1,4}(\.[0-9]{1,3})?\Z")))
def test_any_value_round_trips_or_is_refused(gdz: Gdz, log: Path, value: str) -> None:
    count = len(entries(log)) if log.exists() else 0
    result = gdz("log", "pass-rate", value, "--date", "2025-01-31")
    if result.exit_code != 0:
        assert result.exit_code == 2, result
        assert len(entries(log) if log.exists() else []) == count
        return
    logged = entries(log)[-1]
    normalised = value.strip().translate(str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+"))
    assert Decimal(format_number(logged.value)) == Decimal(normalised)


NOTES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])
    | st.sampled_from("\n\r\t\"'\\\x00\x1b\x7f东莞"),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=NOTES)
def test_any_note_round_trips(gdz: Gdz, log: Path, note: str) -> None:
    result = gdz("log", "pass-rate", "60", "--date", "2025-01-31", "--note", note, "--source", note)
    assert result.exit_code == 0, result
    logged = entries(log)[-1]
    assert (logged.note, logged.source) == (note or None, note or None)
    assert not read_log(log).problems


def test_undecodable_text_is_refused_with_exit_2(gdz: Gdz, log: Path) -> None:
    result = gdz("log", "pass-rate", "60", "--date", "2025-01-31", "--note", "bad \udcff byte")
    assert result.exit_code == 2
    assert result.stderr == "gdz: --note is not valid text (undecodable bytes); retype it\n"
    assert not log.exists()


# --- torn records ------------------------------------------------------------------------------------------------


def test_torn_last_record_at_every_byte_offset(gdz: Gdz, log: Path) -> None:
    data = FIXTURE_LOG.read_bytes()
    last_start = data.rstrip(b"\n").rfind(b"\n") + 1
    lines_before = data[:last_start].count(b"\n")
    for cut in range(last_start + 1, len(data) - 1):  # the whole line without its newline is a record
        log.write_bytes(data[:cut])
        history = gdz("history", "--all")
        assert history.exit_code == 0, history
        assert history.stderr.startswith(
            f"gdz: {log}:{lines_before + 1}:1: incomplete record at line {lines_before + 1} (cut off by a crash or a "
            "full disk)"
        )
        assert len(entries(log)) == 12 - 1
        refused = gdz("log", "pass-rate", "60", "--date", "2025-01-31")
        assert refused.exit_code == 3
        assert log.read_bytes() == data[:cut]
        repaired = gdz("check", "--repair")
        assert "moved the incomplete record at line" in repaired.stdout
        assert log.read_bytes() == data[:last_start]
        sides = list(log.parent.glob("progress.toml.torn-*"))
        assert [side.read_bytes() for side in sides] == [data[last_start:cut]]
        sides[0].unlink()


def test_a_last_record_without_its_newline_is_a_record(gdz: Gdz, log: Path) -> None:
    data = FIXTURE_LOG.read_bytes()
    log.write_bytes(data[:-1])  # an editor saved the file without the final newline
    checked = gdz("check", "--repair")
    assert checked.exit_code == 0, checked
    assert "incomplete" not in checked.stdout + checked.stderr and log.read_bytes() == data[:-1]
    assert len(entries(log)) == 12
    assert "2025-05-31" in gdz("history", "--all", env={"COLUMNS": "200"}).stdout
    assert gdz("log", "pass-rate", "60", "--date", "2025-01-31").exit_code == 0
    assert log.read_bytes().startswith(data)  # the newline it lacked comes first: no two records on a line
    assert len(entries(log)) == 13 and read_log(log).torn is None


def test_nul_bytes_after_a_power_loss_are_an_incomplete_record(gdz: Gdz, log: Path) -> None:
    data = FIXTURE_LOG.read_bytes()
    log.write_bytes(data + b"\0" * 300)
    check = gdz("check")
    assert check.exit_code == 1
    assert (
        f"{log}:15:1: incomplete record at line 15; `gdz check --repair` moves it to a side file"
        in check.stdout
    )
    assert gdz("check", "--repair").exit_code == 0
    assert log.read_bytes() == data


def test_a_log_that_does_not_parse_is_never_written_to(gdz: Gdz, log: Path) -> None:
    data = FIXTURE_LOG.read_bytes().replace(b'value = 18, by = "zhao"', b'value = 18 by = "zhao"')
    log.write_bytes(data)
    result = gdz("log", "pass-rate", "60", "--date", "2025-01-31")
    assert result.exit_code == 3
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"gdz: {log}:7:") and "not a valid record" in first
    assert log.read_bytes() == data
    assert gdz("status").exit_code == 3
    assert log.read_bytes() == data


# --- concurrent writers -----------------------------------------------------------------------------------------

WRITER = """
import sys
from gdz_targets.cli import app
worker = sys.argv[1]
for n in range(25):
    app(["log", "pass-rate", str(n), "--date", "2025-01-31", "--note", f"{worker}-{n}"], standalone_mode=False)
"""


@pytest.mark.slow
def test_eight_processes_logging_at_once_lose_nothing(log: Path) -> None:
    env = {**os.environ, "GDZ_LOCK_TIMEOUT": "60"}
    workers = [
        subprocess.Popen([sys.executable, "-c", WRITER, f"w{n}"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
        for n in range(8)
    ]  # fmt: skip
    for worker in workers:
        _, stderr = worker.communicate(timeout=300)
        assert worker.returncode == 0, stderr
    records = read_log(log)
    assert records.problems == [] and records.torn is None
    notes = sorted(entry.note or "" for entry in entries(log))
    assert notes == sorted(f"w{w}-{n}" for w in range(8) for n in range(25))
    assert len({entry.id for entry in entries(log)}) == 200


def test_a_held_lock_times_out_clearly(gdz: Gdz, log: Path) -> None:
    log.write_bytes(FIXTURE_LOG.read_bytes())
    with open(str(log) + ".lock", "w") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)
        started = time.monotonic()
        result = gdz("log", "pass-rate", "60", "--date", "2025-01-31", env={"GDZ_LOCK_TIMEOUT": "0.3"})
        assert time.monotonic() - started < 5
    assert result.exit_code == 4
    assert result.stderr == (
        f"gdz: {log}.lock is held by another gdz for over 0.3 s; try again, or set GDZ_LOCK_TIMEOUT\n"
    )
    assert log.read_bytes() == FIXTURE_LOG.read_bytes()


# --- write failures ---------------------------------------------------------------------------------------------


def _limit_file_size(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_disk_full_leaves_the_log_byte_identical(log: Path) -> None:
    data = FIXTURE_LOG.read_bytes()
    log.write_bytes(data)
    result = run_gdz_process(
        "log", "pass-rate", "60", "--date", "2025-01-31", "--note", "x" * 200,
        preexec_fn=_limit_file_size(len(data) + 40),
    )  # fmt: skip
    assert result.returncode == 4, result
    assert result.stderr == f"gdz: {log}: cannot write: the file would be too large; nothing was changed\n"
    assert log.read_bytes() == data


def test_read_only_log_is_left_alone(log: Path) -> None:
    log.write_bytes(FIXTURE_LOG.read_bytes())
    log.chmod(0o444)
    result = run_gdz_process("log", "pass-rate", "60", "--date", "2025-01-31", obey_permissions=True)
    assert result.returncode == 4, result
    assert result.stderr == f"gdz: {log}: cannot write: permission denied; nothing was changed\n"
    assert log.read_bytes() == FIXTURE_LOG.read_bytes()


def test_read_only_directory_gets_no_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    monkeypatch.setenv("GDZ_LEDGER", str(folder / "progress.toml"))
    monkeypatch.setenv("GDZ_PLAN", str(FIXTURE_PLAN))
    result = run_gdz_process("log", "pass-rate", "60", "--date", "2025-01-31", obey_permissions=True)
    folder.chmod(0o755)
    assert result.returncode == 4, result
    assert result.stderr == (
        f"gdz: {folder}/progress.toml.lock: cannot write: permission denied; nothing was changed\n"
    )
    assert list(folder.iterdir()) == []


# --- crashes ------------------------------------------------------------------------------------------------------

CRASHER = """
import sys, datetime
from pathlib import Path
from gdz_targets.app.session import Session
from gdz_targets.domain.model import City, Entry
from gdz_targets.store.records import new_record_id
session = Session(ledger=Path(sys.argv[1]))
print("ready", flush=True)
n = 0
while True:
    now = datetime.datetime.now().astimezone()
    entry = Entry(new_record_id(), "pass-rate", City.DONGGUAN, datetime.date(2025, 1, 31), n, "crash", now,
                  "n" * (n % 300))
    with session.log_for_writing() as log:
        log.append([entry])
    n += 1
"""


@pytest.mark.slow
def test_killed_writers_never_leave_the_log_unreadable(gdz: Gdz, log: Path) -> None:
    shuffle = random.Random(20231)
    for trial in range(100):
        writer = subprocess.Popen([sys.executable, "-c", CRASHER, str(log)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
        time.sleep(shuffle.uniform(0.0, 0.05))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        records = read_log(log)
        assert records.problems == [], f"trial {trial}: {records.problems}"
        if records.torn is not None:
            assert gdz("check", "--repair").exit_code == 0
            assert read_log(log).torn is None
        status = gdz("history", "-n", "1")
        assert status.exit_code == 0, status


# --- git: two clones, one merge ------------------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}  # fmt: skip
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)


def test_two_clones_merge_cleanly_with_every_entry_once(
    gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GDZ_PLAN", str(FIXTURE_PLAN))
    origin = tmp_path / "origin"
    assert gdz("init", str(origin)).exit_code == 0
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "add", ".")
    _git(origin, "commit", "-q", "-m", "workspace")
    clones = []
    for name in ("a", "b"):
        clone = tmp_path / name
        _git(tmp_path, "clone", "-q", str(origin), name)
        monkeypatch.chdir(clone)
        for n in range(5):
            value = str(50 + n + (10 if name == "b" else 0))  # the same figure twice would be a copy (check)
            result = gdz("log", "pass-rate", value, "--date", f"2025-0{n + 1}-15", "--by", name)
            assert result.exit_code == 0, result
        _git(clone, "commit", "-q", "-am", f"{name} logs")
        clones.append(clone)
    _git(clones[1], "pull", "-q", "--no-rebase", "--no-edit", str(clones[0]), "main")
    merged = clones[1] / "progress.toml"
    records = read_log(merged)
    assert records.problems == [] and records.torn is None
    logged = entries(merged)
    assert len(logged) == 10
    assert len({entry.id for entry in logged}) == 10
    assert sorted(entry.recorded_by for entry in logged) == ["a"] * 5 + ["b"] * 5
    monkeypatch.chdir(clones[1])
    assert gdz("check").exit_code == 0


def test_workspace_files(gdz: Gdz, tmp_path: Path) -> None:
    result = gdz("init", str(tmp_path / "ws"))
    assert result.exit_code == 0
    assert (tmp_path / "ws" / ".gitattributes").read_text() == "progress.toml merge=union\n"
    assert (tmp_path / "ws" / ".gitignore").read_text() == "progress.toml.lock\n"
    assert (tmp_path / "ws" / "progress.toml").read_text().startswith("# gdz progress log")
    again = gdz("init", str(tmp_path / "ws"))
    assert again.exit_code == 2
    assert again.stderr == f"gdz: {tmp_path}/ws/gdz.toml already exists: this is already a workspace\n"


def test_project_root_is_not_a_workspace() -> None:
    assert not (ROOT / "gdz.toml").exists()


def test_a_record_that_no_longer_parses_where_the_index_points_is_an_error_with_its_line(
    tmp_path: Path,
) -> None:
    from gdz_targets.domain.errors import DataError
    from gdz_targets.store.log_file import read_lines_at

    path = tmp_path / "log.toml"
    path.write_bytes(b"# header\nentry.bad = {target = \n")
    with pytest.raises(DataError) as raised:
        list(read_lines_at(path, [9]))
    [problem] = raised.value.problems
    assert (problem.path, problem.line) == (str(path), 2)
