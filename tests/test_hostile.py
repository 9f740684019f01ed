"""Nothing thrown at gdz makes it hang, crash or damage anything: special files, odd terminals and streams,
extreme values, control characters — and a fuzz test of arbitrary bytes as plan, log and import file."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import FIXTURE_LOG, FIXTURE_PLAN, Gdz, run_gdz_process

TIMEOUT = 20  # seconds: far more than any command needs; a hang fails instead of blocking the suite


def gdz_process(
    *args: str, env: dict[str, str] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    return run_gdz_process(
        *args, env={"GDZ_PLAN": str(FIXTURE_PLAN), **(env or {})}, timeout=TIMEOUT, **kwargs
    )


def one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


# --- 1. export -o: the path is the user's ---------------------------------------------------------------------


def test_export_to_dash_is_standard_output(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    result = gdz("export", "entries", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("\ufeffid,target,city")
    assert not (Path.cwd() / "-").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="this system has no /dev/full")
def test_export_to_a_device_writes_to_it(fixture_env: Path) -> None:
    null = gdz_process("export", "status", "-o", "/dev/null", env={"GDZ_LEDGER": str(fixture_env)})
    assert null.returncode == 0, null.stderr
    assert Path("/dev/null").is_char_device()  # still the device, not a file left in its place
    full = gdz_process("export", "status", "-o", "/dev/full", env={"GDZ_LEDGER": str(fixture_env)})
    assert full.returncode == 4
    assert (
        one_error_line(full.stderr) == "gdz: /dev/full: cannot write: the disk is full; nothing was changed"
    )


def test_export_to_a_fifo_with_no_reader_is_refused_at_once(fixture_env: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = gdz_process("export", "status", "-o", str(fifo), env={"GDZ_LEDGER": str(fixture_env)})
    assert result.returncode == 4
    assert one_error_line(result.stderr).startswith(f"gdz: {fifo}: cannot write:")
    assert fifo.is_fifo()


def test_export_through_a_symbolic_link_replaces_the_file_it_names(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert gdz("export", "status", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes().startswith(b"\xef\xbb\xbftarget,")


def test_export_onto_a_read_only_file_is_refused(fixture_env: Path, tmp_path: Path) -> None:
    locked = tmp_path / "report.csv"
    locked.write_text("keep me")
    locked.chmod(0o444)
    result = gdz_process("export", "status", "-o", str(locked), env={"GDZ_LEDGER": str(fixture_env)},
                         obey_permissions=True)  # fmt: skip
    assert result.returncode == 4
    assert one_error_line(result.stderr) == (
        f"gdz: {locked}: the file is read-only; nothing was changed. Make it writable or choose another file"
    )
    assert locked.read_text() == "keep me"


# --- 2. narrow terminals -------------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "1", "5", "12", "-3", "abc", "99999999", "²", "³0", "①"])
def test_every_terminal_width_terminates(fixture_env: Path, columns: str) -> None:
    for args in (("show", "pass-rate"), ("status",), ("history",), ("targets",)):
        result = gdz_process(*args, env={"GDZ_LEDGER": str(fixture_env), "COLUMNS": columns})
        assert result.returncode == 0, (args, result.stderr)


@pytest.mark.parametrize("variable", ["COLUMNS", "LINES"])
def test_a_terminal_size_int_cannot_read_is_passed_over_on_a_real_terminal(
    fixture_env: Path, variable: str
) -> None:
    import pty

    main, secondary = pty.openpty()
    try:
        for args in (("status",), ("show", "pass-rate"), ("history",), ("targets",)):
            env = {**os.environ, "GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(fixture_env), variable: "²"}
            result = subprocess.run([sys.executable, "-m", "gdz_targets", *args], env=env, stdout=secondary,
                                    stderr=subprocess.PIPE, text=True, timeout=TIMEOUT, check=False)  # fmt: skip
            assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    finally:
        os.close(main)
        os.close(secondary)


@pytest.mark.parametrize("area", ["²", "②"])
def test_a_digit_int_cannot_read_is_an_unknown_area(gdz: Gdz, fixture_env: Path, area: str) -> None:
    result = gdz("status", "--area", area)
    assert result.exit_code == 2 and one_error_line(result.stderr).startswith(f'gdz: unknown area "{area}"')


# --- 3 and 6. figures gdz cannot hold, in the log ----------------------------------------------------------------


@pytest.mark.parametrize("value", ["1" + "0" * 400, "1e308", "-1e300", "inf", "nan"])
def test_a_figure_too_large_in_the_log_is_named_by_check_and_stops_nothing_silently(
    gdz: Gdz, fixture_env: Path, value: str
) -> None:
    before = fixture_env.read_bytes()
    with fixture_env.open("a", encoding="utf-8") as log:
        log.write(f'entry.01JX6GTCM01S6J0F9K1Z42THS3 = {{target = "pass-rate", city = "dongguan", '
                  f'date = 2025-05-31, value = {value}, by = "x", at = 2025-06-08T09:00:00+08:00}}\n')  # fmt: skip
    line = before.count(b"\n") + 1
    check = gdz("check")
    assert check.exit_code == 1
    assert f"{fixture_env}:{line}:" in check.stdout and "finite number smaller than 10^15" in check.stdout
    for args in (("status",), ("history",), ("show", "pass-rate"), ("export", "status", "-f", "json")):
        result = gdz(*args)
        assert result.exit_code == 3, (args, result)
        assert f"{fixture_env}:{line}:" in result.stderr


# --- 4 and 5. output that cannot be encoded, closed or full --------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "latin-1", "ascii"])
def test_an_output_encoding_without_the_signs_falls_back_to_ascii(fixture_env: Path, encoding: str) -> None:
    env = {
        **os.environ,
        "GDZ_PLAN": str(FIXTURE_PLAN),
        "GDZ_LEDGER": str(fixture_env),
        "PYTHONIOENCODING": encoding,
    }
    for args in (("status", "--lang", "zh"), ("history", "--all"), ("show", "pass-rate", "--lang", "zh")):
        result = subprocess.run([sys.executable, "-m", "gdz_targets", *args], env=env, capture_output=True,
                                timeout=TIMEOUT, check=False)  # fmt: skip
        assert (result.returncode, result.stderr) == (0, b""), args
        text = result.stdout.decode(encoding)  # everything written is in the output's encoding
        assert "-----" in text  # rules drawn with ASCII
        if args[0] == "status":
            assert "x " in text and "+ " in text  # the signs of overdue and achieved, in ASCII
        if encoding == "gbk" and args[0] == "status":
            assert "截至" in text  # Chinese stays Chinese where the encoding has it


def _closed_stdout() -> None:
    os.close(1)


def test_a_log_with_standard_output_closed_records_once_and_exits_0(tmp_path: Path) -> None:
    log = tmp_path / "log.toml"
    result = gdz_process("log", "pass-rate", "80", "--date", "2025-05-31", env={"GDZ_LEDGER": str(log)},
                         preexec_fn=_closed_stdout)  # fmt: skip
    assert result.returncode == 0
    assert one_error_line(result.stderr).startswith("gdz: standard output could not be written")
    assert log.read_text().count("entry.") == 1


@pytest.mark.parametrize("args", [("export", "entries"), ("status",), ("history",)])
def test_a_report_with_standard_output_closed_or_full_exits_4(
    fixture_env: Path, args: tuple[str, ...]
) -> None:
    env = {"GDZ_LEDGER": str(fixture_env)}
    closed = gdz_process(*args, env=env, preexec_fn=_closed_stdout)
    assert closed.returncode == 4
    assert one_error_line(closed.stderr).startswith("gdz: standard output could not be written")
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as full:
            result = subprocess.run([sys.executable, "-m", "gdz_targets", *args], stdout=full, stderr=subprocess.PIPE,
                                    env={**os.environ, **env, "GDZ_PLAN": str(FIXTURE_PLAN)}, text=True,
                                    timeout=TIMEOUT, check=False)  # fmt: skip
        assert result.returncode == 4
        assert one_error_line(result.stderr) == (
            "gdz: standard output could not be written (the disk is full)"
        )


def _closed_stdin() -> None:
    os.close(0)


def test_undo_asks_only_where_it_can_and_does_nothing_unasked(tmp_path: Path) -> None:
    env = {"GDZ_LEDGER": str(tmp_path / "log.toml")}
    assert gdz_process("log", "pass-rate", "80", "--date", "2025-05-31", env=env).returncode == 0
    before = (tmp_path / "log.toml").read_bytes()
    no_input = gdz_process("undo", env=env, preexec_fn=_closed_stdin)
    assert no_input.returncode == 1 and one_error_line(no_input.stderr) == "gdz: nothing was changed"
    unseen = gdz_process("undo", env=env, input="y\n", preexec_fn=_closed_stdout)
    assert unseen.returncode == 4
    assert one_error_line(unseen.stderr) == (
        "gdz: standard output could not be written (it is closed), so nothing could be asked; nothing was changed"
    )
    assert (tmp_path / "log.toml").read_bytes() == before
    piped = gdz_process("undo", env=env, input="y\n")
    assert piped.returncode == 0 and piped.stdout.startswith("Void ") and "? [y/N]: \nvoided " in piped.stdout


def test_a_reader_that_stops_early_is_not_an_error(fixture_env: Path) -> None:
    command = [sys.executable, "-m", "gdz_targets", "history", "--all"]
    env = {**os.environ, "GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(fixture_env)}
    gdz = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert gdz.stdout is not None and gdz.stderr is not None
    gdz.stdout.read(10)
    gdz.stdout.close()  # `| head -c 10`
    assert gdz.wait(TIMEOUT) in (0, -signal.SIGPIPE)
    assert b"Traceback" not in gdz.stderr.read()


# --- 7. a long cell --------------------------------------------------------------------------------------------


def test_a_cell_over_128_kb_imports(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    note = "长" * 200_000
    csv_file = tmp_path / "long.csv"
    csv_file.write_text(f'target,date,value,note\npass-rate,2025-04-30,78,"{note}"\n', encoding="utf-8")
    result = gdz("import", str(csv_file))
    assert result.exit_code == 0, result
    exported = gdz("export", "entries", "-f", "json").stdout
    assert note in exported


# --- 8. special files and deep nesting ---------------------------------------------------------------------------


def test_a_fifo_as_plan_log_or_import_file_is_refused_at_once(fixture_env: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refusal = f"gdz: {fifo}: is not a regular file (a device, FIFO or socket); give the path of a file"
    plan = gdz_process("status", "--plan", str(fifo), env={"GDZ_LEDGER": str(fixture_env)})
    assert (plan.returncode, one_error_line(plan.stderr)) == (3, refusal)
    log = gdz_process("status", "--ledger", str(fifo))
    assert (log.returncode, one_error_line(log.stderr)) == (3, refusal)
    imported = gdz_process("import", str(fifo), env={"GDZ_LEDGER": str(fixture_env)})
    assert (imported.returncode, imported.stderr.splitlines()[0]) == (2, refusal)
    unread = gdz_process("export", "status", "-o", str(fifo), env={"GDZ_LEDGER": str(fixture_env)})
    assert (unread.returncode, one_error_line(unread.stderr)) == (4, f"gdz: {fifo}: cannot write: nothing is at "
                                                                  "the other end (a FIFO with no reader, or a socket); "
                                                                  "nothing was changed")  # fmt: skip


def test_a_socket_as_plan_or_import_file_is_refused(fixture_env: Path, tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        refusal = f"gdz: {path}: is not a regular file (a device, FIFO or socket); give the path of a file"
        plan = gdz_process("status", "--plan", str(path))
        assert (plan.returncode, one_error_line(plan.stderr)) == (3, refusal)
        imported = gdz_process("import", str(path), env={"GDZ_LEDGER": str(fixture_env)})
        assert (imported.returncode, imported.stderr.splitlines()[0]) == (2, refusal)


def test_a_fifo_in_place_of_a_cache_file_is_passed_over(tmp_path: Path) -> None:
    env = {"GDZ_LEDGER": str(tmp_path / "log.toml"), "GDZ_CACHE_DIR": str(tmp_path / "cache")}
    for value in ("80", "81"):  # the second writes the journal
        assert gdz_process("log", "pass-rate", value, "--date", "2025-05-31", env=env).returncode == 0
    cached = sorted((tmp_path / "cache").iterdir())
    assert {path.suffix for path in cached} >= {".idx", ".journal", ".marshal"}
    for path in cached:
        path.unlink()
        os.mkfifo(path)
    for args in (("status",), ("log", "pass-rate", "82", "--date", "2025-06-01"), ("history",)):
        result = gdz_process(*args, env=env)  # within the time limit: nothing waits for a writer
        assert result.returncode == 0 and result.stderr == "", result.stderr
    assert (tmp_path / "log.toml").read_text().count("entry.") == 3


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="this system has no /dev/zero")
def test_a_device_as_plan_is_refused(tmp_path: Path) -> None:
    result = gdz_process("status", "--plan", "/dev/zero")
    assert result.returncode == 3
    assert one_error_line(result.stderr).startswith("gdz: /dev/zero: is not a regular file")


def test_a_loop_of_links_as_the_log_is_one_line(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    result = gdz_process("status", "--ledger", str(loop))
    assert result.returncode == 3
    assert one_error_line(result.stderr) == f"gdz: {loop}: cannot read: a loop of symbolic links"


@pytest.mark.parametrize("body", ["x = " + "[" * 100_000, "x = " + "{a = " * 5_000 + "1" + "}" * 5_000])
def test_deeply_nested_toml_is_refused_not_a_crash(gdz: Gdz, tmp_path: Path, body: str) -> None:
    plan = tmp_path / "deep.toml"
    plan.write_text(body + "\n", encoding="utf-8")
    result = gdz("status", "--plan", str(plan))
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr and str(plan) in result.stderr
    log = tmp_path / "deep-log.toml"
    log.write_text("entry.01JX6GTCM01S6J0F9K1Z42THS3 = " + "[" * 100_000 + "\n", encoding="utf-8")
    assert gdz("status", "--ledger", str(log)).exit_code == 3


def test_a_directory_as_plan_is_exit_3(gdz: Gdz, tmp_path: Path) -> None:
    result = gdz("status", "--plan", str(tmp_path))
    assert (result.exit_code, result.stderr) == (3, f"gdz: {tmp_path}: is a directory, not a file\n")


# --- 10. the lock's timeout ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["nan", "1e309", "abc", "", "-1", "inf"])
def test_a_lock_timeout_that_is_not_a_number_of_seconds_is_refused(
    gdz: Gdz, fixture_env: Path, value: str
) -> None:
    before = fixture_env.read_bytes()
    result = gdz("log", "pass-rate", "80", "--date", "2025-05-31", env={"GDZ_LOCK_TIMEOUT": value})
    assert result.exit_code == 2
    assert result.stderr == (
        f'gdz: GDZ_LOCK_TIMEOUT="{value}" is not a number of seconds from 0 to 3600; use e.g. 10, or unset it\n'
    )
    assert fixture_env.read_bytes() == before


# --- 12. control characters ---------------------------------------------------------------------------------------


def test_control_characters_in_a_name_are_refused(gdz: Gdz, fixture_env: Path) -> None:
    by = gdz("log", "pass-rate", "80", "--date", "2025-05-31", "--by", "evil\x1b[2J")
    assert (by.exit_code, by.stderr) == (
        2, "gdz: --by holds a control character (an escape, tab, line break or text-direction override); type plain text\n"
    )  # fmt: skip
    env = gdz("log", "pass-rate", "80", "--date", "2025-05-31", env={"GDZ_USER": "a\x07b"})
    assert env.exit_code == 2 and "GDZ_USER holds a control character" in env.stderr


def test_control_characters_from_the_log_never_reach_the_terminal(gdz: Gdz, fixture_env: Path) -> None:
    with fixture_env.open("a", encoding="utf-8") as log:
        log.write('entry.01JX6GTCM01S6J0F9K1Z42THS3 = {target = "pass-rate", city = "dongguan", '
                  'date = 2025-05-31, value = 80, note = "\\u001b[31mred\\u0007", by = "x\\u001by", '
                  'at = 2025-06-08T09:00:00+08:00}\n')  # fmt: skip
    for args in (("history",), ("show", "pass-rate"), ("export", "entries", "-f", "md"),
                 ("export", "entries", "-f", "html"), ("export", "entries", "-f", "svg")):  # fmt: skip
        result = gdz(*args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, (args, result)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, args
        assert "x1b" in result.stdout, args  # shown, escaped


def test_a_target_id_with_a_line_break_gives_one_line(gdz: Gdz) -> None:
    result = gdz("log", "cross-city\nsum", "1020")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "cross-city\\nsum" in result.stderr


def test_control_characters_in_plan_text_are_refused(gdz: Gdz, tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    text = FIXTURE_PLAN.read_text(encoding="utf-8")
    plan.write_text(
        text.replace('title_en = "Test plan', 'title_en = "Test\\u001b plan', 1), encoding="utf-8"
    )
    result = gdz("check", "--plan", str(plan))
    assert result.exit_code == 1
    assert "holds a control character" in result.stdout


# --- 13 and 14. a BOM in the log; import clashes and stray columns -------------------------------------------------


def test_a_log_with_a_bom_is_read(gdz: Gdz, fixture_env: Path) -> None:
    fixture_env.write_bytes(b"\xef\xbb\xbf" + FIXTURE_LOG.read_bytes())
    assert gdz("check").exit_code == 0
    assert gdz("status").exit_code == 0
    assert gdz("log", "pass-rate", "80", "--date", "2025-05-31").exit_code == 0
    assert gdz("check").exit_code == 0


def test_an_imported_id_with_other_content_is_refused_naming_it(
    gdz: Gdz, fixture_env: Path, tmp_path: Path
) -> None:
    exported = gdz("export", "entries").stdout_bytes
    changed = exported.replace(b",75,", b",76,", 1)
    assert changed != exported
    csv_file = tmp_path / "changed.csv"
    csv_file.write_bytes(changed)
    before = fixture_env.read_bytes()
    result = gdz("import", str(csv_file))
    assert result.exit_code == 2
    assert "is already in the log with other content" in result.stderr
    assert fixture_env.read_bytes() == before


def test_an_unknown_column_in_the_header_is_refused(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "extra.csv"
    csv_file.write_text("target,date,value,colour\npass-rate,2025-04-30,78,red\n", encoding="utf-8")
    result = gdz("import", str(csv_file))
    assert result.exit_code == 2 and 'unknown column "colour"' in result.stderr


# --- 15. import from standard input ----------------------------------------------------------------------------


def test_import_reads_standard_input(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("import", "-", input="target,date,value\npass-rate,2025-04-30,78\n")
    assert result.exit_code == 0, result
    assert "2025-04-30" in gdz("history", "pass-rate", env={"COLUMNS": "200"}).stdout


def test_import_from_a_closed_standard_input_is_refused(fixture_env: Path) -> None:
    result = gdz_process("import", "-", env={"GDZ_LEDGER": str(fixture_env)}, preexec_fn=_closed_stdin)
    assert result.returncode == 2
    assert one_error_line(result.stderr).startswith(
        "gdz: `gdz import -` reads standard input, which is closed"
    )


# --- the fuzz test: arbitrary bytes as plan, log and import file ---------------------------------------------------

READING = (("status",), ("show", "pass-rate"), ("history", "--all"), ("targets",), ("check",),
           ("export", "status", "-f", "json"), ("export", "entries"))  # fmt: skip
DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 4}

# Bytes near what gdz reads: pieces of the real files, cut, repeated and mixed with anything at all.
PIECES = (
    [FIXTURE_PLAN.read_bytes()[i : i + 300] for i in range(0, 3000, 300)]
    + [FIXTURE_LOG.read_bytes()[i : i + 200] for i in range(0, 2000, 200)]
    + [b"\xef\xbb\xbf", b"\x00", b"\r\n", b"[[", b"{", b"\\u0000", b"=", b"\xff\xfe", b"1e999", b"nan"]
)
FUZZ = st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=40)), max_size=12).map(b"".join)


VALID = {"plan.toml": FIXTURE_PLAN.read_bytes(), "log.toml": FIXTURE_LOG.read_bytes(),
         "in.csv": b"target,date,value\npass-rate,2025-04-30,78\n"}  # fmt: skip


@settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fuzzed=st.sampled_from(sorted(VALID)), data=FUZZ)
def test_arbitrary_bytes_never_crash_hang_or_write(
    gdz: Gdz, tmp_path: Path, fuzzed: str, data: bytes
) -> None:
    """One file at a time is arbitrary bytes, the others valid, so that each reader is reached."""
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    files = {**VALID, fuzzed: data}
    for name, content in files.items():
        (folder / name).write_bytes(content)
    env = {"GDZ_PLAN": str(folder / "plan.toml"), "GDZ_LEDGER": str(folder / "log.toml"),
           "GDZ_CACHE_DIR": str(tmp_path / "fuzz-cache")}  # fmt: skip
    for args in (*READING, ("import", str(folder / "in.csv"), "--dry-run")):
        result = gdz(*args, env=env)  # a traceback fails the test: the runner re-raises it
        assert result.exit_code in DOCUMENTED_EXIT_CODES, (args, result)
        if result.exit_code >= 2:
            assert result.stderr.startswith("gdz: "), (args, result)
    assert {
        path.name: path.read_bytes() for path in folder.iterdir()
    } == files  # nothing written, nothing new


# --- help and the command line, as hostile as the rest ------------------------------------------------------------


@pytest.mark.parametrize("args", [("--help",), ("log", "-h"), ("--lang", "zh", "--help")])
def test_help_in_an_encoding_without_chinese_falls_back_not_a_crash(args: tuple[str, ...]) -> None:
    result = gdz_process(*args, env={"PYTHONIOENCODING": "latin-1"})
    assert (result.returncode, result.stderr) == (0, "")
    assert "Usage" in result.stdout or "?" in result.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="this system has no /dev/full")
@pytest.mark.parametrize(
    "args", [("--help",), ("status", "-h"), ("--version",), ("--lang", "en", "--version")]
)
def test_help_or_version_that_cannot_be_written_exits_4(args: tuple[str, ...]) -> None:
    for preexec in (_closed_stdout, None):
        if preexec is None:
            with open("/dev/full", "w") as full:
                result = subprocess.run([sys.executable, "-m", "gdz_targets", *args], stdout=full, stderr=subprocess.PIPE,
                                        text=True, timeout=TIMEOUT, check=False)  # fmt: skip
        else:
            result = gdz_process(*args, preexec_fn=preexec)
        assert result.returncode == 4, (args, result.stderr)
        assert one_error_line(result.stderr).startswith("gdz: standard output could not be written (")


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (("status", "--are", "2"), "gdz: no such option --are (did you mean --all, --area?); see `gdz status -h`",
         "gdz: 没有选项 --are(是不是 --all, --area?);见 `gdz status -h`"),
        (("status", "--sort", "foo"), 'gdz: unknown order "foo"; use one of plan, gap, score, deadline, id, change',
         'gdz: 未知排序 "foo";可选:方案、差距、得分、期限、编号、变化'),
        (("export", "status", "-f", "doc"), 'gdz: --format: "doc" is not one of csv, xlsx, json, md, html, svg, png; see `gdz export -h`',
         'gdz: --format:"doc" 不是可选值(csv, xlsx, json, md, html, svg, png)之一;见 `gdz export -h`'),
        (("log",), "gdz: TARGET is missing; see `gdz log -h`", "gdz: 缺少 TARGET;见 `gdz log -h`"),
        (("log", "pass-rate", "1", "--date"), "gdz: the option --date needs a value; see `gdz log -h`",
         "gdz: 选项 --date 需要一个值;见 `gdz log -h`"),
        (("stauts",), 'gdz: no such command "stauts" (did you mean status, targets?); `gdz -h` lists them',
         'gdz: 没有命令 "stauts"(是不是 status, targets?);`gdz -h` 列出全部命令'),
        (("where", "extra"), "gdz: unexpected extra; see `gdz where -h`", "gdz: 多余的参数 extra;见 `gdz where -h`"),
    ],
)  # fmt: skip
def test_a_command_line_error_is_one_line_in_the_users_language(
    args: tuple[str, ...], english: str, chinese: str
) -> None:
    for lang, expected in (("en", english), ("zh", chinese)):
        # `--lang` after the command too, except where it would be read as the value asked for, or no command
        after = args[-1] != "--date" and args != ("stauts",)
        for placed in (
            ((*args, "--lang", lang), ("--lang", lang, *args)) if after else (("--lang", lang, *args),)
        ):
            result = gdz_process(*placed, env={"GDZ_LANG": lang})
            assert (result.returncode, one_error_line(result.stderr)) == (2, expected), placed


def test_a_yesterday_before_the_calendar_and_months_as_of_everywhere(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("history", "--since", "yesterday", env={"GDZ_TODAY": "1900-01-01"})
    assert result.exit_code == 2 and "1899-12-31 is outside the years gdz handles" in result.stderr
    for args in (("export", "status", "--as-of", "2025-03"), ("show", "pass-rate", "--as-of", "2025")):
        assert gdz(*args).exit_code == 0, args


def test_an_output_name_ending_in_a_slash_is_refused(gdz: Gdz, fixture_env: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    result = gdz("export", "status", "-o", f"{folder}/out.csv/")
    assert result.exit_code == 2 and result.stderr.endswith(
        "ends with a slash, so it names a directory; give a file name\n"
    )
    assert list(folder.iterdir()) == []


def test_a_file_where_the_data_directory_must_be_is_named(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("")
    result = gdz_process("log", "pass-rate", "80", "--date", "2025-05-31", env={"GDZ_HOME": str(home)})
    assert (result.returncode, one_error_line(result.stderr)) == (
        4,
        f"gdz: {home}: is a file, not a directory",
    )


@pytest.mark.parametrize("make", ["directory", "fifo", "loop"])
def test_a_workspace_file_that_cannot_be_read_stops_gdz_instead_of_being_skipped(
    tmp_path: Path, make: str
) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    workspace = folder / "gdz.toml"
    if make == "directory":
        workspace.mkdir()
    elif make == "fifo":
        os.mkfifo(workspace)
    else:
        workspace.symlink_to(workspace)
    result = gdz_process("log", "pass-rate", "80", "--date", "2025-05-31", cwd=folder)
    assert result.returncode == 3 and one_error_line(result.stderr).startswith(f"gdz: {workspace}")
    assert not (tmp_path / "home" / "progress.toml").exists()  # not quietly written to the data directory


def test_an_unreadable_plan_option_is_the_same_error_as_the_variable(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    shutil.copyfile(FIXTURE_PLAN, plan)
    plan.chmod(0)
    by_option = run_gdz_process("status", "--plan", str(plan), obey_permissions=True)
    by_variable = run_gdz_process("status", env={"GDZ_PLAN": str(plan)}, obey_permissions=True)
    assert by_option.returncode == by_variable.returncode == 3
    assert (
        one_error_line(by_option.stderr)
        == one_error_line(by_variable.stderr)
        == (f"gdz: {plan}: cannot read: permission denied")
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('id = "new-services"', 'id = "new-services"\ncontinues = "no-such-target"'),
         'continues "no-such-target" is not another target of the plan'),
        (('id = "new-services"', 'id = "new-services"\ncontinues = "new-services"'),
         'continues "new-services" is not another target of the plan'),
        (('id = "new-services"', 'id = "new-services"\ngroup = "together"'), "a numeric target has no 'group'"),
        (("schema = 2", "schema = 2.0"), "schema"),
        (("policies = ", "policies = 1" + "0" * 400 + "\n# "), "too large"),
    ],
)  # fmt: skip
def test_the_plan_check_holds_the_rules_the_plan_file_states(
    gdz: Gdz, tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    text = FIXTURE_PLAN.read_text(encoding="utf-8")
    assert change[0] in text
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    result = gdz("check", "--plan", str(plan))
    assert result.exit_code == 1 and expected in result.stdout, result.stdout


def test_an_empty_plan_is_one_problem_and_toml_errors_speak_chinese(gdz: Gdz, tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    result = gdz("check", "--plan", str(empty))
    assert [line for line in result.stdout.splitlines() if line.startswith(str(empty))] == [
        f"{empty}:1:1: the plan is empty; start from a copy of the shipped plan (`gdz where` shows it)"
    ]
    broken = tmp_path / "broken.toml"
    broken.write_text("schema = 2\nfoo = bar\n")
    result = gdz("check", "--plan", str(broken), "--lang", "zh")
    assert f"{broken}:2:7: TOML 语法错误:不是有效的 TOML 值(文字需加引号)" in result.stdout


def test_an_entry_and_a_void_with_one_id_are_a_problem(gdz: Gdz, fixture_env: Path) -> None:
    text = fixture_env.read_text(encoding="utf-8")
    entry_id = text.split("entry.", 1)[1][:26]
    void_id = text.split("void.", 1)[1][:26]
    fixture_env.write_text(text.replace(f"void.{void_id}", f"void.{entry_id}"), encoding="utf-8")
    result = gdz("check")
    assert result.exit_code == 1 and f"the void {entry_id} has the id of an entry" in result.stdout


def test_a_report_on_a_terminal_shows_escapes_and_a_file_gets_the_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from gdz_targets.output import stream

    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    data = "id,note\r\n1,\x1b[2J\u202eevil\r\n".encode()
    for kind, expected in (
        (Terminal, "id,note\r\n1,\\x1b[2J\\u202eevil\r\n"),
        (io.TextIOWrapper, data.decode()),
    ):
        raw = io.BytesIO()
        monkeypatch.setattr("sys.stdout", kind(raw, encoding="utf-8"))
        stream.write_bytes(data)
        assert raw.getvalue().decode() == expected
