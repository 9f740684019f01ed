"""A cached copy of the validated plan, so that most runs skip TOML parsing and validation.

Used only while the plan file has exactly the size, mtime, ctime, inode and device recorded with the copy (any
write to the file changes its ctime), and while the code that reads a plan is the code that made the copy: its
modules' sizes and modification times are part of the key, so a new gdz (or an edit of its reader) is never
served a plan read the old way. Like beancount's cache of parsed ledgers,
it lives in the user's own cache directory; a missing, stale or unreadable copy is rebuilt without a word, and
`gdz check` always validates the file itself. The copy is the plan as tagged tuples in `marshal`'s format:
read back in about a millisecond, without the few milliseconds importing `pickle` costs every run.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from collections.abc import Mapping
from datetime import date
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from gdz_targets import __version__
from gdz_targets.domain.errors import GdzError, Words
from gdz_targets.domain.model import (
    Area,
    City,
    Direction,
    Kind,
    Measure,
    Observation,
    PeriodDate,
    Plan,
    PlanMeta,
    Precision,
    Qualifier,
    Source,
    Target,
    Unit,
)

from .files import canonical, open_cache

# What a plan is made of, by name: the copy names each record's and each choice's type.
_RECORD_TYPES = (Plan, PlanMeta, Source, Unit, Area, Target, Observation, PeriodDate, Words)
_RECORDS: dict[str, Any] = {kind.__name__: kind for kind in _RECORD_TYPES}
_CHOICES: dict[str, Any] = {
    kind.__name__: kind for kind in (Kind, Direction, City, Precision, Qualifier, Measure)
}
# The shape of what is stored: a copy made by a gdz whose plan model differed is never used, version or not.
_SHAPE = tuple((name, kind._fields) for name, kind in _RECORDS.items())
_UNREADABLE = (OSError, EOFError, KeyError, IndexError, TypeError, ValueError)
# The modules whose code decides what a plan file reads as.
READERS = tuple(Path(__file__).resolve().parents[1] / name for name in (
    "domain/errors.py", "domain/model.py", "domain/values.py", "store/files.py", "store/plan_file.py",
    "store/plan_cache.py"))  # fmt: skip


def reader_stamp() -> tuple[tuple[int, int], ...]:
    """The size and modification time of each module that reads a plan (empty where one cannot be seen)."""
    stamps = []
    for module in READERS:
        try:
            info = os.stat(module)
        except OSError:
            return ()
        stamps.append((info.st_size, info.st_mtime_ns))
    return tuple(stamps)


def encode(value: Any) -> Any:
    """A plan as nested tuples `marshal` writes: records, choices, days and mappings each a tagged tuple."""
    if isinstance(value, Enum):  # before str: a StrEnum is a str
        return ("c", type(value).__name__, value.value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return ("r", type(value).__name__, tuple(encode(field) for field in value))
    if isinstance(value, date):
        return ("d", value.toordinal())
    if isinstance(value, Mapping):
        tag = "p" if isinstance(value, MappingProxyType) else "m"
        return (tag, tuple((encode(key), encode(item)) for key, item in value.items()))
    if isinstance(value, tuple | list):
        return ("t", tuple(encode(item) for item in value))
    return value  # text, numbers, true/false, nothing


def decode(value: Any) -> Any:
    if not isinstance(value, tuple):
        return value
    tag = value[0]
    if tag == "r":
        return _RECORDS[value[1]](*(decode(field) for field in value[2]))
    if tag == "c":
        return _CHOICES[value[1]](value[2])
    if tag == "d":
        return date.fromordinal(value[1])
    if tag in ("m", "p"):
        mapping = {decode(key): decode(item) for key, item in value[1]}
        return MappingProxyType(mapping) if tag == "p" else mapping
    return tuple(decode(item) for item in value[1])


def load_plan_cached(path: Path, cache_dir: Path) -> Plan:
    """The plan at `path`: from the cache if it was made from this very file, else parsed, checked, stored."""
    try:
        info = path.stat()
    except OSError:
        from .plan_file import load_plan

        return load_plan(path)  # raises the right message for a missing or unreadable file
    where = canonical(path)
    stat = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
    key = (__version__, reader_stamp(), _SHAPE, where, *stat)
    cache = cache_dir / f"plan-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}.marshal"
    opened = open_cache(cache)
    if opened is not None:
        try:
            with opened as handle:
                stored_key, stored = marshal.loads(handle.read())
            if stored_key == key:
                plan = decode(stored)
                if isinstance(plan, Plan):
                    return plan
        except _UNREADABLE:
            pass
    from .files import atomic_write
    from .plan_file import load_plan

    plan = load_plan(path)
    with contextlib.suppress(OSError, GdzError):
        os.makedirs(cache_dir, exist_ok=True)
        atomic_write(cache, marshal.dumps((key, encode(plan))), durable=False)
    return plan
