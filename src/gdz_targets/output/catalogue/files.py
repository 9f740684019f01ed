"""Files gdz reads and writes, the reasons the system gives, workspaces, and the command line itself."""

from typing import Final

# key: (English, Chinese). Parameters in braces; a parameter may itself be a Message.
WORDS: Final[dict[str, tuple[str, str]]] = {
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
    "completion.installed": (
        "{shell} completion installed in {path}; it works in terminals opened from now on",
        "已为 {shell} 安装补全脚本:{path};此后新开的终端即可使用",
    ),
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
}
