"""The exit codes of the `gdz` command, and which kind of error gives which: documented in the README, and
scripts rely on them. Here, not in the domain: they are the process's, not the plan's."""

from enum import IntEnum
from typing import Final

from gdz_targets.domain.errors import DataError, Declined, GdzError, UsageError, WriteError


class ExitCode(IntEnum):
    """Documented in the README; scripts may rely on them."""

    OK = 0
    PROBLEMS = 1  # `gdz check` found problems; a confirmation was declined
    USAGE = 2  # bad input on the command line or in an imported file; nothing was written
    DATA = 3  # the plan, the log or a workspace file cannot be read or is invalid
    WRITE = 4  # a file could not be written (disk full, read-only, lock held too long)


EXIT_CODES: Final[dict[type[GdzError], ExitCode]] = {
    Declined: ExitCode.PROBLEMS,
    UsageError: ExitCode.USAGE,
    DataError: ExitCode.DATA,
    WriteError: ExitCode.WRITE,
}


def exit_code(error: GdzError) -> ExitCode:
    """The exit code an error ends a command with."""
    return next((code for kind, code in EXIT_CODES.items() if isinstance(error, kind)), ExitCode.USAGE)
