"""The `gdz` console command. `gdz --version` is answered before Typer loads: scripts ask it often."""

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from gdz_targets import __version__

        sys.stdout.write(f"gdz {__version__}\n")
        return
    from gdz_targets.cli import main as run

    run()
