"""Run the whole pipeline over inputs: clean, recognise, resolve, write.

The contract: :func:`extract_paths` yields one :class:`Extraction` per readable input
(its document, mentions and entities) or a :class:`~docgraph.clean.Failure` naming the
input and the cause; a bad input never stops the others. :class:`GraphWriter` writes
extractions as graph files, one per document or one merged, each optionally checked
against docgraph's shapes; ``docgraph extract`` is these two and a summary.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docgraph import ingest
from docgraph.clean import Failure
from docgraph.errors import ConfigurationError
from docgraph.ingest import iter_inputs
from docgraph.limits import DEFAULT_MAX_BYTES
from docgraph.resolve import resolve_document
from docgraph.types import STDIN, Document, Entity, InputFile, Mention, Outline, Relation
from docgraph.vocab import ID_BASE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from spacy.language import Language

    from docgraph.cache import Cache
    from docgraph.graph import Statement
    from docgraph.rdf.validate import Report
    from docgraph.store import StoreInfo


@dataclass(frozen=True, slots=True)
class Extraction:
    """What docgraph found in one document."""

    document: Document
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...] = ()


def extract_paths(inputs: Iterable[str | Path | InputFile], *, nlp: Language | None = None,
                  model: str | None = None, gazetteers: Sequence[str | Path] = (),
                  include: Sequence[str] = (), exclude: Sequence[str] = (),
                  html_parser: str = "lxml", max_bytes: int | None = DEFAULT_MAX_BYTES,
                  jobs: int = 1, cache: str | Path | None = None,
                  scheduler: str | None = None) -> Iterator[Extraction | Failure]:
    """Clean, recognise and resolve every document under ``inputs``.

    Args:
        inputs: Files, folders or ``-`` (see :func:`docgraph.ingest.iter_inputs`).
        nlp: A pipeline from :func:`docgraph.ner.build_pipeline` (built if None, and
            only once a document needs it).
        model: The spaCy model when ``nlp`` is None (see ``build_pipeline``).
        gazetteers: Extra gazetteer files when ``nlp`` is None.
        include: Glob patterns for files in folders.
        exclude: Glob patterns of files to skip.
        html_parser: Beautiful Soup tree builder for HTML.
        max_bytes: A larger file is skipped, as a failure whose error is a
            :class:`~docgraph.errors.TooLargeError`; None for no limit.
        jobs: Worker processes (each builds its own pipeline from ``model`` and
            ``gazetteers``, so ``nlp`` must be None). The results are the same, in the
            same order, as with one.
        cache: A folder of earlier extractions (see :mod:`docgraph.cache`): a document
            whose bytes, path and pipeline are unchanged is taken from it, not read
            again. Not used with ``nlp``, whose make-up is unknown.
        scheduler: Run on a Dask cluster: its scheduler's address
            (``tcp://host:8786``), or ``local`` for a cluster of ``jobs`` processes here
            (see :func:`docgraph.workers.extract_on_cluster`). Same results, same order.

    Yields:
        An :class:`Extraction` per document, or a :class:`Failure`, in input order.

    Raises:
        ValueError: If ``jobs`` is below 1, or ``jobs``, ``cache`` or ``scheduler`` is
            given with ``nlp``.
        ConfigurationError: If the scheduler cannot be reached, or dask.distributed is
            not installed.
    """
    if jobs < 1 or (nlp is not None and (jobs > 1 or cache is not None or scheduler)):
        raise ValueError("jobs must be 1 or more; a given pipeline runs in one process, "
                         "without a cache or a cluster")
    store = None
    if cache is not None:  # its fingerprint is taken once, here, for every worker
        from docgraph.cache import Cache, fingerprint

        store = Cache(cache, fingerprint(model, gazetteers, html_parser))
    paths: Iterable[InputFile] = iter_inputs(inputs, include, exclude)

    def pipeline() -> Language:
        from docgraph.ner import build_pipeline

        return nlp or build_pipeline(model, gazetteers=gazetteers)

    if jobs > 1 or scheduler:
        paths = list(paths)
        if all(item.path != STDIN for item in paths):  # standard input is read only here
            from docgraph.workers import Settings, extract_in_processes, extract_on_cluster

            settings = Settings(model, tuple(map(str, gazetteers)), html_parser, max_bytes,
                                store)

            def workers(todo: list[InputFile]) -> Iterator[Extraction | Failure]:
                if scheduler:
                    return extract_on_cluster(todo, settings, scheduler, jobs)
                return extract_in_processes(todo, settings, min(jobs, len(todo) or 1))

            if store is None:
                yield from workers(paths)
            else:
                yield from _cache_first(paths, store, workers, lambda path: extract_in_order(
                    [path], pipeline, html_parser=html_parser, max_bytes=max_bytes,
                    store=store), max_bytes)
            return

    yield from extract_in_order(paths, pipeline, html_parser=html_parser,
                                max_bytes=max_bytes, store=store)


def _cache_first(paths: list[InputFile], store: Cache,
                 workers: Callable[[list[InputFile]], Iterator[Extraction | Failure]],
                 here: Callable[[InputFile], Iterator[Extraction | Failure]],
                 max_bytes: int | None) -> Iterator[Extraction | Failure]:
    """Documents in the cache are read here; only the others go to ``workers``.

    Workers are started only if some document needs them: starting them (a fresh
    interpreter each, importing spaCy) costs more than reading a whole site's
    extractions from the cache.
    """
    found = [digest if (digest := ingest.file_id(item.path, max_bytes=max_bytes)) is not None
             and store.has(item.path, digest) else None for item in paths]
    todo = [item for item, entry in zip(paths, found, strict=True) if entry is None]
    extracted = workers(todo) if todo else iter(())
    for item, entry in zip(paths, found, strict=True):
        if entry is None:
            yield next(extracted)
            continue
        cached = _recorded_as(store.get(item.path, entry), item)
        # An entry that cannot be read after all (another process replaced it) is
        # extracted here: the workers have their lists already.
        yield cached if cached is not None else next(here(item))


def _recorded_as(cached: Extraction | None, item: InputFile) -> Extraction | None:
    """A cached extraction, recorded under the path this run gives its file.

    The same file reached from another folder named (``site/`` or ``site/news/``) is the
    same document with another recorded path.
    """
    if cached is None or cached.document.source_path == item.source_path:
        return cached
    import dataclasses

    document = dataclasses.replace(cached.document, source_path=item.source_path)
    return dataclasses.replace(cached, document=document)


class _Pending:
    """A document handed to spaCy, whose extraction comes later."""

    __slots__ = ("digest", "path")

    def __init__(self, path: str, digest: str) -> None:
        self.path, self.digest = path, digest


def extract_in_order(paths: Iterable[InputFile], pipeline: Callable[[], Language], *,
                     html_parser: str = "lxml", max_bytes: int | None = DEFAULT_MAX_BYTES,
                     store: Cache | None = None) -> Iterator[Extraction | Failure]:
    """Extract documents in this process, with results in the order of ``paths``.

    ``pipeline`` is called for the recogniser only when a document is not in ``store``,
    so a rerun over unchanged documents loads no model.
    """
    from docgraph.clean import clean
    from docgraph.clean.boilerplate import load_rules
    from docgraph.errors import InputError

    # Results wait here in input order: failures and cached extractions are ready at
    # once, the others when spaCy's batch gives them back.
    slots: deque[Extraction | Failure | _Pending] = deque()
    rules = load_rules()

    # Read and cleaned here rather than through clean_paths: the cache is looked up
    # first, by the file's hash alone, so that a cached document is never decoded (nor
    # its front matter parsed), which would be most of what it costs.
    def documents() -> Iterator[Document]:
        for item in paths:
            path = item.path
            try:
                data = ingest.load(path, max_bytes=max_bytes)
                cached = _recorded_as(store.get(path, ingest.document_id(data)), item) \
                    if store and path != STDIN else None
                if cached is not None:
                    slots.append(cached)
                    continue
                raw = ingest.read_bytes(data, path, source_path=item.source_path)
                document = clean(raw, html_parser=html_parser, boilerplate=rules)
            except InputError as exc:
                slots.append(Failure(path, exc))
                continue
            slots.append(_Pending(path, raw.id))
            yield document

    def ready() -> Iterator[Extraction | Failure]:
        while slots and not isinstance(slots[0], _Pending):
            yield slots.popleft()  # type: ignore[misc]  # checked just above

    waiting = documents()
    first = next(waiting, None)
    if first is not None:  # a pipeline, and spaCy, only when some document is not cached
        from docgraph.ner import recognise

        for analysis in recognise(itertools.chain([first], waiting), pipeline()):
            extraction = Extraction(
                analysis.document, tuple(analysis.mentions),
                tuple(resolve_document(analysis.document, analysis.mentions)),
                tuple(analysis.relations))
            index = next(i for i, slot in enumerate(slots) if isinstance(slot, _Pending))
            pending = slots[index]
            assert isinstance(pending, _Pending)
            if store is not None and pending.path != STDIN:
                store.put(pending.path, pending.digest, extraction)
            slots[index] = extraction
            yield from ready()
    yield from ready()


def same_as_links(gazetteers: Sequence[str | Path] = ()) -> dict[str, tuple[str, ...]]:
    """``owl:sameAs`` targets (Wikidata items) by entity IRI, from the gazetteers.

    Args:
        gazetteers: Extra gazetteer files, read after docgraph's own.
    """
    from docgraph.lexicon import load_gazetteers

    return {entry.iri: entry.same_as for entry in load_gazetteers(map(Path, gazetteers))
            if entry.same_as}


@dataclass(frozen=True, slots=True)
class Written:
    """One graph file :class:`GraphWriter` wrote.

    Attributes:
        path: Where it is.
        report: Its check against the shapes, when checking was asked for.
        source: The input it comes from (one document's graph only).
        clash: The earlier input that has the same name, if any (``a/x.html`` and
            ``b/x.html``: the second is written to ``x-2.ttl``).
    """

    path: Path
    report: Report | None = None
    source: str | None = None
    clash: str | None = None


@dataclass(frozen=True, slots=True)
class Merged:
    """Extractions merged across documents: what one graph of them all holds.

    Attributes:
        entities: One per real-world thing, across the documents.
        documents: The documents' outlines (:meth:`Document.outline`) by id.
        found: The statements, their ends keyed by the merged entities.
    """

    entities: Sequence[Entity]
    documents: Mapping[str, Outline]
    found: Sequence[Statement]


class Merger:
    """Gathers extractions for one merged graph, keeping only what the graph needs.

    A document's text, blocks and mentions are let go as soon as it is added: the
    entities, relations and an outline of the document are what the merge and the
    graph read, so a long batch holds a fraction of what its extractions did.

    Example:
        >>> merger = Merger()                                   # doctest: +SKIP
        >>> for result in extract_paths(["pages/"]):            # doctest: +SKIP
        ...     if isinstance(result, Extraction):
        ...         merger.add(result)
        >>> merged = merger.merged()                            # doctest: +SKIP
    """

    def __init__(self) -> None:
        self._found: list[tuple[tuple[Entity, ...], tuple[Relation, ...]]] = []
        self._documents: dict[str, Outline] = {}

    def __len__(self) -> int:
        return len(self._found)

    def add(self, result: Extraction) -> None:
        """Keep what the graph needs of one document's extraction."""
        self._found.append((result.entities, result.relations))
        self._documents[result.document.id] = result.document.outline()

    def merged(self) -> Merged:
        """Merge the documents added so far (:func:`docgraph.graph.from_extractions`)."""
        from docgraph.graph import from_extractions

        entities, found = from_extractions(self._found)
        return Merged(entities, dict(self._documents), found)


def merge(results: Iterable[Extraction]) -> Merged:
    """Merge extractions across documents (see :class:`Merger`)."""
    merger = Merger()
    for result in results:
        merger.add(result)
    return merger.merged()


class GraphWriter:
    """Writes extractions as graph files in a folder.

    Example:
        >>> writer = GraphWriter("out", "turtle", validate=True)  # doctest: +SKIP
        >>> for result in extract_paths(["pages/"]):                # doctest: +SKIP
        ...     if isinstance(result, Extraction):
        ...         written = writer.document(result)               # out/<stem>.ttl

    Args:
        folder: The folder to write into (created if missing); None for a writer that
            only fills stores (:meth:`store`).
        fmt: Any format of :data:`docgraph.rdf.FORMATS`.
        base: The base of the IRIs docgraph mints.
        gazetteers: Extra gazetteer files, for their ``owl:sameAs`` links.
        validate: Check each RDF file against docgraph's shapes.
        site_url: The site's address, for each document's ``dg:sourceURL`` (see
            :func:`docgraph.rdf.source_url`).

    Raises:
        ConfigurationError: If the format is unknown, or ``base`` or ``site_url`` cannot
            serve.
    """

    def __init__(self, folder: str | Path | None, fmt: str = "turtle", *, base: str = ID_BASE,
                 gazetteers: Sequence[str | Path] = (), validate: bool = False,
                 site_url: str | None = None) -> None:
        from docgraph.rdf import check_base, check_site_url, format_for

        self.folder = Path(folder) if folder is not None else None
        self.fmt = fmt
        self.spec = format_for(fmt)
        self.base = check_base(base)
        self.site_url = check_site_url(site_url) if site_url is not None else None
        self.links = same_as_links(gazetteers)
        self.validate = validate and self.spec.rdflib is not None
        self._used: dict[str, str] = {}

    def document(self, result: Extraction) -> Written:
        """Write one document's graph to ``folder/<stem>.<ext>``, never over another's."""
        from docgraph.graph import statements

        source = result.document.path
        stem = Path(source).stem if source != "-" else "stdin"
        name, number = stem, 1
        while name in self._used:
            number += 1
            name = f"{stem}-{number}"
        clash = self._used[stem] if name != stem else None
        self._used[name] = source
        found = statements(result.entities, result.relations)
        path = self._folder() / f"{name}{self.spec.extension}"
        report = self._write(result.entities, {result.document.id: result.document}, found,
                             path)
        return Written(path, report, source, clash)

    def merged(self, results: Iterable[Extraction] | Merged) -> Written:
        """Write every document's graph merged into one, ``folder/graph.<ext>``."""
        batch = results if isinstance(results, Merged) else merge(results)
        path = self._folder() / f"graph{self.spec.extension}"
        report = self._write(batch.entities, batch.documents, batch.found, path)
        return Written(path, report)

    def store(self, results: Iterable[Extraction] | Merged, folder: str | Path) -> StoreInfo:
        """Write every document's graph, merged, into a store at ``folder``.

        See :func:`docgraph.store.write`; a store docgraph wrote there is replaced.
        """
        from docgraph.rdf.build import to_graphs
        from docgraph.store import write

        batch = results if isinstance(results, Merged) else merge(results)
        namespaces, graphs = to_graphs(batch.entities, batch.documents, batch.found,
                                       base=self.base, links=self.links,
                                       site_url=self.site_url)
        return write(folder, namespaces, graphs)

    def _folder(self) -> Path:
        if self.folder is None:
            raise ConfigurationError("this GraphWriter writes no files (it has no folder)")
        return self.folder

    def _write(self, entities: Sequence[Entity], documents: Mapping[str, Document | Outline],
               found: Sequence[Statement], path: Path) -> Report | None:
        from docgraph.rdf import to_dataset, write
        from docgraph.rdf.build import to_graphs
        from docgraph.rdf.formats import FAST_FORMATS, write_quads
        from docgraph.rdf.validate import validate

        if not self.validate and self.spec.name in FAST_FORMATS:
            # Straight from the triples: an rdflib dataset is needed only to check it.
            namespaces, graphs = to_graphs(entities, documents, found, base=self.base,
                                           links=self.links, site_url=self.site_url)
            path.parent.mkdir(parents=True, exist_ok=True)
            write_quads(path, namespaces, graphs, self.fmt)
            return None
        dataset = to_dataset(entities, documents, found, base=self.base, links=self.links,
                             site_url=self.site_url)
        write(dataset, path, self.fmt)
        return validate(dataset) if self.validate else None
