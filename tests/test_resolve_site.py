"""Resolution across documents: on hand-made entities, what becomes one node, what does
not, and the evidence kept; on forty real pages of one site, the people's nodes."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from docgraph.rdf import entity_iris
from docgraph.resolve import fold, merge, page_scoped, resolve_document
from docgraph.types import Document, Entity, InputFormat, Mention, Metadata, Span


def _doc(doc_id: str) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.html", format=InputFormat.HTML,
                    metadata=Metadata(), blocks=(), text="")


def _m(text: str, label: str, source: str = "model", start: int = 0,
       **extra: object) -> Mention:
    return Mention(text=text, label=label, block=0, start=start, end=start + len(text),
                   sentence=Span(0, 200), source=source,
                   name=str(extra.pop("name", text)), **extra)  # type: ignore[arg-type]


def _page(doc_id: str, *mentions: Mention) -> list[Entity]:
    return resolve_document(_doc(doc_id), list(mentions))


def _node(entities: list[Entity], name: str) -> Entity:
    return next(e for e in entities if e.name == name or name in e.aliases)


def test_names_that_differ_in_case_spacing_and_ampersands_are_one_node() -> None:
    merged = merge([
        _page("a", _m("Singpass", "Product"), _m("Singpass", "Product", start=20)),
        _page("b", _m("SingPass", "Organization")),
        _page("c", _m("Ministry of Trade & Industry", "Ministry")),
        _page("d", _m("Ministry of Trade and Industry", "Ministry")),
        _page("e", _m("Tik-Tok", "Organization")), _page("f", _m("TikTok", "Organization")),
    ])
    assert len(merged) == 3
    singpass = _node(merged, "SingPass")
    assert singpass.name == "Singpass"  # the spelling most mentions use
    assert singpass.label == "Product"  # two mentions against one
    assert "folded-name" in {m.rule for m in singpass.merges}
    assert fold("Cyber Security Agency") == fold("Cybersecurity Agency")


def test_an_acronym_alone_joins_the_long_form_another_page_defines() -> None:
    defined = _page("a", _m("National Library Board", "GovernmentAgency", "names"),
                    _m("NLB", "GovernmentAgency", "acronym", start=30,
                       key="national library board", acronym_of="National Library Board"))
    alone = _page("b", _m("NLB", "Organization"))
    [node] = merge([defined, alone])
    assert node.name == "National Library Board"
    assert sorted(node.documents) == ["a", "b"]
    [note] = [m for m in node.merges if m.rule == "site-acronym"]
    assert (note.form, note.document) == ("NLB", "a")
    assert "National Library Board" in note.evidence


def test_an_acronym_with_two_long_forms_merges_nothing() -> None:
    def defined(doc: str, long: str) -> list[Entity]:
        return _page(doc, _m(long, "Organization", "names"),
                     _m("SCS", "Organization", "acronym", start=40, key=long.lower(),
                        acronym_of=long))
    merged = merge([defined("a", "Singapore Computer Society"),
                    defined("b", "Science Centre Singapore"),
                    _page("c", _m("SCS", "Organization"))])
    assert len(merged) == 3
    assert _node(merged, "Singapore Computer Society") is not \
        _node(merged, "Science Centre Singapore")
    assert next(e for e in merged if e.name == "SCS").documents == ("c",)


def test_two_gazetteer_entries_never_become_one_node() -> None:
    imda = "https://w3id.org/docgraph/id/organization/imda"
    ida = "https://w3id.org/docgraph/id/organization/ida"
    merged = merge([
        _page("a", _m("IMDA", "GovernmentAgency", "gazetteer", key=imda)),
        _page("b", _m("IDA", "GovernmentAgency", "gazetteer", key=ida)),
        # A page that wrongly spells the old body with the new body's name.
        _page("c", _m("IDA", "GovernmentAgency", "acronym", key=imda,
                      acronym_of="Infocomm Media Development Authority")),
    ])
    assert {e.iri for e in merged} == {imda, ida}


def test_a_post_with_and_without_its_country_is_one_post_when_one_country_names_it() -> None:
    countries = [_m("Singapore", "Country", "gazetteer", start=100,
                    key="https://w3id.org/docgraph/id/country/singapore")]
    merged = merge([
        _page("a", _m("Singapore Minister for Sustainability", "Post", "posts"), *countries),
        _page("b", _m("Minister for Sustainability", "Post", "posts")),
        _page("c", _m("Minister of Sustainability of Singapore", "Post", "posts")),
    ])
    posts = [e for e in merged if e.label == "Post"]
    assert len(posts) == 1
    assert {m.rule for m in posts[0].merges} >= {"qualified-post"}


def test_a_post_qualified_by_two_names_of_one_country_is_one_post() -> None:
    us = "https://w3id.org/docgraph/id/country/us"
    merged = merge([
        _page("a", _m("United States", "Country", "gazetteer", start=100, key=us),
              _m("U.S.", "Country", "gazetteer", start=120, key=us, name="United States"),
              _m("U.S. Secretary of Fisheries", "Post", "posts")),
        _page("b", _m("United States Secretary of Fisheries", "Post", "posts")),
        _page("c", _m("Secretary of Fisheries", "Post", "posts")),
        # A country named by two letters qualifies a post too.
        _page("d", _m("UK", "Country", "names", start=100),
              _m("UK Secretary of State for Mines", "Post", "posts")),
        _page("e", _m("Secretary of State for Mines", "Post", "posts")),
    ])
    posts = sorted(e.name for e in merged if e.label == "Post")
    assert len(posts) == 2, posts


def test_a_bare_post_stays_apart_when_two_countries_name_it() -> None:
    countries = [_m("Singapore", "Country", "gazetteer", start=100,
                    key="https://w3id.org/docgraph/id/country/singapore"),
                 _m("Thailand", "Country", "gazetteer", start=120,
                    key="https://w3id.org/docgraph/id/country/thailand")]
    merged = merge([
        _page("a", _m("Singapore Prime Minister", "Post", "posts"),
              _m("Thailand Prime Minister", "Post", "posts", start=40), *countries),
        _page("b", _m("Prime Minister", "Post", "posts")),
    ])
    assert len([e for e in merged if e.label == "Post"]) == 3


def test_a_surname_alone_does_not_join_other_pages_by_name() -> None:
    merged = merge([_page("a", _m("Lee", "Person", "people", honorific="Mr")),
                    _page("b", _m("Lee", "Person", "people", honorific="Mr"))])
    assert len(merged) == 2


def test_a_ranked_title_before_a_surname_needs_evidence() -> None:
    teo = [_m("Josephine Teo", "Person", "people", honorific="Mrs"),
           _m("Teo", "Person", "people", start=60, honorific="Senior Minister"),
           _m("Teo", "Person", "people", start=90, honorific="Minister")]
    entities = _page("a", *teo)
    josephine = _node(entities, "Josephine Teo")
    assert len(josephine.mentions) == 2  # "Minister Teo" only
    assert any(e.name == "Teo" for e in entities)
    shown = [_m("Teo Chee Hean", "Person", "people", honorific="Mr"),
             _m("Senior Minister", "Post", "posts", start=15),
             _m("Josephine Teo", "Person", "people", start=40, honorific="Mrs"),
             _m("Teo", "Person", "people", start=90, honorific="Senior Minister")]
    entities = _page("b", *shown)
    assert len(_node(entities, "Teo Chee Hean").mentions) == 2
    assert len(_node(entities, "Josephine Teo").mentions) == 1


def test_the_class_is_voted_and_merging_in_steps_gives_the_same_nodes() -> None:
    pages = [_page("a", _m("Netflix", "Organization"), _m("Netflix", "Organization", start=9)),
             _page("b", _m("Netflix", "Place")),
             _page("c", _m("NETFLIX", "Organization"))]
    at_once = merge(pages)
    assert [(e.name, e.label) for e in at_once] == [("Netflix", "Organization")]
    assert merge([merge(pages[:2]), pages[2]]) == at_once


def test_a_lone_name_joins_the_only_person_of_the_site_who_has_it() -> None:
    merged = merge([
        _page("a", _m("S Raman", "Person", "people", honorific="Mr")),
        _page("b", _m("Raman", "Person", "people", honorific="Minister")),
        _page("c", _m("Tan Wei", "Person", "people"), _m("Tan Bo", "Person", "people", 20)),
        _page("d", _m("Tan", "Person", "people", honorific="Mr")),
    ])
    raman = _node(merged, "S Raman")
    assert raman.name == "S Raman"
    [note] = [m for m in raman.merges if m.rule == "lone-name"]
    assert (note.form, note.document) == ("Raman", "b")
    assert any(e.name == "Tan" for e in merged)  # two Tans on the site: no one's


def test_a_ranked_title_picks_the_one_person_of_the_site_shown_with_it() -> None:
    merged = merge([
        _page("a", _m("Ong Bee Lin", "Person", "people", honorific="Mrs")),
        _page("b", _m("Ong Kah Wee", "Person", "people", honorific="DPM")),
        _page("c", _m("Ong", "Person", "people", honorific="Deputy Prime Minister")),
        _page("d", _m("Ong", "Person", "people", honorific="Minister")),
        # One Raman on the site: his rank on one page need not be one shown elsewhere.
        _page("e", _m("S Raman", "Person", "people", honorific="President")),
        _page("f", _m("Raman", "Person", "people", honorific="Senior Minister")),
    ])
    kah_wee = _node(merged, "Ong Kah Wee")
    [note] = [m for m in kah_wee.merges if m.rule == "lone-name"]
    assert note.document == "c"
    assert "deputy prime minister" in note.evidence
    assert len(_node(merged, "Ong Bee Lin").mentions) == 1
    assert any(e.name == "Ong" for e in merged)  # "Minister Ong": either of two
    assert len(_node(merged, "S Raman").mentions) == 2


def test_a_shortened_name_joins_the_one_longer_name_with_its_words() -> None:
    merged = merge([
        _page("a", _m("Kamal Abdul Rashid", "Person", "people", honorific="Mr")),
        _page("b", _m("Kamal Rashid", "Person", "people", honorific="Mr")),
        # Two longer names have "Lim Wei": the shortened one stays apart.
        _page("c", _m("Lim Wei Ming", "Person", "people"), _m("Lim Wei Jie", "Person",
                                                               "people", 30)),
        _page("d", _m("Lim Wei", "Person", "people")),
    ])
    kamal = _node(merged, "Kamal Abdul Rashid")
    [note] = [m for m in kamal.merges if m.rule == "shortened-name"]
    assert (note.form, note.document) == ("Kamal Rashid", "b")
    assert any(e.name == "Lim Wei" for e in merged)


def test_a_law_with_its_year_and_a_name_with_its_kind_word_are_one_thing() -> None:
    merged = merge([
        _page("a", _m("Online Safety Act 2022", "Law", "names")),
        _page("b", _m("Online Safety Act", "Law", "names")),
        _page("c", _m("Harbour Skills Accelerator programme", "Programme", "names")),
        _page("d", _m("Harbour Skills Accelerator", "Organization")),
    ])
    assert len(merged) == 2


def test_an_abbreviated_ranked_title_needs_evidence_too() -> None:
    entities = _page("a", _m("Josephine Teo", "Person", "people", honorific="Mrs"),
                     _m("Teo", "Person", "people", start=60, honorific="DPM"))
    assert len(_node(entities, "Josephine Teo").mentions) == 1


def test_a_post_read_as_a_body_elsewhere_is_that_post() -> None:
    merged = merge([
        _page("a", _m("Minister of State for Trade", "Post", "posts"),
              _m("Minister of State for Trade", "Post", "posts", 40)),
        _page("b", _m("Minister of State for Trade", "Organization")),
    ])
    assert [(e.name, e.label, e.documents) for e in merged] == [
        ("Minister of State for Trade", "Post", ("a", "b"))]


def test_a_title_alone_is_a_post_of_its_page_only() -> None:
    merged = merge([
        _page("a", _m("Tan Wei", "Person", "people"), _m("Chairman", "Post", "posts", 10)),
        _page("b", _m("Ravi Das", "Person", "people"), _m("Chairman", "Post", "posts", 10),
              _m("Senior Minister of State", "Post", "posts", 30)),
        _page("c", _m("Chairman", "Organization")),
        _page("d", _m("Chairman of the Harbour Board", "Post", "posts"),
              _m("Harbour Board", "GovernmentAgency", "names", 16)),
        _page("e", _m("Chairman of the Harbour Board", "Post", "posts")),
    ])
    posts = sorted((e.name, e.documents) for e in merged if e.label == "Post")
    assert posts == [("Chairman", ("a",)), ("Chairman", ("b",)), ("Chairman", ("c",)),
                     ("Chairman of the Harbour Board", ("d", "e")),
                     ("Senior Minister of State", ("b",))]
    assert all(page_scoped(e) for e in merged if e.name in ("Chairman",
                                                           "Senior Minister of State"))
    iris = entity_iris(merged)
    [chairman] = [e for e in merged if e.name == "Chairman" and e.documents == ("a",)]
    assert str(iris[chairman.key]).endswith("/document/a/post/chairman")


def test_an_acronym_defined_with_and_without_its_country_is_one_thing() -> None:
    def defined(doc: str, long: str, at: int = 0) -> list[Entity]:
        return _page(doc, _m(long, "GovernmentAgency", "names", start=at),
                     _m("NLB", "GovernmentAgency", "acronym", start=at + 40,
                        key=long.lower(), acronym_of=long))
    merged = merge([defined("a", "National Library Board"),
                    defined("e", "National Library Board", at=100),
                    defined("b", "National Library Board Singapore"),
                    _page("c", _m("Singapore", "Country", "names")),
                    _page("d", _m("NLB", "Organization"))])
    node = _node(merged, "NLB")
    assert node.name == "National Library Board"
    assert sorted(node.documents) == ["a", "b", "d", "e"]
    assert "National Library Board Singapore" in node.aliases
    assert {m.rule for m in node.merges} >= {"site-acronym"}


def test_names_written_differently_are_one_body_or_work_and_say_why() -> None:
    defined = _page("a", _m("Harbour Data Agency", "GovernmentAgency", "names"),
                    _m("HDA", "GovernmentAgency", "acronym", start=30,
                       key="harbour data agency", acronym_of="Harbour Data Agency"),
                    _m("Board of the Harbour Data Agency", "GovernmentAgency", "names",
                       start=60))
    merged = merge([
        defined,
        _page("b", _m("Board of Directors of HDA", "GovernmentAgency", "names")),
        _page("c", _m("Bug Bounty Rewards Programme", "Programme", "names")),
        _page("d", _m("Bug Bounty Reward Programme", "Programme", "names")),
        # Apart: one word, left to the acronym rules; two words, no plural read.
        _page("e", _m("Harbour Data Agencies", "Organization")),
        _page("f", _m("Data Councils", "Organization"), _m("Data Council", "Organization",
                                                           start=30)),
    ])
    board = _node(merged, "Board of Directors of HDA")
    assert board.name == "Board of the Harbour Data Agency"
    [note] = [m for m in board.merges if m.rule == "name-variant"]
    assert "HDA written out as Harbour Data Agency" in note.evidence
    bounty = _node(merged, "Bug Bounty Reward Programme")
    assert sorted(bounty.documents) == ["c", "d"]
    assert "plurals read as singulars" in bounty.merges[0].evidence
    assert _node(merged, "Data Councils") is not _node(merged, "Data Council")
    assert _node(merged, "Harbour Data Agency") is not _node(merged, "Board of Directors of HDA")


def test_a_person_named_in_another_order_or_without_an_initial_is_one_node() -> None:
    merged = merge([
        _page("a", _m("Kwek Hian Chuan Henry", "Person", "people")),
        _page("b", _m("Henry Kwek", "Person", "people")),
        _page("c", _m("Amina W. Otieno", "Person", "people")),
        _page("d", _m("Amina Otieno", "Person", "people")),
        # Two people the short form could be: it joins neither.
        _page("e", _m("Tan Wei Ling Grace", "Person", "people")),
        _page("f", _m("Tan Mei Hua Grace", "Person", "people")),
        _page("g", _m("Grace Tan", "Person", "people")),
    ])
    henry = _node(merged, "Henry Kwek")
    assert sorted(henry.documents) == ["a", "b"]
    assert [m.rule for m in henry.merges] == ["name-order"]
    assert sorted(_node(merged, "Amina Otieno").documents) == ["c", "d"]
    assert _node(merged, "Grace Tan").documents == ("g",)


def test_a_body_with_and_without_its_organisation_is_one_when_one_names_it() -> None:
    igo = [_m("AU", "IntergovernmentalOrganization", "gazetteer", start=100)]
    merged = merge([
        _page("a", _m("AU Harbour Assembly", "Organization", "names"), *igo),
        _page("b", _m("Harbour Assembly", "Organization", "names")),
        _page("c", _m("Secretariat", "Organization", "names"),
              _m("AU Secretariat", "Organization", "names", start=40), *igo),
    ])
    assembly = _node(merged, "Harbour Assembly")
    assert sorted(assembly.documents) == ["a", "b"]
    assert "qualified-body" in {m.rule for m in assembly.merges}
    assert _node(merged, "Secretariat") is not _node(merged, "AU Secretariat")


def test_a_rules_specific_class_outvotes_the_models_and_a_generic_guess() -> None:
    merged = merge([
        _page("a", _m("WritersLab", "Organization", "names")),
        _page("b", _m("WritersLab", "Organization", "names")),
        _page("c", _m("WritersLab", "Organization")),
        _page("d", _m("WritersLab programme", "Programme", "names")),
    ])
    [node] = merged
    assert node.label == "Programme"


_SITE = Path(__file__).parent / "data" / "mddi-40"

# A person node named by one word on a page that names, in another person node, someone
# in full with that word: "Janil" beside "Janil Puthucheary".
_PARTS_OF_FULL_NAMES = """
SELECT DISTINCT ?short ?full ?page WHERE {
  ?part a dg:Person ; rdfs:label ?short ; dg:mentionedIn ?page .
  ?whole a dg:Person ; rdfs:label ?full ; dg:mentionedIn ?page .
  FILTER (?part != ?whole && !CONTAINS(STR(?short), " ")
          && CONTAINS(CONCAT(" ", STR(?full), " "), CONCAT(" ", STR(?short), " ")))
}
"""


@pytest.mark.model
def test_no_person_on_a_site_is_a_word_of_a_full_name_on_the_same_page(
        nlp: Language) -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    from docgraph.pipeline import Extraction, extract_paths, merge
    from docgraph.rdf import to_rdf
    from docgraph.vocab import DG

    results = [r for r in extract_paths([_SITE], nlp=nlp) if isinstance(r, Extraction)]
    assert len(results) == 40
    merged = merge(results)
    graph = to_rdf(merged.entities, merged.documents, merged.found)
    people = set(graph.subjects(RDF.type, DG.Person))
    assert len(people) > 50

    def parts(g: Graph) -> list[tuple[str, ...]]:
        return [tuple(str(value) for value in row)  # type: ignore[union-attr]
                for row in g.query(_PARTS_OF_FULL_NAMES, initNs={"dg": DG, "rdfs": RDFS})]

    assert parts(graph) == []
    # The query does find such a node: one more, named by a surname of a page's person.
    full = next(p for p in sorted(people, key=str) if " " in str(graph.value(p, RDFS.label)))
    surname = str(graph.value(full, RDFS.label)).split()[-1]
    page = graph.value(full, DG.mentionedIn)
    assert page is not None
    fragment = URIRef(f"{full}-fragment")
    graph.add((fragment, RDF.type, DG.Person))
    graph.add((fragment, RDFS.label, Literal(surname)))
    graph.add((fragment, DG.mentionedIn, page))
    assert len(parts(graph)) == 1
