"""What the operating system says when a call fails, in gdz's words: the reason of an `OSError` as a
message, so that a full disk or a denied permission reads in the user's language wherever it is met."""

import errno

from gdz_targets.domain.errors import Message, msg

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
