"""The one place gdz writes to the terminal. Standard output may be closed, full, a pipe whose reader has
gone (`gdz status | head`), or unable to encode Chinese or the status signs (a GBK or ASCII console): none of
that is a traceback. Text that the output cannot encode falls back to ASCII signs; a lost output is said once
on standard error by `cli`, whose exit code says whether it mattered."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import IO, Final

from gdz_targets.domain.errors import Message, WriteError, msg
from gdz_targets.system import os_reason

# Signs gdz prints, and what stands in for them where the output's encoding has no such character.
ASCII_SIGNS: Final = str.maketrans(
    {"✔": "+", "✖": "x", "✓": "v", "✗": "x", "▲": "^", "◆": "*", "●": "o", "○": "o", "·": "-", "—": "-",
     "…": "...", "▮": "#", "▯": ".", "≈": "~", "→": "->", "─": "-", "┊": "|", "▁": "_", "▂": "_", "▃": "-",
     "▄": "-", "▅": "=", "▆": "=", "▇": "#", "█": "#", "“": '"', "”": '"', "‘": "'", "’": "'"}
)  # fmt: skip

# Why standard output could not be written, if it could not; None where its reader went away (no fault).
_lost: list[Message | None] = []


def write_out(text: str) -> None:
    """Write text to standard output; a failure is noted (once, on standard error) instead of raised."""
    if _lost:
        return
    stream = sys.stdout
    if stream is None:  # started with standard output closed (`gdz ... >&-`)
        _lost.append(msg("reason.closed"))
        return
    try:
        _write_text(stream, text)
    except BrokenPipeError:
        _stop_writing(stream)  # the reader has gone (`| head`): nothing more to say, nothing wrong
        _lost.append(None)
    except (OSError, ValueError) as exc:  # ENOSPC (/dev/full), EIO, or a file closed underneath
        _lost.append(os_reason(exc) if isinstance(exc, OSError) else msg("reason.closed"))
        _stop_writing(stream)


# Whether a screen taller than the terminal goes through a pager (`gdz --no-pager` says no).
_paging: list[bool] = [True]
DEFAULT_PAGER: Final = "less -FRX"  # as git's: quit at once if it fits, keep colours, leave it on the screen


def set_paging(on: bool) -> None:
    _paging[0] = on


def write_screen(text: str) -> None:
    """A screen for the terminal: through a pager, as git's are, where it is taller than the terminal —
    GDZ_PAGER, else PAGER, else `less -FRX`; an empty GDZ_PAGER, `cat` or `gdz --no-pager` writes it as it is,
    as does any output that is not a terminal. A pager that cannot be started is passed over."""
    command = os.environ.get("GDZ_PAGER")
    if command is None:
        command = os.environ.get("PAGER") or DEFAULT_PAGER
    if not (_paging[0] and stdout_is_terminal() and command.strip() not in ("", "cat") and _taller(text)):
        write_out(text)
        return
    import shlex
    import subprocess

    try:
        pager = subprocess.Popen(
            shlex.split(command), stdin=subprocess.PIPE, env={**os.environ, "LESSCHARSET": "utf-8"}
        )
    except (OSError, ValueError):  # no such program, or a command line shlex cannot read
        write_out(text)
        return
    assert pager.stdin is not None
    with contextlib.suppress(OSError):  # the reader quit the pager before the end: no fault
        pager.stdin.write(text.encode("utf-8", "replace"))
        pager.stdin.close()
    pager.wait()


def _taller(text: str) -> bool:
    """Whether the text has more lines than the terminal (its size read from the terminal, never LINES)."""
    try:
        lines = os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1).lines
    except (OSError, ValueError, AttributeError):
        return False
    return 0 < lines < text.count("\n")


def ask(question: str) -> bool:
    """Ask a yes/no question on standard output, the answer read from standard input: only `y`, `yes` or 是
    is a yes; a closed or lost input or output is a no (nothing is done unasked or unseen)."""
    write_out(f"{question} [y/N]: ")
    reason = lost_reason()
    if reason is not None:
        raise WriteError(msg("output.unasked", reason=reason))
    answer = ""
    if sys.stdin is not None and not _lost:
        with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
            answer = sys.stdin.readline()
    if not _is_terminal(sys.stdin):  # no answer typed on a terminal, so none echoed: end the line
        write_out("\n")
    return answer.strip().lower() in ("y", "yes", "是")


def write_bytes(data: bytes) -> None:
    """Write bytes as they are (an export to `-o -` or to stdout) with the same care as `write_out`."""
    if _lost:
        return
    stream = sys.stdout
    if stream is None:
        _lost.append(msg("reason.closed"))
        return
    if _is_terminal(stream):  # a report read on screen: no escape may act on it
        data = _on_screen(data)
    try:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(data.decode("utf-8", "replace"))
        else:
            buffer.write(data)
        stream.flush()
    except BrokenPipeError:
        _stop_writing(stream)
        _lost.append(None)
    except (OSError, ValueError) as exc:
        _lost.append(os_reason(exc) if isinstance(exc, OSError) else msg("reason.closed"))
        _stop_writing(stream)


def _on_screen(data: bytes) -> bytes:
    """Bytes for a terminal: control characters other than line breaks and tabs shown as escapes."""
    from .textwidth import printable

    lines = data.decode("utf-8", "replace").split("\n")
    shown = (printable(line.removesuffix("\r")) + "\r" * line.endswith("\r") for line in lines)
    return "\n".join(shown).encode()


def write_err(text: str) -> None:
    """Write to standard error; if even that is gone, there is nowhere left to say anything."""
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        _write_text(stream, text)


DEFAULT_WIDTH = 80
DEFAULT_HEIGHT = 40  # a terminal as it usually opens: what a screen fits where no terminal says otherwise


def terminal_width() -> int:
    """The width to lay out for: COLUMNS when it is a usable number, else the terminal's, else 80."""
    return _terminal_size("COLUMNS", 0, DEFAULT_WIDTH)


def terminal_height() -> int:
    """The height a screen should fit: LINES when it is a usable number, else the terminal's, else 40."""
    return _terminal_size("LINES", 1, DEFAULT_HEIGHT)


def _terminal_size(variable: str, index: int, default: int) -> int:
    text = os.environ.get(variable, "").strip()
    if text.isdecimal() and 0 < int(text) < 10_000:  # isdigit() admits "²", which int() refuses
        return int(text)
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1)[index]
    except (OSError, ValueError, AttributeError):
        return default
    return size if 0 < size < 10_000 else default


def stderr_is_terminal() -> bool:
    return _is_terminal(sys.stderr)


def stdout_is_terminal() -> bool:
    return _is_terminal(sys.stdout)


def _is_terminal(stream: IO[str] | None) -> bool:
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


class Progress:
    """A count that shows on standard error while long work goes on: only on a terminal, only once the work
    has lasted a second, and gone when it ends (never in a pipe or a file)."""

    DELAY = 1.0  # seconds before anything is shown: short work shows nothing

    def __init__(self, label: str) -> None:
        import time

        self.label, self._clock, self._started, self._shown = label, time.monotonic, time.monotonic(), False
        self._on = stderr_is_terminal()

    def __call__(self, done: int, total: int) -> None:
        if not self._on or self._clock() - self._started < self.DELAY:
            return
        share = done / total if total else 0.0
        cells = round(share * 20)
        write_err(f"\r{self.label} {'▮' * cells}{'▯' * (20 - cells)} {done:,}/{total:,}")
        self._shown = True

    def done(self) -> None:
        if self._shown:
            write_err("\r\x1b[2K")


def lost_reason() -> Message | None:
    """Why some output could not be written, if it could not (a reader that stopped early does not count)."""
    return next((reason for reason in _lost if reason is not None), None)


def say_if_lost(lang: str, done: bool = False) -> bool:
    """Say on standard error that standard output was lost, if it was (`done`: after the command's work was
    saved, so that a script does not repeat it); True if it was."""
    reason = lost_reason()
    if reason is None:
        return False
    from .messages import render

    write_err(f"gdz: {render(msg('output.lost_done' if done else 'output.lost', reason=reason), lang)}\n")
    return True


def reset() -> None:
    """Forget an earlier failure (one process may run several commands: the tests do)."""
    _lost.clear()


def _write_text(stream: IO[str], text: str) -> None:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = text.translate(ASCII_SIGNS)
        text = text.encode(encoding, "replace").decode(encoding) if _known(encoding) else text
    stream.write(text)
    stream.flush()


def _known(encoding: str) -> bool:
    try:
        "".encode(encoding)
    except LookupError:
        return False
    return True


def _stop_writing(stream: IO[str]) -> None:
    """Point standard output at nothing once it has failed (its reader gone, its disk full), so that what is
    still in its buffer goes nowhere at exit instead of failing Python's own last flush: the last write is
    handled like every other, and the exit code stays gdz's."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
