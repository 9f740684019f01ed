"""Synthetic progress logs for the benchmarks: realistic records over the shipped plan's targets."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from gdz_targets.domain.model import City, Entry, Kind, Void
from gdz_targets.store.log_file import LOG_HEADER
from gdz_targets.store.paths import shipped_plan_path
from gdz_targets.store.plan_file import load_plan
from gdz_targets.store.records import encode_entry, encode_void, new_record_id

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


CORRECTED_AT = datetime(2025, 6, 15, 9, 0, tzinfo=timezone(timedelta(hours=8)))  # after the bench's --since


def write_corrected_log(path: Path, count: int, corrections: int = 1000, last_day: date = date(2025, 6, 30),
                        seed: int = 13) -> None:  # fmt: skip
    """A log as an office keeps it — one figure per target, city and day, the days running up to `last_day` —
    and then `corrections` corrections made after the bench's `--since`: each voids a figure and logs the
    right one for the same day."""
    plan = load_plan(shipped_plan_path())
    pairs = [(target, city) for target in plan.targets for city in City]
    shuffle = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    corrected = set(shuffle.sample(range(count), corrections))
    wrong: list[Entry] = []  # only those to correct are kept: a million entries held would weigh on every
    # process the benchmark starts, which inherits its parent's peak memory
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(LOG_HEADER)
        for number in range(count):
            target, city = pairs[number % len(pairs)]
            day = last_day - timedelta(days=(count - 1 - number) // len(pairs))
            milestone = target.kind is Kind.MILESTONE
            value: bool | int = shuffle.random() < 0.3 if milestone else shuffle.randint(0, 100)
            record_id = new_record_id(1_700_000_000_000_000_000 + number * 1_000_000)
            entry = Entry(record_id, target.id, city, day, value, "bench", RECORDED_AT)
            wrong += [entry] if number in corrected else []
            handle.write(encode_entry(entry))
        for number, entry in enumerate(wrong):
            void_id = new_record_id(1_800_000_000_000_000_000 + number * 2_000_000)
            handle.write(encode_void(Void(void_id, entry.id, "bench correction", "bench", CORRECTED_AT)))
            right_id = new_record_id(1_800_000_000_000_000_000 + number * 2_000_000 + 1_000_000)
            right = not entry.value if isinstance(entry.value, bool) else entry.value + 1
            handle.write(encode_entry(entry._replace(id=right_id, value=right, recorded_at=CORRECTED_AT)))


def write_import_files(csv_path: Path, xlsx_path: Path, count: int, last_day: date, seed: int = 11) -> None:
    """A department's sheet of `count` rows (target, city, date, value), as CSV and as .xlsx with date cells:
    Guangzhou and Shenzhen figures for every target, one day apart, ending on `last_day`."""
    import xlsxwriter

    plan = load_plan(shipped_plan_path())
    shuffle = random.Random(seed)
    pairs = [(target, city) for target in plan.targets for city in (City.GUANGZHOU, City.SHENZHEN)]
    rows: list[tuple[str, str, date, int | str]] = []
    for number in range(count):
        target, city = pairs[number % len(pairs)]
        day = last_day - timedelta(days=(count - 1 - number) // len(pairs))
        milestone = target.kind is Kind.MILESTONE
        value: int | str = shuffle.choice(("done", "not-done")) if milestone else shuffle.randint(1, 99)
        rows.append((target.id, city.value, day, value))
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("target,city,date,value\n")
        handle.writelines(
            f"{target_id},{city_id},{day.isoformat()},{value}\n" for target_id, city_id, day, value in rows
        )
    book = xlsxwriter.Workbook(str(xlsx_path), {"constant_memory": True})
    sheet, day_format = book.add_worksheet(), book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ("target", "city", "date", "value"))
    for number, (target_id, city_id, day, value) in enumerate(rows, start=1):
        sheet.write_row(number, 0, (target_id, city_id))
        sheet.write_datetime(number, 2, datetime(day.year, day.month, day.day), day_format)
        sheet.write(number, 3, value)
    book.close()


if __name__ == "__main__":  # `python bench/logs.py CSV XLSX ROWS LAST_DAY`: the sheets to import, made apart
    import sys

    csv_name, xlsx_name, rows, last = sys.argv[1:]
    write_import_files(Path(csv_name), Path(xlsx_name), int(rows), date.fromisoformat(last))
