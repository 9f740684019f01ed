"""Choosing targets (by area, kind or id) and narrowing and ordering a status report: pure functions."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any, Final

from .errors import UsageError, Words, close_matches, msg
from .model import Kind, Plan, Target
from .rules import unknown_target
from .status import Status, StatusReport, TargetStatus

if TYPE_CHECKING:
    from .movement import Movement

STALE = "stale"


CONTEXT: Final = "context"
CONTEXT_WORDS: Final = frozenset({"背景指标", "背景", "context indicators"})


def resolve_area(plan: Plan, area: str) -> str:
    """An area as the user names it — its number as reports show it, its id, or `context` — as an id."""
    text = area.strip().lower()
    if text.isdecimal() and 1 <= int(text) <= len(plan.areas):  # not isdigit(): "②" is no int()
        return plan.areas[int(text) - 1].id
    if plan.area(text) is not None or text == CONTEXT:
        return text
    if text in CONTEXT_WORDS:
        return CONTEXT
    # By its title, as the screens and messages name it (`--area 政务服务`): a part only it holds.
    titled = [
        a.id
        for a in plan.areas
        if len(text) >= 2 and (text in a.title_zh.lower() or text in a.title_en.lower())
    ]
    if len(titled) == 1:
        return titled[0]
    # Numbers with ids for English readers, with titles for Chinese ones: either is typed back as the number.
    numbered = list(enumerate(plan.areas, start=1))
    choices = Words(", ".join([*(f"{n} {a.id}" for n, a in numbered), CONTEXT]),
                    "、".join([*(f"{n} {a.title_zh}" for n, a in numbered), CONTEXT]))  # fmt: skip
    close = close_matches(text, [a.id for a in plan.areas] + [CONTEXT], n=1)
    hint = msg("hint.did_you_mean", word=close[0]) if close else msg("hint.areas", areas=choices)
    raise UsageError(msg("select.unknown_area", area=area, hint=hint))


def select_targets(plan: Plan, area: str | None = None, kind: str | None = None) -> list[Target]:
    """The plan's targets in plan order, narrowed to an area (number or id) and/or a kind."""
    if area is not None:
        area = resolve_area(plan, area)
    if kind is not None and kind not in Kind._value2member_map_:
        raise UsageError(msg("select.unknown_kind", kind=kind))
    return [
        target
        for target in plan.targets
        if (area is None or target.area == area or (area == CONTEXT and target.area is None))
        and (kind is None or target.kind.value == kind)
    ]


def require_target(plan: Plan, name: str) -> Target:
    """The target a user names: by its id, or by a part of its Chinese or English title that only it holds
    (`gdz log 跨城通办事项总数 1030`)."""
    target = plan.target(name)
    if target is not None:
        return target
    typed = " ".join(name.split()).lower()
    named = [t for t in plan.targets if typed in (_folded(t.short_zh), _folded(t.short_en))]
    if len(named) == 1:  # a short title, as lists and messages name the target
        return named[0]
    if len(typed) >= 2:
        found = [t for t in plan.targets if any(typed in _folded(text) for text in _names(t))]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise UsageError(msg("entry.ambiguous_target", name=name, ids=", ".join(t.id for t in found[:8])))
    raise UsageError(unknown_target(plan, name))


def _names(target: Target) -> tuple[str | None, ...]:
    """What a target is called, besides its id: its titles and its short titles."""
    return (target.title_zh, target.title_en, target.short_zh, target.short_en)


def _folded(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else "\0"


# The words the status screen shows, in both languages, for the codes `--status` takes: what is read on the
# screen can be typed back (`--status met`, `--status 已达成`).
STATUS_WORDS: Final = {
    "met": "achieved", "on-track": "on-track", "at-risk": "at-risk", "off-track": "off-track",
    "in-progress": "open", "no-data": "no-data",
    "已达成": "achieved", "进度正常": "on-track", "有风险": "at-risk", "落后": "off-track",
    "已逾期": "overdue", "逾期": "overdue", "推进中": "open", "无数据": "no-data", "久未更新": STALE,
}  # fmt: skip


# What an unknown status is answered with: the words the screen shows, in the reader's language.
STATUS_CHOICES: Final = Words(
    "met, on-track, at-risk, off-track, overdue, in-progress, no-data, stale",
    "已达成、进度正常、有风险、落后、已逾期、推进中、无数据、久未更新",
)


def parse_statuses(names: Sequence[str] | None) -> set[str] | None:
    """Status filter words (`on-track`, `on_track`, `met`, `已达成`, `stale`...), checked."""
    if not names:
        return None
    wanted = set()
    known = {status.value for status in Status} | {STALE}
    for name in names:
        for part in name.replace("，", ",").split(","):
            word = part.strip().lower().replace("_", "-").replace(" ", "-")
            word = STATUS_WORDS.get(word, word)
            if word not in known:
                raise UsageError(msg("select.unknown_status", status=part, known=STATUS_CHOICES))
            wanted.add(word)
    return wanted


def _keep(row: TargetStatus, statuses: set[str] | None) -> bool:
    """Whether a row has a wanted status; `overdue` also takes a target past its deadline with no data."""
    if statuses is None:
        return True
    if row.past_deadline and Status.OVERDUE.value in statuses:
        return True
    return (row.status is not None and row.status.value in statuses) or (row.stale and STALE in statuses)


def relative_gap(row: TargetStatus) -> float | None:
    """The gap to the target as a share of the target, so that items, % and 万 m² can be ranked together."""
    goal = row.target.target
    if row.gap_to_target is None or not goal:
        return None
    return row.gap_to_target / abs(goal)


SORTS: Final = ("plan", "gap", "score", "deadline", "id", "change")
# The words an order is typed with, in either language: the codes, and the words `--sort`'s help shows.
SORT_WORDS: Final = {
    "plan": "plan", "方案": "plan", "方案顺序": "plan", "gap": "gap", "差距": "gap", "score": "score",
    "得分": "score", "deadline": "deadline", "期限": "deadline", "截止": "deadline", "id": "id", "编号": "id",
    "change": "change", "变化": "change", "较上期": "change",
}  # fmt: skip
SORT_CHOICES: Final = Words("plan, gap, score, deadline, id, change", "方案、差距、得分、期限、编号、变化")


def parse_sort(text: str) -> str:
    """An order of targets as typed (`score`, `得分`), as its code."""
    sort = SORT_WORDS.get(text.strip().lower())
    if sort is None:
        raise UsageError(msg("select.unknown_sort", sort=text, known=SORT_CHOICES))
    return sort


def _sort_key(sort: str, moved: Movement | None) -> Callable[[TargetStatus], Any] | None:
    if sort == "change":  # the most important change first (`--since`); what did not move last
        if moved is None:
            raise UsageError(msg("select.change_needs_since"))
        from .movement import importance  # only a report since an earlier day loads what moved

        return lambda row: importance(moved.of(row.target.id))
    if sort == "gap":  # the biggest shortfall, as a share of the target, first; no gap last
        return lambda row: (relative_gap(row) is None, -(relative_gap(row) or 0.0))
    if sort == "score":  # lowest score first
        return lambda row: (row.score.value is None, row.score.value or 0.0)
    if sort == "deadline":
        return lambda row: (row.target.deadline is None, row.target.deadline or 0)
    if sort == "id":
        return lambda row: row.target.id
    return None


def narrow_report(
    report: StatusReport,
    area: str | None,
    statuses: Sequence[str] | None,
    sort: str = "plan",
    targets: Collection[str] | None = None,
    moved: Movement | None = None,
) -> StatusReport:
    """Keep the rows asked for (in `area`, with `statuses`, among `targets`), in the order asked for (by
    change, with what `moved` since an earlier day); area and plan scores and the status counts still cover
    the whole plan (the summary says what is shown)."""
    area = resolve_area(report.plan, area) if area is not None else None
    wanted_ids = {target.id for target in select_targets(report.plan, area=area)}
    if targets is not None:
        wanted_ids &= set(targets)
    wanted_statuses = parse_statuses(statuses)
    key = _sort_key(sort, moved)

    def rows(found: Sequence[TargetStatus]) -> tuple[TargetStatus, ...]:
        kept = [row for row in found if row.target.id in wanted_ids and _keep(row, wanted_statuses)]
        return tuple(sorted(kept, key=key) if key else kept)

    areas = tuple(
        section._replace(targets=rows(section.targets))
        for section in report.areas
        if area is None or section.area_id == area
    )
    context = rows(report.context) if area in (None, CONTEXT) else ()
    return report._replace(
        areas=tuple(a for a in areas if a.targets or (wanted_statuses is None and targets is None)),
        context=context,
    )
