"""A pickled copy of the validated plan, so that most runs skip TOML parsing and validation.

Used only while the plan file has exactly the size, mtime, ctime, inode and device recorded with the copy, and
for the same gdz version (any write to the file changes its ctime). Like beancount's cache of parsed ledgers,
it lives in the user's own cache directory; a missing, stale or unreadable copy is rebuilt without a word, and
`gdz check` always validates the file itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import zlib
from pathlib import Path

from gdz_targets import __version__
from gdz_targets.domain.errors import GdzError
from gdz_targets.domain.model import Area, Observation, Plan, PlanMeta, Source, Target, Unit

from .files import canonical

# The shape of what is pickled: a copy made by a gdz whose plan model differed is never used, version or not.
_SHAPE = tuple(kind._fields for kind in (Plan, PlanMeta, Source, Unit, Area, Target, Observation))
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError,
               ValueError)  # fmt: skip


def load_plan_cached(path: Path, cache_dir: Path) -> Plan:
    """The plan at `path`: from the cache if it was made from this very file, else parsed, checked, stored."""
    try:
        info = path.stat()
    except OSError:
        from .plan_file import load_plan

        return load_plan(path)  # raises the right message for a missing or unreadable file
    where = canonical(path)
    stat = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
    key = (__version__, _SHAPE, where, *stat)
    cache = cache_dir / f"plan-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}.pickle"
    try:
        with cache.open("rb") as handle:
            stored_key, plan = pickle.load(handle)
        if stored_key == key and isinstance(plan, Plan):
            return plan
    except _UNREADABLE:
        pass
    from .files import atomic_write
    from .plan_file import load_plan

    plan = load_plan(path)
    with contextlib.suppress(OSError, GdzError):
        os.makedirs(cache_dir, exist_ok=True)
        atomic_write(cache, pickle.dumps((key, plan), protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    return plan
