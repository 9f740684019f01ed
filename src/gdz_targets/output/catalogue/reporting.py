"""The reporting round: owners, periods, the fill-in forms, the returns and the reminder."""

from typing import Final

# key: (English, Chinese). Parameters in braces; a parameter may itself be a Message.
WORDS: Final[dict[str, tuple[str, str]]] = {
    # owners (责任单位) in gdz.toml
    "owners.none": (
        "no owners are declared: add an [owners] table to gdz.toml (README, Reporting round)",
        "尚未设置责任单位:请在 gdz.toml 中添加 `[owners]` 表(见 README 的 `Reporting round` 一节)",
    ),
    "owners.no_workspace": (
        "the reporting round needs a workspace: run `gdz init`, then add an [owners] table to its gdz.toml",
        "报送工作需要工作区:请先运行 `gdz init`,再在其 gdz.toml 中添加 `[owners]` 表",
    ),
    "owners.invalid": (
        "{path}: {problems} in the reporting round's tables; fix them (`gdz check` lists them all)",
        "{path} 的报送设置中有 {problems};请修正(`gdz check` 可列出全部)",
    ),
    "owners.ambiguous": (
        '"{name}" matches several owners: {owners}; type more of the name',
        "“{name}”对应多个责任单位:{owners};请写得更完整些",
    ),
    "owners.unknown": ('no owner "{name}"; {hint}', "没有责任单位“{name}”;{hint}"),
    "owners.list_hint": ("`gdz returns` lists them all", "`gdz returns` 可列出全部责任单位"),
    "owners.bad_name": (
        '"{name}" is no department\'s name: write the name in quotes, without control characters',
        "“{name}”不是有效的单位名称:请用引号写出名称,不含控制字符",
    ),
    "owners.same_name": (
        '"{name}" is the same department as "{other}" (they differ only in spaces or case): keep one line',
        "“{name}”与“{other}”是同一单位(仅空格或大小写不同):请合并为一行",
    ),
    "owners.twice": ("{name} lists {target} twice: remove one", "{name} 重复列出了 {target}:请删去一处"),
    "owners.lead_and_co": (
        "{name} both leads and helps with {target}: keep it under [owners] or [co-owners], not both",
        "{name} 对 {target} 既是牵头单位又是配合单位:请只保留 `[owners]` 或 `[co-owners]` 中的一处",
    ),
    "owners.no_lead": (
        "{target} has co-owners ({owners}) but no lead: add it to a department in [owners]",
        "{target} 有配合单位({owners})但没有牵头单位:请在 `[owners]` 中为其指定牵头单位",
    ),
    "owners.unowned": (
        "{target} ({title}) is asked for in {period} but has no owner: add it to a department in [owners]",
        "{target}({title})在{period}应报送,但尚未分配责任单位:请在 `[owners]` 中添加",
    ),
    "owners.not_list": (
        '[{table}] "{name}" must be a list of targets in quotes: "{name}" = ["cross-city-total", "跨城通办新增"]',
        '[{table}] 中“{name}”应为带引号的指标列表,如 "{name}" = ["cross-city-total", "跨城通办新增"]',
    ),
    "toml.quote_key": (
        'a name in Chinese or with spaces needs quotes: "{key}" = ...',
        '中文或含空格的名称须加引号:"{key}" = ...',
    ),
    "owners.label": ("owners", "责任单位"),
    "check.owners_ok": (
        "{path}: {owners} owners, holding {targets} targets",
        "{path}:{owners} 个责任单位,负责 {targets} 项指标",
    ),
    "owners.named": ("{name} ({role})", "{name}({role})"),
    "role.lead": ("lead", "牵头"),
    "role.co": ("helps", "配合"),
    "owners.none_for": (
        "none yet: add it to a department in gdz.toml [owners]",
        "尚未分配:请在 gdz.toml 的 `[owners]` 中添加",
    ),
    "owners.filter": ("owner {owner}", "责任单位 {owner}"),
    "owners.where": (
        "owners: {count} in {path}; returns {cadence}, due on day {due} of the following month",
        "责任单位:{count} 个,见 {path};按{cadence}报送,次月 {due} 日截止",
    ),
    "owners.where_none": (
        "owners: none declared (add [owners] to gdz.toml: README, Reporting round)",
        "责任单位:未设置(可在 gdz.toml 中添加 `[owners]`,见 README 的 `Reporting round` 一节)",
    ),
    "cadence.month": ("monthly", "月"),
    "cadence.quarter": ("quarterly", "季度"),
    "cadence.half": ("half-yearly", "半年"),
    "cadence.year": ("yearly", "年度"),
    # periods
    "period.bad": (
        '"{value}" is not a period: write a month 2024-03, a quarter 2024Q1, a half 2024H1 or a year 2024',
        "“{value}”不是有效的报告期:请写月份 2024-03、季度 2024Q1、半年 2024H1 或年份 2024"
        "(也可写 2024年3月、2024年第一季度、2024年上半年)",
    ),
    "period.bad_cadence": (
        '"{value}" is no reporting cycle: write month, quarter, half or year (月、季度、半年、年)',
        "“{value}”不是有效的报送周期:请写 `month`、`quarter`、`half` 或 `year`(也可写 月、季度、半年、年)",
    ),
    "period.bad_due_day": (
        '"{value}" is no day of a month: write 1 to 31 (31: the month\'s last day)',
        "“{value}”不是有效的日:请写 1 到 31(31 表示当月最后一天)",
    ),
    "period.bad_due": (
        '"{value}" is no due day: write a date (2024-04-05) or a day of the month after the period (5)',
        "“{value}”不是有效的截止日期:请写日期(如 2024-04-05)或报告期次月的某日(如 5)",
    ),
    "period.due_before": (
        "the due day {due} is before the period {period} begins: give a later day",
        "截止日期 {due} 早于报告期 {period} 的开始:请写更晚的日期",
    ),
    # the returns
    "state.late": ("late", "逾期"),
    "state.pending": ("pending", "待报"),
    "state.complete": ("complete", "已报齐"),
    "state.nothing-due": ("nothing due", "无需报送"),
    "skip.not-set": ("set after this period", "本期之后才提出"),
    "skip.done": ("done before this period", "本期前已完成"),
    "skip.met": ("met, and its deadline has passed", "已达到目标且已过期限"),
    "skip.year-end": (
        "reported yearly, in the period holding 31 December",
        "按年度报送,仅在年末所在的报告期填报",
    ),
    "skip.one-off": ("a one-off fact, logged when it happens", "一次性事项,发生时记录"),
    "returns.title": ("Returns for {period}", "{period}报送情况"),
    "returns.span": ("{first} to {last}", "{first} 至 {last}"),
    "returns.due_past": ("due {due}, {days} days ago", "截止 {due},已过 {days} 天"),
    "returns.due_today": ("due today, {due}", "今天({due})截止"),
    "returns.due_tomorrow": ("due tomorrow, {due}", "明天({due})截止"),
    "returns.due_yesterday": ("due yesterday, {due}", "截止 {due},已过 1 天"),
    "returns.due_ahead": ("due {due}, in {days} days", "截止 {due},还有 {days} 天"),
    "returns.days_short": ("{days}d", "{days}天"),
    "returns.owners_label": ("Owners", "责任单位"),
    "returns.targets_label": ("Targets", "指标"),
    "returns.owner_count": ("{count} in all", "共 {count} 个"),
    "returns.target_count": (
        "{returned} of {owed} owed have a figure for the period · {missing} missing",
        "应报 {owed} 项,已报 {returned} 项,尚缺 {missing} 项",
    ),
    "returns.owner": ("owner", "责任单位"),
    "returns.reported": ("reported", "已报"),
    "returns.state": ("status", "状态"),
    "returns.missing": ("missing", "未报"),
    "returns.missing_label": ("missing:", "尚缺:"),
    "returns.missing_column": ("missing", "尚缺"),
    "returns.no_owners": ("no owner holds a target", "没有单位负责任何指标"),
    "returns.owner_helps": ("{name} (helps with {count})", "{name}(配合 {count} 项)"),
    "returns.helps_title": ("{title} (helping)", "{title}(配合)"),
    "returns.this_period": ("this period", "本期数值"),
    "returns.previous": ("last figure", "上次数值"),
    "returns.baseline_figure": ("{figure} (baseline)", "{figure}(基线)"),
    "returns.not_asked": ("Not asked for this period:", "本期无需报送:"),
    "returns.skipped_item": ("{title} ({reason})", "{title}({reason})"),
    "returns.unowned_label": (
        "{count} targets asked for this period have no owner:",
        "本期应报但未分配责任单位的指标 {count} 项:",
    ),
    "returns.unowned": (
        "{count} targets asked for this period have no owner: {titles}",
        "本期应报但未分配责任单位的指标 {count} 项:{titles}",
    ),
    "returns.heading": ("Returns for {period} · {due}", "{period}报送情况 · {due}"),
    "returns_column.period": ("period", "报告期"),
    "returns_column.due": ("due", "截止日期"),
    "returns_column.owner": ("owner", "责任单位"),
    "returns_column.state": ("state", "状态"),
    "returns_column.owed": ("owed", "应报"),
    "returns_column.returned": ("returned", "已报"),
    "returns_column.missing": ("missing", "尚缺"),
    "returns_column.missing_targets": ("missing_targets", "尚缺指标编号"),
    "returns_column.missing_titles": ("missing_titles", "尚缺指标"),
    "returns_column.helps": ("helps", "配合"),
    "returns_column.days_late": ("days_late", "逾期天数"),
    "returns.remind_format": (
        "--remind prints a text to paste, not a report: leave out --format and -o",
        "`--remind` 输出的是可直接粘贴的提醒文字,不是报表:请去掉 `--format` 和 `-o`",
    ),
    # the reminder
    "remind.overdue": (
        "[Reminder: business-environment figures] Figures for {period} were due by {due}. As of {today}, "
        "these departments have not reported in full:",
        "【营商环境指标报送提醒】{period}数据应于{due}前报送,现已逾期。截至{today},以下单位尚未报齐:",
    ),
    "remind.upcoming": (
        "[Reminder: business-environment figures] Figures for {period} are due by {due}. As of {today}, "
        "these departments have not reported in full:",
        "【营商环境指标报送提醒】{period}数据请于{due}前报送。截至{today},以下单位尚未报齐:",
    ),
    "remind.owner": ("{number}. {owner} ({count}: {titles})", "{number}. {owner}({count}项:{titles})"),
    "remind.complete": ("Departments reported in full: {count}.", "已报齐:{count}个单位。"),
    "remind.ask_late": ("Please send the missing figures as soon as possible.", "请尚未报齐的单位尽快报送。"),
    "remind.ask": ("Please send them by the due day.", "请各单位按时报送。"),
    "remind.contact": ("Questions: {contact}.", "如有疑问请联系{contact}。"),
    "remind.all_in": (
        "Figures for {period}: every department has reported in full; nobody to remind.",
        "{period}数据各责任单位均已报齐,无需催报。",
    ),
    # the fill-in form
    "form.title": ("Business-environment figures: return form", "营商环境指标填报表"),
    "form.heading": (
        "{owner} · {period} · business-environment return form",
        "{owner} · {period}营商环境指标填报表",
    ),
    "form.file_name": ("{owner}-{period}-return-form", "{owner}-{period}-营商环境指标填报"),
    "form.folder_name": ("return-forms-{period}", "营商环境指标填报-{period}"),
    "form.sheet_guide": ("Instructions", "填报说明"),
    "form.sheet_form": ("Form", "填报表"),
    "form.period_span": ("{period} ({first} to {last})", "{period}({first} 至 {last})"),
    "form.due_by": ("send it back by {due}", "请于{due}前报送"),
    "form.asked": ("To fill in", "填报指标"),
    "form.asked_count": (
        "{count} targets: {leads} you lead, {helps} you help with",
        "共 {count} 项:牵头 {leads} 项,配合 {helps} 项",
    ),
    "form.how": ("How to fill it in", "填写方法"),
    "form.step_sheet": (
        "Open the sheet “{sheet}”: one row per target. Grey cells are for reference and cannot be changed; "
        "fill in only the yellow cells.",
        "打开“{sheet}”工作表,每个指标一行。灰色单元格为参考信息,不能修改;只需填写黄色单元格。",
    ),
    "form.step_value": (
        "Figure: a number in the target's unit (the Unit column), such as 1020 or 87.6, without the unit. Where "
        "the source says more than, at least or about, write >1000, >=100 or ~25 (the sheet warns; choose Yes). "
        "For a milestone, choose done or not done from the list.",
        "本期数值:按“单位”列填写数字,如 1020、87.6,不写单位。数据出处写明“超过”“不少于”“约”的,"
        "可填 >1000、>=100、~25(表格会提示,选“是”即可)。里程碑类指标从下拉列表选择“已完成”或“未完成”。",
    ),
    "form.step_date": (
        "Date it describes: filled in with the period's last day ({last}); where the figure is as of another "
        "day, write that day (YYYY-MM-DD).",
        "数据日期:数值所反映的日期,已预填为报告期最后一天({last});数据截至其他日期的,请改为实际日期(如 {last})。",
    ),
    "form.step_source": (
        "Source: the document, report or system the figure comes from. Note: what a reader needs to know. "
        "Filled in by: your name.",
        "数据来源:填写数据出处(文件、报表或系统名称)。备注:需要说明的口径或情况。填报人:填写人姓名。",
    ),
    "form.step_empty": (
        "A target with no figure yet: leave its row empty.",
        "本期暂无数据的指标,整行留空即可。",
    ),
    "form.step_keep": (
        "Do not change the header, the target ids, or the rows “{owner}” and “{period}”: they tell gdz whose "
        "form this is. Save it as .xlsx and send it back by {due}.",
        "请勿修改表头、指标编号以及“{owner}”“{period}”两行(系统据此识别本表)。填好后保存为 .xlsx 格式,于{due}前发回。",
    ),
    "form.csv_guide": (
        "One row per target: fill in only Figure, Date it describes, Source, Note and Filled in by, and change "
        "nothing else. Figure: a number in the Unit column's unit (a milestone: done or not done; a bound as "
        ">1000, >=100 or ~25). Date: filled in with the period's last day ({last}). A target with no figure "
        "yet: leave its row empty. Save as CSV and send it back by {due}.",
        "每个指标一行,只填“本期数值”“数据日期”“数据来源”“备注”“填报人”五列,其余内容请勿改动。本期数值按“单位”列"
        "填数字(里程碑填“已完成”或“未完成”,有限定的可写 >1000、>=100、~25);数据日期已预填为报告期最后一天"
        "({last});暂无数据的指标整行留空。填好后保存为 CSV 格式,于{due}前发回。",
    ),
    "form.lead": ("lead", "牵头"),
    "form.helps": ("helping {leads}", "配合(牵头:{leads})"),
    "form.hint": (
        "Grey: for reference. Yellow: to fill in. How: see the sheet “Instructions”.",
        "灰色为参考信息,黄色为填写区;填写方法见“填报说明”工作表。",
    ),
    "form.not_asked": ("Not asked for this period", "本期无需填报"),
    "form.contact": ("Questions", "联系方式"),
    "form.made": ("made by gdz {version} on {day}", "由 gdz {version} 于 {day} 生成"),
    "form.page": ("page &P of &N", "第 &P 页,共 &N 页"),
    "form.date_title": ("Date it describes", "数据日期"),
    "form.date_input": ("The day the figure describes, such as {day}.", "数值所反映的日期,如 {day}。"),
    "form.date_error": ("Write a date, such as {day}.", "请填写日期,如 {day}。"),
    "form.milestone_title": ("Milestone", "里程碑"),
    "form.milestone_input": (
        "Choose done or not done from the list.",
        "请从下拉列表选择“已完成”或“未完成”。",
    ),
    "form.milestone_error": (
        "Choose done or not done from the list.",
        "请从下拉列表选择“已完成”或“未完成”。",
    ),
    "form.value_title": ("Figure in {unit}", "单位:{unit}"),
    "form.value_input": (
        "A number, without the unit; a bound as >1000, >=100 or ~25.",
        "填数字,不写单位;有限定的可写 >1000、>=100、~25。",
    ),
    "form.value_check": ("Check the figure", "请核对数值"),
    "form.percent_error": (
        "A percentage is between 0 and 100. Where you wrote a bound such as >90, choose Yes.",
        "百分比应在 0 到 100 之间。如填写的是 >90 这类限定值,请选“是”。",
    ),
    "form.count_error": (
        "A count is a whole number, 0 or more. Where you wrote a bound such as >1000, choose Yes.",
        "个数应为不小于 0 的整数。如填写的是 >1000 这类限定值,请选“是”。",
    ),
    "form.number_error": (
        "A number from {low} to {high}. Where you wrote a bound such as >100, choose Yes.",
        "应为 {low} 到 {high} 之间的数字。如填写的是 >100 这类限定值,请选“是”。",
    ),
    "form.stray_cell": (
        "a cell outside the form's columns: write it in the Note column, or empty it",
        "表格列之外的单元格:请写入“备注”列,或清空",
    ),
    # a form read back by `gdz import`
    "form.read": ("a return form of {owner} for {period}, due {due}", "{owner}{period}填报表(截止 {due})"),
    "form.unfilled": (
        "{count} rows left without a figure: nothing recorded for them",
        "{count} 行未填本期数值,不作记录",
    ),
    "form.unfilled_words": (
        "row {row}, {target}: no figure, but it says “{words}”; nothing was recorded for it",
        "第 {row} 行 {target}:未填数值,但写有“{words}”;该行未作记录",
    ),
    "form.outside": (
        "{figures} dated outside {period}: logged by their dates, no return for {period}",
        "有 {figures}的数据日期不在{period}内:已按其日期记录,但不计入{period}的报送",
    ),
    "form.not_owned": (
        "{targets}: not {owner}'s targets in gdz.toml; logged all the same",
        "{targets} 不是 gdz.toml 中 {owner} 负责的指标;仍已记录",
    ),
    "form.unknown_owner": ("{owner} is no owner in gdz.toml", "gdz.toml 中没有责任单位“{owner}”"),
    "form.other_period": (
        "this form is for {period}; the round now collects {current}",
        "此表为{period}填报表;当前报送的是{current}",
    ),
    "form.bad_period": (
        "its period cell reads “{value}”, no period: each figure is logged by its own date",
        "其报告期单元格为“{value}”,不是有效的报告期:各数值按其数据日期记录",
    ),
    # `gdz export template`
    "template.wrote": ("wrote {path} ({owner}, {count} targets)", "已写入 {path}({owner},{count} 项指标)"),
    "template.nothing": (
        "{owner}: nothing is asked for {period}; no form written",
        "{owner}:{period}无需填报,未生成填报表",
    ),
    "template.done": (
        "{count} forms for {period}, due {due}, in {folder}: send each to its department, then `gdz import` "
        "the files sent back",
        "已在 {folder} 生成{period}填报表 {count} 份,截止 {due}:请分别发给各单位,收回后用 `gdz import` 导入",
    ),
    "template.filled": (
        "{path}: already there with figures filled in (a form sent back?); import or move it, or give --force "
        "to replace it",
        "{path} 已存在且已填有数值(可能是收回的填报表);请先导入或移走,或加 --force 覆盖",
    ),
    "template.not_form": (
        "{path}: already there, and not an empty form gdz wrote; move it, or give --force to replace it",
        "{path} 已存在,且不是 gdz 生成的空白填报表;请移走,或加 --force 覆盖",
    ),
    "template.in_the_way": (
        "{count} files are in the way; nothing was written",
        "有 {count} 个文件挡在路径上;未写入任何文件",
    ),
    "template.one_file": (
        "several forms need a folder: give -o FOLDER/ or --owner NAME",
        "多份填报表需写入文件夹:请用 `-o 文件夹/` 或 `--owner 单位`",
    ),
    "template.format": (
        "a form is .xlsx or .csv, not {format}",
        "填报表只能是 .xlsx 或 .csv,不能是 {format}",
    ),
    "template.not_for": ("{option} is not for `gdz export {what}`", "`gdz export {what}` 不接受 {option}"),
}
