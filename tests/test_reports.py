"""`gdz status`, `show`, `history` and `targets` as people read them: golden files at 80, 120 and 200 columns
in both languages, with data and with an empty log; every width from 1 to 300; signs, filters and sorting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from .conftest import Gdz, assert_golden

WIDTHS = (80, 120, 200)
LANGS = ("en", "zh")
NO_LINE_START = tuple("，。、；：？！）」』”")


def lines_fit(text: str, width: int, path: Path | None = None) -> None:
    for line in text.splitlines():
        if path is not None and line == str(path):
            continue  # a path is never folded: broken across lines it could not be copied
        assert cell_len(line) <= width, f"wider than {width}: {line!r}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_status_golden(gdz: Gdz, fixture_env: Path, width: int, lang: str) -> None:
    result = gdz("status", "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result
    text = result.stdout.replace(str(fixture_env), "<log>")
    facts = ("75 / 90%", "70", "▵ 进度正常" if lang == "zh" else "▵ on track")
    assert_golden(f"status-{lang}-{width}.txt", text, facts=facts)
    lines_fit(text, width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_status_golden_with_an_empty_log(gdz: Gdz, fixture_env: Path, width: int, lang: str) -> None:
    fixture_env.unlink()
    result = gdz("status", "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result
    text = result.stdout.replace(str(fixture_env), "<log>")
    facts = (
        "gdz log",
        "8 项指标中 2 项有数据" if lang == "zh" else "2 of 8",
    )  # two have their plan's baseline
    assert_golden(f"status-empty-{lang}-{width}.txt", text, facts=facts)
    lines_fit(text, width)


def test_the_summary_comes_first_and_an_empty_log_says_how_to_begin(gdz: Gdz, fixture_env: Path) -> None:
    fixture_env.unlink()
    lines = gdz("status", env={"COLUMNS": "100"}).stdout.splitlines()
    assert lines[1].startswith("Coverage  2 of 8 targets have data")  # two baselines from the plan
    assert lines[2].startswith("Score     0 for the whole plan (no data counts 0)")  # both at their baselines
    # A template to fill in, never an example figure that, copied, would log an invented value.
    assert "Next      gdz targets · gdz log TARGET VALUE --date YYYY-MM-DD" in lines[3:6]
    shipped = gdz("status", env={"GDZ_PLAN": "", "COLUMNS": "120"}).stdout
    assert "gdz import " in shipped and "published.csv" in shipped  # the published figures, in one command
    gdz("log", "pass-rate", "80", "--date", "2025-06-01")
    for args in ((), ("--area", "1"), ("--area", "2")):  # once anything is logged, every view says so
        assert (
            "Next      gdz log TARGET VALUE · gdz show TARGET · gdz status --all"
            in gdz("status", *args).stdout
        )


def test_one_line_per_target_from_100_columns_and_two_at_80(gdz: Gdz, fixture_env: Path) -> None:
    for width, lines_per_target in ((100, 1), (120, 1), (200, 1), (80, 2)):
        text = gdz("status", env={"COLUMNS": str(width)}).stdout
        rows = [n for n, line in enumerate(text.splitlines()) if line.startswith("  pass-rate ")]
        assert len(rows) == 1
        following = text.splitlines()[rows[0] + 1]
        assert following.startswith("  wait-days ") == (lines_per_target == 1), (width, following)
        score_column = text.splitlines()[rows[0]]
        assert " 70  " in score_column  # the score is always on the target's line


@pytest.mark.parametrize("lang", LANGS)
def test_show_golden(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    result = gdz("show", "pass-rate", "--lang", lang, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result
    assert_golden(f"show-pass-rate-{lang}.txt", result.stdout, facts=("75% (2025-03-31)", "70"))


def test_show_a_lower_is_better_target(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("show", "wait-days", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result
    assert_golden("show-wait-days-en.txt", result.stdout, facts=("18 days (2025-04-30)", "13 days short"))


def test_show_a_related_measure_and_its_score_basis(gdz: Gdz, fixture_env: Path) -> None:
    text = gdz("show", "space-started", env={"COLUMNS": "120"}).stdout
    assert "≈2000" in text and "a related measure, not compared: A yearly plan to build" in text
    assert "100 = the target, 1000×10k m² (no comparable Guangzhou or Shenzhen figure asks more)" in text
    assert "0 = zero: no baseline published, counted from 0" in text
    assert "below 100 until the target (and any better peer) is reached" in text


def test_history_golden(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("history", "--all")
    assert result.exit_code == 0, result
    assert_golden("history-all-80.txt", result.stdout, facts=("2KC5T297 ✗", "typo: was 59"))


def test_targets_golden(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("targets")
    assert result.exit_code == 0, result
    assert_golden("targets-80.txt", result.stdout, facts=("pass-rate", "90%", "2025-12-31"))


# --- every width ------------------------------------------------------------------------------------------------


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(min_value=1, max_value=300), lang=st.sampled_from(LANGS),
       command=st.sampled_from([("status",), ("status", "--all", "--city-benchmarks"), ("show", "pass-rate"),
                                ("status", "--since", "2025-03"), ("show", "approval-cut", "--since", "2025-03"),
                                ("show", "space-started"), ("history", "--all"), ("targets",),
                                ("log", "space-started", "450", "--date", "2025-05-01", "--note", "区报送 第二季度")]))  # fmt: skip
def test_every_width_terminates_and_fits(gdz: Gdz, fixture_env: Path, width: int, lang: str,
                                         command: tuple[str, ...]) -> None:  # fmt: skip
    result = gdz(*command, "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result
    lines_fit(result.stdout, width, fixture_env)
    if lang == "zh" and width >= 6:  # narrower, one Chinese character a line leaves no choice
        assert not [line for line in result.stdout.splitlines() if line.lstrip().startswith(NO_LINE_START)]


@pytest.mark.parametrize("width", [1, 2, 3, 7, 12, 40])
def test_narrow_widths_cut_with_an_ellipsis_and_never_split_an_option(gdz: Gdz, width: int) -> None:
    text = gdz("--help", "--lang", "zh", env={"COLUMNS": str(max(width, 40))}).stdout
    assert "--\n" not in text and "-\n-" not in text
    status = gdz("status", env={"COLUMNS": str(width)})
    assert status.exit_code == 0


# --- signs, bars and words ------------------------------------------------------------------------------------------


def test_each_status_has_its_own_sign_and_word(gdz: Gdz, fixture_env: Path) -> None:
    from gdz_targets.domain.status import Status
    from gdz_targets.output.text import STATUS_MARK, status_text

    assert len(set(STATUS_MARK.values())) == len(Status)
    words = [status_text(status, "en") for status in Status]
    assert len({word.split(" ", 1)[1] for word in words}) == len(Status)
    text = gdz("status", env={"COLUMNS": "200"}).stdout
    for word in words:
        assert word in text  # the legend names every sign


def test_the_bar_is_full_only_at_100() -> None:
    from gdz_targets.output.text import progress_bar

    assert progress_bar(96).count("▯") == 1 and progress_bar(99.9).count("▯") == 1
    assert progress_bar(100) == "▮" * 10 and progress_bar(130) == "▮" * 10
    assert progress_bar(0.1).count("▮") == 1 and progress_bar(0) == "▯" * 10


def test_units_in_the_readers_language(gdz: Gdz, fixture_env: Path) -> None:
    assert "400.5 / 1000万平方米" in gdz("status", "--lang", "zh", env={"COLUMNS": "120"}).stdout
    assert "400.5 / 1000×10k m²" in gdz("status", env={"COLUMNS": "120"}).stdout


def test_no_escape_codes_when_piped_and_colour_when_forced(gdz: Gdz, fixture_env: Path) -> None:
    plain = gdz("status", env={"NO_COLOR": ""})
    assert "\x1b[" not in plain.stdout  # CliRunner's stdout is not a terminal
    coloured = gdz("status", env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[" in coloured.stdout
    no_color = gdz("status", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[3" not in no_color.stdout  # NO_COLOR: no colours, whatever else


def test_coloured_output_is_the_plain_output_plus_styles(gdz: Gdz, fixture_env: Path) -> None:
    plain = gdz("status", "--lang", "zh").stdout
    coloured = gdz(
        "status", "--lang", "zh", env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    )
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout) == plain


# --- filters and sorting ----------------------------------------------------------------------------------------


def test_an_earlier_report_is_reproduced_exactly(gdz: Gdz, fixture_env: Path) -> None:
    earlier = gdz("status", "--as-of", "2025-04-20", env={"COLUMNS": "200"}).stdout
    for args in (("log", "pass-rate", "82", "--date", "2025-06-15"), ("log", "hotline", "done", "--date", "2025-06-01"),
                 ("log", "wait-days", "9", "--date", "2025-06-20", "--city", "gz")):  # fmt: skip
        assert gdz(*args).exit_code == 0
    again = gdz("status", "--as-of", "2025-04-20", env={"COLUMNS": "200"}).stdout
    assert again == earlier
    assert gdz("status", env={"COLUMNS": "200"}).stdout != earlier


def test_as_of_takes_a_month_or_a_year(gdz: Gdz, fixture_env: Path) -> None:
    month = gdz("status", "--as-of", "2025-04", env={"COLUMNS": "200"}).stdout
    assert month == gdz("status", "--as-of", "2025-04-30", env={"COLUMNS": "200"}).stdout
    year = gdz("status", "--as-of", "2024", env={"COLUMNS": "200"}).stdout
    assert "as of 2024-12-31" in year
    refused = gdz("status", "--as-of", "April")
    assert refused.exit_code == 2 and "YYYY-MM (the month's last day)" in refused.stderr


def _ids(text: str, ids: set[str]) -> list[str]:
    return [line.split()[0] for line in text.splitlines() if line.split() and line.split()[0] in ids]


def test_filters_say_what_is_shown_and_keep_the_whole_plans_scores(gdz: Gdz, fixture_env: Path) -> None:
    overdue = gdz("status", "--status", "overdue", env={"COLUMNS": "200"}).stdout
    assert _ids(overdue, {"new-services", "credit-files", "pass-rate"}) == ["new-services", "credit-files"]
    assert "Shown     2 targets · status overdue" in overdue
    assert "Coverage  7 of 8 targets have data" in overdue  # the summary is still the whole plan's
    whole = gdz("status", env={"COLUMNS": "200"}).stdout
    score_line = next(line for line in whole.splitlines() if line.startswith("Score"))
    assert score_line in overdue
    by_number = gdz("status", "--area", "2", env={"COLUMNS": "200"}).stdout
    assert by_number == gdz("status", "--area", "projects", env={"COLUMNS": "200"}).stdout.replace(
        "area projects", "area 2"
    )
    assert "2 Project services" in by_number and "Government services" not in by_number
    nothing = gdz("status", "--status", "achieved", "--area", "projects", env={"COLUMNS": "200"}).stdout
    assert "no target matches these filters" in nothing
    unknown = gdz("status", "--area", "9")
    assert unknown.exit_code == 2 and "1 services, 2 projects, context" in unknown.stderr


def test_sorting_by_relative_gap_score_and_deadline(gdz: Gdz, fixture_env: Path) -> None:
    wanted = {"pass-rate", "wait-days", "new-services", "hotline", "service-map"}
    by_gap = gdz("status", "--area", "1", "--sort", "gap", "--all", env={"COLUMNS": "200"}).stdout
    # as shares of their targets: wait-days 13/5, new-services 40/100, pass-rate 15/90; then no gap
    assert _ids(by_gap, wanted) == ["wait-days", "new-services", "pass-rate", "hotline", "service-map"]
    by_score = gdz("status", "--area", "1", "--sort", "score", "--all", env={"COLUMNS": "200"}).stdout
    assert _ids(by_score, wanted) == ["wait-days", "new-services", "pass-rate", "hotline", "service-map"]
    by_deadline = gdz("status", "--area", "1", "--sort", "deadline", "--all", env={"COLUMNS": "200"}).stdout
    assert _ids(by_deadline, wanted)[0] == "new-services"


def test_city_benchmarks_show_where_each_figure_comes_from(gdz: Gdz, fixture_env: Path) -> None:
    text = gdz("status", "--city-benchmarks", "--area", "services", env={"COLUMNS": "200"}).stdout
    assert "2025-01-31 log" in text  # Guangzhou's logged pass rate
    assert "2024-06 plan" in text  # Shenzhen's figure from the plan


def test_fresh_install_shows_the_shipped_plan(gdz: Gdz) -> None:
    result = gdz("status", "--all", env={"COLUMNS": "200"})
    assert result.exit_code == 0 and result.stderr == ""
    assert "Coverage  0 of 61 targets have data" in result.stdout
    assert "≈>=90" in result.stdout  # Shenzhen's e-licence figure (90%以上: at least 90): a related measure
    assert "158.4" in result.stdout  # a context indicator's figure from the article


# --- Chinese as officials write it ---------------------------------------------------------------------------


ALLOWED_LATIN = {"gdz", "ID", "CSV", "JSON", "TOML", "UTF", "BOM", "GBK", "GB", "Excel", "YYYY", "MM", "DD", "git",
                 "done", "not", "id", "today", "yesterday", "dongguan", "guangzhou", "shenzhen", "dg", "gz", "sz",
                 "repair", "check", "log", "show", "history", "void", "undo", "import", "status", "init", "where",
                 "targets", "export", "lang", "plan", "ledger", "force", "reason", "by", "note", "source", "date",
                 "city", "all", "area", "sort", "numeric", "milestone", "context", "kebab", "case", "cross",
                 "total", "LEDGER", "PLAN", "LANG", "USER", "TODAY", "LOCK", "TIMEOUT", "GDZ", "HOME", "entry",
                 "over", "at", "least", "about", "schema", "toml", "xlsx", "xls", "ods", "Save", "As", "html", "svg", "md",
                 "csv", "json", "value", "unit", "target", "progress", "ok", "README"}  # fmt: skip


def test_no_english_left_in_chinese_messages() -> None:
    from gdz_targets.output.messages import CATALOGUE

    for key, (_, chinese) in CATALOGUE.items():
        words = re.findall(r"[A-Za-z]{2,}", re.sub(r"\{[a-z_]+\}|`[^`]*`|'[^']*'|\"[^\"]*\"", "", chinese))
        assert set(words) <= ALLOWED_LATIN, (key, chinese, set(words) - ALLOWED_LATIN)


def test_the_chinese_catalogue_calls_the_log_taizhang() -> None:
    from gdz_targets.cli.help_zh import HELP_ZH
    from gdz_targets.output.messages import CATALOGUE

    assert not [key for key, (_, chinese) in CATALOGUE.items() if "日志" in chinese]
    assert not [text for text in HELP_ZH.values() if "日志" in text]


# --- read as a new user reads them ------------------------------------------------------------------------------


def _row_ids(text: str) -> set[str]:
    """The targets with a row of their own on the status screen (rows start two spaces in)."""
    return {line.split()[0] for line in text.splitlines() if re.match(r"  [a-z0-9]", line)} - {"target"}


def test_a_target_past_its_deadline_with_no_data_counts_as_overdue(gdz: Gdz, fixture_env: Path) -> None:
    env = {"COLUMNS": "120", "GDZ_TODAY": "2026-01-31"}  # hotline's and service-map's deadlines have passed
    gdz("void", "5B9JATVM", "--reason", "logged too early", env=env)  # hotline: now without data
    text = gdz("status", env=env).stdout
    overdue = text.split("Past due", 1)[1].split("Stale", 1)[0]  # the list may wrap onto a second line
    assert "1 without data: Hotline upgrade" in overdue and "New shared services," in overdue
    assert "Coverage  6 of 8 targets have data   ✖ overdue 6" in text  # the count agrees with the list
    shown = _row_ids(gdz("status", "--status", "overdue", env=env).stdout)
    assert {"hotline", "new-services"} <= shown and "service-map" not in shown  # no data, but no deadline


@pytest.mark.parametrize("word", ["met", "已达成", "achieved", "MET"])
def test_the_status_words_on_the_screen_filter_too(gdz: Gdz, fixture_env: Path, word: str) -> None:
    text = gdz("status", "--status", word, env={"COLUMNS": "120"}).stdout
    assert _row_ids(text) == {"hotline"}
    assert "Shown     1 target · status met" in text


def test_shown_counts_targets_and_context_indicators_apart(gdz: Gdz, fixture_env: Path) -> None:
    text = gdz("status", "--sort", "gap", env={"COLUMNS": "120"}).stdout
    assert "Shown     8 targets, 2 context indicators · sorted by gap" in text
    zh = gdz("status", "--sort", "gap", "--area", "2", "--lang", "zh", env={"COLUMNS": "120"}).stdout
    assert "显示      3 项指标 · 领域 2 项目服务 · 按差距排序" in zh


def test_the_legend_explains_only_what_the_screen_shows(gdz: Gdz, fixture_env: Path) -> None:
    narrow, wide = (gdz("status", env={"COLUMNS": width}).stdout for width in ("80", "200"))
    assert "▮" not in narrow and "share of the way to the target" not in narrow
    assert "▮" in wide and "share of the way to the target" in wide


def test_logging_the_same_figure_again_writes_nothing(gdz: Gdz, fixture_env: Path) -> None:
    before = fixture_env.read_bytes()
    result = gdz("log", "pass-rate", "75", "--date", "2025-03-31")
    assert result.exit_code == 0 and result.stdout.startswith(
        "the log already has Done in one visit = 75% (Dongguan, 2025-03-31)"
    )
    assert fixture_env.read_bytes() == before
    assert (
        gdz("log", "pass-rate", "75", "--date", "2025-03-31", "--source", "Q1 report, corrected").exit_code
        == 0
    )
    assert fixture_env.read_bytes() != before  # something new to say about it: recorded
    once = fixture_env.read_bytes()
    again = gdz("log", "pass-rate", "75", "--date", "2025-03-31", "--source", "Q1 report, corrected")
    assert again.stdout.startswith("the log already has") and fixture_env.read_bytes() == once  # said already
    narrow = gdz("log", "pass-rate", "75", "--date", "2025-03-31", env={"COLUMNS": "40"}).stdout
    assert all(cell_len(line) <= 40 for line in narrow.splitlines())


def test_history_keeps_a_figures_bound(gdz: Gdz, fixture_env: Path) -> None:
    gdz("log", "new-services", ">70", "--date", "2025-05-01")
    assert ">70 items" in gdz("history", "new-services", env={"COLUMNS": "120"}).stdout


def test_a_second_figure_for_a_day_is_said_to_replace_the_first(gdz: Gdz, fixture_env: Path) -> None:
    result = gdz("log", "pass-rate", "76", "--date", "2025-03-31", env={"COLUMNS": "200"})
    assert result.stdout.splitlines()[-1].startswith("note: this replaces 75% logged for 2025-03-31")


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_is_shown_with_a_placeholder_unfilled(gdz: Gdz, fixture_env: Path, lang: str) -> None:
    for args in (("targets",), ("status", "--all"), ("show", "pass-rate"), ("history",),
                 ("export", "status", "-f", "html"), ("export", "status", "-f", "md")):  # fmt: skip
        shown = gdz(*args, "--lang", lang, env={"COLUMNS": "120"}).stdout
        assert not re.search(r"\{[a-z_]+\}", shown), (args, re.findall(r".{20}\{[a-z_]+\}.{20}", shown))


@pytest.mark.parametrize("width", [50, 60, 70, 80, 100, 140])  # below 50, id and target only
def test_history_keeps_whose_figure_it_is_and_the_value_at_every_width(
    gdz: Gdz, fixture_env: Path, width: int
) -> None:
    text = gdz("history", env={"COLUMNS": str(width)}).stdout
    guangzhou = next(line for line in text.splitlines() if line.startswith("Y8R2GFTC"))
    assert ("Guangzhou" in guangzhou or guangzhou.endswith(" GZ")) and "88%" in guangzhou, guangzhou
    lines_fit(text, width)


@pytest.mark.parametrize("width", [36, 44, 50, 60])
def test_a_narrow_screen_still_shows_each_figure_and_score(gdz: Gdz, fixture_env: Path, width: int) -> None:
    text = gdz("status", env={"COLUMNS": str(width)}).stdout
    row = text[text.index("\n  pass-rate ") :][:300]
    assert "75 / 90%" in row and "70" in row, row  # in its column, else on the second line
    lines_fit(text, width, fixture_env)


def test_the_short_day_count_is_explained_where_it_shows(gdz: Gdz, fixture_env: Path) -> None:
    wide, narrow = (gdz("status", env={"COLUMNS": width}).stdout for width in ("120", "80"))
    shown = re.findall(r"overdue (\d+)d", wide)
    assert shown and f"{shown[0]}d: days past the deadline" in wide  # an example the reader can see
    assert "181 days over" in narrow and "days past the deadline" not in narrow
