"""Choosing targets by area, kind or id, with a helpful error for a typo."""

from __future__ import annotations

from .checks import unknown_target
from .errors import UsageError, close_matches, msg
from .model import Kind, Plan, Target


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
