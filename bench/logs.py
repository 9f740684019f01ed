"""Synthetic progress logs for the benchmarks: realistic records over the shipped plan's targets."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from gdz_targets.domain.model import City, Entry, Kind
from gdz_targets.store.log_file import LOG_HEADER
from gdz_targets.store.paths import shipped_plan_path
from gdz_targets.store.plan_file import load_plan
from gdz_targets.store.records import encode_entry, new_record_id

RECORDED_AT = datetime(2024, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))
TEMPLATE = (
    'entry.{id} = {{target = "{target}", city = "{city}", date = {day}, value = {value}, by = "bench", '
    "at = {at}}}\n"
)
_AT = "2024-01-01 09:00:00+08:00"


def _record(number: int, targets: list[tuple[str, Kind]], shuffle: random.Random) -> tuple[Entry, str]:
    target, kind = targets[number % len(targets)]
    value: bool | int = shuffle.random() < 0.3 if kind is Kind.MILESTONE else shuffle.randint(0, 100)
    city = (City.DONGGUAN, City.DONGGUAN, City.GUANGZHOU, City.SHENZHEN)[number % 4]
    day = date(2023, 10, 1) + timedelta(days=number % 700)
    # ids from a clock ticking 1 ms per record: sortable and unique, as a real log's are
    record_id = new_record_id(1_700_000_000_000_000_000 + number * 1_000_000)
    entry = Entry(record_id, target, city, day, value, "bench", RECORDED_AT)
    text_value = ('"done"' if value else '"not-done"') if isinstance(value, bool) else str(value)
    fields = {
        "id": record_id,
        "target": target,
        "city": city.value,
        "day": day.isoformat(),
        "value": text_value,
    }
    line = TEMPLATE.format(**fields, at=_AT)
    return entry, line


def write_log(path: Path, count: int, seed: int = 7) -> None:
    """A log of `count` entries, written fast from a template that is checked against gdz's own encoder."""
    plan = load_plan(shipped_plan_path())
    targets = [(target.id, target.kind) for target in plan.targets]
    shuffle = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(LOG_HEADER)
        for number in range(count):
            entry, line = _record(number, targets, shuffle)
            if number < 50:
                assert line == encode_entry(entry), (line, encode_entry(entry))
            handle.write(line)
