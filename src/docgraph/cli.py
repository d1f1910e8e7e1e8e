"""The ``docgraph`` command line: a thin layer over the library API.

Every command parses its options, calls one library function and prints. Heavy
libraries are imported inside the commands that need them, so ``docgraph --help`` does
not load the parsing or NLP stack.

Exit codes: 0 when every input was processed, 1 when any input failed (the others are
still processed and a summary says how many failed), 2 for a usage or configuration
error.
"""

from __future__ import annotations

import contextlib
import json
import sys
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from docgraph._version import __version__

if TYPE_CHECKING:
    from docgraph.types import Block, Document

app = typer.Typer(
    name="docgraph",
    help="Turn government press releases and speeches into a knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"docgraph {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn government press releases and speeches into a knowledge graph."""


def _show_warning(message: Warning | str, category: type[Warning], filename: str,
                  lineno: int, file: TextIO | None = None, line: str | None = None) -> None:
    print(f"docgraph: warning: {message}", file=sys.stderr)


@contextlib.contextmanager
def _warnings_on_stderr() -> Iterator[None]:
    """Show docgraph's warnings as one line each, whatever filters the caller set."""
    from docgraph.errors import DocgraphWarning

    with warnings.catch_warnings():
        warnings.simplefilter("always", DocgraphWarning)
        warnings.showwarning = _show_warning
        yield


def _error(message: str) -> None:
    print(f"docgraph: error: {message}", file=sys.stderr)


Inputs = Annotated[list[str], typer.Argument(
    help="Files or folders to read (folders recursively); '-' reads standard input.",
    show_default=False)]
Include = Annotated[list[str] | None, typer.Option(
    "--include", "-i", help="Glob of files to take from folders (repeatable; default: "
                            "*.html *.htm *.xhtml *.md *.markdown *.txt *.text).")]
Exclude = Annotated[list[str] | None, typer.Option(
    "--exclude", "-x", help="Glob of files to skip in folders (repeatable).")]
HtmlParser = Annotated[str, typer.Option(
    "--html-parser", help="Beautiful Soup tree builder: lxml or html.parser.")]


@app.command()
def clean(
    inputs: Inputs,
    include: Include = None,
    exclude: Exclude = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print one JSON object per document (JSON Lines).")] = False,
    source_maps: Annotated[bool, typer.Option(
        "--source-maps", help="With --json, include each block's character map.")] = False,
    skip_boilerplate: Annotated[bool, typer.Option(
        "--skip-boilerplate", help="Leave out blocks marked as boilerplate.")] = False,
    html_parser: HtmlParser = "lxml",
) -> None:
    """Clean documents into ordered blocks and print them with their source offsets."""
    from docgraph.clean import PARSERS, Failure, clean_paths, to_dict

    if html_parser not in PARSERS:
        _error(f"unknown --html-parser {html_parser!r}; choose one of {', '.join(PARSERS)}")
        raise typer.Exit(EXIT_USAGE)
    done = failed = 0
    out = sys.stdout
    with _warnings_on_stderr():
        for result in clean_paths(inputs, include=include or (), exclude=exclude or (),
                                  html_parser=html_parser):
            if isinstance(result, Failure):
                failed += 1
                _error(str(result.error))
                continue
            done += 1
            document = _without_boilerplate(result) if skip_boilerplate else result
            if as_json:
                out.write(json.dumps(to_dict(document, source_maps=source_maps),
                                     ensure_ascii=False) + "\n")
            else:
                _print_document(document, out)
            out.flush()
    _summary("cleaned", done, failed)


def _without_boilerplate(document: Document) -> Document:
    import dataclasses

    return dataclasses.replace(document, blocks=document.content())


def _print_document(document: Document, out: TextIO) -> None:
    meta = document.metadata
    date = meta.date.isoformat() if meta.date else "no date"
    out.write(f"== {document.path} ({document.format.value}, {date}, "
              f"{len(document.blocks)} blocks): {meta.title or 'untitled'}\n")
    for block in document.blocks:
        out.write(_block_line(block) + "\n")


def _block_line(block: Block) -> str:
    number = "" if block.number is None else str(block.number)
    if block.level is not None:
        number = f"h{block.level}"
    if block.cell is not None:
        number = f"r{block.cell.row}c{block.cell.column}"
    mark = f" [boilerplate: {block.boilerplate}]" if block.boilerplate else ""
    text = block.text.replace("\n", " \u23ce ")
    return (f"{block.index:4d} {block.kind.value:10} {number:>6} "
            f"{block.span.start:>7}-{block.span.end:<7} {text}{mark}")


def _summary(verb: str, done: int, failed: int) -> None:
    total = done + failed
    if failed:
        print(f"docgraph: {verb} {done} of {total} documents; {failed} failed",
              file=sys.stderr)
        raise typer.Exit(EXIT_INPUT_FAILED)
    print(f"docgraph: {verb} {done} document{'s' if done != 1 else ''}", file=sys.stderr)


def main(argv: list[str] | None = None) -> Any:
    """Run the command line (the ``docgraph`` console script)."""
    return app(args=argv)


if __name__ == "__main__":
    main()
