"""Every file gdz reads or writes goes through here: regular files only, bounded reads, atomic replacement.

Reading never blocks on a FIFO, never reads a device without end, and names the file and the fix when it
cannot. Writing a report replaces a regular file atomically, follows a symbolic link to the file it names,
writes to a device, FIFO or socket directly, and never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import time
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Final, TypeAlias

from gdz_targets.domain.errors import (
    DataError,
    GdzError,
    Message,
    Problem,
    UsageError,
    WriteError,
    msg,
)
from gdz_targets.system import os_reason

_BOM = b"\xef\xbb\xbf"
_TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$"
MIB: Final = 1 << 20
PLAN_LIMIT: Final = 16 * MIB  # the shipped plan is about 50 KB


def canonical(path: Path) -> str:
    """The path with links resolved, so that one file reached two ways shares one cache; as given (made
    absolute) where it cannot be resolved, such as a loop of links — the read that follows says why."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def os_failure(
    error: type[GdzError], path: Path | str, exc: OSError, key: str = "file.unreadable"
) -> GdzError:
    """The project's error for an operating-system error on `path`: one line naming the file and why."""
    if isinstance(exc, IsADirectoryError):
        return error(msg("file.is_directory", path=str(path)))
    if isinstance(exc, FileNotFoundError) and key == "file.unreadable":
        return error(msg("file.missing", path=str(path)))
    return error(msg(key, path=str(path), reason=os_reason(exc)))


def make_directory(directory: Path) -> None:
    """Create a directory and its parents; a file standing where a directory must go is named."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        for part in (directory, *directory.parents):
            if part.is_symlink() and not part.exists():
                reason = msg("reason.broken_link")
                raise WriteError(msg("write.failed", path=str(part), reason=reason)) from None
            if part.exists() and not part.is_dir():
                raise WriteError(msg("file.not_directory", path=str(part))) from None
        raise os_failure(WriteError, directory, exc, "write.failed") from None
    except OSError as exc:
        raise os_failure(WriteError, directory, exc, "write.failed") from None


def open_for_reading(
    path: Path, missing_ok: bool = False, error: type[GdzError] = DataError
) -> IO[bytes] | None:
    """Open a regular file to read: never blocks on a FIFO; a directory, device, FIFO or socket is refused.

    With `missing_ok` a missing file gives None; otherwise every failure raises `error` naming the file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        if missing_ok:
            return None
        raise os_failure(error, path, exc) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket: not a file to read
            raise error(msg("file.not_regular", path=str(path))) from None
        raise os_failure(error, path, exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise error(msg("file.is_directory", path=str(path)))
        if not stat.S_ISREG(mode):
            raise error(msg("file.not_regular", path=str(path)))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


CACHE_LIMIT: Final = 1 << 30  # bytes: the index of a million entries is some 40 MB


def open_cache(path: Path) -> IO[bytes] | None:
    """A cache file to read, or None where there is none, it is no regular file, or it is larger than any
    cache gdz writes (a sparse file put in its place would be read into memory whole): a cache is rebuilt,
    never waited for (a FIFO put in its place) nor complained of."""
    try:
        handle = open_for_reading(path, missing_ok=True)
    except GdzError:
        return None
    if handle is not None and os.fstat(handle.fileno()).st_size > CACHE_LIMIT:
        handle.close()
        return None
    return handle


def append_cache(path: Path, line: str) -> None:
    """Append a line to a regular cache file; anything else (a FIFO, a full disk) is ignored: the log stays
    the truth, and the cache is rebuilt from it."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o666)
        with os.fdopen(fd, "a", encoding="ascii") as handle:
            if stat.S_ISREG(os.fstat(fd).st_mode):
                handle.write(line)


def read_bytes(
    path: Path, limit: int | None = None, missing_ok: bool = False, error: type[GdzError] = DataError
) -> bytes:
    """A regular file's bytes (b"" for a missing one with `missing_ok`), refused when over `limit` bytes."""
    handle = open_for_reading(path, missing_ok=missing_ok, error=error)
    if handle is None:
        return b""
    with handle:
        try:
            data = handle.read() if limit is None else handle.read(limit + 1)
        except OSError as exc:
            raise os_failure(error, path, exc) from None
    if limit is not None and len(data) > limit:
        raise error(msg("file.too_large", path=str(path), limit=f"{limit // MIB} MiB"))
    return data


def decode_utf8(data: bytes, path: str, error: type[GdzError] = DataError) -> str:
    """Decode UTF-8, dropping a BOM; non-UTF-8 bytes raise `error` at their line and column."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problem = Problem(path, msg("file.not_utf8", byte=f"0x{data[exc.start]:02x}"), line, column)
        raise error(problem.message, [problem]) from None


def read_toml(path: Path, limit: int = PLAN_LIMIT) -> tuple[dict[str, Any], str]:
    """A TOML file's data and its text; a syntax error raises a DataError at the line and column it names."""
    import tomllib

    text = decode_utf8(read_bytes(path, limit), str(path))
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        problem = _toml_problem(str(path), exc, text)
        raise DataError(problem.message, [problem]) from None
    except RecursionError:  # nesting deeper than Python's stack: no plan is written like that
        problem = Problem(str(path), msg("toml.too_deep"), 1, 1)
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
    detail = toml_detail(message)
    # `市政数局 = [...]`: a key in Chinese or with spaces needs quotes, which a hand-edited file often lacks.
    written = text.splitlines()[line - 1] if line is not None and line <= len(text.splitlines()) else ""
    bare = re.match(r"\s*([^\s#\[\"'=][^=\"']*?)\s*=", written)
    if bare and not re.fullmatch(r"[A-Za-z0-9_.-]+", bare.group(1)):
        detail = msg("toml.quote_key", key=bare.group(1))
    return Problem(path, msg("toml.syntax", detail=detail), line, column)


# What tomllib says, by the catalogue key that says it in the user's language; a name it quotes is kept.
_TOML_WORDS: Final = {
    "Invalid value": "toml.invalid_value",
    "Unterminated string": "toml.unterminated_string",
    "Expected '=' after a key in a key/value pair": "toml.expected_equals",
    "Expected newline or end of document after a statement": "toml.expected_newline",
    "Invalid statement": "toml.invalid_statement",
    "Invalid initial character for a key part": "toml.bad_key",
    "Cannot overwrite a value": "toml.overwrite",
    "Unclosed array": "toml.unclosed_array",
    "Unclosed inline table": "toml.unclosed_table",
    "Invalid date or datetime": "toml.bad_date",
    "Expected ']' at the end of a table declaration": "toml.unclosed_header",
    "Expected ']]' at the end of an array declaration": "toml.unclosed_header",
}
_TOML_NAMED: Final = (
    (r"Cannot declare (.+) twice", "toml.declared_twice"),
    (r"Duplicate inline table key (.+)", "toml.declared_twice"),
    (r"(?:Illegal|Found invalid) character (.+)", "toml.bad_character"),
)


def toml_detail(text: str) -> Message:
    """tomllib's reason for refusing a file, as a message (its own words where it is rare)."""
    text = text.strip()
    if text in _TOML_WORDS:
        return msg(_TOML_WORDS[text])
    for pattern, key in _TOML_NAMED:
        found = re.fullmatch(pattern, text)
        if found:
            return msg(key, name=found.group(1))
    return msg("toml.other", detail=text)


Payload: TypeAlias = "bytes | Sequence[bytes | memoryview | array[Any]]"


def atomic_write(path: Path, data: Payload, durable: bool = True, sync_directory: bool = True) -> None:
    """Replace `path` with `data`: write a temporary file in the same directory, then rename it over `path`.

    On any error the old file is left as it was and the temporary file removed. `durable` also fsyncs the file
    and the directory (exports, repairs); caches, which can always be rebuilt, skip that cost."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise os_failure(WriteError, path, exc, "write.failed") from None
    if path.is_dir():
        raise WriteError(msg("file.is_directory", path=str(path)))
    temp = directory / f".{path.name}.{os.getpid()}-{time.monotonic_ns()}.tmp"
    try:
        # 0o666 less the umask, as for any new file
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise os_failure(WriteError, path, exc, "write.failed") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_parts(handle, data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise os_failure(WriteError, path, exc, "write.failed") from None
    if durable and sync_directory:
        fsync_directory(directory)


def create_new(path: Path, data: bytes) -> bool:
    """Create a file that must not exist yet, holding `data`, durably; False, writing nothing, where a file of
    that name is there already (made meanwhile by another process: it is never replaced)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileExistsError:
        return False
    except OSError as exc:
        raise os_failure(WriteError, path, exc, "write.failed") from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise os_failure(WriteError, path, exc, "write.failed") from None
    finally:
        os.close(fd)
    fsync_directory(path.parent)
    return True


def _write_parts(handle: IO[bytes], data: Payload) -> None:
    for part in [data] if isinstance(data, bytes) else data:  # parts are written without joining them
        handle.write(part)


def write_report(name: str | Path, data: bytes, sync_directory: bool = True) -> None:
    """Write a report to a file: a regular file (or the file a symbolic link names) is replaced atomically,
    and only if it may be written; a device, FIFO or socket is written to directly. `sync_directory=False`:
    for many files written into one directory, which the caller then syncs once (`fsync_directory`)."""
    if isinstance(name, str) and name.endswith(("/", os.sep)):  # `-o out.csv/` asks for a directory
        raise UsageError(msg("write.names_directory", path=name))
    path = Path(name)
    try:
        target = path.resolve(strict=False) if path.is_symlink() else path
    except (OSError, RuntimeError) as exc:  # a loop of symbolic links, a name too long
        raise WriteError(msg("write.failed", path=str(path), reason=os_reason(exc))) from None
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        atomic_write(target, data, sync_directory=sync_directory)
        return
    except OSError as exc:
        raise os_failure(WriteError, path, exc, "write.failed") from None
    if stat.S_ISDIR(mode):
        raise WriteError(msg("file.is_directory", path=str(path)))
    if not stat.S_ISREG(mode):
        _write_in_place(target, data)
        return
    if not os.access(target, os.W_OK):
        raise WriteError(msg("write.read_only", path=str(path)))
    atomic_write(target, data, sync_directory=sync_directory)


def _write_in_place(path: Path, data: bytes) -> None:
    """Write to a device, FIFO or socket as it is (it cannot be replaced); a FIFO nobody reads is refused."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise os_failure(WriteError, path, exc, "write.failed") from None
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise os_failure(WriteError, path, exc, "write.failed") from None
    finally:
        os.close(fd)


def fsync_directory(directory: Path) -> None:
    """Make a rename or a new file in `directory` durable (a no-op where directories cannot be opened)."""
    if sys.platform == "win32":
        return
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
