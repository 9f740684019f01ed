"""`gdz status` and `gdz show` against golden files: two widths, two languages, plain and coloured."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from .conftest import Gdz, assert_golden

WIDTHS = (80, 200)
LANGS = ("en", "zh")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_status_golden(gdz: Gdz, fixture_env: Path, width: int, lang: str) -> None:
    result = gdz("status", "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result
    text = result.stdout.replace(str(fixture_env), "<log>")
    assert_golden(f"status-{lang}-{width}.txt", text)
    assert all(cell_len(line) <= width for line in text.splitlines()), "a line is wider than the terminal"


@pytest.mark.parametrize("lang", LANGS)
def test_show_golden(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    result = gdz("show", "pass-rate", "--lang", lang, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result
    assert_golden(f"show-pass-rate-{lang}.txt", result.stdout)


def test_show_a_lower_is_better_target(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("show", "wait-days", env={"COLUMNS": "100"})
    assert_golden("show-wait-days-en.txt", result.stdout)


def test_history_golden(gdz: Gdz, fixture_env: Path) -> None:
    assert_golden("history-all-80.txt", gdz("history", "--all").stdout)


def test_targets_golden(gdz: Gdz, fixture_env: Path) -> None:
    assert_golden("targets-80.txt", gdz("targets").stdout)


def test_status_at_80_columns_keeps_both_cities(gdz: Gdz, fixture_env: Path) -> None:
    header = next(line for line in gdz("status").stdout.splitlines() if line.startswith("target "))
    assert "Guangzhou" in header and "Shenzhen" in header and "status" in header


def test_no_escape_codes_when_piped_and_colour_when_forced(gdz: Gdz, fixture_env: Path) -> None:
    plain = gdz("status", env={"NO_COLOR": ""})
    assert "\x1b[" not in plain.stdout  # CliRunner's stdout is not a terminal
    coloured = gdz("status", env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[" in coloured.stdout
    no_color = gdz("status", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[3" not in no_color.stdout  # NO_COLOR: no colours, whatever else


def test_coloured_output_is_the_plain_output_plus_styles(gdz: Gdz, fixture_env: Path) -> None:
    import re

    plain = gdz("status", "--lang", "zh").stdout
    coloured = gdz(
        "status", "--lang", "zh", env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    )
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout) == plain


def test_status_is_readable_without_colour(gdz: Gdz, fixture_env: Path) -> None:
    text = gdz("status", env={"COLUMNS": "200"}).stdout
    for word in ("✔ achieved", "✓ on track", "! at risk", "✗ off track", "✖ overdue", "~ open", "? no data",
                 "stale"):  # fmt: skip
        assert word in text


def test_an_earlier_report_is_reproduced_exactly(gdz: Gdz, fixture_env: Path) -> None:
    earlier = gdz("status", "--as-of", "2025-04-20", env={"COLUMNS": "200"}).stdout
    for args in (("log", "pass-rate", "82", "--date", "2025-06-15"), ("log", "hotline", "done", "--date", "2025-06-01"),
                 ("log", "wait-days", "9", "--date", "2025-06-20", "--city", "gz")):  # fmt: skip
        assert gdz(*args).exit_code == 0
    again = gdz("status", "--as-of", "2025-04-20", env={"COLUMNS": "200"}).stdout
    assert again == earlier
    assert gdz("status", env={"COLUMNS": "200"}).stdout != earlier


def test_filters_and_sorting(gdz: Gdz, fixture_env: Path) -> None:
    wide = {"COLUMNS": "200"}
    overdue = gdz("status", "--status", "overdue", env=wide).stdout
    ids = [line.split()[0] for line in overdue.splitlines() if line.startswith(("new-services", "credit-files",
                                                                                 "pass-rate"))]  # fmt: skip
    assert ids == ["new-services", "credit-files"]
    stale = gdz("status", "-S", "stale", "--area", "services", env=wide).stdout
    assert "pass-rate" in stale and "wait-days" not in stale and "credit-files" not in stale
    by_gap = gdz("status", "--area", "services", "--sort", "gap", env=wide).stdout
    order = [line.split()[0] for line in by_gap.splitlines() if line.split() and line.split()[0] in
             {"pass-rate", "wait-days", "new-services", "hotline", "service-map"}]  # fmt: skip
    assert order == ["new-services", "pass-rate", "wait-days", "hotline", "service-map"]


def test_filters_keep_the_plan_numbering_and_scores(gdz: Gdz, fixture_env: Path) -> None:
    text = gdz("status", "--area", "projects", env={"COLUMNS": "200"}).stdout
    assert "2. Project services" in text and "Government services" not in text
    assert "area scores: 2. 37" in text
    assert "whole plan: score 49 (7 of 8 targets scored)" in text  # the whole plan, whatever is shown
    nothing = gdz("status", "--status", "achieved", "--area", "projects", env={"COLUMNS": "200"}).stdout
    assert "no target matches these filters" in nothing


def test_city_benchmarks_show_where_each_figure_comes_from(gdz: Gdz, fixture_env: Path) -> None:
    text = gdz("status", "--city-benchmarks", "--area", "services", env={"COLUMNS": "200"}).stdout
    assert "2025-01-31 log" in text  # Guangzhou's logged pass rate
    assert "2024-06 plan" in text  # Shenzhen's figure from the plan


def test_fresh_install_shows_every_target_with_no_data(gdz: Gdz) -> None:
    result = gdz("status", env={"COLUMNS": "200"})
    assert result.exit_code == 0 and result.stderr == ""
    assert "status counts: ? no data 37" in result.stdout
    assert ">90" in result.stdout  # Shenzhen's e-licence benchmark
    assert "158.4" in result.stdout  # a context indicator's figure from the article
