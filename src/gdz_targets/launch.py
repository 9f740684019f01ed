"""The `gdz` console command. `gdz --version` is answered before Typer loads: scripts ask it often."""

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from gdz_targets import __version__
        from gdz_targets.exit_codes import ExitCode
        from gdz_targets.output import stream

        stream.write_out(f"gdz {__version__}\n")
        if stream.lost_reason() is not None:  # as any command's lost output: said, exit 4
            from gdz_targets.app.language import resolve_lang

            stream.say_if_lost(resolve_lang(None))
            sys.exit(int(ExitCode.WRITE))
        return
    from gdz_targets.cli import main as run

    run()
