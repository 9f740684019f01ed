"""Reports out: exports, workbooks, the HTML briefing, charts and pictures, and choosing what they show."""

from typing import Final

# key: (English, Chinese). Parameters in braces; a parameter may itself be a Message.
WORDS: Final[dict[str, tuple[str, str]]] = {
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
    # selection
    "select.unknown_area": ('unknown area "{area}"; {hint}', '未知领域 "{area}";{hint}'),
    "select.unknown_kind": (
        'unknown kind "{kind}"; use numeric, milestone or context',
        '未知类型 "{kind}";可选 numeric、milestone 或 context',
    ),
    "select.unknown_sort": (
        'unknown order "{sort}"; use one of {known}',
        '未知排序 "{sort}";可选:{known}',
    ),
    "select.unknown_status": (
        'unknown status "{status}"; use one of {known}',
        '未知状态 "{status}";可选:{known}',
    ),
}
