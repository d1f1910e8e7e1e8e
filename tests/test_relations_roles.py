"""Roles and copulas: posts through "be" and "as", roles named by a body.

Sentences written for these tests (with the model).
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from helpers import clean_text, triples

pytestmark = pytest.mark.model


def test_a_post_through_a_copula(nlp: Language) -> None:
    found = triples(nlp, "Ms Lena Fischer is currently the Director of the Rhine Data Office. "
                         "Mr Omar Haddad, who is also Minister for Water Resources, agreed.")
    assert {("Lena Fischer", "holdsPost", "Director of the Rhine Data Office"),
            ("Lena Fischer", "memberOf", "Rhine Data Office"),
            ("Omar Haddad", "holdsPost", "Minister for Water Resources")} <= found


def test_a_post_through_as(nlp: Language) -> None:
    found = triples(nlp, "The Minister has appointed Mr Kofi Boateng, Partner, Boateng Legal LLP, "
                         "as Chairman of the Port Authority of Ghana.")
    assert {("Kofi Boateng", "holdsPost", "Chairman of the Port Authority of Ghana"),
            ("Kofi Boateng", "memberOf", "Boateng Legal LLP")} <= found


def test_a_role_named_by_a_body_is_of_that_body(nlp: Language) -> None:
    found = triples(nlp, "The 31st ASEAN Summit was held in Manila. As the ASEAN Chair, the "
                         "Philippines welcomed the leaders.")
    assert ("Philippines", "chairOf", "ASEAN") in found


def test_a_role_holder_is_found_in_its_own_sentence(nlp: Language) -> None:
    found = triples(nlp, "Ms Lena Fischer met the Ministry of Finance. As Chair, Norway "
                         "opened the 2nd Arctic Data Forum.")
    assert ("Ministry of Finance", "chairOf", "2nd Arctic Data Forum") not in found


def test_member_and_part_copulas(nlp: Language) -> None:
    found = triples(nlp, "Harbour Analytics (a member of the Ocean Logistics Group) and the "
                         "Rhine Data Office, which is part of the Ministry of Finance, agreed.")
    assert {("Harbour Analytics", "memberOf", "Ocean Logistics Group"),
            ("Rhine Data Office", "partOf", "Ministry of Finance")} <= found
    # A name that only modifies the noun after "of" is not what the thing is part of.
    efforts = triples(nlp, "A collaboration between the Ministry of Trade and Ports (MTP) "
                           "and Mediacorp, “Happy Trade World”《欢乐世界》is part of the "
                           "MTP’s continuous efforts to keep seniors updated.")
    assert not any(p == "partOf" for _, p, _ in efforts)


APPOINTMENT = ("Mr Tan Wei Ming, Deputy Secretary (Planning) in the Ministry of Ports, will be "
               "appointed as Chief Executive (CE) of the Harbour Data Agency (HDA) with effect "
               "from 1 June 2019. Ms Lim Hui Ling was Managing Director (MD) of the "
               "Sea-transport Regulatory Authority from 2010 to 2014. As CE of HDA since 2015, "
               "she led its work.")


def test_a_posts_acronym_names_the_same_post_of_the_same_body(nlp: Language) -> None:
    found = triples(nlp, APPOINTMENT)
    chief = "Chief Executive of the Harbour Data Agency"
    assert {("Tan Wei Ming", "holdsPost", chief), ("Lim Hui Ling", "holdsPost", chief),
            ("Lim Hui Ling", "holdsPost",
             "Managing Director of the Sea-transport Regulatory Authority"),
            ("Lim Hui Ling", "memberOf", "Sea-transport Regulatory Authority")} <= found


def test_a_date_bounds_the_post_it_is_said_of(nlp: Language) -> None:
    from docgraph.ner import recognise

    document = clean_text(APPOINTMENT, "t.txt")
    [analysis] = list(recognise([document], nlp))
    dated = {(r.subject.name, r.object.name): (r.start, r.end, r.bound)
             for r in analysis.relations if r.predicate == "holdsPost"}
    assert dated[("Tan Wei Ming", "Chief Executive of the Harbour Data Agency")] == \
        (dt.date(2019, 6, 1), None, "since")
    # The post named between commas is not the one that starts on 1 June 2019.
    assert dated[("Tan Wei Ming", "Deputy Secretary (Planning)")] == (None, None, "on")
    assert dated[("Lim Hui Ling",
                  "Managing Director of the Sea-transport Regulatory Authority")] == \
        (dt.date(2010, 1, 1), dt.date(2014, 12, 31), "between")


@pytest.mark.parametrize(("text", "end"), [
    # the sentence's date ends it, whatever the tense
    ("Mr Tomas Rojas will step down as Chairman of the Lima Data Council on 30 June 2024.",
     dt.date(2024, 6, 30)),
    ("Ms Ana Quispe retired as Chief Executive of the Lima Data Office in 2019.",
     dt.date(2019, 12, 31)),
    # the post as the object of the verb of leaving
    ("Ms Ana Quispe will relinquish her post as Chief Executive of the Lima Data Office.",
     dt.date(2024, 5, 1)),
    # no date of its own: the page's; a date the post started on is not its end
    (("Mr Tomas Rojas, who steps down as Chairman of the Lima Data Council, a post he has "
     "held since 2017, spoke."), dt.date(2024, 5, 1)),
])
def test_a_post_left_is_held_until_then(nlp: Language, text: str, end: dt.date) -> None:
    from docgraph.clean import clean
    from docgraph.ingest import read_bytes
    from docgraph.ner import recognise

    document = clean(read_bytes(f"---\ndate: 2024-05-01\n---\n{text}\n".encode(), "t.md"))
    [analysis] = list(recognise([document], nlp))
    held = [r for r in analysis.relations if r.predicate in ("holdsPost", "chairOf",
                                                              "memberOf")]
    assert held
    assert {(r.status, r.start, r.end, r.bound) for r in held} == {("done", None, end,
                                                                    "until")}
