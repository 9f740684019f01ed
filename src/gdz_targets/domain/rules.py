"""Rules for logged records against the plan: what `gdz log` refuses, and what `gdz check` reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .errors import Message, Problem, close_matches, msg
from .model import Batch, City, Entry, Kind, Plan, Record, Target, Void
from .values import check_bounds, day_problem


def unknown_target(plan: Plan, target_id: str) -> Message:
    """No such target: suggest the ids, or — for what was typed in Chinese, or matches no id — the short
    titles of the targets whose names come closest (`跨城通办总述` → 跨城通办总数)."""
    close = [] if not target_id.isascii() else close_matches(target_id, [t.id for t in plan.targets], n=3,
                                                              cutoff=0.5)  # fmt: skip
    if not close:
        names = {name: t.short_zh if not target_id.isascii() and t.short_zh else t.id for t in plan.targets
                 for name in (t.title_zh, t.title_en, t.short_zh, t.short_en) if name}  # fmt: skip
        found = close_matches(target_id, list(names), n=6, cutoff=0.4)
        close = list(dict.fromkeys(names[name] for name in found))[:3]
    hint = msg("hint.did_you_mean", word="', '".join(close)) if close else msg("hint.list_targets")
    return msg("entry.unknown_target", target=target_id, hint=hint)


def value_problem(plan: Plan, target: Target, value: float, is_milestone_word: bool) -> Message | None:
    """Why a value cannot be logged for this target, or None."""
    if target.kind is Kind.MILESTONE:
        return None if is_milestone_word else msg("entry.milestone_value", target=target.id)
    if is_milestone_word:
        return msg("entry.numeric_value", target=target.id)
    unit = plan.unit_of(target)
    return check_bounds(unit, value) if unit is not None else None


def date_problem(target: Target, city: City, day: date, today: date, issued: date) -> Message | None:
    """A date refused without --force: in the future, or (for Dongguan) before the target's baseline, else
    before the plan's issue; a date known only to the month or year counts from the period's start."""
    if day > today:
        return msg("entry.future_date", date=day.isoformat(), today=today.isoformat())
    if city is City.DONGGUAN:
        floor = target.baseline.as_of.first_day if target.baseline else issued
        if day < floor:
            key = "entry.before_baseline" if target.baseline else "entry.before_plan"
            return msg(key, date=day.isoformat(), floor=floor.isoformat())
    return None


def check_records(plan: Plan, records: Sequence[tuple[int, Record]], path: str) -> list[Problem]:
    """Plan-aware problems of a log's (line, record) pairs: unknown targets, impossible values, voids of
    nothing, an id used twice with different content or by an entry and a void."""
    problems: list[Problem] = []
    entries: dict[str, tuple[int, Entry]] = {}
    voids: list[tuple[int, Void]] = []
    for line, record in records:
        if isinstance(record, Void):
            voids.append((line, record))
            continue
        if isinstance(record, Batch):
            continue
        earlier = entries.get(record.id)
        if earlier is not None and earlier[1]._replace(batch=None) != record._replace(batch=None):
            problems.append(Problem(path, msg("log.conflicting_duplicate", id=record.id), line, 1))
        entries.setdefault(record.id, (line, record))
        target = plan.target(record.target)
        if target is None:
            problems.append(Problem(path, unknown_target(plan, record.target), line, None))
            continue
        problem = value_problem(plan, target, record.value, isinstance(record.value, bool))
        if problem is not None:
            problems.append(Problem(path, problem, line, None))
        problem = day_problem(record.date)  # a hand edit, a merge, a `--force` of an older gdz
        if problem is not None:
            problems.append(Problem(path, problem, line, None))
    for line, kept, copy in same_figures(records):
        problems.append(Problem(path, msg("log.same_figure", id=copy.id, kept=kept.id), line, None))
    for line, void in voids:
        if void.entry not in entries:
            problems.append(Problem(path, msg("log.void_unknown", entry=void.entry), line, None))
        if void.id in entries:  # one id, one record: `gdz show ID` could not tell which
            problems.append(Problem(path, msg("log.id_shared", id=void.id), line, 1))
    return sorted(problems, key=lambda problem: problem.line or 0)


def same_figures(records: Sequence[tuple[int, Record]]) -> list[tuple[int, Entry, Entry]]:
    """Entries that say what another entry says (the same target, city, day, figure, bound, note and source)
    under another id, none voided — a file imported on two clones of a shared log before its rows had ids.
    Each copy with its line and the entry kept: the one with the lowest id, so that every clone that
    cleans up keeps the same one."""
    voided = {record.entry for _, record in records if isinstance(record, Void)}
    saying: dict[tuple[object, ...], list[tuple[int, Entry]]] = {}
    for line, record in records:
        if isinstance(record, Entry) and record.id not in voided:
            said = (record.target, record.city, record.date, record.value, record.qualifier, record.note,
                    record.source)  # fmt: skip
            saying.setdefault(said, []).append((line, record))
    copies = []
    for found in saying.values():
        distinct = {entry.id: (line, entry) for line, entry in found}  # an identical line twice is one record
        if len(distinct) > 1:
            kept = min(distinct)
            copies += [(line, distinct[kept][1], entry) for record_id, (line, entry) in distinct.items()
                       if record_id != kept]  # fmt: skip
    return sorted(copies, key=lambda copy: copy[0])


def records_summary(records: Sequence[tuple[int, Record]]) -> tuple[int, int]:
    """How many entries and voids."""
    entries = sum(1 for _, record in records if isinstance(record, Entry))
    return entries, sum(1 for _, record in records if isinstance(record, Void))
