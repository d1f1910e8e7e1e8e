"""Roles and copulas: posts through "be" and "as", roles named by a body.

Sentences written for these tests (with the model).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from helpers import triples

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
