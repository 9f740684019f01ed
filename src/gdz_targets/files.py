"""Reading text files strictly and replacing files atomically."""

from __future__ import annotations

import contextlib
import os
import re
import time
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import DataError, Problem, WriteError, msg

_BOM = b"\xef\xbb\xbf"
_TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$"


def decode_utf8(data: bytes, path: str) -> str:
    """Decode UTF-8, dropping a BOM; non-UTF-8 bytes raise a DataError at their line and column."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problem = Problem(path, msg("file.not_utf8", byte=f"0x{data[exc.start]:02x}"), line, column)
        raise DataError(problem.message, [problem]) from None


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(msg("file.missing", path=str(path))) from None
    except IsADirectoryError:
        raise DataError(msg("file.is_directory", path=str(path))) from None
    except OSError as exc:
        raise DataError(msg("file.unreadable", path=str(path), reason=exc.strerror or str(exc))) from None
    return decode_utf8(data, str(path))


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """A TOML file's data and its text; a syntax error raises a DataError at the line and column it names."""
    import tomllib

    text = read_text(path)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        problem = _toml_problem(str(path), exc, text)
        raise DataError(problem.message, [problem]) from None


def _toml_problem(path: str, exc: ValueError, text: str) -> Problem:
    """Turn a tomllib error into a Problem at the line and column the parser names."""
    message = str(exc)
    match = re.search(_TOML_POSITION, message)
    line = column = None
    if match:
        message = message[: match.start()]
        if match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
        else:
            line = text.count("\n") + 1
            column = len(text) - text.rfind("\n")
    return Problem(path, msg("toml.syntax", detail=message), line, column)


def atomic_write(
    path: Path, data: bytes | Sequence[bytes | memoryview | array[Any]], durable: bool = True
) -> None:
    """Replace `path` with `data`: write a temporary file in the same directory, then rename it over `path`.

    On any error the old file is left as it was and the temporary file removed. `durable` also fsyncs the file
    and the directory (exports, repairs); caches, which can always be rebuilt, skip that cost."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise WriteError(msg("write.failed", path=str(path), reason=exc.strerror or str(exc))) from None
    if path.is_dir():
        raise WriteError(msg("file.is_directory", path=str(path)))
    temp = directory / f".{path.name}.{os.getpid()}-{time.monotonic_ns()}.tmp"
    try:
        # 0o666 less the umask, as for any new file
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise WriteError(msg("write.failed", path=str(path), reason=exc.strerror or str(exc))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for part in [data] if isinstance(data, bytes) else data:  # parts are written without joining them
                handle.write(part)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise WriteError(msg("write.failed", path=str(path), reason=exc.strerror or str(exc))) from None
    if durable:
        fsync_directory(directory)


def fsync_directory(directory: Path) -> None:
    """Make a rename or a new file in `directory` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
