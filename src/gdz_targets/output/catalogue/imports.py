"""`gdz import`: reading the files departments send, cell by cell."""

from typing import Final

# key: (English, Chinese). Parameters in braces; a parameter may itself be a Message.
WORDS: Final[dict[str, tuple[str, str]]] = {
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
    "log.dated_today": (
        "dated today, {date}; a figure of another day takes --date YYYY-MM-DD (`gdz void` and log again to move it)",
        "按今天 {date} 记录;其他日期的数值请用 --date YYYY-MM-DD(如需更正:`gdz void` 后重新记录)",
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
        "the cell shows {value} as a percentage, but the target is not measured in %; write the figure in its unit",
        "该单元格以百分比显示 {value},但该指标不以 % 计量;请按指标单位填写",
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
}
