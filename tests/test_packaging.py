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

# What a command may cost at start-up, by short name: each is loaded only by the commands that need it.
HEAVY = {"rich": "rich.console", "typer.rich_utils": "typer.rich_utils", "csv": "csv", "json": "json",
         "tomli_w": "tomli_w", "hashlib": "hashlib", "records": "gdz_targets.store.records", "tomllib": "tomllib",
         "xlsxwriter": "xlsxwriter", "calamine": "python_calamine", "pillow": "PIL.Image"}  # fmt: skip


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
        (("log", "pass-rate", "80", "--date", "2025-05-31"), {"tomli_w", "hashlib", "records"}),
        (("export", "status", "-f", "csv"), {"csv", "json"}),
        (("export", "status", "-f", "json"), {"csv", "json"}),
        (("export", "status", "-o", "report.xlsx"), {"csv", "json", "xlsxwriter", "hashlib"}),
        (("export", "entries", "-f", "csv"), {"csv", "json", "records"}),
        (("where",), set()),
        (("chart", "pass-rate", "-o", "chart.svg"), {"json"}),
        (("export", "status", "-o", "report.html"), {"csv", "json"}),
    ],
)
def test_commands_that_draw_no_table_do_not_import_rich(args: tuple[str, ...], allowed: set[str],
                                                        log: Path) -> None:  # fmt: skip
    modules_after("status", log=log)  # the first run builds the caches
    loaded = modules_after(*args, log=log)
    assert sorted(name for name, module in HEAVY.items() if module in loaded and name not in allowed) == []


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (("status",), {"rich"}),
        (("status", "--area", "2"), {"rich"}),
        (("status", "--status", "overdue", "--sort", "score"), {"rich"}),
        (("show", "pass-rate"), {"rich", "records"}),  # show reads entries: their lines are parsed
        (("history", "pass-rate"), {"rich", "records"}),
        (("targets",), {"rich"}),
    ],
)
def test_each_command_imports_only_what_it_needs(args: tuple[str, ...], allowed: set[str], log: Path) -> None:
    modules_after("status", log=log)  # the first run builds the caches
    loaded = modules_after(*args, log=log)
    assert sorted(name for name, module in HEAVY.items() if module in loaded and name not in allowed) == []
    assert "rich.table" not in loaded  # gdz lays out its own tables: see output/terminal.py


def test_status_does_draw_with_rich(log: Path) -> None:
    modules_after("status", log=log)  # the first run builds the caches
    loaded = modules_after("status", log=log)
    assert {"rich.console", "rich.text"} <= loaded
    assert {"tomllib", "gdz_targets.store.records"}.isdisjoint(
        loaded
    )  # an unchanged log is not parsed at all


PYTHON_API = """
import json, sys
from datetime import date
from pathlib import Path
from gdz_targets.app import Session, record, report

s = Session(lang="en", ledger=Path(sys.argv[1]))
logged = record.log_entry(s, record.EntryInput("cross-city-total", 1020, date(2023, 12, 31)))
status = report.status(s, as_of=date(2024, 1, 31))
row = next(row for row in status.all_targets() if row.target.id == "cross-city-total")
print(json.dumps({"id": logged.entry.id, "value": row.current.value, "status": row.status.value,
                  "modules": sorted(sys.modules)}))
"""


def test_the_python_api_needs_neither_typer_nor_rich(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GDZ_PLAN")}
    result = subprocess.run([sys.executable, "-c", PYTHON_API, str(tmp_path / "log.toml")], env=env,
                            capture_output=True, text=True, check=True)  # fmt: skip
    found = json.loads(result.stdout)
    assert (found["value"], found["status"]) == (1020, "achieved")
    assert found["id"] in (tmp_path / "log.toml").read_text()
    assert [name for name in found["modules"] if name.split(".")[0] in ("typer", "click", "rich")] == []


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
    result = subprocess.run([str(venv / "bin" / "gdz"), "targets", "--area", "market-regulation"], cwd=elsewhere, env=env,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "trading-one-network" in result.stdout
    where = subprocess.run([str(venv / "bin" / "gdz"), "where"], cwd=elsewhere, env=env, capture_output=True,
                           text=True, check=True)  # fmt: skip
    plan_line = where.stdout.splitlines()[0]
    assert str(venv) in plan_line and "gdz_targets/data/targets.toml (shipped with gdz)" in plan_line
    packaged = next(venv.glob("lib/python*/site-packages/gdz_targets/data/targets.toml"))
    assert packaged.read_bytes() == (ROOT / "data" / "targets.toml").read_bytes()
    published = packaged.with_name("published.csv")
    assert published.read_bytes() == (ROOT / "data" / "published.csv").read_bytes()
    status = subprocess.run([str(venv / "bin" / "gdz"), "status"], cwd=elsewhere, env=env, capture_output=True,
                            text=True, check=True)  # fmt: skip
    assert f"gdz import {published}" in status.stdout  # an empty log: how to begin, with the shipped figures


def test_the_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Use from Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    env = {key: value for key, value in os.environ.items() if not key.startswith("GDZ_PLAN")}
    result = subprocess.run([sys.executable, "-c", example], cwd=tmp_path, env=env, capture_output=True,
                            text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "achieved" in result.stdout.lower() and "cross-city-total 1020" in result.stdout


def test_the_python_api_takes_a_path_as_text(tmp_path: Path) -> None:
    """`Session(ledger="progress.toml")`, as a script writes it, is the same as a Path."""
    from gdz_targets.app import report
    from gdz_targets.app.session import Session

    log = tmp_path / "progress.toml"
    as_text, as_path = Session(ledger=str(log)), Session(ledger=log)
    assert as_text.log_location().path == as_path.log_location().path == log
    assert report.status(as_text).aggregate == report.status(as_path).aggregate
