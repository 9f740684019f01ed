"""A derived index of the progress log, cached outside it so that reading costs stay flat as the log grows.

What the cache holds: each (target, city) series sorted by date, and within a day by place in the log, with
voided entries left out, and where the records of the days a void touched sit (the "hot" part that `gdz
status` reads: a report since an earlier day reads those records to see each such day as it then stood), and
where every entry and void sits in the log (the rest). Record ids are not copied: they are read from the log
itself when needed.

When it is used: only when it provably describes the log. Either the log's size, mtime, ctime, inode and
device are exactly those gdz recorded when it last wrote the cache (any write to the log changes its ctime,
which no program can set back), or else the SHA-256 of every MiB of the cached prefix still matches, and then
only what was appended since is parsed. gdz's own appends update the index in memory and rewrite it (a few
MB at 100,000 entries: see the README's Performance section). A missing, stale or damaged cache is rebuilt
from the log without a word; deleting it changes no output.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from gdz_targets.domain.errors import Problem, msg
from gdz_targets.domain.model import QUALIFIER_CODES, Batch, City, Entry, History, Record, Series, Void

from .files import append_cache, canonical, open_cache

FORMAT: Final = "gdz-log-index"
VERSION: Final = 7
BLOCK: Final = 1 << 20  # the prefix is hashed per MiB, so an append re-hashes at most one old block
_ID_START: Final = len("entry.")
ID_LENGTH: Final = 26  # a ULID; the record parser, loaded only when lines are read, checks its form

if TYPE_CHECKING:
    from mmap import mmap

Stat = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device


def stat_of(handle: IO[bytes]) -> Stat:
    info = os.fstat(handle.fileno())
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


class LogIndex:
    """Where each entry and void is in the log, and every (target, city) series with voids applied."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.prefix_len = 0  # bytes of the log this index covers, always ending at a newline
        self.lines = 0
        self.blocks: list[str] = []  # SHA-256 of each MiB of the prefix (the last one may be partial)
        self.stat: Stat | None = None  # the log's stat when this index was last made to match it
        self.duplicates = 0  # identical copies of a record skipped (git union merges can leave them)
        # voids read before their entry (possible after a merge): the entry's id, the voids' offsets
        self.pending_voids: dict[str, list[int]] = {}
        self.keys: list[tuple[str, str]] = []
        self._key_numbers: dict[tuple[str, str], int] = {}
        self.days: list[array[int]] = []  # hot: per series, proleptic ordinals, ascending
        self.values: list[array[float]] = []
        self.marks: list[array[int]] = []  # hot: per series, each figure's qualifier (QUALIFIER_CODES)
        # cold: only loaded for commands that need entries, and for updates
        self.offsets = array("Q")  # byte offset of each entry's line, in log order
        self.entry_series = array("I")
        self.voided = bytearray()
        self.void_offsets = array("Q")
        self.batch_offsets: dict[str, int] = {}  # where each import's closing record is, by its id
        # hot too: the days (series number, ordinal) a void touched, and where every entry of those days and
        # every void sit — few, as corrections are, and all a report since an earlier day needs of them
        self.voided_days: set[tuple[int, int]] = set()
        self.corrections: set[int] = set()
        self.members: list[array[int]] = []  # entry numbers in each series, in series order
        self.complete = True  # False when only the hot part was loaded
        self._lookup: dict[str, int] | None = None
        self._map: mmap | None = None

    # -- ids, read from the log ----------------------------------------------------------------------------

    def _log_bytes(self, needed: int) -> mmap:
        """The log mapped into memory, at least `needed` bytes of it (mapped again after gdz appends)."""
        if self._map is None or len(self._map) < needed:
            from mmap import ACCESS_READ, mmap

            with self.log.open("rb") as handle:
                self._map = mmap(handle.fileno(), 0, access=ACCESS_READ)
        return self._map

    def entry_id(self, number: int) -> str:
        start = self.offsets[number] + _ID_START
        return self._log_bytes(start + ID_LENGTH)[start : start + ID_LENGTH].decode("ascii")

    def entry_ids(self) -> list[str]:
        if not self.offsets:
            return []
        data = self._log_bytes(self.offsets[-1] + _ID_START + ID_LENGTH)
        return [data[at + _ID_START : at + _ID_START + ID_LENGTH].decode("ascii") for at in self.offsets]

    def entry_number(self, record_id: str) -> int | None:
        if self._lookup is None:
            self._lookup = {record_id: number for number, record_id in enumerate(self.entry_ids())}
        return self._lookup.get(record_id)

    # -- building --------------------------------------------------------------------------------------------

    def apply(
        self, records: Iterable[tuple[int, int, Record]], path: str, fresh: bool = False
    ) -> list[Problem]:
        """Fold (offset, line, record) triples into the index; returns conflicting duplicates (same id,
        different content). `fresh`: the records were just appended by gdz, so no id can repeat."""
        problems: list[Problem] = []
        for offset, line, record in records:
            if isinstance(record, Void):
                self._apply_void(offset, record)
                continue
            if isinstance(record, Batch):
                self.batch_offsets[record.id] = offset  # its rows, read before it, are already in
                continue
            known = None if fresh else self.entry_number(record.id)
            if known is not None:
                if self._same_entry(self.offsets[known], offset, record):
                    self.duplicates += 1
                else:
                    problems.append(Problem(path, msg("log.conflicting_duplicate", id=record.id), line, 1))
                continue
            self._add_entry(offset, record)
        return problems

    def apply_hot(self, records: Sequence[tuple[int, int, Record]]) -> bool:
        """Fold entries gdz has just appended into the series alone (all a report reads); False, changing
        nothing, where that cannot be done: a void needs the rest of the index. An appended entry is the last
        record of the log, so it goes after every other of its day."""
        assert not self.complete, "a complete index takes records through apply()"
        if any(isinstance(record, Void) or self._on_voided_day(record) for _, _, record in records):
            return False
        for offset, _, record in records:
            if isinstance(record, Batch):
                self.batch_offsets[record.id] = offset
                continue
            assert isinstance(record, Entry)
            number = self._series_number((record.target, record.city.value))
            position = bisect_right(self.days[number], record.date.toordinal())
            self.days[number].insert(position, record.date.toordinal())
            self.values[number].insert(position, float(record.value))
            self.marks[number].insert(position, QUALIFIER_CODES.index(record.qualifier))
        return True

    def _on_voided_day(self, record: Record) -> bool:
        """Whether an entry is for a day of its series a void touched: its offset must then be noted among
        the corrections, which needs the whole index."""
        if not isinstance(record, Entry):
            return False
        number = self._key_numbers.get((record.target, record.city.value))
        return number is not None and (number, record.date.toordinal()) in self.voided_days

    def _same_entry(self, first: int, again: int, record: Entry) -> bool:
        """Whether the entry at `again` repeats the one at `first`: the same line (a union merge keeps both
        clones' copies), or the same entry brought in by two imports (the shipped figures imported on two
        clones), which differ only in the import each names."""
        line = self._line(first)
        if line == self._line(again):
            return True
        from .records import RecordError, parse_record

        try:
            earlier = parse_record(line.decode("utf-8"))
        except (RecordError, UnicodeDecodeError):
            return False
        return isinstance(earlier, Entry) and earlier._replace(batch=None) == record._replace(batch=None)

    def _line(self, offset: int) -> bytes:
        data = self._log_bytes(offset + 1)
        return data[offset : data.find(b"\n", offset)]

    def _add_entry(self, offset: int, entry: Entry) -> None:
        number = len(self.offsets)
        self.offsets.append(offset)
        if self._lookup is not None:
            self._lookup[entry.id] = number
        series = self._series_number((entry.target, entry.city.value))
        self.entry_series.append(series)
        pending = self.pending_voids.pop(entry.id, None)
        self.voided.append(1 if pending else 0)
        day = entry.date.toordinal()
        if pending or (series, day) in self.voided_days:
            self._note_correction(series, day, [offset, *(pending or [])])
        if not pending:
            mark = QUALIFIER_CODES.index(entry.qualifier)
            self._insert(series, number, day, float(entry.value), mark)

    def _series_number(self, key: tuple[str, str]) -> int:
        number = self._key_numbers.get(key)
        if number is None:
            number = self._key_numbers[key] = len(self.keys)
            self.keys.append(key)
            self.days.append(array("i"))
            self.values.append(array("d"))
            self.marks.append(array("B"))
            self.members.append(array("I"))
        return number

    def _insert(self, series: int, number: int, day: int, value: float, mark: int) -> None:
        days, members = self.days[series], self.members[series]
        position = bisect_right(days, day)
        # Same date: the record later in the log counts, so it goes last — the log's order, which every
        # clone of a shared log sees alike, not the recording machines' clocks.
        while position > 0 and days[position - 1] == day and members[position - 1] > number:
            position -= 1
        days.insert(position, day)
        self.values[series].insert(position, value)
        self.marks[series].insert(position, mark)
        members.insert(position, number)

    def _apply_void(self, offset: int, void: Void) -> None:
        self.void_offsets.append(offset)
        number = self.entry_number(void.entry)
        if number is None:
            self.pending_voids.setdefault(void.entry, []).append(offset)
            return
        if self.voided[number]:
            self.corrections.add(offset)
            return
        self.voided[number] = 1
        series = self.entry_series[number]
        position = self.members[series].index(number)
        self._note_correction(series, self.days[series][position], [offset, self.offsets[number]])
        del self.days[series][position]
        del self.values[series][position]
        del self.marks[series][position]
        del self.members[series][position]

    def _note_correction(self, series: int, day: int, offsets: Sequence[int]) -> None:
        """Note records of a day a void touched; where the day is new to the notes, every entry it holds too
        (their times say which of them a report of an earlier day saw)."""
        if (series, day) not in self.voided_days:
            self.voided_days.add((series, day))
            days, members = self.days[series], self.members[series]
            counting = range(bisect_left(days, day), bisect_right(days, day))
            self.corrections.update(self.offsets[members[position]] for position in counting)
        self.corrections.update(offsets)

    # -- reading ---------------------------------------------------------------------------------------------

    def history(self) -> History:
        return History(
            {
                (target, City(city)): Series(self.days[n], self.values[n], self.marks[n])
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

    def advance(self, handle: IO[bytes], end: int, lines: int, stat: Stat) -> None:
        """Say that the index now covers the log up to byte `end` (`lines` more lines), as it is at `stat`."""
        first = max(0, len(self.blocks) - 1)  # the last block may have grown; earlier ones are unchanged
        self.prefix_len, self.lines = end, self.lines + lines
        self.blocks[first:] = _block_digests(handle, first, end)
        self.stat = stat

    def prefix_matches(self, handle: IO[bytes], size: int) -> bool:
        """Whether the log still starts with exactly the bytes the index was built from."""
        if size < self.prefix_len:
            return False
        return list(_block_digests(handle, 0, self.prefix_len)) == self.blocks

    def save(self, cache: Path) -> None:
        """Store the index; a cache that cannot be written is simply skipped (the log stays the truth)."""
        from gdz_targets.domain.errors import GdzError

        from .files import atomic_write

        with contextlib.suppress(OSError, GdzError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(cache, self.parts(canonical(self.log)), durable=False)

    # -- storing ---------------------------------------------------------------------------------------------

    def parts(self, log: str) -> list[bytes | array[Any]]:
        """The cache file's contents: a sized header, the hot series, then the rest (arrays unjoined)."""
        hot: list[bytes | array[Any]] = [
            part for parts in zip(self.days, self.values, self.marks, strict=True) for part in parts
        ]
        cold: list[bytes | array[Any]] = [
            self.offsets,
            self.entry_series,
            bytes(self.voided),
            self.void_offsets,
        ]
        header = {
            "format": FORMAT, "version": VERSION, "byteorder": sys.byteorder, "log": log,
            "prefix_len": self.prefix_len, "lines": self.lines, "blocks": self.blocks, "stat": self.stat,
            "entries": len(self.offsets), "voids": len(self.void_offsets), "duplicates": self.duplicates,
            "pending": self.pending_voids, "batches": self.batch_offsets,
            "keys": self.keys, "lengths": [len(days) for days in self.days],
            "voided_days": sorted(self.voided_days), "corrections": sorted(self.corrections),
            "hot_bytes": sum(len(part) * part.itemsize for part in hot if isinstance(part, array)),
        }  # fmt: skip
        # marshal, not json: it is built in, so reading the header costs no import. Format 2 shares no
        # references, so equal indexes give equal bytes.
        encoded = marshal.dumps(header, 2)
        return [len(encoded).to_bytes(4, "little"), encoded, *hot, *cold, *self.members]

    @classmethod
    def load(cls, cache: Path, log: Path, hot_only: bool) -> LogIndex | None:
        """The index cached for `log`; None if there is none, or it is for another log or version, or damaged.

        `hot_only` reads just the series: all `gdz status` needs."""
        opened = open_cache(cache)
        if opened is None:
            return None
        try:
            with opened as handle:
                header = marshal.loads(handle.read(int.from_bytes(handle.read(4), "little")))
                expected = (FORMAT, VERSION, sys.byteorder, canonical(log))
                if (header["format"], header["version"], header["byteorder"], header["log"]) != expected:
                    return None
                index = cls(log)
                index.prefix_len, index.lines, index.blocks = (
                    header["prefix_len"],
                    header["lines"],
                    header["blocks"],
                )
                index.stat = tuple(header["stat"]) if header["stat"] else None
                index.duplicates, index.pending_voids = header["duplicates"], header["pending"]
                index.batch_offsets = header["batches"]
                index.voided_days = {(series, day) for series, day in header["voided_days"]}
                index.corrections = set(header["corrections"])
                index.keys = [(target, city) for target, city in header["keys"]]
                index._key_numbers = {key: n for n, key in enumerate(index.keys)}
                lengths = header["lengths"]
                reader = _Reader(handle.read(header["hot_bytes"]))
                for length in lengths:
                    index.days.append(reader.array("i", length))
                    index.values.append(reader.array("d", length))
                    index.marks.append(reader.array("B", length))
                if not reader.at_end() or len(lengths) != len(index.keys):
                    return None
                if hot_only:
                    index.complete = False
                    return index
                reader = _Reader(handle.read())
                entries, voids = header["entries"], header["voids"]
                index.offsets = reader.array("Q", entries)
                index.entry_series = reader.array("I", entries)
                index.voided = bytearray(reader.take(entries))
                index.void_offsets = reader.array("Q", voids)
                index.members = [reader.array("I", length) for length in lengths]
                if not reader.at_end():
                    return None
        except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError):
            return None
        return index


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.view, self.position = memoryview(data), 0

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


def _block_digests(handle: IO[bytes], start_block: int, end: int) -> Iterator[str]:
    """SHA-256 of each MiB of the file from block `start_block` up to byte `end`."""
    import hashlib  # not needed while the log is unchanged, which is most runs

    handle.seek(start_block * BLOCK)
    position = start_block * BLOCK
    while position < end:
        chunk = handle.read(min(BLOCK, end - position))
        if not chunk:
            return
        yield hashlib.sha256(chunk).hexdigest()
        position += len(chunk)


def cache_path(log: Path, cache_dir: Path) -> Path:
    """The cache file for a log: named after a checksum of its path (the file records the path itself)."""
    return cache_dir / f"log-{zlib.crc32(canonical(log).encode('utf-8', 'surrogateescape')):08x}.idx"


class Journal:
    """Where gdz notes each of its own appends to the log (bytes [start, end) and the log's stat right after),
    so that the next run can trust the index plus these lines without reading or hashing the log, and a
    `gdz log` need not rewrite an index of a million entries (README, Performance)."""

    LIMIT: Final = 100  # appends noted before a writer folds them into the index file

    def __init__(self, cache: Path) -> None:
        self.path = cache.with_suffix(".journal")

    def note(self, start: int, end: int, after: Stat) -> None:
        """Record an append (ignored if the journal cannot be written: the log stays the truth)."""
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        append_cache(self.path, " ".join(str(number) for number in (start, end, *after)) + "\n")

    def appends(self) -> list[tuple[int, int, Stat]]:
        """The appends noted so far; a line cut short (a crash while noting it) ends the journal."""
        opened = open_cache(self.path)
        if opened is None:
            return []
        try:
            with opened as handle:
                text = handle.read().decode("ascii")
        except (OSError, UnicodeDecodeError):
            return []
        found = []
        for line in text.splitlines(keepends=True):
            fields = line.split()
            if (
                not line.endswith("\n")
                or len(fields) != 7
                or not all(field.isascii() and field.isdigit() for field in fields)
            ):
                break
            start, end, *after = (int(field) for field in fields)
            found.append((start, end, (after[0], after[1], after[2], after[3], after[4])))
        return found

    def covers(self, index: LogIndex, stat: Stat) -> bool:
        """Whether gdz's noted appends, one after another from the end of the index, account for the log
        exactly as it is now (the same stat): then nobody else has touched it."""
        end, last = index.prefix_len, index.stat
        for start, stop, after in self.appends():
            if stop <= index.prefix_len:
                continue  # already folded into the index
            if start != end:
                return False
            end, last = stop, after
        return last is not None and last == stat

    def clear(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
