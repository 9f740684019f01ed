"""The console: where a laid-out screen is printed, with Rich (which only the screens and this module import).
Everything here draws; nothing decides."""

from __future__ import annotations

import io
import sys

from rich.console import Console
from rich.text import Text

from .stream import terminal_width, write_screen


def make_console() -> Console:
    """A console that honours NO_COLOR and draws no escape codes when the output is not a terminal; what it
    draws is written by `stream`, the one place that writes to the terminal, at the width `stream` says."""
    # Rich reads COLUMNS and LINES itself, with int() after isdigit(), which "²" passes — unless it is given
    # the width and the height, as here (tests/test_hostile.py holds it to that).
    return Console(file=sys.stdout or io.StringIO(), highlight=False, emoji=False, soft_wrap=False,
                   width=terminal_width(), height=25)  # fmt: skip


def print_view(console: Console, view: Text) -> None:
    """Print a laid-out view as it is: its lines already fit the width they were laid out for."""
    if not console.is_terminal:
        write_screen(view.plain)  # no styles to draw, so Rich's segment rendering is not needed
        return
    with console.capture() as captured:
        console.print(view, soft_wrap=True, end="")
    write_screen(captured.get())
