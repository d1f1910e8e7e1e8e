"""Verb and noun triggers, with argument distribution over lists and described names.

Sentences written for these tests (with the model).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from helpers import triples

pytestmark = pytest.mark.model


def test_titled_signatories_each_sign(nlp: Language) -> None:
    found = triples(nlp, "Peru's Minister for Foreign Trade and Tourism Ana Quispe and "
                         "Kenya's Minister for Investments Daniel Mwangi have signed the "
                         "Peru-Kenya Trade Agreement today.")
    assert {("Ana Quispe", "signed", "Peru-Kenya Trade Agreement"),
            ("Daniel Mwangi", "signed", "Peru-Kenya Trade Agreement")} <= found


def test_a_passive_with_described_agents(nlp: Language) -> None:
    found = triples(nlp, "The Memorandum of Understanding on Open Data was signed by Ms Farah "
                         "Lim, Minister of State for Digital Affairs, and Mr Ivo Petrov, "
                         "Deputy Minister of Innovation.")
    assert {("Farah Lim", "signed", "Memorandum of Understanding on Open Data"),
            ("Ivo Petrov", "signed", "Memorandum of Understanding on Open Data")} <= found


def test_the_signing_of_x_between_a_and_b(nlp: Language) -> None:
    found = triples(nlp, "Both sides marked the signing of the Framework Agreement on Green "
                         "Shipping between the Ministry of Transport and the Port Authority "
                         "of Ghana.")
    assert {("Ministry of Transport", "signed", "Framework Agreement on Green Shipping"),
            ("Port Authority of Ghana", "signed", "Framework Agreement on Green Shipping")
            } <= found


def test_signing_with_a_partner(nlp: Language) -> None:
    found = triples(nlp, "Chile signed the Pacific Data Accord with Norway and Ghana.")
    assert {(c, "signed", "Pacific Data Accord") for c in ("Chile", "Norway", "Ghana")} <= found


def test_a_generic_agreement_is_the_one_the_page_names(nlp: Language) -> None:
    found = triples(nlp, "Chile and Norway signed a Memorandum of Understanding (MOU) on "
                         "Ocean Science. The MOU on Ocean Science runs for five years.")
    name = "Memorandum of Understanding on Ocean Science"
    assert {("Chile", "signed", name), ("Norway", "signed", name)} <= found
    assert {o for _, _, o in found} == {name}  # "MOU on Ocean Science" is the same one


def test_nominalisations_take_the_verbs_subject(nlp: Language) -> None:
    found = triples(nlp, "Chile and Norway have concluded negotiations on the Chile-Norway "
                         "Digital Economy Agreement. Dr Ana Quispe led the development of the "
                         "National Data Strategy.")
    assert {("Chile-Norway Digital Economy Agreement", "developedBy", "Chile"),
            ("Chile-Norway Digital Economy Agreement", "developedBy", "Norway"),
            ("National Data Strategy", "developedBy", "Ana Quispe")} <= found


def test_x_led_initiatives_on_a_list(nlp: Language) -> None:
    found = triples(nlp, "The meeting endorsed Norway-led initiatives on the Nordic Data "
                         "Framework and the Open Ports Guide.")
    assert {("Nordic Data Framework", "developedBy", "Norway"),
            ("Open Ports Guide", "developedBy", "Norway")} <= found


def test_doing_something_at_a_meeting_is_attending_it(nlp: Language) -> None:
    found = triples(nlp, "The Ministry of Transport announced three projects at the 9th Baltic "
                         "Transport Ministers Meeting. Ms Farah Lim spoke on the sidelines of "
                         "the 9th Baltic Transport Ministers Meeting.")
    assert {("Ministry of Transport", "attended", "9th Baltic Transport Ministers Meeting"),
            ("Farah Lim", "attended", "9th Baltic Transport Ministers Meeting")} <= found


def test_representatives_stand_for_their_countries(nlp: Language) -> None:
    found = triples(nlp, "Ministers of Chile, Peru and Norway will meet with ASEAN Ministers at "
                         "the 2nd Pacific Ocean Ministerial Meeting.")
    assert {(c, "attended", "2nd Pacific Ocean Ministerial Meeting")
            for c in ("Chile", "Peru", "Norway", "ASEAN")} <= found


def test_a_participle_is_about_the_main_clauses_subject(nlp: Language) -> None:
    found = triples(nlp, "Co-chaired by Mr Kofi Boateng and Ms Lena Fischer, the 3rd Atlantic "
                         "Energy Dialogue agreed on a work plan.")
    assert {("Kofi Boateng", "chairOf", "3rd Atlantic Energy Dialogue"),
            ("Lena Fischer", "chairOf", "3rd Atlantic Energy Dialogue")} <= found


def test_a_dateline_states_no_event(nlp: Language) -> None:
    found = triples(nlp, "OSLO, 3 MARCH 2025 – The 5th Nordic Digital Forum adopted the Oslo "
                         "Statement.")
    assert not any(p == "heldIn" for _, p, _ in found)


def test_the_next_edition_is_another_meeting(nlp: Language) -> None:
    found = triples(nlp, "Norway hosted the 2nd Norway-Chile Ocean Data (OD) Dialogue in Oslo. "
                         "Both look forward to holding the next OD Dialogue in Chile in 2026.")
    assert ("2nd Norway-Chile OD Dialogue", "heldIn", "Oslo") in found
    assert not any(p == "heldIn" and o == "Chile" for _, p, o in found)


def test_this_meeting_points_back_one_sentence_only(nlp: Language) -> None:
    text = ("The 3rd Nordic Ports Meeting was held in Oslo. Ministers agreed on a plan. Ports "
            "shared data. Customs shared forms. We also convened the first Harbour Taskforce. "
            "This meeting was held in Bergen last May.")
    found = triples(nlp, text)
    assert ("3rd Nordic Ports Meeting", "heldIn", "Oslo") in found
    assert not any(p == "heldIn" and o == "Bergen" for _, p, o in found)
    near = triples(nlp, "The 3rd Nordic Ports Meeting opened today. This meeting was held in "
                        "Bergen.")
    assert ("3rd Nordic Ports Meeting", "heldIn", "Bergen") in near


def test_every_titled_member_of_a_subject_list_chairs(nlp: Language) -> None:
    found = triples(nlp, "Today, Chile Minister for Foreign Affairs Dr. Ana Quispe, Chile "
                         "Minister for Ocean Data Pedro Soto, Peru Secretary of State Luis "
                         "Rojas, and Peru National Security Advisor Rosa Vega chaired the "
                         "third Chile-Peru Ocean Dialogue in Lima.")
    chairs = {s for s, p, _ in found if p == "chairOf"}
    assert chairs == {"Ana Quispe", "Pedro Soto", "Luis Rojas", "Rosa Vega"}


def test_a_verb_that_needs_its_preposition_says_nothing_without_it(nlp: Language) -> None:
    # "build on X" derives from X; "build X" does not.
    assert not triples(nlp, "The Andes Data Plan will build a Digital Andes Strategy.")
    found = triples(nlp, "The Andes Data Plan builds on the Digital Andes Strategy.")
    assert ("Andes Data Plan", "derivedFrom", "Digital Andes Strategy") in found


def test_appointing_sets_up_a_panel_not_a_university(nlp: Language) -> None:
    found = triples(nlp, "The Lima Data Office appointed the Open Data Review Panel in May.")
    assert ("Lima Data Office", "established", "Open Data Review Panel") in found
    found = triples(nlp, "The Lima Data Office has appointed Andes Polytechnic and the "
                         "University of Cusco to lead the programme.")
    assert not any(p == "established" for _, p, _ in found)


def test_a_possessive_of_a_modifier_is_not_the_maker(nlp: Language) -> None:
    # The possessive is the channel's: the office did not make TikTok.
    found = triples(nlp, "The livestreams stay on the Lima Data Office’s TikTok channel.")
    assert not any(p == "developedBy" for _, p, _ in found)
    # So in a title-case phrase.
    titled = triples(nlp, "Sources: Mr Kofi Boateng’s Instagram Page (6 May 2020).")
    assert not any(p == "developedBy" for _, p, _ in titled)
    made = triples(nlp, "The Lima Data Office’s Open Data Charter was launched in 2020.")
    assert ("Open Data Charter", "developedBy", "Lima Data Office") in made


def test_forming_in_the_plural_present_is_being_made_of(nlp: Language) -> None:
    # The plural present says what a body is made of; any other form, that it was set up.
    found = triples(nlp, "Together, Kenya, Ghana and Peru form the Coastal Data Network.")
    assert {("Kenya", "memberOf", "Coastal Data Network"),
            ("Peru", "memberOf", "Coastal Data Network")} <= found
    assert not {f for f in found if f[1] == "established"}
    made_up = triples(nlp, "The Port Authority and the Maritime Institute make up the "
                           "Harbour Safety Council.")
    assert ("Port Authority", "memberOf", "Harbour Safety Council") in made_up
    formed = triples(nlp, "The Ministry of Transport formed the Harbour Safety Council in "
                          "2019.")
    assert ("Ministry of Transport", "established", "Harbour Safety Council") in formed
    singular = triples(nlp, "The Ministry of Transport forms the Harbour Safety Council.")
    assert ("Ministry of Transport", "established", "Harbour Safety Council") in singular


def test_a_described_name_is_the_one_before_the_comma(nlp: Language) -> None:
    # The parser hangs "a platform" on the main verb; it describes the name before it,
    # and the last maker, joined to "platform", is a maker too.
    found = triples(nlp, "Lakeside Park will be Kenya's first smart district to offer "
                         "services through the Harbour Data Exchange (HDX), a trading "
                         "platform co-developed by Safaricom, the Port Authority, and "
                         "the Nairobi Innovation Agency.")
    made = {f for f in found if f[1] == "developedBy"}
    assert {("Harbour Data Exchange", "developedBy", "Safaricom"),
            ("Harbour Data Exchange", "developedBy", "Port Authority")} <= made
    assert not {f for f in made if f[0] != "Harbour Data Exchange"}


def test_a_relative_clause_is_said_of_the_names_before_it(nlp: Language) -> None:
    found = triples(nlp, "They are Ms Amina Otieno, who will be joining the Port Authority; "
                         "Mr Tomas Reyes, who will be joining the Coastal Data Agency; and "
                         "Mr Kwame Mensah, who will be working at the Nairobi Innovation "
                         "Agency.")
    members = {f for f in found if f[1] == "memberOf"}
    assert ("Tomas Reyes", "memberOf", "Port Authority") not in members
    assert ("Kwame Mensah", "memberOf", "Port Authority") not in members
    assert ("Kwame Mensah", "memberOf", "Coastal Data Agency") not in members


def test_the_company_is_a_company_not_the_university_before_it(nlp: Language) -> None:
    found = triples(nlp, "Mr Kofi Boateng was fresh out of the University of Ghana when he "
                         "founded the company in 2007.")
    assert not {f for f in found if f[1] == "established"}
    # The company named before, past the university named since.
    partner = triples(nlp, "Mr Kofi Boateng founded Harbour Robotics Pte Ltd in 2010. In "
                           "2015, the University of Ghana signed the Research Accord with "
                           "the company.")
    assert ("Harbour Robotics Pte Ltd", "signed", "Research Accord") in partner


def test_a_company_adopting_a_framework_does_not_launch_it(nlp: Language) -> None:
    assert not any(p == "launched" for _, p, _ in triples(
        nlp, "Kelp Bank adopted the Harbour Governance Framework in 2019."))
    assert ("Singapore", "launched", "Harbour Declaration") in triples(
        nlp, "Singapore adopted the Harbour Declaration.")
