"""Reading and writing docgraph's graphs in every RDF syntax, and for graph tools.

The contract: :data:`FORMATS` names each output format; :func:`to_string`/:func:`write`
serialise a dataset (or graph) and :func:`from_string`/:func:`read` parse what they
wrote back into a dataset whose triples are the same (isomorphic: docgraph writes no
blank nodes). N-Quads and TriG keep each document's named graph; the other RDF formats
hold the union. ``graphml`` and ``nodelink`` (JSON) are for graph tools (Gephi,
Cytoscape, networkx, D3): entities are nodes and assertions are edges carrying their
provenance; :func:`to_networkx` builds that graph and :func:`read_networkx` reads
either file back into an equal one.
"""

from __future__ import annotations

import contextlib
import functools
import json
import warnings
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from xml.sax import SAXException

import networkx as nx
import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.exceptions import Error as RdflibError
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from docgraph.errors import ConfigurationError, InputError, first_line
from docgraph.rdf.build import Triple, union
from docgraph.rdf.network import to_networkx
from docgraph.resources import ontologies_dir
from docgraph.vocab import PREFIXES


@dataclass(frozen=True, slots=True)
class Format:
    """An output format.

    Attributes:
        name: What ``--format`` calls it.
        extension: The file extension docgraph gives it.
        rdflib: rdflib's name for the syntax, or None for a graph-tool format.
        quads: Whether it keeps named graphs.
        media_type: Its IANA media type.
    """

    name: str
    extension: str
    rdflib: str | None
    quads: bool
    media_type: str


FORMATS = {f.name: f for f in (
    Format("turtle", ".ttl", "turtle", False, "text/turtle"),
    Format("nt", ".nt", "nt", False, "application/n-triples"),
    Format("nquads", ".nq", "nquads", True, "application/n-quads"),
    Format("trig", ".trig", "trig", True, "application/trig"),
    Format("jsonld", ".jsonld", "json-ld", False, "application/ld+json"),
    Format("xml", ".rdf", "xml", False, "application/rdf+xml"),
    Format("graphml", ".graphml", None, False, "application/graphml+xml"),
    Format("nodelink", ".json", None, False, "application/json"),
)}
"""Output formats by name."""


def format_for(fmt: str) -> Format:
    """The format called ``fmt``.

    Raises:
        ConfigurationError: If there is none.
    """
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ConfigurationError(
            f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None


def guess_format(path: Path) -> Format:
    """The format a file name's extension stands for.

    Raises:
        ConfigurationError: If the extension is not one docgraph writes.
    """
    extra = {".turtle": "turtle", ".n3": "turtle", ".nquads": "nquads", ".xml": "xml",
             ".owl": "xml", ".json-ld": "jsonld"}
    suffix = path.suffix.lower()
    for candidate in FORMATS.values():
        if candidate.extension == suffix:
            return candidate
    if suffix in extra:
        return FORMATS[extra[suffix]]
    raise ConfigurationError(f"{path}: cannot tell the RDF format from the extension "
                             f"{suffix or '(none)'}")


@contextlib.contextmanager
def _rdflib_internals() -> Iterator[None]:
    """Silence the deprecation warnings rdflib 7 raises about its own internal calls.

    Its N-Quads, TriG and JSON-LD plugins still call ``Dataset.contexts``,
    ``Dataset.default_context`` and ``ConjunctiveGraph``, which rdflib itself has
    deprecated; docgraph's calls are the supported ones.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", category=DeprecationWarning,
            message=r"(Dataset\.(contexts|default_context)|ConjunctiveGraph) is deprecated")
        yield


@functools.cache
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD ``@context`` docgraph publishes (``ontologies/context.jsonld``)."""
    data: dict[str, Any] = json.loads(
        (ontologies_dir() / "context.jsonld").read_text(encoding="utf-8"))
    return data


def to_string(data: Dataset | Graph, fmt: str = "turtle") -> str:
    """Serialise ``data`` in the RDF format ``fmt``.

    Raises:
        ConfigurationError: If ``fmt`` is unknown or not an RDF format.
    """
    spec = format_for(fmt)
    if spec.rdflib is None:
        raise ConfigurationError(f"{fmt} is a graph format, not RDF: use write() or "
                                 "to_networkx()")
    if spec.name in _FAST:
        return _fast(data, spec)
    if spec.quads:
        dataset = data if isinstance(data, Dataset) else _as_dataset(data)
        with _rdflib_internals():
            return dataset.serialize(format=spec.rdflib)
    graph = _sorted_copy(union(data) if isinstance(data, Dataset) else data)
    if spec.name == "jsonld":
        # The context is embedded, not linked, so that reading the file back never
        # needs the network.
        text = graph.serialize(format="json-ld", context=jsonld_context()["@context"],
                               auto_compact=True)
        return _canonical_json(text)
    if spec.name == "xml":
        return _rdf_xml(graph)
    return graph.serialize(format=spec.rdflib)


def _rdf_xml(graph: Graph) -> str:
    """RDF/XML with subjects and their properties in sorted order.

    rdflib's writer visits subjects in the order of a set, which changes with Python's
    hash seed; this one writes one ``rdf:Description`` per subject, in order.
    """
    from xml.sax.saxutils import escape, quoteattr

    manager = graph.namespace_manager
    names: dict[URIRef, str] = {}
    for predicate in sorted(set(graph.predicates()), key=str):
        if isinstance(predicate, URIRef):
            prefix, _, local = manager.compute_qname_strict(predicate)
            names[predicate] = f"{prefix}:{local}"
    used = {name.split(":", 1)[0] for name in names.values()} | {"rdf"}
    declarations = "".join(f"\n   xmlns:{prefix}={quoteattr(str(namespace))}"
                           for prefix, namespace in sorted(manager.namespaces())
                           if prefix in used)

    def node(term: Node, attribute: str) -> str:
        if isinstance(term, BNode):
            return f"rdf:nodeID={quoteattr('b' + str(term))}"
        return f"rdf:{attribute}={quoteattr(str(term))}"

    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<rdf:RDF{declarations}>"]
    for subject in sorted(set(graph.subjects()), key=lambda term: (type(term).__name__,
                                                                    str(term))):
        lines.append(f"  <rdf:Description {node(subject, 'about')}>")
        for predicate, obj in sorted(graph.predicate_objects(subject),
                                     key=lambda pair: (str(pair[0]), _sort_key(pair[1]))):
            name = names[URIRef(str(predicate))]
            if isinstance(obj, Literal):
                extra = f" rdf:datatype={quoteattr(str(obj.datatype))}" if obj.datatype \
                    else f" xml:lang={quoteattr(obj.language)}" if obj.language else ""
                # A parser reads a raw carriage return as a line end; escaped, it stays.
                text = escape(str(obj), {"\r": "&#13;"})
                lines.append(f"    <{name}{extra}>{text}</{name}>")
            else:
                lines.append(f"    <{name} {node(obj, 'resource')}/>")
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return "\n".join(lines) + "\n"


def _sorted_copy(graph: Graph) -> Graph:
    """The graph with its triples added in sorted order, its prefixes kept.

    rdflib's writers follow the store's order, which follows the order triples came in;
    sorted, the same graph always gives the same text.
    """
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(graph):
        copy.add(triple)
    return copy


def _sort_key(term: Node) -> tuple[str, str, str]:
    """A total order on RDF terms: kind, text, then datatype or language."""
    extra = str(term.datatype or term.language or "") if isinstance(term, Literal) else ""
    return type(term).__name__, str(term), extra


def _canonical_json(text: str) -> str:
    """JSON-LD with keys and the members of every set in a fixed order.

    JSON-LD arrays are unordered sets (docgraph writes no ``@list``), so sorting them
    changes nothing a reader sees, and makes the file the same on every run.
    """
    def order(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: order(item) for key, item in sorted(value.items())}
        if isinstance(value, list):
            items = [order(item) for item in value]
            return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
        return value

    return json.dumps(order(json.loads(text)), indent=2, ensure_ascii=False) + "\n"


# Turtle, TriG, N-Triples and N-Quads are written by Oxigraph's serialiser: rdflib's
# Turtle writer manages some ten thousand triples a second, and a provenance-rich graph
# has dozens of triples per sentence. The triples are sorted first, so that each
# subject's are written together and the same graph always gives the same text.
_FAST = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
         "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS}
FAST_FORMATS = frozenset(_FAST)
"""Formats written by pyoxigraph (see :func:`quads_to_string`)."""


def _fast(data: Dataset | Graph, spec: Format) -> str:
    if isinstance(data, Dataset):
        graphs = {str(graph.identifier): graph for graph in data.graphs()}
    else:
        graphs = {str(DATASET_DEFAULT_GRAPH_ID): data}
    # An rdflib graph is a collection of triples (sized, iterable again and again), which
    # its type hints do not say.
    return _fast_text(dict(data.namespaces()),
                      cast(Mapping[str, Collection[Triple]], graphs), spec)


def quads_to_string(namespaces: Mapping[str, Any], graphs: Mapping[str, Collection[Triple]],
                    fmt: str = "turtle") -> str:
    """Turtle, TriG, N-Triples or N-Quads of triples by graph name, without rdflib.

    The same text :func:`to_string` writes for a dataset of these graphs with these
    prefixes bound, at a fraction of the cost: filling an rdflib dataset is most of the
    time a large graph takes to write.

    Raises:
        ConfigurationError: If ``fmt`` is not one of those four.
    """
    spec = format_for(fmt)
    if spec.name not in _FAST:
        raise ConfigurationError(f"{fmt}: only {', '.join(_FAST)} are written this way")
    return _fast_text(namespaces, graphs, spec)


def write_quads(path: Path, namespaces: Mapping[str, Any],
                graphs: Mapping[str, Collection[Triple]], fmt: str = "turtle") -> None:
    """Write what :func:`quads_to_string` gives into ``path``.

    The triples are streamed into the file as they are serialised, so that a site's
    graph never sits in memory as text; Turtle and TriG first look through the graphs
    for the prefixes their IRIs use.

    Raises:
        ConfigurationError: If ``fmt`` is not one of those four.
    """
    spec = format_for(fmt)
    if spec.name not in _FAST:
        raise ConfigurationError(f"{fmt}: only {', '.join(_FAST)} are written this way")
    path.parent.mkdir(parents=True, exist_ok=True)
    _serialize(namespaces, graphs, spec, str(path))


class _Terms(dict[Node, Any]):
    """pyoxigraph terms of rdflib ones, each made once."""

    def __missing__(self, node: Node) -> Any:
        found = self[node] = ox_term(node)
        return found


def _items(graphs: Mapping[str, Collection[Triple]], spec: Format, terms: _Terms
           ) -> Iterator[Any]:
    """Quads graph by graph, or the union's triples, each sorted.

    So the same graph always gives the same text, each subject's triples together.
    """
    order = _triple_order(graphs)

    if spec.quads:
        for name in sorted(graphs):
            graph = ox.DefaultGraph() if name == str(DATASET_DEFAULT_GRAPH_ID) \
                else ox.NamedNode(name)
            for s, p, o in sorted(graphs[name], key=order):
                yield ox.Quad(terms[s], terms[p], terms[o], graph)
    else:
        # The union as a set, not an rdflib Graph: adding to a Graph is most of the
        # time a large dataset takes to write.
        union_ = {t for triples in graphs.values() for t in triples}
        for s, p, o in sorted(union_, key=order):
            yield ox.Triple(terms[s], terms[p], terms[o])


def _triple_order(graphs: Mapping[str, Collection[Triple]]
                  ) -> Callable[[Triple], tuple[int, int, tuple[int, object]]]:
    """A sort key that orders triples as rdflib's terms do, with fewer comparisons.

    Sorting triples compares rdflib terms in Python, twice per comparison (equal, then
    less). IRIs and blank nodes are ranked once instead, by kind then text, which is
    rdflib's order for them; literals, ordered by value as rdflib orders them, are
    compared only when a subject and a predicate are the same.
    """
    nodes = {node for triples in graphs.values() for triple in triples for node in triple}
    rank = {node: index for index, node in enumerate(sorted(
        (node for node in nodes if not isinstance(node, Literal)),
        key=lambda node: (not isinstance(node, BNode), str(node))))}

    def order(triple: Triple) -> tuple[int, int, tuple[int, object]]:
        s, p, o = triple
        known = rank.get(o)
        return rank[s], rank[p], (1, o) if known is None else (0, known)
    return order


def _fast_text(namespaces: Mapping[str, Any], graphs: Mapping[str, Collection[Triple]],
               spec: Format) -> str:
    return cast(bytes, _serialize(namespaces, graphs, spec)).decode("utf-8")


def _serialize(namespaces: Mapping[str, Any], graphs: Mapping[str, Collection[Triple]],
               spec: Format, output: str | None = None) -> bytes | None:
    """Oxigraph's serialisation, into ``output`` (a file) or returned as bytes."""
    prefixes = _prefixes(namespaces, graphs) if spec.name in ("turtle", "trig") else None
    written: bytes | None = ox.serialize(_items(graphs, spec, _Terms()), output=output,
                                         format=_FAST[spec.name], prefixes=prefixes)
    return written


def _prefixes(namespaces: Mapping[str, Any], graphs: Mapping[str, Collection[Triple]]
              ) -> dict[str, str]:
    """The prefixes bound that some IRI of the graphs starts with, in name order."""
    # Plain strings: a set of rdflib terms compares equal ones in Python.
    used = sorted({str(node) for triples in graphs.values() for triple in triples
                   for node in triple if isinstance(node, URIRef)})

    def starts_some(namespace: str) -> bool:  # the first IRI not below it, in order
        at = bisect_left(used, namespace)
        return at < len(used) and used[at].startswith(namespace)

    return {prefix: str(namespace) for prefix, namespace in sorted(namespaces.items())
            if prefix and starts_some(str(namespace))}


def ox_term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib one (:func:`docgraph.store.to_rdflib` undoes it)."""
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise ConfigurationError(f"cannot write {type(node).__name__} {node!r} as RDF")


def from_string(text: str, fmt: str = "turtle", *, name: str = "<string>") -> Dataset:
    """Parse RDF that docgraph (or anyone) wrote in ``fmt``.

    Raises:
        ConfigurationError: If ``fmt`` is unknown or not an RDF format.
        InputError: If ``text`` is not valid in that format.
    """
    spec = format_for(fmt)
    if spec.rdflib is None:
        raise ConfigurationError(f"{fmt} is a graph format, not RDF: use read_networkx()")
    if spec.name == "jsonld":
        _refuse_remote_contexts(text, name)
    dataset = Dataset()
    try:
        with _rdflib_internals():
            if spec.quads:
                dataset.parse(data=text, format=spec.rdflib)
            else:
                dataset.default_graph.parse(data=text, format=spec.rdflib)
    except (RdflibError, SyntaxError, ValueError, KeyError, TypeError, SAXException) as exc:
        raise InputError(name, f"not valid {spec.name}: {parse_problem(exc, text)}") from exc
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, replace=True)
    return dataset


def parse_problem(exc: BaseException, text: str) -> str:
    r"""What an RDF parser found wrong, on one line: where, why and the text near it.

    rdflib's Turtle and TriG parser says "at line 2 of <>:" on a line of its own, with
    the cause and the bytes around it on the next ones; the XML parser gives a line and
    a message; the line-based parsers quote the line.

    Example:
        >>> from rdflib import Graph
        >>> text = "@prefix x: <http://x/> .\nx:a x:b x:c ;;; x:d ."
        >>> try:
        ...     Graph().parse(data=text, format="turtle")
        ... except SyntaxError as exc:
        ...     print(parse_problem(exc, text))
        line 2: objectList expected, near 'x:a x:b x:c ;;; x:d .'
    """
    # notation3.BadSyntax keeps the cause, the line and the offset in private fields.
    why, lines = getattr(exc, "_why", None), getattr(exc, "lines", None)
    if isinstance(why, str) and isinstance(lines, int):
        near = _near(text, lines, getattr(exc, "_i", None), getattr(exc, "_str", b""))
        return f"line {lines + 1}: {why}" + (f", near {near!r}" if near else "")
    line = getattr(exc, "getLineNumber", None)  # xml.sax's SAXParseException
    message = getattr(exc, "getMessage", None)
    if callable(line) and callable(message):
        return f"line {line()}: {message()}"
    said = first_line(exc)
    quoted = said.partition(":")[2].strip() if said.startswith("Invalid line") else ""
    if quoted:  # N-Triples and N-Quads quote the line; say which line it is
        for number, candidate in enumerate(text.splitlines(), 1):
            if candidate.strip() == quoted:
                return f"line {number}: {said}"
    return said


def _near(text: str, line: int, offset: object, data: object) -> str:
    """The text around the point where a Turtle parser stopped, on its line."""
    if isinstance(offset, int) and isinstance(data, bytes):
        parsed = data.decode("utf-8", "replace")  # the parser's own text; offset in chars
        start = parsed.rfind("\n", 0, offset) + 1
        end = parsed.find("\n", offset)
        end = len(parsed) if end < 0 else end
        around = parsed[max(start, offset - 30) : min(end, offset + 30)].strip()
        if around:
            return around
    lines = text.splitlines()
    return lines[line].strip()[:60] if 0 <= line < len(lines) else ""


def _refuse_remote_contexts(text: str, name: str) -> None:
    """Refuse JSON-LD whose ``@context`` (or ``@import``) names a URL or a file.

    rdflib would fetch it, so reading a file from someone else could reach the network
    or read local files; docgraph writes its context embedded and reads only that kind.
    """
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(name, f"not valid jsonld: {first_line(exc)}") from exc
    todo: list[Any] = [data]
    while todo:
        node = todo.pop()
        if isinstance(node, list):
            todo.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                contexts = value if isinstance(value, list) else [value]
                if key in {"@context", "@import"} and any(isinstance(c, str)
                                                           for c in contexts):
                    raise InputError(name, "the JSON-LD names a remote @context; docgraph "
                                           "reads only embedded contexts (it never fetches)")
                todo.append(value)


def write(data: Dataset | Graph, path: Path, fmt: str = "turtle") -> None:
    """Write ``data`` to ``path`` in ``fmt`` (RDF, GraphML or node-link JSON)."""
    spec = format_for(fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.rdflib is not None:
        path.write_text(to_string(data, fmt), encoding="utf-8")
        return
    graph = to_networkx(union(data) if isinstance(data, Dataset) else data)
    if spec.name == "graphml":
        nx.write_graphml(_flat_attributes(graph), path, encoding="utf-8")
    else:
        path.write_text(json.dumps(nx.node_link_data(graph), ensure_ascii=False, indent=1,
                                   sort_keys=True), encoding="utf-8")


def read(path: Path, fmt: str | None = None) -> Dataset:
    """Read an RDF file (format from ``fmt`` or the extension).

    Raises:
        ConfigurationError: If the format is unknown.
        InputError: If the file cannot be read or parsed.
    """
    spec = format_for(fmt) if fmt else guess_format(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    return from_string(text, spec.name, name=str(path))


_LISTS = ("aliases", "documents", "source_span", "subject_span", "object_span")


def _flat_attributes(graph: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """GraphML holds only scalars: lists become JSON text (decoded by read_networkx)."""
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: json.dumps(v, ensure_ascii=False) if k in _LISTS else v
                               for k, v in data.items()})
    for s, o, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(s, o, key=key, **{k: json.dumps(v) if k in _LISTS else v
                                        for k, v in data.items()})
    return flat


def read_networkx(path: Path) -> nx.MultiDiGraph[str]:
    """Read a ``graphml`` or ``nodelink`` file docgraph wrote.

    Raises:
        InputError: If the file cannot be read or parsed.
    """
    try:
        if path.suffix.lower() != ".graphml":
            data = json.loads(path.read_text(encoding="utf-8"))
            result = nx.node_link_graph(data, directed=True, multigraph=True)
            return cast("nx.MultiDiGraph[str]", result)
        raw = cast("nx.MultiDiGraph[str]", nx.read_graphml(path, force_multigraph=True))
    except (OSError, SyntaxError, ValueError, KeyError, nx.NetworkXError) as exc:
        raise InputError(str(path), f"cannot read graph: {first_line(exc)}") from exc
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, attrs in raw.nodes(data=True):
        graph.add_node(node, **_unflatten(attrs))
    for s, o, key, attrs in raw.edges(keys=True, data=True):
        graph.add_edge(s, o, key=key, **_unflatten(attrs))
    return graph


def _unflatten(data: dict[str, Any]) -> dict[str, Any]:
    return {k: json.loads(v) if k in _LISTS else v for k, v in data.items()}


def _as_dataset(graph: Graph) -> Dataset:
    dataset = Dataset()
    for triple in graph:
        dataset.default_graph.add(triple)
    return dataset

