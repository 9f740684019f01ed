"""Help in Chinese: command and option help is written in English beside the commands and shown in Chinese
through this table (used by `cli` alone)."""

from typing import Final

# Help for commands and options: written in English in the command modules, shown in Chinese by `cli/`.
HELP_ZH: Final[dict[str, str]] = {
    "Track Dongguan's plan to match Guangzhou's and Shenzhen's business environment (广深莞一体化).":
        "跟踪东莞对标广州、深圳的营商环境行动方案(广深莞一体化)。",
    "Exit codes: 0 ok, 1 problems found, 2 bad input, 3 bad plan or log file, 4 cannot write.":
        "退出码:0 成功,1 发现问题,2 输入有误,3 方案或台账文件有误,4 无法写入。",
    "Print screens taller than the terminal without a pager.": "屏幕内容超过终端高度时也不使用分页器,直接输出。",
    "Show the version and exit.": "显示版本并退出。",
    "Show this message and exit.": "显示本帮助并退出。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.":
        "显示当前 shell 的补全脚本,以便复制或自定义安装。",
    "Where every target stands: a summary first, then one line per target with its score and status.":
        "所有指标的进展:先看总览,再逐项列出每个指标的得分和状态。",
    "Only this area: its number, its id, or `context`.": "只看此领域:领域编号、领域 id,或 `context`。",
    "Report as of this date (YYYY-MM-DD, or a period for its last day: 2024-03, 2024Q1, 2024H1, 2024): later "
    "entries are left out.":
        "报告截至此日期(YYYY-MM-DD,或表示最后一天的期间:2024-03、2024Q1、2024H1、2024):晚于此日期的条目不计。",
    "A row for every target, those without data too.": "每个指标各占一行,包括无数据的指标。",
    "Compare with the report as of this earlier date (YYYY-MM-DD, or a period for its last day: 2024-03, 2024Q1, "
    "2024H1, 2024): what moved.":
        "与截至此较早日期的报告相比,列出本期变化(YYYY-MM-DD,或表示最后一天的期间:2024-03、2024Q1、2024H1、2024)。",
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
    "The day the figure describes: YYYY-MM-DD, today or yesterday. Default: today (said).": "该数值所描述的日期:YYYY-MM-DD、today 或 yesterday。默认今天(会提示)。",
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
    "Only this kind: numeric, milestone or context.": "只看此类:numeric、milestone 或 context。",
    "Move an incomplete last record of the log to a side file.": "把台账末尾不完整的记录移到旁路文件。",
    "Only targets with this status (repeatable): met, on-track, at-risk, off-track, overdue, in-progress, no-data, "
    "stale.": "只看此状态的指标(可重复):已达成、进度正常、有风险、落后、已逾期、推进中、无数据、久未更新。",
    "Order within each area: plan, gap, score, deadline, id, or change with --since (also 得分, 差距, 期限…).":
        "各领域内的排序方式:方案、差距、得分、期限、编号,或配合 --since 按变化排序(也可用英文 plan、gap、score、deadline、id、change)。",
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
    "Who has reported for a period: per owner, what it owes, what is missing, and whether it is late.":
        "报送情况:按责任单位列出某一报告期应报、已报和尚缺的指标,以及是否逾期。",
    "The reporting period: a month 2024-03, a quarter 2024Q1, a half 2024H1 or a year 2024. Default: the latest "
    "period of the workspace's cycle that has ended.":
        "报告期:月份 2024-03、季度 2024Q1、半年 2024H1 或年份 2024。默认:按工作区的报送周期,最近一个已结束的报告期。",
    "When returns are due: a date (2024-04-05) or a day of the month after the period (5). Default: the "
    "workspace's due_day, else the 5th.":
        "报送截止日期:日期(2024-04-05)或报告期次月的某日(5)。默认:工作区的 due_day,否则为次月 5 日。",
    "Only this owner (责任单位): its name, or a unique part of it.":
        "只看此责任单位:单位全称,或其中唯一的一段(简称亦可,如“市人社局”)。",
    "Print a reminder to paste into a chat or an OA message, not the report.":
        "输出可直接粘贴到工作群或 OA 的催报提醒,而不是报表。",
    "csv, json or md instead of the screen.": "以 csv、json 或 md 格式输出,而非屏幕显示。",
    "`template`: a fill-in form for each owner (--owner: one), .xlsx or CSV, for the period.":
        "`template`:为各责任单位生成该报告期的填报表(加 --owner 只生成一份),.xlsx 或 CSV 格式。",
    "template: replace forms already there, even filled-in ones.": "template:覆盖已存在的填报表,包括已填写的。",
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
