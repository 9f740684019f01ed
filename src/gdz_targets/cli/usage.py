"""Click's command-line errors in gdz's words: one line, in the user's language, with where to look."""

import re
from typing import Any

from gdz_targets.domain.errors import Message, msg

from . import click_api


def usage_message(error: click_api.UsageError, fallback: str) -> Message:
    """The message for a usage error Click raised: an unknown option or command, a missing argument, a
    value not among the choices; anything rarer keeps Click's own words. `fallback`: the command the
    command line names, for an error Click raised without saying which (`gdz log`)."""
    command = error.ctx.command_path if error.ctx is not None else fallback
    text = error.format_message()
    if isinstance(error, click_api.NoSuchOption) and re.fullmatch(r"-[0-9][0-9.,]*", error.option_name):
        return msg("usage.negative", name=error.option_name, command=command)
    if isinstance(error, click_api.NoSuchOption):
        return msg("usage.no_such_option", name=error.option_name, suggest=_suggest(error.possibilities),
                   command=command)  # fmt: skip
    if isinstance(error, click_api.MissingParameter) and error.param is not None:
        return msg("usage.missing", name=_param_name(error.param), command=command)
    if isinstance(error, click_api.BadOptionUsage) and "requires an argument" in text:
        return msg("usage.needs_value", name=error.option_name, command=command)
    if isinstance(error, click_api.BadParameter) and error.param is not None:
        value = re.match(r"'(.*)' is not one of ", error.message)
        choices = getattr(error.param.type, "choices", None)
        if choices and value:
            named = ", ".join(str(getattr(choice, "value", choice)) for choice in choices)
            return msg("usage.not_one_of", name=_param_name(error.param), value=value.group(1), choices=named,
                       command=command)  # fmt: skip
    unknown = re.match(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?", text)
    if unknown:
        names = re.findall(r"'([^']*)'", unknown.group(2) or "")
        return msg("usage.no_such_command", name=unknown.group(1), suggest=_suggest(names))
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", text)
    if extra:
        return msg("usage.extra", args=extra.group(1), command=command)
    return msg("usage.other", detail=text.rstrip("."), command=command)


def _suggest(names: Any) -> Message | str:
    return msg("usage.suggest", names=", ".join(sorted(names))) if names else ""


def _param_name(param: Any) -> str:
    """`--date` for an option, `TARGET` for an argument."""
    options = [name for name in getattr(param, "opts", []) if name.startswith("--")]
    return options[0] if options and param.param_type_name == "option" else (param.human_readable_name or "")
