"""Every test runs against a fresh data home, a fixed date and plain 80-column output: no real data is touched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gdz_targets.cli import app
from gdz_targets.domain.model import Entry, History, Void

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).with_name("fixtures")
GOLDEN = Path(__file__).with_name("golden")
FIXTURE_PLAN = FIXTURES / "plan.toml"
FIXTURE_LOG = FIXTURES / "progress.toml"
TODAY = "2025-06-30"

_GDZ_VARIABLES = ("GDZ_PLAN", "GDZ_LEDGER", "GDZ_LANG", "GDZ_USER", "GDZ_CACHE_DIR", "GDZ_LOCK_TIMEOUT")


@pytest.fixture(autouse=True)
def env_setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point gdz's data home at a temporary directory and pin the clock, language and terminal."""
    for name in (*_GDZ_VARIABLES, "LC_ALL", "LC_MESSAGES", "LANG", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    monkeypatch.setenv("GDZ_HOME", str(home))
    monkeypatch.setenv("GDZ_TODAY", TODAY)
    monkeypatch.setenv("GDZ_USER", "tester")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "dumb")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    yield home


Gdz = Callable[..., "Result"]


class Result:
    """What one gdz invocation did."""

    def __init__(self, exit_code: int, stdout: str, stderr: str, stdout_bytes: bytes = b"") -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr
        self.stdout_bytes = stdout_bytes  # exactly as written: `stdout` has its line ends normalised

    def __repr__(self) -> str:
        return f"Result(exit_code={self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture
def gdz() -> Gdz:
    """Run gdz in-process through Typer's CliRunner; returns exit code, stdout and stderr."""
    runner = CliRunner()

    def run(*args: str, env: Mapping[str, str] | None = None, input: str | None = None) -> Result:
        result = runner.invoke(
            app, list(args), env=dict(env) if env else None, input=input, catch_exceptions=False
        )
        return Result(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)

    return run


@pytest.fixture
def fixture_log(tmp_path: Path) -> Path:
    """A copy of the fixture log, safe to append to."""
    log = tmp_path / "fixture-progress.toml"
    shutil.copyfile(FIXTURE_LOG, log)
    return log


@pytest.fixture
def fixture_env(fixture_log: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Use the fixture plan and a copy of the fixture log for every command."""
    monkeypatch.setenv("GDZ_PLAN", str(FIXTURE_PLAN))
    monkeypatch.setenv("GDZ_LEDGER", str(fixture_log))
    return fixture_log


def assert_golden(name: str, text: str, *, facts: Sequence[str]) -> None:
    """Compare with tests/golden/NAME; GDZ_UPDATE_GOLDEN=1 rewrites the file instead. `facts`: what the output
    must hold whatever the golden says (a figure, a status), so that an accepted golden cannot hide it."""
    _holds(name, text, facts)
    path = GOLDEN / name
    if os.environ.get("GDZ_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="")
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"output differs from {path}; review, then GDZ_UPDATE_GOLDEN=1 to accept"


def assert_golden_bytes(name: str, data: bytes, *, facts: Sequence[str]) -> None:
    """`assert_golden` for bytes (a workbook's, a BOM's); `facts` are looked for in their UTF-8 text."""
    _holds(name, data.decode("utf-8", "replace"), facts)
    path = GOLDEN / name
    if os.environ.get("GDZ_UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
    assert data == path.read_bytes(), (
        f"output differs from {path}; review, then GDZ_UPDATE_GOLDEN=1 to accept"
    )


def _holds(name: str, text: str, facts: Sequence[str]) -> None:
    assert facts, f"{name}: a golden test names at least one fact the output must hold"
    for fact in facts:
        assert fact in text, f"{name}: {fact!r} is not in the output"


def run_gdz_process(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    obey_permissions: bool = False,
    **kwargs: object,
) -> subprocess.CompletedProcess[str]:
    """Run gdz as a separate process (`python -m gdz_targets`) with the test environment.

    `obey_permissions`: when the tests run as root, drop the capabilities that let root ignore file modes."""
    environment = {**os.environ, **(env or {})}
    prefix = []
    if obey_permissions and os.geteuid() == 0:
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*prefix, sys.executable, "-m", "gdz_targets", *args],
        env=environment,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        **kwargs,
    )


def history_of(records: Sequence[Entry | Void]) -> History:
    """The history production reads for these records: written to a log, read back through its index."""
    import tempfile

    from gdz_targets.store.log import open_log
    from gdz_targets.store.log_file import LOG_HEADER
    from gdz_targets.store.records import encode_entry, encode_void

    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "progress.toml"
        lines = [encode_void(r) if isinstance(r, Void) else encode_entry(r) for r in records]
        log.write_text(LOG_HEADER + "".join(lines), encoding="utf-8")
        return open_log(log, Path(folder) / "cache").history()
