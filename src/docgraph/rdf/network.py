"""docgraph's RDF as a networkx graph: entities as nodes, assertions as edges.

The contract: :func:`to_networkx` reads the graph through :class:`Facts`, the few
questions it asks of any triple source (every subject and object of one property; the
triples linking a set of nodes), so that an rdflib graph and an Oxigraph store
(:mod:`docgraph.store`) give the same networkx graph. It reads each property once into
a dictionary rather than asking rdflib for one value at a time, which on a whole site's
graph was most of the time a notebook waited.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from typing import Any, Protocol

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from docgraph.rdf.build import Triple
from docgraph.vocab import DG, OA, RECORD_CLASSES


class Facts(Protocol):
    """What :func:`to_networkx` needs to know of a graph."""

    def pairs(self, predicate: URIRef) -> Iterable[tuple[Node, Node]]:
        """Every (subject, object) of ``predicate``; the same pair may come twice."""
        ...

    def links(self, nodes: Set[str]) -> Iterable[Triple]:
        """Every triple whose subject and object are both among ``nodes`` (IRIs)."""
        ...


class GraphFacts:
    """:class:`Facts` of an rdflib graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def pairs(self, predicate: URIRef) -> Iterable[tuple[Node, Node]]:
        """See :meth:`Facts.pairs`."""
        return self.graph.subject_objects(predicate)

    def links(self, nodes: Set[str]) -> Iterable[Triple]:
        """See :meth:`Facts.links`."""
        return ((s, p, o) for s, p, o in self.graph if str(s) in nodes and str(o) in nodes)


class _Index:
    """The values of the properties asked for, by subject, read once each."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self._read: dict[URIRef, dict[Node, list[Node]]] = {}

    def all(self, predicate: URIRef) -> Mapping[Node, list[Node]]:
        found = self._read.get(predicate)
        if found is None:
            values: dict[Node, set[Node]] = {}
            for subject, value in self.facts.pairs(predicate):
                values.setdefault(subject, set()).add(value)
            found = self._read[predicate] = {s: sorted(v) for s, v in values.items()}  # type: ignore[type-var]
        return found

    def one(self, subject: Node | None, predicate: URIRef) -> Node | None:
        """One value (the least, should a graph from elsewhere give several), or None."""
        if subject is None:
            return None
        values = self.all(predicate).get(subject)
        return values[0] if values else None

    def many(self, subject: Node | None, predicate: URIRef) -> list[Node]:
        return self.all(predicate).get(subject, []) if subject is not None else []


def entities(facts: Facts) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Entities by IRI: (class local name, label, aliases) (see ``from_rdf``)."""
    return _entities(_Index(facts))


def _entities(index: _Index) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    namespace = str(DG._NS)
    out = {}
    for node, classes in index.all(RDF.type).items():
        for cls in classes:
            if not str(cls).startswith(namespace) or cls in RECORD_CLASSES:
                continue
            label = str(index.one(node, RDFS.label) or "")
            aliases = tuple(sorted(str(a) for a in index.many(node, SKOS.altLabel)))
            out[str(node)] = (str(cls)[len(namespace):], label, aliases)
    return out


def documents(facts: Facts) -> dict[str, dict[str, str]]:
    """The source documents by IRI: path, title and date (those given)."""
    index = _Index(facts)
    out = {}
    for node, classes in index.all(RDF.type).items():
        if DG.SourceDocument in classes:
            out[str(node)] = {key: str(value) for key, value in (
                ("path", index.one(node, DG.sourcePath)),
                ("title", index.one(node, DCTERMS.title)),
                ("date", index.one(node, DCTERMS.date))) if value is not None}
    return dict(sorted(out.items()))


def to_networkx(source: Graph | Facts) -> nx.MultiDiGraph[str]:
    """Entities as nodes and assertions as edges, keyed by IRI.

    Nodes carry ``type`` (the class's local name), ``label``, ``aliases`` and
    ``documents``; each edge carries ``relation`` (the property's local name),
    ``document``, ``sentence``, ``rule``, ``confidence``, ``source_span`` (character
    offsets of the sentence in the source file), for a PDF ``pages`` (an RFC 3778
    fragment per page, "page=2&viewrect=..."), for a Word document ``paragraphs``
    (XPaths in ``word/document.xml``), ``subject_span``/``object_span``
    (where the two names are in the sentence) and ``start``/``end`` when the sentence
    gives dates. A direct triple between entities that no assertion explains (from
    another tool) is an edge keyed by its predicate, without provenance.

    Args:
        source: An rdflib graph (the union of a dataset's graphs), or any
            :class:`Facts`, such as an Oxigraph store's.
    """
    facts = GraphFacts(source) if isinstance(source, Graph) else source
    index = _Index(facts)
    found = _entities(index)
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for iri in sorted(found):
        cls, label, aliases = found[iri]
        out.add_node(iri, type=cls, label=label, aliases=list(aliases),
                     documents=[str(d) for d in index.many(URIRef(iri), DG.mentionedIn)])
    explained = set()
    assertions = [node for node, classes in index.all(RDF.type).items()
                  if DG.Assertion in classes]
    for node in sorted(assertions, key=str):
        s, p, o = (index.one(node, prop) for prop in (RDF.subject, RDF.predicate,
                                                        RDF.object))
        if str(s) not in found or str(o) not in found or p is None:
            continue
        explained.add((s, p, o))
        out.add_edge(str(s), str(o), key=str(node), **_provenance(index, node, p))
    for s, p, o in sorted(set(facts.links(found.keys()))):
        if (s, p, o) not in explained and p not in {DG.series}:
            out.add_edge(str(s), str(o), key=str(p), relation=_local(p))
    return out


def _provenance(index: _Index, node: Node, predicate: Any) -> dict[str, Any]:
    activity = index.one(node, PROV.wasGeneratedBy)
    data: dict[str, Any] = {
        "relation": _local(predicate),
        "document": str(index.one(node, PROV.wasDerivedFrom) or ""),
        "sentence": str(index.one(node, DG.sentence) or ""),
        "rule": str(index.one(activity, DG.rule) or "") if activity else "",
        "confidence": float(str(index.one(node, DG.confidence) or 0)),
    }
    selectors = index.all(RDF.type)
    pages = []
    for selector in index.many(index.one(node, DG.inSource), OA.hasSelector):
        if OA.TextPositionSelector in selectors.get(selector, ()):
            data["source_span"] = _span(index, selector)
        elif OA.FragmentSelector in selectors.get(selector, ()):
            page = index.one(selector, DG.page)
            pages.append((int(str(page or 0)), str(index.one(selector, RDF.value) or "")))
        elif OA.XPathSelector in selectors.get(selector, ()):
            data.setdefault("paragraphs", []).append(str(index.one(selector, RDF.value) or ""))
    if pages:
        # A PDF: the page and rectangle of each piece of the sentence (RFC 3778).
        data["pages"] = [fragment for _, fragment in sorted(pages)]
    sentence = index.one(index.one(node, DG.inText), OA.hasSelector)
    if sentence is not None:
        # Where the two names are in the sentence, for highlighting it.
        offset = _span(index, sentence)[0]
        for name, prop in (("subject_span", DG.subjectSpan), ("object_span", DG.objectSpan)):
            mention = index.one(node, prop)
            if mention is not None:
                data[name] = [value - offset for value in _span(index, mention)]
    for name, prop in (("start", DG.startDate), ("end", DG.endDate)):
        value = index.one(node, prop)
        if value is not None:
            data[name] = str(value)
    return data


def _span(index: _Index, selector: Node) -> list[int]:
    return [int(str(index.one(selector, OA.start))), int(str(index.one(selector, OA.end)))]


def _local(iri: Any) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
