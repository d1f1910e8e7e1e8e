"""People's and bodies' descriptions: posts, bodies and countries around a name.

Sentences written for these tests, in the manner of press releases (with the model).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from helpers import triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    # after the name, opened by a comma: post, body, country
    (("The agreement was signed by Ms Farah Lim, Chief Data Officer, Riverstone Bank, "
     "and Mr Ivo Petrov, Director, Danube Institute."),
     {("Farah Lim", "holdsPost", "Chief Data Officer"),
      ("Farah Lim", "memberOf", "Riverstone Bank"),
      ("Ivo Petrov", "holdsPost", "Director"),
      ("Ivo Petrov", "memberOf", "Danube Institute")}),
    ("Mrs Amelia Soto, Minister for Education and Skills, Chile, welcomed the delegates.",
     {("Amelia Soto", "holdsPost", "Minister for Education and Skills"),
      ("Amelia Soto", "basedIn", "Chile")}),
    # before the name, with no comma: the title, and a country's possessive
    (("Kenya's Minister for Information, Communications and the Digital Economy Daniel "
     "Mwangi opened the forum."),
     {("Daniel Mwangi", "holdsPost",
       "Minister for Information, Communications and the Digital Economy"),
      ("Daniel Mwangi", "basedIn", "Kenya")}),
    # a chain of posts and bodies before the name
    (("It was witnessed by Norway Minister of State, Ministry of Finance & Ministry of "
     "Trade, and Chairman of the Fjord Council Dr Erik Lund."),
     {("Erik Lund", "holdsPost", "Chairman of the Fjord Council"),
      ("Erik Lund", "memberOf", "Ministry of Finance"),
      ("Erik Lund", "basedIn", "Norway")}),
])
def test_descriptions_around_a_name(nlp: Language, text: str,
                                    expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(nlp, text)


def test_a_post_before_the_next_name_is_that_persons(nlp: Language) -> None:
    found = triples(nlp, "Present were Peru Minister for Trade Dr Ana Quispe, Ghana Minister "
                         "for Energy Mr Kofi Boateng, and officials.")
    assert ("Kofi Boateng", "basedIn", "Ghana") in found
    assert ("Ana Quispe", "basedIn", "Ghana") not in found
    assert not any(s == "Ana Quispe" and o.endswith("Energy") for s, _, o in found)


def test_a_title_said_of_the_previous_person_is_not_the_next(nlp: Language) -> None:
    found = triples(nlp, "The MOU was signed by Mr Omar Haddad, Minister of Economy, and Ms "
                         "Lena Fischer, State Secretary.")
    assert ("Omar Haddad", "holdsPost", "Minister of Economy") in found
    assert ("Lena Fischer", "holdsPost", "Minister of Economy") not in found


def test_bodies_are_of_the_country_before_or_after_them(nlp: Language) -> None:
    found = triples(nlp, "Officials of the Ministry of Agriculture (MOA) of Ghana and the "
                         "Singapore Land Authority met Chile's Ministry of Mining.")
    assert {("Ministry of Agriculture", "basedIn", "Ghana"),
            ("Ministry of Mining", "basedIn", "Chile")} <= found


def test_a_country_does_not_own_what_its_possessive_modifies(nlp: Language) -> None:
    found = triples(nlp, "This was agreed during Singapore's ASEAN Chairmanship year.")
    assert not any(p == "basedIn" for _, p, _ in found)


def test_units_belong_to_their_bodies(nlp: Language) -> None:
    found = triples(nlp, "Ms Rita Gomes, Director, Water Quality Office, Ministry of "
                         "Environment, spoke on behalf of the Board of the Land Transport "
                         "Authority.")
    assert {("Rita Gomes", "memberOf", "Water Quality Office"),
            ("Water Quality Office", "partOf", "Ministry of Environment"),
            ("Board of the Land Transport Authority", "partOf",
             "Land Transport Authority")} <= found


def test_a_chair_post_chairs_what_it_names(nlp: Language) -> None:
    found = triples(nlp, "Mr Juan Ortiz, Chairman of the 7th Andean Digital Ministers "
                         "Meeting, closed the session.")
    assert ("Juan Ortiz", "chairOf", "7th Andean Digital Ministers Meeting") in found


def test_a_mission_abroad_is_of_its_country_not_in_it(nlp: Language) -> None:
    found = triples(nlp, "The workshop was co-organised by the High Commission of Peru and the "
                         "Ministry of Mining of Chile.")
    assert ("Ministry of Mining of Chile", "basedIn", "Chile") in found
    assert not any(s == "High Commission of Peru" and p == "basedIn" for s, p, _ in found)


def test_an_acronym_modifying_a_noun_after_and_ends_the_remit(nlp: Language) -> None:
    found = triples(nlp, "We thank Dr Rosa Quispe, Head of the Quechua Resource Panel, and LDC "
                         "member Ms Ana Mamani, for their time.")
    assert ("Rosa Quispe", "holdsPost", "Head of the Quechua Resource Panel") in found


def test_a_year_inside_a_body_s_name_stays_in_the_post(nlp: Language) -> None:
    found = triples(nlp, "Mr Tomas Rojas, Chairman of the ANDEXPO 2024 Organising Committee, "
                         "spoke.")
    assert ("Tomas Rojas", "holdsPost",
            "Chairman of the ANDEXPO 2024 Organising Committee") in found


def test_a_title_cut_short_by_a_title_case_line_is_no_post(nlp: Language) -> None:
    # "Of The" in a capitalised line: where the office ends cannot be told from where
    # the heading goes on, and "Minister-in-Charge" alone is not the office.
    found = triples(nlp, "Speech By Dr Ana Quispe, Minister-in-Charge Of The Andes Data "
                         "Initiative At The Launch Of The Lima Data Week")
    assert not any(p == "holdsPost" and o == "Minister-in-Charge" for _, p, o in found)


def test_names_in_a_list_are_not_a_place_and_its_country(nlp: Language) -> None:
    listed = triples(nlp, "The cables reach hubs such as Europe, Peru, Chile and Kenya.")
    assert not any(p == "partOf" for _, p, _ in listed)
    placed = triples(nlp, "The meeting was held in Cusco, Peru on 5 May.")
    assert ("Cusco", "partOf", "Peru") in placed


def test_bodies_in_a_list_are_not_a_unit_and_its_body(nlp: Language) -> None:
    listed = triples(nlp, "We worked with organisations like Nexus, National Library Board, "
                          "Cyber Security Agency of Singapore, to reach readers.")
    assert not any(p == "partOf" for _, p, _ in listed)
    # A bracketed acronym or a "the" does not break the list.
    acronyms = triples(nlp, "Grants came from Safaricom, the Coastal Data Agency, Kenya "
                            "Maritime Authority (KMA), and the Port Development Board.")
    assert not any(p == "partOf" for _, p, _ in acronyms)
    unit = triples(nlp, "Ms Rosa Quispe, Director, Translation Department, Ministry of "
                        "Communications and Information, spoke.")
    assert ("Translation Department", "partOf",
            "Ministry of Communications and Information") in unit


def test_an_opening_phrase_before_a_comma_describes_no_one(nlp: Language) -> None:
    # The comma ends a phrase that opens the sentence; the name after it is the subject.
    opening = triples(nlp, "At this year’s Harbour Budget Committee Debate, Minister for "
                           "Ports Amina Otieno will share the plans.")
    assert ("Amina Otieno", "memberOf", "Harbour Budget Committee Debate") not in opening
    assert ("Amina Otieno", "holdsPost", "Minister for Ports") in opening
    group = triples(nlp, "As part of the Harbour Group, Harbour Logistics has grown.")
    assert not any(p == "partOf" and s == "Harbour Group" for s, p, _ in group)
    like = triples(nlp, "Like other ASEAN Member States, Malaysia welcomes the report.")
    assert not any(p == "basedIn" for _, p, _ in like)


def test_a_region_ending_a_bodys_name_is_its_arm_not_the_holders_base(
        nlp: Language) -> None:
    found = triples(nlp, "Ms Anna Berg, President, Kelpsoft Asia Pacific, spoke.")
    assert not any(p == "basedIn" for s, p, _ in found if s == "Anna Berg")
    placed = triples(nlp, "Ms Anna Berg, Minister for Data, Norway, spoke.")
    assert ("Anna Berg", "basedIn", "Norway") in placed
