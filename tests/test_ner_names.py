"""Names and their boundaries on real phrasing (with the model).

Titles straight before names, remits with commas and "and the", regional honorific
chains, names carrying an acronym in brackets, lower-case heads, venues and services.
Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from helpers import entity_names

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "post", "person"), [
    ("Minister for Foreign Trade and Tourism Ana Quispe signed.",
     "Minister for Foreign Trade and Tourism", "Ana Quispe"),
    ("Minister for Justice K Raman spoke.", "Minister for Justice", "K Raman"),
    ("The Secretary of State for Energy, Climate, and Industry Olga Berg agreed.",
     "Secretary of State for Energy, Climate, and Industry", "Olga Berg"),
    ("Minister for Water and the Environment Ms Dewi Santoso attended.",
     "Minister for Water and the Environment", "Dewi Santoso"),
    # A body's phrase is no evidence that a name after it is remit: "Lim Wei Ling".
    ("Secretary-General of the Ministry of Digital Economy Lim Wei Ling attended.",
     "Secretary-General of the Ministry of Digital Economy", "Lim Wei Ling"),
    # The model starts a name on the remit's last word; the body named later vouches it.
    (("Minister of Rivers and Fisheries Chea Vannak thanked the Ministry of Rivers and "
     "Fisheries."), "Minister of Rivers and Fisheries", "Chea Vannak"),
    # A common word before the name is remit ("Internal Market").
    ("European Commissioner for Internal Market Pierre Dumont spoke.",
     "European Commissioner for Internal Market", "Pierre Dumont"),
])
def test_a_title_before_a_name_keeps_both(nlp: Language, text: str, post: str,
                                          person: str) -> None:
    found = entity_names(nlp, text)
    assert {("Post", post), ("Person", person)} <= found


@pytest.mark.parametrize(("text", "name"), [
    ("Yang Berhormat Dato Paduka Awang Haji Rosli bin Haji Omar, Minister of Health, spoke.",
     "Rosli bin Haji Omar"),
    ("Dr. Siti Aminah binti Haji Yusof attended.", "Siti Aminah binti Haji Yusof"),
    ("YB Datuk Seri Haji Kamal Bin Ahmad opened the meeting.", "Kamal Bin Ahmad"),
    ("Ms Ji-woo Park was appointed.", "Ji-woo Park"),
    # Abbreviated honorifics keep their full stop; chains of them name no one.
    ("It was opened by H.E. Prof. Dr. Ir. Siti Rahayu, Minister of Ports.", "Siti Rahayu"),
    ("Hon. Engr. Ramon Villanueva, Undersecretary for Ports, signed it.", "Ramon Villanueva"),
    ("The Minister for Culture, Rt Hon Jonathan Pike, spoke.", "Jonathan Pike"),
    ("Shri Arvind Mohan Mehta and Smt. Lakshmi Rao signed.", "Arvind Mohan Mehta"),
    ("Shri Arvind Mohan Mehta and Smt. Lakshmi Rao signed.", "Lakshmi Rao"),
    ("Oman's Minister of Ports H.E. Eng. Omar Haddad spoke.", "Omar Haddad"),
    # Brunei: the title conferred with a rank sits between two honorifics.
    (("Yang Berhormat Pehin Orang Kaya Laila Wijaya Dato Seri Setia Awang Haji Idris "
      "Matusin spoke."), "Idris Matusin"),
])
def test_honorific_chains_and_particles(nlp: Language, text: str, name: str) -> None:
    found = entity_names(nlp, text)
    assert ("Person", name) in found
    # No piece of the chain is a name of its own: "H.E. Prof. Dr. Ir", "Laila Wijaya".
    assert not any(n != name and any(w in n for w in ("H.E.", "Hon", "Shri", "Pehin",
                                                      "Wijaya", "Eng"))
                   for _, n in found), found


def test_a_post_then_a_dotted_honorific_and_a_name(nlp: Language) -> None:
    found = entity_names(nlp, "Peru's Undersecretary of Fisheries Hon. Rosa Quintana "
                              "opened the forum.")
    assert {("Post", "Undersecretary of Fisheries"), ("Person", "Rosa Quintana")} <= found


def test_posts_said_of_someone_and_qualified_posts(nlp: Language) -> None:
    found = entity_names(nlp, "Ms Bella Ong, Senior Vice President, Head of Design, Ong "
                              "Logistics Pte Ltd, met Norway Prime Minister Erik Lund.")
    assert {("Post", "Senior Vice President"), ("Post", "Head of Design"),
            ("Post", "Norway Prime Minister")} <= found


@pytest.mark.parametrize(("text", "label", "name"), [
    ("The Department of Energy, Mines and Resources agreed.", "GovernmentAgency",
     "Department of Energy, Mines and Resources"),
    ("The National Crime Co-ordination Centre reported.", "Organization",
     "National Crime Co-ordination Centre"),
    ("The Prime Minister's Office of Norway replied.", "GovernmentAgency",
     "Prime Minister's Office of Norway"),
    # typed by the lower-case word of its kind, and named without it
    ("They used the HarbourLink app daily.", "Product", "HarbourLink"),
    ("Bookings go through Permit.gov.kh now.", "Product", "Permit.gov.kh"),
    ("The dinner was at the Lakeside Hotel.", "Place", "Lakeside Hotel"),
    ("Chile and Peru signed a Memorandum of Understanding (MOU) on Fisheries Data.",
     "Agreement", "Memorandum of Understanding on Fisheries Data"),
])
def test_names_over_commas_hyphens_possessives_and_brackets(
        nlp: Language, text: str, label: str, name: str) -> None:
    found = entity_names(nlp, text)
    assert any(n == name for _, n in found), found
    assert any(n == name and (lab == label or label == "Organization") for lab, n in found)


def test_coordinated_bodies_are_two(nlp: Language) -> None:
    found = entity_names(nlp, "The Ministry of Transport and Communications & Ministry of "
                              "Health issued a statement.")
    assert {("Ministry", "Ministry of Transport and Communications"),
            ("Ministry", "Ministry of Health")} <= found


def test_a_numbered_meeting_named_with_its_bodys_acronym(nlp: Language) -> None:
    found = entity_names(nlp, "Ms Ana Quispe attended the 3rd Association of Pacific Ports "
                              "(APP) Transport Ministers' Meeting.")
    assert ("Meeting", "3rd APP Transport Ministers' Meeting") in found


def test_a_company_after_a_post_is_its_body_not_a_name(nlp: Language) -> None:
    found = entity_names(nlp, "The court heard that Mr Tan Boon Kiat (Tan), Director of Bright "
                              "Harbour Pte Ltd (Bright Harbour), paid the sum.")
    assert {("Person", "Tan Boon Kiat"), ("Post", "Director of Bright Harbour Pte Ltd"),
            ("Company", "Bright Harbour Pte Ltd")} <= found
    assert not any(label == "Person" and "Ltd" in name for label, name in found)


@pytest.mark.parametrize(("text", "post", "person"), [
    ("Minister-in-charge of Port Relations Mr Tomas Lindqvist spoke.",
     "Minister-in-charge of Port Relations", "Tomas Lindqvist"),
    ("The Chile Secretary of State for Ocean Trade Marie-Claire Fontaine agreed.",
     "Chile Secretary of State for Ocean Trade", "Marie-Claire Fontaine"),
])
def test_a_remit_ends_where_a_name_or_its_honorific_starts(nlp: Language, text: str,
                                                           post: str, person: str) -> None:
    found = entity_names(nlp, text)
    assert {("Post", post), ("Person", person)} <= found


def test_an_acronym_after_two_parties_names_their_work(nlp: Language) -> None:
    found = entity_names(nlp, "Peru joined the Ocean Data Agreement (ODA) model. Malta signed "
                              "the Malta-Peru ODA in 2020. It is Malta's third ODA.")
    assert ("Agreement", "Malta-Peru ODA") in found
    assert not any(label == "Meeting" for label, _ in found)


def test_a_post_in_a_body_the_gazetteer_knows(nlp: Language) -> None:
    found = entity_names(nlp, "The Minister in the Prime Minister's Office Ms Lena Fischer "
                              "instructed the agency.")
    assert ("Post", "Minister in the Prime Minister's Office") in found
    assert ("Person", "Lena Fischer") in found


# Posts said of people -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "post", "person"), [
    # An office named right before the name is a post; a word of address is not.
    ("The plan was backed by President Ana Ruiz and Premier Zhao Lin.", "President", "Ana Ruiz"),
    ("The plan was backed by President Ana Ruiz and Premier Zhao Lin.", "Premier", "Zhao Lin"),
    # One or two words of a field before a title belong to it.
    ("At the archives, Senior Archivist Karel Smit showed the guests a map.",
     "Senior Archivist", "Karel Smit"),
    ("Ms Ines Duarte, Senior Policy Advisor, Pacific Bank, joined the panel.",
     "Senior Policy Advisor", "Ines Duarte"),
    ("The deal was welcomed by Trade Commissioner Jonas Berg.", "Trade Commissioner",
     "Jonas Berg"),
    # A title the name is in apposition to: "Title, Mr X".
    ("He met Busan Party Secretary, Mr Kim Do-hyun, on Monday.", "Busan Party Secretary",
     "Kim Do-hyun"),
    # A body's acronym before the title is the post's body; a country's possessive not.
    ("NHB Chairperson, Mr Ravi Menon, opened the show.", "NHB Chairperson", "Ravi Menon"),
    ("It was said by the UK’s Foreign Secretary, Mr Tom Blake.", "Foreign Secretary",
     "Tom Blake"),
    ("Mr Lim, Project Manager of Arcwell Builders, said so.",
     "Project Manager of Arcwell Builders", "Lim"),
    ("Mr Lim, Chief Science and Technology Officer, said so.",
     "Chief Science and Technology Officer", "Lim"),
])
def test_posts_said_of_a_name_before_or_after_it(nlp: Language, text: str, post: str,
                                                 person: str) -> None:
    assert {("Post", post), ("Person", person)} <= entity_names(nlp, text)


def test_and_joins_no_title_to_what_came_before(nlp: Language) -> None:
    found = entity_names(nlp, "She met the Vice-President for Jobs for the People and Trade "
                              "Commissioner Jonas Berg.")
    assert not any(name.startswith("People") for _, name in found)


def test_a_word_of_address_before_a_name_is_no_post(nlp: Language) -> None:
    found = entity_names(nlp, "Later Minister Ana Ruiz met Secretary Tom Hale.")
    assert not {label for label, _ in found} & {"Post"}


def test_the_end_of_a_title_not_known_whole_is_no_post(nlp: Language) -> None:
    found = entity_names(nlp, "The bank's Chief Quantum Officer, Mr Arun Pillai, said so.")
    assert ("Post", "Officer") not in found


@pytest.mark.parametrize("text", [
    "Appointment Of Members To The Harbour Safety Review Committee",
    "Port Board Appoints New Chairman Of Harbour Authority",
])
def test_a_title_case_heading_is_no_one_name(nlp: Language, text: str) -> None:
    found = entity_names(nlp, f"## {text}\n\nThe committee met.")
    assert not any(" Of " in name or " To " in name for _, name in found)


@pytest.mark.parametrize(("text", "name"), [
    # One word of a field before "and" is shared by the head after it.
    ("She joined the Infocomm and Media Development Agency in 1999.",
     "Infocomm and Media Development Agency"),
    # A capitalised "-ing" word starts a name inside a sentence.
    ("He served on the board of the Housing & Development Board since 2010.",
     "Housing & Development Board"),
    ("The Building and Construction Authority issued the permit.",
     "Building and Construction Authority"),
])
def test_a_field_before_and_and_a_gerund_belong_to_the_name(nlp: Language, text: str,
                                                           name: str) -> None:
    assert name in {n for _, n in entity_names(nlp, text)}


@pytest.mark.parametrize(("text", "name", "fragment"), [
    # A name does not start inside a hyphenated word, whatever its first part is.
    ("Peru chaired the Ten-Year Open-Ended Working Group on Port Data.",
     "Ten-Year Open-Ended Working Group on Port Data", "Year Open-Ended Working Group"),
    ("Delegates met at the e-Services Leaders Forum in Lima.", "e-Services Leaders Forum",
     "Services Leaders Forum"),
    # An acronym spelt like a stop word starts the name ("IT", "US").
    ("The winners of the IT Champions Awards were named.", "IT Champions Awards",
     "Champions Awards"),
    # "in" joins a field to a head: the part before it is the name's.
    ("The Robotics in Farming Grand Challenge opened in May.",
     "Robotics in Farming Grand Challenge", "Farming Grand Challenge"),
])
def test_a_name_is_not_cut_inside_a_compound_or_before_in(nlp: Language, text: str,
                                                          name: str, fragment: str) -> None:
    names = {n for _, n in entity_names(nlp, text)}
    assert name in names
    assert fragment not in names


@pytest.mark.parametrize("text", [
    "Mr Okafor in Parliament said the Bill was read.",
    "Vantiq in Lima will train 500 engineers.",
])
def test_in_before_a_place_or_after_a_name_says_where(nlp: Language, text: str) -> None:
    assert not any(" in " in n for _, n in entity_names(nlp, text))


@pytest.mark.parametrize("text", [
    "The Premier League signed an agreement with Sport Peru.",
    # A body's head noun inside the words after a title: no one's name.
    "Viewers asked about the price of the Premier League Pack on cable.",
    "Premier Council Member Ana Ruiz spoke.",
])
def test_a_body_s_head_noun_after_a_title_is_no_name(nlp: Language, text: str) -> None:
    found = entity_names(nlp, text)
    assert not any(label == "Person" and ("League" in name or "Council" in name)
                   for label, name in found)


def test_a_post_names_no_work_inside_it(nlp: Language) -> None:
    found = entity_names(nlp, "Mr Lim, Project Manager of Arcwell Builders, said so.")
    assert not any(name == "Project Manager" for _, name in found)


# Whole names of works, bodies and meetings -----------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    # A head word ending a remit is the remit's ("... and Society"), not a second name.
    ("The Ministry of Ocean Economy and Society sent a delegation.",
     "Ministry of Ocean Economy and Society"),
    # "in" before a field goes on in a complement; before a place it ends the name.
    (("Peru and Chile signed a Memorandum of Understanding on Cooperation in Maritime "
     "Training."), "Memorandum of Understanding on Cooperation in Maritime Training"),
    ("The Forum on Port Logistics in Singapore drew 300 people.", "Forum on Port Logistics"),
    # A head noun with "of" inside it.
    ("Malta and Peru signed the Letter of Intent on Port Data.",
     "Letter of Intent on Port Data"),
    ("The Logistics Industry Transformation Map 2030 was launched.",
     "Logistics Industry Transformation Map 2030"),
    # A numbered meeting's complement: a head inside it, possessives and comma lists.
    (("Chile hosted the 4th Meeting of the Ministerial Committee on Ports and Shipping in "
     "Santiago."), "4th Meeting of the Ministerial Committee on Ports and Shipping"),
    ("The 6th Regional Meeting on Water, Energy and Food was held in Lima.",
     "6th Regional Meeting on Water, Energy and Food"),
    ("She attended the 2nd Meeting of the Farmers’ Council on Rice Trade last week.",
     "2nd Meeting of the Farmers’ Council on Rice Trade"),
    ("Peru chaired the 3rd Workshop on Regional Cooperation in Port Safety on 2 May.",
     "3rd Workshop on Regional Cooperation in Port Safety"),
])
def test_whole_names_over_remits_complements_and_lists(nlp: Language, text: str,
                                                       name: str) -> None:
    assert name in {n for _, n in entity_names(nlp, text)}


def test_in_before_a_place_ends_a_meetings_name(nlp: Language) -> None:
    found = entity_names(nlp, "Peru attended the 3rd Summit on Ocean Data in Singapore.")
    assert {("Meeting", "3rd Summit on Ocean Data"), ("Country", "Singapore")} <= found


# Classes and fragments ---------------------------------------------------------------------

def test_myanmars_u_is_no_honorific_inside_a_name_or_before_a_word(nlp: Language) -> None:
    found = entity_names(nlp, "The PAKT U Care Symposium 2021 was opened by U Thein Naing. "
                              "Members of PAKT U Care joined.")
    assert ("Person", "Thein Naing") in found
    assert not any(label == "Person" and "Care" in name for label, name in found)


def test_a_degree_names_no_body(nlp: Language) -> None:
    found = entity_names(nlp, "She holds a Master of Public Administration from Harvard "
                              "and a Master in Management from HEC.")
    assert not any(name.endswith("Administration") or name.startswith("Master")
                   for _, name in found)


def test_a_name_ending_in_a_head_ends_before_and_the(nlp: Language) -> None:
    found = entity_names(nlp, "He sat on the board of the Housing & Development Board and "
                              "the Port Data Regional Board.")
    assert {"Housing & Development Board", "Port Data Regional Board"} <= {n for _, n in found}


@pytest.mark.parametrize(("text", "label", "name"), [
    ("Ministers met at the PortxSummit in May.", "Meeting", "PortxSummit"),
    ("LIMBURG – Today, Peru and Chile met in the capital.", "Place", "LIMBURG"),
    ("Ms Ana Torres spoke first. As chair, Ana thanked the guests.", "Person", "Ana Torres"),
    ("He met Mr Joost van Dam tot Hoorn on Monday.", "Person", "Joost van Dam tot Hoorn"),
])
def test_names_typed_by_their_form_and_their_page(nlp: Language, text: str, label: str,
                                                  name: str) -> None:
    found = entity_names(nlp, text)
    assert (label, name) in found, found
    assert not any(n == name and lab != label for lab, n in found)


def test_a_seat_in_parliament_is_no_body(nlp: Language) -> None:
    found = entity_names(nlp, "Mr Tan, Member of Parliament for Bukit Timah GRC, spoke.")
    assert not any(name.startswith("Parliament for") for _, name in found)


def test_sector_words_are_no_firms(nlp: Language) -> None:
    found = entity_names(nlp, "EdTech and MedTech firms joined the GovTech event.")
    assert not {"EdTech", "MedTech"} & {n for _, n in found}


def test_two_branches_sharing_their_bank_are_two_names(nlp: Language) -> None:
    found = entity_names(nlp, "Banks including Harbour Bank Singapore Branch and Shenzhen "
                              "Branch, and students of Ngee Ann Polytechnic and Republic "
                              "Polytechnic took part.")
    assert {"Harbour Bank Singapore Branch", "Harbour Bank Shenzhen Branch", "Ngee Ann Polytechnic",
            "Republic Polytechnic"} <= {n for _, n in found}
    assert not any(" and " in name for _, name in found)


def test_a_country_after_and_ends_a_bodys_remit(nlp: Language) -> None:
    found = entity_names(nlp, "The Department for Ports, Shipping and Trade and Singapore's "
                              "port authority signed it.")
    assert ("GovernmentAgency", "Department for Ports, Shipping and Trade") in found


def test_a_month_ends_a_complement_and_a_title_a_remit(nlp: Language) -> None:
    found = entity_names(nlp, "Peru signed the Memorandum of Understanding on Ports in Dec "
                              "2022 with Chile's Minister of Ports and Harbour Board Chairman "
                              "Dr Ana Ruiz.")
    names = {n for _, n in found}
    assert "Memorandum of Understanding on Ports" in names
    assert "Minister of Ports" in names


def test_a_body_inside_a_post_ends_before_the_holders_honorific(nlp: Language) -> None:
    found = entity_names(nlp, "Permanent Secretary of the Ministry of Ocean Economy and "
                              "Society Mr Pornsak Wattana led the delegation.")
    assert ("Ministry", "Ministry of Ocean Economy and Society") in found


@pytest.mark.parametrize(("text", "name"), [
    ("Report. ANDES-NLP was developed by the Lima Data Council.", "ANDES-NLP"),
    ("Report. Quillon was built by the Andes Data Lab.", "Quillon"),
])
def test_a_made_thing_nobody_named_is_a_product(nlp: Language, text: str, name: str) -> None:
    assert ("Product", name) in entity_names(nlp, text)


def test_a_common_noun_made_is_no_product(nlp: Language) -> None:
    found = entity_names(nlp, "Report. Guidance was developed by the Lima Data Council.")
    assert not {n for _, n in found if n == "Guidance"}
