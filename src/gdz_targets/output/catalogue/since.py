"""The words of a report since an earlier day (`--since`): what moved, in the summary, a target's cell and
sentence, the chart's mark, and what is wrong with the period asked for."""

from typing import Final

# key: (English, Chinese). Parameters in braces.
WORDS: Final[dict[str, tuple[str, str]]] = {
    "since.period": ("{since} → {as_of}", "{since}至{as_of}"),
    "since.label": ("Change", "本期变化"),
    "since.period_label": ("Period", "报告期"),
    "since.md_intro": ("Status for {period}. Whole plan: {score}.", "{period}进展。全方案:{score}。"),
    "since.area_column": ("Score then → now", "得分(上期 → 本期)"),
    "since.unmoved": ("unchanged", "未变"),
    "since.show_label": ("change", "本期变化"),
    "since.column": ("change", "较上期"),
    "since.nothing": ("nothing moved since {since}", "{since} 以来无变化"),
    "since.new_figures": ("new figures for {targets}", "{targets}有新数据"),
    "since.named": ("{change}: {targets}", "{change}:{targets}"),
    "since.plan_score": ("score {scores}", "全方案得分 {scores}"),
    "since.points_short": ("{n} pp", "{n}个百分点"),
    "since.score_short": ("score {change}", "得分{change}"),
    "since.sentence": ("since {since}: {changes}", "{since} 以来:{changes}"),
    "since.first": ("{now}, the first figure", "{now},首次有数据"),
    "since.gone": ("no figure now (was {then})", "现无数据(原为 {then})"),
    "since.then_now": ("{then} → {now}", "{then} → {now}"),
    "since.up": ("{now}, up {amount} from {then}", "{now},较 {then} 增加 {amount}"),
    "since.down": ("{now}, down {amount} from {then}", "{now},较 {then} 减少 {amount}"),
    "since.level": ("{now}, level with {then}", "{now},与 {then} 持平"),
    "since.corrected_from": (
        "the earlier report's {then} has since been voided",
        "上期报告中的 {then} 此后已作废更正",
    ),
    "since.score_moved": ("score {then} → {now}", "得分 {then} → {now}"),
    "since.frontier": ("100 now stands for {source}'s {value}", "满分标准现为{source} {value}"),
    "since.chart_mark": ("since {since}", "上期 {since}"),
    "since.after_as_of": (
        "--since {since} is after the report's day, {as_of}; give an earlier --since (or a later --as-of)",
        "`--since` {since} 晚于报告日期 {as_of};请给出更早的 `--since`(或更晚的 `--as-of`)",
    ),
    "since.status_only": (
        "--since compares two status reports; `gdz export {what}` takes --as-of instead",
        "`--since` 用于比较两期进展报告;`gdz export {what}` 请改用 `--as-of`",
    ),
    "select.change_needs_since": (
        "--sort change orders targets by what moved since an earlier day; add --since DATE",
        "`--sort change` 按较上期的变化排序;请同时给出 `--since 日期`",
    ),
    "sort.change": ("change", "变化"),
    # Each kind of change, as the summary counts it and `gdz show` names it.
    "change.newly-overdue": ("newly overdue", "新逾期"),
    "change.went-back": ("went back", "回落"),
    "change.corrected": ("corrected", "已更正"),
    "change.newly-stale": ("newly stale", "新增久未更新"),
    "change.newly-met": ("newly met", "新达成"),
    "change.first-figure": ("first figure", "首次有数据"),
    "change.new-figure": ("new figure", "有新数据"),
    "change.frontier-moved": ("GZ/SZ moved the bar", "广深标杆变化"),
    # The same, as a target's change cell says it in a word.
    "moved.newly-overdue": ("overdue", "新逾期"),
    "moved.went-back": ("went back", "回落"),
    "moved.corrected": ("corrected", "已更正"),
    "moved.newly-stale": ("stale", "久未更新"),
    "moved.newly-met": ("met", "新达成"),
    "moved.first-figure": ("new", "新数据"),
    "moved.new-figure": ("new figure", "新数值"),
    "moved.frontier-moved": ("bar moved", "标杆变化"),
}
