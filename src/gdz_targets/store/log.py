"""The progress log as read now, through its cached index: the query API every command uses, and appends.

Byte offsets and entry numbers stay in here and in the index; callers get records by date and, within a
day, in the order of the log.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from gdz_targets.domain.errors import DataError, Problem, UsageError, counted, msg
from gdz_targets.domain.model import Batch, Entry, History, Record, Void

from .files import open_for_reading
from .log_file import LOG_HEADER, append, locked, read_lines_at
from .log_index import Journal, LogIndex, Stat, cache_path, stat_of

if TYPE_CHECKING:
    from .records import Scan

MIN_FRAGMENT = 4  # characters of an id that can name an entry


class Log:
    """One progress log: its entries and voids (through the index), a torn tail if any, and appends."""

    def __init__(self, path: Path, index: LogIndex, size: int, torn: Problem | None, cache: Path) -> None:
        self.path, self.cache = path, cache
        self._index = index
        self._size = size  # bytes in the log file, including any torn or unterminated tail
        self.torn = torn  # an incomplete last record, left by a crash or a full disk

    # -- queries ---------------------------------------------------------------------------------------------

    def history(self) -> History:
        """Every (target, city) series with voided entries left out: what reports read."""
        return self._index.history()

    def corrections(self) -> list[Entry | Void]:
        """The records of the days a void touched — each entry of such a day, voided or not, and the voids —
        in the log's order: what a report of an earlier day needs to see those days as they then stood.
        Read from the series' part of the index, so that a report since a day costs the same at any size."""
        found = self._read(sorted(self._index.corrections))  # most logs: none, and no parser is loaded
        return [record for record in found if isinstance(record, Entry | Void)]

    def entries(self, target: str | None = None, include_voided: bool = False) -> list[Entry]:
        """Entries (of one target, or all), by date and, within a day, in the log's order."""
        offsets = self._full().entry_offsets(target, include_voided)
        found = [record for record in self._read(offsets) if isinstance(record, Entry)]
        found.sort(key=lambda entry: entry.date)  # stable: a day's entries keep the log's order
        return found

    def voids(self) -> dict[str, Void]:
        """The void of each voided entry, by the entry's id (the first, should there be two)."""
        voids: dict[str, Void] = {}
        for record in self._read(self._full().void_offsets):
            if isinstance(record, Void):
                voids.setdefault(record.entry, record)
        return voids

    def entry(self, record_id: str) -> Entry | None:
        """The entry with this id, voided or not, if the log has one."""
        index = self._full()
        number = index.entry_number(record_id)
        if number is None:
            return None
        record = next(self._read([index.offsets[number]]))
        return record if isinstance(record, Entry) else None

    def find(self, fragment: str) -> Entry:
        """The one entry whose id contains `fragment` (case-insensitive): the full id, or its short form."""
        wanted = fragment.strip().upper()
        if len(wanted) < MIN_FRAGMENT:
            raise UsageError(msg("void.prefix_short", prefix=fragment))
        index = self._full()
        matches = [number for number, record_id in enumerate(index.entry_ids()) if wanted in record_id]
        if not matches:
            raise UsageError(msg("void.not_found", id=fragment))
        if len(matches) > 1:
            raise UsageError(msg("void.ambiguous", id=fragment, count=len(matches)))
        record = next(self._read([index.offsets[matches[0]]]))
        assert isinstance(record, Entry)
        return record

    def acts_by(self, user: str) -> Iterator[Entry | Batch]:
        """What `user` recorded, newest first: entries logged one by one that still count, and imports (each
        by the record that closed it, whoever the rows name as their recorder)."""
        index = self._full()
        single = [index.offsets[n] for n in range(len(index.offsets)) if not index.voided[n]]
        newest = sorted([*single, *index.batch_offsets.values()], reverse=True)
        for record in self._read(newest):  # read lazily: a caller stops at the act it wants
            act = isinstance(record, Batch) or (isinstance(record, Entry) and record.batch is None)
            if act and not isinstance(record, Void) and record.recorded_by == user:
                yield record

    def _read(self, offsets: Sequence[int]) -> Iterator[Record]:
        return read_lines_at(self.path, offsets)

    def _full(self) -> LogIndex:
        """The whole index (series and where every record is), read now if only the series were."""
        if not self._index.complete:
            self._index = open_log(self.path, self.cache.parent, entries=True)._index
        return self._index

    # -- appending -------------------------------------------------------------------------------------------

    def append(self, records: Sequence[Record]) -> None:
        """Append records in one write (the caller holds the lock) and fold them into the index in memory.

        A whole index in memory is stored again; with only the series read, the append is noted in the
        journal instead, so that a `gdz log` costs the same whatever the size of the log."""
        if self.torn is not None:  # appending after a torn record would glue the two into one bad line
            raise DataError(msg("log.torn_refuse", line=self.torn.line), [self.torn])
        if not records:
            return
        from .records import encode

        lines = [encode(record) for record in records]
        start = self._size
        # The first line of a new log is its header; a last record saved without its newline gets one first.
        opening = LOG_HEADER if start == 0 else "" if _ends_in_newline(self.path, start) else "\n"
        payload = (opening + "".join(lines)).encode("utf-8")
        append(self.path, payload, start)
        position = start + len(opening.encode("utf-8"))
        placed = []
        for record, line in zip(records, lines, strict=True):
            placed.append((position, 0, record))
            position += len(line.encode("utf-8"))
        self._size = position
        journal = Journal(self.cache)
        with self.path.open("rb") as handle:
            after = stat_of(handle)
            if self._index.complete:  # the whole index is in memory: store it as it now stands
                self._index.apply(placed, str(self.path), fresh=True)
                self._index.advance(handle, position, len(lines) + (1 if opening else 0), after)
                self._index.save(self.cache)
                journal.clear()
                return
            journal.note(start, position, after)
            if self._index.apply_hot(placed) and len(journal.appends()) <= Journal.LIMIT:
                return
            # A void, or an entry the series alone cannot place, or a long journal: fold it all in now.
            self._index = _current_index(handle, self.path, self.cache, after)[0]


def open_log(path: Path, cache_dir: Path, entries: bool = True) -> Log:
    """Read the log through its cache; raise DataError (with every problem) if a complete line is invalid.

    `entries=False`: only the series are wanted (reports), so an unchanged log skips the rest of the index,
    and gdz's own appends since it was stored (noted in the journal) are folded into the series in memory."""
    handle = open_for_reading(path, missing_ok=True)  # first: it names what is wrong with the path
    cache = cache_path(path, cache_dir)
    if handle is None:
        return Log(path, LogIndex(path), 0, None, cache)
    with handle:
        stat = stat_of(handle)
        size = stat[0]
        index = LogIndex.load(cache, path, hot_only=not entries)
        if index is not None and (index.stat, index.prefix_len) == (stat, size):
            return Log(path, index, size, None, cache)  # exactly as gdz left it: most runs end here
        if index is not None and not index.complete and Journal(cache).covers(index, stat):
            result = _read_tail(handle, path, index, size)  # gdz's own appends alone
            if result.unterminated is None and index.apply_hot(result.records):
                return Log(path, index, size, result.torn, cache)
        index, torn = _current_index(handle, path, cache, stat)
    return Log(path, index, size, torn, cache)


def _current_index(handle: IO[bytes], path: Path, cache: Path, stat: Stat) -> tuple[LogIndex, Problem | None]:
    """The whole index, current to the log as it is at `stat`, and stored again. The stored index is used
    where the log still starts with the bytes it was built from — known without reading them when the
    journal accounts for every change since — and only what follows is read; else it is built afresh."""
    index = LogIndex.load(cache, path, hot_only=False)
    trusted = index is not None and Journal(cache).covers(index, stat)
    if index is not None and not trusted and index.stat != stat and not index.prefix_matches(handle, stat[0]):
        index = None  # changed inside what the index covers (an edit, a rewrite): read it all again
    if index is None:
        index, trusted = LogIndex(path), False
    result = _read_tail(handle, path, index, stat[0])
    if result.records or index.stat != stat:
        # gdz's own appends (noted) cannot repeat an id; anything else is checked for duplicates
        problems = index.apply(result.records, str(path), fresh=trusted)
        if problems:
            raise DataError(
                msg("log.invalid", path=str(path), problems=counted("problem", len(problems))), problems
            )
        index.advance(handle, result.end, result.lines, stat)
        index.save(cache)
        Journal(cache).clear()
    if result.unterminated is not None:  # it counts, in memory; the index stored covers whole lines only
        problems = index.apply([result.unterminated], str(path))
        if problems:
            raise DataError(
                msg("log.invalid", path=str(path), problems=counted("problem", len(problems))), problems
            )
    return index, result.torn


def _read_tail(handle: IO[bytes], path: Path, index: LogIndex, size: int) -> Scan | _NothingAppended:
    """Parse what follows the indexed prefix, exactly up to `size` (whatever is appended meanwhile); raise
    DataError listing every invalid line. The record parser is loaded only if there is anything to read."""
    handle.seek(index.prefix_len)
    tail = handle.read(size - index.prefix_len)
    if not tail:
        return _NothingAppended(index.prefix_len)
    from .records import scan

    result = scan(tail, str(path), offset=index.prefix_len, first_line=index.lines + 1)
    if result.problems:
        problems = sorted(result.problems, key=_line_key)
        raise DataError(
            msg("log.invalid", path=str(path), problems=counted("problem", len(problems))), problems
        )
    return result


def _ends_in_newline(path: Path, size: int) -> bool:
    """Whether the log's last byte is a newline (an editor may have saved the last record without one)."""
    with path.open("rb") as handle:
        handle.seek(size - 1)
        return handle.read(1) == b"\n"


@contextlib.contextmanager
def locked_log(path: Path, cache_dir: Path, entries: bool = False) -> Iterator[Log]:
    """The log opened under its lock, for appending: nobody else writes until the block ends."""
    with locked(path):
        yield open_log(path, cache_dir, entries)


class _NothingAppended:
    """The scan of an empty tail, without loading the record parser."""

    torn = None
    unterminated = None
    lines = 0

    def __init__(self, end: int) -> None:
        self.end = end
        self.records: list[tuple[int, int, Record]] = []
        self.problems: list[Problem] = []


def _line_key(problem: Problem) -> int:
    return problem.line or 0
