"""Names that are not names, and names cut wrongly, on sentences written for these tests.

Families from a whole real site (issue 12): an honorific that is also a given name, an
acronym put on a country or place that ends a longer name, link texts, festivals, a
title before a head noun, a paragraph number glued to a name, pieces of words, pieces
cut across brackets, a one-word meeting series.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from helpers import entity_names

pytestmark = pytest.mark.model


def _names(found: set[tuple[str, str]]) -> set[str]:
    return {name for _, name in found}


def test_hon_inside_a_name_is_part_of_it(nlp: Language) -> None:
    found = _names(entity_names(nlp, "Mr Lam Hon Keat asked about jobs. Mr Lam said more."))
    assert "Lam Hon Keat" in found
    assert not {"Lam", "Keat"} & found


def test_the_hon_before_a_name_is_an_honorific(nlp: Language) -> None:
    assert ("Person", "Mary Brown") in entity_names(nlp, "The Hon Mary Brown spoke.")


@pytest.mark.parametrize(("text", "body", "acronym"), [
    ("Jointly run by Skills Bureau Malaysia (SBM), the pilot grew. SBM said so.",
     "Skills Bureau Malaysia", "SBM"),
    ("Talent Singapore (TSG) said jobs grew. TSG will help.", "Talent Singapore", "TSG"),
])
def test_an_acronym_of_a_name_ending_in_a_country_is_not_the_countrys(
        nlp: Language, text: str, body: str, acronym: str) -> None:
    from docgraph.ner import recognise
    from docgraph.resolve import resolve_document
    from helpers import clean_text

    document = clean_text(text, "t.txt")
    [analysis] = list(recognise([document], nlp))
    entities = resolve_document(document, analysis.mentions)
    named = {e.name: e for e in entities}
    assert acronym in named[body].aliases
    assert not any(acronym in e.aliases for e in entities if e.label == "Country")


def test_a_country_in_brackets_after_a_city_is_no_acronym(nlp: Language) -> None:
    from docgraph.ner import recognise
    from docgraph.resolve import resolve_document
    from helpers import clean_text

    document = clean_text("A corridor was built in Denver (USA) last year.", "t.txt")
    [analysis] = list(recognise([document], nlp))
    entities = resolve_document(document, analysis.mentions)
    assert not any("USA" in e.aliases and e.name != "United States" for e in entities)


def test_a_longer_name_ending_in_a_country_keeps_its_acronym_off_the_country(
        nlp: Language) -> None:
    found = entity_names(nlp, "The Study of Ageing in Malaysia (SAGEM) began. SAGEM grew.")
    assert ("Country", "Malaysia") in found or not any(n == "Malaysia" for _, n in found)
    from docgraph.ner import recognise
    from docgraph.resolve import resolve_document
    from helpers import clean_text

    document = clean_text("The Study of Ageing in Malaysia (SAGEM) began.", "t.txt")
    [analysis] = list(recognise([document], nlp))
    for entity in resolve_document(document, analysis.mentions):
        if entity.label == "Country":
            assert "SAGEM" not in entity.aliases


@pytest.mark.parametrize("text", [
    "Download the PDF version of the speech.",
    "We shared tips before Chinese New Year and Deepavali.",
    "The Meeting agreed to convene the next ADGMIN and Related Meetings in Hanoi.",
])
def test_link_texts_festivals_and_generic_meetings_are_no_entities(nlp: Language,
                                                                   text: str) -> None:
    found = _names(entity_names(nlp, text))
    assert not {"PDF", "Chinese New Year", "Deepavali", "Related Meetings"} & found


@pytest.mark.parametrize("text", [
    "The service by Bedok General Hospital helps seniors.",
    "We brought in General Assembly to run courses.",
])
def test_a_title_before_a_head_noun_is_no_person(nlp: Language, text: str) -> None:
    assert not any(label == "Person" for label, _ in entity_names(nlp, text))


def test_a_paragraph_number_glued_to_a_name_is_not_part_of_it(nlp: Language) -> None:
    found = entity_names(nlp, "12.Mr Arif Rahman asked the Minister about jobs.")
    assert ("Person", "Arif Rahman") in found
    assert not any(name.startswith("12") for _, name in found)


@pytest.mark.parametrize("text", [
    "Bookings.SG is used by most drivers.",
    "The TeSA (Tech Skills Accelerator) for ITE and Polytechnics grew.",
])
def test_pieces_of_words_and_of_brackets_are_no_names(nlp: Language, text: str) -> None:
    found = _names(entity_names(nlp, text))
    assert "SG" not in found
    assert not any(name.count("(") != name.count(")") for name in found)


def test_a_one_word_series_is_no_series(nlp: Language) -> None:
    found = entity_names(nlp, "This is the Second Session of the 14th Parliament.")
    assert ("MeetingSeries", "Session") not in found


def test_capitalised_common_words_are_no_name(nlp: Language) -> None:
    found = _names(entity_names(
        nlp, "The Air Conditioning unit served the Active Ageing centre. Cloud & Mobility "
             "grew fast. Government Ministries agreed."))
    assert not {"Air Conditioning", "Active Ageing", "Cloud & Mobility",
                "Government Ministries"} & found


def test_companies_and_platforms_have_their_class(nlp: Language) -> None:
    found = entity_names(nlp, "Netflix and Grab grew, and videos on YouTube spread.")
    assert {("Company", "Netflix"), ("Company", "Grab"), ("Product", "YouTube")} <= found


def test_no_names_from_sentences_in_another_language(nlp: Language) -> None:
    found = _names(entity_names(
        nlp, "Jadi hal ini sangat penting untuk Muzika Ekstravaganza dan semua orang di "
             "sana. Mr Arif Rahman thanked the Ministry of Health."))
    assert not {"Jadi hal ini", "Muzika Ekstravaganza"} & found
    assert {"Arif Rahman", "Ministry of Health"} <= found


def test_file_names_and_addresses_are_no_names(nlp: Language) -> None:
    found = _names(entity_names(nlp, "See Closing Note%20bill.pdf and Annual Report.pdf "
                                     "for the details from Singapore."))
    assert not any("pdf" in name or "%20" in name for name in found)


def test_parts_of_documents_and_generic_terms_are_no_names(nlp: Language) -> None:
    found = _names(entity_names(
        nlp, "Under Section 61MA and Annex C of the Act, the Ransomware-As-a-Service "
             "threat grew. AI Governance matters to Singapore. We met at Easter."))
    assert not {"Section 61MA", "Annex C", "Ransomware-As-a-Service", "AI Governance",
                "Easter"} & found
    assert "Singapore" in found


def test_5g_stays_one_word(nlp: Language) -> None:
    assert [t.text for t in nlp.make_doc("the 5G Security Testbed")] == [
        "the", "5G", "Security", "Testbed"]
    found = _names(entity_names(nlp, "IMDA launched the 5G Security Testbed programme."))
    assert not any(name.startswith("G ") for name in found)


def test_a_one_word_place_of_the_model_needs_the_text_to_show_it(nlp: Language) -> None:
    found = entity_names(
        nlp, "He met Pinterest and Workato executives before learning in Tamil. The "
             "meeting in Brisbane went well. Offices in Jakarta, Bandung and Yogyakarta "
             "opened.")
    places = {name for label, name in found if label in ("Place", "City")}
    assert {"Brisbane", "Bandung", "Yogyakarta"} <= places
    assert not {"Workato", "Tamil"} & places


def test_common_words_are_nobodys_name(nlp: Language) -> None:
    found = entity_names(nlp, "Volunteer Lawyer said so, and Cloud Computing agreed with "
                              "Ms Grace Fu.")
    people = {name for label, name in found if label == "Person"}
    assert "Grace Fu" in people
    assert not {"Volunteer Lawyer", "Cloud Computing"} & people


def test_initials_written_together_start_a_persons_name(nlp: Language) -> None:
    found = entity_names(nlp, "When the theatre pioneer Mr S.S. Sarma heard of it, he gave "
                              "posters to the library.")
    assert ("Person", "S.S. Sarma") in found


def test_a_quoted_theme_is_no_name(nlp: Language) -> None:
    found = _names(entity_names(
        nlp, "The theme of this year’s event is “Innovate with Trust, Transform with "
             "Data”. The library celebrates the theme: “Reconnect with Nature.”"))
    assert not {n for n in found if "Trust" in n or "Nature" in n}


def test_the_models_events_and_laws_need_a_head_noun(nlp: Language) -> None:
    found = entity_names(
        nlp, "People still reap the benefits of the Second Industrial Revolution. Pupils "
             "in Primary 5 learn to code. Ministers met at the G20 Digital Economy "
             "Ministers’ Meeting.")
    assert not {n for _, n in found if "Revolution" in n or "Primary" in n}


def test_a_weekday_or_month_ends_a_name(nlp: Language) -> None:
    found = _names(entity_names(nlp, "As I shared in Parliament on Monday, my ministry "
                                     "will do three things."))
    assert "Parliament on Monday" not in found


def test_a_plural_head_of_common_words_names_a_kind_not_a_body(nlp: Language) -> None:
    found = entity_names(
        nlp, "Social Media Services differ from Game Distribution Services. We worked "
             "with TOUCH Community Services and the U.S.-ASEAN Business Council.")
    names = _names(found)
    assert not {"Social Media Services", "Game Distribution Services"} & names
    assert ("Organization", "U.S.-ASEAN Business Council") in found
    assert "TOUCH Community Services" in names


def test_a_name_of_common_words_in_a_heading_needs_the_text_to_use_it(
        nlp: Language) -> None:
    from docgraph.clean import clean
    from docgraph.ingest import read_bytes
    from docgraph.ner import recognise

    document = clean(read_bytes(b"# Implementation Plan\n\nThe plan has three parts. "
                                b"The Digital Economy Office leads it.\n", "t.md"))
    [analysis] = recognise([document], nlp)
    names = {m.name for m in analysis.mentions}
    assert "Implementation Plan" not in names
    assert "Digital Economy Office" in names


def test_two_names_joined_by_and_stay_two(nlp: Language) -> None:
    found = _names(entity_names(
        nlp, "Industry partners like SGTech and Singapore Computer Society help. Students "
             "from our Polytechnics and Institutes of Technical Education ran clinics. "
             "The Restaurant Association of Singapore and Blossom World Society raised "
             "funds."))
    assert not {n for n in found if " and " in n}
    assert "Singapore Computer Society" in found


def test_words_before_and_that_share_a_head_stay_in_the_name(nlp: Language) -> None:
    found = _names(entity_names(
        nlp, "The ASEAN Transport and Energy Ministers Meeting "
             "opened. Delegates attended the Singapore Convention Signing Ceremony and "
             "Conference today."))
    assert "ASEAN Transport and Energy Ministers Meeting" in found
    assert "Singapore Convention Signing Ceremony and Conference" in found


def test_a_term_of_common_words_defined_with_an_acronym_is_no_body(nlp: Language) -> None:
    found = _names(entity_names(
        nlp, "Displays use Virtual Reality (VR). Plan ahead with Advance Care Planning "
             "(ACP). Workforce Singapore (WSG) helps."))
    assert not {"Virtual Reality", "Advance Care Planning"} & found
    assert "Workforce Singapore" in found


def test_an_acronym_before_and_is_a_name_of_its_own(nlp: Language) -> None:
    found = _names(entity_names(nlp, "Banks such as UOB and Standard Chartered Bank "
                                     "joined the scheme."))
    assert "UOB and Standard Chartered Bank" not in found
    assert "Standard Chartered Bank" in found


def test_a_plural_name_of_common_words_is_a_kind(nlp: Language) -> None:
    found = _names(entity_names(
        nlp, "We support the Industry Transformation Programmes. Officials met at the "
             "ASEAN Digital Senior Officials Meetings."))
    assert "Industry Transformation Programmes" not in found
    assert "ASEAN Digital Senior Officials Meetings" in found


def test_a_phrase_with_with_is_no_name(nlp: Language) -> None:
    found = _names(entity_names(nlp, "Mediacorp with Public Service Broadcasting funds "
                                     "the new drama series."))
    assert not {n for n in found if " with " in n}


def test_rare_derived_nouns_before_and_share_the_head(nlp: Language) -> None:
    found = _names(entity_names(nlp, "Minister Low chairs the Heartland Digitalisation and "
                                     "Revitalisation Committee this year."))
    assert "Heartland Digitalisation and Revitalisation Committee" in found


def test_a_speakers_own_body_a_number_or_an_attributive_acronym_is_no_name(
        nlp: Language) -> None:
    found = _names(entity_names(
        nlp, "My Ministry has backed the plan. Firms need staff for some of the HQB "
             "functions, as the TQC industry grows. The Harbour Data Agency (HDA) said HDA "
             "officers will help. The board will open 40 Kenya Harbour Digital Clinics."))
    assert not {"My Ministry", "HQB", "TQC", "Kenya Harbour Digital Clinics"} & found
    counted = _names(entity_names(nlp, "Help is available at all Kijiji Service Centres "
                                       "islandwide. The Nairobi Public Service Centre helps."))
    assert "Kijiji Service Centres" not in counted
    assert "Nairobi Public Service Centre" in counted
    assert "Harbour Data Agency" in found
    # The model's person with a number in the name (it reads this one as a person).
    app = entity_names(nlp, "HPB launched Healthy 365, which has kept 1.7 million users "
                            "active.")
    assert ("Person", "Healthy 365") not in app


def test_names_listed_after_a_kind_noun_are_of_that_kind(nlp: Language) -> None:
    found = entity_names(nlp, "We ran programmes such as Abang Teksi and Kopi Kakis, and "
                              "worked with companies such as Tokopedia and Zalora.")
    assert {("Programme", "Abang Teksi"), ("Programme", "Kopi Kakis")} <= found
    listed = entity_names(nlp, "The network spans cities in many countries, such as Jakarta, "
                               "London, Bangalore and Ho Chi Minh.")
    assert ("City", "Ho Chi Minh") in listed


def test_a_title_opening_with_function_words_after_the_is_whole(nlp: Language) -> None:
    found = _names(entity_names(nlp, "A cross-sector effort is the Be Data Smart programme, "
                                     "launched in Nairobi by the Coastal Data Agency."))
    assert "Be Data Smart programme" in found or "Be Data Smart" in found
    assert "Data Smart programme" not in found


def test_a_body_named_after_a_person_and_a_post_inside_a_word(nlp: Language) -> None:
    hospital = _names(entity_names(nlp, "It is open to patients of Ng Wei Ming General "
                                        "Hospital and Tan Kah Kee Hospital."))
    assert "Ng Wei Ming General Hospital" in hospital
    assert "Wei Ming General Hospital" not in hospital
    guest = entity_names(nlp, "Speech by Guest-Of-Honour Minister Amina Otieno at the "
                              "Harbour Data Summit")
    assert not any(label == "Post" and name.startswith("Honour") for label, name in guest)
    then = entity_names(nlp, "It was set up by then-Deputy Prime Minister Amina Otieno.")
    assert ("Post", "Deputy Prime Minister") in then


def test_a_field_after_in_ends_a_posts_remit(nlp: Language) -> None:
    found = entity_names(nlp, "Mr Ho Kah Wai, Head of Research in AI, said so. Ms Amina "
                              "Otieno, Minister for Trade in Kenya, spoke.")
    assert ("Post", "Head of Research in AI") in found
    assert ("Post", "Minister for Trade") in found  # a place is where, not a field


def test_a_force_is_a_body_named_whole(nlp: Language) -> None:
    found = entity_names(nlp, "The agencies include the Harbour Authority, People’s "
                              "Association, Kenya Civil Defence Force, and the Kenya Police "
                              "Force.")
    assert {("GovernmentAgency", "Kenya Civil Defence Force"),
            ("GovernmentAgency", "Kenya Police Force")} <= found


def test_a_body_of_common_words_after_a_is_one_of_a_kind(nlp: Language) -> None:
    assert not _names(entity_names(nlp, "The estate will serve as a Living Lab for ideas."))
    # A work in the making is named so.
    found = _names(entity_names(nlp, "They will work on an AI Governance Playbook for "
                                     "small states."))
    assert "AI Governance Playbook" in found


def test_a_person_ending_in_a_business_word_is_a_business(nlp: Language) -> None:
    found = entity_names(nlp, "We thank Kelpo Cloud and Marco Global Payroll for support.")
    assert not any(label == "Person" for label, _ in found)
