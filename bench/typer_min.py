"""A minimal Typer program (one argument, plain print): the reference for `gdz --version` and `gdz --help`."""

import typer

app = typer.Typer()


@app.command()
def main(name: str) -> None:
    """Print NAME."""
    print(name)


if __name__ == "__main__":
    app()
