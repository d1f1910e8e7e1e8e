from __future__ import annotations

import pytest
from spacy.language import Language

from docgraph.names import looks_like_acronym
from docgraph.ner import BLANK, build_pipeline
from docgraph.ner.acronyms import long_form_start
from docgraph.ner.candidates import MENTIONS
from docgraph.vocab import coarse_type
from helpers import entity_names


@pytest.mark.parametrize(("acronym", "words", "start"), [
    ("ITU", "as well as the International Telecommunication Union", 4),
    ("WG-AI", "through the Working Group on AI Governance", 2),
    ("UKSDEA", "signed the UK - Singapore Digital Economy Agreement", 2),
    ("AMS", "progress among ASEAN Member States", 2),
    ("DDaT", "Digital , Data and Technology", 0),
])
def test_long_forms_are_found(acronym: str, words: str, start: int) -> None:
    assert long_form_start(acronym, words.split()) == start


@pytest.mark.parametrize(("acronym", "words"), [
    ("KKMM", "of the Ministry of Communications and Multimedia Malaysia"),
    ("ITU", "Singapore and Thailand"),
])
def test_unrelated_words_are_not_a_long_form(acronym: str, words: str) -> None:
    assert long_form_start(acronym, words.split()) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("WG-AI", True), ("ADM2025", True), ("DDaT", True), ("ITU", True),
    ("Singapore", False), ("2024", False), ("A", False), ("e.g.", False),
])
def test_acronym_shape(text: str, expected: bool) -> None:
    assert looks_like_acronym(text) is expected


@pytest.fixture(scope="module")
def rules() -> Language:
    return build_pipeline(BLANK)


@pytest.mark.parametrize(("text", "acronym"), [
    (("Ms Ana Lim, Chief Executive Officer (CEO) of the Harbour Board, spoke. "
     "As CEO of the Harbour Board she led it."), "CEO"),
    ("Mr Raj Nair was Managing Director (MD) of the Port Authority of Goa.", "MD"),
])
def test_the_acronym_of_a_title_names_no_body(rules: Language, text: str,
                                              acronym: str) -> None:
    doc = rules(text)
    bodies = {doc[m.start:m.end].text for m in doc.user_data[MENTIONS]
              if coarse_type(m.label) == "Organization"}
    assert acronym not in bodies
    assert not any(m.label == "Organization" and doc[m.start:m.end].text.startswith(
        ("Chief", "Managing")) for m in doc.user_data[MENTIONS])


def test_the_acronym_of_a_body_inside_a_post_still_names_it(rules: Language) -> None:
    doc = rules("Dato Amin, Secretary-General of the Ministry of Rivers and Lakes Malaysia "
                "(KSTM), met KSTM officials.")
    assert ("KSTM", "Ministry") in {(doc[m.start:m.end].text, m.label)
                                   for m in doc.user_data[MENTIONS]}


# Short names in brackets that do not spell the long form (names our own) -------------


@pytest.mark.parametrize(("text", "short", "long"), [
    # one proper word after a body's name
    (("The Ministry of Digital Affairs and Culture (Digikul) of Peru met today. Digikul "
     "signed two agreements."), "Digikul", "Ministry of Digital Affairs and Culture"),
    # an acronym and the body's own last word
    (("The Lima Provident Fund Board (LPF Board) met today. LPF Board agreed to two "
     "projects."), "LPF Board", "Lima Provident Fund Board"),
])
@pytest.mark.model
def test_a_short_name_in_brackets_is_the_body(nlp: Language, text: str, short: str,
                                              long: str) -> None:
    found = entity_names(nlp, text)
    names = {name for _, name in found}
    assert long in names
    assert short not in names


@pytest.mark.model
def test_a_place_in_brackets_is_no_short_name(nlp: Language) -> None:
    found = entity_names(nlp, "The Lima Data Council (Singapore) met today.")
    assert ("Country", "Singapore") in found


# Acronyms of terms, and of names in the possessive ---------------------------------


@pytest.mark.model
def test_an_acronym_of_lower_case_words_names_nothing(nlp: Language) -> None:
    for acronym, text in [
            ("ANPR", ("The Council asked about automated number plate recognition (ANPR) in "
                     "Chile, and the oversight of ANPR in Chile.")),
            ("VCS", ("The Council asked about the risks of voice cloning software (VCS) in "
                    "Kenya; and what oversight of VCS in Kenya exists."))]:
        found = entity_names(nlp, text)
        assert not any(name == acronym for _, name in found)
        assert any(label == "Country" for label, _ in found)


@pytest.mark.model
def test_a_possessive_before_the_brackets_is_not_in_the_long_form(nlp: Language) -> None:
    found = entity_names(nlp, "The mapping used the Andean Bureau of Weights and Measures’ "
                              "guide and the Lima Institute of Data Quality’s (LIDQ) Data "
                              "Quality Framework.")
    names = {name for _, name in found}
    assert "Lima Institute of Data Quality" in names
    assert not any(name.endswith(("’s", "'s")) for name in names)
