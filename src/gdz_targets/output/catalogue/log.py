"""The progress log: its records, logging, voiding and undoing, and `gdz check`."""

from typing import Final

# key: (English, Chinese). Parameters in braces; a parameter may itself be a Message.
WORDS: Final[dict[str, tuple[str, str]]] = {
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
}
