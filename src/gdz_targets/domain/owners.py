"""Who owns which target: the departments (责任单位) a workspace names, each with the targets it leads
(牵头) and those it helps with (配合), resolved against the plan; and an owner named by a part of its name."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple

from .errors import Message, Problem, UsageError, close_matches, msg
from .model import Plan, Target
from .query import require_target
from .values import has_control


class Role(StrEnum):
    LEAD = "lead"  # 牵头单位: owes the figure
    CO = "co"  # 配合单位: helps; sees the target on its form, is never chased for it


class Listed(NamedTuple):
    """A department's line in the owners table as written: its name and the targets it names, with the place
    of each (line and column) for the problems they may have."""

    name: str
    items: tuple[tuple[str, int | None, int | None], ...]
    role: Role
    line: int | None = None
    column: int | None = None


class Owner(NamedTuple):
    name: str
    leads: tuple[str, ...] = ()  # target ids, in the order the table lists them
    helps: tuple[str, ...] = ()

    def role(self, target_id: str) -> Role | None:
        if target_id in self.leads:
            return Role.LEAD
        return Role.CO if target_id in self.helps else None

    def targets(self) -> tuple[str, ...]:
        return (*self.leads, *self.helps)


class Owners(NamedTuple):
    """Every owner of the workspace, in the order its table names them."""

    owners: tuple[Owner, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.owners)

    def of(self, target_id: str) -> list[tuple[Owner, Role]]:
        """The owners of a target, its leads first."""
        found = [(owner, owner.role(target_id)) for owner in self.owners]
        return [(owner, role) for role_wanted in Role for owner, role in found if role is role_wanted]

    def leads_of(self, target_id: str) -> list[str]:
        return [owner.name for owner in self.owners if target_id in owner.leads]

    def named(self, text: str) -> Owner:
        """The owner a user names: its whole name, a part only it holds (`市场监管`), or its characters in
        order, as Chinese abbreviations are made (`市人社局` for 市人力资源和社会保障局)."""
        typed = _folded(text)
        names = [_folded(owner.name) for owner in self.owners]
        if not self.owners:
            raise UsageError(msg("owners.none"))
        for rule in (
            lambda name: name == typed,
            lambda name: typed in name,
            lambda name: _in_order(typed, name),
        ):
            found = [owner for owner, name in zip(self.owners, names, strict=True) if typed and rule(name)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                shown = "、".join(owner.name for owner in found[:8])
                raise UsageError(msg("owners.ambiguous", name=text, owners=shown))
        close = close_matches(typed, names, n=3, cutoff=0.4)
        hint = msg("hint.did_you_mean", word="、".join(close)) if close else msg("owners.list_hint")
        raise UsageError(msg("owners.unknown", name=text, hint=hint))


NO_OWNERS = Owners()


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


def _in_order(typed: str, name: str) -> bool:
    """Whether every character of `typed` appears in `name` in the same order (an abbreviation)."""
    remaining = iter(name)
    return len(typed) >= 2 and all(char in remaining for char in typed)


class OwnerCheck(NamedTuple):
    owners: Owners
    problems: list[Problem]
    warnings: list[Problem]


def resolve_owners(plan: Plan, listed: Sequence[Listed], path: str) -> OwnerCheck:
    """The owners table against the plan: each target by its id or a unique part of its title, as the command
    line takes it; every problem at its line and column. A department is one whatever the spaces or case its
    name is written with in either table."""
    problems: list[Problem] = []
    departments: dict[str, tuple[str, list[str], list[str]]] = {}  # folded name: (name, leads, helps)
    named: set[tuple[Role, str]] = set()
    for department in listed:
        name, where = department.name.strip(), (department.line, department.column)
        if not name or has_control(name):
            problems.append(Problem(path, msg("owners.bad_name", name=department.name), *where))
            continue
        key = _folded(name)
        if (department.role, key) in named:  # `"市政数局"` and `"市政数局 "`: two lines for one department
            other = departments[key][0]
            problems.append(Problem(path, msg("owners.same_name", name=department.name, other=other), *where))
            continue
        named.add((department.role, key))
        _, leads, helps = departments.setdefault(key, (name, [], []))
        chosen, other_role = (leads, helps) if department.role is Role.LEAD else (helps, leads)
        for item, line, column in department.items:
            found = _target(plan, item)
            if isinstance(found, Message):
                problems.append(Problem(path, found, line, column))
            elif found.id in chosen:
                problems.append(Problem(path, msg("owners.twice", name=name, target=found.id), line, column))
            elif found.id in other_role:
                problems.append(
                    Problem(path, msg("owners.lead_and_co", name=name, target=found.id), line, column)
                )
            else:
                chosen.append(found.id)
    owners = Owners(
        tuple(Owner(name, tuple(leads), tuple(helps)) for name, leads, helps in departments.values())
    )
    return OwnerCheck(owners, problems, _without_lead(owners, path))


def _target(plan: Plan, item: str) -> Target | Message:
    try:
        return require_target(plan, item)
    except UsageError as error:
        return error.message


def _without_lead(owners: Owners, path: str) -> list[Problem]:
    """A target helped with by a department, but led by none: nobody owes its figure."""
    led = {target for owner in owners.owners for target in owner.leads}
    helped = dict.fromkeys(target for owner in owners.owners for target in owner.helps)
    return [
        Problem(
            path, msg("owners.no_lead", target=target, owners="、".join(o.name for o, _ in owners.of(target)))
        )
        for target in helped
        if target not in led
    ]
