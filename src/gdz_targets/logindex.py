"""A derived index of the progress log, cached outside it so that reading costs stay flat as the log grows.

The cache records how many bytes of the log it covers and their SHA-256. It is used only when the log still
starts with exactly those bytes; then only what was appended since is parsed. A missing, stale or corrupt
cache is rebuilt from the log without a word, and deleting it changes no output: the log is the truth.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from .errors import DataError, Problem, msg
from .ledger import ID_LENGTH, Scan, append, scan
from .model import City, Entry, History, Series, Void

FORMAT: Final = "gdz-log-index"
VERSION: Final = 1
_CHUNK: Final = 1 << 20
_DICT_THRESHOLD: Final = 64  # beyond this many new records, build an id lookup table instead of searching


class LogIndex:
    """Each entry's id, offset and series; each (target, city) series sorted by (date, id), voids applied."""

    def __init__(self) -> None:
        self.prefix_len = 0
        self.digest = hashlib.sha256().hexdigest()
        self.lines = 0
        self.ids = bytearray()  # ID_LENGTH ASCII bytes per entry, in log order
        self.offsets = array("q")  # byte offset of each entry's line
        self.entry_series = array("i")  # which series each entry belongs to
        self.voided = bytearray()  # 1 where a void names the entry
        self.void_offsets = array("q")
        self.pending_voids: dict[
            str, list[int]
        ] = {}  # voids read before their entry (possible after a merge)
        self.duplicates = 0  # identical copies of a record skipped (git union merges can leave them)
        self.keys: list[tuple[str, str]] = []
        self._key_numbers: dict[tuple[str, str], int] = {}
        self.days: list[array[int]] = []
        self.values: list[array[float]] = []
        self.members: list[array[int]] = []  # entry numbers in each series, in series order
        self._lookup: dict[bytes, int] | None = None

    # -- building ---------------------------------------------------------------------------------

    def entry_number(self, record_id: str) -> int | None:
        key = record_id.encode("ascii")
        if self._lookup is not None:
            return self._lookup.get(key)
        start = 0
        while True:
            found = self.ids.find(key, start)
            if found < 0:
                return None
            if found % ID_LENGTH == 0:
                return found // ID_LENGTH
            start = found + 1

    def prepare_lookup(self) -> None:
        ids = bytes(self.ids)
        self._lookup = {ids[i : i + ID_LENGTH]: i // ID_LENGTH for i in range(0, len(ids), ID_LENGTH)}

    def apply(
        self, records: Iterable[tuple[int, int, Entry | Void]], line_of: Any, path: str
    ) -> list[Problem]:
        """Fold records into the index; returns conflicting duplicates (same id, different content)."""
        problems: list[Problem] = []
        for offset, line, record in records:
            if isinstance(record, Void):
                self._apply_void(offset, record)
                continue
            known = self.entry_number(record.id)
            if known is not None:
                if line_of(self.offsets[known]) == line_of(offset):
                    self.duplicates += 1
                else:
                    problems.append(Problem(path, msg("log.conflicting_duplicate", id=record.id), line, 1))
                continue
            self._add_entry(offset, record)
        return problems

    def _add_entry(self, offset: int, entry: Entry) -> None:
        number = len(self.offsets)
        self.ids += entry.id.encode("ascii")
        if self._lookup is not None:
            self._lookup[entry.id.encode("ascii")] = number
        self.offsets.append(offset)
        series = self._series_number((entry.target, entry.city.value))
        self.entry_series.append(series)
        pending = self.pending_voids.pop(entry.id, None)
        self.voided.append(1 if pending else 0)
        if not pending:
            self._insert(series, number, entry.date.toordinal(), float(entry.value), entry.id)

    def _series_number(self, key: tuple[str, str]) -> int:
        number = self._key_numbers.get(key)
        if number is None:
            number = self._key_numbers[key] = len(self.keys)
            self.keys.append(key)
            self.days.append(array("i"))
            self.values.append(array("d"))
            self.members.append(array("i"))
        return number

    def _insert(self, series: int, number: int, day: int, value: float, record_id: str) -> None:
        days, members = self.days[series], self.members[series]
        position = bisect_right(days, day)
        # Same date: the later record (higher id) wins, so it goes last.
        while position > 0 and days[position - 1] == day and self._id(members[position - 1]) > record_id:
            position -= 1
        days.insert(position, day)
        self.values[series].insert(position, value)
        members.insert(position, number)

    def _id(self, number: int) -> str:
        return self.ids[number * ID_LENGTH : (number + 1) * ID_LENGTH].decode("ascii")

    def _apply_void(self, offset: int, void: Void) -> None:
        self.void_offsets.append(offset)
        number = self.entry_number(void.entry)
        if number is None:
            self.pending_voids.setdefault(void.entry, []).append(offset)
            return
        if self.voided[number]:
            return
        self.voided[number] = 1
        series = self.entry_series[number]
        position = self.members[series].index(number)
        del self.days[series][position]
        del self.values[series][position]
        del self.members[series][position]

    # -- reading ----------------------------------------------------------------------------------

    def history(self) -> History:
        return History(
            {
                (target, City(city)): Series(self.days[n], self.values[n])
                for n, (target, city) in enumerate(self.keys)
            }
        )

    def entry_offsets(self, target: str | None = None, include_voided: bool = False) -> list[int]:
        """Offsets of entries in log order, optionally for one target only."""
        wanted = {n for n, key in enumerate(self.keys) if target is None or key[0] == target}
        return [
            offset
            for offset, series, voided in zip(self.offsets, self.entry_series, self.voided, strict=True)
            if series in wanted and (include_voided or not voided)
        ]

    # -- storing ----------------------------------------------------------------------------------

    def dumps(self, log: str) -> bytes:
        header = {
            "format": FORMAT,
            "version": VERSION,
            "byteorder": sys.byteorder,
            "log": log,
            "prefix_len": self.prefix_len,
            "digest": self.digest,
            "lines": self.lines,
            "entries": len(self.offsets),
            "voids": len(self.void_offsets),
            "duplicates": self.duplicates,
            "pending": self.pending_voids,
            "keys": self.keys,
            "lengths": [len(days) for days in self.days],
        }
        parts = [
            json.dumps(header, ensure_ascii=True).encode() + b"\n",
            bytes(self.ids),
            self.offsets.tobytes(),
            self.entry_series.tobytes(),
            bytes(self.voided),
            self.void_offsets.tobytes(),
        ]
        for days, values, members in zip(self.days, self.values, self.members, strict=True):
            parts += [days.tobytes(), values.tobytes(), members.tobytes()]
        return b"".join(parts)

    @classmethod
    def loads(cls, data: bytes, log: str) -> LogIndex | None:
        """The index stored in `data`, or None if it is for another log, another version, or damaged."""
        try:
            newline = data.index(b"\n")
            header = json.loads(data[:newline])
            if (header.get("format"), header.get("version"), header.get("byteorder"), header.get("log")) != (
                FORMAT,
                VERSION,
                sys.byteorder,
                log,
            ):
                return None
            index = cls()
            index.prefix_len, index.digest, index.lines = (
                header["prefix_len"],
                header["digest"],
                header["lines"],
            )
            index.duplicates, index.pending_voids = header["duplicates"], header["pending"]
            index.keys = [(target, city) for target, city in header["keys"]]
            index._key_numbers = {key: n for n, key in enumerate(index.keys)}
            reader = _Reader(memoryview(data)[newline + 1 :])
            entries, voids = header["entries"], header["voids"]
            index.ids = bytearray(reader.take(entries * ID_LENGTH))
            index.offsets = reader.array("q", entries)
            index.entry_series = reader.array("i", entries)
            index.voided = bytearray(reader.take(entries))
            index.void_offsets = reader.array("q", voids)
            for length in header["lengths"]:
                index.days.append(reader.array("i", length))
                index.values.append(reader.array("d", length))
                index.members.append(reader.array("i", length))
            if not reader.at_end() or len(index.keys) != len(index.days):
                return None
        except (ValueError, KeyError, TypeError, IndexError):
            return None
        return index


class _Reader:
    def __init__(self, view: memoryview) -> None:
        self.view, self.position = view, 0

    def take(self, size: int) -> memoryview:
        if size < 0 or self.position + size > len(self.view):
            raise ValueError("truncated index")
        chunk = self.view[self.position : self.position + size]
        self.position += size
        return chunk

    def array(self, typecode: str, count: int) -> array[Any]:
        result = array(typecode)
        result.frombytes(self.take(count * result.itemsize))
        return result

    def at_end(self) -> bool:
        return self.position == len(self.view)


@dataclass
class LogState:
    """The log as read now: its index (current to `size`), the torn tail if any, and where it lives."""

    path: Path
    index: LogIndex
    size: int  # bytes in the log file, including any torn tail
    torn: Problem | None
    cache: Path
    _hasher: Any

    def history(self) -> History:
        return self.index.history()

    def append(self, lines: list[str], header: str) -> list[int]:
        """Append lines (the caller holds the lock); returns their offsets and keeps the index current."""
        from .ledger import parse_record, refuse_if_unwritable

        refuse_if_unwritable(Scan(torn=self.torn))
        prefix = header if self.size == 0 else ""
        payload = (prefix + "".join(lines)).encode("utf-8")
        append(self.path, payload, self.size)
        offsets, position = [], self.size + len(prefix.encode("utf-8"))
        for line in lines:
            offsets.append(position)
            position += len(line.encode("utf-8"))
        records = [(offset, 0, parse_record(line)) for offset, line in zip(offsets, lines, strict=True)]
        self.index.apply(records, lambda at: _read_line(self.path, at), str(self.path))
        self._hasher.update(payload)
        self.size += len(payload)
        self.index.prefix_len, self.index.digest = self.size, self._hasher.hexdigest()
        self.index.lines += prefix.count("\n") + len(lines)
        _save(self.index, self.path, self.cache)
        return offsets


def cache_path(log: Path, cache_dir: Path) -> Path:
    digest = hashlib.sha256(str(log.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return cache_dir / f"log-{digest}.idx"


def open_log(path: Path, cache_dir: Path) -> LogState:
    """Read the log through its cache; raise DataError (with every problem) if a complete line is invalid."""
    cache = cache_path(path, cache_dir)
    index = _load_cache(cache, path)
    hasher = hashlib.sha256()
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return LogState(path, LogIndex(), 0, None, cache, hasher)
    except IsADirectoryError:
        raise DataError(msg("file.is_directory", path=str(path))) from None
    except OSError as exc:
        raise DataError(msg("file.unreadable", path=str(path), reason=exc.strerror or str(exc))) from None
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if index is not None and not _prefix_matches(handle, index, size, hasher):
            index, hasher = None, hashlib.sha256()
            handle.seek(0)
        if index is None:
            index = LogIndex()
            index.prepare_lookup()
        tail = handle.read()
    offset = index.prefix_len
    result = scan(tail, str(path), offset=offset, first_line=index.lines + 1)
    if result.records and len(result.records) > _DICT_THRESHOLD:
        index.prepare_lookup()
    problems = result.problems + index.apply(
        result.records, lambda at: _line_at(path, tail, offset, at), str(path)
    )
    if problems:
        raise DataError(
            msg("log.invalid", path=str(path), count=len(problems)), sorted(problems, key=_line_key)
        )
    if result.end > offset:
        hasher.update(tail[: result.end - offset])
        index.prefix_len, index.lines, index.digest = (
            result.end,
            index.lines + result.lines,
            hasher.hexdigest(),
        )
        _save(index, path, cache)
    return LogState(path, index, size, result.torn, cache, hasher)


def _line_key(problem: Problem) -> int:
    return problem.line or 0


def _line_at(path: Path, tail: bytes, tail_offset: int, at: int) -> bytes:
    """The raw line starting at byte `at`, from the tail in memory or, before it, from the file."""
    if at >= tail_offset:
        relative = at - tail_offset
        return tail[relative : tail.find(b"\n", relative)]
    return _read_line(path, at)


def _read_line(path: Path, at: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(at)
        return handle.readline().rstrip(b"\n")


def _prefix_matches(handle: Any, index: LogIndex, size: int, hasher: Any) -> bool:
    if size < index.prefix_len:
        return False
    remaining = index.prefix_len
    while remaining:
        chunk = handle.read(min(_CHUNK, remaining))
        if not chunk:
            return False
        hasher.update(chunk)
        remaining -= len(chunk)
    return bool(hasher.copy().hexdigest() == index.digest)


def _load_cache(cache: Path, log: Path) -> LogIndex | None:
    try:
        data = cache.read_bytes()
    except OSError:
        return None
    return LogIndex.loads(data, str(log.resolve()))


def _save(index: LogIndex, log: Path, cache: Path) -> None:
    """Store the index; a cache that cannot be written is simply skipped (the log stays the truth)."""
    from .errors import WriteError
    from .files import atomic_write

    with contextlib.suppress(OSError, WriteError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cache, index.dumps(str(log.resolve())))
