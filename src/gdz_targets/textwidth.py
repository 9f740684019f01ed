"""Terminal widths and line folding for mixed Chinese and Latin text (Chinese characters take two cells)."""

from __future__ import annotations

from rich.cells import cell_len

_NO_LINE_START = frozenset(")）]】」』”’,，.。、;；:：!！?？%")
_NO_LINE_END = frozenset("(（[【「『“‘")


def width_of(text: str) -> int:
    """Terminal cells the text takes (CJK characters take two)."""
    return len(text) if text.isascii() else cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """Fold text to `width` terminal cells: at spaces, after - or /, or between CJK characters, but never
    after an opening bracket or quote nor before closing punctuation (Chinese line-breaking rules)."""
    lines: list[str] = []
    while width_of(text) > width:
        cut = _last_break(text, width)
        lines.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    lines.append(text)
    return lines


def _last_break(text: str, width: int) -> int:
    """Where to end the first line: the last allowed break within `width` cells, else a hard cut."""
    if text.isascii():
        window = text[: width + 1]
        best = max(window.rfind(" "), window.rfind("-", 0, width) + 1, window.rfind("/", 0, width) + 1)
        return best if best > 0 else width
    used, best = 0, 0
    for index, char in enumerate(text):
        if index and _may_break(text[index - 1], char):
            best = index
        used += 1 if char < "\u1100" else cell_len(char)
        if used > width:
            return best or max(index, 1)
    return len(text)


def _may_break(before: str, after: str) -> bool:
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    return before.isspace() or after.isspace() or before in "-/" or _is_wide(before) or _is_wide(after)


def _is_wide(char: str) -> bool:
    return char >= "\u2e80" and cell_len(char) == 2
