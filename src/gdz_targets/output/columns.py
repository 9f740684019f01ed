"""The names of the columns of every tabular export, for a reader in either language or for a script."""

from typing import Final

# Localised CSV headers (`--lang zh`); the English keys are the stable column names.
COLUMNS_ZH: Final[dict[str, str]] = {
    "as_of": "报告截至",
    "id": "编号",
    "city": "城市",
    "date": "日期",
    "value": "数值",
    "qualifier": "限定",
    "note": "备注",
    "recorded_by": "记录人",
    "recorded_at": "记录时间",
    "baseline_period": "基线年月",
    "current_period": "最新值年月",
    "guangzhou_period": "广州年月",
    "shenzhen_period": "深圳年月",
    "area": "领域",
    "area_title_zh": "领域名称",
    "area_title_en": "领域英文名",
    "target": "指标",
    "title_zh": "名称",
    "title_en": "英文名称",
    "kind": "类型",
    "unit": "单位",
    "direction": "方向",
    "baseline": "基线",
    "baseline_as_of": "基线日期",
    "baseline_qualifier": "基线限定",
    "baseline_source": "基线来源",
    "baseline_quote": "基线原文",
    "current": "最新值",
    "current_as_of": "最新值日期",
    "current_qualifier": "最新值限定",
    "current_origin": "最新值出处",
    "target_value": "目标值",
    "target_strict": "须超过目标",
    "deadline": "期限",
    "days_left": "剩余天数",
    "progress_pct": "进度%",
    "gap_to_target": "距目标",
    "guangzhou": "广州",
    "guangzhou_as_of": "广州日期",
    "guangzhou_qualifier": "广州限定",
    "guangzhou_origin": "广州出处",
    "guangzhou_gap": "距广州",
    "guangzhou_related": "广州为相关口径",
    "guangzhou_source": "广州来源",
    "guangzhou_quote": "广州原文",
    "shenzhen": "深圳",
    "shenzhen_as_of": "深圳日期",
    "shenzhen_qualifier": "深圳限定",
    "shenzhen_origin": "深圳出处",
    "shenzhen_gap": "距深圳",
    "shenzhen_related": "深圳为相关口径",
    "shenzhen_source": "深圳来源",
    "shenzhen_quote": "深圳原文",
    "frontier_city": "最优城市",
    "gap_to_frontier": "距最优",
    "score": "得分",
    "score_frontier": "得分前沿",
    "score_frontier_source": "前沿依据",
    "score_worst": "得分基点",
    "score_worst_source": "基点依据",
    "weight": "计分权重",
    "achieved_on": "达成日期",
    "needed_per_day": "所需日均",
    "observed_per_day": "实际日均",
    "projected": "预计到期值",
    "status": "状态",
    "stale": "久未更新",
    "source": "来源",
    "quote": "原文",
    "owner": "责任单位",
    "co_owners": "配合单位",
}


# English column names for readers (a workbook in English); a script's CSV keeps the stable names.
COLUMNS_EN: Final[dict[str, str]] = {
    "as_of": "As of", "area": "Area", "target": "Target id", "title_en": "Title", "title_zh": "Title (Chinese)",
    "kind": "Kind", "unit": "Unit", "baseline": "Baseline", "current": "Now", "current_as_of": "Now, as of",
    "target_value": "Target", "deadline": "Deadline", "progress_pct": "Progress", "guangzhou": "Guangzhou",
    "shenzhen": "Shenzhen", "score": "Score", "status": "Status", "achieved_on": "Met on", "days_left": "Days left",
    "stale": "Stale", "id": "Id", "city": "City", "date": "Date", "value": "Value", "qualifier": "Bound",
    "note": "Note", "source": "Source", "recorded_by": "Recorded by", "recorded_at": "Recorded at", "owner": "Owner", "co_owners": "Co-owners",
}  # fmt: skip


def column_title(column: str, lang: str | None) -> str:
    """A column's name: Chinese or English words for a reader, the stable name for a script (any other
    `lang`); an English name not listed is its stable name in words (`gap_to_target` → Gap to target)."""
    if lang == "zh":
        return COLUMNS_ZH.get(column, column)
    if lang == "en":
        return COLUMNS_EN.get(column) or column.replace("_", " ").capitalize()
    return column
