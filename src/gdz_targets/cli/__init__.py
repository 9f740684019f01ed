"""The `gdz` command line: Typer commands that parse, load, analyse and render; nothing more."""

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from gdz_targets import __version__
from gdz_targets.errors import GdzError

from .common import error_lang, warn


class GdzGroup(TyperGroup):
    """Turns every domain error into its message(s) on stderr and its documented exit code: the one place."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except GdzError as error:
            report_error(error)
            raise typer.Exit(int(error.exit_code)) from None


def report_error(error: GdzError) -> None:
    from gdz_targets.i18n import render, render_problem

    lang = error_lang()
    if error.problems:
        for problem in error.problems:
            warn(f"gdz: {render_problem(problem, lang)}")
        if len(error.problems) > 1 or error.message != error.problems[0].message:
            warn(f"gdz: {render(error.message, lang)}")
    else:
        warn(f"gdz: {render(error.message, lang)}")


app = typer.Typer(
    cls=GdzGroup,
    name="gdz",
    help="Track Dongguan's plan to match Guangzhou's and Shenzhen's business environment (广深莞一体化).",
    epilog="Exit codes: 0 ok, 1 problems found, 2 bad input, 3 bad plan or log file, 4 cannot write.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"gdz {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """Track Dongguan's plan to match Guangzhou's and Shenzhen's business environment (广深莞一体化)."""


from . import plan_commands, progress_commands, report_commands, workspace_commands  # noqa: E402

for module in (report_commands, progress_commands, plan_commands, workspace_commands):
    module.register(app)


def main() -> None:
    app()
