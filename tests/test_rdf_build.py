"""The RDF graph: entities, direct triples, assertions with selectors, tenures,
documents and blocks, one named graph per document."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, TIME, XSD
from rdflib.term import Node

from docgraph.clean import clean
from docgraph.errors import ConfigurationError
from docgraph.ingest import read_bytes
from docgraph.rdf import (
    block_iri,
    document_iri,
    from_rdf,
    from_string,
    graph_iri,
    to_dataset,
    to_rdf,
    to_string,
    union,
)
from docgraph.rdf.text import clean_literal
from docgraph.rdf.validate import validate
from docgraph.types import Bound, Document, Entity
from docgraph.vocab import DG, OA
from helpers import ROOT, SG_IRI, examples, tiny_extraction

PDF = ROOT / "tests" / "data" / "pdf" / "sla-board-2024.pdf"

MEETING = URIRef("https://w3id.org/docgraph/id/meeting/4th-asean-digital-ministers-meeting")
TEO = URIRef("https://w3id.org/docgraph/id/person/josephine-teo")


@pytest.fixture(scope="module")
def graph() -> Graph:
    entities, documents, found = tiny_extraction()
    return to_rdf(entities, documents, found)


def _assertion(graph: Graph, predicate: URIRef) -> URIRef:
    (node,) = list(graph.subjects(RDF.predicate, predicate))
    assert isinstance(node, URIRef)
    return node


def test_entities_have_class_label_aliases_and_documents(graph: Graph) -> None:
    read = from_rdf(graph)
    assert read[str(MEETING)] == ("Meeting", "4th ASEAN Digital Ministers' Meeting",
                                  ("4th ADGMIN",))
    assert read[str(TEO)][0] == "Person"
    assert (TEO, DG.honorific, Literal("Mrs")) in graph
    assert (MEETING, DG.ordinal, Literal(4, datatype=XSD.positiveInteger)) in graph
    assert len(set(graph.objects(TEO, DG.mentionedIn))) == 1


def test_a_relation_is_a_direct_triple_and_an_assertion(graph: Graph) -> None:
    assert (URIRef(SG_IRI), DG.chairOf, MEETING) in graph
    node = _assertion(graph, DG.chairOf)
    assert (node, RDF.type, DG.Assertion) in graph
    assert graph.value(node, RDF.subject) == URIRef(SG_IRI)
    assert graph.value(node, RDF.object) == MEETING
    assert graph.value(node, DG.confidence) == Literal(Decimal("0.9"), datatype=XSD.decimal)
    assert str(graph.value(node, DG.sentence)).startswith("Singapore chaired")
    activity = graph.value(node, PROV.wasGeneratedBy)
    assert str(graph.value(activity, DG.rule)) == "test:chairOf"
    agent = graph.value(activity, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in graph
    assert graph.value(node, DG.startDate) == Literal("2024-02-01", datatype=XSD.date)


def test_selectors_point_at_the_sentence_in_the_text_and_in_the_source() -> None:
    entities, documents, found = tiny_extraction()
    graph = to_rdf(entities, documents, found)
    (document,) = documents.values()
    node = _assertion(graph, DG.chairOf)
    sentence = str(graph.value(node, DG.sentence))

    def selectors(link: URIRef) -> dict[URIRef, tuple[int, int]]:
        selection = graph.value(node, link)
        assert (selection, RDF.type, OA.SpecificResource) in graph
        return {URIRef(str(graph.value(s, RDF.type))): (_int(graph, s, OA.start),
                                                         _int(graph, s, OA.end))
                for s in graph.objects(selection, OA.hasSelector)}

    in_text = graph.value(graph.value(node, DG.inText), OA.hasSource)
    assert in_text == block_iri(document.id, 0)
    start, end = selectors(DG.inText)[OA.TextPositionSelector]
    assert document.blocks[0].text[start:end] == sentence
    source = selectors(DG.inSource)
    start, end = source[OA.TextPositionSelector]
    assert sentence in document.text[start:end]
    first, last = source[OA.DataPositionSelector]
    assert document.text.encode("utf-8")[first:last].decode("utf-8") == \
        document.text[start:end]
    subject = graph.value(node, DG.subjectSpan)
    begin, stop = _int(graph, subject, OA.start), _int(graph, subject, OA.end)
    assert document.blocks[0].text[begin:stop] == "Singapore"


def _int(graph: Graph, node: Node | None, prop: URIRef) -> int:
    return int(str(graph.value(node, prop)))


def test_chairing_and_posts_are_tenures_in_time(graph: Graph) -> None:
    chair = graph.value(predicate=ORG.role, object=DG.chair)
    assert (chair, RDF.type, DG.Tenure) in graph
    assert graph.value(chair, ORG.member) == URIRef(SG_IRI)
    assert graph.value(chair, DG.roleIn) == MEETING
    assert graph.value(chair, PROV.wasDerivedFrom) == _assertion(graph, DG.chairOf)
    interval = graph.value(chair, ORG.memberDuring)
    assert (interval, RDF.type, TIME.Interval) in graph
    begin = graph.value(interval, TIME.hasBeginning)
    assert graph.value(begin, TIME.inXSDDate) == Literal("2024-02-01", datatype=XSD.date)
    assert graph.value(chair, DG.datedBy) == Literal("sentence")
    post = graph.value(predicate=ORG.role, object=DG.postHolder)
    assert graph.value(post, ORG.member) == TEO
    assert graph.value(post, ORG.memberDuring) is None
    assert graph.value(post, DG.reportedOn) == Literal("2024-02-02", datatype=XSD.date)


def test_a_chair_without_dates_takes_the_meetings_dates() -> None:
    entities, documents, found = tiny_extraction()
    chair = found[0]
    undated = dataclasses.replace(chair, relation=dataclasses.replace(
        chair.relation, start=None, end=None))
    held = dataclasses.replace(chair, predicate="attended", relation=dataclasses.replace(
        chair.relation, predicate="attended", rule="test:attended"))
    graph = to_rdf(entities, documents, [undated, held])
    tenure = graph.value(predicate=ORG.role, object=DG.chair)
    assert graph.value(tenure, DG.startDate) == Literal("2024-02-01", datatype=XSD.date)
    assert graph.value(tenure, DG.datedBy) == Literal("meeting")
    assert graph.value(MEETING, SDO.startDate) == Literal("2024-02-01", datatype=XSD.date)


def _post_tenure(start: dt.date | None, end: dt.date | None, bound: Bound
                 ) -> tuple[Graph, Node]:
    entities, documents, found = tiny_extraction()
    post = next(item for item in found if item.predicate == "holdsPost")
    dated = dataclasses.replace(post, relation=dataclasses.replace(
        post.relation, start=start, end=end, bound=bound))
    graph = to_rdf(entities, documents, [dated])
    tenure = graph.value(predicate=ORG.role, object=DG.postHolder)
    assert tenure is not None
    return graph, tenure


@pytest.mark.parametrize(("start", "end", "position"), [
    (dt.date(2024, 5, 5), dt.date(2024, 5, 5), (TIME.inXSDDate, "2024-05-05", XSD.date)),
    (dt.date(2024, 2, 1), dt.date(2024, 2, 29), (TIME.inXSDgYearMonth, "2024-02",
                                                  XSD.gYearMonth)),
    (dt.date(2024, 1, 1), dt.date(2024, 12, 31), (TIME.inXSDgYear, "2024", XSD.gYear)),
])
def test_a_post_held_on_a_date_neither_starts_nor_ends_then(
        start: dt.date, end: dt.date, position: tuple[URIRef, str, URIRef]) -> None:
    graph, tenure = _post_tenure(start, end, "on")
    assert graph.value(tenure, DG.startDate) is None
    assert graph.value(tenure, DG.endDate) is None
    interval = graph.value(tenure, ORG.memberDuring)
    assert graph.value(interval, TIME.hasBeginning) is None
    instant = graph.value(interval, TIME.inside)
    assert instant is not None
    assert (instant, RDF.type, TIME.Instant) in graph
    prop, value, datatype = position
    assert graph.value(instant, prop) == Literal(value, datatype=datatype)
    report = validate(graph)
    assert report.conforms, [str(p) for p in report.problems]
    graph.add((instant, TIME.inXSDDate, Literal("2024-05-05", datatype=XSD.date)))
    assert prop == TIME.inXSDDate or not validate(graph).conforms  # one position only


def test_a_post_taken_up_on_a_date_starts_then_and_has_no_end() -> None:
    graph, tenure = _post_tenure(dt.date(2019, 6, 1), None, "since")
    assert graph.value(tenure, DG.startDate) == Literal("2019-06-01", datatype=XSD.date)
    assert graph.value(tenure, DG.endDate) is None
    interval = graph.value(tenure, ORG.memberDuring)
    assert graph.value(interval, TIME.inside) is None
    assert graph.value(interval, TIME.hasEnd) is None


def test_documents_are_described_with_their_blocks(graph: Graph) -> None:
    _, documents, _ = tiny_extraction()
    (document,) = documents.values()
    node = document_iri(document.id)
    assert (node, RDF.type, DG.SourceDocument) in graph
    assert graph.value(node, DCTERMS.title) == Literal("Singapore chairs ADGMIN")
    assert graph.value(node, DCTERMS.date) == Literal("2024-02-02", datatype=XSD.date)
    assert graph.value(node, DG.permalink) == Literal("/media/adgmin")
    assert graph.value(node, DG.sourcePath) == Literal("adgmin.html")
    assert graph.value(node, DCTERMS["format"]) == Literal("text/html")
    block = block_iri(document.id, 1)
    assert graph.value(block, DCTERMS.isPartOf) == node
    assert graph.value(block, DG.blockKind) == Literal("paragraph")


def test_each_document_is_a_named_graph_and_the_union_is_the_flat_graph() -> None:
    one = tiny_extraction()
    two = tiny_extraction("<p>Singapore chaired the 4th ASEAN Digital Ministers' Meeting "
                          "again.</p>\n<p>Mrs Josephine Teo, Minister for Digital "
                          "Development and Information, spoke.</p>\n")
    entities = one[0] + [dataclasses.replace(e, documents=tuple(two[1])) for e in two[0]]
    documents = {**one[1], **two[1]}
    dataset = to_dataset(entities, documents, one[2] + two[2])
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {graph_iri(d) for d in documents}
    flat = to_rdf(entities, documents, one[2] + two[2])
    assert isomorphic(flat, union(dataset))
    # Replacing one document touches only its graph: the other keeps its assertions.
    first, second = (dataset.graph(graph_iri(d)) for d in documents)
    dataset.remove_graph(first)
    assert set(dataset.graph(second.identifier)) == set(second)
    assert (URIRef(SG_IRI), DG.chairOf, MEETING) in union(dataset)


def test_wikidata_links_come_from_the_gazetteers() -> None:
    entities, documents, found = tiny_extraction()
    graph = to_rdf(entities, documents, found,
                   links={SG_IRI: ("http://www.wikidata.org/entity/Q334",)})
    assert (URIRef(SG_IRI), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q334")) \
        in graph


def test_the_same_input_gives_the_same_bytes() -> None:
    assert to_string(to_rdf(*tiny_extraction())) == to_string(to_rdf(*tiny_extraction()))


def test_the_base_iri_applies_to_every_minted_node() -> None:
    graph = to_rdf(*tiny_extraction(), base="https://example.org/kg/")
    minted = {str(node) for triple in graph for node in triple if isinstance(node, URIRef)
              and "/docgraph/id/" in str(node)}
    assert minted == {SG_IRI}
    with pytest.raises(ConfigurationError):
        to_rdf(*tiny_extraction(), base="not a base")


TRICKY = ['Say "hello" \\ goodbye', "line one\nline two\r\n", "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>", "\u05e9\u05dc\u05d5\u05dd \u200f(RTL)",
          "zero\u200bwidth\u200djoiner\ufeff", "tab\there", "emoji 🇸🇬", "a & b ]]> c"]


def _named(name: str) -> Graph:
    entities, documents, found = tiny_extraction()
    renamed = [dataclasses.replace(e, name=name, aliases=(name + " alias",))
               if e.label == "Person" else e for e in entities]
    return to_rdf(renamed, documents, found)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig", "jsonld", "xml"])
@pytest.mark.parametrize("name", TRICKY)
def test_any_text_survives_every_format(name: str, fmt: str) -> None:
    graph = _named(name)
    again = from_string(to_string(graph, fmt), fmt)
    assert isomorphic(graph, union(again))
    labels = {str(o) for s, o in union(again).subject_objects(RDFS.label)
              if (s, RDF.type, DG.Person) in graph}
    assert labels == {name}


@settings(max_examples=examples(60))
@given(st.text(min_size=1, max_size=80))
def test_arbitrary_names_give_valid_iris_and_round_trip(name: str) -> None:
    graph = _named(name)
    person = next(iter(graph.subjects(RDF.type, DG.Person)))
    assert str(person).isascii()
    assert not any(c in str(person) for c in ' <>"{}|\\^`')
    for fmt in ("turtle", "jsonld", "xml"):
        again = union(from_string(to_string(graph, fmt), fmt))
        assert isomorphic(graph, again), fmt
        assert str(again.value(person, RDFS.label)) == clean_literal(name)


def test_entities_without_documents_go_to_the_default_graph() -> None:
    entity = Entity("person:a", "Person", "A", (), (), ())
    dataset = to_dataset([entity])
    assert len(dataset.default_graph) == 2


# Attachments ------------------------------------------------------------------------------


def _read_as(data: bytes, source_path: str) -> Document:
    return clean(read_bytes(data, source_path, source_path=source_path))


def test_a_page_links_the_attachments_read_in_the_same_run() -> None:
    annex = _read_as(PDF.read_bytes(), "files/news/2024/Annex A.pdf")
    other = _read_as(PDF.read_bytes() + b"\n", "files/news/2023/Annex B.pdf")
    page = _read_as(b"The Minister appointed Mr Yeoh. See [Annex A](/files/news/2024/Annex%20A.pdf"
                    b"), [the old one](https://www.mlaw.gov.sg/files/news/2023/Annex%20B.pdf?x=1)"
                    b" and [a missing annex](/files/news/2024/Annex%20C.pdf).\n", "news/a.md")
    assert page.outline().attachments == ("/files/news/2024/Annex%20A.pdf",
                                           "https://www.mlaw.gov.sg/files/news/2023/Annex%20B.pdf?x=1",
                                           "/files/news/2024/Annex%20C.pdf")
    graph = union(to_dataset([], {d.id: d for d in (annex, other, page)}))
    assert set(graph.objects(document_iri(page.id), DG.attachment)) == {
        document_iri(annex.id), document_iri(other.id)}
    assert validate(graph).conforms


def test_an_attachment_two_documents_could_be_is_not_guessed() -> None:
    first = _read_as(PDF.read_bytes(), "2024/Annex.pdf")
    second = _read_as(PDF.read_bytes() + b"\n", "2023/Annex.pdf")
    page = _read_as(b"See [the annex](/files/Annex.pdf).\n", "a.md")
    graph = union(to_dataset([], {d.id: d for d in (first, second, page)}))
    assert list(graph.objects(document_iri(page.id), DG.attachment)) == []
