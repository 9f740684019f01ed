"""Every user-facing sentence, in English and Chinese, and how the language is chosen."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

from gdz_targets.domain.errors import Message, Problem, Words

from .textwidth import printable

# key: (English, Chinese). Parameters in braces; a parameter may itself be a Message.
CATALOGUE: Final[dict[str, tuple[str, str]]] = {
    # files
    "file.missing": ("{path}: no such file", "{path}:文件不存在"),
    "file.is_directory": ("{path}: is a directory, not a file", "{path}:是目录,不是文件"),
    "file.unreadable": ("{path}: cannot read: {reason}", "{path}:无法读取:{reason}"),
    "file.not_utf8": (
        "not UTF-8 text (byte {byte}); save the file as UTF-8",
        "不是 UTF-8 文本(字节 {byte});请以 UTF-8 编码保存文件",
    ),
    "file.not_regular": (
        "{path}: is not a regular file (a device, FIFO or socket); give the path of a file",
        "{path}:不是普通文件(而是设备、管道或套接字);请给出文件路径",
    ),
    "file.not_directory": ("{path}: is a file, not a directory", "{path}:是文件,不是目录"),
    "file.too_large": (
        "{path}: larger than {limit}, more than gdz reads; check that this is the right file",
        "{path}:超过 {limit},超出 gdz 的读取上限;请确认文件是否正确",
    ),
    "toml.syntax": ("TOML syntax error: {detail}", "TOML 语法错误:{detail}"),
    "toml.too_deep": (
        "TOML nested too deeply to read; gdz's files need only a few levels",
        "TOML 嵌套层次过深,无法读取;gdz 的文件只需几层",
    ),
    "toml.invalid_value": (
        "a value that is not TOML (text needs quotes)",
        "不是有效的 TOML 值(文字需加引号)",
    ),
    "toml.unterminated_string": ("a string without its closing quote", "字符串缺少结尾的引号"),
    "toml.expected_equals": ("a key without '=' after it", "键后缺少 '='"),
    "toml.expected_newline": ("more on the line after a complete statement", "完整语句之后同一行还有内容"),
    "toml.invalid_statement": ("a line that is not a key = value or a [table]", "该行不是“键 = 值”或 [表]"),
    "toml.bad_key": ("a key starting with a character keys cannot have", "键以不允许的字符开头"),
    "toml.overwrite": ("a key given a value twice", "同一个键被赋值两次"),
    "toml.unclosed_array": ("an array without its closing ]", "数组缺少结尾的 ]"),
    "toml.unclosed_table": ("an inline table without its closing }}", "内联表缺少结尾的 }}"),
    "toml.bad_date": ("a date or time that is not in the calendar", "日期或时间无效"),
    "toml.unclosed_header": ("a [table] header without its closing bracket", "[表] 标题缺少结尾的方括号"),
    "toml.declared_twice": ("{name} declared twice", "{name} 重复声明"),
    "toml.bad_character": ("the character {name} is not allowed here", "此处不允许字符 {name}"),
    "toml.other": ("{detail}", "{detail}"),
    "write.names_directory": (
        "{path}: ends with a slash, so it names a directory; give a file name",
        "{path}:以斜杠结尾,指的是目录;请给出文件名",
    ),
    "write.read_only": (
        "{path}: the file is read-only; nothing was changed. Make it writable or choose another file",
        "{path}:文件只读,未作任何改动。请改为可写或换一个文件",
    ),
    "reason.enoent": ("no such file or directory", "文件或目录不存在"),
    "reason.eacces": ("permission denied", "没有权限"),
    "reason.eperm": ("not permitted", "不允许此操作"),
    "reason.erofs": ("the file system is read-only", "文件系统只读"),
    "reason.enospc": ("the disk is full", "磁盘已满"),
    "reason.edquot": ("the disk quota is used up", "磁盘配额已用完"),
    "reason.efbig": ("the file would be too large", "文件将超出大小上限"),
    "reason.eio": ("an input/output error of the device", "设备输入/输出错误"),
    "reason.eloop": ("a loop of symbolic links", "符号链接循环"),
    "reason.enametoolong": ("the name is too long", "文件名过长"),
    "reason.enotdir": ("a part of the path is a file, not a directory", "路径中有一部分是文件而不是目录"),
    "reason.eisdir": ("it is a directory", "这是一个目录"),
    "reason.eexist": ("a file of that name is in the way", "已有同名文件挡在路径上"),
    "reason.ebusy": ("the file is busy", "文件正忙"),
    "reason.etxtbsy": ("the file is busy", "文件正忙"),
    "reason.exdev": ("it is on another file system", "位于另一个文件系统"),
    "reason.emfile": ("too many files are open", "打开的文件过多"),
    "reason.enxio": (
        "nothing is at the other end (a FIFO with no reader, or a socket)",
        "另一端无程序连接(无人读取的命名管道,或套接字)",
    ),
    "reason.broken_link": (
        "a symbolic link to nothing, or a loop of them",
        "符号链接指向不存在的目标或形成循环",
    ),
    "reason.closed": ("it is closed", "已关闭"),
    "reason.other": ("{detail}", "系统错误:{detail}"),
    # the command line itself (Click's errors, in gdz's words)
    "usage.no_such_option": (
        "no such option {name}{suggest}; see `{command} -h`",
        "没有选项 {name}{suggest};见 `{command} -h`",
    ),
    "usage.negative": (
        "{name} reads as an option; put -- before a negative number: `{command} TARGET -- {name}`",
        "{name} 被当作选项;负数前请加 --:`{command} TARGET -- {name}`",
    ),
    "usage.suggest": (" (did you mean {names}?)", "(是不是 {names}?)"),
    "usage.missing": ("{name} is missing; see `{command} -h`", "缺少 {name};见 `{command} -h`"),
    "usage.needs_value": (
        "the option {name} needs a value; see `{command} -h`",
        "选项 {name} 需要一个值;见 `{command} -h`",
    ),
    "usage.not_one_of": (
        '{name}: "{value}" is not one of {choices}; see `{command} -h`',
        '{name}:"{value}" 不是可选值({choices})之一;见 `{command} -h`',
    ),
    "usage.no_such_command": (
        'no such command "{name}"{suggest}; `gdz -h` lists them',
        '没有命令 "{name}"{suggest};`gdz -h` 列出全部命令',
    ),
    "usage.extra": ("unexpected {args}; see `{command} -h`", "多余的参数 {args};见 `{command} -h`"),
    "usage.other": ("{detail}; see `{command} -h`", "{detail};见 `{command} -h`"),
    "usage.aborted": ("stopped; nothing was changed", "已中止,未作任何改动"),
    # workbooks
    "xlsx.made_by": ("made by gdz {version}", "由 gdz {version} 生成"),
    "xlsx.status": ("Status report", "进展报告"),
    "xlsx.entries": ("Progress log entries", "台账条目"),
    "xlsx.targets": ("The plan's targets", "方案指标"),
    "xlsx.sheet_cover": ("Summary", "概览"),
    "xlsx.sheet_targets": ("Targets", "指标"),
    "xlsx.sheet_entries": ("Entries", "条目"),
    "xlsx.sheet_fields": ("All fields", "全部字段"),
    "xlsx.plan_score": ("Score, whole plan (no data counts as 0)", "全方案得分(无数据计为 0)"),
    "xlsx.mean_with_data": ("Average over the targets with data", "有数据指标的平均分"),
    "xlsx.counts": ("Targets by status", "各状态指标数"),
    "xlsx.areas": ("Areas", "各领域"),
    "xlsx.with_data": ("with data", "有数据"),
    "xlsx.targets_count": ("targets", "指标数"),
    "xlsx.how_scored": ("How the score is formed", "得分如何计算"),
    "xlsx.score_1": (
        "100 = the target is met and the best comparable Guangzhou or Shenzhen figure is matched.",
        "100 = 达到目标,且不低于可比的广州、深圳最优值。",
    ),
    "xlsx.score_2": (
        "Below that, the share of the way from the baseline (else 0) to the more demanding of the two; "
        "at most 99 until it is reached. Milestones score 0 or 100.",
        "未达到时,按从基线(无基线则从 0)到两者中更高要求的进度计分;达到之前最多 99 分。里程碑为 0 或 100 分。",
    ),
    "xlsx.score_3": (
        "A figure measuring something related (≈) is shown, never compared or scored.",
        "相关口径的数值(≈)仅供参考,不作比较、不计分。",
    ),
    "xlsx.score_4": (
        "Area and plan scores weigh every target (a group of measures as one), no data counting 0; rounded down.",
        "领域和全方案得分按指标加权(同组措施合计一个指标),无数据计为 0;向下取整。",
    ),
    "xlsx.sources": ("Sources", "来源"),
    "xlsx.figure_sources": (
        "Each figure's source and the sentence it comes from: `gdz show TARGET`, or `gdz export targets`.",
        "每个数值的来源及原文:见 `gdz show 指标` 或 `gdz export targets`。",
    ),
    "rule.status.achieved": (
        "the current figure meets the target (a milestone: done)",
        "最新值达到目标(里程碑:已完成)",
    ),
    "rule.status.on-track": (
        "the projection meets the target by the deadline",
        "按目前节奏预计到期可达到目标",
    ),
    "rule.status.at-risk": (
        "the projection closes at least 75% of the remaining gap",
        "预计可缩小剩余差距的 75% 以上",
    ),
    "rule.status.off-track": ("it closes less, or moves away", "预计缩小不足 75%,或差距扩大"),
    "rule.status.overdue": ("past the deadline and not met", "已过期限仍未达成"),
    "rule.status.open": (
        "has data but no deadline, or too few points to judge pace",
        "有数据但无期限,或数据点不足以判断节奏",
    ),
    "rule.status.no-data": ("no figure at all", "尚无任何数值"),
    # the HTML briefing
    "html.plan_says": ("The plan", "方案原文"),
    "html.legend": ("How to read this report", "阅读说明"),
    "html.charts": ("Charts", "图表"),
    "html.legend_score": (
        "score: 100 = target met and best comparable peer matched, 0 = the plan's baseline (zero where none is "
        "published); an area's score weighs its targets (a group of measures as one), no data counting 0; scores round down",
        "得分:100 = 达到目标且不低于可比的广深最优值,0 = 方案基线(未公布基线的从 0 起算);领域得分按指标加权(同组措施合计一个指标),无数据计为 0;得分向下取整",
    ),
    "html.footer": (
        "Every figure comes with its source and the sentence it was taken from (open “source” under a "
        "target); a figure nobody has published shows as —. Made with gdz.",
        "每个数值都附有来源及原文(展开指标下的“来源”);尚无公开数据的显示为 —。由 gdz 生成。",
    ),
    # charts and pictures
    "chart.related": ("hollow: a related measure, not compared", "空心:相关口径,不作比较"),
    "chart.milestone": (
        "{target} is a milestone: done or not done, nothing to chart; `gdz show {target}` says which",
        "{target} 是里程碑(完成/未完成),没有可画的曲线;`gdz show {target}` 可查看状态",
    ),
    "chart.format": (
        'cannot tell the format from "{suffix}"; a chart is .svg or .png',
        '无法从 "{suffix}" 判断格式;图表为 `.svg` 或 `.png`',
    ),
    "png.no_font": (
        "no font with Chinese on this machine to draw the PNG; install one (apt-get install fonts-noto-cjk, or any "
        "font with Chinese), set GDZ_FONT to a .ttf/.ttc/.otf file, or export SVG",
        "本机没有含中文的字体,无法生成图片;请安装一个(如 `apt-get install fonts-noto-cjk`),或用 `GDZ_FONT` 指定字体文件,"
        "或改为导出 `.svg`",
    ),
    "png.font_missing": (
        "GDZ_FONT names {path}, which is not a font file; fix GDZ_FONT",
        "`GDZ_FONT` 指向的 {path} 不是字体文件;请修正 `GDZ_FONT`",
    ),
    "png.font_no_chinese": (
        "GDZ_FONT names {path}, which has no Chinese characters; choose a font with Chinese (Noto Sans CJK, "
        "Microsoft YaHei, PingFang SC …)",
        "`GDZ_FONT` 指向的 {path} 不含中文字符;请改用含中文的字体(如 `Noto Sans CJK`、微软雅黑、苹方)",
    ),
    "png.font_broken": (
        "the font {path} cannot draw text ({reason}): the file is damaged or cut short; set GDZ_FONT to another "
        "font with Chinese, or export SVG (-o FILE.svg)",
        "字体文件 {path} 无法绘制文字({reason}):文件已损坏或不完整;请用 `GDZ_FONT` 指定另一个含中文的字体,"
        "或改为导出 `.svg`(`-o 文件.svg`)",
    ),
    "picture.rows_cut": (
        "the first {shown} of {total} rows; for all of them, export CSV or xlsx (-o FILE.csv)",
        "仅显示全部 {total} 行中的前 {shown} 行;如需全部,请导出为 CSV 或 xlsx(-o 文件.csv)",
    ),
    "picture.targets_cut": (
        "{count} more targets not shown; for all of them, export CSV, xlsx or HTML (-o FILE.html)",
        "另有 {count} 项指标未显示;如需全部,请导出为 CSV、xlsx 或 html(-o 文件.html)",
    ),
    "output.lost": (
        "standard output could not be written ({reason})",
        "无法写入标准输出({reason})",
    ),
    "output.unasked": (
        "standard output could not be written ({reason}), so nothing could be asked; nothing was changed",
        "无法写入标准输出({reason}),无法询问确认;未作任何改动",
    ),
    "output.lost_done": (
        "standard output could not be written ({reason}); the change itself was made (see `gdz history`)",
        "无法写入标准输出({reason});改动本身已完成(可用 `gdz history` 查看)",
    ),
    "env.blank_login": (
        "{variable} is blank, so it cannot name who records; set GDZ_USER or give --by",
        "{variable} 为空,无法标明记录人;请设置 GDZ_USER 或使用 --by",
    ),
    "env.bad_login": (
        "{variable} holds a control character or a direction mark, so it cannot name who records; set GDZ_USER or give --by",
        "{variable} 含有控制字符或方向控制符,无法标明记录人;请设置 GDZ_USER 或使用 --by",
    ),
    "env.today": (
        'GDZ_TODAY="{value}" is not a date; use YYYY-MM-DD, or unset it',
        'GDZ_TODAY="{value}" 不是日期;请用 YYYY-MM-DD,或取消该变量',
    ),
    "env.lock_timeout": (
        'GDZ_LOCK_TIMEOUT="{value}" is not a number of seconds from 0 to {maximum}; use e.g. 10, or unset it',
        'GDZ_LOCK_TIMEOUT="{value}" 不是 0 到 {maximum} 之间的秒数;请用如 10,或取消该变量',
    ),
    "write.failed": (
        "{path}: cannot write: {reason}; nothing was changed",
        "{path}:无法写入:{reason};文件未作任何改动",
    ),
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
        'the short title "{short}" of {id} is also {other}\'s; give each target its own',
        '{id} 的简称 "{short}" 与 {other} 的相同;请为每个指标取不同的简称',
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
        '"{value}" is not a date; use YYYY-MM-DD, YYYY-MM (the month\'s last day) or YYYY',
        '"{value}" 不是日期;请用 YYYY-MM-DD、YYYY-MM(当月最后一天)或 YYYY',
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
    # log records
    "log.syntax": ("not a valid record: {detail}", "不是有效记录:{detail}"),
    "log.not_record": (
        "not a gdz record: each line must be `entry.ID = {{...}}` or `void.ID = {{...}}`",
        "不是 gdz 记录:每行应为 `entry.ID = {{...}}` 或 `void.ID = {{...}}`",
    ),
    "log.bad_id": (
        'record id "{id}" is not a gdz id (26 characters, 0-9 and A-Z)',
        '记录编号 "{id}" 不是 gdz 编号(26 位 0-9、A-Z)',
    ),
    "log.unknown_field": ("unknown field '{field}'", "未知字段 '{field}'"),
    "log.key_layout": (
        "a record starts the line with its key, {kind}.ID, unquoted",
        "记录应以键 {kind}.ID 开头(顶格、不加引号)",
    ),
    "log.bad_value": (
        "field 'value' must be done, not-done or a finite number smaller than 10^15",
        "字段 'value' 应为 done、not-done 或小于 10^15 的有限数值",
    ),
    "expect.record_id": ("a record id", "记录编号"),
    "expect.count": ("a whole number above 0", "大于 0 的整数"),
    "expect.target_id": ("a target id", "指标 id"),
    "expect.city": ("dongguan, guangzhou or shenzhen", "dongguan、guangzhou 或 shenzhen"),
    "expect.text": ("text", "文本"),
    "expect.date": ("a date", "日期"),
    "expect.timestamp": ("a date-time with a UTC offset", "带时区的日期时间"),
    "expect.qualifier": ("over, at-least or about, on a number", "数值的 over、at-least 或 about"),
    "log.missing_field": ("the record lacks the field '{field}'", "记录缺少字段 '{field}'"),
    "log.bad_field": ("field '{field}' must be {expected}", "字段 '{field}' 应为 {expected}"),
    "log.incomplete": (
        "incomplete record at line {line} (cut off by a crash or a full disk)",
        "第 {line} 行记录不完整(可能因崩溃或磁盘已满而中断)",
    ),
    "log.incomplete_repair": (
        "incomplete record at line {line}; `gdz check --repair` moves it to a side file",
        "第 {line} 行记录不完整;`gdz check --repair` 会把它移到旁路文件",
    ),
    "log.import_cut_short": (
        "an import cut short at line {line}: its {rows} rows lack the record that closes it, so none of them counts",
        "第 {line} 行起的导入未完成:其 {rows} 行缺少结尾记录,均不计入",
    ),
    "log.import_cut_short_repair": (
        "an import cut short at line {line} ({rows} rows that do not count); `gdz check --repair` moves them to a side file, then import the file again",
        "第 {line} 行起的导入未完成({rows} 行,不计入);`gdz check --repair` 会把它们移到旁路文件,之后请重新导入",
    ),
    "log.same_figure": (
        "entry {id} says what entry {kept} says (one figure under two ids: a file imported on two clones); `gdz check --repair` voids the copy",
        "条目 {id} 与条目 {kept} 内容相同(同一数值有两个编号:同一文件在两个副本中分别导入);`gdz check --repair` 会作废重复的一条",
    ),
    "log.bare_cr": (
        "a line end that is a carriage return alone (an old Mac editor's); save the log with LF or CRLF line ends",
        "行尾只有回车符(旧式编辑器的格式);请以 `LF` 或 `CRLF` 换行保存台账",
    ),
    "log.lock_is_link": (
        "{path}: the lock file is a symbolic link, which gdz does not follow; remove it (gdz makes the lock afresh)",
        "{path}:锁文件是符号链接,gdz 不会跟随;请删除它(gdz 会重新创建锁文件)",
    ),
    "log.torn_hint": (
        "the entries before it still count; run `gdz check --repair`",
        "此前的记录仍然有效;请运行 `gdz check --repair`",
    ),
    "log.torn_refuse": (
        "the log ends in an incomplete record at line {line}; nothing was written. "
        "Run `gdz check --repair` first",
        "台账末尾第 {line} 行记录不完整,未写入任何内容。请先运行 `gdz check --repair`",
    ),
    "log.invalid": (
        "{path}: {problems} in the progress log; nothing was changed. Fix the file by hand, then run `gdz check`",
        "{path}:进度台账有 {problems},未作任何改动。请手工修正后运行 `gdz check`",
    ),
    "log.lock_timeout": (
        "{path} is held by another gdz for over {seconds} s; try again, or set GDZ_LOCK_TIMEOUT",
        "{path} 被另一个 gdz 占用超过 {seconds} 秒;请稍后重试,或设置 GDZ_LOCK_TIMEOUT",
    ),
    "log.conflicting_duplicate": (
        "record id {id} appears twice with different content; keep the right one",
        "记录编号 {id} 出现两次且内容不同;请保留正确的一条",
    ),
    "log.id_shared": (
        "the void {id} has the id of an entry; give the void a new id (a void's id is its own)",
        "作废记录 {id} 与某条目编号相同;请给作废记录一个新编号(作废记录有自己的编号)",
    ),
    "log.void_unknown": (
        "this void names entry {entry}, which is not in the log",
        "此作废记录指向的条目 {entry} 不在台账中",
    ),
    # entries
    "entry.unknown_target": ('unknown target "{target}"; {hint}', '未知指标 "{target}";{hint}'),
    "entry.ambiguous_target": (
        '"{name}" is part of the title of several targets ({ids}); give its id or more of its title',
        '"{name}" 出现在多个指标的名称中({ids});请给出指标 id 或更完整的名称',
    ),
    "hint.list_targets": ("`gdz targets` lists them", "可用 `gdz targets` 查看"),
    "entry.milestone_value": (
        "{target} is a milestone: log done or not-done",
        "{target} 是里程碑:请记录 done(已完成)或 not-done(未完成)",
    ),
    "entry.numeric_value": (
        "{target} takes a number, not a milestone state",
        "{target} 需要数值,而不是完成状态",
    ),
    "entry.future_date": ("the date {date} is after today ({today})", "日期 {date} 晚于今天({today})"),
    "entry.before_baseline": (
        "the date {date} is before the target's baseline date {floor}",
        "日期 {date} 早于该指标的基线日期 {floor}",
    ),
    "entry.before_plan": (
        "the date {date} is before the plan was issued ({floor})",
        "日期 {date} 早于方案印发日期({floor})",
    ),
    "entry.needs_force": (
        "{reason}; check it, or add --force if it is right",
        "{reason};请核对,确认无误可加 --force",
    ),
    # void and undo
    "void.prefix_short": (
        '"{prefix}" is too short to name an entry; give at least 4 characters of its id',
        '"{prefix}" 太短;请至少输入编号中的 4 位',
    ),
    "void.not_found": (
        'no entry id contains "{id}"; see `gdz history --all`',
        '没有包含 "{id}" 的条目编号;可用 `gdz history --all` 查看',
    ),
    "void.ambiguous": (
        '"{id}" is part of {count} entry ids; give more characters',
        '有 {count} 个条目编号包含 "{id}";请多输入几位',
    ),
    "void.already": ("entry {id} is already void ({reason})", "条目 {id} 已作废({reason})"),
    "void.no_reason": ("give a reason with --reason", "请用 --reason 说明原因"),
    "void.done": ("voided {entry}: {reason}", "已作废 {entry}:{reason}"),
    "undo.nothing": ("no entry recorded by {by} is left to undo", "没有 {by} 记录的可撤销条目"),
    "undo.confirm": ("Void {entry}?", "作废 {entry}?"),
    "undo.declined": ("nothing was changed", "未作任何改动"),
    "undo.reason": ("undone with gdz undo", "用 gdz undo 撤销"),
    "ui.import_col": ("import", "导入批次"),
    "ui.import_act": (
        "the import of {file} ({count} entries still counting, recorded {at})",
        "{file} 的导入(其中仍计入的 {count} 条,记录于 {at})",
    ),
    # import
    "import.not_text": (
        "neither UTF-8, UTF-16 nor GB18030 text (byte {byte}); in Excel: Save As, CSV UTF-8, or import the .xlsx",
        "既不是 UTF-8、UTF-16 也不是 GB18030 文本(字节 {byte});请在 Excel 中另存为 “CSV UTF-8”,或直接导入 .xlsx",
    ),
    "import.bad_csv": ("not a readable CSV table: {detail}", "无法读取的 CSV 表格:{detail}"),
    "import.read_as": ("read as {encoding} text (not UTF-8)", "按 {encoding} 编码读取(不是 UTF-8)"),
    "import.read_sheet": ("read the sheet “{sheet}”", "读取工作表“{sheet}”"),
    "import.sheet_of_text": (
        "{path} is a text file: --sheet is for spreadsheets (.xlsx, .xls, .ods)",
        "{path} 是文本文件:`--sheet` 只用于电子表格(.xlsx、.xls、.ods)",
    ),
    "import.no_sheet": (
        '{path} has no sheet "{sheet}"; its sheets are {sheets}',
        "{path} 中没有工作表“{sheet}”;其工作表为 {sheets}",
    ),
    "import.bad_spreadsheet": (
        "{path}: not a readable spreadsheet ({detail}); save it again as .xlsx or as CSV UTF-8",
        "{path}:无法读取的电子表格({detail});请另存为 .xlsx 或 “CSV UTF-8”",
    ),
    "import.no_reader": (
        "{path}: reading spreadsheets needs python-calamine, which is missing; reinstall gdz",
        "{path}:读取电子表格需要 `python-calamine`,但未安装;请重新安装 gdz",
    ),
    "import.status_export": (
        "{path} is a status report (gdz export status), not entries; import reads what `gdz export entries` "
        "writes, or rows of target, date, value",
        "{path} 是进展报告(gdz export status),不是台账条目;导入读取的是 `gdz export entries` 的输出,"
        "或“指标、日期、数值”三列的表格",
    ),
    "import.targets_export": (
        "{path} is the list of targets (gdz export targets), not entries; import reads what `gdz export "
        "entries` writes, or rows of target, date, value",
        "{path} 是指标清单(gdz export targets),不是台账条目;导入读取的是 `gdz export entries` 的输出,"
        "或“指标、日期、数值”三列的表格",
    ),
    "import.no_header": (
        "no header naming target, date and value, and the first row is not one{separator}; add a header row "
        "(target,date,value — or 指标,日期,数值)",
        "没有含“指标、日期、数值”的表头,首行也不是数据{separator};请加上表头(指标,日期,数值 或 target,date,value)",
    ),
    "import.separator": (" (read with {name} as the separator)", "(按{name}分列读取)"),
    "separator.comma": ("a comma", "逗号"),
    "separator.tab": ("a tab", "制表符"),
    "separator.semicolon": ("a semicolon", "分号"),
    "import.extra_cells": (
        "the row has {count} cells but the table has {columns} columns; remove the extra cells or name "
        "their column",
        "该行有 {count} 个单元格,但表格只有 {columns} 列;请删除多余单元格,或给该列加上列名",
    ),
    "import.unnamed_cell": (
        "a cell under a column with no name; name the column (note, source, …) or remove the cell",
        "该单元格所在的列没有列名;请给该列加上列名(如 note、source),或删除该单元格",
    ),
    "import.not_a_value": (
        '"{value}" is neither a number nor a milestone state (done, not-done)',
        '"{value}" 既不是数字,也不是里程碑状态(已完成、未完成)',
    ),
    "import.empty_cell": ("empty {column}", "{column}为空"),
    "column.target": ("target", "指标"),
    "column.date": ("date", "日期"),
    "column.value": ("value", "数值"),
    "import.same_day_clash": (
        "another figure for {target} on the same day and city is in row {line}; keep the right one",
        "第 {line} 行已有 {target} 同一天、同一城市的另一个数值;请保留正确的一个",
    ),
    "import.needs_force": (
        "{reason}; check it, or import with --force if it is right",
        "{reason};请核对,确认无误可加 --force 导入",
    ),
    "import.id_clash": (
        "entry {id} is already in the log with other content; `gdz show` the logged one, and give this row "
        "no id (a new entry) or the logged content",
        "条目 {id} 已在台账中且内容不同;可用 `gdz show` 查看已记录的条目,本行请去掉编号(作为新条目)或与之一致",
    ),
    "import.id_twice": (
        "entry {id} is also in row {line} with other content; keep one of the two rows",
        "条目 {id} 也在第 {line} 行且内容不同;两行请只保留一行",
    ),
    "import.column_twice": (
        'the column "{name}" is also column {other}; keep one of the two',
        '列 "{name}" 与第 {other} 列重复;两列请只保留一列',
    ),
    "import.unknown_column": (
        'unknown column "{name}"; remove it or rename it to one of {known} (or their Chinese names, README: Import)',
        '未知列名 "{name}";请删除,或改为 {known} 之一(或其中文列名,见说明文档 README 的“导入”一节)',
    ),
    "import.bad_id": ('"{id}" is not a gdz entry id', '"{id}" 不是 gdz 条目编号'),
    "import.id_of_void": (
        "the id {id} is a correction's (a void's) in the log, not an entry's; leave the id cell empty to add the row as a new entry",
        "编号 {id} 在台账中属于一条作废记录,而不是条目;请清空编号单元格,把此行作为新条目导入",
    ),
    "import.two_bounds": (
        'the value "{value}" and the qualifier "{qualifier}" state different bounds; keep the one its source states',
        '数值 "{value}" 与限定 "{qualifier}" 所写的限定不同;请只保留来源所写的那一种',
    ),
    "import.bad_qualifier": (
        '"{value}" is not a bound; use over (>), at-least (>=) or about (~), or leave it empty',
        '"{value}" 不是限定词;请用 over(>)、at-least(>=)或 about(~),或留空',
    ),
    "import.bad_recorded_at": (
        'recorded_at "{value}" is not a date and time with its UTC offset (as 2025-06-01T09:00:00+08:00)',
        '记录时间 "{value}" 不是带时区的日期时间(如 2025-06-01T09:00:00+08:00)',
    ),
    "import.unit_mismatch": (
        'unit "{unit}" does not match {target}\'s unit "{expected}"',
        '单位 "{unit}" 与 {target} 的单位 "{expected}" 不符',
    ),
    "error.more_problems": (
        "… and {count} more; send the errors to a file to see every one: `2> problems.txt`",
        "……另有 {count} 处;将错误输出到文件可看到全部:`2> problems.txt`",
    ),
    "log.replaces": (
        "note: this replaces {earlier} logged for {date} (the later record counts); `gdz history --all` shows both, "
        "`gdz void ID` takes one back",
        "注意:本条将取代 {date} 已记录的 {earlier}(以较晚记录为准);`gdz history --all` 可查看两者,`gdz void 编号` 可撤回其一",
    ),
    "log.repeated": (
        "the log already has {entry}; nothing was written (a new --note or --source records it again)",
        "台账中已有 {entry};未写入任何内容(如需再次记录,请加上新的 --note 或 --source)",
    ),
    "import.percent_cell": (
        "the cell shows {value} as a percentage, but {target} is not measured in %; write the figure in its unit",
        "该单元格以百分比显示 {value},但 {target} 不以 % 计量;请按指标单位填写",
    ),
    "import.percent_unknown": (
        "{value} in a target measured in %: 95% or {value}%? This spreadsheet's formats cannot be read; write "
        "the figure as it reads (95, or 95% as text)",
        "以 % 计量的指标填了 {value}:是 95% 还是 {value}%?无法读取该表格的单元格格式;请按实际数值填写(95,或文本 95%)",
    ),
    "import.unpacks_too_large": (
        "{path} unpacks to {size}, more than the {limit} gdz reads from a workbook; save the sheet to "
        "import as CSV, or split the workbook",
        "{path} 解压后为 {size},超过 gdz 可读取的工作簿上限 {limit};请将要导入的工作表另存为 CSV,或拆分工作簿",
    ),
    "import.too_many_lines": (
        "{path}: more than {limit} rows (blank lines count too), the most gdz reads from one table (Excel's own "
        "limit); split the file, or delete its empty lines",
        "{path}:超过 {limit} 行(空行也计入),超出 gdz 从一个表格读取的上限(即 Excel 的上限);请拆分文件,或删去其中的空行",
    ),
    "import.too_many_cells": (
        "the row has {count} cells, more than the {limit} columns gdz reads from one table (Excel's own limit); "
        "check the separator, or remove the extra cells",
        "该行有 {count} 个单元格,超出 gdz 从一个表格读取的上限 {limit} 列(即 Excel 的上限);请检查分隔符,或删除多余单元格",
    ),
    "import.line_too_long": (
        "a line longer than {limit}, the most gdz reads in one line of a table; check that this is the file of "
        "entries you meant, or shorten the note or source on that line",
        "该行超过 {limit},超出 gdz 在表格中一行读取的上限;请确认文件是否正确,或缩短该行的备注或来源",
    ),
    "import.cell_too_long": (
        "a cell of more than {limit} characters, the most gdz reads in one cell; shorten it (a note of a few "
        "pages is far less), or check that this is the file of entries you meant",
        "单元格超过 {limit} 个字符,超出 gdz 在一个单元格中读取的上限;请缩短(几页的备注也远少于此),或确认文件是否正确",
    ),
    "import.sheet_rows": (
        "{path}: the sheet “{sheet}” reaches row {row}, past the {limit} rows gdz reads from one table (Excel's "
        "own limit); delete the rows below the data, or save the sheet as CSV UTF-8",
        "{path}:工作表“{sheet}”延伸到第 {row} 行,超出 gdz 从一个表格读取的上限 {limit} 行(即 Excel 的上限);"
        "请删去数据下方的行,或将该工作表另存为 “CSV UTF-8”",
    ),
    "import.sheet_columns": (
        "{path}: the sheet “{sheet}” reaches column {column}, past the {limit} columns gdz reads from one table "
        "(Excel's own limit); delete the columns right of the data, or save the sheet as CSV UTF-8",
        "{path}:工作表“{sheet}”延伸到第 {column} 列,超出 gdz 从一个表格读取的上限 {limit} 列(即 Excel 的上限);"
        "请删去数据右侧的列,或将该工作表另存为 “CSV UTF-8”",
    ),
    "import.sheet_cells": (
        "{path}: the sheet “{sheet}” spans {rows} rows × {columns} columns, more than the {limit} cells gdz reads "
        "from one sheet; delete the empty rows and columns around the data, or save the sheet as CSV UTF-8",
        "{path}:工作表“{sheet}”占 {rows} 行 × {columns} 列,超出 gdz 从一个工作表读取的上限 {limit} 个单元格;"
        "请删去数据周围的空行和空列,或将该工作表另存为 “CSV UTF-8”",
    ),
    "import.sheet_cells_written": (
        "{path}: the sheet “{sheet}” holds {cells} cells, more than the {limit} cells gdz reads from one sheet; "
        "save the sheet as CSV UTF-8, or save the workbook again in Excel",
        "{path}:工作表“{sheet}”含 {cells} 个单元格,超出 gdz 从一个工作表读取的上限 {limit} 个;"
        "请将该工作表另存为 “CSV UTF-8”,或用 Excel 重新保存工作簿",
    ),
    "import.stdin_closed": (
        "`gdz import -` reads standard input, which is closed; pipe the file in (`gdz import - < data.csv`)",
        "`gdz import -` 读取标准输入,但标准输入已关闭;请用管道传入文件(`gdz import - < data.csv`)",
    ),
    "import.refused": (
        "{path}: {problems}; nothing was imported. Fix the file and import again",
        "{path} 中有 {problems},未导入任何内容。请修正文件后重新导入",
    ),
    "import.done": (
        "imported {entries} ({present} already in the log{repeats})",
        "已导入 {entries}({present} 条已在台账中{repeats})",
    ),
    "import.dry_run": (
        "would import {entries} ({present} already in the log{repeats}); nothing was written",
        "将导入 {entries}({present} 条已在台账中{repeats});未写入任何内容",
    ),
    "import.repeats": (", {count} repeating an earlier row of the file", ",{count} 条与文件中前面的行重复"),
    "import.would_add": ("would add:", "将添加:"),
    "import.note": ("note: {note}", "说明:{note}"),
    "import.progress": ("importing", "正在导入"),
    "import.already": ("already in the log, skipped:", "已在台账中,跳过:"),
    "count.entry": ("{count} entry", "{count} 条"),
    "count.entry_plural": ("{count} entries", "{count} 条"),
    "count.problem": ("{count} problem", "{count} 处问题"),
    "count.problem_plural": ("{count} problems", "{count} 处问题"),
    # selection
    "select.unknown_area": ('unknown area "{area}"; {hint}', '未知领域 "{area}";{hint}'),
    "select.unknown_kind": (
        'unknown kind "{kind}"; use numeric, milestone or context',
        '未知类型 "{kind}";可选 numeric、milestone 或 context',
    ),
    "select.unknown_status": (
        'unknown status "{status}"; use one of {known}',
        '未知状态 "{status}";可选:{known}',
    ),
    # check
    "check.warning": ("warning: {problem}", "提示:{problem}"),
    "check.voided_copies": (
        "voided {count} copies of figures logged twice under two ids (the entry with the lowest id is kept)",
        "已作废 {count} 条以两个编号重复记录的数值(保留编号最小的条目)",
    ),
    "check.failed": ("{problems} found", "发现 {problems}"),
    "check.plan_ok": (
        "plan {path}: {count} targets in {areas} areas, all valid",
        "方案 {path}:{areas} 个领域共 {count} 个指标,全部有效",
    ),
    "check.no_log": (
        "log {path}: not created yet (the first `gdz log` creates it)",
        "台账 {path}:尚未创建(首次 `gdz log` 时创建)",
    ),
    "check.log_summary": (
        "log {path}: {entries} entries, {voids} voids",
        "台账 {path}:{entries} 条记录,{voids} 条作废",
    ),
    "check.repaired": (
        "moved the incomplete record at line {line} to {side}; the log now ends cleanly",
        "已将第 {line} 行的不完整记录移至 {side};台账现已完整",
    ),
    # export
    "export.unknown_extension": (
        'cannot tell the format from "{suffix}"; use --format ({formats})',
        '无法从 "{suffix}" 判断格式;请用 `--format`({formats})',
    ),
    "export.binary_to_terminal": (
        "{format} is for a file, not the terminal; give -o FILE.{format} (or pipe it)",
        "{format} 需写入文件,不能输出到终端;请用 -o 文件.{format}(或通过管道)",
    ),
    "export.written": ("wrote {path} ({format}, {bytes} bytes)", "已写入 {path}({format},{bytes} 字节)"),
    # workspace
    "workspace.unknown_key": (
        "unknown key '{key}'; gdz.toml takes log and plan",
        "未知键 '{key}';gdz.toml 只接受 log 和 plan",
    ),
    "workspace.bad_path": ("'{key}' must be a file path in quotes", "'{key}' 应为带引号的文件路径"),
    "workspace.exists": (
        "{path} already exists: this is already a workspace",
        "{path} 已存在:这里已经是工作区",
    ),
    "init.wrote": ("wrote {path}", "已写入 {path}"),
    "init.done": (
        "workspace ready in {path}: `gdz log` here records to its progress.toml",
        "工作区已就绪:{path}。在此运行 `gdz log` 会记录到其中的 progress.toml",
    ),
    "where.plan": ("plan:   {path} ({rule})", "方案:{path}({rule})"),
    "where.log": ("log:    {path} ({rule})", "台账:{path}({rule})"),
    "where.lock": ("lock:   {path}", "锁:  {path}"),
    "where.cache": ("cache:  {path}", "缓存:{path}"),
    "where.user": (
        "you:    {name} (--by, GDZ_USER, else the login name)",
        "记录人:{name}(--by、GDZ_USER,否则为登录名)",
    ),
    "rule.option": ("from the command line", "来自命令行参数"),
    "rule.env": ("from the environment", "来自环境变量"),
    "rule.workspace": ("from the workspace's gdz.toml", "来自工作区的 gdz.toml"),
    "rule.user": ("your data directory: no workspace found here", "个人数据目录:此处无工作区"),
    "rule.shipped": ("shipped with gdz", "gdz 自带"),
    # words
    "city.dongguan": ("Dongguan", "东莞"),
    "city.guangzhou": ("Guangzhou", "广州"),
    "city.shenzhen": ("Shenzhen", "深圳"),
    "status.achieved": ("met", "已达成"),
    "status.on-track": ("on track", "进度正常"),
    "status.at-risk": ("at risk", "有风险"),
    "status.off-track": ("off track", "落后"),
    "status.overdue": ("overdue", "已逾期"),
    "status.open": ("in progress", "推进中"),
    "status.no-data": ("no data", "无数据"),
    "kind.numeric": ("numeric target", "数值目标"),
    "kind.milestone": ("milestone", "里程碑"),
    "kind.context": ("context indicator", "背景指标"),
    "direction.higher": ("higher is better", "越高越好"),
    "direction.lower": ("lower is better", "越低越好"),
    "frontier.guangzhou": ("Guangzhou", "广州"),
    "frontier.shenzhen": ("Shenzhen", "深圳"),
    "frontier.target": ("the target", "目标值"),
    "worst.baseline": ("the baseline", "基线"),
    "worst.zero": ("zero", "零"),
    "origin.plan": ("plan", "方案"),
    "origin.log": ("log", "台账"),
    "ui.title": ("title", "名称"),
    "ui.area": ("area", "领域"),
    "ui.unit": ("unit", "单位"),
    "ui.kind": ("kind", "类型"),
    "ui.source": ("source", "来源"),
    "ui.note": ("note", "备注"),
    "ui.id": ("id", "编号"),
    "ui.baseline": ("baseline", "基线"),
    "ui.target": ("target", "目标"),
    "ui.target_col": ("target", "指标"),
    "ui.deadline": ("deadline", "期限"),
    "ui.current": ("current", "最新值"),
    "ui.progress": ("progress", "进度"),
    "ui.gap": ("gap", "差距"),
    "ui.gap_frontier": ("vs best", "距最优"),
    "ui.score": ("score", "得分"),
    "ui.status": ("status", "状态"),
    "ui.count": ("count", "数量"),
    "ui.counts": ("status counts", "状态统计"),
    "ui.area_scores": ("area scores", "领域得分"),
    "ui.plan_score": ("whole plan", "全方案"),
    "ui.score_of": (
        "score {score} · {scored} of {total} with data",
        "得分 {score} · {total} 项中 {scored} 项有数据",
    ),
    "ui.mean_with_data": (" ({mean} among them)", "(其平均 {mean})"),
    "ui.score_method": (
        "Score: 100 = the target met and the best comparable Guangzhou or Shenzhen figure matched; 0 = the "
        "plan's baseline, or zero where none is published. A related measure (≈) is shown, never scored. "
        "Area and plan scores count a target without data as 0. `gdz show ID` explains each score.",
        "得分:100 = 达到目标且不低于可比的广深最优值;0 = 方案基线,未公布基线则为零。相关口径(≈)只作参考,"
        "不计分。领域和全方案得分中,无数据的指标计为 0。`gdz show 指标` 逐项说明得分。",
    ),
    "ui.as_of": ("as of", "截至"),
    "ui.log_at": ("log: {path} · as of {as_of}", "台账:{path} · 截至 {as_of}"),
    "ui.log_label": ("log, as of {as_of}:", "台账(截至 {as_of}):"),
    "ui.context": ("context", "背景"),
    "ui.context_section": (
        "Context indicators (no target; not in the area or plan scores)",
        "背景指标(无目标;不计入领域和全方案得分)",
    ),
    "ui.milestone_unit": ("done / not done", "完成/未完成"),
    "ui.done": ("done", "已完成"),
    "ui.required": ("required", "须完成"),
    "ui.met_on": ("since {date}", "{date} 起"),
    "ui.unverified": ("(unverified: read on a re-hosted copy)", "(未核实:据转载件)"),
    "ui.gz": ("GZ", "广州"),
    "ui.sz": ("SZ", "深圳"),
    "ui.now_target": ("now / target", "当前 / 目标"),
    "ui.without_data": ("+ {count} without data:", "另有 {count} 项无数据:"),
    "ui.coverage": ("Coverage", "覆盖"),
    "ui.coverage_of": ("{scored} of {total} targets have data", "{total} 项指标中 {scored} 项有数据"),
    "ui.score_label": ("Score", "得分"),
    "ui.score_none": (
        "— (no target has data yet; see Next)",
        "—(尚无指标有数据;见下一步)",
    ),
    "ui.score_whole": ("{score} for the whole plan (no data counts as 0)", "全方案 {score}(无数据计为 0)"),
    "ui.score_mean": ("{mean} on average over the {scored} with data", "有数据的 {scored} 项平均 {mean}"),
    "ui.overdue_label": ("Past due", "已过期限"),  # not met, with or without data: more than ✖ overdue
    "ui.overdue_no_data": ("{target} (no data)", "{target}(无数据)"),
    "ui.stale_label": ("Stale", "久未更新"),
    "ui.stale_item": ("{target} (last figure {date})", "{target}(最近一次 {date})"),
    "ui.shown_label": ("Shown", "显示"),
    "count.target": ("{count} target", "{count} 项指标"),
    "count.target_plural": ("{count} targets", "{count} 项指标"),
    "count.indicator": ("{count} context indicator", "{count} 项背景指标"),
    "count.indicator_plural": ("{count} context indicators", "{count} 项背景指标"),
    "ui.next_label": ("Next", "下一步"),
    "ui.sorted_by": ("sorted by {key}", "按{key}排序"),
    "sort.gap": ("gap", "差距"),
    "sort.score": ("score", "得分"),
    "sort.deadline": ("deadline", "期限"),
    "sort.id": ("id", "编号"),
    "ui.legend_bar": (
        "▮▮▮▯ share of the way to the target (full only when met)",
        "▮▮▮▯ 距目标的进度(达成才满格)",
    ),
    "ui.legend_days": (
        "1065d: days past the deadline (120d left: days before it)",
        "1065天:超过期限的天数(剩120天:距期限的天数)",
    ),
    "ui.legend_related": ("≈ a related measure: shown, never scored", "≈ 相关口径:仅供参考,不计分"),
    "ui.legend_cities": ("{cities}", "{cities}:最新可比数值"),
    "ui.legend_guangzhou": ("GZ Guangzhou", "广州"),
    "ui.legend_shenzhen": ("SZ Shenzhen", "深圳"),
    "ui.legend_score": (
        "score: 100 = target met and best comparable peer matched, 0 = the plan's baseline (zero where none is "
        "published); an area's score weighs its targets (a group of measures as one), no data counting 0; scores round down (`gdz show ID` explains each)",
        "得分:100 = 达到目标且不低于可比的广深最优值,0 = 方案基线(未公布基线的从 0 起算);领域得分按指标加权(同组措施合计一个指标),无数据计为 0;"
        "得分向下取整(`gdz show 指标` 逐项说明)",
    ),
    "ui.in_group": (
        "listed with others in one sentence (group {group}): weighs {weight} in the scores",
        "与其他措施同句列出(组 {group}):计分权重 {weight}",
    ),
    "ui.continues": ("continues", "延续"),
    "ui.continued_by": ("continued by", "后续目标"),
    "ui.strict": ("(met only when exceeded)", "(须超过才算达成)"),
    "ui.trend_legend": ("one sign per figure, oldest first", "每个数值一格,由旧到新"),
    "ui.trend_legend_target": (
        "one sign per figure, oldest first; after ┊ the target on the same scale",
        "每个数值一格,由旧到新;┊ 后为同一刻度下的目标",
    ),
    "ui.score_milestone": ("a milestone scores 100 when done, else 0", "里程碑完成计 100,否则计 0"),
    "ui.score_100_target": (
        "100 = the target, {value} (no comparable Guangzhou or Shenzhen figure asks more)",
        "100 = 目标 {value}(没有更高的可比广深数值)",
    ),
    "ui.score_100_peer": (
        "100 = {city}'s {value}, the best comparable figure, which asks more than the target",
        "100 = {city}的 {value}:可比数值中最优,且高于目标",
    ),
    "ui.score_0_baseline": ("0 = the plan's baseline, {value}", "0 = 方案基线 {value}"),
    "ui.score_0_zero": ("0 = zero: no baseline published, counted from 0", "0 = 零:未公布基线,从 0 起算"),
    "ui.score_0_unknown": (
        "no score: no baseline published, and this unit does not start from zero",
        "无得分:未公布基线,且该单位不从零起算",
    ),
    "ui.score_short": (
        "below 100 until the target (and any better peer) is reached",
        "达到目标(及更优的可比数值)前低于 100",
    ),
    "ui.related_measure": ("a related measure, not compared:", "相关口径,不作比较:"),
    "ui.not_done": ("not done", "未完成"),
    "ui.yes": ("yes", "是"),
    "ui.no": ("no", "否"),
    "qualifier.over": ("over", "超过"),
    "qualifier.at-least": ("at least", "不少于"),
    "qualifier.about": ("about", "约"),
    "ui.days_left": ("{days} days left", "剩 {days} 天"),
    "ui.days_over": ("{days} days over", "超期 {days} 天"),
    "ui.days_left_short": ("{days}d left", "剩{days}天"),
    "ui.days_over_short": ("{days}d", "{days}天"),
    "ui.no_deadline": ("none stated", "未规定"),
    "ui.stale": ("stale", "久未更新"),
    "ui.history": ("History", "历史记录"),
    "ui.no_entries": ("no entries", "无记录"),
    "ui.no_match": ("no target matches these filters", "没有符合条件的指标"),
    "ui.date": ("date", "日期"),
    "ui.city": ("city", "城市"),
    "ui.value": ("value", "数值"),
    "ui.by": ("by", "记录人"),
    "ui.voided_because": ("voided: {reason}", "已作废:{reason}"),
    "ui.voided_legend": ("✗ voided: kept in the log, counted nowhere", "✗ 已作废:保留在台账中,不再计入"),
    "ui.from_log": ("logged with gdz", "由 gdz 记录"),
    "ui.series": ("trend", "趋势"),
    "ui.pace": ("pace", "节奏"),
    "ui.pace_detail": (
        "needed {needed}/day · observed {observed}/day · projected {projected} at the deadline",
        "所需 {needed}/天 · 实际 {observed}/天 · 预计到期 {projected}",
    ),
    "ui.score_detail": (
        "{score} (frontier {frontier}: {frontier_source}; worst {worst}: {worst_source})",
        "{score}(前沿 {frontier}:{frontier_source};最差 {worst}:{worst_source})",
    ),
    "ui.logged": ("logged", "已记录"),
    "ui.related_logged": (
        "recorded as a related measure; it does not change the score",
        "按相关口径记录,不影响得分",
    ),
    "ui.now": ("now", "当前"),
    "ui.point": ("{n} percentage point", "{n} 个百分点"),
    "ui.points": ("{n} percentage points", "{n} 个百分点"),
    "ui.place": ("{n} place", "{n} 位"),
    "ui.places": ("{n} places", "{n} 位"),
    "ui.gap_short": ("{amount} short of the target", "距目标还差 {amount}"),
    "ui.gap_beyond": ("{amount} beyond the target", "超出目标 {amount}"),
    "ui.gap_level": ("exactly at the target", "恰好等于目标"),
    "ui.gap_level_strict": ("level with the target, which must be exceeded", "与目标持平,须超过目标方算达标"),
    "ui.gap_over_level": ("beyond the target", "已超过目标"),
    "ui.gap_at_least_level_strict": (
        "at least level with the target, which must be exceeded",
        "不低于目标,但须超过目标方算达标",
    ),
    "ui.gap_level_or_beyond": ("at the target or beyond", "达到或超过目标"),
    "ui.gap_short_some": ("short of the target", "未达到目标"),
    "ui.gap_level_or_short": ("level with the target or short of it", "与目标持平或未达到目标"),
    "ui.gap_about_level": ("about level with the target", "约与目标持平"),
    "ui.amount_less": ("less than {amount}", "不到 {amount}"),
    "ui.amount_at_most": ("at most {amount}", "至多 {amount}"),
    "ui.amount_more": ("more than {amount}", "超过 {amount}"),
    "ui.amount_at_least": ("at least {amount}", "至少 {amount}"),
    "ui.amount_about": ("about {amount}", "约 {amount}"),
    "ui.peer_short": ("Dongguan {amount} behind {city}", "东莞落后{city} {amount}"),
    "ui.peer_beyond": ("Dongguan {amount} ahead of {city}", "东莞领先{city} {amount}"),
    "ui.peer_level": ("Dongguan level with {city}", "东莞与{city}持平"),
    "ui.md_intro": ("Status as of {as_of}. Whole plan: {score}.", "截至 {as_of} 的进展。全方案:{score}。"),
}


# Help for commands and options: written in English in the command modules, shown in Chinese by `cli/`.
HELP_ZH: Final[dict[str, str]] = {
    "Track Dongguan's plan to match Guangzhou's and Shenzhen's business environment (广深莞一体化).":
        "跟踪东莞对标广州、深圳的营商环境行动方案(广深莞一体化)。",
    "Exit codes: 0 ok, 1 problems found, 2 bad input, 3 bad plan or log file, 4 cannot write.":
        "退出码:0 成功,1 发现问题,2 输入有误,3 方案或台账文件有误,4 无法写入。",
    "Show the version and exit.": "显示版本并退出。",
    "Show this message and exit.": "显示本帮助并退出。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.":
        "显示当前 shell 的补全脚本,以便复制或自定义安装。",
    "Where every target stands: a summary first, then one line per target with its score and status.":
        "所有指标的进展:先看总览,再逐项列出每个指标的得分和状态。",
    "Only this area: its number, its id, or `context`.": "只看此领域:领域编号、领域 id,或 `context`。",
    "Report as of this date (YYYY-MM-DD, or YYYY-MM for the month's last day): later entries are left out.":
        "报告截至此日期(YYYY-MM-DD,或 YYYY-MM 表示当月最后一天):晚于此日期的条目不计。",
    "A row for every target, those without data too.": "每个指标各占一行,包括无数据的指标。",
    "Target: its id, or a unique part of its Chinese or English title (see `gdz targets`).":
        "指标:指标 id,或其中文、英文名称中唯一的一段(见 `gdz targets`)。",
    "Everything about one target: sources, benchmarks, history with voids, trend, pace and score.":
        "单个指标的全部信息:来源、对标数据、含作废记录的历史、趋势、节奏和得分。",
    "Export the status report, the log's entries or the targets: CSV, xlsx, JSON, Markdown, HTML, SVG, PNG.":
        "导出进展报告、台账条目或指标:CSV、xlsx、JSON、Markdown、HTML、SVG、PNG。",
    "Chart one target: Dongguan's figures over time, the target to its deadline, Guangzhou and Shenzhen.":
        "绘制单个指标的图表:东莞历次数值、目标线与期限、广州和深圳的数值。",
    "svg or png. Default: from the file name, else svg.": "svg 或 png。默认由文件名决定,否则为 svg。",
    "Record a figure for a target (Dongguan unless --city says otherwise).":
        "为指标记录一个数值(默认为东莞,可用 --city 指定城市)。",
    "Void an entry: it stops counting but stays in the history. Log the right figure afterwards.":
        "作废一条记录:不再计入,但保留在历史中。之后请记录正确的数值。",
    "Void the last entry you recorded (asks first).": "作废你最近记录的一条(会先确认)。",
    "List logged entries by date, oldest first; voided entries only with --all.":
        "按日期列出已记录的条目,由旧到新;加 --all 才显示已作废条目。",
    "Import entries from a CSV file or a spreadsheet: all rows or none; rows already in the log are skipped.":
        "从 CSV 文件或电子表格导入条目:要么全部导入,要么一条不导;台账中已有的行会跳过。",
    "A CSV, tab-separated text or spreadsheet (.xlsx, .xls, .ods) of entries; - reads standard input.":
        "含条目的 CSV、制表符分隔文本或电子表格(.xlsx、.xls、.ods);- 表示读标准输入。",
    "Check every row and list what would be added; write nothing.": "检查每一行并列出将添加的条目;不写入。",
    "The sheet to read from a spreadsheet. Default: the first.": "要读取的工作表。默认:第一个。",
    "List the plan's targets with baseline, target, deadline and benchmarks.":
        "列出方案的指标及其基线、目标、期限和对标数据。",
    "Validate the plan and the progress log; print every problem, exit 1 if any.":
        "校验方案和进度台账;列出所有问题,有问题时退出码为 1。",
    "Make a workspace: gdz.toml, an empty log, and .gitattributes so git merges concurrent appends.":
        "建立工作区:gdz.toml、空台账,以及让 git 合并并发追加的 .gitattributes。",
    "Show which plan, log, lock and cache files gdz uses here, and why.":
        "显示 gdz 在此使用的方案、台账、锁和缓存文件,以及原因。",
    "The figure in the target's unit; done or not-done for a milestone. Cumulative figures are the running total "
    "as of the date.": "以指标单位计的数值;里程碑填 done 或 not-done。累计类数值请填截至该日期的累计总数。",
    "As-of date of the figure: YYYY-MM-DD, today or yesterday.": "数值的截至日期:YYYY-MM-DD、today 或 yesterday。",
    "dongguan, guangzhou or shenzhen (also dg/gz/sz, 东莞/广州/深圳).":
        "dongguan、guangzhou 或 shenzhen(也可写 dg/gz/sz、东莞/广州/深圳)。",
    "A note.": "备注。",
    "Where the figure comes from: document, URL or file.": "数值出处:文件、网址或文件路径。",
    "Who records it. Default: $GDZ_USER, else your login name.": "记录人。默认:$GDZ_USER,否则为登录名。",
    "Accept a date in the future, or before the target's baseline.": "接受晚于今天或早于指标基线的日期。",
    "Plan file. Default: $GDZ_PLAN, the workspace's plan, else the shipped plan.":
        "方案文件。默认:$GDZ_PLAN、工作区的方案,否则为 gdz 自带的方案。",
    "Progress log. Default: $GDZ_LEDGER, the workspace's log, else your data directory.":
        "进度台账。默认:$GDZ_LEDGER、工作区的台账,否则为个人数据目录。",
    "Language of the output: zh or en. Default: $GDZ_LANG, else the locale.":
        "输出语言:zh 或 en。默认:$GDZ_LANG,否则随系统语言环境。",
    "The entry's id, or any unique part of it (tables show its last 8 characters).":
        "条目编号,或其中任何唯一的一段(表格显示末 8 位)。",
    "Why the entry no longer counts.": "作废原因。",
    "Do not ask for confirmation.": "不再确认。",
    "From this date (YYYY-MM-DD).": "自此日期起(YYYY-MM-DD)。",
    "Up to this date (YYYY-MM-DD).": "至此日期止(YYYY-MM-DD)。",
    "Include voided entries (marked).": "包括已作废的条目(有标记)。",
    "Only the last N entries.": "只显示最后 N 条。",
    "CSV file: `gdz export entries` output, or target,date,value[,city,note,source] rows.":
        "CSV 文件:`gdz export entries` 的输出,或 target,date,value[,city,note,source] 格式的行。",
    "Check and report; write nothing.": "只检查并报告,不写入。",
    "Only this kind: numeric, milestone or context.": "只看此类:numeric、milestone 或 context。",
    "Move an incomplete last record of the log to a side file.": "把台账末尾不完整的记录移到旁路文件。",
    "Only targets with this status (repeatable): met, on-track, at-risk, off-track, overdue, in-progress, no-data, "
    "stale.": "只看此状态的指标(可重复):已达成、进度正常、有风险、落后、已逾期、推进中、无数据、久未更新。",
    "Order within each area.": "各领域内的排序方式。",
    "Under each Guangzhou/Shenzhen figure, show its date and whether it comes from the plan or the log.":
        "在广州、深圳的数值下显示其日期,以及来自方案还是台账。",
    "What to export.": "导出内容。",
    "Write to this file (atomically) instead of stdout; the extension picks the format.":
        "写入此文件(原子替换)而非标准输出;扩展名决定格式。",
    "csv, xlsx, json, md, html, svg or png. Default: from the file name, else csv.":
        "csv、xlsx、json、md、html、svg 或 png。默认由文件名决定,否则为 csv。",
    "CSV and xlsx with stable codes and English column names, for scripts.":
        "CSV 和 xlsx 使用固定代码和英文列名,供脚本使用。",
    "CSV without the UTF-8 BOM Excel needs.": "CSV 不带 Excel 所需的 UTF-8 BOM。",
    "Directory to make a workspace (created if missing).": "要建为工作区的目录(不存在则创建)。",
}  # fmt: skip
HELP_HEADINGS_ZH: Final[dict[str, str]] = {
    "Usage: ": "用法:", "Options": "选项", "Arguments": "参数", "Commands": "命令", "Example: ": "示例:",
    "e.g. ": "例:",
}  # fmt: skip


def translate_help(text: str, lang: str) -> str:
    """A help text in the language asked for: whole, paragraph by paragraph, or as `summary (e.g. example)`."""
    if lang != "zh" or not text:
        return text
    if text in HELP_ZH:
        return HELP_ZH[text]
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 1:
        return "\n\n".join(translate_help(paragraph, lang) for paragraph in paragraphs)
    if text.startswith("Example: "):
        return HELP_HEADINGS_ZH["Example: "] + text.removeprefix("Example: ")
    summary, _, example = text.partition(" (e.g. ")
    if example.endswith(")") and summary in HELP_ZH:
        return f"{HELP_ZH[summary]}({HELP_HEADINGS_ZH['e.g. ']}{example[:-1]})"
    return text


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
}


# English column names for readers (a workbook in English); a script's CSV keeps the stable names.
COLUMNS_EN: Final[dict[str, str]] = {
    "as_of": "As of", "area": "Area", "target": "Target id", "title_en": "Title", "title_zh": "Title (Chinese)",
    "kind": "Kind", "unit": "Unit", "baseline": "Baseline", "current": "Now", "current_as_of": "Now, as of",
    "target_value": "Target", "deadline": "Deadline", "progress_pct": "Progress", "guangzhou": "Guangzhou",
    "shenzhen": "Shenzhen", "score": "Score", "status": "Status", "achieved_on": "Met on", "days_left": "Days left",
    "stale": "Stale", "id": "Id", "city": "City", "date": "Date", "value": "Value", "qualifier": "Bound",
    "note": "Note", "source": "Source", "recorded_by": "Recorded by", "recorded_at": "Recorded at",
}  # fmt: skip


def column_title(column: str, lang: str | None) -> str:
    """A column's name: Chinese or English words for a reader, the stable name for a script (any other
    `lang`); an English name not listed is its stable name in words (`gap_to_target` → Gap to target)."""
    if lang == "zh":
        return COLUMNS_ZH.get(column, column)
    if lang == "en":
        return COLUMNS_EN.get(column) or column.replace("_", " ").capitalize()
    return column


def render(message: Message, lang: str) -> str:
    """The message in `lang`; text from outside (a typed id, a file's contents) has control characters
    escaped, so that no message can span two lines or move the cursor."""
    english, chinese = CATALOGUE[message.key]
    template = chinese if lang == "zh" else english
    return template.format(**{name: _param(value, lang) for name, value in message.params.items()})


def _param(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, Words):
        return printable(value.zh if lang == "zh" else value.en)
    return printable(value) if isinstance(value, str) else value


def render_problem(problem: Problem, lang: str) -> str:
    """`file:line:column: message`, or `file: target X: message` where no line is known."""
    where = problem.path
    if problem.place is not None:
        where += f" {problem.place}"
    elif problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    text = render(problem.message, lang)
    if problem.target:
        return f"{where}: {render(Message('where.target', {'target': problem.target}), lang)}: {text}"
    return f"{where}: {text}"


def resolve_lang(option: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """`--lang`, else GDZ_LANG, else the locale (zh* means Chinese), else English."""
    for choice in (option, environ.get("GDZ_LANG")):
        if choice:
            return "zh" if choice.lower().startswith("zh") else "en"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
