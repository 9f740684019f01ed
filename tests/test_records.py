"""The log's record format: encoding with tomli-w, and a fast parser that must agree with tomllib."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdz_targets.domain.model import City, Entry, Void
from gdz_targets.store.records import RecordError, encode_entry, encode_void, parse_record, parse_toml_record

IDS = st.from_regex(r"\A[0-9A-HJKMNP-TV-Z]{26}\Z")
TARGETS = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}\Z")
TEXT = st.text(max_size=30)
ZONES = st.sampled_from([UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30))])
TIMES = st.builds(lambda moment, zone: moment.replace(tzinfo=zone),
                  st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)), ZONES)  # fmt: skip
VALUES = st.one_of(st.booleans(), st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1),
                   st.floats(min_value=-1e15, max_value=1e15, exclude_min=True, exclude_max=True))  # fmt: skip


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    return Entry(
        id=draw(IDS), target=draw(TARGETS), city=draw(st.sampled_from(list(City))), date=draw(st.dates()),
        value=draw(VALUES), recorded_by=draw(TEXT.filter(str.strip)), recorded_at=draw(TIMES),
        note=draw(st.one_of(st.none(), TEXT.filter(bool))), source=draw(st.one_of(st.none(), TEXT.filter(bool))),
    )  # fmt: skip


@given(entries())
def test_entries_round_trip_and_both_parsers_agree(entry: Entry) -> None:
    line = encode_entry(entry)
    assert line.count("\n") == 1 and line.endswith("\n")  # one record, one line: safe for git's union merge
    assert parse_record(line) == parse_toml_record(line) == entry
    assert parse_record(line[:-1]) == entry


@given(IDS, IDS, TEXT.filter(str.strip), TEXT.filter(str.strip), TIMES)
def test_voids_round_trip_and_both_parsers_agree(void_id: str, entry_id: str, reason: str, by: str,
                                                 at: datetime) -> None:  # fmt: skip
    void = Void(void_id, entry_id, reason, by, at)
    line = encode_void(void)
    assert parse_record(line) == parse_toml_record(line) == void


def _outcome(parse, line: str) -> object:  # type: ignore[no-untyped-def]
    try:
        return parse(line)
    except RecordError as error:
        return ("refused", error.message.key)


@given(entries(), st.integers(min_value=0, max_value=400), st.sampled_from(['"', "\\", "0", "-", " ", "x", "",
                                                                              "\t", "é", "=", "}", ","]))  # fmt: skip
def test_a_damaged_line_gets_the_same_verdict_from_both_parsers(
    entry: Entry, position: int, replacement: str
) -> None:
    line = encode_entry(entry).rstrip("\n")
    position = min(position, len(line))
    damaged = line[:position] + replacement + line[position + 1 :]
    fast, slow = _outcome(parse_record, damaged), _outcome(parse_toml_record, damaged)
    assert fast == slow


@pytest.mark.parametrize(
    "line",
    [
        'entry.01JQQDSGM006QTQKH0EBB8CJ6M = {target = "x", city = "dongguan", date = 2025-02-30, value = 1, '
        'by = "w", at = 2025-04-01T09:00:00+08:00}',
        'entry.01JQQDSGM006QTQKH0EBB8CJ6M = {target = "x", city = "dongguan", date = 2025-03-31, value = 007, '
        'by = "w", at = 2025-04-01T09:00:00+08:00}',
        'entry.01JQQDSGM006QTQKH0EBB8CJ6M = {target = "x", city = "dongguan", date = 2025-03-31, value = 1, '
        'by = " ", at = 2025-04-01T09:00:00+08:00}',
        'entry.01JQQDSGM006QTQKH0EBB8CJ6M = {target = "x", city = "dongguan", date = 2025-03-31, value = 1, '
        'by = "w", at = 2025-04-01T25:00:00+08:00}',
    ],
)
def test_lines_the_fast_path_must_not_accept(line: str) -> None:
    with pytest.raises(RecordError):
        parse_record(line)


@pytest.mark.parametrize("line", ['  entry.01JQQDSGM006QTQKH0EBB8CJ6M = {target = "x"}',
                                  'entry."01JQQDSGM006QTQKH0EBB8CJ6M" = {target = "x"}'])  # fmt: skip
def test_the_key_must_open_the_line(line: str) -> None:
    with pytest.raises(RecordError) as refused:
        parse_record(line)
    assert refused.value.message.key == "log.key_layout"


def test_hand_written_layout_is_still_read() -> None:
    line = ('entry.01JQQDSGM006QTQKH0EBB8CJ6M = { city = "guangzhou", target = "pass-rate", value = 7.5e1, '
            "date = 2025-03-31, by = 'wang', at = 2025-04-01T09:00:00Z }")  # fmt: skip
    assert parse_record(line) == Entry("01JQQDSGM006QTQKH0EBB8CJ6M", "pass-rate", City.GUANGZHOU, date(2025, 3, 31),
                                       75.0, "wang", datetime(2025, 4, 1, 9, tzinfo=UTC))  # fmt: skip


@pytest.mark.parametrize("value", ["1" + "0" * 400, "1e308", "-1e15", "1000000000000000", "inf", "nan"])
def test_a_figure_gdz_cannot_hold_is_refused_by_both_parsers(value: str) -> None:
    line = (f'entry.01JGSZKPM0M3Q2EG33EFZZPZH7 = {{target = "pass-rate", city = "dongguan", date = 2024-06-30, '
            f'value = {value}, by = "wang", at = 2025-01-05T09:00:00+08:00}}\n')  # fmt: skip
    assert _outcome(parse_record, line) == _outcome(parse_toml_record, line) == ("refused", "log.bad_value")


@given(st.one_of(st.text(max_size=40), VALUES, st.dates(), TIMES, st.floats(allow_nan=False)))
def test_values_are_written_exactly_as_tomli_w_writes_them(value: object) -> None:
    import tomli_w

    from gdz_targets.store.records import _value_text

    assert _value_text(value) == tomli_w.dumps({"v": value})[4:-1]


@given(st.integers(min_value=0, max_value=2**48 - 1))
def test_a_record_id_is_the_ulid_of_its_time(millis: int) -> None:
    from gdz_targets.store import records

    records._last_id[0] = 0  # a fresh process: no earlier id to follow
    made = records.new_record_id(now_ns=millis * 1_000_000)
    number = sum(records._CROCKFORD.index(char) << (5 * (25 - place)) for place, char in enumerate(made))
    assert len(made) == 26 and number >> 80 == millis
