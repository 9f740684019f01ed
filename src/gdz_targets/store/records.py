"""The progress log's line format: one TOML record per line, record ids, and parsing a log's bytes.

A record is a single line so that git's union merge can interleave two clones' appends without
splitting a record apart (multi-line tables share lines such as `[[entry]]`, which union merges mangle):

    entry.01JDQ3ZK6Y3V7W9T2R4M1N0PXA = {target = "cross-city-total", city = "dongguan", ...}
    void.01JDQ41B2C3D4E5F6G7H8J9K0M = {entry = "01JDQ3ZK6Y3V7W9T2R4M1N0PXA", reason = "typo", ...}

An import writes its rows, each naming the import (`import = "ID"`), then one record that closes it:

    import.01JDQ4A… = {file = "2024Q1.xlsx", entries = 2, by = "wang", at = ...}

Rows count only once their closing record follows them, so an import cut short adds nothing.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Final

from gdz_targets.domain.errors import Message, Problem, msg
from gdz_targets.domain.model import DONE, ID_SYNTAX, NOT_DONE, Batch, City, Entry, Qualifier, Record, Void
from gdz_targets.domain.values import in_range

_CROCKFORD: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_FROM_RFC4648: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", _CROCKFORD)
# Patterns are compiled on first use (re caches them), not at import: most runs never parse a line.
RECORD_ID: Final = r"[0-9A-HJKMNP-TV-Z]{26}"
_MILESTONE_TEXT: Final = {DONE: "done", NOT_DONE: "not-done"}
_ENTRY_FIELDS: Final = frozenset(
    {"target", "city", "date", "value", "qualifier", "note", "source", "import", "by", "at"}
)
_VOID_FIELDS: Final = frozenset({"entry", "reason", "by", "at"})
_BATCH_FIELDS: Final = frozenset({"file", "entries", "by", "at"})
KINDS: Final = ("entry", "void", "import")  # what a line's key starts with


def is_record_id(text: str) -> bool:
    return re.fullmatch(RECORD_ID, text) is not None


_last_id: list[int] = [0]  # the last id made by this process, as a number


def new_record_id(now_ns: int | None = None) -> str:
    """A ULID: 48 bits of milliseconds then 80 random bits, so ids sort by time and never collide. Within
    one process ids strictly increase (monotonic ULIDs): two rows imported in the same millisecond keep
    the order of the file, so the later row is the later record."""
    import secrets

    millis = (time.time_ns() if now_ns is None else now_ns) // 1_000_000
    number = (millis << 80) | secrets.randbits(80)
    if number <= _last_id[0]:
        number = _last_id[0] + 1
    _last_id[0] = number
    import base64

    # 130 bits at the top of 160 make whole base32 digits; the RFC 4648 alphabet then becomes Crockford's.
    return base64.b32encode((number << 30).to_bytes(20, "big"))[:26].decode().translate(_FROM_RFC4648)


def _value_text(value: object) -> str:
    """One TOML value exactly as tomli-w writes it (strings escaped onto one line); the common cases are
    written here directly, which makes importing 100,000 rows a third quicker."""
    if isinstance(value, str) and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'
    if isinstance(value, int | float | date) and not isinstance(value, bool):
        return str(value)  # what tomli-w writes for numbers, dates and date-times
    import tomli_w

    return tomli_w.dumps({"v": value})[4:-1]


def encode_entry(entry: Entry) -> str:
    value: object = _MILESTONE_TEXT[entry.value] if isinstance(entry.value, bool) else entry.value
    fields: list[tuple[str, object]] = [
        ("target", entry.target),
        ("city", entry.city.value),
        ("date", entry.date),
        ("value", value),
    ]
    if entry.qualifier is not None:
        fields.append(("qualifier", entry.qualifier.value))
    if entry.note is not None:
        fields.append(("note", entry.note))
    if entry.source is not None:
        fields.append(("source", entry.source))
    if entry.batch is not None:
        fields.append(("import", entry.batch))
    fields += [("by", entry.recorded_by), ("at", entry.recorded_at)]
    return _line("entry", entry.id, fields)


def encode_batch(batch: Batch) -> str:
    fields: list[tuple[str, object]] = [
        ("file", batch.file),
        ("entries", batch.entries),
        ("by", batch.recorded_by),
        ("at", batch.recorded_at),
    ]
    return _line("import", batch.id, fields)


def encode(record: Record) -> str:
    """One record as its line of the log."""
    if isinstance(record, Entry):
        return encode_entry(record)
    return encode_void(record) if isinstance(record, Void) else encode_batch(record)


def encode_void(void: Void) -> str:
    fields: list[tuple[str, object]] = [
        ("entry", void.entry),
        ("reason", void.reason),
        ("by", void.recorded_by),
        ("at", void.recorded_at),
    ]
    return _line("void", void.id, fields)


def _line(kind: str, record_id: str, fields: Sequence[tuple[str, object]]) -> str:
    body = ", ".join(f"{key} = {_value_text(value)}" for key, value in fields)
    return f"{kind}.{record_id} = {{{body}}}\n"


class RecordError(ValueError):
    def __init__(self, message: Message, column: int | None = None) -> None:
        super().__init__(message.key)
        self.message, self.column = message, column


_TEXT = r'"([^"\\\x00-\x1f\x7f]*)"'  # a TOML basic string with nothing escaped: its content is its value
_ID = f"({RECORD_ID})"
_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_AT = rf"({_DAY}[ T][0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}(?:\.[0-9]{{1,6}})?(?:[+-][0-9]{{2}}:[0-9]{{2}}|Z))"
_END = r"\}\r?\n?\Z"
# Lines exactly as gdz writes them. Anything else (escapes, other key orders, hand edits) goes to tomllib.
_CANONICAL_ENTRY: Final = (
    rf'entry\.{_ID} = \{{target = "({ID_SYNTAX})", city = "({"|".join(City)})", date = ({_DAY}), '
    r'value = (-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,17})?|"done"|"not-done"), '
    rf'(?:qualifier = "({"|".join(Qualifier)})", )?(?:note = {_TEXT}, )?'
    rf'(?:source = {_TEXT}, )?(?:import = "{_ID}", )?by = {_TEXT}, at = {_AT}{_END}'
)
_CANONICAL_VOID: Final = (
    rf'void\.{_ID} = \{{entry = "{_ID}", reason = {_TEXT}, by = {_TEXT}, at = {_AT}{_END}'
)


def parse_record(line: str) -> Record:
    """Parse one log line; a RecordError names what is wrong and, where it can, the column."""
    try:
        record = _parse_canonical(line)
    except ValueError:  # a date or time the regular expression let through but the calendar does not
        record = None
    return record if record is not None else parse_toml_record(line)


def _parse_canonical(line: str) -> Record | None:
    """The fast path, for lines in gdz's own format: the same result as tomllib, some twenty times sooner."""
    if line.startswith("entry."):
        match = re.match(_CANONICAL_ENTRY, line)
        if match is None:
            return None
        record_id, target, city, day, value, qualifier, note, source, batch, by, at = match.groups()
        if not by.strip() or (qualifier and value[0] == '"'):
            return None
        number: int | float = (
            (value == '"done"') if value[0] == '"' else float(value) if "." in value else int(value)
        )
        return Entry(record_id, target, City(city), date.fromisoformat(day), number, by,
                     datetime.fromisoformat(at), note or None, source or None,
                     Qualifier(qualifier) if qualifier else None, batch)  # fmt: skip
    match = re.match(_CANONICAL_VOID, line)
    if match is None:
        return None
    record_id, voided, reason, by, at = match.groups()
    if not reason.strip() or not by.strip():
        return None
    return Void(record_id, voided, reason, by, datetime.fromisoformat(at))


def parse_toml_record(line: str) -> Record:
    """Parse one log line with tomllib, whatever its layout; errors name the column where they can."""
    import tomllib  # only for lines not in gdz's own format: most reads never need it

    try:
        data = tomllib.loads(line)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line \d+, column (\d+)\)", str(exc))
        detail = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)$", "", str(exc))
        from .files import toml_detail

        column = int(found.group(1)) if found else None
        raise RecordError(msg("log.syntax", detail=toml_detail(detail)), column) from None
    except RecursionError:  # brackets nested thousands deep: no record is written like that
        raise RecordError(msg("toml.too_deep"), 1) from None
    if len(data) != 1 or next(iter(data)) not in KINDS:
        raise RecordError(msg("log.not_record"), 1)
    kind, records = next(iter(data.items()))
    if not isinstance(records, dict) or len(records) != 1:
        raise RecordError(msg("log.not_record"), 1)
    record_id, fields = next(iter(records.items()))
    if not is_record_id(record_id):
        raise RecordError(msg("log.bad_id", id=record_id), len(kind) + 2)
    if not line.startswith(f"{kind}.{record_id}"):  # the index reads ids at this place in the line
        raise RecordError(msg("log.key_layout", kind=kind), 1)
    if not isinstance(fields, dict):
        raise RecordError(msg("log.not_record"), 1)
    allowed = {"entry": _ENTRY_FIELDS, "void": _VOID_FIELDS, "import": _BATCH_FIELDS}[kind]
    reader = _Fields(line, fields, allowed)
    by, at = reader.text("by"), reader.timestamp("at")
    if kind == "import":
        return Batch(record_id, reader.text("file"), reader.count("entries"), by, at)
    if kind == "void":
        voided = reader.record_id("entry")
        assert voided is not None
        return Void(record_id, voided, reader.text("reason"), by, at)
    target = reader.text("target")
    if not re.fullmatch(ID_SYNTAX, target):
        raise RecordError(
            msg("log.bad_field", field="target", expected=msg("expect.target_id")), reader.column("target")
        )
    city_name = reader.text("city")
    if city_name not in City._value2member_map_:
        raise RecordError(
            msg("log.bad_field", field="city", expected=msg("expect.city")),
            reader.column("city"),
        )
    return Entry(
        id=record_id,
        target=target,
        city=City(city_name),
        date=reader.day("date"),
        value=reader.value(),
        recorded_by=by,
        recorded_at=at,
        note=reader.text("note", required=False) or None,
        source=reader.text("source", required=False) or None,
        qualifier=reader.qualifier(),
        batch=reader.record_id("import", required=False),
    )


class _Fields:
    """Typed access to one record's fields, naming the column of anything wrong."""

    def __init__(self, line: str, data: dict[str, Any], allowed: frozenset[str]) -> None:
        self.line, self.data = line, data
        for key in self.data:
            if key not in allowed:
                raise RecordError(msg("log.unknown_field", field=key), self.column(key))

    def column(self, key: str) -> int | None:
        found = re.search(rf"[{{,]\s*{re.escape(key)}\s*=", self.line)
        return found.start() + 2 if found else None

    def _get(self, key: str, required: bool = True) -> Any:
        if key not in self.data:
            if required:
                raise RecordError(msg("log.missing_field", field=key), None)
            return None
        return self.data[key]

    def text(self, key: str, required: bool = True) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise RecordError(msg("log.bad_field", field=key, expected=msg("expect.text")), self.column(key))
        return value

    def record_id(self, key: str, required: bool = True) -> str | None:
        """A field holding another record's id (the entry a void voids, the import a row came with)."""
        if key not in self.data and not required:
            return None
        value = self.text(key)
        if not is_record_id(value):
            raise RecordError(
                msg("log.bad_field", field=key, expected=msg("expect.record_id")), self.column(key)
            )
        return value

    def count(self, key: str) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
            raise RecordError(msg("log.bad_field", field=key, expected=msg("expect.count")), self.column(key))
        return value

    def day(self, key: str) -> date:
        value = self._get(key)
        if isinstance(value, datetime) or not isinstance(value, date):
            raise RecordError(msg("log.bad_field", field=key, expected=msg("expect.date")), self.column(key))
        return value

    def timestamp(self, key: str) -> datetime:
        value = self._get(key)
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise RecordError(
                msg("log.bad_field", field=key, expected=msg("expect.timestamp")), self.column(key)
            )
        return value

    def qualifier(self) -> Qualifier | None:
        text = self.data.get("qualifier")
        if text is None:
            return None
        if text not in Qualifier._value2member_map_ or isinstance(self.data.get("value"), str):
            raise RecordError(
                msg("log.bad_field", field="qualifier", expected=msg("expect.qualifier")),
                self.column("qualifier"),
            )
        return Qualifier(text)

    def value(self) -> int | float:
        value = self._get("value")
        if isinstance(value, str) and value in ("done", "not-done"):
            return DONE if value == "done" else NOT_DONE
        if not in_range(value):
            raise RecordError(msg("log.bad_value"), self.column("value"))
        return value  # type: ignore[no-any-return]


Placed = tuple[int, int, Record]  # (byte offset, line, record)


class Scan:
    """What a pass over (part of) the log found: records with their offsets and lines, and problems."""

    def __init__(self, end: int) -> None:
        self.records: list[Placed] = []
        self.problems: list[Problem] = []
        # An incomplete end of the log, left by a crash or a full disk: a last record cut short, or an import
        # whose closing record was never written. It never counts, and nothing is appended after it.
        self.torn: Problem | None = None
        # A valid last record without its newline (an editor's save): it counts, but the next append
        # starts with the newline it lacks, so it is not part of what an index may cover yet.
        self.unterminated: Placed | None = None
        # Imports cut short before the end (a merge put records after one): their rows never count.
        self.unclosed: list[Problem] = []
        self.end = end  # byte offset just past the last complete line (before an unclosed import at the end)
        self.lines = 0  # complete lines read, up to `end`
        self._batch: list[Placed] = []  # the rows of the import being read, until its closing record

    def add(self, placed: Placed, path: str) -> None:
        """Take one record in the log's order; an import's rows wait for the record that closes it."""
        record = placed[2]
        if self._batch:
            batch = self._batch[0][2].batch  # type: ignore[union-attr]
            if isinstance(record, Entry) and record.batch == batch:
                self._batch.append(placed)
                return
            if isinstance(record, Batch) and record.id == batch and record.entries == len(self._batch):
                self.records += self._batch
            else:  # anything else after the rows: the import was cut short, and its rows never count
                self.unclosed.append(self._cut_short(path))
            self._batch = []
        if isinstance(record, Entry) and record.batch is not None:
            self._batch.append(placed)
        else:
            self.records.append(placed)

    def finish(self, path: str, first_line: int) -> None:
        """At the end of what was read: an import still open ends the log cut short (or is being written)."""
        if self._batch:
            offset, line, _ = self._batch[0]
            self.torn = self.torn or self._cut_short(path)
            self.end, self.lines = offset, line - first_line
            self._batch = []

    def _cut_short(self, path: str) -> Problem:
        line = self._batch[0][1]
        return Problem(path, msg("log.import_cut_short", line=line, rows=len(self._batch)), line, 1)


_BOM: Final = b"\xef\xbb\xbf"


def scan(raw: bytes, path: str, offset: int = 0, first_line: int = 1) -> Scan:
    """Parse the lines of `raw`, which starts at byte `offset` and line `first_line` of the log.

    A tail with no newline is a record if it parses (an editor saved it so), else an incomplete record that a
    crash or a full disk cut short: never data. An import's rows count once its closing record follows."""
    result = Scan(end=offset)
    line_number = first_line
    position = len(_BOM) if offset == 0 and raw.startswith(_BOM) else 0  # Notepad saves one
    while position < len(raw):
        newline = raw.find(b"\n", position)
        if newline < 0:
            _scan_last(raw[position:], offset + position, line_number, path, result)
            break
        record = _read_line(raw[position:newline], line_number, path, result.problems)
        if record is not None:
            result.add((offset + position, line_number, record), path)
        position = newline + 1
        line_number += 1
    else:
        result.end = offset + position
    result.lines = line_number - first_line
    result.finish(path, first_line)
    return result


def _scan_last(raw: bytes, offset: int, line_number: int, path: str, result: Scan) -> None:
    """The last line, which has no newline: a complete record, or a torn one."""
    result.end = offset
    problems: list[Problem] = []
    record = _read_line(raw, line_number, path, problems)
    if problems and problems[0].message.key == "log.bare_cr":  # the whole log, read as its last line
        result.problems += problems
    elif problems:
        result.torn = Problem(path, msg("log.incomplete", line=line_number), line_number, 1)
    elif isinstance(record, Void) or (isinstance(record, Entry) and record.batch is None):
        result.unterminated = (offset, line_number, record)
    elif record is not None:  # an import's row or closing record: taken now, and read again next time
        result.add((offset, line_number, record), path)


def _read_line(raw: bytes, line_number: int, path: str, problems: list[Problem]) -> Record | None:
    """One line's record; None for a blank line or a comment, and for a line that is wrong (said)."""
    if raw.endswith(b"\r"):  # a checkout with CRLF line ends
        raw = raw[:-1]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(path, msg("file.not_utf8", byte=f"0x{raw[exc.start]:02x}"), line_number,
                                exc.start + 1))  # fmt: skip
        return None
    if "\r" in line:  # the line ends of old Mac editors: read as one line, every record would be lost
        problems.append(Problem(path, msg("log.bare_cr"), line_number, line.index("\r") + 1))
        return None
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return None
    try:
        return parse_record(line)
    except RecordError as exc:
        problems.append(Problem(path, exc.message, line_number, exc.column))
        return None
