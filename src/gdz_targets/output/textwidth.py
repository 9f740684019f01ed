"""Terminal widths and line folding for mixed Chinese and Latin text (Chinese characters take two cells).

Stdlib only (unicodedata's East Asian Width), so that help and plain output need no Rich.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Final

from gdz_targets.domain.values import DIRECTION_OVERRIDES

_NO_LINE_START = frozenset(")）]】」』”’,，.。、;；:：!！?？%")
_NO_LINE_END = frozenset("(（[【「『“‘")
_SOFT_BREAKS = frozenset("，、；：。,;:)）」』”")


def width_of(text: str) -> int:
    """Terminal cells the text takes (CJK characters take two)."""
    return len(text) if text.isascii() else sum(char_width(char) for char in text)


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Cells one character takes: 2 for wide and full-width ones, 0 for combining marks and format
    characters, else 1."""
    if char.isascii():
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


ELLIPSIS = "…"


def cut(text: str, width: int) -> str:
    """Text that fits `width` cells: as it is, or cut by cells and ended with "…" (never a wide character
    split, never wider than `width`)."""
    if width_of(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    used, end = 0, 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > width - 1:
            break
        end = index + 1
    start = end
    inside = text[end].isdigit() or (text[end] in ".,%" and text[end - 1 : end].isdigit())
    while inside and start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".,"):
        start -= 1  # never cut inside a number: "原则上10…" would misquote "原则上100%"
    if start != end and start >= end // 2:
        end = start
    return text[:end].rstrip() + ELLIPSIS


GLUE: Final = "\u00a0"  # a no-break space: text joined by it is folded only where nothing else can be
_JOIN: Final = "\u2060"  # a word joiner: no fold between the characters it joins (Chinese ones included)


def glue_code(text: str) -> str:
    """Text whose `commands in backticks` fold only where nothing else fits: cut, they could not be copied."""
    import re

    return re.sub(r"`[^`]*`", lambda found: glue(found.group()), text)


def glue(text: str) -> str:
    """Text folded only where nothing else fits: its spaces made no-break, its characters joined."""
    return _JOIN.join(text.replace(" ", GLUE))


def wrap(text: str, width: int, hyphens: bool = True, first: int | None = None) -> list[str]:
    """Fold text to `width` terminal cells (the first line to `first`, where a line is already begun): at
    spaces; inside a word (an id, an address) after - or / only where the word is longer than a line (never,
    if `hyphens` is false); between CJK characters, but never at a no-break space (shown as a space), after
    an opening bracket or quote nor before closing punctuation (Chinese line-breaking rules). Linear in the
    text's length: a note of megabytes folds in no time."""
    width = max(width, 1)  # a line of at least one cell, so that folding always makes progress
    if width < 2 and not text.isascii():  # no Chinese character fits one cell: nothing readable fits here
        return [cut(text.replace(_JOIN, ""), width)]
    lines: list[str] = []
    start, left = 0, width_of(text)  # where the rest begins, and the cells it takes
    room = width if first is None else max(first, 2)
    while left > room:
        end = _last_break(text, start, room, hyphens)
        lines.append(text[start:end].rstrip())
        following = end
        while following < len(text) and text[following].isspace():
            following += 1
        left -= width_of(text[start:following])
        start, room = following, width
    rest = text[start:]
    if rest or not lines:
        lines.append(rest)
    return [line.replace(GLUE, " ").replace(_JOIN, "") for line in lines]


def _last_break(text: str, start: int, width: int, hyphens: bool = True) -> int:
    """Where to end the line that begins at `start`: the last allowed break within `width` cells, else a hard
    cut. Reads no further than the line needs."""
    if text[start : start + width + 1].isascii():
        window = text[start : start + width + 1]
        best = window.rfind(" ")
        if best <= 0 and hyphens:
            best = max(window.rfind("-", 0, width) + 1, window.rfind("/", 0, width) + 1)
        return start + (best if best > 0 else width)
    used, best, soft, glued = 0, 0, 0, 0
    for index in range(start, len(text)):
        char, offset = text[index], index - start
        if offset and _may_break(text[index - 1], char):
            best = offset
            if text[index - 1] in _SOFT_BREAKS or text[index - 1].isspace():
                soft = offset
        elif (
            offset and text[index - 1] == GLUE
        ):  # only where nothing else can be (an example wider than a line)
            glued = offset
        used += char_width(char)
        if used > width:
            # After punctuation or a space rather than inside a phrase, unless that wastes a third of a line.
            chosen = soft if soft >= offset * 2 // 3 else best or glued
            if chosen:
                return start + chosen
            # A hard cut: carry the last character down with closing punctuation (all of it: "):") that would
            # start a line.
            cut = offset
            while cut > 1 and (text[start + cut] in _NO_LINE_START or text[start + cut] == _JOIN):
                cut -= 1
            return start + (cut if cut != offset else max(offset, 1))
    return len(text)


def _may_break(before: str, after: str) -> bool:
    """Between Chinese characters, or at a space; never inside a Latin word or an option (`--area`), never
    at a no-break space, before closing punctuation or after an opening bracket."""
    if (
        after in _NO_LINE_START
        or before in _NO_LINE_END
        or GLUE in (before, after)
        or _JOIN in (before, after)
    ):
        return False
    if (before.isdigit() or before == "%") and _is_wide(after):  # a number keeps its unit: 1000万平方米
        return False
    return before.isspace() or after.isspace() or _is_wide(before) or _is_wide(after)


def _is_wide(char: str) -> bool:
    return char >= "\u2e80" and char_width(char) == 2


def printable(text: str) -> str:
    """Control characters shown as escapes (`\\x1b`, `\\n`), so that text from a file or the command line
    cannot move the cursor, ring the bell or break a line where gdz does not."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " " else _escape(char) for char in text)


def _escape(char: str) -> str:
    if unicodedata.category(char) in ("Cc", "Cs") or char in "\u2028\u2029":
        return repr(char)[1:-1]
    if char in DIRECTION_OVERRIDES:  # would reorder what follows on screen
        return f"\\u{ord(char):04x}"
    return char  # format and spacing characters (a no-break space, a zero-width joiner) are text
