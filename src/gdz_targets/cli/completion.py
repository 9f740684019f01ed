"""Shell completion (bash, zsh, fish) for every argument and option that names a target, an area, a city, a
status, a kind or an entry. Each returns (value, help) pairs; zsh and fish show the help beside the value.
A plan or log that cannot be read completes nothing: completion never prints an error into the shell."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from gdz_targets.domain.errors import GdzError, Words, counted

from .click_api import CompletionItem, Context, Parameter, ParamType

if TYPE_CHECKING:
    from gdz_targets.app.session import Session

Choices = list[tuple[str, str]]
HELP_CELLS = 48  # Typer folds longer help at 80 columns, which breaks a candidate into two in fish and zsh


def _choices(found: Iterable[tuple[str, str]]) -> Choices:
    from gdz_targets.output.textwidth import cut

    return [(value, cut(" ".join(help_text.split()), HELP_CELLS)) for value, help_text in found]


def _session() -> "Session":
    from gdz_targets.app.session import Session

    return Session()


def targets(incomplete: str) -> Choices:
    """Target ids starting with what is typed, or whose title holds it (`gdz log 跨城通办 1030` takes it)."""
    try:
        s = _session()
        plan = s.plan()
    except GdzError:
        return []
    typed = incomplete.lower()
    starting = [(t.id, t.short(s.lang)) for t in plan.targets if t.id.startswith(typed)]
    if starting or not typed:
        return _choices(starting)
    return _choices(
        (t.id, t.short(s.lang))
        for t in plan.targets
        if any(typed in name.lower() for name in (t.title_zh, t.title_en, t.short_zh or "", t.short_en or ""))
    )


def areas(incomplete: str) -> Choices:
    try:
        s = _session()
        plan = s.plan()
    except GdzError:
        return []
    found = [(str(number), area.title(s.lang)) for number, area in enumerate(plan.areas, start=1)]
    found += [(area.id, area.title(s.lang)) for area in plan.areas] + [("context", "context indicators")]
    return _choices((value, help_text) for value, help_text in found if value.startswith(incomplete.lower()))


def cities(incomplete: str) -> Choices:
    from gdz_targets.domain.values import CITY_NAMES

    names = [name for name in CITY_NAMES if name.isascii() and len(name) > 2]
    return [(name, name.capitalize()) for name in names if name.startswith(incomplete.lower())]


def statuses(incomplete: str) -> Choices:
    """The words the status screen shows (what `--status` is typed with), in English and Chinese."""
    from gdz_targets.domain.query import STATUS_CHOICES

    return _words(STATUS_CHOICES, incomplete)


def sorts(incomplete: str) -> Choices:
    """The orders `--sort` takes, in English and Chinese."""
    from gdz_targets.domain.query import SORT_CHOICES

    return _words(SORT_CHOICES, incomplete)


def _words(choices: Words, incomplete: str) -> Choices:
    """A choice's words in both languages (`a, b` and `甲、乙`) that begin with what was typed."""
    words = [*choices.en.split(", "), *choices.zh.split("、")]
    return [(word, word) for word in words if word.startswith(incomplete.lower())]


def kinds(incomplete: str) -> Choices:
    from gdz_targets.domain.model import Kind

    return [(kind.value, kind.value) for kind in Kind if kind.value.startswith(incomplete.lower())]


def entries(incomplete: str) -> Choices:
    """The short ids of the entries that still count, newest first, each with its day, target and figure."""
    from gdz_targets.domain.model import short_id

    try:
        s = _session()
        log = s.log()
        plan = s.plan()
    except GdzError:
        return []
    from gdz_targets.output.text import entry_brief

    voided = log.voids()
    found = [entry for entry in reversed(log.entries()) if entry.id not in voided]
    typed = incomplete.upper()
    return _choices(
        (short_id(entry.id), entry_brief(plan, entry, s.lang))
        for entry in found
        if short_id(entry.id).startswith(typed) or entry.id.startswith(typed)
    )[:50]


def owners(incomplete: str) -> Choices:
    """The owners (责任单位) of the workspace whose name holds what is typed, each with what it holds."""
    try:
        s = _session()
        from gdz_targets.app.owners import owners as workspace_owners

        found = workspace_owners(s)
    except GdzError:
        return []
    from gdz_targets.output.messages import render

    typed = incomplete.lower()
    return _choices((owner.name, render(counted("target", len(owner.targets())), s.lang))
                    for owner in found.owners if typed in owner.name.lower())  # fmt: skip


def periods(incomplete: str) -> Choices:
    """The latest periods of the workspace's cycle that have ended, the latest first."""
    try:
        s = _session()
        from gdz_targets.app.owners import settings
        from gdz_targets.domain.periods import latest_ended

        period = latest_ended(s.today(), settings(s).cadence)
    except GdzError:
        return []
    from gdz_targets.output.round_text import period_label

    found = []
    for _ in range(6):
        found.append((str(period), period_label(period, s.lang)))
        period = period.previous()
    return [(value, help_text) for value, help_text in found if value.startswith(incomplete)]


class TargetName(ParamType):
    """A target as typed: completed with the ids starting with what is typed, else with the ids of the
    targets whose title holds it. Offered unfiltered (Typer's `autocompletion` keeps only candidates that
    start with what is typed, which would drop every title match); bash then offers them, while zsh and
    fish keep only those starting with what is typed."""

    name = "target"

    def convert(self, value: object, param: Parameter | None, ctx: Context | None) -> object:
        return value  # the command resolves it (an id or a part of a title), with its own errors

    def shell_complete(self, ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
        return [CompletionItem(value, help=help_text) for value, help_text in targets(incomplete)]
