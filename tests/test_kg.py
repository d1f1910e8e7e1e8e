"""The notebook API on the seed: entities, relations, chairs, neighbours, provenance,
conversions, and names resolved through aliases."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from spacy.language import Language

import docgraph
from docgraph.errors import ConfigurationError, InputWarning, UnknownEntityError
from docgraph.kg import KnowledgeGraph, from_extractions, load
from docgraph.rdf import to_dataset
from helpers import SEED, extract, tiny_extraction

WG_AI = "https://w3id.org/docgraph/id/organization/working-group-on-ai-governance"


@pytest.fixture(scope="module")
def kg(nlp: Language) -> KnowledgeGraph:
    return from_extractions(extract([SEED], nlp))


@pytest.fixture(scope="module")
def tiny() -> KnowledgeGraph:
    return KnowledgeGraph(to_dataset(*tiny_extraction()))


@pytest.mark.model
def test_chairs_names_singapore_and_thailand_taking_over(kg: KnowledgeGraph) -> None:
    chairs = kg.chairs()
    first = chairs.iloc[0]
    assert (first["meeting"], first["role"], first["holder"]) == \
        ("4th ASEAN Digital Ministers' Meeting", "chair", "Singapore")
    assert str(first["start"]) == "2024-02-01"
    assert first["place"] == "Singapore"
    assert "Chair of the 4th" in first["sentence"]
    takeover = chairs[(chairs["holder"] == "Thailand")].iloc[0]
    assert takeover["role"] == "next chair"
    assert takeover["handed_over_by"] == "Singapore"
    assert takeover["meeting"] == "ASEAN Digital Ministers' Meeting"
    # Josephine Teo chaired nothing by name: the meeting comes from her sentence
    # ("attended the 5th ADGMIN ..., where she ... handed over the ADGMIN Chairmanship").
    person = chairs[chairs["handed_over_by"] == "Josephine Teo"].iloc[0]
    assert (person["holder"], person["meeting"]) == \
        ("Prasert Jantararuangtong", "ASEAN Digital Ministers' Meeting")
    assert str(person["start"]) == "2025-01-16"


@pytest.mark.model
def test_entities_by_type_class_or_coarse(kg: KnowledgeGraph) -> None:
    everything = kg.entities()
    assert {"iri", "label", "type", "coarse_type", "aliases", "relations"} <= \
        set(everything.columns)
    people = kg.entities(type="Person")
    assert "Josephine Teo" in set(people["label"])
    assert set(people["coarse_type"]) == {"Person"}
    groups = kg.entities(type="workinggroup")
    assert list(groups["label"]) == ["Working Group on AI Governance"]
    assert "Working Group on AI Governance" in set(kg.entities(type="Organization")["label"])
    with pytest.raises(ConfigurationError, match="unknown entity type 'Persn'"):
        kg.entities(type="Persn")


@pytest.mark.model
def test_relations_by_kind_and_by_entity_alias(kg: KnowledgeGraph) -> None:
    chair = kg.relations(kind="chairOf")
    assert set(chair["relation"]) == {"chairOf"}
    about = kg.relations(entity="WG-AI")
    assert set(about["relation"]) >= {"established", "convened"}
    assert all(WG_AI in (s, o) for s, o in zip(about["subject"], about["object"], strict=True))
    assert about["sentence"].str.len().min() > 20
    assert set(about["document"]) == {SEED.name}  # the file named, by its own name


@pytest.mark.model
def test_neighbours_resolve_aliases(kg: KnowledgeGraph) -> None:
    near = kg.neighbours("WG-AI")
    assert "Singapore" in set(near["label"])
    assert set(near["distance"]) == {1}
    farther = kg.neighbours("WG-AI", depth=2)
    assert len(farther) > len(near)
    assert set(farther["distance"]) == {1, 2}


@pytest.mark.model
def test_provenance_gives_sentence_and_offsets(kg: KnowledgeGraph) -> None:
    rows = kg.provenance(("Singapore", "established", "WG-AI"))
    assert len(rows) == 1
    row = rows.iloc[0]
    source = SEED.read_bytes()
    text = source.decode("utf-8")
    start, end = int(row["sourceStart"]), int(row["sourceEnd"])
    assert "which Singapore established" in " ".join(text[start:end].split())
    assert source[int(row["byteStart"]):int(row["byteEnd"])].decode("utf-8") == text[start:end]
    assert row["path"] == SEED.name
    again = kg.provenance(kg.relations(kind="established").iloc[0])
    assert list(again["assertion"]) == list(rows["assertion"])


@pytest.mark.model
def test_conversions_and_display(kg: KnowledgeGraph, tmp_path: Path) -> None:
    graph = kg.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes[WG_AI]["label"] == "Working Group on AI Governance"
    assert isinstance(kg.to_rdflib(), Graph)
    assert len(kg.to_rdflib()) == len(kg)
    html = kg._repr_html_()
    assert "<table>" in html
    assert "Organization" in html
    assert repr(kg).startswith("<KnowledgeGraph: 1 documents")
    path = kg.write(tmp_path / "kg.trig")
    assert len(load(path)) == len(kg)


def test_names_resolve_through_labels_aliases_and_case(tiny: KnowledgeGraph) -> None:
    meeting = "https://w3id.org/docgraph/id/meeting/4th-asean-digital-ministers-meeting"
    assert tiny.resolve("4th ADGMIN") == meeting
    assert tiny.resolve("4TH adgmin") == meeting
    assert tiny.resolve(meeting) == meeting
    with pytest.raises(UnknownEntityError, match="did you mean 'Singapore'"):
        tiny.resolve("Singapor")
    with pytest.raises(KeyError):
        tiny.neighbours("Atlantis")


def test_ambiguous_names_are_refused_with_the_candidates() -> None:
    entities, documents, found = tiny_extraction()
    entities = [dataclasses.replace(e, aliases=("Teo",)) if e.label in {"Post", "Person"}
                else e for e in entities]
    kg = KnowledgeGraph(to_dataset(entities, documents, found))
    with pytest.raises(UnknownEntityError, match="names several entities"):
        kg.resolve("Teo")


def test_the_picture_is_one_offline_page(tiny: KnowledgeGraph, tmp_path: Path) -> None:
    picture = tiny.show(focus="Singapore")
    path = picture.save(tmp_path / "g.html")
    text = path.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "vis-network" in text
    assert "Who chaired what" in text
    assert picture._repr_html_().startswith("<iframe srcdoc=")
    assert "Josephine Teo" not in text  # not in Singapore's neighbourhood


def test_load_reads_any_format_and_keeps_the_document_graphs(tmp_path: Path) -> None:
    dataset = to_dataset(*tiny_extraction())
    kg = KnowledgeGraph(dataset)
    for name in ("a.ttl", "a.nq", "a.jsonld"):
        again = load(kg.write(tmp_path / name))
        assert len(again) == len(kg)
        assert again.chairs()["holder"].tolist() == ["Singapore"]
    graphs = [g for g in load(tmp_path / "a.nq").dataset.graphs() if len(g)]
    assert len(graphs) == 1


def test_extract_warns_about_a_bad_document_and_keeps_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.html").write_text("<p>Singapore chaired the ASEAN Summit.</p>", "utf-8")
    (tmp_path / "bad.html").write_bytes(b"\x00\x01\x02binary")
    with pytest.warns(InputWarning, match=r"bad\.html: binary"):
        kg = docgraph.extract(tmp_path, model="blank")
    assert [f.path for f in kg.failures] == [str(tmp_path / "bad.html")]
    assert "Singapore" in set(kg.entities()["label"])


def test_a_chair_held_in_a_year_is_listed_from_that_year() -> None:
    entities, documents, found = tiny_extraction()
    # The chair of a body (not of a meeting) in a year: "Singapore chairs the Forum in 2024".
    forum = [dataclasses.replace(e, label="Organization") if e.label == "Meeting" else e
             for e in entities]
    chair = found[0]
    dated = dataclasses.replace(chair, relation=dataclasses.replace(
        chair.relation, start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), bound="on"))
    row = KnowledgeGraph(to_dataset(forum, documents, [dated])).chairs().iloc[0]
    assert (row["holder"], row["start"], row["end"]) == ("Singapore", dt.date(2024, 1, 1),
                                                         None)


def test_a_meeting_held_in_several_places_names_them_all() -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS

    from docgraph.vocab import DG

    dataset = to_dataset(*tiny_extraction())
    graph = next(g for g in dataset.graphs() if len(g))
    meeting = next(graph.subjects(DG.ordinal, None))
    for name in ("Lima", "Peru", "Callao"):
        place = URIRef(f"https://w3id.org/docgraph/id/place/{name.lower()}")
        graph.add((meeting, DG.heldIn, place))
        graph.add((place, RDFS.label, Literal(name)))
    row = KnowledgeGraph(dataset).chairs().iloc[0]
    assert row["place"] == "Callao; Lima; Peru"


def test_each_chair_row_says_where_its_date_comes_from(tiny: KnowledgeGraph) -> None:
    entities, documents, found = tiny_extraction()
    chair = found[0]
    undated = dataclasses.replace(chair, relation=dataclasses.replace(
        chair.relation, start=None, end=None))
    assert tiny.chairs().iloc[0]["dated_by"] == "sentence"
    row = KnowledgeGraph(to_dataset(entities, documents, [undated])).chairs().iloc[0]
    # No date in any sentence: the page's date, and the row says so.
    assert (row["start"], row["dated_by"]) == (dt.date(2024, 2, 2), "page")


def test_a_chair_row_is_the_statement_that_dates_the_fact_itself() -> None:
    entities, documents, found = tiny_extraction()
    chair = found[0]
    undated = dataclasses.replace(chair, relation=dataclasses.replace(
        chair.relation, start=None, end=None))
    later = dataclasses.replace(chair, relation=dataclasses.replace(
        chair.relation, start=dt.date(2024, 6, 1), end=None, bound="since",
        rule="appointment:appoint"))  # another statement of the same fact
    frame = KnowledgeGraph(to_dataset(entities, documents, [undated, later])).chairs()
    row = frame.iloc[0]
    # The page's date is earlier, but the sentence that dates the chair itself is the row.
    assert (row["start"], row["dated_by"], row["statements"]) == \
        (dt.date(2024, 6, 1), "sentence", 2)


@pytest.mark.model
def test_why_names_each_merged_name_with_its_rule(kg: KnowledgeGraph) -> None:
    why = kg.why("ADGMIN")
    assert set(why["name"]) == {"ASEAN Digital Ministers' Meeting"}
    rules = {(str(f), str(r)) for f, r in zip(why["form"], why["rule"], strict=True)}
    assert ("ADGMIN", "acronym") in rules
    with pytest.raises(UnknownEntityError):
        kg.why("no such body")


def test_site_merges_are_written_with_their_evidence(tmp_path: Path) -> None:
    from docgraph.resolve import merge, resolve_document
    from docgraph.types import Document, Entity, InputFormat, Mention, Metadata, Span

    def page(doc_id: str, *mentions: Mention) -> tuple[Document, list[Entity]]:
        document = Document(id=doc_id, path=f"{doc_id}.html", format=InputFormat.HTML,
                            metadata=Metadata(), blocks=(), text="")
        return document, resolve_document(document, list(mentions))

    def m(text: str, source: str = "model", **extra: object) -> Mention:
        return Mention(text=text, label="GovernmentAgency", block=0, start=0,
                       end=len(text), sentence=Span(0, 50), source=source, name=text,
                       **extra)  # type: ignore[arg-type]

    a = page("a", m("National Library Board", "names"),
             m("NLB", "acronym", key="national library board",
               acronym_of="National Library Board"))
    b = page("b", m("NLB"))
    entities = merge([a[1], b[1]])
    graph = KnowledgeGraph(to_dataset(entities, {"a": a[0], "b": b[0]}, []))
    [row] = graph.why("NLB").query("rule == 'site-acronym'").itertuples()
    assert row.form == "NLB"
    assert "National Library Board" in str(row.evidence)
    assert row.path == "a.html"
