"""Every sentence gdz says, rendered in the reader's language: the catalogue's families merged, and a message
(a key and its parameters) or a located problem made into one line of text."""

from __future__ import annotations

from typing import Final

from gdz_targets.domain.errors import Message, Problem, Words

from .catalogue import charts, documents, files, imports, log, plan, reporting, since, vocabulary
from .textwidth import printable

# key: (English, Chinese), from every family of the catalogue.
CATALOGUE: Final[dict[str, tuple[str, str]]] = {
    **files.WORDS,
    **plan.WORDS,
    **log.WORDS,
    **imports.WORDS,
    **documents.WORDS,
    **charts.WORDS,
    **vocabulary.WORDS,
    **reporting.WORDS,
    **since.WORDS,
}


def render(message: Message, lang: str) -> str:
    """The message in `lang`; text from outside (a typed id, a file's contents) has control characters
    escaped, so that no message can span two lines or move the cursor."""
    english, chinese = CATALOGUE[message.key]
    template = chinese if lang == "zh" else english
    return template.format(**{name: _param(value, lang) for name, value in message.params.items()})


def _param(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, Words):
        return printable(value.zh if lang == "zh" else value.en)
    return printable(value) if isinstance(value, str) else value


def render_problem(problem: Problem, lang: str) -> str:
    """`file:line:column: message`, or `file: target X: message` where no line is known."""
    where = problem.path
    if problem.place is not None:
        where += f" {problem.place}"
    elif problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    text = render(problem.message, lang)
    if problem.target:
        return f"{where}: {render(Message('where.target', {'target': problem.target}), lang)}: {text}"
    return f"{where}: {text}"
