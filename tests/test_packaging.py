"""What each command imports at start-up, and the wheel a user installs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURE_LOG, FIXTURE_PLAN, ROOT

PROBE = """
import sys
from gdz_targets.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
loaded = sorted(sys.modules)
import json
print("\\n" + json.dumps(loaded))
"""

HEAVY = ("rich.table", "rich.console", "rich.text", "typer.rich_utils", "csv", "json", "tomli_w", "hashlib")


def modules_after(*args: str, log: Path) -> set[str]:
    env = {**os.environ, "GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(log)}
    result = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True,
                            check=True)  # fmt: skip
    return set(json.loads(result.stdout.rsplit("\n", 2)[-2]))


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "log.toml"
    shutil.copyfile(FIXTURE_LOG, path)
    return path


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (("--version",), set()),
        (("log", "pass-rate", "80", "--date", "2025-05-31"), {"tomli_w", "hashlib"}),
        (("export", "status", "-f", "csv"), {"csv", "json", "hashlib"}),
        (("export", "status", "-f", "json"), {"csv", "json", "hashlib"}),
        (("where",), {"hashlib"}),
    ],
)
def test_commands_that_draw_no_table_do_not_import_rich(args: tuple[str, ...], allowed: set[str],
                                                        log: Path) -> None:  # fmt: skip
    loaded = modules_after(*args, log=log)
    assert sorted(name for name in HEAVY if name in loaded and name not in allowed) == []


def test_status_does_draw_with_rich(log: Path) -> None:
    modules_after("status", log=log)  # the first run builds the caches
    loaded = modules_after("status", log=log)
    assert {"rich.console", "rich.text"} <= loaded
    assert "rich.table" not in loaded  # gdz lays out its own tables: see render.py
    assert "tomli_w" not in loaded  # reading never needs the TOML writer
    assert "json" not in loaded  # the log cache's header is read without it
    assert {"tomllib", "gdz_targets.ledger"}.isdisjoint(loaded)  # an unchanged log is not parsed at all


@pytest.mark.slow
def test_the_wheel_installs_and_runs_from_another_directory(tmp_path: Path) -> None:
    uv = os.environ.get("UV") or shutil.which("uv")  # `uv run` names itself in $UV
    assert uv is not None, "run the tests with `uv run pytest`: uv builds the wheel"
    dist = tmp_path / "dist"
    subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(dist), str(ROOT)], check=True, capture_output=True
    )
    wheels = list(dist.glob("gdz_targets-*.whl"))
    assert len(wheels) == 1
    venv = tmp_path / "venv"
    subprocess.run(
        [uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True, capture_output=True
    )
    python = venv / "bin" / "python"
    subprocess.run([uv, "pip", "install", "--quiet", "--python", str(python), str(wheels[0])], check=True,
                   capture_output=True)  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GDZ_PLAN", "VIRTUAL_ENV"))}
    result = subprocess.run([str(venv / "bin" / "gdz"), "targets", "--area", "weak-spots"], cwd=elsewhere, env=env,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "trading-one-network" in result.stdout
    where = subprocess.run([str(venv / "bin" / "gdz"), "where"], cwd=elsewhere, env=env, capture_output=True,
                           text=True, check=True)  # fmt: skip
    plan_line = where.stdout.splitlines()[0]
    assert str(venv) in plan_line and "gdz_targets/data/targets.toml (shipped with gdz)" in plan_line
    packaged = next(venv.glob("lib/python*/site-packages/gdz_targets/data/targets.toml"))
    assert packaged.read_bytes() == (ROOT / "data" / "targets.toml").read_bytes()
