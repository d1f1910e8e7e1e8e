"""docgraph's spaCy components, rule by rule, on a rules-only pipeline (no model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from docgraph.ner import BLANK, build_pipeline, recognise
from docgraph.ner.candidates import MENTIONS
from docgraph.resolve import resolve_document
from helpers import clean_text


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(BLANK)


def ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_component_names_are_versioned(nlp: Language) -> None:
    ours = [name for name in nlp.pipe_names if name.startswith("docgraph_")]
    assert ours == ["docgraph_blocks_v1", "docgraph_gazetteer_v1", "docgraph_people_v1",
                    "docgraph_posts_v1", "docgraph_meetings_v1", "docgraph_names_v1",
                    "docgraph_acronyms_v1", "docgraph_repair_v1", "docgraph_relations_v1"]


# Gazetteer ------------------------------------------------------------------------------

def test_gazetteer_types_members_partners_and_variants(nlp: Language) -> None:
    found = ents(nlp, "Viet Nam, Vietnam, Lao PDR, the Philippines and ASEAN Member States "
                      "met the ITU in Kuala Lumpur.")
    assert found == [("Viet Nam", "Country"), ("Vietnam", "Country"), ("Lao PDR", "Country"),
                     ("Philippines", "Country"), ("ASEAN Member States", "Organization"),
                     ("ITU", "IntergovernmentalOrganization"), ("Kuala Lumpur", "City")]


@pytest.mark.parametrize(("text", "name"), [
    ("Ms Lim, Director, NUS-ISS, spoke.", ("NUS-ISS", "Organization")),
    ("She joined SUTD-XYZ last year.", ("SUTD-XYZ", "Organization")),
])
def test_a_known_acronym_glued_to_an_unknown_one_is_a_body_of_its_own(
        nlp: Language, text: str, name: tuple[str, str]) -> None:
    assert name in ents(nlp, text)


def test_a_bodys_organ_named_by_its_kind_alone_is_no_entity(nlp: Language) -> None:
    assert ents(nlp, "The Board of Directors met the Organising Committee.") == []


def test_singapore_towns_are_places(nlp: Language) -> None:
    found = ents(nlp, "Residents of Choa Chu Kang, Tampines and MacRitchie joined.")
    assert found == [("Choa Chu Kang", "Place"), ("Tampines", "Place"), ("MacRitchie", "Place")]


def test_two_known_acronyms_glued_stay_a_pair(nlp: Language) -> None:
    found = ents(nlp, "The EU-US talks ended.")
    assert ("US", "Country") in found
    assert [text for text, _ in found] == ["EU", "US"]


def test_user_gazetteers_add_entries(tmp_path: object) -> None:
    from pathlib import Path

    extra = Path(str(tmp_path)) / "mine.ttl"
    extra.write_text(
        "@prefix dg: <https://w3id.org/docgraph/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://example.org/widget-council> a dg:Organization ;\n"
        '    skos:prefLabel "Widget Council" ; skos:altLabel "WiCo" .\n', encoding="utf-8")
    nlp = build_pipeline(BLANK, gazetteers=[extra])
    assert ents(nlp, "WiCo met yesterday.") == [("WiCo", "Organization")]


# People ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "honorific"), [
    ("Mrs. Josephine Teo attended.", "Josephine Teo", "Mrs."),
    ("Minister Teo said so.", "Teo", "Minister"),
    ("Datuk Seri Mohammad Mentek spoke.", "Mohammad Mentek", "Datuk Seri"),
    ("H.E. Mr Nawaf bin Mohamed AlMouada signed.", "Nawaf bin Mohamed AlMouada", "H.E. Mr"),
    ("Senator Simon Birmingham agreed.", "Simon Birmingham", "Senator"),
    ("U Thant Sin Maung served.", "Thant Sin Maung", "U"),
    ("Ms Tan Li San, Chief Executive, spoke.", "Tan Li San", "Ms"),
    ("Datuk Dr Ching Thoo A/L Kim led.", "Ching Thoo A/L Kim", "Datuk Dr"),
])
def test_honorifics_are_attributes_not_names(nlp: Language, text: str, name: str,
                                             honorific: str) -> None:
    doc = nlp(text)
    person = next(m for m in doc.user_data[MENTIONS] if m.label == "Person")
    assert (person.name, person.honorific) == (name, honorific)


def test_an_address_before_a_title_is_not_a_body_qualifying_it(nlp: Language) -> None:
    # "H.E." looks like an acronym, but it is how the holder is addressed.
    doc = nlp("H.E. President Ana Quispe hosted a dinner for the delegates.")
    texts = {doc[m.start:m.end].text for m in doc.user_data[MENTIONS]}
    assert not any(text.startswith("H.E.") for text in texts)
    assert "Ana Quispe" in texts


def test_suffix_stays_in_the_mention_but_not_the_name(nlp: Language) -> None:
    doc = nlp("The Treaty was signed by Mr K Shanmugam SC today.")
    person = next(m for m in doc.user_data[MENTIONS] if m.label == "Person")
    assert (doc[person.start:person.end].text, person.name) == ("K Shanmugam SC", "K Shanmugam")


def test_a_title_before_a_country_is_not_a_person(nlp: Language) -> None:
    assert ("Singapore", "Country") in ents(nlp, "The Chair Singapore thanked everyone.")
    assert not any(label == "Person" for _, label in ents(nlp, "The Chair Singapore spoke."))


# Posts ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "posts"), [
    ("Singapore's Minister for Trade and Industry, Mr Gan Kim Yong, spoke.",
     ["Minister for Trade and Industry"]),
    (("Thailand's Deputy Prime Minister and Minister of Digital Economy and Society, "
      "Mr. Prasert, came."), ["Deputy Prime Minister", "Minister of Digital Economy and Society"]),
    ("Australia's Minister for Trade, Tourism and Investment.",
     ["Minister for Trade, Tourism and Investment"]),
    ("the Secretary-General of ASEAN, Dr Kao Kim Hourn,", ["Secretary-General of ASEAN"]),
    ("Mr Lew, Chief Executive of IMDA, and Ms Tan.", ["Chief Executive of IMDA"]),
    ("Senior Minister of State (Law and Health), Mr Edwin Tong",
     ["Senior Minister of State (Law and Health)"]),
    ("Minister for Home Affairs and Minister for Law, Mr K Shanmugam",
     ["Minister for Home Affairs", "Minister for Law"]),
])
def test_posts(nlp: Language, text: str, posts: list[str]) -> None:
    assert [t for t, label in ents(nlp, text) if label == "Post"] == posts


def test_a_lone_title_is_not_a_post(nlp: Language) -> None:
    assert not any(label == "Post" for _, label in ents(nlp, "The Minister said so."))


def test_names_inside_a_post_are_mentions_too(nlp: Language) -> None:
    doc = nlp("Dr Kao, the Secretary-General of ASEAN, spoke.")
    assert [m.label for m in doc.user_data[MENTIONS]] == [
        "Person", "Post", "IntergovernmentalOrganization"]


# Meetings -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "meeting", "ordinal"), [
    ("at the 4th ASEAN Digital Ministers Meeting today", "4th ASEAN Digital Ministers Meeting", 4),
    ("attended the 5th ADGMIN in Thailand", "5th ADGMIN", 5),
    ("the results of ADGMIN5 were", "ADGMIN5", 5),
    ("the Fourth ASEAN Digital Ministers' Meeting", "Fourth ASEAN Digital Ministers' Meeting", 4),
    ("its inaugural taskforce meeting took place", "inaugural taskforce meeting", 1),
    ("the 33rd Malaysia-Singapore Annual Exchange of Visits",
     "33rd Malaysia-Singapore Annual Exchange of Visits", 33),
    # A capitalised complement belongs to the meeting's name; a date or lower case not.
    ("hosted the 3rd Ministerial Roundtable on Digital Trade in Oslo",
     "3rd Ministerial Roundtable on Digital Trade", 3),
    ("at the 12th Meeting of the APEC Working Group on Cyber Resilience last week",
     "12th Meeting of the APEC Working Group on Cyber Resilience", 12),
    ("the 2nd Forum for Small Island States and the Pacific",
     "2nd Forum for Small Island States", 2),
    ("the 6th Summit on Monday", "6th Summit", 6),
    ("opened the 2nd Session for the Sitting", "2nd Session", 2),
    ("the 17th Exchange of Visits on the Environment", ("17th Exchange of Visits on the "
     "Environment"), 17),
    ("the 8th Conference on cyber norms", "8th Conference", 8),
])
def test_numbered_meetings_know_their_number(nlp: Language, text: str, meeting: str,
                                             ordinal: int) -> None:
    doc = nlp(text)
    found = next(m for m in doc.user_data[MENTIONS] if m.label == "Meeting")
    assert (doc[found.start:found.end].text, found.ordinal) == (meeting, ordinal)


def test_the_body_a_meeting_is_of_is_a_mention_too(nlp: Language) -> None:
    doc = nlp("Norway hosted the 12th Meeting of the Nordic Council on Data.")
    inner = [doc[m.start:m.end].text for m in doc.user_data[MENTIONS]
             if m.label != "Meeting" and m.start > 3]
    assert inner == ["Nordic Council on Data"]


def test_an_acronym_of_a_long_numbered_meeting_is_that_meeting(nlp: Language) -> None:
    text = ("The 21st Laos-Viet Nam Annual Exchange of Visits on the Environment and Water "
            "(LVAEV) was held in Vientiane. The LVAEV ended well.")
    document = clean_text(text, "t.txt")
    [analysis] = list(recognise([document], nlp))
    meetings = [e for e in resolve_document(document, analysis.mentions) if e.label == "Meeting"]
    assert len(meetings) == 1
    assert "LVAEV" in meetings[0].aliases


def test_meetings_link_to_a_gazetteer_series(nlp: Language) -> None:
    doc = nlp("the 5th ADGMIN and the 4th ASEAN Digital Ministers' Meeting")
    series = {m.series for m in doc.user_data[MENTIONS]}
    assert series == {"https://w3id.org/docgraph/id/meeting/asean-digital-ministers-meeting"}


# Names and acronyms ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("the Infocomm Media Development Authority said", ("Infocomm Media Development Authority",
                                                         "GovernmentAgency")),
    ("the ASEAN Guide on AI Governance and Ethics", ("ASEAN Guide on AI Governance and Ethics",
                                                      "Guideline")),
    ("Project Moonshot was built", ("Project Moonshot", "Project")),
    ("the Singapore Business Federation met", ("Singapore Business Federation",
                                               "Organization")),
    ("signed the Digital Economy Partnership Agreement",
     ("Digital Economy Partnership Agreement", "Agreement")),
    # A fund is a grant scheme; an event's head after a body's name says what it is.
    ("the Harmony Grant Fund will pay", ("Harmony Grant Fund", "Programme")),
    ("spoke at the Association for the Advancement of Robots Conference",
     ("Association for the Advancement of Robots Conference", "Meeting")),
    ("the Council for Estate Agencies Awards were given",
     ("Council for Estate Agencies Awards", "Programme")),
    ("the International Centre for Dispute Resolution said",
     ("International Centre for Dispute Resolution", "Organization")),
    ("attended the Total Defence Day Commemoration Ceremony",
     ("Total Defence Day Commemoration Ceremony", "Meeting")),
    ("attended the Mediation Signing Ceremony and Conference",
     ("Mediation Signing Ceremony and Conference", "Meeting")),
    # Streets and stations are places; a body "on" a street is where it is.
    ("remember the Harbour Library on Kelp Road", ("Kelp Road", "Place")),
    ("remember the Harbour Library on Kelp Road", ("Harbour Library", "Organization")),
    ("visited the Old Kelp Street Police Station", ("Old Kelp Street Police Station",
                                                    "Place")),
    # Nor is a date before it.
    ("the January 2025 Harbour Budget Review", ("Harbour Budget Review", "Report")),
    # An amount of money before a name is no part of it.
    ("the S$70 million Future Radio Programme", ("Future Radio Programme", "Programme")),
])
def test_names_typed_by_their_head_noun(nlp: Language, text: str,
                                        expected: tuple[str, str]) -> None:
    assert expected in ents(nlp, text)


def test_x_by_y_makes_a_work_and_its_maker(nlp: Language) -> None:
    assert ents(nlp, "such as PhoGPT by VinAI and ThaiLLM.") == [
        ("PhoGPT", "Product"), ("VinAI", "Organization"), ("ThaiLLM", "Product")]


def test_acronym_definitions_and_later_uses(nlp: Language) -> None:
    doc = nlp("It signed the UK-Singapore Digital Economy Agreement (UKSDEA). "
              "The UKSDEA builds on earlier work.")
    uses = [m for m in doc.user_data[MENTIONS] if doc[m.start : m.end].text == "UKSDEA"]
    assert len(uses) == 2
    assert {m.acronym_of for m in uses} == {"UK-Singapore Digital Economy Agreement"}
    assert {m.label for m in uses} == {"Agreement"}


def test_an_acronym_in_another_language_takes_the_name_before_it(nlp: Language) -> None:
    doc = nlp("He is Secretary-General of the Ministry of Communications and Multimedia "
              "Malaysia (KKMM). KKMM hosted it.")
    kkmm = [m for m in doc.user_data[MENTIONS] if doc[m.start : m.end].text == "KKMM"]
    assert {m.acronym_of for m in kkmm} == {"Ministry of Communications and Multimedia Malaysia"}
    assert {m.label for m in kkmm} == {"Ministry"}


# Repair ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "AI governance and ICT matter.",
    "Under Singapore's Chairmanship, work went on.",
    "The Working Group met.",
])
def test_non_entities_are_dropped(nlp: Language, text: str) -> None:
    labels = dict(ents(nlp, text))
    assert not set(labels) & {"AI", "ICT", "Chairmanship", "Singapore's Chairmanship"}


def test_names_in_capitals_are_the_gazetteers_names(nlp: Language) -> None:
    found = ents(nlp, "SINGAPORE, 3 May 2024 - The PRIME MINISTER'S OFFICE said so.")
    assert ("SINGAPORE", "Country") in found
    assert ("PRIME MINISTER'S OFFICE", "GovernmentAgency") in found
    doc = nlp("SINGAPORE agreed with Singapore.")
    assert {m.key for m in doc.user_data[MENTIONS]} == {
        "https://w3id.org/docgraph/id/country/singapore"}


def test_a_hyphenated_word_in_a_name_is_no_title_case_glue(nlp: Language) -> None:
    found = ents(nlp, "They use the Pan-Asian Trade Network On-Line Agency daily.")
    assert ("Pan-Asian Trade Network On-Line Agency", "GovernmentAgency") in found


def test_a_rank_after_given_names_opens_the_fathers_name(nlp: Language) -> None:
    found = ents(nlp, "The committee is co-chaired by Mohd Amin Dato Paduka Haji Ali Rahman, "
                      "Permanent Secretary.")
    assert ("Mohd Amin Dato Paduka Haji Ali Rahman", "Person") in found
    # At a name's start the rank is an honorific, outside the name.
    alone = ents(nlp, "The Minister thanked Dato Paduka Haji Ali Rahman.")
    assert ("Ali Rahman", "Person") in alone


def test_a_hyphenated_word_ends_a_meetings_name_whole(nlp: Language) -> None:
    found = ents(nlp, "They co-chaired the 8th Harbour Joint Committee (HJC) Meeting on "
                      "Digital Co-operation between the two Governments.")
    assert ("8th Harbour Joint Committee (HJC) Meeting on Digital Co-operation",
            "Meeting") in found


def test_a_series_with_a_year_is_that_years_meeting(nlp: Language) -> None:
    assert ("Committee of Supply 2022", "Meeting") in ents(
        nlp, "At the Committee of Supply 2022, he spoke.")


def test_two_bodies_of_common_words_joined_by_and_are_two_names(nlp: Language) -> None:
    found = ents(nlp, "The Data and Digital Government Office and Public Technology Agency "
                      "will lead.")
    assert [text for text, _ in found] == ["Data and Digital Government Office",
                                           "Public Technology Agency"]
    one = ents(nlp, "They attended the Harbour Signing Ceremony and Conference.")
    assert [text for text, _ in one] == ["Harbour Signing Ceremony and Conference"]
