"""Click as Typer carries it: the one module that reaches into `typer._click`.

Typer 0.28 ships Click inside itself and exports neither Click's exceptions (which gdz turns into its own
one-line messages) nor its completion types (the target names completed by their titles), nor the function
that installs completion (whose reply gdz says in the user's language). Typer is pinned
to one minor version in pyproject.toml, and tests/test_structure.py fails loudly, naming each, if these
names move or stop being the ones Typer raises.
"""

from typer._click.core import Context, Parameter
from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoSuchOption, UsageError
from typer._click.shell_completion import CompletionItem
from typer._click.types import ParamType
from typer._completion_shared import install as install_completion

__all__ = ["BadOptionUsage", "BadParameter", "CompletionItem", "Context", "MissingParameter", "NoSuchOption",
           "ParamType", "Parameter", "UsageError", "install_completion"]  # fmt: skip
