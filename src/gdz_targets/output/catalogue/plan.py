"""The plan file: its problems, the hints that fix them, and the values a target takes."""

from typing import Final

# key: (English, Chinese). Parameters in braces; a parameter may itself be a Message.
WORDS: Final[dict[str, tuple[str, str]]] = {
    # plan
    "plan.invalid": (
        "{path}: {problems} in the plan; fix the file and run `gdz check`",
        "{path}:方案文件有 {problems};修正后运行 `gdz check`",
    ),
    "plan.missing_top_key": (
        "the file lacks the required key '{key}'; add it",
        "文件缺少必填键 '{key}';请补上",
    ),
    "plan.empty_file": (
        "the plan is empty; start from a copy of the shipped plan (`gdz where` shows it)",
        "方案文件为空;请从 gdz 自带方案的副本开始(`gdz where` 可显示其位置)",
    ),
    "plan.missing_key": (
        "[{table}] lacks the required key '{key}'; add it",
        "[{table}] 缺少必填键 '{key}';请补上",
    ),
    "plan.wrong_type": ("'{key}' must be {expected}, not {got}", "'{key}' 应为{expected},而不是{got}"),
    "type.text": ("text in quotes", "带引号的文字"),
    "type.number": ("a number", "数字"),
    "type.boolean": ("true or false", "`true` 或 `false`"),
    "type.date": ("a date (YYYY-MM-DD)", "日期(YYYY-MM-DD)"),
    "type.period": ('a date, "YYYY-MM" or "YYYY"', '日期、"YYYY-MM" 或 "YYYY"'),
    "type.time": ("a time", "时间"),
    "type.table": ("a table", "表"),
    "type.tables": ("an array of [[tables]]", "[[表]] 数组"),
    "type.array": ("an array", "数组"),
    "type.other": ("something else", "其他类型"),
    "plan.empty": ("'{key}' is empty; write the text or remove the key", "'{key}' 为空;请填写内容或删除该键"),
    "plan.not_finite": ("'{key}' is {value}; write a finite number", "'{key}' 为 {value};请填写有限数值"),
    "plan.too_large": (
        "'{key}' is too large to hold exactly (10^15 or more); check the figure",
        "'{key}' 数值过大(不小于 10^15),无法精确保存;请核对数字",
    ),
    "plan.control_character": (
        "'{key}' holds a control character (a tab, line break or escape); write plain text",
        "'{key}' 含控制字符(制表符、换行或转义符);请写普通文本",
    ),
    "plan.positive_integer": ("'{key}' must be a whole number above 0", "'{key}' 应为大于 0 的整数"),
    "plan.bad_choice": (
        "'{key}' is \"{value}\"; use one of {options}",
        "'{key}' 为 \"{value}\";可选值:{options}",
    ),
    "plan.unknown_key": ("[{table}] has an unknown key '{key}'; {hint}", "[{table}] 含未知键 '{key}';{hint}"),
    "plan.schema": (
        "schema = {found} is not supported; this gdz reads schema = {expected}",
        "不支持 schema = {found};本版本 gdz 读取 schema = {expected}",
    ),
    "plan.unknown_source": (
        "'{key}' names an unknown source \"{source}\"; {hint}",
        "'{key}' 引用了未知来源 \"{source}\";{hint}",
    ),
    "plan.bounds": (
        "unit '{unit}' has minimum above maximum; swap them",
        "单位 '{unit}' 的下限高于上限;请对调",
    ),
    "plan.bad_id": (
        '{kind} id "{id}" must be kebab-case ASCII (like cross-city-total)',
        '{kind} id "{id}" 须为小写英文短横线格式(如 cross-city-total)',
    ),
    "plan.duplicate_id": (
        '{kind} id "{id}" is already used by {kind} #{first}; ids must be unique',
        '{kind} id "{id}" 已被第 {first} 个 {kind} 使用;id 不能重复',
    ),
    "plan.unknown_area": ('unknown area "{area}"; {hint}', '未知领域 "{area}";{hint}'),
    "plan.unknown_unit": (
        'unknown unit "{unit}"; defined units: {units}',
        '未知单位 "{unit}";已定义单位:{units}',
    ),
    "plan.unknown_city": (
        "benchmarks.{city}: benchmarks are for guangzhou or shenzhen",
        "`benchmarks.{city}`:对标城市只能是 `guangzhou` 或 `shenzhen`",
    ),
    "plan.milestone_key": (
        "a milestone has no '{key}' (it is done or not done); remove it",
        "里程碑没有 '{key}'(只有完成/未完成);请删除",
    ),
    "plan.not_for_kind": ("a {kind} has no '{key}'; remove it", "{kind}没有 '{key}';请删除"),
    "plan.bad_url": (
        '{key} = "{url}" is not a web address; give an address starting with https:// or http://',
        '{key} = "{url}" 不是网页地址;请填写以 `https://` 或 `http://` 开头的地址',
    ),
    "plan.short_twice": (
        'the short title "{short}" is also {other}\'s; give each target its own',
        '简称 "{short}" 与 {other} 的相同;请为每个指标取不同的简称',
    ),
    "plan.never_scored": (
        "target {id} can never be scored: it has no baseline and its unit {unit} does not start at zero; add a baseline with its source, or make it a context indicator",
        "指标 {id} 永远无法计分:没有基线,且单位 {unit} 不从零起算;请补上基线及其来源,或将其改为背景指标",
    ),
    "plan.unknown_time_zone": (
        'unknown time zone "{name}"; give an IANA name such as "Asia/Shanghai"',
        '未知时区 "{name}";请填写时区名,如 "Asia/Shanghai"',
    ),
    "plan.bad_continues": (
        'continues "{id}" is not another target of the plan; {hint}',
        '`continues` "{id}" 不是方案中的另一个指标;{hint}',
    ),
    "plan.context_key": (
        "a context indicator has no '{key}'; make it kind = \"numeric\" or remove the key",
        "背景指标没有 '{key}';改为 `kind = \"numeric\"` 或删除该键",
    ),
    "plan.out_of_bounds": ("'{key}': {reason}", "'{key}':{reason}"),
    "plan.deadline_before_baseline": (
        "deadline {deadline} is before the baseline date {baseline}; check both dates",
        "截止日期 {deadline} 早于基线日期 {baseline};请核对日期",
    ),
    # hints
    "where.target": ("target {target}", "指标 {target}"),
    "hint.did_you_mean": ("did you mean '{word}'?", "是不是 '{word}'?"),
    "hint.remove_key": ("remove it or check the spelling", "请删除或检查拼写"),
    "hint.add_source": ("add it under [sources]", "请在 `[sources]` 下添加"),
    "hint.areas": ("known areas: {areas}", "已有领域:{areas}"),
    "hint.finite": ("write a finite number", "请填写有限数值"),
    "hint.no_separators": ("write digits without separators, like 1000", "数字不要带分隔符,如 1000"),
    "hint.no_exponent": ("write the digits out, like 0.001", "请写出完整数字,如 0.001"),
    "hint.no_percent_sign": (
        "a % sign goes only with a target measured in %; write the number in the target's unit",
        "只有以 % 计的指标才能带 % 号;请按指标的单位填写数字",
    ),
    "hint.no_unit": ("leave out the unit: the target's unit is recorded", "不要带单位:单位按指标记录"),
    "hint.number_example": ("write a plain number like 1020 or 85.5", "请填写普通数字,如 1020 或 85.5"),
    # values
    "value.day_out_of_range": (
        "{date} is outside the years gdz handles ({earliest}–{latest}); check the year",
        "{date} 超出 gdz 可处理的年份({earliest}–{latest});请检查年份",
    ),
    "value.two_bounds": (
        '"{value}" states two different bounds; keep the one its source states',
        '"{value}" 同时写了两种限定;请只保留来源所写的那一种',
    ),
    "value.wrong_unit": (
        '"{value}": the target is measured in {unit}; write the figure in {unit}, or as a plain number',
        '"{value}":该指标以{unit}计;请按{unit}填写,或只写数字',
    ),
    "value.not_number": ('"{value}" is not a number; {hint}', '"{value}" 不是数字;{hint}'),
    "value.too_precise": (
        '"{value}" has more than {digits} significant digits; round it',
        '"{value}" 超过 {digits} 位有效数字;请取整',
    ),
    "value.not_milestone": (
        '"{value}" is not a milestone state; use done or not-done',
        '"{value}" 不是里程碑状态;请用 done(已完成)或 not-done(未完成)',
    ),
    "value.below_minimum": (
        "{value} is below the smallest possible value, {minimum}",
        "{value} 低于最小可能值 {minimum}",
    ),
    "value.above_maximum": (
        "{value} is above the largest possible value, {maximum}",
        "{value} 超过最大可能值 {maximum}",
    ),
    "value.not_integer": (
        "{value} is not a whole number, and {unit} are counted whole",
        "{value} 不是整数,而以“{unit}”计的数只能是整数",
    ),
    "value.not_period": (
        '"{value}" is not a date; use YYYY-MM-DD, or a period for its last day: YYYY-MM (the month\'s last day), '
        "a quarter or half (2024Q1, 2024H1) or YYYY",
        '"{value}" 不是日期;请用 YYYY-MM-DD,或表示最后一天的期间:YYYY-MM(当月最后一天)、季度或半年'
        "(2024Q1、2024H1)或 YYYY",
    ),
    "value.not_file_date": (
        '"{value}" is not a date; write it as 2024-01-05 or 2024/1/5',
        '"{value}" 不是日期;请写成 2024-01-05 或 2024/1/5',
    ),
    "value.year_last": (
        '"{value}" puts the year last, so its day and month cannot be told apart; write the year first, '
        "as 2024-01-05 or 2024/1/5",
        '"{value}" 年份在后,无法分清日和月;请把年份写在前面,如 2024-01-05 或 2024/1/5',
    ),
    "value.no_such_day": (
        '"{value}" is not a day of the calendar; check it',
        '"{value}" 不是日历上的日期;请核对',
    ),
    "value.not_date": (
        '"{value}" is not a date; use YYYY-MM-DD (or 2024/1/5), today or yesterday',
        '"{value}" 不是日期;请用 YYYY-MM-DD(或 2024/1/5)、today(今天)或 yesterday(昨天)',
    ),
    "value.not_city": (
        '"{value}" is not a city gdz tracks; use dongguan, guangzhou or shenzhen (or dg, gz, sz)',
        '"{value}" 不是可记录的城市;请用 东莞、广州 或 深圳(也可写 dongguan/dg、guangzhou/gz、shenzhen/sz)',
    ),
    "value.control_character": (
        "{what} holds a control character (an escape, tab, line break or text-direction override); type plain text",
        "{what} 含控制字符(转义符、制表符、换行或文字方向控制符);请输入普通文本",
    ),
    "value.bad_text": (
        "{what} is not valid text (undecodable bytes); retype it",
        "{what} 含无法识别的字节;请重新输入",
    ),
}
