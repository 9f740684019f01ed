"""Help in the user's language: command and option help is written in English and translated when shown."""

import contextlib
import sys
from collections.abc import Iterator
from typing import Any

from typer.core import TyperCommand

from gdz_targets.app.language import resolve_lang
from gdz_targets.output.textwidth import glue, glue_code

from .help_zh import HELP_HEADINGS_ZH, translate_help


def help_lang(args: list[str] | None = None) -> str:
    """`--lang` wherever it stands on the command line (help comes before options are read), else as usual."""
    args = sys.argv[1:] if args is None else args
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return resolve_lang(args[index + 1])
        if arg.startswith("--lang="):
            return resolve_lang(arg.removeprefix("--lang="))
    return resolve_lang(None)


@contextlib.contextmanager
def translated(command: Any, lang: str) -> Iterator[None]:
    """Show `command` (and, for a group, its commands' summaries) in `lang` while its help is formatted."""
    targets = [command, *getattr(command, "commands", {}).values()]
    saved = []
    for target in targets:
        fields = {name: getattr(target, name, None) for name in ("help", "short_help", "epilog")}
        params = [(param, getattr(param, "help", None)) for param in target.params]
        saved.append((target, fields, params))
        for name, text in fields.items():
            setattr(target, name, translate_help(text, lang) if text else text)
        for param, text in params:
            if text:
                param.help = translate_help(text, lang)
    try:
        yield
    finally:
        for target, fields, params in saved:
            for name, text in fields.items():
                setattr(target, name, text)
            for param, text in params:
                param.help = text


def format_translated(command: Any, ctx: Any, formatter: Any, format_help: Any) -> None:
    """Format help through `format_help` in the user's language, folded by terminal cells, examples whole."""
    lang = help_lang()
    ours = _formatter(type(formatter), lang)(width=formatter.width)
    if lang == "zh":
        with translated(command, lang):
            format_help(ctx, ours)
    else:
        format_help(ctx, ours)
    formatter.write(ours.getvalue())


# What help folds only where nothing else fits: an example, a format (YYYY-MM-DD, or YYYY-MM).
_WHOLE = r"\((?:e\.g\. |例:)[^)]*\)|\([A-Z]{4}-[^)]*\)"


def _glued(text: str) -> str:
    import re

    return glue_code(re.sub(_WHOLE, lambda found: glue(found.group()), text))


def _formatter(base: type, lang: str) -> type:
    """Click's help formatter, with headings in `lang`, folding text by terminal cells, never inside an
    option, and keeping an example on one line where it fits."""
    from gdz_targets.output.textwidth import width_of, wrap

    def fold(text: str, width: int) -> list[str]:
        return wrap(_glued(text), width, hyphens=False)

    class GdzFormatter(base):  # type: ignore[misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, HELP_HEADINGS_ZH["Usage: "] if lang == "zh" else prefix)

        def write_heading(self, heading: str) -> None:
            super().write_heading(HELP_HEADINGS_ZH.get(heading, heading) if lang == "zh" else heading)

        def write_text(self, text: str) -> None:
            indent = " " * self.current_indent
            for number, paragraph in enumerate(text.split("\n\n")):
                if number:
                    self.write("\n")
                for line in fold(" ".join(paragraph.split()), max(self.width - self.current_indent, 20)):
                    self.write(f"{indent}{line}\n")

        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            rows = [(term, _labels(definition) if lang == "zh" else definition) for term, definition in rows]
            first = min(max(width_of(term) for term, _ in rows), col_max) + col_spacing
            room = max(self.width - first - self.current_indent, 10)
            for term, definition in rows:
                self.write(" " * self.current_indent + term)
                if not definition:
                    self.write("\n")
                    continue
                if width_of(term) <= first - col_spacing:
                    self.write(" " * (first - width_of(term)))
                else:
                    self.write("\n" + " " * (first + self.current_indent))
                text, _, label = definition.partition("  [")  # Click's "  [default: x]", kept whole
                lines = fold(text, room)
                if label and width_of(lines[-1]) + 3 + width_of(label) <= room:
                    lines[-1] += "  [" + label
                elif label:
                    lines.append("[" + label)
                self.write(lines[0] + "\n")
                for line in lines[1:]:
                    self.write(" " * (first + self.current_indent) + line + "\n")

    return GdzFormatter


def _labels(definition: str) -> str:
    """Click's own words in option lists: the help option, [required], [default: x]."""
    text = translate_help(definition, "zh")
    return text.replace("[required]", "[必填]").replace("[default: ", "[默认:")


def show_help(ctx: Any, param: Any, value: bool) -> None:
    """`--help`: the help through gdz's one writer, so a closed, full or ASCII-only output is no traceback;
    a lost help is said on stderr, exit 4 (a reader that stopped early is no fault, exit 0)."""
    if not value or ctx.resilient_parsing:
        return
    from gdz_targets.output import stream

    stream.write_out(ctx.get_help() + "\n")
    if stream.say_if_lost(help_lang()):
        from gdz_targets.exit_codes import ExitCode

        ctx.exit(int(ExitCode.WRITE))
    ctx.exit()


class HelpThroughStream:
    """Click's help option, printing through gdz's writer (`show_help`)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.callback = show_help
        return option


class GdzCommand(HelpThroughStream, TyperCommand):
    """A command whose help speaks the user's language."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        format_translated(self, ctx, formatter, super().format_help)
