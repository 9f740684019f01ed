"""The floor: a minimal Typer + Rich program that parses one argument and prints a small table.

Every Typer + Rich command line pays at least this much; gdz's costs are measured against it.
"""

import typer

app = typer.Typer()


@app.command()
def main(name: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("name", "value")
    table.add_row(name, "1")
    Console().print(table)


if __name__ == "__main__":
    app()
