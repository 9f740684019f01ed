"""Domain errors, exit codes, and located problems; messages are keys into `i18n`."""

import errno
from collections.abc import Mapping, Sequence
from enum import IntEnum
from types import MappingProxyType
from typing import NamedTuple


class ExitCode(IntEnum):
    """Documented in the README; scripts may rely on them."""

    OK = 0
    PROBLEMS = 1  # `gdz check` found problems; a confirmation was declined
    USAGE = 2  # bad input on the command line or in an imported file; nothing was written
    DATA = 3  # the plan, the log or a workspace file cannot be read or is invalid
    WRITE = 4  # a file could not be written (disk full, read-only, lock held too long)


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

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: Message, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message.key)
        self.message = message
        self.problems = tuple(problems)


class UsageError(GdzError):
    exit_code = ExitCode.USAGE


class DataError(GdzError):
    exit_code = ExitCode.DATA


class WriteError(GdzError):
    exit_code = ExitCode.WRITE


class Declined(GdzError):
    exit_code = ExitCode.PROBLEMS


# The operating-system errors people meet, by name, so that their reason reads in the user's language.
OS_REASONS: dict[int, str] = {
    code: name.lower()
    for name in ("ENOENT", "EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EFBIG", "EIO", "ELOOP",
                 "ENAMETOOLONG", "ENOTDIR", "EISDIR", "EEXIST", "EBUSY", "ETXTBSY", "EXDEV", "EMFILE",
                 "ENXIO")
    if (code := getattr(errno, name, None)) is not None
}  # fmt: skip


def os_reason(exc: OSError | RuntimeError) -> Message:
    """Why an operating-system call failed, as a message (`reason.enospc`), or its own words if unusual."""
    if isinstance(exc, RuntimeError):  # pathlib's word for a loop of symbolic links
        return msg("reason.eloop")
    name = OS_REASONS.get(exc.errno or 0)
    return msg(f"reason.{name}") if name else msg("reason.other", detail=exc.strerror or str(exc))
