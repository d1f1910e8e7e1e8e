"""Relation rules, family by family, on short sentences (with the statistical model)."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from docgraph.graph import statements
from docgraph.ner import recognise
from docgraph.resolve import resolve_document
from docgraph.types import Document
from helpers import DATA, triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    # active and passive voice, coordinated passives, "the meeting"
    (("The 1st ASEAN Digital Ministers' Meeting was held in Kuala Lumpur. The meeting was "
     "hosted by Malaysia and chaired by Datuk Saifuddin Abdullah."),
     {("1st ASEAN Digital Ministers' Meeting", "heldIn", "Kuala Lumpur"),
      ("Malaysia", "hosted", "1st ASEAN Digital Ministers' Meeting"),
      ("Saifuddin Abdullah", "chairOf", "1st ASEAN Digital Ministers' Meeting")}),
    ("Singapore chaired the 4th ASEAN Digital Ministers' Meeting.",
     {("Singapore", "chairOf", "4th ASEAN Digital Ministers' Meeting")}),
    # relative clauses give two relations
    (("Singapore led the Working Group on AI Governance (WG-AI), which Singapore established "
     "and convened."),
     {("Singapore", "established", "Working Group on AI Governance"),
      ("Singapore", "convened", "Working Group on AI Governance")}),
    (("The ASEAN Digital Masterplan 2025 (ADM2025), which succeeds the ASEAN ICT Masterplan "
     "2020 (AIM2020), was launched."),
     {("ASEAN Digital Masterplan 2025", "derivedFrom", "ASEAN ICT Masterplan 2020")}),
    # "builds on" / "took reference from"
    (("The UK-Singapore Digital Economy Agreement (UKSDEA) builds on the Digital Economy "
     "Partnership Agreement."),
     {("UK-Singapore Digital Economy Agreement", "derivedFrom",
       "Digital Economy Partnership Agreement")}),
    # passive with "together with"
    (("The Digital Economy Partnership Agreement was negotiated by the Ministry of Trade and "
     "Industry together with the Infocomm Media Development Authority."),
     {("Digital Economy Partnership Agreement", "developedBy", "Ministry of Trade and Industry"),
      ("Digital Economy Partnership Agreement", "developedBy",
       "Infocomm Media Development Authority")}),
    # "under", "party to ... together with"
    (("The Infocomm Media Development Authority is a statutory board under the Ministry of "
     "Digital Development and Information."),
     {("Infocomm Media Development Authority", "partOf",
       "Ministry of Digital Development and Information")}),
    (("Singapore is a founding party to the Digital Economy Partnership Agreement, together "
     "with Chile and New Zealand."),
     {(c, "signed", "Digital Economy Partnership Agreement")
      for c in ("Singapore", "Chile", "New Zealand")}),
])
def test_verbs_and_clauses(nlp: Language, text: str, expected: set[tuple[str, str, str]]
                           ) -> None:
    assert expected <= triples(nlp, text)


def test_a_relative_clause_is_about_its_own_noun(nlp: Language) -> None:
    found = triples(nlp, "The 2nd ASEAN Digital Ministers' Meeting was held online. Singapore "
                         "thanked the Philippines, which chaired the 2nd ASEAN Digital "
                         "Ministers' Meeting.")
    assert ("Philippines", "chairOf", "2nd ASEAN Digital Ministers' Meeting") in found
    assert not any(s == "Singapore" and p == "chairOf" for s, p, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr Gan Kim Yong, Minister for Trade and Industry, spoke.",
     {("Gan Kim Yong", "holdsPost", "Minister for Trade and Industry")}),
    ("Singapore's Minister of Digital Development and Information, Mrs Josephine Teo, spoke.",
     {("Josephine Teo", "holdsPost", "Minister of Digital Development and Information")}),
    (("He met Mr Prasert Jantararuangtong, Thailand's Deputy Prime Minister and Minister of "
     "Digital Economy and Society."),
     {("Prasert Jantararuangtong", "holdsPost", "Deputy Prime Minister"),
      ("Prasert Jantararuangtong", "holdsPost", "Minister of Digital Economy and Society")}),
    ("It was signed by Mr Chan Chun Sing, then Minister for Trade and Industry.",
     {("Chan Chun Sing", "holdsPost", "Minister for Trade and Industry")}),
])
def test_appositions_give_posts(nlp: Language, text: str,
                                expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(nlp, text)


def test_roles_with_as(nlp: Language) -> None:
    found = triples(nlp, "Singapore, as the Chair of the 4th ASEAN Digital Ministers' Meeting, "
                         "has handed over the Chairmanship to Thailand. U Thant Sin Maung "
                         "served as Vice-Chair.")
    assert {("Singapore", "chairOf", "4th ASEAN Digital Ministers' Meeting"),
            ("Singapore", "handedOverChairTo", "Thailand"),
            ("Thant Sin Maung", "viceChairOf", "4th ASEAN Digital Ministers' Meeting")} <= found


def test_under_the_chairmanship_of(nlp: Language) -> None:
    found = triples(nlp, "The 3rd ASEAN Digital Ministers' Meeting was held in Manila under "
                         "the chairmanship of the Philippines.")
    assert ("Philippines", "chairOf", "3rd ASEAN Digital Ministers' Meeting") in found


def test_lists_of_partners_and_members(nlp: Language) -> None:
    found = triples(nlp, "ASEAN met its Dialogue Partners – US, China, Japan, Korea and India. "
                         "All ten ASEAN Member States took part, namely Brunei, Cambodia and "
                         "Laos.")
    partners = {s for s, p, o in found if p == "partnerOf" and o == "ASEAN"}
    members = {s for s, p, o in found if p == "memberOf" and o == "ASEAN"}
    assert partners == {"United States", "China", "Japan", "South Korea", "India"}
    assert members >= {"Brunei Darussalam", "Cambodia", "Lao PDR", "ASEAN Member States"}


def test_made_by_possessive_and_parenthetical_place(nlp: Language) -> None:
    found = triples(nlp, "Examples include PhoGPT by VinAI (Viet Nam) and IMDA's Model AI "
                         "Governance Framework.")
    assert {("PhoGPT", "developedBy", "VinAI"), ("VinAI", "basedIn", "Viet Nam"),
            ("Model AI Governance Framework", "developedBy",
             "Infocomm Media Development Authority")} <= found


def test_made_by_in_a_title_whose_root_is_the_work(nlp: Language) -> None:
    # The parse's root is inside the work's name and "by" hangs on it: walking up from
    # "by" must stop at the root (a spaCy token is a new object at each access, so
    # "head is not token" never stops there).
    found = triples(nlp, "Digital Economy Framework for Action by IMDA.")
    assert ("Digital Economy Framework for Action", "developedBy",
            "Infocomm Media Development Authority") in found


def test_a_pronoun_needs_one_antecedent(nlp: Language) -> None:
    one = triples(nlp, "Mrs Josephine Teo attended the 5th ASEAN Digital Ministers' Meeting, "
                       "where she handed over the Chairmanship to Thailand.")
    assert ("Josephine Teo", "handedOverChairTo", "Thailand") in one
    two = triples(nlp, "Mr Gan Kim Yong met Ms Grace Fu. She handed over the Chairmanship to "
                       "Thailand.")
    assert not any(p == "handedOverChairTo" for _, p, _ in two)


def test_relations_carry_provenance_and_dates(nlp: Language, seed: Document) -> None:
    [analysis] = list(recognise([seed], nlp))
    relation = next(r for r in analysis.relations if r.predicate == "attended"
                    and r.subject.name == "Josephine Teo")
    block = seed.blocks[relation.block]
    assert block.text[relation.sentence.start : relation.sentence.end] == relation.text
    assert "attended the 5th ADGMIN" in relation.text
    assert relation.rule == "verb:attend"
    assert 0 < relation.confidence <= 1
    assert (relation.start.isoformat(), relation.end.isoformat()) == ("2025-01-16",  # type: ignore[union-attr]
                                                                      "2025-01-17")
    source = seed.text[relation.source.start : relation.source.end]
    assert " ".join(source.split()).startswith("Singapore’s Minister of Digital Development")


def test_seed_relations_match_the_golden_list(nlp: Language, seed: Document) -> None:
    [analysis] = list(recognise([seed], nlp))
    entities = resolve_document(seed, analysis.mentions)
    names = {e.key: e.name for e in entities}
    found = sorted({f"{names[s.subject]} {s.predicate} {names[s.object]}"
                    for s in statements(entities, analysis.relations)})
    expected = json.loads((DATA / "seed_relations.json").read_text(encoding="utf-8"))
    assert found == expected


def test_lemmas_asked_for_are_the_lemmatizer_s(nlp: Language,
                                               corpus: dict[str, Document]) -> None:
    """The lemmatizer is not run over every token; what the rules ask of it is the same."""
    from spacy.pipeline import Lemmatizer

    from docgraph.clauses.parse import Lemmas
    from docgraph.ner.posts import english_words

    assert "lemmatizer" not in nlp.pipe_names
    assert english_words(nlp)  # its tables still tell English words from names
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    text = " ".join(block.text for document in list(corpus.values())[:6]
                    for block in document.blocks)
    doc = nlp(text)
    asked = Lemmas(lemmatizer.lemmatize)
    lemmas = [asked(token) for token in doc]
    assert lemmatizer(doc) is doc
    assert lemmas == [token.lemma_ for token in doc]
    assert {"be", "sign"} <= set(lemmas)
    assert Lemmas()(doc[0]) == doc[0].lemma_  # a lemmatized doc's own lemmas
