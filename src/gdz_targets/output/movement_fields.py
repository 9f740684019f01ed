"""What a status export gains since an earlier day (`--since`): each target's figure, score and status as of
that day and its changes, in columns after every status export's own (CSV, xlsx, JSON rows), and in JSON the
earlier report's summary and the targets by kind of change."""

from __future__ import annotations

from typing import Any, Final

from gdz_targets.domain.exact import difference
from gdz_targets.domain.model import Kind
from gdz_targets.domain.movement import CHANGE_ORDER, Movement, TargetMovement

from .export import figure_fields, json_number, summary_fields, whole_numbers
from .sheets import change_column

# After the status columns, in this order; documented in the README and pinned by the tests.
SINCE_COLUMNS: Final = (
    "since",
    "current_then",
    "current_then_as_of",
    "current_then_period",
    "current_then_qualifier",
    "current_change",
    "current_change_qualifier",
    "score_then",
    "score_change",
    "status_then",
    "stale_then",
    *(change_column(change) for change in CHANGE_ORDER),
)


def since_record(row: TargetMovement) -> dict[str, Any]:
    """A target's fields as of the earlier day and its changes since, typed as the status fields are."""
    target, then = row.now.target, row.then
    record: dict[str, Any] = {"since": row.since.isoformat()}
    earlier = figure_fields(target, "current_then", then.current)
    del earlier["current_then_origin"]
    record |= earlier
    # A milestone's change is its state, in current and current_then; a bound earlier figure has none.
    change = row.figure if target.kind is not Kind.MILESTONE else None
    record["current_change"] = json_number(change.amount, 6) if change else None
    record["current_change_qualifier"] = change.bound.value if change and change.bound else None
    then_score, now_score = (json_number(score, 2) for score in (then.score.value, row.now.score.value))
    record["score_then"], record["score_change"] = then_score, None
    if then_score is not None and now_score is not None:  # the difference of the two scores exported
        record["score_change"] = json_number(difference(now_score, then_score))
    record["status_then"] = then.status.value if then.status else None
    record["stale_then"] = then.stale
    record |= {change_column(change): change in row.changes for change in CHANGE_ORDER}
    return whole_numbers(record)


def movement_fields(moved: Movement) -> dict[str, Any]:
    """JSON's `movement`: the earlier report's summary (scores, coverage, counts), the targets that moved
    (the most important change first; context indicators only in their rows), and those with each change."""
    return {
        "then": summary_fields(moved.then),
        "moved": [row.now.target.id for row in moved.moved()],
        "changes": {
            change.value: [row.now.target.id for row in moved.moved() if change in row.changes]
            for change in CHANGE_ORDER
        },
    }
