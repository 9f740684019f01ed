"""The progress log file: reading it, appending under a lock without ever rewriting, and the one repair."""

from __future__ import annotations

import contextlib
import math
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

from gdz_targets.domain.errors import DataError, Problem, UsageError, WriteError, counted, msg
from gdz_targets.domain.model import Record

from .files import atomic_write, fsync_directory, make_directory, open_for_reading, os_failure, read_bytes

LOG_HEADER: Final = (
    "# gdz progress log: append-only, one record per line. Correct with `gdz void`, not by editing.\n"
)
LOCK_SUFFIX: Final = ".lock"
DEFAULT_LOCK_TIMEOUT: Final = 10.0
MAX_LOCK_TIMEOUT: Final = 3600
LOCK_TIMEOUT_VARIABLE: Final = "GDZ_LOCK_TIMEOUT"


def read_lines_at(path: Path, offsets: Sequence[int]) -> Iterator[Record]:
    """Parse the records that start at the given byte offsets (as an index recorded them)."""
    if not offsets:
        return
    from .records import RecordError, parse_record

    handle = open_for_reading(path)
    assert handle is not None
    with handle:
        for offset in offsets:
            handle.seek(offset)
            try:
                yield parse_record(handle.readline().decode("utf-8"))
            except (RecordError, UnicodeDecodeError) as error:  # the file changed under the index: say where
                handle.seek(0)
                line = handle.read(offset).count(b"\n") + 1
                if isinstance(error, RecordError):
                    problem = Problem(str(path), error.message, line, error.column)
                else:
                    problem = Problem(
                        str(path), msg("file.not_utf8", byte=f"0x{error.object[error.start]:02x}"), line
                    )
                invalid = msg("log.invalid", path=str(path), problems=counted("problem", 1))
                raise DataError(invalid, [problem]) from None


def lock_timeout(environ: Mapping[str, str] = os.environ) -> float:
    """GDZ_LOCK_TIMEOUT in seconds (0 to 3600), else 10; anything else is refused, not guessed."""
    text = environ.get(LOCK_TIMEOUT_VARIABLE)
    if text is None:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 <= seconds <= MAX_LOCK_TIMEOUT:  # also NaN
        raise UsageError(msg("env.lock_timeout", value=text, maximum=MAX_LOCK_TIMEOUT))
    return seconds


@contextlib.contextmanager
def locked(log: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock on `<log>.lock` (never the log itself); give up clearly after `timeout` s."""
    lock_path = log.with_name(log.name + LOCK_SUFFIX)
    limit = lock_timeout() if timeout is None else timeout
    make_directory(log.parent)
    try:
        # Never through a symbolic link: one put in its place would make gdz create or lock a file elsewhere.
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except OSError as exc:
        if os.path.islink(lock_path):
            raise WriteError(msg("log.lock_is_link", path=str(lock_path))) from None
        raise os_failure(WriteError, lock_path, exc, "write.failed") from None
    try:
        deadline = time.monotonic() + limit
        delay = 0.002
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise WriteError(msg("log.lock_timeout", path=str(lock_path), seconds=f"{limit:g}"))
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def append(log: Path, payload: bytes, size_before: int) -> None:
    """Append `payload` with one write loop and fsync; on any error truncate back, so the log is unchanged.

    The caller holds the lock and has checked that the log is `size_before` bytes and ends in a newline.
    """
    created = not log.exists()
    try:
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    except OSError as exc:
        raise os_failure(WriteError, log, exc, "write.failed") from None
    try:
        written = 0
        while written < len(payload):
            written += os.write(fd, payload[written:])
        os.fsync(fd)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, size_before)
            os.fsync(fd)
        raise os_failure(WriteError, log, exc, "write.failed") from None
    finally:
        os.close(fd)
    if created:
        fsync_directory(log.parent)


def repair_torn(log: Path) -> Path | None:
    """Move an incomplete last record to `<log>.torn-<time>` and cut it from the log; touch nothing else."""
    from .records import scan

    with locked(log):
        data = read_bytes(log, missing_ok=True)
        result = scan(data, str(log))
        if result.torn is None:
            return None
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        side = log.with_name(f"{log.name}.torn-{stamp}")
        suffix = 1
        while side.exists():
            side = log.with_name(f"{log.name}.torn-{stamp}-{suffix}")
            suffix += 1
        atomic_write(side, data[result.end :])
        try:
            with log.open("r+b") as handle:
                handle.truncate(result.end)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise os_failure(WriteError, log, exc, "write.failed") from None
        return side
