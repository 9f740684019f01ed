"""Choosing targets (by area, kind or id) and narrowing and ordering a status report: pure functions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .errors import UsageError, close_matches, msg
from .model import Kind, Plan, Target
from .rules import unknown_target
from .status import Status, StatusReport, TargetStatus, count_statuses

STALE = "stale"


def select_targets(plan: Plan, area: str | None = None, kind: str | None = None) -> list[Target]:
    """The plan's targets in plan order, narrowed to an area id and/or a kind."""
    if area is not None and plan.area(area) is None and area != "context":
        choices = [a.id for a in plan.areas] + ["context"]
        close = close_matches(area, choices, n=1)
        hint = (
            msg("hint.did_you_mean", word=close[0]) if close else msg("hint.areas", areas=", ".join(choices))
        )
        raise UsageError(msg("select.unknown_area", area=area, hint=hint))
    if kind is not None and kind not in Kind._value2member_map_:
        raise UsageError(msg("select.unknown_kind", kind=kind))
    return [
        target
        for target in plan.targets
        if (area is None or target.area == area or (area == "context" and target.area is None))
        and (kind is None or target.kind.value == kind)
    ]


def require_target(plan: Plan, target_id: str) -> Target:
    target = plan.target(target_id)
    if target is None:
        raise UsageError(unknown_target(plan, target_id))
    return target


def parse_statuses(names: Sequence[str] | None) -> set[str] | None:
    """Status filter words (`on-track`, `on_track`, `stale`...), checked."""
    if not names:
        return None
    wanted = set()
    known = {status.value for status in Status} | {STALE}
    for name in names:
        for part in name.split(","):
            word = part.strip().lower().replace("_", "-").replace(" ", "-")
            if word not in known:
                raise UsageError(msg("select.unknown_status", status=part, known=", ".join(sorted(known))))
            wanted.add(word)
    return wanted


def _keep(row: TargetStatus, statuses: set[str] | None) -> bool:
    if statuses is None:
        return True
    return (row.status is not None and row.status.value in statuses) or (row.stale and STALE in statuses)


def _sort_key(sort: str) -> Callable[[TargetStatus], Any] | None:
    if sort == "gap":  # biggest shortfall first; no gap last
        return lambda row: (row.gap_to_target is None, -(row.gap_to_target or 0.0))
    if sort == "score":  # lowest score first
        return lambda row: (row.score.value is None, row.score.value or 0.0)
    if sort == "deadline":
        return lambda row: (row.target.deadline is None, row.target.deadline or 0)
    if sort == "id":
        return lambda row: row.target.id
    return None


def narrow_report(
    report: StatusReport, area: str | None, statuses: Sequence[str] | None, sort: str = "plan"
) -> StatusReport:
    """Keep the rows asked for, in the order asked for; area and plan scores still cover the whole plan."""
    wanted_ids = {target.id for target in select_targets(report.plan, area=area)}
    wanted_statuses = parse_statuses(statuses)
    key = _sort_key(sort)

    def rows(found: Sequence[TargetStatus]) -> tuple[TargetStatus, ...]:
        kept = [row for row in found if row.target.id in wanted_ids and _keep(row, wanted_statuses)]
        return tuple(sorted(kept, key=key) if key else kept)

    areas = tuple(
        section._replace(targets=rows(section.targets))
        for section in report.areas
        if area is None or section.area_id == area
    )
    context = rows(report.context) if area in (None, "context") else ()
    return report._replace(
        areas=tuple(a for a in areas if a.targets or wanted_statuses is None),
        context=context,
        counts=count_statuses(areas),
    )
