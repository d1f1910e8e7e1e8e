"""Entities, relations and their documents as RDF, one named graph per document.

The contract: :func:`to_dataset` describes resolved entities, the statements between
them and the documents they come from as an rdflib ``Dataset`` in which each document's
contribution is its own named graph (:func:`~docgraph.rdf.iris.graph_iri`), so that a
triple store can replace one document without touching the others; :func:`to_rdf` is
the union of those graphs as one ``Graph``. Both are deterministic: the same input gives
the same triples and IRIs.

What a document's graph holds: the document (Dublin Core) and the blocks its statements
come from; every entity it mentions (class, canonical label, aliases, Wikidata link);
each relation as a direct triple and as a ``dg:Assertion`` with its rule, confidence,
sentence and Web Annotation selectors; and, for chairs, vice-chairs and posts, a
``dg:Tenure`` with its period. Triples that several documents share (an entity's label)
are repeated in each of their graphs, so every graph stands on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD
from rdflib.term import Node

from docgraph._version import __version__
from docgraph.graph import Statement
from docgraph.rdf.iris import (
    activity_iri,
    agent_iri,
    block_iri,
    check_base,
    check_site_url,
    document_iri,
    entity_iris,
    graph_iri,
    hashed_iri,
    part,
    source_url,
)
from docgraph.rdf.text import clean_literal
from docgraph.resolve import stable_hash
from docgraph.types import (
    Document,
    Entity,
    InputFormat,
    Merge,
    Outline,
    PartRegion,
    Region,
)
from docgraph.vocab import (
    DG,
    ID_BASE,
    OA,
    PREFIXES,
    coarse_type,
    tenure_roles,
    term,
)

Triple = tuple[Node, Node, Node]

# PDF's fragment identifiers (RFC 3778): what a FragmentSelector on a PDF conforms to.
_PDF_FRAGMENTS = URIRef("http://tools.ietf.org/rfc/rfc3778")
_MEDIA_TYPES = {InputFormat.HTML: "text/html", InputFormat.HTML_PAGE: "text/html",
                InputFormat.MARKDOWN: "text/markdown", InputFormat.TEXT: "text/plain",
                InputFormat.ISOMER_JSON: "application/json", InputFormat.PDF: "application/pdf",
                InputFormat.DOCX: "application/vnd.openxmlformats-officedocument."
                                  "wordprocessingml.document"}


def to_dataset(entities: Iterable[Entity],
               documents: Mapping[str, Document | Outline] | None = None,
               found: Iterable[Statement] = (), *, base: str = ID_BASE,
               links: Mapping[str, Sequence[str]] | None = None,
               site_url: str | None = None) -> Dataset:
    """Describe entities, the statements between them and their documents.

    Args:
        entities: Resolved entities.
        documents: The documents, or their outlines (:meth:`Document.outline`), by id:
            they give titles, dates, block kinds and byte offsets.
        found: Statements between the entities (see :func:`docgraph.graph.statements`).
        base: Base of the IRIs docgraph mints (gazetteer IRIs are kept as they are).
        links: ``owl:sameAs`` targets by entity IRI (from the gazetteers).
        site_url: The site's address, which documents' permalinks and source paths are
            joined to for their ``dg:sourceURL`` (see :func:`docgraph.rdf.iris.source_url`).

    Returns:
        A dataset with one named graph per document and docgraph's prefixes bound.

    Raises:
        ConfigurationError: If ``base`` cannot prefix IRIs, or ``site_url`` is no site's
            address.
    """
    triples = _triples(entities, documents, found, base, links, site_url)
    dataset = Dataset()
    _bind(dataset)
    for document_id in sorted(triples):
        graph = dataset.graph(graph_iri(document_id, base)) if document_id \
            else dataset.default_graph
        graph.addN((s, p, o, graph) for s, p, o in triples[document_id])
    return dataset


def to_graphs(entities: Iterable[Entity],
              documents: Mapping[str, Document | Outline] | None = None,
              found: Iterable[Statement] = (), *, base: str = ID_BASE,
              links: Mapping[str, Sequence[str]] | None = None, site_url: str | None = None
              ) -> tuple[dict[str, Node], dict[str, set[Triple]]]:
    """What :func:`to_dataset` holds, without filling an rdflib dataset (same arguments).

    Returns:
        The prefixes bound and the triples by graph name, for
        :func:`docgraph.rdf.formats.quads_to_string`.
    """
    triples = _triples(entities, documents, found, base, links, site_url)
    bound = Dataset()
    _bind(bound)
    graphs = {str(graph_iri(document_id, base) if document_id else DATASET_DEFAULT_GRAPH_ID):
              found_ for document_id, found_ in triples.items()}
    return dict(bound.namespaces()), graphs


def to_rdf(entities: Iterable[Entity],
           documents: Mapping[str, Document | Outline] | None = None,
           found: Iterable[Statement] = (), *, base: str = ID_BASE,
           links: Mapping[str, Sequence[str]] | None = None,
           site_url: str | None = None) -> Graph:
    """The union of :func:`to_dataset`'s graphs, as one graph (same arguments)."""
    graph = Graph()
    _bind(graph)
    # Built from the triples directly: filling a dataset and copying it would add
    # every triple twice, and adding is most of the time rdflib takes.
    everything: set[Triple] = set()
    for triples in _triples(entities, documents, found, base, links, site_url).values():
        everything |= triples
    graph.addN((s, p, o, graph) for s, p, o in everything)
    return graph


def _triples(entities: Iterable[Entity], documents: Mapping[str, Document | Outline] | None,
             found: Iterable[Statement], base: str,
             links: Mapping[str, Sequence[str]] | None,
             site_url: str | None = None) -> dict[str, set[Triple]]:
    check_base(base)
    site = check_site_url(site_url) if site_url is not None else None
    found = sorted(found, key=_order)
    entities = list(entities)
    writer = _Writer(entities, documents or {}, base,
                     meeting_periods(found, {e.key: e for e in entities}), site)
    writer.describe_entities(links or {})
    for item in found:
        writer.statement(item)
    for document in (documents or {}).values():
        writer.document(document)
    return writer.triples


def union(dataset: Dataset) -> Graph:
    """All triples of every graph of ``dataset``, once each, with its prefixes."""
    graph = Graph()
    _bind(graph)
    for context in dataset.graphs():
        for triple in context:
            graph.add(triple)
    return graph


def meeting_periods(found: Iterable[Statement], entities: Mapping[str, Entity]
                    ) -> dict[str, tuple[dt.date, dt.date]]:
    """When each meeting took place, by entity key, as the sentences about it say.

    A sentence that relates a meeting to something (where it was held, who attended,
    hosted, chaired or convened it) may give its date ("held in Singapore in February
    2024"); the narrowest such period wins, and the earliest of equally narrow ones.
    """
    periods: dict[str, tuple[dt.date, dt.date]] = {}
    for item in found:
        relation = item.relation
        if relation.start is None or relation.end is None:
            continue
        period = (relation.start, relation.end)
        for key in (item.subject, item.object):
            entity = entities.get(key)
            if entity is None or entity.label != "Meeting":
                continue
            best = periods.get(key)
            if best is None or (period[1] - period[0], period) < (best[1] - best[0], best):
                periods[key] = period
    return periods


def _position(first: dt.date, last: dt.date) -> tuple[URIRef, Literal]:
    """An instant's position as precise as the text: a day, a month or a year."""
    if first == last:
        return TIME.inXSDDate, Literal(first.isoformat(), datatype=XSD.date)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and \
            first.year == last.year:
        return TIME.inXSDgYear, Literal(f"{first.year:04d}", datatype=XSD.gYear)
    if first.day == 1 and (first.year, first.month) == (last.year, last.month) and \
            (last + dt.timedelta(days=1)).day == 1:
        return TIME.inXSDgYearMonth, Literal(f"{first.year:04d}-{first.month:02d}",
                                             datatype=XSD.gYearMonth)
    # A span of days ("16 to 17 January"): the first of them.
    return TIME.inXSDDate, Literal(first.isoformat(), datatype=XSD.date)


def _bind(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)


class _Writer:
    """Collects the triples of each document's graph ('' for entities with none)."""

    def __init__(self, entities: list[Entity], documents: Mapping[str, Document | Outline],
                 base: str, periods: Mapping[str, tuple[dt.date, dt.date]],
                 site_url: str | None = None) -> None:
        self.entities = {entity.key: entity for entity in entities}
        self.documents = documents
        self._by_path: dict[str, list[str]] | None = None
        self.base = base
        self.site_url = site_url
        self.iris = entity_iris(entities, base)
        self.triples: dict[str, set[Triple]] = {}
        self.terms: dict[Node, Node] = {}
        self.assertions: set[URIRef] = set()
        self.blocks: set[URIRef] = set()
        self.activities: set[tuple[str, str]] = set()
        self.periods = periods

    def describe_entities(self, links: Mapping[str, Sequence[str]]) -> None:
        """Each entity, in the graph of every document that mentions it."""
        for entity in self.entities.values():
            for document_id in entity.documents or ("",):
                self._entity(entity, document_id, links.get(str(self.iris[entity.key]), ()))
            self._merges(entity)

    def add(self, document_id: str, subject: Node, predicate: Node, obj: Node) -> None:
        # One object per term: sets and sorts of triples then find equal terms by
        # identity, without calling rdflib's equality, which is Python code.
        terms = self.terms
        self.triples.setdefault(document_id, set()).add(
            (terms.setdefault(subject, subject), terms.setdefault(predicate, predicate),
             terms.setdefault(obj, obj)))

    def _entity(self, entity: Entity, document_id: str, same_as: Sequence[str]) -> None:
        node = self.iris[entity.key]
        add = self._adder(document_id, node)
        add(RDF.type, term(entity.label))
        add(RDFS.label, _text(entity.name))
        for alias in entity.aliases:
            add(SKOS.altLabel, _text(alias))
        if document_id:
            add(DG.mentionedIn, document_iri(document_id, self.base))
        for honorific in entity.honorifics:
            add(DG.honorific, _text(honorific))
        if entity.series and entity.series in self.iris:
            add(DG.series, self.iris[entity.series])
        if entity.ordinal is not None and entity.ordinal > 0:
            add(DG.ordinal, Literal(entity.ordinal, datatype=XSD.positiveInteger))
        for target in same_as:
            add(OWL.sameAs, URIRef(target))
        if entity.key in self.periods:
            start, end = self.periods[entity.key]
            add(SDO.startDate, Literal(start.isoformat(), datatype=XSD.date))
            add(SDO.endDate, Literal(end.isoformat(), datatype=XSD.date))

    def _merges(self, entity: Entity) -> None:
        """Why each other name is the entity's, once per name and rule.

        Each goes in the graph of the document that gives the evidence, or else of the
        entity's first document.
        """
        node = self.iris[entity.key]
        documents = set(entity.documents)
        first = entity.documents[0] if entity.documents else ""
        seen: set[tuple[str, str]] = set()
        for merge in entity.merges:
            if merge.rule == "same-name" or merge.form == entity.name or \
                    (merge.rule, merge.form) in seen:
                continue
            seen.add((merge.rule, merge.form))
            self._merge(node, merge, merge.document if merge.document in documents
                        else first)

    def _merge(self, node: URIRef, merge: Merge, document_id: str) -> None:
        """Why ``merge.form`` is a name of the entity: ``<entity#merge-...>``."""
        record = part(node, f"merge-{stable_hash(f'{merge.rule}|{merge.form}', 10)}")
        self.add(document_id, node, DG.merged, record)
        add = self._adder(document_id, record)
        add(RDF.type, DG.NameMerge)
        add(DG.form, _text(merge.form))
        add(DG.mergeRule, Literal(merge.rule))
        if merge.evidence:
            add(DG.evidence, _text(merge.evidence))
        if merge.document:
            add(PROV.wasDerivedFrom, document_iri(merge.document, self.base))

    def _adder(self, document_id: str, subject: Node) -> Callable[[Node, Node], None]:
        def add(predicate: Node, obj: Node) -> None:
            self.add(document_id, subject, predicate, obj)
        return add

    def statement(self, item: Statement) -> None:
        """The direct triple, its assertion and, for roles, the tenure."""
        subject, obj = self.iris.get(item.subject), self.iris.get(item.object)
        if subject is None or obj is None:
            return
        relation = item.relation
        document_id = relation.document
        predicate = term(item.predicate)
        self.add(document_id, subject, predicate, obj)
        node = hashed_iri("assertion", f"{subject}|{predicate}|{obj}|{document_id}|"
                                       f"{relation.block}|{relation.sentence.start}|"
                                       f"{relation.rule}", self.base)
        if node in self.assertions:
            # The sentence names an end twice ("the ITU ... (ITU)"): one assertion,
            # for the first pair of mentions.
            return
        self.assertions.add(node)
        add = self._adder(document_id, node)
        doc, block = document_iri(document_id, self.base), \
            block_iri(document_id, relation.block, self.base)
        add(RDF.type, DG.Assertion)
        add(RDF.subject, subject)
        add(RDF.predicate, predicate)
        add(RDF.object, obj)
        add(PROV.wasDerivedFrom, doc)
        add(DG.block, block)
        self.blocks.add(block)
        add(PROV.wasGeneratedBy, self._activity(document_id, relation.rule))
        add(DG.confidence, Literal(Decimal(str(relation.confidence)), datatype=XSD.decimal))
        add(DG.sentence, _text(relation.text))
        if relation.status != "done":
            add(DG.status, Literal(relation.status))
        if relation.start is not None:
            add(DG.startDate, Literal(relation.start.isoformat(), datatype=XSD.date))
        if relation.end is not None:
            add(DG.endDate, Literal(relation.end.isoformat(), datatype=XSD.date))
        self._selections(document_id, node, doc, block, item)
        if item.predicate in tenure_roles():
            self._tenure(document_id, node, subject, item, obj)

    def _selections(self, document_id: str, node: URIRef, doc: URIRef, block: URIRef,
                    item: Statement) -> None:
        relation = item.relation
        in_text, in_source = part(node, "text"), part(node, "source")
        self.add(document_id, node, DG.inText, in_text)
        self._specific(document_id, in_text, block)
        self._selector(document_id, in_text, part(node, "text-position"),
                       OA.TextPositionSelector, relation.sentence.start, relation.sentence.end)
        self.add(document_id, node, DG.inSource, in_source)
        self._specific(document_id, in_source, doc)
        self._selector(document_id, in_source, part(node, "source-position"),
                       OA.TextPositionSelector, relation.source.start, relation.source.end)
        source = self.documents.get(document_id)
        if source is not None and source.pages is not None:
            self._pdf_regions(document_id, in_source, node, source.pages.regions(relation.source))
        elif source is not None and source.package is not None:
            self._part_regions(document_id, in_source, node,
                               source.package.regions(relation.source))
        elif source is not None:
            span = source.byte_span(relation.source)
            self._selector(document_id, in_source, part(node, "source-bytes"),
                           OA.DataPositionSelector, span.start, span.end)
        for name, prop, mention in (("subject", DG.subjectSpan, relation.subject),
                                    ("object", DG.objectSpan, relation.object)):
            self._selector(document_id, node, part(node, name), OA.TextPositionSelector,
                           mention.start, mention.end, link=prop)

    def _pdf_regions(self, document_id: str, in_source: URIRef, node: URIRef,
                     regions: list[Region]) -> None:
        """A PDF's sentence: on each page it covers, the page and a rectangle to highlight.

        Each is an RFC 3778 fragment (``page=2&viewrect=left,top,width,height``, points
        from the page's top-left corner), refined by the characters of that page's text.
        """
        for region in regions:
            fragment = part(node, f"page-{region.page}")
            value = f"page={region.page}"
            if region.box is not None:
                value += "&viewrect=" + ",".join(f"{v:g}" for v in region.box)
            self.add(document_id, in_source, OA.hasSelector, fragment)
            self.add(document_id, fragment, RDF.type, OA.FragmentSelector)
            self.add(document_id, fragment, DCTERMS.conformsTo, _PDF_FRAGMENTS)
            self.add(document_id, fragment, RDF.value, Literal(value))
            self.add(document_id, fragment, DG.page,
                     Literal(region.page, datatype=XSD.positiveInteger))
            self._selector(document_id, fragment, part(node, f"page-{region.page}-text"),
                           OA.TextPositionSelector, region.start, region.end,
                           link=OA.refinedBy)

    def _part_regions(self, document_id: str, in_source: URIRef, node: URIRef,
                      regions: list[PartRegion]) -> None:
        """A Word document's sentence: the paragraph of the package part it is in.

        An ``oa:XPathSelector`` on the paragraph (``/w:document/w:body/w:p[12]``) with
        ``dg:part`` naming the part, refined by the characters of the paragraph's text.
        """
        for number, region in enumerate(regions):
            selector = part(node, f"paragraph-{number}")
            self.add(document_id, in_source, OA.hasSelector, selector)
            self.add(document_id, selector, RDF.type, OA.XPathSelector)
            self.add(document_id, selector, RDF.value, Literal(region.path))
            self.add(document_id, selector, DG.part, Literal(region.part))
            self._selector(document_id, selector, part(node, f"paragraph-{number}-text"),
                           OA.TextPositionSelector, region.start, region.end,
                           link=OA.refinedBy)

    def _specific(self, document_id: str, node: URIRef, source: URIRef) -> None:
        self.add(document_id, node, RDF.type, OA.SpecificResource)
        self.add(document_id, node, OA.hasSource, source)

    def _selector(self, document_id: str, owner: URIRef, node: URIRef, kind: URIRef,
                  start: int, end: int, *, link: URIRef = OA.hasSelector) -> None:
        self.add(document_id, owner, link, node)
        self.add(document_id, node, RDF.type, kind)
        self.add(document_id, node, OA.start, _offset(start))
        self.add(document_id, node, OA.end, _offset(end))

    def _activity(self, document_id: str, rule: str) -> URIRef:
        activity = activity_iri(rule, self.base)
        if (document_id, rule) in self.activities:
            # Described in this document's graph already, by an earlier statement.
            return activity
        self.activities.add((document_id, rule))
        agent = agent_iri(self.base)
        self.add(document_id, activity, RDF.type, PROV.Activity)
        self.add(document_id, activity, RDFS.label,
                 Literal(f"docgraph {__version__} rule {rule}"))
        self.add(document_id, activity, DG.rule, _text(rule))
        self.add(document_id, activity, PROV.wasAssociatedWith, agent)
        self.add(document_id, agent, RDF.type, PROV.SoftwareAgent)
        self.add(document_id, agent, RDFS.label, Literal(f"docgraph {__version__}"))
        self.add(document_id, agent, SDO.softwareVersion, Literal(__version__))
        return activity

    def _tenure(self, document_id: str, assertion: URIRef, holder: URIRef, item: Statement,
                target: URIRef) -> None:
        relation = item.relation
        role = tenure_roles()[item.predicate]
        first, last = relation.start, relation.end
        target_entity = self.entities.get(item.object)
        meeting = target_entity is not None and target_entity.label == "Meeting"
        dated_by: str = relation.dated_by if first is not None or last is not None else ""
        held = self.periods.get(item.object)
        if held is not None and ((first is None and last is None) or (
                meeting and relation.bound == "on" and first is not None and
                last is not None and first <= held[0] and held[1] <= last and
                held != (first, last))):
            # Chairing a meeting lasts as long as the meeting, whose date another
            # sentence may give, and more precisely than the sentence's "this year".
            first, last = held
            dated_by = "meeting"
        within: tuple[dt.date, dt.date] | None = None
        if relation.bound == "on" and not meeting and first is not None and last is not None:
            # "Mr Tan, Minister for Trade, said on 5 May 2024": he held the post on that
            # day, which is neither when he took it up nor when he left it.
            within, first, last = (first, last), None, None
        start = first.isoformat() if first else ""
        end = last.isoformat() if last else ""
        key = f"{holder}|{role}|{target}|{start}|{end}"
        if within:
            key += "|on " + "/".join(day.isoformat() for day in within)
        if dated_by == "meeting":
            key += "|meeting"
        node = hashed_iri("tenure", key, self.base)
        add = self._adder(document_id, node)
        add(RDF.type, DG.Tenure)
        add(ORG.member, holder)
        add(ORG.role, role)
        add(DG.roleIn, target)
        if target_entity is not None and coarse_type(target_entity.label) == "Organization":
            add(ORG.organization, target)
        add(PROV.wasDerivedFrom, assertion)
        source = self.documents.get(document_id)
        if source is not None and source.metadata.date is not None:
            add(DG.reportedOn, Literal(source.metadata.date.isoformat(), datatype=XSD.date))
        if not (start or end or within):
            return
        # Where the dates come from: the sentence itself, or another sentence's dates
        # for the meeting the role is in.
        add(DG.datedBy, Literal(dated_by))
        interval = part(node, "interval")
        add(ORG.memberDuring, interval)
        self.add(document_id, interval, RDF.type, TIME.Interval)
        if within:
            instant = part(node, "on")
            self.add(document_id, interval, TIME.inside, instant)
            self.add(document_id, instant, RDF.type, TIME.Instant)
            self.add(document_id, instant, *_position(*within))
        for day, prop, edge, name in ((start, DG.startDate, TIME.hasBeginning, "start"),
                                      (end, DG.endDate, TIME.hasEnd, "end")):
            if not day:
                continue
            instant = part(node, name)
            add(prop, Literal(day, datatype=XSD.date))
            self.add(document_id, interval, edge, instant)
            self.add(document_id, instant, RDF.type, TIME.Instant)
            self.add(document_id, instant, TIME.inXSDDate, Literal(day, datatype=XSD.date))

    def _attached(self, href: str) -> str | None:
        """The document of this run that a link points to, when exactly one is.

        Isomer pages link to their attachments by site path ("/files/news/Annex%20A.pdf");
        a document read from a folder is known by its path inside it, so the link's path
        must end with that whole path.
        """
        if self._by_path is None:
            self._by_path = {}
            for document in self.documents.values():
                self._by_path.setdefault(document.source_path.lower(), []).append(document.id)
        path = unquote(urlsplit(href).path).replace("\\", "/").lower()
        parts = [p for p in path.split("/") if p]
        found: set[str] = set()
        for start in range(len(parts)):
            found.update(self._by_path.get("/".join(parts[start:]), ()))
            if found:
                break
        return next(iter(found)) if len(found) == 1 else None

    def document(self, source: Document | Outline) -> None:
        """The document node and the blocks the statements come from."""
        node = document_iri(source.id, self.base)
        add = self._adder(source.id, node)
        add(RDF.type, DG.SourceDocument)
        add(DCTERMS.identifier, Literal(source.id))
        add(DG.sourcePath, _text(source.source_path))
        add(DCTERMS["format"], Literal(_MEDIA_TYPES[source.format]))
        meta = source.metadata
        if meta.title:
            add(DCTERMS.title, _text(meta.title))
        if meta.date:
            add(DCTERMS.date, Literal(meta.date.isoformat(), datatype=XSD.date))
        if meta.permalink:
            add(DG.permalink, _text(meta.permalink))
        url = source_url(source.source_path, meta.permalink, self.site_url)
        if url is not None:
            add(DG.sourceURL, URIRef(url))
        if meta.description:
            add(DCTERMS.description, _text(meta.description))
        for href in source.attachments:
            attached = self._attached(href)
            if attached is not None and attached != source.id:
                add(DG.attachment, document_iri(attached, self.base))
        for block in source.blocks:
            fragment = block_iri(source.id, block.index, self.base)
            if fragment not in self.blocks:
                continue
            add_block = self._adder(source.id, fragment)
            add_block(RDF.type, DG.Block)
            add_block(DCTERMS.isPartOf, node)
            add_block(DG.blockIndex, Literal(block.index, datatype=XSD.nonNegativeInteger))
            add_block(DG.blockKind, Literal(block.kind.value.replace("_", "-")))
            if block.number is not None:
                add_block(DG.paragraphNumber,
                          Literal(block.number, datatype=XSD.nonNegativeInteger))


@lru_cache(maxsize=1 << 16)
def _offset(value: int) -> Literal:
    """A character or byte offset: the selectors' start and end.

    Made once per value: a graph repeats the same offsets many times over, and making
    an rdflib Literal is a tenth of the time a graph takes to build.
    """
    return Literal(value, datatype=XSD.nonNegativeInteger)


def _text(value: str) -> Literal:
    return Literal(clean_literal(value))


def _order(item: Statement) -> tuple[str, str, str, str, int, int, str, int, int]:
    relation = item.relation
    return (item.subject, item.predicate, item.object, relation.document, relation.block,
            relation.sentence.start, relation.rule, relation.subject.start,
            relation.object.start)


def from_rdf(graph: Graph) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Read entities back: IRI -> (class local name, label, aliases).

    Entities are the nodes whose class is one of the ontology's entity classes (not one
    of :data:`~docgraph.vocab.RECORD_CLASSES`: documents, blocks, assertions, tenures,
    name merges).
    """
    from docgraph.rdf.network import GraphFacts, entities

    return entities(GraphFacts(graph))

