"""Who owns each target: the owners table of the workspace's gdz.toml, checked against the plan, as the
commands and the exports ask for it (a table with a problem refused, naming every problem)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from gdz_targets.domain.errors import DataError, Problem, UsageError, counted, msg
from gdz_targets.domain.owners import NO_OWNERS, Owners, Role

from .session import Session

if TYPE_CHECKING:
    from gdz_targets.store.round_settings import RoundSettings


def settings(session: Session) -> RoundSettings:
    """What the workspace's gdz.toml says of the round (defaults outside a workspace)."""
    return session.round_settings()


def owners(session: Session, found: RoundSettings | None = None) -> Owners:
    """The workspace's owners, checked against the plan (none outside a workspace or without [owners]); a
    table with a problem is refused, naming every problem at its line and column (exit 3)."""
    found = found or settings(session)
    if not found.declared and not found.listed:
        _refuse(found.problems, found)
        return NO_OWNERS
    from gdz_targets.domain.owners import resolve_owners

    checked = resolve_owners(session.plan(), found.listed, str(found.path))
    _refuse([*found.problems, *checked.problems], found)
    return checked.owners


def _refuse(problems: Sequence[Problem], found: RoundSettings) -> None:
    if problems:
        problems = sorted(problems, key=lambda problem: (problem.line or 0, problem.column or 0))
        refused = msg("owners.invalid", path=str(found.path), problems=counted("problem", len(problems)))
        raise DataError(refused, problems)


def declared_owners(session: Session) -> tuple[Owners, RoundSettings]:
    """The owners, for a command that cannot work without them: none is bad input, said with the fix."""
    found = settings(session)
    table = owners(session, found)
    if not table:
        raise UsageError(msg("owners.none") if found.path is not None else msg("owners.no_workspace"))
    return table, found


def owner_words(session: Session, name: str) -> str:
    """`owner 市市场监管局`: the owner a filter names, in full, for the summary of what is shown."""
    from gdz_targets.output.messages import render

    chosen = declared_owners(session)[0].named(name)
    return render(msg("owners.filter", owner=chosen.name), session.lang)


def owner_columns(session: Session) -> dict[str, dict[str, str | None]] | None:
    """By target, its leads and its helpers as the status exports' `owner` and `co_owners` cells (names
    joined by 、); None where the workspace declares no owners, and the exports have no such columns."""
    table = owners(session)
    if not table:
        return None
    columns: dict[str, dict[str, str | None]] = {}
    for target in session.plan().targets:
        held = table.of(target.id)
        leads = [owner.name for owner, role in held if role is Role.LEAD]
        helps = [owner.name for owner, role in held if role is Role.CO]
        columns[target.id] = {"owner": "、".join(leads) or None, "co_owners": "、".join(helps) or None}
    return columns


def owners_of(session: Session, target_id: str) -> list[tuple[str, Role]] | None:
    """A target's owners, its leads first; None where the workspace declares no owners at all."""
    table = owners(session)
    if not table:
        return None
    return [(owner.name, role) for owner, role in table.of(target_id)]
