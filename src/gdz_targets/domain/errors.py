"""What can go wrong, as data: messages (a catalogue key and its parameters), located problems, and the
kinds of error a command ends with. Which exit code each kind gives is the process's (`exit_codes`)."""

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple


class Message(NamedTuple):
    """A translatable message: a catalogue key and its parameters."""

    key: str
    params: Mapping[str, object] = MappingProxyType({})


class Words(NamedTuple):
    """Text from the plan in both languages (a unit's label, a note), to show in the reader's."""

    en: str
    zh: str

    def in_lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def msg(key: str, /, **params: object) -> Message:
    return Message(key, params)


def counted(noun: str, count: int) -> Message:
    """`1 entry`, `2 entries`: from `count.NOUN` and `count.NOUN_plural` (Chinese has one form)."""
    return msg(f"count.{noun}" if count == 1 else f"count.{noun}_plural", count=count)


def close_matches(word: str, choices: Sequence[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """Likely meant: for "did you mean ...?" hints (difflib loads only when a hint is needed)."""
    import difflib

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)


class Problem(NamedTuple):
    """One thing wrong in a file, located as precisely as the parser allows."""

    path: str
    message: Message
    line: int | None = None
    column: int | None = None
    target: str | None = None  # where no line is known, the target id names the place
    place: str | None = None  # a place that is not a line and column: a spreadsheet's `Sheet1!B5`


class GdzError(Exception):
    """An error the user can fix; the CLI prints it as one line per problem and exits."""

    def __init__(self, message: Message, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message.key)
        self.message = message
        self.problems = tuple(problems)


class UsageError(GdzError):
    """Bad input: on the command line, in a file to import, in the environment. Nothing was written."""


class DataError(GdzError):
    """The plan, the log or a workspace file cannot be read or is invalid."""


class WriteError(GdzError):
    """A file could not be written (a full disk, a read-only file, a lock held too long)."""


class Declined(GdzError):
    """The user said no to a question; nothing was done."""
