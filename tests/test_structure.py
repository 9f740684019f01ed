"""The code's shape holds as the project grows: modules a maintainer can read whole, no private API of another
package outside the one module that says why, every sentence of the catalogue used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from .conftest import ROOT

SOURCE = ROOT / "src" / "gdz_targets"
MODULES = sorted(SOURCE.rglob("*.py"))
MOST_LINES = 500
OTHER_PACKAGES = ("typer", "click", "rich", "python_calamine", "xlsxwriter", "PIL", "openpyxl", "tomli_w")
# The one place a private API of another package is used, and why (its docstring says it in full).
PRIVATE_ALLOWED = {SOURCE / "cli" / "click_api.py": "typer._click: Typer 0.28 exports no Click exceptions"}


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(SOURCE)))
def test_a_module_is_short_enough_to_read_whole_or_says_why_not(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    lines = text.count("\n")
    docstring = text.split('"""')[1] if text.startswith('"""') else ""
    assert lines <= MOST_LINES or "longer than" in docstring, f"{module}: {lines} lines, and no reason given"


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(SOURCE)))
def test_no_private_api_of_another_package_outside_the_module_that_isolates_it(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    names = "|".join(OTHER_PACKAGES)
    private = re.findall(rf"\b(?:{names})(?:\.[A-Za-z]\w*)*\._\w+|\b_environ\b|\b_click\b", text)
    if module in PRIVATE_ALLOWED:
        assert private, f"{module} is the isolating module, yet uses no private API: drop it from the list"
        return
    assert not private, f"{module}: {private}"


def test_the_click_names_gdz_relies_on_are_the_ones_typer_raises() -> None:
    """If a Typer release moves Click, this fails naming what moved (cli/click_api.py is the one place)."""
    from gdz_targets.cli import click_api

    assert issubclass(typer.BadParameter, click_api.UsageError)
    assert typer.BadParameter is click_api.BadParameter
    for name in ("NoSuchOption", "MissingParameter", "BadOptionUsage"):
        assert issubclass(getattr(click_api, name), click_api.UsageError), name
    assert issubclass(typer.Context, click_api.Context)
    from gdz_targets.cli import make_app

    command = typer.main.get_command(make_app("status"))
    with pytest.raises(click_api.NoSuchOption):
        command.main(["status", "--are", "1"], standalone_mode=False)
    with pytest.raises(click_api.UsageError):
        command.main(["status", "--lang", "fr"], standalone_mode=False)
    item = click_api.CompletionItem("cross-city-total", help="跨城通办总数")
    assert (item.value, item.help) == ("cross-city-total", "跨城通办总数")


def test_every_sentence_of_the_catalogue_is_used() -> None:
    from gdz_targets.output.messages import CATALOGUE

    code = "".join(
        module.read_text(encoding="utf-8") for module in MODULES if "catalogue" not in module.parts
    )
    # Families named by a prefix and a code at run time: `"status." + code`, f"ui.gap_{side}" …
    dynamic = set(re.findall(r"""["']([a-z_]+\.[a-z_]*)["']\s*\+|f["']([a-z_]+\.[a-z_]*)\{""", code))
    prefixes = {prefix for pair in dynamic for prefix in pair if prefix}
    prefixes |= {"frontier.", "worst.", "qualifier."}  # the code families of cells (output/sheets.py)
    unused = [
        key
        for key in CATALOGUE
        if f'"{key}"' not in code and f"'{key}'" not in code and not key.startswith(tuple(prefixes))
    ]
    assert unused == []
