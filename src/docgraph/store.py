"""An Oxigraph store on disk: what ``extract --store`` writes and ``docgraph.open`` reads.

The contract: :func:`write` puts the extracted graphs into a new store in a folder,
replacing only a store docgraph wrote there before: one named graph per document, and
in the default graph the union of them all, each triple once. :class:`Store` opens one
read-only, so that any number of processes can query it at once, and answers SPARQL
over that default graph, as :func:`docgraph.load` does over the union of files; ``GRAPH``
reaches each document's own graph. (Oxigraph's own union of named graphs repeats a
triple once per graph stating it, and a query's joins multiply the repeats: the
``chairs`` query ran out of memory on 59 pages.) rdflib's SPARQL
engine is some 10-40 times slower than Oxigraph's on a site-sized graph and holds it
all in memory; the store is RocksDB on disk and is opened in well under a second.

A store folder holds::

    FOLDER/docgraph-store.json   what wrote it: docgraph's version, counts, prefixes
    FOLDER/oxigraph/             the database, which an Oxigraph server can also serve
                                 (``oxigraph serve-read-only --location FOLDER/oxigraph``)
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.term import Node

from docgraph._version import __version__
from docgraph.errors import ConfigurationError, InputError, first_line
from docgraph.rdf.build import Triple
from docgraph.vocab import DG, PREFIXES, RECORD_CLASSES

_INTEGERS = frozenset({XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger,
                       XSD.nonPositiveInteger, XSD.negativeInteger, XSD.long, XSD.int,
                       XSD.short, XSD.byte, XSD.unsignedLong, XSD.unsignedInt,
                       XSD.unsignedShort, XSD.unsignedByte})
"""The integer datatypes, which Oxigraph keeps as ``xsd:integer`` whichever was written."""

MARKER = "docgraph-store.json"
"""The file that makes a folder a docgraph store."""
DATABASE = "oxigraph"
"""The subfolder holding Oxigraph's database."""
_LAYOUT = 1
"""The version of the layout above, should it ever change."""


@dataclass(frozen=True, slots=True)
class StoreInfo:
    """What a store holds, as its marker file records it.

    Attributes:
        path: The store's folder.
        documents: How many documents' graphs it holds.
        quads: How many quads (a triple stated in two documents' graphs counts twice).
        version: The docgraph version that wrote it.
        prefixes: The prefixes docgraph binds, for writing its graphs out again.
    """

    path: Path
    documents: int
    quads: int
    version: str
    prefixes: Mapping[str, str]


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a folder docgraph wrote a store into."""
    return (Path(path) / MARKER).is_file()


def check_target(folder: str | Path) -> Path:
    """``folder`` if a store may be written there: it is new, empty or a store.

    Raises:
        ConfigurationError: If it exists and is anything else (it is never overwritten).
    """
    target = Path(folder)
    if target.exists() and not is_store(target) and (
            not target.is_dir() or any(target.iterdir())):
        raise ConfigurationError(f"{target}: exists and is not a docgraph store; give a new "
                                 "or empty folder, or a store docgraph wrote")
    return target


def write(folder: str | Path, namespaces: Mapping[str, Any],
          graphs: Mapping[str, Iterable[Triple]]) -> StoreInfo:
    """Write graphs (triples by graph name) into a new store at ``folder``.

    The store is built beside ``folder`` and moved into place when complete, so a
    failed run leaves the previous store as it was, and a reader never sees half a
    store.

    Raises:
        ConfigurationError: If ``folder`` exists and is neither empty nor a docgraph
            store (it is never overwritten), or cannot be written.
    """
    target = check_target(folder)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    retired = target.with_name(f".{target.name}.old-{os.getpid()}")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        database = ox.Store(str(partial / DATABASE))
        counts = {"quads": 0, "documents": 0}
        integers: dict[str, set[str]] = {}

        def every_quad() -> Iterator[ox.Quad]:
            union: set[Triple] = set()
            for name, triples in sorted(graphs.items()):
                if name == str(DATASET_DEFAULT_GRAPH_ID):
                    union.update(triples)
                    continue
                counts["documents"] += 1
                for triple, quad in _quads(name, triples, integers):
                    union.add(triple)
                    counts["quads"] += 1
                    yield quad
            for _, quad in _quads(str(DATASET_DEFAULT_GRAPH_ID), sorted(union), integers):
                counts["quads"] += 1
                yield quad

        # One bulk load: each call writes files of its own, one per document was slow.
        database.bulk_extend(every_quad())
        database.flush()
        del database  # closes the database before it is moved
        info = StoreInfo(target, counts["documents"], counts["quads"], __version__,
                         {str(prefix): str(namespace) for prefix, namespace
                          in sorted(namespaces.items()) if prefix in PREFIXES})
        (partial / MARKER).write_text(json.dumps({
            "layout": _LAYOUT, "docgraph": info.version, "documents": info.documents,
            "quads": info.quads, "prefixes": dict(info.prefixes),
            "integers": {p: next(iter(types)) for p, types in sorted(integers.items())
                         if len(types) == 1 and str(XSD.integer) not in types}},
            indent=1) + "\n", encoding="utf-8")
        if target.exists():
            target.rename(retired)
        partial.rename(target)
    except OSError as exc:
        raise ConfigurationError(f"{target}: cannot write the store: "
                                 f"{exc.strerror or first_line(exc)}") from exc
    finally:
        shutil.rmtree(partial, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
    return info


def _quads(name: str, triples: Iterable[Triple], integers: dict[str, set[str]]
           ) -> Iterator[tuple[Triple, ox.Quad]]:
    """Each triple and its quad in graph ``name``.

    ``integers`` gathers, by property, the integer datatypes of its values (see
    :meth:`Store.quads`).
    """
    from docgraph.rdf.formats import ox_term

    graph = ox.DefaultGraph() if name == str(DATASET_DEFAULT_GRAPH_ID) else ox.NamedNode(name)
    for triple in triples:
        s, p, o = triple
        if isinstance(o, Literal) and o.datatype in _INTEGERS:
            integers.setdefault(str(p), set()).add(str(o.datatype))
        yield triple, ox.Quad(ox_term(s), ox_term(p), ox_term(o), graph)  # type: ignore[arg-type]


class Store:
    """A docgraph store opened read-only.

    Attributes:
        info: What it holds (see :class:`StoreInfo`).
        database: The ``pyoxigraph.Store``, for anything docgraph does not wrap.

    Raises:
        InputError: If ``folder`` is not a docgraph store or cannot be opened.
    """

    def __init__(self, folder: str | Path) -> None:
        path = Path(folder)
        if not is_store(path):
            raise InputError(str(path), f"not a docgraph store (no {MARKER}); write one "
                                        "with docgraph extract --store")
        try:
            record = json.loads((path / MARKER).read_text(encoding="utf-8"))
            if record.get("layout") != _LAYOUT:
                raise InputError(str(path), f"a store of layout {record.get('layout')}, "
                                            f"which docgraph {__version__} cannot read")
            self.info = StoreInfo(path, int(record["documents"]), int(record["quads"]),
                                  str(record["docgraph"]), dict(record["prefixes"]))
            self._integers = {ox.NamedNode(p): URIRef(t)
                              for p, t in dict(record.get("integers", {})).items()}
            self.database = ox.Store.read_only(str(path / DATABASE))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(str(path), f"cannot open the store: {first_line(exc)}") from exc

    def __repr__(self) -> str:
        return (f"<Store {self.info.path}: {self.info.documents} documents, "
                f"{self.info.quads} quads>")

    def query(self, text: str) -> Any:
        """Run SPARQL over the union of the documents' graphs (pyoxigraph's result)."""
        return self.database.query(text)

    def quads(self) -> Iterator[tuple[Node, Node, Node, str]]:
        """The quads written, as rdflib terms and the graph's name.

        The default graph's union copy is left out, but for triples that no document's
        graph holds. Oxigraph keeps every integer as ``xsd:integer``; a property whose
        values were all of one narrower type (``oa:start``, ``xsd:nonNegativeInteger``)
        gets it back, so that the graph read out validates and compares as the one
        written.
        """
        for graph in sorted(self.database.named_graphs(), key=lambda g: g.value):
            for quad in self.database.quads_for_pattern(None, None, None, graph):
                yield (*self._triple(quad.subject, quad.predicate, quad.object), graph.value)
        alone = self.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o "
                           "FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        for row in alone:
            yield (*self._triple(row[0], row[1], row[2]), str(DATASET_DEFAULT_GRAPH_ID))

    def _triple(self, s: Any, p: Any, o: Any) -> Triple:
        narrower = self._integers.get(p) if isinstance(o, ox.Literal) else None
        if narrower is not None and o.datatype.value == str(XSD.integer):
            return to_rdflib(s), to_rdflib(p), Literal(o.value, datatype=narrower)
        return to_rdflib(s), to_rdflib(p), to_rdflib(o)

    def __len__(self) -> int:
        """How many distinct triples (what ``len`` of the union graph gives)."""
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(rows[0][0].value)

    def facts(self) -> StoreFacts:
        """What :func:`docgraph.rdf.network.to_networkx` asks, answered by the store."""
        return StoreFacts(self)


class StoreFacts:
    """:class:`docgraph.rdf.network.Facts` of a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._terms: dict[Any, Node] = {}

    def pairs(self, predicate: URIRef) -> Iterable[tuple[Node, Node]]:
        """See :meth:`docgraph.rdf.network.Facts.pairs`."""
        terms = self._terms
        for quad in self.store.database.quads_for_pattern(None, ox.NamedNode(str(predicate)),
                                                          None, ox.DefaultGraph()):
            # Each term converted once: a selector or an entity comes in many pairs.
            subject, value = quad.subject, quad.object
            s = terms.get(subject)
            if s is None:
                s = terms[subject] = to_rdflib(subject)
            o = terms.get(value)
            if o is None:
                o = terms[value] = to_rdflib(value)
            yield s, o

    def links(self, nodes: Set[str]) -> Iterable[Triple]:
        """See :meth:`docgraph.rdf.network.Facts.links`."""
        # Triples between nodes of the ontology's entity classes, found by Oxigraph in
        # one pass; then only those between the nodes asked for.
        records = ", ".join(f"<{cls}>" for cls in sorted(RECORD_CLASSES))
        entity = (f"STRSTARTS(STR(?{{0}}), \"{DG._NS}\") && ?{{0}} NOT IN ({records})")
        query = (f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?o a ?objectClass . "
                 f"FILTER({entity.format('objectClass')}) ?s ?p ?o . ?s a ?subjectClass . "
                 f"FILTER({entity.format('subjectClass')}) }}")
        for row in self.store.query(query):
            s, p, o = row[0].value, row[1].value, row[2].value
            if s in nodes and o in nodes:
                yield URIRef(s), URIRef(p), URIRef(o)


def to_rdflib(term: Any) -> Node:
    """The rdflib term for a pyoxigraph one (so answers match rdflib's, values and all)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == str(XSD.string)
                       else URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise ConfigurationError(f"docgraph does not read {type(term).__name__} terms")
