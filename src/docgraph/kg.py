"""The knowledge graph in a notebook: extract or load, then ask it questions.

The contract: :func:`extract` runs the whole pipeline over documents and :func:`load`
reads graphs docgraph wrote (any RDF format); both return a :class:`KnowledgeGraph`,
whose methods answer the common questions as ``pandas.DataFrame`` tables: SPARQL
(:meth:`~KnowledgeGraph.sparql`), entities, relations, who chaired what, neighbours
and provenance. Wherever a method takes an entity, a name or an alias works as well as
an IRI (``kg.neighbours("WG-AI")``). Pictures come from :meth:`~KnowledgeGraph.show`
(interactive, self-contained HTML) and :mod:`docgraph.viz.static` (PNG/SVG).

Example:
    >>> import docgraph
    >>> kg = docgraph.extract("seeds/")                       # doctest: +SKIP
    >>> kg.chairs()[["meeting", "role", "holder"]]            # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import html
import warnings
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, URIRef

from docgraph.errors import ConfigurationError, InputError, UnknownEntityError
from docgraph.names import normalise_name
from docgraph.query import records, select
from docgraph.vocab import DG, ID_BASE, coarse_type

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from docgraph.clean import Failure
    from docgraph.pipeline import Extraction, Merged
    from docgraph.rdf.network import Facts
    from docgraph.store import Store
    from docgraph.viz.interactive import Picture

_ENTITY_COLUMNS = ["iri", "label", "type", "coarse_type", "aliases", "documents"]
_TYPE_NAMES = frozenset(
    name.casefold() for name in (*DG.__annotations__, "Work")
    if name[:1].isupper() and name not in {"SourceDocument", "Block", "Assertion", "Tenure"})
_RELATION_COLUMNS = ["subject", "subject_label", "relation", "object", "object_label",
                     "sentence", "document", "rule", "confidence", "start", "end",
                     "assertion"]
_CHAIR_COLUMNS = ["meeting", "series", "role", "holder", "holder_type", "start", "end",
                  "dated_by", "status", "place", "handed_over_by", "sentence", "document",
                  "meeting_iri", "holder_iri", "assertion"]
"""The chairs table; a ``statements`` column counts the sentences that state each row."""


class KnowledgeGraph:
    """A graph docgraph extracted or loaded, with one named graph per document.

    It is held either in memory, as an rdflib dataset (:func:`extract`, :func:`load`),
    or in an Oxigraph store on disk (:func:`open`); every question has the same answer
    from both, and the store answers SPARQL many times faster.

    Attributes:
        failures: The inputs that could not be read when it was extracted.
        store: The store it reads, or None when it is in memory.
    """

    def __init__(self, dataset: Dataset | None = None, failures: Sequence[Failure] = (),
                 *, store: Store | None = None) -> None:
        if (dataset is None) == (store is None):
            raise TypeError("a KnowledgeGraph holds a dataset or a store, one of them")
        self._dataset = dataset
        self.store = store
        self.failures = tuple(failures)

    @property
    def dataset(self) -> Dataset:
        """The RDF, one named graph per document (read out of the store if need be)."""
        if self._dataset is None:
            assert self.store is not None
            self._dataset = _dataset(self.store)
        return self._dataset

    @functools.cached_property
    def _graph(self) -> Graph:
        from docgraph.rdf import union

        return union(self.dataset)

    @property
    def _source(self) -> Graph | Store:
        """What SPARQL runs on: the store, or the union of the documents' graphs."""
        return self.store if self.store is not None else self._graph

    @functools.cached_property
    def _facts(self) -> Facts:
        # One per graph, so that a store's terms are converted once for both readers.
        from docgraph.rdf.network import GraphFacts

        return self.store.facts() if self.store is not None else GraphFacts(self._graph)

    # Conversions ------------------------------------------------------------------------

    def to_rdflib(self) -> Graph:
        """All the triples, as one rdflib graph (the union of the documents' graphs).

        From a store, this reads every triple into memory.
        """
        return self._graph

    def to_networkx(self) -> nx.MultiDiGraph[str]:
        """Entities as nodes and assertions as edges (see :func:`docgraph.rdf.to_networkx`).

        The graph is built once and shared; copy it before changing it.
        """
        return self._networkx

    @functools.cached_property
    def _networkx(self) -> nx.MultiDiGraph[str]:
        from docgraph.rdf import to_networkx

        return to_networkx(self._facts)

    def write(self, path: str | Path, fmt: str | None = None) -> Path:
        """Write the graph to ``path`` (format from ``fmt`` or the extension)."""
        from docgraph.rdf import guess_format, write

        target = Path(path)
        write(self.dataset, target, fmt or guess_format(target).name)
        return target

    # Questions ------------------------------------------------------------------------

    def sparql(self, query: str, *, allow_network: bool = False) -> pd.DataFrame:
        """Run a SPARQL query over all documents' graphs; one column per variable.

        ``SERVICE`` and ``FROM`` are refused unless ``allow_network`` (see
        :mod:`docgraph.query`).
        """
        return select(self._source, query, allow_network=allow_network)

    def entities(self, type: str | None = None) -> pd.DataFrame:
        """The entities, most connected first; ``type`` keeps one kind.

        Columns: iri, label, type (the class), coarse_type, aliases, documents (how many
        mention it) and relations (how many statements it is in).

        Args:
            type: A class of the ontology (``WorkingGroup``) or a coarse type (``Person``,
                ``Organization``, ``Country``, ``Place``, ``Meeting``, ``Work``, ``Post``),
                in any case.

        Raises:
            ConfigurationError: If ``type`` is neither.
        """
        import pandas as pd

        wanted = type.casefold() if type else None
        if wanted and wanted not in _TYPE_NAMES:
            raise ConfigurationError(f"unknown entity type {type!r}; use a class of the "
                                     "ontology or Person, Organization, Country, Place, "
                                     "Meeting, Work or Post")
        rows = []
        for iri, data in self._networkx.nodes(data=True):
            coarse = coarse_type(data["type"])
            if wanted and wanted not in {data["type"].casefold(), coarse.casefold()}:
                continue
            rows.append([iri, data["label"], data["type"], coarse, list(data["aliases"]),
                         len(data["documents"])])
        frame = pd.DataFrame(rows, columns=_ENTITY_COLUMNS)
        degree = {iri: self._networkx.degree(iri) for iri in frame["iri"]}
        frame["relations"] = frame["iri"].map(degree).astype("int64")
        return frame.sort_values(["relations", "label"], ascending=[False, True],
                                 ignore_index=True)

    def relations(self, kind: str | Iterable[str] | None = None,
                  entity: str | None = None) -> pd.DataFrame:
        """The statements, each with its sentence and provenance.

        Args:
            kind: A relation (``chairOf``) or several.
            entity: Keep statements about this entity (name, alias or IRI), either end.
        """
        import pandas as pd

        kinds = {kind} if isinstance(kind, str) else set(kind) if kind else None
        node = self.resolve(entity) if entity else None
        graph = self._networkx
        rows = []
        for subject, obj, key, data in graph.edges(keys=True, data=True):
            if kinds and data["relation"] not in kinds:
                continue
            if node and node not in (subject, obj):
                continue
            rows.append([subject, graph.nodes[subject]["label"], data["relation"], obj,
                         graph.nodes[obj]["label"], data.get("sentence"),
                         self._document_path(data.get("document")), data.get("rule"),
                         data.get("confidence"), data.get("start"), data.get("end"),
                         key if _stated(data) else None])
        frame = pd.DataFrame(rows, columns=_RELATION_COLUMNS)
        return frame.sort_values(["relation", "subject_label", "object_label", "document"],
                                 ignore_index=True)

    def chairs(self) -> pd.DataFrame:
        """Who chaired what, earliest first.

        Columns: meeting, series, role (chair, vice-chair, next chair), holder and its
        type, period, where its date comes from (``dated_by``: the ``sentence``; a
        ``context`` sentence about the same appointment or the successor's start; the
        ``meeting``'s dates given elsewhere; ``on``, a day the sentence says the chair was
        held, shown as the start; or only the ``page``'s date), whether the sentence
        reports it ``done`` or ``planned`` (``status``: "has agreed to be Chairman"),
        place, who handed the chair over, the sentence that says so and its document (the
        first that dates the fact itself, else the first page that reports it), and how
        many statements say so. Several documents stating the same fact give one row.

        A holder who took over a chairmanship ("handed over the Chairmanship to
        Thailand") is a ``next chair`` row naming who handed it over.
        """
        import pandas as pd

        found = records(self.sparql(_query("chairs.rq")))
        rows = []
        for row in found:
            holder_type = str(row["holderType"]).rsplit("#", 1)[-1]
            source = next((name for name in ("start", "on", "end", "reported")
                           if row.get(name) is not None), None)
            start = _first_day(row[source]) if source in ("start", "on", "reported") \
                else None
            # Where the row's date comes from; "page" when only the page's date is known,
            # "on" when the sentence dates a moment the chair was held ("spoke today as
            # Chairperson"), which is shown as the start but is none.
            dated_by = "page" if source == "reported" else "on" if source == "on" else \
                (row.get("datedBy") or "sentence") if source else None
            # A handover happens on its dates; the chair taken over then has no end yet.
            end = None if row["role"] == "next chair" else row["end"]
            rows.append([row["meetingName"], row["seriesName"], row["role"],
                         row["holderName"], holder_type, start, end, dated_by,
                         str(row.get("status") or "done"),
                         row["placeName"], row["fromName"], row["sentence"], row["path"],
                         row["meeting"], row["holder"], row["assertion"]])
        frame = pd.DataFrame(rows, columns=_CHAIR_COLUMNS)
        # A meeting held "in Boracay Island, Aklan, Philippines" has three places: the row
        # names them all, in a fixed order, rather than whichever the query met first.
        statement = ["meeting_iri", "role", "holder_iri", "handed_over_by", "assertion"]
        frame["place"] = frame.groupby(statement, dropna=False, sort=False)["place"] \
            .transform(lambda places: "; ".join(sorted({str(p) for p in places
                                                        if isinstance(p, str)})) or None)
        frame = frame.drop_duplicates(subset=statement)
        frame["start"] = pd.to_datetime(frame["start"]).dt.date
        frame["end"] = pd.to_datetime(frame["end"]).dt.date
        order = {"chair": 0, "vice-chair": 1, "next chair": 2}
        frame["_order"] = frame["role"].map(order)
        # One row per fact, and how many sentences state it: the first that dates it
        # itself, else the first page that reports it ("appointed Chairman with effect
        # from 1 January 2020" before a later page's "the new Chairman").
        frame["_page"] = (frame["dated_by"] == "page") | frame["start"].isna()
        display = ["start", "meeting", "_order", "holder", "document"]
        frame = frame.sort_values(["_page", *display], na_position="last",
                                  ignore_index=True)
        same = ["meeting_iri", "role", "holder_iri", "handed_over_by"]
        counts = frame.groupby(same, dropna=False, sort=False)["assertion"].transform("size")
        frame["statements"] = counts.astype("int64")
        frame = frame.drop_duplicates(subset=same, keep="first", ignore_index=True)
        frame = frame.sort_values(display, na_position="last", ignore_index=True)
        frame = frame.drop(columns=["_order", "_page"])
        return frame.astype(object).where(frame.notna(), None)

    def neighbours(self, name: str, depth: int = 1) -> pd.DataFrame:
        """The entities within ``depth`` relations of one, in either direction.

        Nearest first, with the distance and the relations that reach each.
        """
        import pandas as pd

        centre = self.resolve(name)
        sub = self.neighbourhood(centre, depth)
        distances = _distances(sub, centre)
        rows = []
        for iri, distance in distances.items():
            if iri == centre:
                continue
            data = sub.nodes[iri]
            links = sorted({d["relation"] for _, _, d in sub.edges(iri, data=True)} |
                           {d["relation"] for _, _, d in sub.in_edges(iri, data=True)})
            rows.append([iri, data["label"], data["type"], distance, links])
        frame = pd.DataFrame(rows, columns=["iri", "label", "type", "distance", "relations"])
        return frame.sort_values(["distance", "label"], ignore_index=True)

    def neighbourhood(self, name: str, depth: int = 1) -> nx.MultiDiGraph[str]:
        """The subgraph of the entities within ``depth`` relations of one."""
        import networkx as nx

        centre = self.resolve(name)
        keep = _distances(self._networkx, centre, depth)
        # Built in the whole graph's (sorted) order: a subgraph view would follow the
        # order of a set, which changes with Python's hash seed, and so would pictures.
        whole = self._networkx
        sub: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        sub.add_nodes_from((node, whole.nodes[node]) for node in whole if node in keep)
        for u, v, key, data in whole.edges(keys=True, data=True):
            if u in keep and v in keep:
                sub.add_edge(u, v, key=key, **data)
        return sub

    def provenance(self, statement: Any) -> pd.DataFrame:
        """Where a statement comes from, one row per sentence that states it.

        Columns: document, path, title, block, sentence, its offsets in the cleaned text
        and in the source file (characters and bytes), for a PDF the page and its RFC
        3778 fragment ("page=2&viewrect=...", a row per page), for a Word document the
        part and the paragraph's XPath (a row per paragraph), rule and confidence.

        Args:
            statement: An assertion IRI, a row of :meth:`relations`, or a (subject,
                relation, object) triple of names, aliases or IRIs.
        """
        import pandas as pd

        assertions = self._assertions(statement)
        frames = [select(self._source, _bound(_query("provenance.rq"), "assertion", iri))
                  for iri in assertions]
        columns = ["assertion", "document", "path", "title", "block", "sentence",
                   "textStart", "textEnd", "sourceStart", "sourceEnd", "byteStart",
                   "byteEnd", "page", "pageFragment", "part", "paragraph", "rule",
                   "confidence"]
        if not frames:
            return pd.DataFrame(columns=columns)
        return pd.concat(frames, ignore_index=True)[columns]

    def why(self, name: str) -> pd.DataFrame:
        """Why each of an entity's names is that entity: one row per merged name.

        Columns: entity (IRI), name (its label), form (the merged name), rule (the
        resolution rule), evidence (why the rule applies, where the names alone do not
        show it) and path (the document that gives the evidence).

        Args:
            name: The entity's IRI, label or any of its names.
        """
        frame = select(self._source, _bound(_query("why.rq"), "entity", self.resolve(name)))
        return frame[["entity", "name", "form", "rule", "evidence", "path"]]

    def resolve(self, name: str) -> str:
        """The IRI of the entity called ``name`` (IRI, label or alias, any case).

        Raises:
            UnknownEntityError: If no entity, or several equally, has that name.
        """
        graph = self._networkx
        if name in graph:
            return name
        by_label, by_alias, by_folded = self._names
        for index in (by_label, by_alias):
            found = index.get(name, set())
            if len(found) == 1:
                return next(iter(found))
            if found:
                raise UnknownEntityError(_ambiguous(name, found, graph))
        found = by_folded.get(normalise_name(name), set())
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise UnknownEntityError(_ambiguous(name, found, graph))
        close = difflib.get_close_matches(name, list(by_label), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise UnknownEntityError(f"no entity is called {name!r}{hint}")

    @functools.cached_property
    def _names(self) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
        by_label: dict[str, set[str]] = {}
        by_alias: dict[str, set[str]] = {}
        by_folded: dict[str, set[str]] = {}
        for iri, data in self._networkx.nodes(data=True):
            by_label.setdefault(data["label"], set()).add(iri)
            for alias in data["aliases"]:
                by_alias.setdefault(alias, set()).add(iri)
            for text in (data["label"], *data["aliases"]):
                by_folded.setdefault(normalise_name(text), set()).add(iri)
        return by_label, by_alias, by_folded

    def _assertions(self, statement: Any) -> list[str]:
        if isinstance(statement, str):
            return [statement]
        if hasattr(statement, "get") and statement.get("assertion"):
            return [str(statement["assertion"])]
        if hasattr(statement, "get"):
            statement = (statement["subject"], statement["relation"], statement["object"])
        parts: tuple[Any, ...] = tuple(statement)
        if len(parts) != 3:
            raise TypeError("a statement is an assertion IRI, a row of relations() or a "
                            "(subject, relation, object) triple")
        first, last = self.resolve(str(parts[0])), self.resolve(str(parts[2]))
        relation = str(parts[1]).rsplit("#", 1)[-1]
        return sorted(key for _, target, key, data in
                      self._networkx.out_edges(first, keys=True, data=True)
                      if target == last and data["relation"] == relation
                      and _stated(data))

    @functools.cached_property
    def documents(self) -> dict[str, dict[str, str]]:
        """The source documents by IRI: path, title and date."""
        from docgraph.rdf.network import documents

        return documents(self._facts)

    def _document_path(self, iri: str | None) -> str | None:
        if iri is None:
            return None
        return self.documents.get(iri, {}).get("path", iri)

    # Pictures ---------------------------------------------------------------------------

    def show(self, focus: str | None = None, depth: int = 1,
             types: Iterable[str] | None = None,
             relations: Iterable[str] | None = None) -> Picture:
        """The interactive picture (self-contained HTML), shown inline in Jupyter.

        Args:
            focus: Draw only the neighbourhood of this entity.
            depth: How many relations away from ``focus`` to draw.
            types: Draw only entities of these types (classes or coarse types).
            relations: Draw only these relations.
        """
        from docgraph.viz.interactive import Picture, page

        graph = self.subgraph(focus, depth, types, relations)
        title = f"docgraph: {self.resolve_label(focus)}" if focus else "docgraph"
        return Picture(page(graph, self.documents, self.chairs(), title=title))

    def resolve_label(self, name: str) -> str:
        """The canonical label of the entity called ``name``."""
        return str(self._networkx.nodes[self.resolve(name)]["label"])

    def subgraph(self, focus: str | None = None, depth: int = 1,
                 types: Iterable[str] | None = None,
                 relations: Iterable[str] | None = None) -> nx.MultiDiGraph[str]:
        """What a picture draws: the neighbourhood of ``focus``, or everything.

        ``types`` keeps only those entities (the focus stays), ``relations`` only those
        statements.
        """
        types, relations = list(types or ()), list(relations or ())
        unknown = [t for t in types if t.casefold() not in _TYPE_NAMES] + \
            [r for r in relations if r not in DG.__annotations__ or not r[:1].islower()]
        if unknown:
            raise ConfigurationError(f"unknown entity type or relation: {', '.join(unknown)}")
        graph = self.neighbourhood(focus, depth) if focus else self._networkx.copy()
        if types:
            wanted = {t.casefold() for t in types}
            centre = self.resolve(focus) if focus else None
            kinds_of = {n: str(graph.nodes[n]["type"]) for n in graph.nodes}
            graph.remove_nodes_from([n for n, kind in kinds_of.items()
                                     if kind.casefold() not in wanted
                                     and coarse_type(kind).casefold() not in wanted
                                     and n != centre])
        if relations:
            kinds = set(relations)
            graph.remove_edges_from([(s, o, k) for s, o, k, d in
                                     list(graph.edges(keys=True, data=True))
                                     if d["relation"] not in kinds])
        return graph

    # Display ----------------------------------------------------------------------------

    def __len__(self) -> int:
        """How many triples (each once, however many documents state it)."""
        return len(self.store) if self.store is not None else len(self._graph)

    def __repr__(self) -> str:
        graph = self._networkx
        return (f"<KnowledgeGraph: {len(self.documents)} documents, "
                f"{graph.number_of_nodes()} entities, {graph.number_of_edges()} "
                f"statements, {len(self)} triples>")

    def _repr_html_(self) -> str:
        """A summary table for Jupyter: counts by type and by relation."""
        graph = self._networkx
        by_type: dict[str, int] = {}
        for _, data in graph.nodes(data=True):
            kind = coarse_type(data["type"])
            by_type[kind] = by_type.get(kind, 0) + 1
        by_relation: dict[str, int] = {}
        for _, _, data in graph.edges(data=True):
            by_relation[data["relation"]] = by_relation.get(data["relation"], 0) + 1

        def table(title: str, counts: Mapping[str, int]) -> str:
            rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>"
                           for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
            return (f"<table><thead><tr><th>{html.escape(title)}</th><th>count</th></tr>"
                    f"</thead><tbody>{rows}</tbody></table>")

        return (f"<div><p>{html.escape(repr(self))}</p>"
                f"<div style='display:flex;gap:2em'>{table('entity type', by_type)}"
                f"{table('relation', by_relation)}</div></div>")


def extract(*paths: str | Path, model: str | None = None,
            gazetteers: Sequence[str | Path] = (), base: str = ID_BASE,
            include: Sequence[str] = (), exclude: Sequence[str] = (),
            jobs: int = 1, cache: str | Path | None = None,
            scheduler: str | None = None, site_url: str | None = None) -> KnowledgeGraph:
    """Extract a knowledge graph from documents (files, folders), merged across them.

    A document that cannot be read is skipped with a warning naming it and the cause;
    the others are kept, and ``kg.failures`` lists what failed. ``jobs`` worker
    processes read the documents (the graph is the same with any number), or a Dask
    cluster's workers (``scheduler``: an address, or ``local``); ``cache`` is a folder
    of earlier extractions (see :mod:`docgraph.cache`). Documents are recorded by their
    path inside the folder given (or a file's own name), and with ``site_url`` by their
    address on the web as well (``dg:sourceURL``).
    """
    from docgraph.clean import Failure
    from docgraph.errors import InputWarning
    from docgraph.pipeline import Merger, extract_paths

    merger = Merger()
    failures: list[Failure] = []
    for item in extract_paths(list(paths), model=model, gazetteers=gazetteers,
                              include=include, exclude=exclude, jobs=jobs,
                              cache=cache, scheduler=scheduler):
        if isinstance(item, Failure):
            failures.append(item)
            warnings.warn(str(item.error), InputWarning, stacklevel=2)
        else:
            merger.add(item)
    return _from_merged(merger.merged(), base, gazetteers, failures, site_url)


def from_extractions(results: Sequence[Extraction], *, base: str = ID_BASE,
                     gazetteers: Sequence[str | Path] = (),
                     failures: Sequence[Failure] = (),
                     site_url: str | None = None) -> KnowledgeGraph:
    """The knowledge graph of extractions, entities merged across documents."""
    from docgraph.pipeline import merge

    return _from_merged(merge(results), base, gazetteers, failures, site_url)


def _from_merged(batch: Merged, base: str, gazetteers: Sequence[str | Path],
                 failures: Sequence[Failure], site_url: str | None = None) -> KnowledgeGraph:
    from docgraph.pipeline import same_as_links
    from docgraph.rdf import to_dataset

    dataset = to_dataset(batch.entities, batch.documents, batch.found, base=base,
                         links=same_as_links(gazetteers), site_url=site_url)
    return KnowledgeGraph(dataset, failures)


def load(*paths: str | Path) -> KnowledgeGraph:
    """Read graphs docgraph wrote (any RDF format, by extension) into one.

    A folder stands for the graph files in it and its subfolders (what ``extract``
    writes there), read in name order. A store folder (``extract --store``) is opened
    as :func:`open` does.

    Raises:
        InputError: If a file cannot be read or parsed, or a folder holds no graph file.
    """
    from docgraph.rdf import read
    from docgraph.store import is_store

    if not paths:
        raise InputError("-", "no graph file given")
    stores = [path for path in paths if is_store(path)]
    if stores and len(paths) > 1:
        raise InputError(str(stores[0]), "a store is read on its own, not with other "
                                         "graphs")
    if stores:
        return open(stores[0])
    dataset = Dataset()
    for path in _graph_files(paths):
        for graph in read(path).graphs():
            target = dataset.graph(graph.identifier) if isinstance(graph.identifier, URIRef) \
                and graph.identifier != dataset.default_graph.identifier \
                else dataset.default_graph
            for triple in graph:
                target.add(triple)
    return KnowledgeGraph(dataset)


def open(folder: str | Path) -> KnowledgeGraph:
    """Open a store ``extract --store`` wrote: nothing is read until asked for.

    Raises:
        InputError: If ``folder`` is not a docgraph store or cannot be opened.
    """
    from docgraph.store import Store

    return KnowledgeGraph(store=Store(folder))


def _dataset(store: Store) -> Dataset:
    """Every graph of a store, read into an rdflib dataset."""
    dataset = Dataset()
    for prefix, namespace in store.info.prefixes.items():
        dataset.bind(prefix, namespace, override=True)
    graphs: dict[str, Graph] = {}
    for s, p, o, name in store.quads():
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = dataset.default_graph \
                if name == str(dataset.default_graph.identifier) \
                else dataset.graph(URIRef(name))
        graph.add((s, p, o))
    return dataset


def _graph_files(paths: Sequence[str | Path]) -> list[Path]:
    """Files as given; folders as the RDF files in them, sorted."""
    from docgraph.rdf.formats import FORMATS

    suffixes = {f.extension for f in FORMATS.values() if f.rdflib is not None}
    files: list[Path] = []
    for given in map(Path, paths):
        if not given.is_dir():
            files.append(given)
            continue
        found = sorted(p for p in given.rglob("*") if p.is_file() and p.suffix in suffixes)
        if not found:
            raise InputError(str(given), "no graph file in this folder (looked for "
                                         f"{', '.join(sorted(suffixes))})")
        files.extend(found)
    return files


def _stated(edge: Mapping[str, Any]) -> bool:
    """Whether a networkx edge is an assertion (it has a sentence), not a bare triple."""
    return "sentence" in edge


def _query(name: str) -> str:
    return resources.files("docgraph").joinpath(f"data/queries/{name}").read_text("utf-8")


def _bound(query: str, variable: str, iri: str) -> str:
    """``query`` with ``?variable`` fixed to one IRI (a VALUES block after WHERE's brace)."""
    node = URIRef(iri)
    return query.replace("WHERE {", f"WHERE {{\n  VALUES ?{variable} {{ {node.n3()} }}", 1)


def _distances(graph: nx.MultiDiGraph[str], centre: str, depth: int | None = None
               ) -> dict[str, int]:
    import networkx as nx

    return dict(nx.single_source_shortest_path_length(graph.to_undirected(as_view=True),
                                                      centre, cutoff=depth))


def _ambiguous(name: str, found: set[str], graph: nx.MultiDiGraph[str]) -> str:
    options = "; ".join(f"{graph.nodes[i]['label']} ({graph.nodes[i]['type']}, {i})"
                        for i in sorted(found))
    return f"{name!r} names several entities: {options}; give the IRI"


def _first_day(value: object) -> object:
    """A year ("2025") or a month ("2025-03") read as its first day; a date as itself."""
    if isinstance(value, str) and len(value) in (4, 7):
        return dt.date.fromisoformat(value + ("-01-01" if len(value) == 4 else "-01"))
    return value
