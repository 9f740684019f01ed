"""The error catalogue: each bad input, the exact one-line message(s) and the documented exit code."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from gdz_targets.output.messages import CATALOGUE

from .conftest import FIXTURE_LOG, ROOT, Gdz

SOURCE = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "src").rglob("*.py"))
DYNAMIC_FAMILIES = (
    "status.",
    "city.",
    "kind.",
    "direction.",
    "frontier.",
    "worst.",
    "origin.",
    "rule.",
    "reason.",
    "count.",
    "type.",
)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_exists_in_both_languages_with_the_same_fields(key: str) -> None:
    english, chinese = CATALOGUE[key]
    assert english.strip() and chinese.strip()
    fields = {name for _, name, _, _ in string.Formatter().parse(english) if name}
    assert fields == {name for _, name, _, _ in string.Formatter().parse(chinese) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_is_used(key: str) -> None:
    family = next((prefix for prefix in DYNAMIC_FAMILIES if key.startswith(prefix)), None)
    assert f'"{key}"' in SOURCE or (family is not None and f'"{family}"' in SOURCE), f"{key} is never used"


# (arguments, extra environment, exit code, stderr). The fixture plan and a copy of the fixture log are in use.
CATALOGUE_CASES = [
    (["log", "pass-rat", "50"], {}, 2, "unknown target \"pass-rat\"; did you mean 'pass-rate'?"),
    (["log", "zzz", "50"], {}, 2, 'unknown target "zzz"; `gdz targets` lists them'),
    (["log", "pass-rate", "nan"], {}, 2, '"nan" is not a number; write a finite number'),
    (
        ["log", "pass-rate", "1_000"],
        {},
        2,
        '"1_000" is not a number; write digits without separators, like 1000',
    ),
    (["log", "pass-rate", "1e2"], {}, 2, '"1e2" is not a number; write the digits out, like 0.001'),
    (
        ["log", "new-services", "85%"],
        {},
        2,
        '"85%": the target is measured in items; write the figure in items, or as a plain number',
    ),
    (["log", "pass-rate", "101"], {}, 2, "101 is above the largest possible value, 100%"),
    (
        ["log", "new-services", "-3", "-d", "2025-01-01"],
        {},
        2,
        "-3 reads as an option; put -- before a negative number: `gdz log TARGET -- -3`",
    ),
    (["log", "new-services", "--", "-3"], {}, 2, "-3 is below the smallest possible value, 0 items"),
    (["log", "new-services", "2.5"], {}, 2, "2.5 is not a whole number, and items are counted whole"),
    (["log", "hotline", "50"], {}, 2, '"50" is not a milestone state; use done or not-done'),
    (
        ["log", "pass-rate", "50", "--date", "2025-02-30"],
        {},
        2,
        '"2025-02-30" is not a day of the calendar; check it',
    ),
    (
        ["log", "pass-rate", "50", "--date", "2025-07-01"],
        {},
        2,
        "the date 2025-07-01 is after today (2025-06-30); check it, or add --force if it is right",
    ),
    (
        ["log", "pass-rate", "50", "--date", "2023-12-31"],
        {},
        2,
        "the date 2023-12-31 is before the target's baseline date 2024-01-01; check it, or add --force if it is "
        "right",
    ),
    (
        ["log", "new-services", "50", "--date", "2023-08-31"],
        {},
        2,
        "the date 2023-08-31 is before the plan was issued (2023-09-01); check it, or add --force if it is right",
    ),
    (
        ["log", "pass-rate", "50", "--city", "foshan"],
        {},
        2,
        '"foshan" is not a city gdz tracks; use dongguan, guangzhou or shenzhen (or dg, gz, sz)',
    ),
    (
        ["log", "pass-rate", "50"],
        {"GDZ_TODAY": "someday"},
        2,
        'GDZ_TODAY="someday" is not a date; use YYYY-MM-DD, or unset it',
    ),
    (["void", "ZZZZZZ", "--reason", "x"], {}, 2, 'no entry id contains "ZZZZZZ"; see `gdz history --all`'),
    (
        ["void", "01J", "--reason", "x"],
        {},
        2,
        '"01J" is too short to name an entry; give at least 4 characters of its id',
    ),
    (
        ["void", "M0", "--reason", "x"],
        {},
        2,
        '"M0" is too short to name an entry; give at least 4 characters of its id',
    ),
    (["void", "01JW", "--reason", "x"], {}, 2, '"01JW" is part of 5 entry ids; give more characters'),
    (["void", "4WGZE", "--reason", " "], {}, 2, "give a reason with --reason"),
    (["status", "--area", "service"], {}, 2, "unknown area \"service\"; did you mean 'services'?"),
    (
        ["status", "--status", "late"],
        {},
        2,
        'unknown status "late"; use one of met, on-track, at-risk, off-track, overdue, in-progress, no-data, stale',
    ),
    (
        ["status", "--status", "late", "--lang", "zh"],
        {},
        2,
        '未知状态 "late";可选:已达成、进度正常、有风险、落后、已逾期、推进中、无数据、久未更新',  # the words shown
    ),
    (["targets", "--kind", "goal"], {}, 2, 'unknown kind "goal"; use numeric, milestone or context'),
    (["show", "pass"], {}, 2, "unknown target \"pass\"; did you mean 'pass-rate'?"),
    (
        ["export", "status", "-o", "report.docx"],
        {},
        2,
        'cannot tell the format from ".docx"; use --format (csv, xlsx, json, md, html, svg, png)',
    ),
]


@pytest.mark.parametrize(("args", "env", "code", "message"), CATALOGUE_CASES)
def test_error_catalogue(gdz: Gdz, fixture_env: Path, args: list[str], env: dict[str, str], code: int,
                         message: str) -> None:  # fmt: skip
    result = gdz(*args, env=env)
    assert result.exit_code == code, result
    assert result.stderr == f"gdz: {message}\n"
    assert "Traceback" not in result.stderr
    assert fixture_env.read_bytes() == FIXTURE_LOG.read_bytes(), "nothing is written on bad input"


def test_errors_speak_chinese(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("log", "pass-rate", "101", "--lang", "zh")
    assert result.stderr == "gdz: 101 超过最大可能值 100%\n"
    result = gdz("log", "pass-rat", "50", env={"GDZ_LANG": "zh"})
    assert result.stderr == "gdz: 未知指标 \"pass-rat\";是不是 'pass-rate'?\n"


def test_an_invalid_log_line_is_named_with_line_and_column(gdz: Gdz, fixture_env: Path) -> None:
    text = fixture_env.read_text(encoding="utf-8").replace(
        'city = "dongguan", date = 2025-04-30', 'city = "dongguan", dat = 2025-04-30'
    )
    fixture_env.write_text(text, encoding="utf-8")
    result = gdz("status")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"gdz: {fixture_env}:7:77: unknown field 'dat'",
        f"gdz: {fixture_env}: 1 problem in the progress log; nothing was changed. Fix the file by hand, then run "
        "`gdz check`",
    ]


def test_check_reports_log_problems_against_the_plan(gdz: Gdz, fixture_env: Path) -> None:
    with fixture_env.open("a", encoding="utf-8") as log:
        log.write(
            'entry.01JX6GTCM01S6J0F9K1Z42THS3 = {target = "gone", city = "dongguan", date = 2025-01-01, '
            'value = 1, by = "x", at = 2025-06-08T09:00:00+08:00}\n'
        )
        log.write(
            'void.01JX6GTCM01S6J0F9K1Z42THS4 = {entry = "01JX6GTCM01S6J0F9K1Z42THS9", reason = "r", '
            'by = "x", at = 2025-06-08T09:00:00+08:00}\n'
        )
        log.write(
            'entry.01JX6GTCM01S6J0F9K1Z42THS5 = {target = "pass-rate", city = "dongguan", date = 2025-01-01, '
            'value = 120, by = "x", at = 2025-06-08T09:00:00+08:00}\n'
        )
    result = gdz("check")
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if line.startswith(str(fixture_env))] == [
        f"{fixture_env}:15: unknown target \"gone\"; did you mean 'hotline'?",
        f"{fixture_env}:16: this void names entry 01JX6GTCM01S6J0F9K1Z42THS9, which is not in the log",
        f"{fixture_env}:17: 120 is above the largest possible value, 100%",
    ]
    assert result.stdout.splitlines()[-1] == "3 problems found"


def test_exit_codes_are_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in range(5):
        assert re.search(rf"^\| {code} \|", readme, re.M), f"exit code {code} is not in the README table"
