"""The `gdz` console command. `gdz --version` is answered before Typer loads: scripts ask it often."""

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from gdz_targets import __version__
        from gdz_targets.output.stream import write_out

        write_out(f"gdz {__version__}\n")
        return
    from gdz_targets.cli import main as run

    run()
