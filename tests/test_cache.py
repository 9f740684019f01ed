"""The derived cache of the log: used only when it provably matches, never trusted over the log."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

import gdz_targets.store.records
from gdz_targets.store.log_index import Journal, LogIndex, cache_path
from gdz_targets.store.paths import cache_home

from .conftest import Gdz


@pytest.fixture
def cache(fixture_env: Path) -> Path:
    return cache_path(fixture_env, cache_home())


@pytest.fixture
def parsed_lines(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every log line gdz parses, in order."""
    seen: list[str] = []
    real = gdz_targets.store.records.parse_record

    def spy(line: str):  # type: ignore[no-untyped-def]
        seen.append(line)
        return real(line)

    monkeypatch.setattr(gdz_targets.store.records, "parse_record", spy)
    return seen


REPORT = ("export", "status", "-f", "json")


def test_deleting_the_cache_changes_no_output(gdz: Gdz, fixture_env: Path, cache: Path) -> None:
    first = gdz(*REPORT)
    assert cache.exists()
    cached = gdz(*REPORT)
    cache.unlink()
    rebuilt = gdz(*REPORT)
    assert first.stdout == cached.stdout == rebuilt.stdout
    assert first.stderr == cached.stderr == rebuilt.stderr == ""


def test_only_appended_lines_are_parsed(gdz: Gdz, fixture_env: Path, parsed_lines: list[str]) -> None:
    gdz(*REPORT)
    assert len(parsed_lines) == 13  # the whole log, once
    parsed_lines.clear()
    gdz(*REPORT)
    assert parsed_lines == []  # nothing new: the cache answers
    assert gdz("log", "pass-rate", "80", "--date", "2025-05-31").exit_code == 0
    parsed_lines.clear()
    with fixture_env.open("a", encoding="utf-8") as log:  # another clone's entry, merged in by git
        log.write('entry.01JX6GTCM01S6J0F9K1Z42THS3 = {target = "wait-days", city = "dongguan", '
                  'date = 2025-05-31, value = 16, by = "x", at = 2025-06-08T09:00:00+08:00}\n')  # fmt: skip
    report = gdz(*REPORT).stdout
    # just the two lines appended since the index file: the one gdz logged (noted in the journal) and the merge
    assert len(parsed_lines) == 2 and "wait-days" in parsed_lines[1]
    assert '"current": 16' in report and '"current": 80' in report


def test_an_edit_inside_the_cached_part_is_noticed(gdz: Gdz, fixture_env: Path, cache: Path) -> None:
    gdz(*REPORT)
    stat = fixture_env.stat()
    text = fixture_env.read_bytes().replace(b"value = 75,", b"value = 76,")  # same size
    fixture_env.write_bytes(text)
    os.utime(
        fixture_env, ns=(stat.st_atime_ns, stat.st_mtime_ns)
    )  # same size, same time: only content differs
    assert '"current": 76' in gdz(*REPORT).stdout


def test_a_shorter_log_is_never_read_through_the_cache(gdz: Gdz, fixture_env: Path) -> None:
    gdz(*REPORT)
    lines = fixture_env.read_bytes().splitlines(keepends=True)
    fixture_env.write_bytes(b"".join(lines[:3]))
    report = gdz(*REPORT).stdout
    assert '"current": 50' in report  # pass-rate from the one entry left
    assert '"target": "wait-days"' in report and '"current": 18' not in report


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other-version"])
def test_a_damaged_cache_is_rebuilt_silently(gdz: Gdz, fixture_env: Path, cache: Path, damage: str) -> None:
    expected = gdz(*REPORT)
    data = cache.read_bytes()
    if damage == "garbage":
        cache.write_bytes(os.urandom(len(data)))
    elif damage == "truncated":
        cache.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        cache.write_bytes(b"")
    else:
        length = int.from_bytes(data[:4], "little")
        header = marshal.loads(data[4 : 4 + length])
        header["version"] += 1
        encoded = marshal.dumps(header, 2)
        cache.write_bytes(len(encoded).to_bytes(4, "little") + encoded + data[4 + length :])
    assert LogIndex.load(cache, fixture_env, hot_only=False) is None
    again = gdz(*REPORT)
    assert (again.exit_code, again.stdout, again.stderr) == (0, expected.stdout, "")
    assert LogIndex.load(cache, fixture_env, hot_only=False) is not None


def test_an_unwritable_cache_directory_is_not_an_error(
    gdz: Gdz, fixture_env: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("GDZ_CACHE_DIR", str(blocker / "cache"))
    result = gdz(*REPORT)
    assert (result.exit_code, result.stderr) == (0, "")
    assert gdz("log", "pass-rate", "80", "--date", "2025-05-31").exit_code == 0


def test_the_index_matches_a_fresh_read(gdz: Gdz, fixture_env: Path, cache: Path, tmp_path: Path) -> None:
    """After many incremental updates the cached index is byte for byte the one built from scratch."""
    for n in range(5):
        assert gdz("log", "approval-cut", str(40 + n), "--date", f"2025-06-0{n + 1}").exit_code == 0
    assert gdz("void", "ZPZH7", "--reason", "r").exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    assert gdz(*REPORT, env={"GDZ_CACHE_DIR": str(elsewhere)}).exit_code == 0
    assert cache.read_bytes() == cache_path(fixture_env, elsewhere).read_bytes()


def _report_without_cache(gdz: Gdz, tmp_path: Path) -> str:
    fresh = tmp_path / f"fresh-{len(list(tmp_path.glob('fresh-*')))}"
    return gdz(*REPORT, env={"GDZ_CACHE_DIR": str(fresh)}).stdout


def test_gdz_own_appends_are_read_from_the_journal(
    gdz: Gdz, fixture_env: Path, cache: Path, parsed_lines: list[str], tmp_path: Path
) -> None:
    gdz(*REPORT)
    parsed_lines.clear()
    for n, day in enumerate(("2025-06-01", "2025-06-02", "2025-06-03")):
        assert gdz("log", "approval-cut", str(40 + n), "--date", day).exit_code == 0
        # each `gdz log` reads the appends noted before it, never the line it has just written
        assert len(parsed_lines) == n and f"value = {40 + n}," not in "".join(parsed_lines)
        parsed_lines.clear()
    assert Journal(cache).path.exists()
    report = gdz(*REPORT).stdout
    assert len(parsed_lines) == 3  # the three noted appends, not the whole log
    assert report == _report_without_cache(gdz, tmp_path)


def test_the_journal_is_folded_in_when_long(
    gdz: Gdz, fixture_env: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(Journal, "LIMIT", 2)
    for n in range(4):
        assert gdz("log", "approval-cut", str(40 + n), "--date", f"2025-06-0{n + 1}").exit_code == 0
    assert len(Journal(cache).appends()) <= 2  # folded into the index file
    assert gdz(*REPORT).stdout == _report_without_cache(gdz, tmp_path)


def test_a_cut_journal_line_is_not_trusted(gdz: Gdz, fixture_env: Path, cache: Path, tmp_path: Path) -> None:
    gdz(*REPORT)
    assert gdz("log", "approval-cut", "41", "--date", "2025-06-01").exit_code == 0
    journal = Journal(cache).path
    journal.write_text(journal.read_text()[:-5])  # a crash while noting the append
    assert gdz(*REPORT).stdout == _report_without_cache(gdz, tmp_path)


@pytest.mark.parametrize("seed", range(4))
def test_any_sequence_of_changes_reads_as_a_fresh_rebuild(
    gdz: Gdz, fixture_env: Path, cache: Path, tmp_path: Path, seed: int
) -> None:
    """Logs on new and repeated dates, voids, imports, merges from elsewhere, lost or damaged cache files:
    after each, the report through the cache is the report from the log alone."""
    import random

    shuffle = random.Random(seed)
    for step in range(14):
        action = shuffle.choice(
            [
                "log",
                "log-same-day",
                "void",
                "merge",
                "delete-cache",
                "damage-cache",
                "damage-journal",
                "import",
            ]
        )
        if action == "log":
            gdz(
                "log",
                "approval-cut",
                str(shuffle.randint(0, 50)),
                "--date",
                f"2025-0{shuffle.randint(1, 6)}-1{step % 10}",
            )
        elif action == "log-same-day":
            gdz("log", "pass-rate", str(shuffle.randint(0, 100)), "--date", "2025-03-31")
        elif action == "void":
            gdz("undo", "--yes")
        elif action == "merge":
            with fixture_env.open("a", encoding="utf-8") as log:
                log.write(
                    f'entry.01JX6GTCM01S6J0F9K1Z42T{step:03d} = {{target = "wait-days", city = "dongguan", '
                    f'date = 2025-05-{10 + step}, value = {step}, by = "x", at = 2025-06-08T09:00:00+08:00}}\n'
                )
        elif action == "delete-cache":
            cache.unlink(missing_ok=True)
        elif action == "damage-cache" and cache.exists():
            cache.write_bytes(cache.read_bytes()[:-7])
        elif action == "damage-journal" and Journal(cache).path.exists():
            Journal(cache).path.write_text("1 2 3\n")
        elif action == "import":
            csv_file = tmp_path / f"in-{step}.csv"
            csv_file.write_text(f"target,date,value\nspace-started,2025-06-{10 + step},{step * 10}\n")
            gdz("import", str(csv_file))
        assert gdz(*REPORT).stdout == _report_without_cache(gdz, tmp_path), f"after {action} at step {step}"
        assert (
            gdz("history", "--all").stdout
            == gdz("history", "--all", env={"GDZ_CACHE_DIR": str(tmp_path / "h")}).stdout
        )
