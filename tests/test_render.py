"""Laying out tables by hand: folding CJK and Latin text, and fitting columns to the terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from gdz_targets.output.screens.layout import Column, capped_flow, cell, fit_columns, flow, grid
from gdz_targets.output.screens.show import sparkline
from gdz_targets.output.textwidth import glue, glue_code, wrap

WORDS = st.lists(st.sampled_from(["a", "bb", "ccc", "dddd", "x-y", "东莞", "广州市", "(天)", "，", "“一张网”", "80%"]),
                 max_size=12).map(" ".join)  # fmt: skip


@given(WORDS, st.integers(min_value=2, max_value=30))
def test_wrapped_lines_fit_and_lose_nothing(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_chinese_line_breaking_rules() -> None:
    assert wrap("平均等候天数 (天)", 13) == ["平均等候天数", "(天)"]  # never after an opening bracket
    assert wrap("审批时间压减，比例", 8) == [
        "审批时间",
        "压减，",
        "比例",
    ]  # never before a comma; after it by choice
    assert wrap("用 gdz check --repair 修复", 14) == [
        "用 gdz check",
        "--repair 修复",
    ]  # an option is never split
    assert wrap("business-environment innovation", 22) == ["business-environment", "innovation"]
    forced = wrap(
        glue("(YYYY-MM 表示当月最后一天)") + ":晚于此日期", 17
    )  # a forced cut keeps "):" off a start
    assert forced == ["(YYYY-MM", "表示当月最后一", "天):晚于此日期"]
    legend = glue_code("得分向下取整(`gdz show 指标` 逐项说明)")
    assert wrap(legend, 22) == ["得分向下取整", "(`gdz show 指标`", "逐项说明)"]  # a command stays whole


def test_columns_drop_by_priority_and_the_flexible_one_takes_the_rest() -> None:
    columns = [Column("name", "name", 1, flexible=True, min_width=6), Column("a", "aaaa", 2),
               Column("b", "bbbbbbbb", 3)]  # fmt: skip
    rows = [{"name": cell("a long name to fold"), "a": cell("1"), "b": cell("2")}]
    assert [(c.key, w) for c, w in fit_columns(columns, rows, 20)] == [("name", 13), ("a", 4)]
    assert [(c.key, w) for c, w in fit_columns(columns, rows, 80)] == [("name", 19), ("a", 4), ("b", 8)]
    text = grid(fit_columns(columns, rows, 20), rows).plain
    assert text == "name            aaaa\n────────────────────\na long name     1\nto fold\n"


def test_a_trend_rises_from_zero_so_a_small_gap_looks_small() -> None:
    assert sparkline([92.5], 100) == "▇ ┊█"  # not the lowest bar against the highest
    assert sparkline([1020], 1000) == "█ ┊█"
    assert sparkline([0, 50, 100], None) == "▁▅█"
    assert sparkline([-10, 10], 0) == "▁█ ┊▅"  # below zero, the scale starts at the lowest value


@given(
    st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=1, max_size=20), st.none() | st.floats(0, 1e6)
)
def test_a_trend_has_one_bar_per_value(values: list[float], goal: float | None) -> None:
    line = sparkline(values, goal)
    assert len(line.split(" ┊")[0]) == len(values)


def test_a_cut_never_falls_inside_a_number_and_a_number_keeps_its_unit() -> None:
    from gdz_targets.output.textwidth import cut

    assert cut("企业原则上100%电子化", 14) == "企业原则上…"
    assert cut("done in 2023 and 2024", 20) == "done in 2023 and…"
    assert wrap("打造不少于1000万平方米的空间", 14)[1].startswith("1000万")


NAMES = st.lists(st.sampled_from(["Cross-city total", "跨城通办总数", "12345办理解决率", "Done in one visit", "莞家代办",
                                  "Top-100 e-licences (2024)"]), min_size=1, max_size=9)  # fmt: skip


@given(NAMES, st.sampled_from([", ", "、", " · "]), st.integers(min_value=1, max_value=60))
def test_a_flowing_list_fits_and_keeps_its_commas_at_line_ends(
    names: list[str], separator: str, width: int
) -> None:
    text = flow(
        "Past due", [(name, "") for name in names], width, indent=10, separator=separator, pad=True
    ).plain
    assert all(cell_len(line) <= width for line in text.splitlines()), text
    if width >= 40 and separator != " · ":  # every item whole: the list reads back item by item
        items = text.replace("Past due", "", 1).replace("\n", " ").split(separator.strip())
        assert [item.strip() for item in items] == names, text
    assert " · \n" not in text + "\n" and "·\n" not in text


@given(NAMES, st.integers(min_value=24, max_value=80), st.integers(min_value=1, max_value=3))
def test_a_capped_list_keeps_to_its_lines_and_counts_what_it_leaves_out(
    names: list[str], width: int, most_lines: int
) -> None:
    text = capped_flow("", [(name, "") for name in names], width, most_lines, lambda left: f"… {left} more",
                       indent=2, separator=", ").plain  # fmt: skip
    assert text.count("\n") <= most_lines or "more" in text
    listed = [item.strip() for item in text.replace("\n", " ").split(", ") if item.strip()]
    left = int(listed.pop().split()[1]) if listed and listed[-1].startswith("… ") else 0
    assert len(listed) + left == len(names), text
