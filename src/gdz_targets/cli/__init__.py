"""The `gdz` command line: Typer commands that parse, load, analyse and render; nothing more."""

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from gdz_targets import __version__
from gdz_targets.domain.errors import GdzError, Message
from gdz_targets.exit_codes import ExitCode, exit_code
from gdz_targets.output import stream

from . import click_api
from .common import ROOT_LANG, WROTE, LangOption, add_command, current_session, error_lang, warn
from .helptext import HelpThroughStream


class GdzGroup(HelpThroughStream, TyperGroup):
    """Turns every error — the domain's, and Click's about the command line — into its message(s) on stderr
    and its documented exit code: the one place."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except click_api.UsageError as error:
            from .usage import usage_message

            given = sys.argv[1:] if args is None else list(args)
            named = next((arg for arg in given if arg in COMMAND_MODULES), None)
            warn(f"gdz: {_text_of(usage_message(error, f'gdz {named}' if named else 'gdz'))}")
            code = int(ExitCode.USAGE)
        except typer.Abort:
            warn(f"gdz: {_text('usage.aborted')}")
            code = int(ExitCode.PROBLEMS)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        stream.reset()
        WROTE.set(False)
        try:
            result = super().invoke(ctx)
        except GdzError as error:
            report_error(error)
            raise typer.Exit(int(exit_code(error))) from None
        finally:
            report_notices()
        # A command that has written its change is done: a lost standard output afterwards does not undo it,
        # so it still exits 0 (a script that retried would record the same entry twice).
        written = WROTE.get()
        if stream.say_if_lost(error_lang(), done=written) and not written:
            raise typer.Exit(int(ExitCode.WRITE))
        return result

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from .helptext import format_translated

        format_translated(self, ctx, formatter, super().format_help)

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        for param in params:  # Typer's installer answers in English: gdz says the same in the user's language
            if param.name == "install_completion":
                param.callback = _install_completion
        return params


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """`gdz --install-completion [SHELL]`: Typer installs the script; gdz says where, and when it works."""
    if not value or ctx.resilient_parsing:
        return value
    shell, path = click_api.install_completion(shell=value if isinstance(value, str) else None)
    stream.write_out(_text("completion.installed", shell=shell, path=str(path)) + "\n")
    raise typer.Exit(int(ExitCode.WRITE) if stream.say_if_lost(error_lang()) else 0)


def _text(key: str, **params: object) -> str:
    from gdz_targets.domain.errors import msg

    return _text_of(msg(key, **params))


def _text_of(message: Message) -> str:
    from gdz_targets.output.messages import render

    return render(message, error_lang())


def report_notices() -> None:
    """What a command says besides its output: an incomplete last record in the log it read."""
    made = current_session()
    if made is not None and made.torn is not None:
        from gdz_targets.output.messages import render_problem

        warn(f"gdz: {render_problem(made.torn, made.lang)} — {_text('log.torn_hint')}")
        made.torn = None


def report_error(error: GdzError) -> None:
    from gdz_targets.output.messages import render, render_problem

    lang = error_lang()
    if error.problems:
        # On a terminal a long list is cut (a file can hold 100,000 bad rows); redirected, it is whole.
        shown = error.problems if not stream.stderr_is_terminal() else error.problems[:PROBLEMS_ON_SCREEN]
        for problem in shown:
            warn(f"gdz: {render_problem(problem, lang)}")
        if len(shown) < len(error.problems):
            warn(f"gdz: {_text('error.more_problems', count=len(error.problems) - len(shown))}")
        if len(error.problems) > 1 or error.message != error.problems[0].message:
            warn(f"gdz: {render(error.message, lang)}")
    else:
        warn(f"gdz: {render(error.message, lang)}")


PROBLEMS_ON_SCREEN = 40

# Which module defines each command, so that a run builds only the command it needs.
COMMAND_MODULES = {
    "status": "report_commands", "show": "report_commands", "chart": "report_commands",
    "export": "report_commands",
    "log": "progress_commands", "void": "progress_commands", "undo": "progress_commands",
    "history": "progress_commands", "import": "progress_commands",
    "targets": "plan_commands", "check": "plan_commands",
    "init": "workspace_commands", "where": "workspace_commands",
    "returns": "round_commands",
}  # fmt: skip
_MODULE_ORDER = tuple(dict.fromkeys(COMMAND_MODULES.values()))


def _version(value: bool) -> None:
    if value:
        stream.write_out(f"gdz {__version__}\n")
        raise typer.Exit(int(ExitCode.WRITE) if stream.say_if_lost(error_lang()) else 0)


def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True),
    ] = False,
    lang: LangOption = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Print screens taller than the terminal without a pager.")
    ] = False,
) -> None:
    """Track Dongguan's plan to match Guangzhou's and Shenzhen's business environment (广深莞一体化)."""
    ROOT_LANG.set(lang.value if lang else None)
    stream.set_paging(not no_pager)
    if ctx.invoked_subcommand is None:  # `gdz` alone, the first thing a newcomer types: the help, as --help
        from .helptext import show_help

        show_help(ctx, None, True)


def make_app(only: str | None = None) -> typer.Typer:
    """The gdz command line; with `only`, just that one command.

    Typer turns every command into a Click command on each run; building one instead of twelve is a visible
    part of gdz's start-up (bench/)."""
    app = typer.Typer(
        cls=GdzGroup,
        name="gdz",
        help="Track Dongguan's plan to match Guangzhou's and Shenzhen's business environment (广深莞一体化).",
        epilog="Exit codes: 0 ok, 1 problems found, 2 bad input, 3 bad plan or log file, 4 cannot write.",
        invoke_without_command=True,
        pretty_exceptions_enable=False,
        # Plain help and one-line usage errors: no boxes to break when copied, and no Rich to load for --help.
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(root)
    modules = [COMMAND_MODULES[only]] if only else _MODULE_ORDER
    for name in modules:
        for command_name, command in importlib.import_module(f"gdz_targets.cli.{name}").COMMANDS:
            if only in (None, command_name):
                add_command(app, command_name, command)
    return app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # the full command line, for tests and tools that import it
        return make_app()
    raise AttributeError(name)


def command_named(args: list[str]) -> str | None:
    """The command a run asks for, if it can be built alone (not for help on gdz itself, nor completion)."""
    if os.environ.get("_GDZ_COMPLETE"):
        return None
    for arg in args:
        if arg.startswith("-"):
            return None  # an option before the command: --help, --version, --install-completion
        return arg if arg in COMMAND_MODULES else None
    return None


def main() -> None:
    make_app(command_named(sys.argv[1:]))(prog_name="gdz")
