"""Which language a run speaks: the choice and where it comes from."""

from __future__ import annotations

import os
from collections.abc import Mapping


def resolve_lang(option: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """`--lang`, else GDZ_LANG, else the locale (zh* means Chinese), else English."""
    for choice in (option, environ.get("GDZ_LANG")):
        if choice:
            return "zh" if choice.lower().startswith("zh") else "en"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
